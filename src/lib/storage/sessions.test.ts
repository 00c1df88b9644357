import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureStorage, openDatabase } from './database';
import { StorageError } from './errors';
import { digestOf } from './digests';
import { DIGESTS_KEY } from './schema';
import { seedSessions } from './seed';
import {
	answerSession,
	countSessions,
	deleteSession,
	getSession,
	listSessionDigests,
	listSessions,
	restoreSession,
	saveSession,
	storeNewSession
} from './sessions';
import { makeExerciseRecord, makeSessionRecord } from '$lib/test-factories';
import { releaseStorage, storedDigestsAndExpected, useFreshStorage } from './test-helpers';

/** Fails the test unless the stored digests match the stored sessions; returns them. */
async function expectDigestsInStep() {
	const { stored, expected } = await storedDigestsAndExpected();
	expect(stored).toEqual(expected);
	return stored!;
}

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

describe('saveSession', () => {
	it('stores the record exactly and resolves only after the transaction completed', async () => {
		useFreshStorage();
		const record = makeSessionRecord({ note: 'Felt "fine", really' });
		await saveSession(record);
		expect(await getSession(record.id)).toEqual(record);
	});

	it('uses strict durability', async () => {
		useFreshStorage();
		const db = await openDatabase();
		const spy = vi.spyOn(db, 'transaction');
		await saveSession(makeSessionRecord());
		expect(spy).toHaveBeenCalledWith(
			['sessions', 'sessionDigests', 'checkpoint', 'syncEntries', 'syncMeta'],
			'readwrite',
			{ durability: 'strict' }
		);
	});

	it('replaces a record with the same id (a retry never duplicates)', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ painAfter: 3 }));
		await saveSession(makeSessionRecord({ painAfter: 2 }));
		expect(await countSessions()).toBe(1);
		expect((await getSession('session-1'))?.painAfter).toBe(2);
	});

	it('rejects with a quota StorageError when the device is full, and stores nothing', async () => {
		useFreshStorage();
		await openDatabase();
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const error = await saveSession(makeSessionRecord()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).kind).toBe('quota');
		expect((error as StorageError).message).toMatch(/^Your device is out of storage space: /);
		vi.restoreAllMocks();
		expect(await countSessions()).toBe(0);
		expect(await expectDigestsInStep()).toEqual([]);
		// The caller still has the record and can retry.
		await saveSession(makeSessionRecord());
		expect(await countSessions()).toBe(1);
	});
});

describe('listSessions', () => {
	it('lists newest first by start time, not by insertion order', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'b', startedAt: '2025-03-02T08:00:00.000Z' }));
		await saveSession(makeSessionRecord({ id: 'c', startedAt: '2025-03-03T08:00:00.000Z' }));
		await saveSession(makeSessionRecord({ id: 'a', startedAt: '2025-03-01T08:00:00.000Z' }));
		expect((await listSessions()).map((s) => s.id)).toEqual(['c', 'b', 'a']);
		expect((await listSessions({ limit: 2 })).map((s) => s.id)).toEqual(['c', 'b']);
		expect(await listSessions({ limit: 0 })).toEqual([]);
	});

	it('filters by program, newest first, with a limit', async () => {
		useFreshStorage();
		await saveSession(
			makeSessionRecord({ id: 'x1', programId: 'x', startedAt: '2025-03-01T08:00:00.000Z' })
		);
		await saveSession(
			makeSessionRecord({ id: 'y1', programId: 'y', startedAt: '2025-03-02T08:00:00.000Z' })
		);
		await saveSession(
			makeSessionRecord({ id: 'x2', programId: 'x', startedAt: '2025-03-03T08:00:00.000Z' })
		);
		expect((await listSessions({ programId: 'x' })).map((s) => s.id)).toEqual(['x2', 'x1']);
		expect((await listSessions({ programId: 'x', limit: 1 })).map((s) => s.id)).toEqual(['x2']);
		expect(await listSessions({ programId: 'none' })).toEqual([]);
	});

	it('lists only sessions since a moment, with or without a limit or program', async () => {
		useFreshStorage();
		for (const [id, programId, startedAt] of [
			['a', 'x', '2025-03-01T08:00:00.000Z'],
			['b', 'y', '2025-03-02T08:00:00.000Z'],
			['c', 'x', '2025-03-03T08:00:00.000Z'],
			['d', 'x', '2025-03-04T08:00:00.000Z']
		] as const) {
			await saveSession(makeSessionRecord({ id, programId, startedAt }));
		}
		const ids = async (options: Parameters<typeof listSessions>[0]) =>
			(await listSessions(options)).map((s) => s.id);
		expect(await ids({ since: '2025-03-02T08:00:00.000Z' })).toEqual(['d', 'c', 'b']);
		expect(await ids({ since: '2025-03-02T08:00:00.001Z' })).toEqual(['d', 'c']);
		expect(await ids({ since: '2025-03-02T00:00:00.000Z', limit: 2 })).toEqual(['d', 'c']);
		expect(await ids({ since: '2025-03-02T00:00:00.000Z', programId: 'x' })).toEqual(['d', 'c']);
		expect(await ids({ since: '2025-04-01T00:00:00.000Z' })).toEqual([]);
	});

	it('lists 10,000 sessions in order, quickly', async () => {
		useFreshStorage();
		const db = await openDatabase();
		const seeded = await seedSessions(db, 10_000, new Date('2020-01-01T00:00:00Z'));
		const started = performance.now();
		const listed = await listSessions();
		const elapsed = performance.now() - started;
		expect(listed).toHaveLength(10_000);
		expect(listed[0]).toEqual(seeded[seeded.length - 1]);
		for (let i = 1; i < listed.length; i++) {
			expect(listed[i - 1]!.startedAt >= listed[i]!.startedAt).toBe(true);
		}
		// One getAll on the index: about 0.5 s even in fake-indexeddb under a loaded test run.
		expect(elapsed).toBeLessThan(3000);
		expect((await listSessions({ limit: 20 })).map((s) => s.id)).toEqual(
			listed.slice(0, 20).map((s) => s.id)
		);
	});
});

describe('deleteSession and restoreSession', () => {
	it('returns the deleted record for undo, and puts it back', async () => {
		useFreshStorage();
		const record = makeSessionRecord();
		await saveSession(record);
		const deleted = await deleteSession(record.id);
		expect(deleted).toEqual(record);
		expect(await getSession(record.id)).toBeUndefined();
		await restoreSession(deleted!);
		expect(await getSession(record.id)).toEqual(record);
	});

	it('returns undefined when there was nothing to delete', async () => {
		useFreshStorage();
		expect(await deleteSession('missing')).toBeUndefined();
	});
});

describe('digests kept in step with the sessions', () => {
	it('saveSession adds the digest, and a second save of the same id replaces it', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'a', startedAt: '2025-03-02T08:00:00.000Z' }));
		await saveSession(makeSessionRecord({ id: 'b', startedAt: '2025-03-01T08:00:00.000Z' }));
		expect((await expectDigestsInStep()).map((d) => d.id)).toEqual(['a', 'b']);

		const done = makeExerciseRecord({ setsDone: 0, repsDone: { none: 0, left: 0, right: 0 } });
		await saveSession(
			makeSessionRecord({
				id: 'b',
				startedAt: '2025-03-03T08:00:00.000Z',
				painAfter: 1,
				exercises: [done]
			})
		);
		const digests = await expectDigestsInStep();
		expect(digests.map((d) => [d.id, d.painAfter, d.counts])).toEqual([
			['b', 1, false],
			['a', 3, true]
		]);
	});

	it('deleteSession removes the digest and restoreSession brings it back', async () => {
		useFreshStorage();
		const kept = makeSessionRecord({ id: 'kept', startedAt: '2025-03-01T08:00:00.000Z' });
		const record = makeSessionRecord({ id: 'gone', startedAt: '2025-03-02T08:00:00.000Z' });
		await saveSession(kept);
		await saveSession(record);
		const deleted = await deleteSession('gone');
		expect(await expectDigestsInStep()).toEqual([digestOf(kept)]);
		await restoreSession(deleted!);
		expect(await expectDigestsInStep()).toEqual([digestOf(record), digestOf(kept)]);
		expect(await listSessionDigests()).toEqual([digestOf(record), digestOf(kept)]);
	});

	it('a failed delete leaves both the session and its digest', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord());
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		await expect(deleteSession('session-1')).rejects.toMatchObject({ kind: 'quota' });
		vi.restoreAllMocks();
		expect(await getSession('session-1')).toBeDefined();
		expect(await expectDigestsInStep()).toHaveLength(1);
	});

	it('seedSessions writes the digests with each batch', async () => {
		useFreshStorage();
		const db = await openDatabase();
		await seedSessions(db, 2500, new Date('2024-01-01T00:00:00Z'));
		expect(await expectDigestsInStep()).toHaveLength(2500);
	});

	it('listSessionDigests reads only the packed record, newest first', async () => {
		useFreshStorage();
		const db = await openDatabase();
		const seeded = await seedSessions(db, 300, new Date('2024-01-01T00:00:00Z'));
		const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
		const digests = await listSessionDigests();
		expect(getAll).not.toHaveBeenCalled();
		expect(digests).toEqual(seeded.map(digestOf).reverse());
	});

	it('rebuilds digests that something wrote sessions without, and stores them', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'a', startedAt: '2025-03-01T08:00:00.000Z' }));
		const db = await openDatabase();
		// A writer that knows nothing of digests (an older tab cannot: it is closed by the upgrade).
		await db.put('sessions', makeSessionRecord({ id: 'b', startedAt: '2025-03-02T08:00:00.000Z' }));
		expect((await listSessionDigests()).map((d) => d.id)).toEqual(['b', 'a']);
		expect((await expectDigestsInStep()).map((d) => d.id)).toEqual(['b', 'a']);
	});

	it('rebuilds a missing or damaged digest record, on reading and on writing', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'a', startedAt: '2025-03-01T08:00:00.000Z' }));
		const db = await openDatabase();
		await db.delete('sessionDigests', DIGESTS_KEY);
		expect((await listSessionDigests()).map((d) => d.id)).toEqual(['a']);
		await expectDigestsInStep();

		await db.put('sessionDigests', { format: 1, ids: ['a'] } as never, DIGESTS_KEY);
		await saveSession(makeSessionRecord({ id: 'b', startedAt: '2025-03-02T08:00:00.000Z' }));
		expect((await expectDigestsInStep()).map((d) => d.id)).toEqual(['b', 'a']);

		await db.delete('sessionDigests', DIGESTS_KEY);
		await deleteSession('b');
		expect((await expectDigestsInStep()).map((d) => d.id)).toEqual(['a']);
	});

	it('still answers when rebuilt digests cannot be stored (device full)', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'a' }));
		const db = await openDatabase();
		await db.delete('sessionDigests', DIGESTS_KEY);
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		expect((await listSessionDigests()).map((d) => d.id)).toEqual(['a']);
		vi.restoreAllMocks();
		expect(await db.get('sessionDigests', DIGESTS_KEY)).toBeUndefined();
	});

	it('reads nothing without IndexedDB', async () => {
		configureStorage({ factory: null });
		expect(await listSessionDigests()).toEqual([]);
	});
});

describe('answerSession', () => {
	it('adds the answers to the stored record (same id) and to its digest', async () => {
		useFreshStorage();
		const record = makeSessionRecord({
			id: 'ended',
			painAfter: undefined,
			effort: undefined,
			exercises: [makeExerciseRecord({ skipped: true }), makeExerciseRecord({ exerciseId: 'cat' })]
		});
		delete record.painAfter;
		delete record.effort;
		await saveSession(record);
		const answered = await answerSession('ended', {
			painAfter: 2,
			effort: 'too hard',
			note: '  tight hamstrings ',
			skipReasons: { 0: 'pain', 1: 'time' }
		});
		expect(answered).toEqual({
			...record,
			painAfter: 2,
			effort: 'too hard',
			note: 'tight hamstrings',
			// Only a skipped exercise takes a reason.
			exercises: [
				makeExerciseRecord({ skipped: true, skipReason: 'pain' }),
				makeExerciseRecord({ exerciseId: 'cat' })
			]
		});
		expect(await getSession('ended')).toEqual(answered);
		expect(await countSessions()).toBe(1);
		const { stored, expected } = await storedDigestsAndExpected();
		expect(stored).toEqual(expected);
		expect(stored![0]!.painAfter).toBe(2);
	});

	it('refuses to answer a session that is not stored, and stores nothing', async () => {
		useFreshStorage();
		await expect(answerSession('nowhere', { painAfter: 1 })).rejects.toMatchObject({
			kind: 'unknown'
		});
		expect(await countSessions()).toBe(0);
	});
});

describe('a record’s times', () => {
	it('are checked on every write: a session that ends before it starts is refused', async () => {
		useFreshStorage();
		const backwards = makeSessionRecord({
			startedAt: '2026-01-01T00:20:00.000Z',
			endedAt: '2025-12-31T23:35:00.000Z'
		});
		await expect(saveSession(backwards)).rejects.toThrow(/before startedAt/);
		await expect(storeNewSession(backwards)).rejects.toThrow(/before startedAt/);
		expect(await countSessions()).toBe(0);
	});
});
