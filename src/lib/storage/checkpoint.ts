// Checkpoints: one record per session, keyed by the session's id. A playing session overwrites
// its own as it goes on; a reload reads them to offer "Resume". When a session ends, its
// checkpoint keeps the finished record until the record is stored (then both change in one
// transaction: see storeFinishedSession in sessions.ts), so nothing a person did exists only in
// memory. Two tabs never share a checkpoint: each session has its own.
import {
	checkDateTime,
	checkInteger,
	checkNumber,
	checkObject,
	checkString,
	isRecord
} from './checks';
import { inTransaction, readDatabase, withDatabase } from './database';
import type { Checkpoint } from './schema';

export type { Checkpoint } from './schema';

/** Whether a stored value has the shape of a checkpoint (pure; enough to resume from it). */
export function isCheckpoint(value: unknown): value is Checkpoint {
	const problems: { path: string; message: string }[] = [];
	if (!checkObject(value, '', problems)) return false;
	checkString(value.sessionId, 'sessionId', problems, 1, 100);
	checkString(value.programId, 'programId', problems, 1, 100);
	checkInteger(value.programVersion, 'programVersion', problems, 1, Number.MAX_SAFE_INTEGER);
	if (value.level !== undefined) checkInteger(value.level, 'level', problems, 0, 100);
	if (value.painBefore !== undefined) checkInteger(value.painBefore, 'painBefore', problems, 0, 10);
	checkDateTime(value.startedAt, 'startedAt', problems);
	checkNumber(value.savedAt, 'savedAt', problems, 0, Number.MAX_SAFE_INTEGER);
	const snapshot = value.snapshot;
	if (
		!isRecord(snapshot) ||
		!Number.isInteger(snapshot.stepIndex) ||
		!Array.isArray(snapshot.records) ||
		typeof snapshot.status !== 'string'
	) {
		problems.push({ path: 'snapshot', message: 'is not an engine snapshot' });
	}
	if (value.record !== undefined) {
		const record = value.record;
		if (!isRecord(record) || record.id !== value.sessionId) {
			problems.push({ path: 'record', message: 'is not this session’s record' });
		}
	}
	return problems.length === 0;
}

/** Overwrites this session's checkpoint. Relaxed durability while it plays (rewritten often;
 * a power cut costs a few seconds), strict once it holds the finished record. */
export async function saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
	await withDatabase((db) =>
		inTransaction(
			db,
			['checkpoint'],
			'readwrite',
			async (tx) => {
				await tx.objectStore('checkpoint').put(checkpoint, checkpoint.sessionId);
			},
			checkpoint.record ? 'strict' : 'relaxed'
		)
	);
}

/** Every checkpoint that can be resumed from, newest first (by when it was written). */
export async function loadCheckpoints(): Promise<Checkpoint[]> {
	const values: unknown[] = await readDatabase((db) => db.getAll('checkpoint'), []);
	const usable = values.filter(isCheckpoint);
	if (usable.length < values.length) {
		console.warn('Limber: ignoring a stored checkpoint that cannot be resumed from');
	}
	return usable.sort((a, b) => b.savedAt - a.savedAt);
}

/** One session's checkpoint, or null when there is none (or it cannot be resumed from). */
export async function loadCheckpoint(sessionId: string): Promise<Checkpoint | null> {
	const value: unknown = await readDatabase((db) => db.get('checkpoint', sessionId), null);
	if (value === undefined || value === null) return null;
	if (isCheckpoint(value)) return value;
	console.warn('Limber: ignoring a stored checkpoint that cannot be resumed from');
	return null;
}

/** Removes one session's checkpoint. */
export async function clearCheckpoint(sessionId: string): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, ['checkpoint'], 'readwrite', async (tx) => {
			await tx.objectStore('checkpoint').delete(sessionId);
		})
	);
}
