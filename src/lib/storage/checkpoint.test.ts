import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	clearCheckpoint,
	discardCheckpoint,
	DISCARD_MARKER_MS,
	isCheckpoint,
	loadCheckpoint,
	loadCheckpoints,
	saveCheckpoint
} from './checkpoint';
import { openDatabase } from './database';
import type { Checkpoint } from './schema';
import { getSession, saveSession } from './sessions';
import { makeExerciseRecord, makeSessionRecord } from '$lib/test-factories';
import { releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

function makeCheckpoint(overrides: Partial<Checkpoint> = {}): Checkpoint {
	return {
		sessionId: 'session-a',
		programId: 'gentle-start',
		programVersion: 1,
		startedAt: '2025-03-14T08:00:00.000Z',
		savedAt: Date.UTC(2025, 2, 14, 8, 4),
		painBefore: 5,
		snapshot: {
			stepIndex: 12,
			remainingMs: 3500,
			repsCounted: 0,
			elapsedMs: 240_000,
			records: [makeExerciseRecord()],
			status: 'paused'
		},
		...overrides
	};
}

describe('checkpoints, one per session', () => {
	it('saves, overwrites, loads and clears a session’s checkpoint under its id', async () => {
		useFreshStorage();
		expect(await loadCheckpoint('session-a')).toBeNull();
		await saveCheckpoint(makeCheckpoint());
		await saveCheckpoint(makeCheckpoint({ level: 2, savedAt: Date.UTC(2025, 2, 14, 8, 5) }));
		const db = await openDatabase();
		expect(await db.getAllKeys('checkpoint')).toEqual(['session-a']);
		expect(await loadCheckpoint('session-a')).toEqual(
			makeCheckpoint({ level: 2, savedAt: Date.UTC(2025, 2, 14, 8, 5) })
		);
		await clearCheckpoint('session-a');
		expect(await loadCheckpoint('session-a')).toBeNull();
	});

	it('keeps two sessions’ checkpoints side by side, newest first', async () => {
		useFreshStorage();
		const a = makeCheckpoint({ sessionId: 'a', programId: 'quick-check', savedAt: 1000 });
		const b = makeCheckpoint({ sessionId: 'b', programId: 'quick-two', savedAt: 2000 });
		await saveCheckpoint(a);
		await saveCheckpoint(b);
		// Writing one never touches the other (the single shared checkpoint used to be overwritten).
		await saveCheckpoint({ ...a, savedAt: 1500 });
		expect((await loadCheckpoints()).map((cp) => [cp.sessionId, cp.savedAt])).toEqual([
			['b', 2000],
			['a', 1500]
		]);
		await clearCheckpoint('a');
		expect((await loadCheckpoints()).map((cp) => cp.sessionId)).toEqual(['b']);
	});

	it('is removed in the same transaction that stores the session’s record', async () => {
		useFreshStorage();
		const record = makeSessionRecord({ id: 'session-a' });
		await saveCheckpoint(makeCheckpoint({ record }));
		await saveCheckpoint(makeCheckpoint({ sessionId: 'other' }));
		await saveSession(record);
		expect(await getSession('session-a')).toEqual(record);
		expect((await loadCheckpoints()).map((cp) => cp.sessionId)).toEqual(['other']);
	});

	it('ignores a stored value that cannot be resumed from', async () => {
		useFreshStorage();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = await openDatabase();
		await db.put('checkpoint', { programId: 'x' } as never, 'x');
		await saveCheckpoint(makeCheckpoint());
		expect(await loadCheckpoint('x')).toBeNull();
		expect((await loadCheckpoints()).map((cp) => cp.sessionId)).toEqual(['session-a']);
		expect(console.warn).toHaveBeenCalled();
	});

	it('recognises the checkpoint shape', () => {
		expect(isCheckpoint(makeCheckpoint())).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ level: undefined, painBefore: undefined }))).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ record: makeSessionRecord({ id: 'session-a' }) }))).toBe(
			true
		);
		// A record of another session does not belong in this checkpoint.
		expect(isCheckpoint(makeCheckpoint({ record: makeSessionRecord({ id: 'elsewhere' }) }))).toBe(
			false
		);
		expect(isCheckpoint(makeCheckpoint({ sessionId: '' }))).toBe(false);
		expect(isCheckpoint({ ...makeCheckpoint(), sessionId: undefined })).toBe(false);
		expect(isCheckpoint(makeCheckpoint({ painBefore: 11 }))).toBe(false);
		// The get-ready length a session plays with: optional (older checkpoints have none).
		expect(isCheckpoint(makeCheckpoint({ prepareSeconds: 10 }))).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ prepareSeconds: 0 }))).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ prepareSeconds: 61 }))).toBe(false);
		expect(isCheckpoint(makeCheckpoint({ prepareSeconds: 2.5 }))).toBe(false);
		expect(isCheckpoint(makeCheckpoint({ startedAt: 'this morning' }))).toBe(false);
		expect(isCheckpoint({ ...makeCheckpoint(), snapshot: null })).toBe(false);
		expect(isCheckpoint(null)).toBe(false);
	});

	it('reads as none without IndexedDB, and refuses to save', async () => {
		const { configureStorage } = await import('./database');
		configureStorage({ factory: null });
		expect(await loadCheckpoint('session-a')).toBeNull();
		expect(await loadCheckpoints()).toEqual([]);
		await expect(saveCheckpoint(makeCheckpoint())).rejects.toMatchObject({ kind: 'unavailable' });
	});
});

describe('writes that would bring a session back are refused', () => {
	it('once the session’s record is stored', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'session-a' }));
		expect(await saveCheckpoint(makeCheckpoint())).toBe(false);
		expect(await loadCheckpoints()).toEqual([]);
	});

	it('once the session is discarded (a marker stays, and goes after 30 days)', async () => {
		useFreshStorage();
		await saveCheckpoint(makeCheckpoint());
		await discardCheckpoint('session-a', 1000);
		expect(await loadCheckpoint('session-a')).toBeNull();
		expect(await saveCheckpoint(makeCheckpoint(), { claim: true })).toBe(false);
		expect(await loadCheckpoints(2000)).toEqual([]);
		const db = await openDatabase();
		expect(await db.getAllKeys('checkpoint')).toEqual(['session-a']);
		await loadCheckpoints(1000 + DISCARD_MARKER_MS + 1);
		await vi.waitFor(async () => expect(await db.getAllKeys('checkpoint')).toEqual([]));
	});

	it('when another tab has taken the session over, unless this write claims it back', async () => {
		useFreshStorage();
		await saveCheckpoint(makeCheckpoint({ owner: 'tab-a' }), { claim: true });
		await saveCheckpoint(makeCheckpoint({ owner: 'tab-b', savedAt: 2 }), { claim: true });
		// Tab A wakes up late and writes its old place: refused.
		expect(await saveCheckpoint(makeCheckpoint({ owner: 'tab-a', savedAt: 3 }))).toBe(false);
		expect((await loadCheckpoint('session-a'))?.owner).toBe('tab-b');
		expect(await saveCheckpoint(makeCheckpoint({ owner: 'tab-b', savedAt: 4 }))).toBe(true);
		// "Continue here" in tab A claims it back.
		expect(
			await saveCheckpoint(makeCheckpoint({ owner: 'tab-a', savedAt: 5 }), { claim: true })
		).toBe(true);
		expect((await loadCheckpoint('session-a'))?.savedAt).toBe(5);
	});
});
