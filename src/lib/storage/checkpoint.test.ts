import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearCheckpoint, isCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoint';
import { openDatabase } from './database';
import { CHECKPOINT_KEY, type Checkpoint } from './schema';
import { makeExercise, releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

function makeCheckpoint(overrides: Partial<Checkpoint> = {}): Checkpoint {
	return {
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
			records: [makeExercise()],
			status: 'paused'
		},
		...overrides
	};
}

describe('checkpoint', () => {
	it('saves, overwrites, loads and clears the single checkpoint', async () => {
		useFreshStorage();
		expect(await loadCheckpoint()).toBeNull();
		await saveCheckpoint(makeCheckpoint());
		await saveCheckpoint(makeCheckpoint({ level: 2, savedAt: Date.UTC(2025, 2, 14, 8, 5) }));
		const db = await openDatabase();
		expect(await db.getAllKeys('checkpoint')).toEqual([CHECKPOINT_KEY]);
		expect(await loadCheckpoint()).toEqual(
			makeCheckpoint({ level: 2, savedAt: Date.UTC(2025, 2, 14, 8, 5) })
		);
		await clearCheckpoint();
		expect(await loadCheckpoint()).toBeNull();
	});

	it('ignores a stored value that cannot be resumed from', async () => {
		useFreshStorage();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = await openDatabase();
		await db.put('checkpoint', { programId: 'x' } as never, CHECKPOINT_KEY);
		expect(await loadCheckpoint()).toBeNull();
		expect(console.warn).toHaveBeenCalled();
	});

	it('recognises the checkpoint shape', () => {
		expect(isCheckpoint(makeCheckpoint())).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ level: undefined, painBefore: undefined }))).toBe(true);
		expect(isCheckpoint(makeCheckpoint({ painBefore: 11 }))).toBe(false);
		expect(isCheckpoint(makeCheckpoint({ startedAt: 'this morning' }))).toBe(false);
		expect(isCheckpoint({ ...makeCheckpoint(), snapshot: null })).toBe(false);
		expect(isCheckpoint(null)).toBe(false);
	});

	it('reads as none without IndexedDB, and refuses to save', async () => {
		const { configureStorage } = await import('./database');
		configureStorage({ factory: null });
		expect(await loadCheckpoint()).toBeNull();
		await expect(saveCheckpoint(makeCheckpoint())).rejects.toMatchObject({ kind: 'unavailable' });
	});
});
