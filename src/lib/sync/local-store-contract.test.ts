// The rules every LocalStore keeps, run against the in-memory reference (memory-store.ts) and the
// IndexedDB store (idb-store.ts, on fake-indexeddb): what the replicator may count on.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, withDatabase } from '$lib/storage/database';
import { recordChange, SYNC_STORES, syncStoresOf } from '$lib/storage/sync-changes';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { setSyncOn, idbLocalStore } from './device';
import { checkToDoc, deletionOf, type SyncDoc } from './documents';
import type { LocalStore } from './local-store';
import { MemoryStore } from './memory-store';
import { contentOf } from './merge';

interface Harness {
	store: LocalStore;
	/** Records a change made on this device. */
	write(doc: SyncDoc): Promise<void>;
}

const HARNESSES: [string, () => Promise<Harness>][] = [
	[
		'MemoryStore',
		() => {
			const store = new MemoryStore();
			return Promise.resolve({
				store,
				write: (doc) => {
					store.write(doc);
					return Promise.resolve();
				}
			});
		}
	],
	[
		'IdbStore',
		async () => {
			useFreshStorage('contract');
			await setSyncOn(true);
			return {
				store: idbLocalStore(),
				write: (doc) =>
					withDatabase((db) =>
						inTransaction(db, [...SYNC_STORES], 'readwrite', (tx) =>
							recordChange(syncStoresOf(tx), doc._id, () => contentOf(doc) as SyncDoc)
						)
					)
			};
		}
	]
];

afterEach(() => releaseStorage());

const T = (hour: number) => `2025-03-14T${String(hour).padStart(2, '0')}:00:00.000Z`;
const check = (day: number, pain: number, at: string): SyncDoc =>
	checkToDoc({ day: `2025-03-${String(day).padStart(2, '0')}`, pain }, at);
const pulled = (doc: SyncDoc, rev: string): SyncDoc => ({ ...doc, _rev: rev });
const CP = (pull: string, push = 0) => ({ session: 's1', pull, push });

describe.each(HARNESSES)('LocalStore contract: %s', (_name, make) => {
	it('starts empty', async () => {
		const { store } = await make();
		expect(await store.getCheckpoint()).toBeUndefined();
		expect(await store.getMany(['check:2025-03-01'])).toEqual(new Map());
		expect(await store.changesSince(0, 10)).toEqual([]);
		expect(await store.countPending(0)).toBe(0);
	});

	it('local changes: pending, by change number, a change again moves to the end', async () => {
		const { store, write } = await make();
		await write(check(1, 3, T(8)));
		await write(check(2, 4, T(9)));
		await write(check(1, 5, T(10)));
		const changes = await store.changesSince(0, 10);
		expect(changes.map((entry) => entry.doc._id)).toEqual(['check:2025-03-02', 'check:2025-03-01']);
		expect(changes.every((entry) => entry.pending && entry.rev === undefined)).toBe(true);
		expect(changes[0]!.seq).toBeLessThan(changes[1]!.seq);
		expect(changes[1]!.doc).toEqual(check(1, 5, T(10)));
		expect(await store.countPending(0)).toBe(2);
		expect(await store.countPending(changes[0]!.seq)).toBe(1);
		expect(await store.changesSince(0, 1)).toHaveLength(1);
		expect(await store.changesSince(changes[1]!.seq, 10)).toEqual([]);
	});

	it('a pulled document is stored with its revision, not pending; the checkpoint with it', async () => {
		const { store } = await make();
		const count = await store.applyPulled(
			[
				pulled(check(1, 3, T(8)), '1-a'),
				pulled(deletionOf('check:2025-03-02', 'check', T(9)), '2-b')
			],
			CP('7')
		);
		expect(count).toBe(1);
		const found = await store.getMany(['check:2025-03-01', 'check:2025-03-02', 'check:nope']);
		expect([...found.keys()].sort()).toEqual(['check:2025-03-01', 'check:2025-03-02']);
		expect(found.get('check:2025-03-01')).toMatchObject({
			doc: check(1, 3, T(8)),
			rev: '1-a',
			pending: false
		});
		expect(found.get('check:2025-03-01')!.doc).not.toHaveProperty('_rev');
		expect(await store.getCheckpoint()).toEqual(CP('7'));
		expect(await store.countPending(0)).toBe(0);
		expect(await store.changesSince(0, 10)).toEqual([]);
	});

	it('pulled onto a change waiting here: merged, still pending when it differs', async () => {
		const { store, write } = await make();
		await write(check(1, 5, T(10)));
		const [before] = await store.changesSince(0, 10);
		expect(await store.applyPulled([pulled(check(1, 3, T(9)), '2-b')], CP('8'))).toBe(0);
		const entry = (await store.getMany(['check:2025-03-01'])).get('check:2025-03-01')!;
		expect(entry).toMatchObject({ doc: check(1, 5, T(10)), rev: '2-b', pending: true });
		expect(entry.seq).toBeGreaterThan(before!.seq);
		// A later answer from the server wins, and nothing is left to push.
		expect(await store.applyPulled([pulled(check(1, 2, T(11)), '3-c')], CP('9'))).toBe(1);
		expect((await store.getMany(['check:2025-03-01'])).get('check:2025-03-01')).toMatchObject({
			doc: check(1, 2, T(11)),
			rev: '3-c',
			pending: false
		});
		expect(await store.countPending(0)).toBe(0);
	});

	it('pulled onto a document with nothing waiting: the server’s version replaces it', async () => {
		const { store } = await make();
		await store.applyPulled([pulled(check(1, 5, T(10)), '1-a')], CP('1'));
		expect(await store.applyPulled([pulled(check(1, 3, T(9)), '2-b')], CP('2'))).toBe(1);
		expect(await store.applyPulled([pulled(check(1, 3, T(9)), '2-b')], CP('3'))).toBe(0);
		expect((await store.getMany(['check:2025-03-01'])).get('check:2025-03-01')).toMatchObject({
			doc: check(1, 3, T(9)),
			rev: '2-b',
			pending: false
		});
	});

	it('a local change keeps the revision it is based on', async () => {
		const { store, write } = await make();
		await store.applyPulled([pulled(check(1, 5, T(10)), '1-a')], CP('1'));
		await write(check(1, 6, T(11)));
		const [entry] = await store.changesSince(0, 10);
		expect(entry).toMatchObject({ rev: '1-a', pending: true, doc: check(1, 6, T(11)) });
	});

	it('markPushed: revisions recorded; an entry changed since it was sent stays pending', async () => {
		const { store, write } = await make();
		await write(check(1, 3, T(8)));
		await write(check(2, 4, T(9)));
		const sent = await store.changesSince(0, 10);
		await write(check(2, 7, T(12)));
		await store.markPushed(
			[
				...sent.map((entry) => ({ id: entry.doc._id, rev: `1-${entry.seq}`, seq: entry.seq })),
				{ id: 'check:2025-03-09', rev: '1-x', seq: 1 }
			],
			CP('4', sent[1]!.seq)
		);
		const found = await store.getMany(['check:2025-03-01', 'check:2025-03-02', 'check:2025-03-09']);
		expect(found.get('check:2025-03-01')).toMatchObject({
			pending: false,
			rev: `1-${sent[0]!.seq}`
		});
		expect(found.get('check:2025-03-02')).toMatchObject({
			pending: true,
			rev: `1-${sent[1]!.seq}`,
			doc: check(2, 7, T(12))
		});
		expect(found.has('check:2025-03-09')).toBe(false);
		expect(await store.countPending(0)).toBe(1);
		expect(await store.getCheckpoint()).toEqual(CP('4', sent[1]!.seq));
	});

	it('startOver: every revision forgotten, everything pending again after the old numbers', async () => {
		const { store, write } = await make();
		await store.applyPulled([pulled(check(1, 5, T(10)), '1-a')], CP('1'));
		await write(check(2, 4, T(9)));
		const [local] = await store.changesSince(0, 10);
		await store.startOver({ session: 's2', pull: '0', push: 0 });
		const changes = await store.changesSince(local!.seq, 10);
		expect(changes.map((entry) => entry.doc._id).sort()).toEqual([
			'check:2025-03-01',
			'check:2025-03-02'
		]);
		expect(changes.every((entry) => entry.pending && entry.rev === undefined)).toBe(true);
		expect(await store.countPending(local!.seq)).toBe(2);
		expect(await store.getCheckpoint()).toEqual({ session: 's2', pull: '0', push: 0 });
	});

	it('hands out copies: changing what it returned changes nothing stored', async () => {
		const { store, write } = await make();
		await write(check(1, 3, T(8)));
		const entry = (await store.getMany(['check:2025-03-01'])).get('check:2025-03-01')!;
		entry.pending = false;
		(entry.doc as { updatedAt: string }).updatedAt = T(1);
		const [again] = await store.changesSince(0, 10);
		expect(again).toMatchObject({ pending: true, doc: check(1, 3, T(8)) });
		const checkpoint = CP('5');
		await store.applyPulled([], checkpoint);
		checkpoint.pull = '99';
		expect(await store.getCheckpoint()).toEqual(CP('5'));
	});
});
