// Sync on this device: the id, the account (never in a backup), on/off with the seeding of
// everything already stored, forgetting the server, the last status.
import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { exportBackup, readBackupContents } from '$lib/storage/backup';
import { openDatabase } from '$lib/storage/database';
import { deleteImportedProgram, saveImportedProgram } from '$lib/storage/programs';
import type { SyncEntry } from '$lib/storage/schema';
import {
	answerSession,
	countSessions,
	deleteSession,
	storeNewSession
} from '$lib/storage/sessions';
import { getAllSettings, setSetting, updateSetting } from '$lib/storage/settings';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import {
	forgetSyncServer,
	getDeviceId,
	getSyncAccount,
	getSyncStatus,
	idbLocalStore,
	isSyncOn,
	isSyncReady,
	saveSyncAccount,
	saveSyncStatus,
	SEED_BATCH,
	setSyncOn,
	type SyncStatus
} from './device';
import { UNKNOWN_TIME } from '$lib/storage/sync-changes';

const ACCOUNT = {
	address: 'https://couch.example.org',
	user: 'ana',
	password: 'a-long-secret-passphrase'
};

async function entries(): Promise<Record<string, SyncEntry>> {
	const all = await (await openDatabase()).getAll('syncEntries');
	return Object.fromEntries(all.map((entry) => [entry.doc._id, entry]));
}

beforeEach(() => useFreshStorage('device'));
afterEach(() => {
	vi.useRealTimers();
	releaseStorage();
});

describe('the device id', () => {
	it('is made once, at random, and kept', async () => {
		const id = await getDeviceId();
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(await getDeviceId()).toBe(id);
		useFreshStorage('device-2');
		expect(await getDeviceId()).not.toBe(id);
	});
});

describe('the account', () => {
	it('is saved and read back; absent at first', async () => {
		expect(await getSyncAccount()).toBeUndefined();
		await saveSyncAccount({ ...ACCOUNT, extra: 'dropped' } as never);
		expect(await getSyncAccount()).toEqual(ACCOUNT);
	});

	it('never goes into a backup', async () => {
		await saveSyncAccount(ACCOUNT);
		await setSyncOn(true);
		await setSetting('beeps', false);
		await storeNewSession(makeSessionRecord());
		const text = await exportBackup(Date.parse('2025-06-11T10:00:00Z'), 'test');
		expect(text).toContain('session-1');
		expect(text).not.toContain(ACCOUNT.password);
		expect(text).not.toContain('couch.example.org');
		expect(JSON.stringify(await readBackupContents())).not.toContain(ACCOUNT.password);
	});
});

describe('on and off', () => {
	it('is off at first; on and off are kept', async () => {
		expect(await isSyncOn()).toBe(false);
		await setSyncOn(true);
		expect(await isSyncOn()).toBe(true);
		await setSyncOn(false);
		expect(await isSyncOn()).toBe(false);
	});

	it('turning on makes a pending entry for everything stored, dated by what it carries', async () => {
		await storeNewSession(makeSessionRecord());
		await saveImportedProgram(makeStoredProgram(), 'file', new Date('2025-05-01T09:00:00Z'));
		await setSetting('beeps', false);
		await setSetting('language', 'de');
		await setSetting('voiceURI', 'urn:voice');
		await setSetting('persistRequested', true);
		await updateSetting('morningPain', () => [{ day: '2025-06-10', pain: 4 }]);
		expect(await entries()).toEqual({});

		await setSyncOn(true);
		const found = await entries();
		expect(Object.keys(found).sort()).toEqual([
			'check:2025-06-10',
			'routine:my-routine',
			'session:session-1',
			'settings:display',
			'settings:player'
		]);
		expect(Object.values(found).every((entry) => entry.pending && entry.rev === undefined)).toBe(
			true
		);
		const record = makeSessionRecord();
		expect(found['session:session-1']!.doc).toMatchObject({
			updatedAt: record.endedAt,
			answeredAt: { painAfter: record.endedAt }
		});
		expect(found['routine:my-routine']!.doc).toMatchObject({
			updatedAt: '2025-05-01T09:00:00.000Z'
		});
		expect(found['settings:player']!.doc).toEqual({
			_id: 'settings:player',
			type: 'settings',
			values: { beeps: false },
			changedAt: { beeps: UNKNOWN_TIME }
		});
		expect(found['check:2025-06-10']!.doc).toMatchObject({ check: { day: '2025-06-10', pain: 4 } });
		expect(JSON.stringify(found)).not.toContain('urn:voice');
		expect(JSON.stringify(found)).not.toContain('persistRequested');
		expect(await idbLocalStore().countPending(0)).toBe(5);

		// On again: nothing new.
		await setSyncOn(true);
		expect(await idbLocalStore().countPending(0)).toBe(5);
	});

	it(`seeds ${SEED_BATCH * 2 + 1} sessions in batches, none left out`, async () => {
		const db = await openDatabase();
		const tx = db.transaction('sessions', 'readwrite');
		const count = SEED_BATCH * 2 + 1;
		for (let i = 0; i < count; i++) {
			void tx.store.put(makeSessionRecord({ id: `s${String(i).padStart(4, '0')}` }));
		}
		await tx.done;
		const spy = vi.spyOn(db, 'transaction');
		await setSyncOn(true);
		expect(await idbLocalStore().countPending(0)).toBe(count);
		const sessionBatches = spy.mock.calls.filter(
			([stores]) => Array.isArray(stores) && stores.length === 3 && stores[0] === 'sessions'
		);
		expect(sessionBatches).toHaveLength(3);
	});

	it('changes made while off are taken in when turned on again, deletions included', async () => {
		await storeNewSession(makeSessionRecord({ id: 'kept' }));
		await storeNewSession(makeSessionRecord({ id: 'gone' }));
		await updateSetting('morningPain', () => [{ day: '2025-06-10', pain: 4 }]);
		await setSyncOn(true);
		const store = idbLocalStore();
		// As if pushed: the server has everything.
		const sent = await store.changesSince(0, 100);
		await store.markPushed(
			sent.map((entry) => ({ id: entry.doc._id, rev: '1-x', seq: entry.seq })),
			{ session: 's', pull: '1', push: sent.at(-1)!.seq }
		);
		await setSyncOn(false);
		await answerSession('kept', { note: 'while off' });
		await deleteSession('gone');
		await updateSetting('morningPain', () => []);
		expect(await store.countPending(0)).toBe(0);

		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2025-06-11T12:00:00Z'));
		await setSyncOn(true);
		const found = await entries();
		expect(found['session:kept']).toMatchObject({
			rev: '1-x',
			pending: true,
			doc: { session: { note: 'while off' }, answeredAt: { note: '2025-06-11T12:00:00.000Z' } }
		});
		expect(found['session:gone']).toMatchObject({
			rev: '1-x',
			pending: true,
			doc: { _deleted: true, deletedAt: '2025-06-11T12:00:00.000Z' }
		});
		expect(found['check:2025-06-10']!.doc).toMatchObject({ _deleted: true });
		expect(await store.countPending(0)).toBe(3);
	});
});

describe('forgetting the server', () => {
	it('deletes the login, turns sync off, forgets checkpoint and revisions; data stays', async () => {
		await storeNewSession(makeSessionRecord());
		await saveImportedProgram(makeStoredProgram());
		await setSetting('beeps', false);
		await saveSyncAccount(ACCOUNT);
		await setSyncOn(true);
		const store = idbLocalStore();
		const sent = await store.changesSince(0, 100);
		const checkpoint = { session: 's', pull: '9', push: sent.at(-1)!.seq };
		await store.markPushed(
			sent.map((entry) => ({ id: entry.doc._id, rev: '1-x', seq: entry.seq })),
			checkpoint
		);
		await saveSyncStatus({
			at: 'x',
			ok: true,
			pulled: 0,
			changed: 0,
			pushed: 3,
			skipped: [],
			refused: []
		});

		await forgetSyncServer();
		expect(await getSyncAccount()).toBeUndefined();
		expect(await isSyncOn()).toBe(false);
		expect(await store.getCheckpoint()).toBeUndefined();
		expect(await getSyncStatus()).toBeUndefined();
		const after = Object.values(await entries());
		expect(after).toHaveLength(3);
		expect(after.every((entry) => entry.rev === undefined && entry.pending)).toBe(true);
		expect(await countSessions()).toBe(1);
		expect((await getAllSettings()).beeps).toBe(false);
		expect(await (await openDatabase()).count('programs')).toBe(1);
		// Off: a change is not recorded.
		await deleteImportedProgram('my-routine');
		expect((await entries())['routine:my-routine']!.doc).not.toHaveProperty('_deleted');
	});
});

describe('the last status', () => {
	it('is saved and read back; a damaged one reads as none', async () => {
		expect(await getSyncStatus()).toBeUndefined();
		const status: SyncStatus = {
			at: '2025-06-11T10:00:00.000Z',
			ok: false,
			pulled: 3,
			changed: 1,
			pushed: 0,
			skipped: [{ id: 'session:x', problem: 'session.painBefore: must be a whole number' }],
			refused: [{ id: 'routine:y', reason: 'forbidden' }],
			moved: { pull: 3 },
			error: { kind: 'network', message: 'No connection' }
		};
		await saveSyncStatus(status);
		expect(await getSyncStatus()).toEqual(status);
		await (await openDatabase()).put('syncMeta', { at: 1 }, 'status');
		expect(await getSyncStatus()).toBeUndefined();
	});
});

describe('turning sync on, cut off', () => {
	it('is finished by the next turn-on, and nothing may sync until it is', async () => {
		for (let i = 0; i < SEED_BATCH + 10; i++) {
			await storeNewSession(makeSessionRecord({ id: `s${String(i).padStart(4, '0')}` }));
		}
		// The second batch of sessions fails, as if the page were closed in the middle.
		const getAll = IDBObjectStore.prototype.getAll;
		let calls = 0;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'sessions' && ++calls === 2) throw new Error('cut off');
			return getAll.apply(this, args);
		});
		await expect(setSyncOn(true)).rejects.toThrow();
		spy.mockRestore();
		expect(await isSyncOn()).toBe(true);
		expect(await isSyncReady()).toBe(false);
		expect(Object.keys(await entries())).toHaveLength(SEED_BATCH);

		await setSyncOn(true);
		expect(await isSyncReady()).toBe(true);
		const seeded = Object.keys(await entries()).filter((id) => id.startsWith('session:'));
		expect(seeded).toHaveLength(SEED_BATCH + 10);
	});

	it('a change made while off is kept pending through the resumed seeding', async () => {
		await storeNewSession(makeSessionRecord({ id: 'x' }));
		await setSyncOn(true);
		await setSyncOn(false);
		await answerSession('x', { painAfter: 1 });
		await setSyncOn(true);
		const entry = (await entries())['session:x']!;
		expect(entry.pending).toBe(true);
		expect((entry.doc as { session: { painAfter?: number } }).session.painAfter).toBe(1);
	});
});
