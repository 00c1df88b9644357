import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './database';
import { StorageError } from './errors';
import { seedSessions } from './seed';
import {
	countSessions,
	deleteSession,
	getSession,
	listSessions,
	restoreSession,
	saveSession
} from './sessions';
import { makeSession, releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

describe('saveSession', () => {
	it('stores the record exactly and resolves only after the transaction completed', async () => {
		useFreshStorage();
		const record = makeSession({ note: 'Felt "fine", really' });
		await saveSession(record);
		expect(await getSession(record.id)).toEqual(record);
	});

	it('uses strict durability', async () => {
		useFreshStorage();
		const db = await openDatabase();
		const spy = vi.spyOn(db, 'transaction');
		await saveSession(makeSession());
		expect(spy).toHaveBeenCalledWith(['sessions'], 'readwrite', { durability: 'strict' });
	});

	it('replaces a record with the same id (a retry never duplicates)', async () => {
		useFreshStorage();
		await saveSession(makeSession({ painAfter: 3 }));
		await saveSession(makeSession({ painAfter: 2 }));
		expect(await countSessions()).toBe(1);
		expect((await getSession('session-1'))?.painAfter).toBe(2);
	});

	it('rejects with a quota StorageError when the device is full, and stores nothing', async () => {
		useFreshStorage();
		await openDatabase();
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const error = await saveSession(makeSession()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).kind).toBe('quota');
		expect((error as StorageError).message).toMatch(/^Your device is out of storage space: /);
		vi.restoreAllMocks();
		expect(await countSessions()).toBe(0);
		// The caller still has the record and can retry.
		await saveSession(makeSession());
		expect(await countSessions()).toBe(1);
	});
});

describe('listSessions', () => {
	it('lists newest first by start time, not by insertion order', async () => {
		useFreshStorage();
		await saveSession(makeSession({ id: 'b', startedAt: '2025-03-02T08:00:00.000Z' }));
		await saveSession(makeSession({ id: 'c', startedAt: '2025-03-03T08:00:00.000Z' }));
		await saveSession(makeSession({ id: 'a', startedAt: '2025-03-01T08:00:00.000Z' }));
		expect((await listSessions()).map((s) => s.id)).toEqual(['c', 'b', 'a']);
		expect((await listSessions({ limit: 2 })).map((s) => s.id)).toEqual(['c', 'b']);
		expect(await listSessions({ limit: 0 })).toEqual([]);
	});

	it('filters by program, newest first, with a limit', async () => {
		useFreshStorage();
		await saveSession(
			makeSession({ id: 'x1', programId: 'x', startedAt: '2025-03-01T08:00:00.000Z' })
		);
		await saveSession(
			makeSession({ id: 'y1', programId: 'y', startedAt: '2025-03-02T08:00:00.000Z' })
		);
		await saveSession(
			makeSession({ id: 'x2', programId: 'x', startedAt: '2025-03-03T08:00:00.000Z' })
		);
		expect((await listSessions({ programId: 'x' })).map((s) => s.id)).toEqual(['x2', 'x1']);
		expect((await listSessions({ programId: 'x', limit: 1 })).map((s) => s.id)).toEqual(['x2']);
		expect(await listSessions({ programId: 'none' })).toEqual([]);
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
		const record = makeSession();
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
