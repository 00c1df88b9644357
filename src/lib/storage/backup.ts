// Backup export and import against the database. The file format and its validator are pure
// and live in backup-format.ts (re-exported here, so pages need only this module).
import { version as appVersionOfBuild } from '$app/environment';
import type { SessionRecord } from '$lib/session/record';
import { buildBackup, serializeBackup, type Backup, type BackupContents } from './backup-format';
import { inTransaction, readDatabase, withDatabase } from './database';
import { readDigestsForWrite, writeDigests } from './digest-store';
import { digestOf, putDigests } from './digests';
import { checkStoredProgram } from './programs';
import type { SessionDigest, StoredProgram } from './schema';
import {
	recordRoutine,
	recordSession,
	recordSetting,
	SYNC_STORES,
	syncStoresOf
} from './sync-changes';
import {
	DEVICE_ONLY_SETTINGS,
	isSettingKey,
	isValidSetting,
	type SettingKey,
	type Settings
} from './settings-schema';

export * from './backup-format';

/** What an import did. */
export interface ImportReport {
	sessionsAdded: number;
	/** Sessions whose id was already stored: the stored one was kept. */
	sessionsSkipped: number;
	/** Ids of programs added. */
	programsAdded: string[];
	/** Ids of programs already stored with the same content. */
	programsUnchanged: string[];
	/** Ids of programs already stored with different content: the stored one was kept. */
	programsKept: string[];
	/** Settings that were not set on this device and were taken from the backup. */
	settingsFilled: SettingKey[];
}

/**
 * Everything a backup holds, read in one transaction. Damaged programs are left out (a backup
 * carrying one could never be imported); settings are the stored, usable values only.
 */
export async function readBackupContents(): Promise<BackupContents> {
	const empty: BackupContents = { sessions: [], programs: [], settings: {} };
	return readDatabase(
		(db) =>
			inTransaction(db, ['sessions', 'programs', 'settings'], 'readonly', async (tx) => {
				const settingsStore = tx.objectStore('settings');
				const programStore = tx.objectStore('programs');
				const [sessions, programKeys, programValues, settingKeys, settingValues] =
					await Promise.all([
						tx.objectStore('sessions').index('by-startedAt').getAll(),
						programStore.getAllKeys(),
						programStore.getAll(),
						settingsStore.getAllKeys(),
						settingsStore.getAll()
					]);
				const programs: StoredProgram[] = [];
				programKeys.forEach((key, i) => {
					const entry = checkStoredProgram(String(key), programValues[i]);
					if (entry.ok) {
						const record: StoredProgram = { program: entry.program, importedAt: entry.importedAt };
						if (entry.source) record.source = entry.source;
						programs.push(record);
					} else {
						console.warn(`Limber: the damaged program "${String(key)}" is left out of the backup`);
					}
				});
				const settings: Record<string, unknown> = {};
				settingKeys.forEach((key, i) => {
					const name = String(key);
					if (isSettingKey(name) && isValidSetting(name, settingValues[i])) {
						settings[name] = settingValues[i];
					}
				});
				return { sessions, programs, settings: settings as Partial<Settings> };
			}),
		empty
	);
}

/** The whole backup as JSON text, made at `now` (a Date or epoch ms). */
export async function exportBackup(
	now: Date | number,
	appVersion: string = appVersionOfBuild
): Promise<string> {
	const at = typeof now === 'number' ? now : now.getTime();
	return serializeBackup(buildBackup(await readBackupContents(), at, appVersion));
}

/**
 * Merges a validated backup into this device, all in one transaction (a failure changes
 * nothing): sessions by id (stored ones are kept) with their digests, programs added when
 * absent (a different program under a stored id is kept as stored, and reported), settings only
 * where this device has none (device-only settings are never taken).
 */
export async function importBackup(backup: Backup): Promise<ImportReport> {
	return withDatabase((db) =>
		inTransaction(
			db,
			['sessions', 'sessionDigests', 'programs', 'settings', ...SYNC_STORES],
			'readwrite',
			async (tx) => {
				const report: ImportReport = {
					sessionsAdded: 0,
					sessionsSkipped: 0,
					programsAdded: [],
					programsUnchanged: [],
					programsKept: [],
					settingsFilled: []
				};
				const writes: Promise<unknown>[] = [];
				// Each write's rejection is observed at once: if a later write throws, the
				// transaction aborts and the earlier ones reject with nobody else listening.
				const write = (request: Promise<unknown>) => {
					request.catch(() => {});
					writes.push(request);
				};

				const sessionStore = tx.objectStore('sessions');
				const digestStore = tx.objectStore('sessionDigests');
				const known = new Set<string>(await sessionStore.getAllKeys());
				const storedDigests = await readDigestsForWrite(sessionStore, digestStore);
				const added: SessionDigest[] = [];
				const addedSessions: SessionRecord[] = [];
				const addedPrograms: StoredProgram[] = [];
				for (const session of backup.sessions) {
					if (known.has(session.id)) {
						report.sessionsSkipped++;
						continue;
					}
					known.add(session.id);
					addedSessions.push(session as SessionRecord);
					write(sessionStore.put(session as SessionRecord));
					added.push(digestOf(session as SessionRecord));
					report.sessionsAdded++;
				}
				if (added.length > 0) write(writeDigests(digestStore, putDigests(storedDigests, added)));

				const programStore = tx.objectStore('programs');
				for (const entry of backup.programs) {
					const id = entry.program.id;
					const existing = await programStore.get(id);
					if (existing === undefined) {
						addedPrograms.push(entry);
						write(programStore.put(entry));
						report.programsAdded.push(id);
					} else if (sameJson(existing.program, entry.program)) {
						report.programsUnchanged.push(id);
					} else {
						report.programsKept.push(id);
					}
				}

				const settingsStore = tx.objectStore('settings');
				const stored = new Set((await settingsStore.getAllKeys()).map(String));
				for (const [key, value] of Object.entries(backup.settings)) {
					if (!isSettingKey(key) || DEVICE_ONLY_SETTINGS.includes(key) || stored.has(key)) {
						continue;
					}
					write(settingsStore.put(value, key));
					report.settingsFilled.push(key);
				}

				await Promise.all(writes);
				// What was added is recorded for sync (while it is on), in the same transaction.
				const sync = syncStoresOf(tx);
				for (const session of addedSessions) await recordSession(sync, session, undefined);
				for (const entry of addedPrograms) await recordRoutine(sync, entry);
				for (const key of report.settingsFilled) {
					await recordSetting(sync, settingsStore, key, undefined);
				}
				return report;
			},
			'strict'
		)
	);
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
	return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	// JSON.stringify gives undefined (not a string, whatever its type says) for undefined and functions.
	const text = JSON.stringify(value) as string | undefined;
	return text ?? 'undefined';
}
