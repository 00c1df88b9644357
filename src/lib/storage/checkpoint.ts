// The playing session's checkpoint: one record under a fixed key, overwritten as the session
// goes on, read after a reload to offer "Resume", cleared when the session is saved or dropped.
import {
	checkDateTime,
	checkInteger,
	checkNumber,
	checkObject,
	checkString,
	isRecord
} from './checks';
import { inTransaction, readDatabase, withDatabase } from './database';
import { CHECKPOINT_KEY, type Checkpoint } from './schema';

export type { Checkpoint } from './schema';

/** Whether a stored value has the shape of a checkpoint (pure; enough to resume from it). */
export function isCheckpoint(value: unknown): value is Checkpoint {
	const problems: { path: string; message: string }[] = [];
	if (!checkObject(value, '', problems)) return false;
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
	return problems.length === 0;
}

/** Overwrites the checkpoint. Relaxed durability: it is rewritten often, and losing the very
 * last one on a power cut only costs a few seconds of progress. */
export async function saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
	await withDatabase((db) =>
		inTransaction(
			db,
			['checkpoint'],
			'readwrite',
			async (tx) => {
				await tx.objectStore('checkpoint').put(checkpoint, CHECKPOINT_KEY);
			},
			'relaxed'
		)
	);
}

/** The checkpoint, or null when there is none (or what is stored cannot be resumed from). */
export async function loadCheckpoint(): Promise<Checkpoint | null> {
	const value: unknown = await readDatabase((db) => db.get('checkpoint', CHECKPOINT_KEY), null);
	if (value === undefined || value === null) return null;
	if (isCheckpoint(value)) return value;
	console.warn('Limber: ignoring a stored checkpoint that cannot be resumed from');
	return null;
}

/** Removes the checkpoint. */
export async function clearCheckpoint(): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, ['checkpoint'], 'readwrite', async (tx) => {
			await tx.objectStore('checkpoint').delete(CHECKPOINT_KEY);
		})
	);
}
