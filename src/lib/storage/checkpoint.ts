// Checkpoints: one record per session, keyed by the session's id. A playing session overwrites
// its own as it goes on; a reload reads them to offer "Resume". When a session ends, its
// checkpoint keeps the finished record until the record is stored (saveSession removes it in
// the same transaction), so nothing a person did exists only in memory.
//
// A write is refused, in the same transaction that would make it, when it could only bring back
// something gone: the session's record is already stored, the session was discarded (a small
// marker stays under its key), or another tab has taken the session over (the stored checkpoint
// has another `owner`, and this write does not claim it). So a tab that was frozen while another
// tab finished, discarded or took over its session cannot resurrect it when it wakes.
import * as v from 'valibot';
import { PROGRAM_LIMITS } from '$lib/program/schema';
import { isRecord } from '$lib/validation/problems';
import { dateTime, number, record, text, wholeNumber } from '$lib/validation/schemas';
import { inTransaction, readDatabase, withDatabase } from './database';
import type { Checkpoint, DiscardedCheckpoint } from './schema';

export type { Checkpoint } from './schema';

/** Discard markers older than this are removed when checkpoints are read (30 days). */
export const DISCARD_MARKER_MS = 30 * 24 * 3600 * 1000;

/** What Discard leaves under a session's key. */
const DiscardedSchema = record({
	sessionId: text(1, 100),
	discardedAt: number(0, Number.MAX_SAFE_INTEGER)
});

/** A stored checkpoint, checked enough to resume from it (the engine checks the rest). */
const CheckpointSchema = v.pipe(
	record({
		sessionId: text(1, 100),
		programId: text(1, 100),
		programVersion: wholeNumber(1, Number.MAX_SAFE_INTEGER),
		// v.optional (not exactOptional): checkpoints of versions 1–4 hold `level: undefined`.
		level: v.optional(wholeNumber(0, 100)),
		painBefore: v.optional(wholeNumber(0, 10)),
		owner: v.optional(text(1, 100)),
		// The get-ready length the session plays with (absent before that setting existed).
		prepareSeconds: v.optional(
			wholeNumber(PROGRAM_LIMITS.prepareSeconds.min, PROGRAM_LIMITS.prepareSeconds.max)
		),
		startedAt: dateTime(),
		savedAt: number(0, Number.MAX_SAFE_INTEGER),
		snapshot: v.looseObject(
			{
				stepIndex: v.pipe(v.number(), v.integer()),
				records: v.array(v.unknown()),
				status: v.string()
			},
			'is not an engine snapshot'
		),
		record: v.optional(v.looseObject({ id: v.string() }))
	}),
	v.forward(
		v.check(
			(input) => input.record === undefined || input.record.id === input.sessionId,
			'is not this session’s record'
		),
		['record']
	)
);

/** Whether a stored value is the marker Discard leaves. */
export function isDiscarded(value: unknown): value is DiscardedCheckpoint {
	return v.is(DiscardedSchema, value);
}

/** Whether a stored value has the shape of a checkpoint (pure; enough to resume from it). */
export function isCheckpoint(value: unknown): value is Checkpoint {
	return v.is(CheckpointSchema, value);
}

export interface SaveCheckpointOptions {
	/** This tab takes the session over (Start, Resume, Continue here): write whatever the owner. */
	claim?: boolean;
}

/**
 * Writes this session's checkpoint unless that would bring back a session that is stored,
 * discarded or taken over by another tab; resolves to whether it was written. Relaxed
 * durability while the session plays (rewritten often; a power cut costs a few seconds), strict
 * once it holds the finished record.
 */
export async function saveCheckpoint(
	checkpoint: Checkpoint,
	options: SaveCheckpointOptions = {}
): Promise<boolean> {
	return withDatabase((db) =>
		inTransaction(
			db,
			['checkpoint', 'sessions'],
			'readwrite',
			async (tx) => {
				const store = tx.objectStore('checkpoint');
				const [stored, recorded] = await Promise.all([
					store.get(checkpoint.sessionId),
					tx.objectStore('sessions').getKey(checkpoint.sessionId)
				]);
				if (recorded !== undefined || isDiscarded(stored)) return false;
				const owner = isRecord(stored) ? stored.owner : undefined;
				if (!options.claim && owner !== undefined && owner !== checkpoint.owner) return false;
				await store.put(checkpoint, checkpoint.sessionId);
				return true;
			},
			checkpoint.record ? 'strict' : 'relaxed'
		)
	);
}

/** Every checkpoint that can be resumed from, newest first (by when it was written). */
export async function loadCheckpoints(now = Date.now()): Promise<Checkpoint[]> {
	const values: unknown[] = await readDatabase((db) => db.getAll('checkpoint'), []);
	const usable: Checkpoint[] = [];
	let damaged = false;
	for (const value of values) {
		if (isCheckpoint(value)) usable.push(value);
		else if (isDiscarded(value)) {
			if (now - value.discardedAt > DISCARD_MARKER_MS) void clearCheckpoint(value.sessionId);
		} else damaged = true;
	}
	if (damaged) console.warn('Limber: ignoring a stored checkpoint that cannot be resumed from');
	return usable.sort((a, b) => b.savedAt - a.savedAt);
}

/** One session's checkpoint, or null when there is none (or it cannot be resumed from). */
export async function loadCheckpoint(sessionId: string): Promise<Checkpoint | null> {
	const value: unknown = await readDatabase((db) => db.get('checkpoint', sessionId), null);
	if (value === undefined || value === null || isDiscarded(value)) return null;
	if (isCheckpoint(value)) return value;
	console.warn('Limber: ignoring a stored checkpoint that cannot be resumed from');
	return null;
}

/** Removes one session's checkpoint (or its discard marker). */
export async function clearCheckpoint(sessionId: string): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, ['checkpoint'], 'readwrite', async (tx) => {
			await tx.objectStore('checkpoint').delete(sessionId);
		})
	);
}

/** Discards an unfinished session: its checkpoint gives way to a marker no write can replace. */
export async function discardCheckpoint(sessionId: string, now = Date.now()): Promise<void> {
	const marker: DiscardedCheckpoint = { sessionId, discardedAt: now };
	await withDatabase((db) =>
		inTransaction(db, ['checkpoint'], 'readwrite', async (tx) => {
			await tx.objectStore('checkpoint').put(marker, sessionId);
		})
	);
}
