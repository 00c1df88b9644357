// The routine builder's drafts: a routine as the person left it, written on every change, so a
// reload, a closed tab or a flat battery loses nothing typed. A draft's program may be invalid
// (that is what a draft is); it is checked for its shape on read, and by the validator before it
// is saved as a program.
import { isRecord } from '$lib/validation/problems';
import type { Program } from '$lib/program/types';
import { inTransaction, readDatabase, withDatabase } from './database';
import type { DraftMode, StoredDraft, StoredProgram } from './schema';
import { recordRoutine, SYNC_STORES, syncStoresOf } from './sync-changes';

export type { DraftMode, StoredDraft } from './schema';

const MODES: readonly DraftMode[] = ['new', 'copy', 'edit'];

/** A stored value that has the shape of a draft (its program's values are not checked). */
export function isDraft(value: unknown): value is StoredDraft {
	return (
		isRecord(value) &&
		typeof value.id === 'string' &&
		MODES.includes(value.mode as DraftMode) &&
		(value.sourceId === undefined || typeof value.sourceId === 'string') &&
		(value.baseVersion === undefined || typeof value.baseVersion === 'number') &&
		typeof value.updatedAt === 'string' &&
		isRecord(value.program) &&
		Array.isArray(value.program.exercises) &&
		isRecord(value.program.schedule) &&
		Array.isArray(value.program.safety)
	);
}

/** Writes a draft (replacing the one with its id). */
export async function putDraft(draft: StoredDraft): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, ['drafts'], 'readwrite', async (tx) => {
			await tx.objectStore('drafts').put(draft);
		})
	);
}

/** A draft by id; undefined when there is none (or it is damaged beyond its shape). */
export async function getDraft(id: string): Promise<StoredDraft | undefined> {
	const value: unknown = await readDatabase((db) => db.get('drafts', id), undefined);
	return isDraft(value) ? value : undefined;
}

/** Every draft, the most recently changed first. */
export async function listDrafts(): Promise<StoredDraft[]> {
	const all: unknown[] = await readDatabase((db) => db.getAll('drafts'), []);
	return all.filter(isDraft).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Removes a draft (after it is saved as a program, or discarded). */
export async function deleteDraft(id: string): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, ['drafts'], 'readwrite', async (tx) => {
			await tx.objectStore('drafts').delete(id);
		})
	);
}

/**
 * Saves a routine from the builder as an imported program and removes its draft, in one
 * transaction: either both happen or neither does.
 */
export async function saveDraftAsProgram(program: Program, draftId: string): Promise<void> {
	await withDatabase((db) =>
		inTransaction(
			db,
			['programs', 'drafts', ...SYNC_STORES],
			'readwrite',
			async (tx) => {
				const record: StoredProgram = {
					program,
					importedAt: new Date().toISOString(),
					source: 'builder'
				};
				await tx.objectStore('programs').put(record);
				await tx.objectStore('drafts').delete(draftId);
				await recordRoutine(syncStoresOf(tx), record);
			},
			'strict'
		)
	);
}
