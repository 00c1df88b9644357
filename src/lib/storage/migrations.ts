// Schema migrations: one function, cumulative `if (oldVersion < N)` steps, run inside the
// versionchange transaction. Each step only awaits IndexedDB requests (anything else would
// let the transaction commit half-way), and a step that throws aborts the whole upgrade.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { parseIsoDateTime } from '../time';
import { isRecord } from '../validation/problems';
import { digestsFromSessions, writeDigests } from './digest-store';
import { createSessionId } from '../session/ids';
// Relative, not $lib: the benchmark loads this module (through seed.ts) with tsx outside Vite.
import { defaultTimeZone, tryLocalDay } from '../adherence/days';
import { countsAsDone } from '../adherence/session-index';
import { outcomeOf, type CountedExercise } from '../session/outcome';
import { LEGACY_CHECKPOINT_KEY, type LimberSchema } from './schema';

export type UpgradeTransaction = IDBPTransaction<
	LimberSchema,
	StoreNames<LimberSchema>[],
	'versionchange'
>;

/** The key under which version 1 and 2 kept every setting in one object. */
export const LEGACY_SETTINGS_KEY = 'app';

/** Setting names that version 1 used and later versions renamed. */
const RENAMED_SETTINGS: Record<string, string> = { sound: 'beeps' };

/** Brings a database of any earlier version (0 = new) up to DB_VERSION. */
export async function migrate(
	db: IDBPDatabase<LimberSchema>,
	oldVersion: number,
	tx: UpgradeTransaction
): Promise<void> {
	if (oldVersion < 1) {
		// Version 1: the first release.
		const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
		sessions.createIndex('by-startedAt', 'startedAt');
		db.createObjectStore('programs', { keyPath: 'program.id' });
		db.createObjectStore('checkpoint');
		db.createObjectStore('settings');
	}
	if (oldVersion < 2) {
		// Version 2: sessions by program, and every session carries its active duration.
		const sessions = tx.objectStore('sessions');
		sessions.createIndex('by-programId', 'programId');
		let cursor = await sessions.openCursor();
		while (cursor) {
			const record: unknown = cursor.value;
			if (isRecord(record) && typeof record.durationSeconds !== 'number') {
				await cursor.update({
					...(record as object),
					durationSeconds: estimateDuration(record.startedAt, record.endedAt)
				} as LimberSchema['sessions']['value']);
			}
			cursor = await cursor.continue();
		}
	}
	if (oldVersion < 3) {
		// Version 3: settings move from one object to one record per setting.
		const settings = tx.objectStore('settings');
		const legacy: unknown = await settings.get(LEGACY_SETTINGS_KEY);
		if (isRecord(legacy)) {
			for (const [oldKey, value] of Object.entries(legacy)) {
				const key = RENAMED_SETTINGS[oldKey] ?? oldKey;
				if (key === LEGACY_SETTINGS_KEY || key === '__proto__') continue;
				if ((await settings.getKey(key)) === undefined) await settings.put(value, key);
			}
		}
		if (legacy !== undefined) await settings.delete(LEGACY_SETTINGS_KEY);
	}
	if (oldVersion < 4) {
		// Version 4: the digests History reads, one packed record made from every stored session.
		db.createObjectStore('sessionDigests');
		const packed = await digestsFromSessions(tx.objectStore('sessions'));
		await writeDigests(tx.objectStore('sessionDigests'), packed);
	}
	if (oldVersion < 5) {
		// Version 5, part 1: every exercise record gets its outcome, worked out from its counts
		// (older versions only had `skipped`, so an exercise the session never reached read as done).
		const sessions = tx.objectStore('sessions');
		const all: unknown[] = await sessions.getAll();
		for (const record of all) {
			const updated = withOutcomes(record);
			if (updated) await sessions.put(updated as unknown as LimberSchema['sessions']['value']);
		}
		// The digests gain each session's effort and note (format 2): made again from the sessions.
		await writeDigests(tx.objectStore('sessionDigests'), await digestsFromSessions(sessions));
		// Part 3: the routines already played are followed, each from the day of its first session
		// (adherence is measured for followed routines only, from then on).
		const settings = tx.objectStore('settings');
		const follows = followsFromSessions(all, defaultTimeZone());
		if (Object.keys(follows).length > 0 && (await settings.getKey('follows')) === undefined) {
			await settings.put(follows, 'follows');
		}
		// Part 2: a checkpoint per session, keyed by the session's id. The one checkpoint of
		// older versions gets an id of its own (its record will carry it) and moves to that key.
		const checkpoints = tx.objectStore('checkpoint');
		const legacy: unknown = await checkpoints.get(LEGACY_CHECKPOINT_KEY);
		if (legacy !== undefined) {
			await checkpoints.delete(LEGACY_CHECKPOINT_KEY);
			if (isRecord(legacy)) {
				const sessionId =
					typeof legacy.sessionId === 'string' && legacy.sessionId !== ''
						? legacy.sessionId
						: createSessionId();
				await checkpoints.put(
					{ ...legacy, sessionId } as LimberSchema['checkpoint']['value'],
					sessionId
				);
			}
		}
	}
	if (oldVersion < 6) {
		// Version 6: the routine builder keeps unsaved routines (nothing to carry over).
		db.createObjectStore('drafts', { keyPath: 'id' });
	}
	if (oldVersion < 7) {
		// Version 7: sync's entries (one per document, by change number too) and its own records.
		// Sync starts off: nothing is recorded until the person turns it on (which makes an entry
		// for everything stored then).
		const entries = db.createObjectStore('syncEntries', { keyPath: 'doc._id' });
		entries.createIndex('by-seq', 'seq');
		db.createObjectStore('syncMeta');
	}
}

/** Each program played (a session that counts), followed since the local day of its first one. */
export function followsFromSessions(
	records: readonly unknown[],
	timeZone: string
): Record<string, { since: string }> {
	const first = new Map<string, string>();
	for (const record of records) {
		if (!isRecord(record) || typeof record.programId !== 'string') continue;
		if (!countsAsDone(record as never)) continue;
		if (typeof record.startedAt !== 'string') continue;
		const day = tryLocalDay(record.startedAt, timeZone);
		if (day === null) continue;
		const earlier = first.get(record.programId);
		if (earlier === undefined || day < earlier) first.set(record.programId, day);
	}
	const follows: Record<string, { since: string }> = {};
	for (const [id, since] of first) {
		if (id !== '__proto__') follows[id] = { since };
	}
	return follows;
}

/** A session record whose exercise records lack outcomes, with them; null when nothing changes. */
export function withOutcomes(record: unknown): Record<string, unknown> | null {
	if (!isRecord(record) || !Array.isArray(record.exercises)) return null;
	const before: unknown[] = record.exercises;
	const exercises = before.map((exercise) => {
		if (!isRecord(exercise) || typeof exercise.outcome === 'string') return exercise;
		const counted = exercise as unknown as CountedExercise;
		if (!isRecord(counted.repsDone)) return exercise;
		return { ...exercise, outcome: outcomeOf(counted) };
	});
	return exercises.some((exercise, i) => exercise !== before[i]) ? { ...record, exercises } : null;
}

/**
 * Version 1 did not store the active duration. The best estimate left is wall-clock time from
 * start to end (pauses included), in whole seconds; 0 when the times are unreadable.
 */
export function estimateDuration(startedAt: unknown, endedAt: unknown): number {
	const start = parseIsoDateTime(startedAt);
	const end = parseIsoDateTime(endedAt);
	if (start === null || end === null || end < start) return 0;
	return Math.round((end - start) / 1000);
}
