// Imported programs, stored whole and validated again on every read: a record damaged on disk
// (or written by an older app with other rules) is reported, never played and never a crash.
import type { Problem, Program } from '$lib/program/types';
import { validateProgram } from '$lib/program/validate';
import { isRecord } from '$lib/validation/problems';
import { check } from '$lib/validation/schemas';
import { inTransaction, readDatabase, withDatabase } from './database';
import { StorageError } from './errors';
import { StoredProgramSchema, type ProgramSource, type StoredProgram } from './schema';
import { recordDeletion, recordRoutine, SYNC_STORES, syncStoresOf } from './sync-changes';
import { routineDocId } from '$lib/sync/documents';

export type { ProgramSource, StoredProgram } from './schema';

/** A stored program as read back: valid and playable, or damaged with its problems. */
export type ImportedProgramEntry =
	| { id: string; ok: true; program: Program; importedAt: string; source?: ProgramSource }
	| { id: string; ok: false; problems: Problem[] };

/** Checks a stored record (pure): the program with validateProgram, the rest with its schema. */
export function checkStoredProgram(id: string, value: unknown): ImportedProgramEntry {
	if (!isRecord(value) || !('program' in value)) {
		return { id, ok: false, problems: [{ path: '(record)', message: 'has no program in it' }] };
	}
	const result = validateProgram(value.program);
	const record = check(StoredProgramSchema, value);
	const problems: Problem[] = result.ok ? [] : [...result.problems];
	if (result.ok && result.value.id !== id) {
		problems.push({ path: 'id', message: `does not match the key it is stored under ("${id}")` });
	}
	if (!record.ok) problems.push(...record.problems);
	if (!result.ok || !record.ok || problems.length > 0) return { id, ok: false, problems };
	const entry: ImportedProgramEntry = {
		id,
		ok: true,
		program: result.value,
		importedAt: record.value.importedAt
	};
	if (record.value.source) entry.source = record.value.source;
	return entry;
}

/** Stores an imported (already validated) program, replacing one with the same id. */
export async function saveImportedProgram(
	program: Program,
	source?: ProgramSource,
	importedAt: Date = new Date()
): Promise<void> {
	const record: StoredProgram = { program, importedAt: importedAt.toISOString() };
	if (source) record.source = source;
	await putStoredProgram(record);
}

/** Writes one stored-program record, durably (and records it for sync). */
async function putStoredProgram(record: StoredProgram): Promise<void> {
	await withDatabase((db) =>
		inTransaction(
			db,
			['programs', ...SYNC_STORES],
			'readwrite',
			async (tx) => {
				await tx.objectStore('programs').put(record);
				await recordRoutine(syncStoresOf(tx), record);
			},
			'strict'
		)
	);
}

/** A stored program with its import details, valid or damaged; undefined when absent. */
export async function getImportedProgramEntry(
	id: string
): Promise<ImportedProgramEntry | undefined> {
	const value = await readDatabase((db) => db.get('programs', id), undefined);
	return value === undefined ? undefined : checkStoredProgram(id, value);
}

/**
 * An imported program, ready to play; undefined when there is none. A damaged record rejects
 * with a 'damaged' StorageError that says what is wrong.
 */
export async function getImportedProgram(id: string): Promise<Program | undefined> {
	const entry = await getImportedProgramEntry(id);
	if (!entry) return undefined;
	if (entry.ok) return entry.program;
	throw damagedError(entry);
}

/** Every stored program, valid or damaged, sorted by title (damaged ones last, by id). */
export async function listImportedProgramEntries(): Promise<ImportedProgramEntry[]> {
	const found = await readDatabase(async (db) => {
		const tx = db.transaction('programs', 'readonly');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
		await tx.done;
		return keys.map((key, i) => checkStoredProgram(String(key), values[i]));
	}, []);
	return found.sort(byTitle);
}

/** The valid imported programs, sorted by title. Damaged ones are left out (see the entries). */
export async function listImportedPrograms(): Promise<Program[]> {
	const entries = await listImportedProgramEntries();
	return entries.flatMap((entry) => (entry.ok ? [entry.program] : []));
}

/** Whether a program with this id was imported (damaged or not). */
export async function hasImportedProgram(id: string): Promise<boolean> {
	const key = await readDatabase((db) => db.getKey('programs', id), undefined);
	return key !== undefined;
}

/** Deletes an imported program; returns the stored record (for undo), or undefined. */
export async function deleteImportedProgram(id: string): Promise<StoredProgram | undefined> {
	return withDatabase((db) =>
		inTransaction(
			db,
			['programs', ...SYNC_STORES],
			'readwrite',
			async (tx) => {
				const store = tx.objectStore('programs');
				const existing = await store.get(id);
				if (existing !== undefined) {
					await store.delete(id);
					await recordDeletion(syncStoresOf(tx), routineDocId(id), 'routine');
				}
				return existing;
			},
			'strict'
		)
	);
}

/** Puts back a record removed by deleteImportedProgram (undo). */
export async function restoreImportedProgram(record: StoredProgram): Promise<void> {
	await putStoredProgram(record);
}

function damagedError(entry: { id: string; problems: Problem[] }): StorageError {
	const first = entry.problems[0];
	const detail = first ? ` (${first.path}: ${first.message})` : '';
	return new StorageError(
		'damaged',
		`The imported program “${entry.id}” stored on this device is damaged${detail}. Remove it and import it again.`
	);
}

function byTitle(a: ImportedProgramEntry, b: ImportedProgramEntry): number {
	if (a.ok !== b.ok) return a.ok ? -1 : 1;
	const titleA = a.ok ? a.program.title : a.id;
	const titleB = b.ok ? b.program.title : b.id;
	return titleA.localeCompare(titleB) || a.id.localeCompare(b.id);
}
