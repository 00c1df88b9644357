// The session log: append-mostly, written with strict durability. A save resolves only after
// its transaction has completed, so "saved" on screen is true; on failure it rejects with a
// StorageError (quota included) and the caller keeps the record in memory to offer Retry.
import type { SessionRecord } from '$lib/session/record';
import { inTransaction, readDatabase, withDatabase } from './database';

export interface ListSessionsOptions {
	/** Only this program's sessions. */
	programId?: string;
	/** At most this many (the newest). */
	limit?: number;
}

/** Stores a finished (or ended early) session; resolves once it is durably saved. */
export async function saveSession(record: SessionRecord): Promise<void> {
	await withDatabase((db) =>
		inTransaction(
			db,
			['sessions'],
			'readwrite',
			async (tx) => {
				await tx.objectStore('sessions').put(record);
			},
			'strict'
		)
	);
}

/** Puts back a session removed by deleteSession (undo). */
export async function restoreSession(record: SessionRecord): Promise<void> {
	await saveSession(record);
}

/** Sessions, newest first (by startedAt). */
export async function listSessions(options: ListSessionsOptions = {}): Promise<SessionRecord[]> {
	const { programId, limit } = options;
	if (limit !== undefined && limit <= 0) return [];
	return readDatabase(async (db) => {
		if (programId !== undefined) {
			const records = await db.getAllFromIndex('sessions', 'by-programId', programId);
			records.sort(newestFirst);
			return limit === undefined ? records : records.slice(0, limit);
		}
		if (limit === undefined) {
			// One request for the whole index, then reverse: far cheaper than a cursor step per record.
			const records = await db.getAllFromIndex('sessions', 'by-startedAt');
			return records.reverse();
		}
		const found: SessionRecord[] = [];
		const tx = db.transaction('sessions', 'readonly');
		let cursor = await tx.store.index('by-startedAt').openCursor(null, 'prev');
		while (cursor && found.length < limit) {
			found.push(cursor.value);
			cursor = found.length < limit ? await cursor.continue() : null;
		}
		await tx.done;
		return found;
	}, []);
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
	return withDatabase((db) =>
		inTransaction(
			db,
			['sessions'],
			'readwrite',
			async (tx) => {
				const store = tx.objectStore('sessions');
				const existing = await store.get(id);
				if (existing) await store.delete(id);
				return existing;
			},
			'strict'
		)
	);
}

function newestFirst(a: SessionRecord, b: SessionRecord): number {
	if (a.startedAt === b.startedAt) return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
	return a.startedAt < b.startedAt ? 1 : -1;
}
