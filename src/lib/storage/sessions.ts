// The session log: append-mostly, written with strict durability. A save resolves only after
// its transaction has completed, so "saved" on screen is true; on failure it rejects with a
// StorageError (quota included) and the session's checkpoint keeps the record to retry from.
// Every write changes the session's digest (sessionDigests) in the same transaction, and a save
// removes the session's checkpoint in it too. A record is keyed by the session's id from its
// start, so saving it again (a retry, a second tab, answers added later) updates it.
import { withAnswers, type SessionAnswers } from '$lib/session/answers';
import type { SessionRecord } from '$lib/session/record';
import { inTransaction, readDatabase, withDatabase } from './database';
import { announceSessionsChanged } from './session-events';
import {
	both,
	digestsFromSessions,
	putWithDigest,
	readDigestsForWrite,
	writeDigests
} from './digest-store';
import { digestCount, isPackedDigests, removeDigest, unpackDigests } from './digests';
import { isQuotaError, StorageError } from './errors';
import { DIGESTS_KEY, type LimberDatabase, type PackedDigests, type SessionDigest } from './schema';
import { recordDeletion, recordSession, SYNC_STORES, syncStoresOf } from './sync-changes';

export interface ListSessionsOptions {
	/** Only this program's sessions. */
	programId?: string;
	/** At most this many (the newest). */
	limit?: number;
	/**
	 * Only sessions that started at or after this moment: ISO 8601 in the UTC form the records
	 * use (`Date.toISOString()`), compared as text as the by-startedAt index compares it.
	 */
	since?: string;
}

/**
 * Stores a finished (or ended early) session, or a new version of one (same id), and removes
 * its checkpoint in the same transaction; resolves once it is durably saved.
 */
export async function saveSession(record: SessionRecord): Promise<void> {
	await storeSession(record, false);
	announceSessionsChanged();
}

/**
 * Stores a session that has just ended (or is recovered from its checkpoint) unless a record
 * with its id is already stored, and removes its checkpoint, in one strict transaction; resolves
 * to the record as stored. A second tab recovering the same session, or a retry after another
 * tab stored it, finds the stored record and keeps it as it is (answers included).
 */
export async function storeNewSession(record: SessionRecord): Promise<SessionRecord> {
	const stored = await storeSession(record, true);
	announceSessionsChanged();
	return stored;
}

/** saveSession and storeNewSession: the record (unless one is kept) and its digest, the
 * checkpoint removed, and the change recorded for sync, in one strict transaction. */
function storeSession(record: SessionRecord, keepStored: boolean): Promise<SessionRecord> {
	assertTimesInOrder(record);
	return withDatabase((db) =>
		inTransaction(
			db,
			['sessions', 'sessionDigests', 'checkpoint', ...SYNC_STORES],
			'readwrite',
			async (tx) => {
				const previous = await tx.objectStore('sessions').get(record.id);
				const stored = keepStored ? previous : undefined;
				if (!stored) {
					await putWithDigest(tx.objectStore('sessions'), tx.objectStore('sessionDigests'), record);
					await recordSession(syncStoresOf(tx), record, previous);
				}
				await tx.objectStore('checkpoint').delete(record.id);
				return stored ?? record;
			},
			'strict'
		)
	);
}

type SessionsStores = ['sessions', 'sessionDigests', 'syncEntries', 'syncMeta'];
type SessionsWrite = Parameters<typeof inTransaction<SessionsStores, 'readwrite', unknown>>[3];

/** Runs `body` in one strict read-write transaction over the sessions, their digests and sync. */
function writeSessions<T>(body: (tx: Parameters<SessionsWrite>[0]) => Promise<T>): Promise<T> {
	const stores: SessionsStores = ['sessions', 'sessionDigests', ...SYNC_STORES];
	return withDatabase((db) => inTransaction(db, stores, 'readwrite', body, 'strict'));
}

/**
 * Adds the summary's answers (pain after, effort, note, skip reasons) to a stored session, read
 * and written in one transaction; resolves to the record as stored. Rejects with a StorageError
 * of kind 'unknown' when no session has that id.
 */
export async function answerSession(id: string, answers: SessionAnswers): Promise<SessionRecord> {
	const answered = await writeSessions(async (tx) => {
		const stored = await tx.objectStore('sessions').get(id);
		if (!stored) throw new StorageError('unknown', 'This session is not stored on this device.');
		const record = withAnswers(stored, answers);
		await putWithDigest(tx.objectStore('sessions'), tx.objectStore('sessionDigests'), record);
		await recordSession(syncStoresOf(tx), record, stored);
		return record;
	});
	announceSessionsChanged();
	return answered;
}

/** Puts back a session removed by deleteSession (undo). */
export async function restoreSession(record: SessionRecord): Promise<void> {
	await saveSession(record);
}

/** Sessions, newest first (by startedAt). */
export async function listSessions(options: ListSessionsOptions = {}): Promise<SessionRecord[]> {
	const { programId, limit, since } = options;
	if (limit !== undefined && limit <= 0) return [];
	return readDatabase(async (db) => {
		if (programId !== undefined) {
			let records = await db.getAllFromIndex('sessions', 'by-programId', programId);
			if (since !== undefined) records = records.filter((record) => record.startedAt >= since);
			records.sort(newestFirst);
			return limit === undefined ? records : records.slice(0, limit);
		}
		const range = since === undefined ? null : IDBKeyRange.lowerBound(since);
		if (limit === undefined) {
			// One request for the whole index, then reverse: far cheaper than a cursor step per record.
			const records = await db.getAllFromIndex('sessions', 'by-startedAt', range);
			return records.reverse();
		}
		const found: SessionRecord[] = [];
		const tx = db.transaction('sessions', 'readonly');
		let cursor = await tx.store.index('by-startedAt').openCursor(range, 'prev');
		while (cursor && found.length < limit) {
			found.push(cursor.value);
			cursor = found.length < limit ? await cursor.continue() : null;
		}
		await tx.done;
		return found;
	}, []);
}

/**
 * What History shows of every session, newest first: one small read instead of every whole
 * record. Digests found missing or out of step with the sessions (a different count: something
 * wrote sessions without them) are rebuilt from the sessions and stored again.
 */
export async function listSessionDigests(): Promise<SessionDigest[]> {
	return readDatabase(async (db) => {
		const tx = db.transaction(['sessions', 'sessionDigests'], 'readonly');
		const [stored, count] = await Promise.all([
			tx.objectStore('sessionDigests').get(DIGESTS_KEY),
			tx.objectStore('sessions').count(),
			tx.done
		]);
		if (isPackedDigests(stored) && digestCount(stored) === count) return unpackDigests(stored);
		return unpackDigests(await rebuildDigests(db));
	}, []);
}

/** Rebuilds the digests from the sessions and stores them; on a full disk, only rebuilds. */
async function rebuildDigests(db: LimberDatabase): Promise<PackedDigests> {
	try {
		return await inTransaction(db, ['sessions', 'sessionDigests'], 'readwrite', async (tx) => {
			const packed = await digestsFromSessions(tx.objectStore('sessions'));
			await writeDigests(tx.objectStore('sessionDigests'), packed);
			return packed;
		});
	} catch (error) {
		if (!isQuotaError(error)) throw error;
		const tx = db.transaction('sessions', 'readonly');
		const [packed] = await Promise.all([digestsFromSessions(tx.store), tx.done]);
		return packed;
	}
}

/** How many sessions are stored. */
export async function countSessions(): Promise<number> {
	return readDatabase((db) => db.count('sessions'), 0);
}

/** One session by id, or undefined. */
export async function getSession(id: string): Promise<SessionRecord | undefined> {
	return readDatabase((db) => db.get('sessions', id), undefined);
}

/** Deletes a session and returns what was deleted (for undo), or undefined if there was none. */
export async function deleteSession(id: string): Promise<SessionRecord | undefined> {
	const deleted = await writeSessions(async (tx) => {
		const sessions = tx.objectStore('sessions');
		const digests = tx.objectStore('sessionDigests');
		const existing = await sessions.get(id);
		const packed = await readDigestsForWrite(sessions, digests);
		// A digest without its session (should not happen) goes as well.
		if (removeDigest(packed, id) || existing) {
			await both(sessions.delete(id), () => writeDigests(digests, packed));
		}
		if (existing) await recordDeletion(syncStoresOf(tx), `session:${id}`, 'session');
		return existing;
	});
	announceSessionsChanged();
	return deleted;
}

/** Refuses a record that ends before it starts (a TypeError: the player never makes one). */
export function assertTimesInOrder(record: Pick<SessionRecord, 'startedAt' | 'endedAt'>): void {
	const start = Date.parse(record.startedAt);
	const end = Date.parse(record.endedAt);
	if (!(end >= start)) {
		throw new TypeError(
			`endedAt (${record.endedAt}) is before startedAt (${record.startedAt}): a session ends after it starts`
		);
	}
}

function newestFirst(a: SessionRecord, b: SessionRecord): number {
	if (a.startedAt === b.startedAt) return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
	return a.startedAt < b.startedAt ? 1 : -1;
}
