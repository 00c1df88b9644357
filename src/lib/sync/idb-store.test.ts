// The IndexedDB store's own work beyond the LocalStore contract (local-store-contract.test.ts):
// pulled documents written into the app's stores in the one transaction, the pages told, and a
// whole sync with a fake CouchDB against the real write paths.
import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { openDatabase } from '$lib/storage/database';
import { getImportedProgram } from '$lib/storage/programs';
import { onProgramsChanged, SETTINGS_CHANNEL } from '$lib/storage/change-events';
import { onSessionsChanged } from '$lib/storage/session-events';
import { answerSession, getSession, listSessions, storeNewSession } from '$lib/storage/sessions';
import { getAllSettings, getSetting, setSetting } from '$lib/storage/settings';
import {
	releaseStorage,
	storedDigestsAndExpected,
	useFreshStorage
} from '$lib/storage/test-helpers';
import { getDeviceId, idbLocalStore, setSyncOn } from './device';
import {
	checkToDoc,
	deletionOf,
	routineToDoc,
	sessionToDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';
import { MemoryStore } from './memory-store';
import { replicate } from './replicate';
import { FakeCouch } from './test-fake-couch';

const T = (hour: number) => `2025-06-11T${String(hour).padStart(2, '0')}:00:00.000Z`;
/** Later than anything these tests record with the real clock. */
const LATER = '2099-01-01T00:00:00.000Z';
const CP = { session: 's', pull: '1', push: 0 };
const rev = (doc: SyncDoc, r = '1-a'): SyncDoc => ({ ...doc, _rev: r });
const settingsDoc = (values: Record<string, unknown>, at: string): SyncDoc =>
	({
		_id: 'settings:player',
		type: 'settings',
		values,
		changedAt: Object.fromEntries(Object.keys(values).map((key) => [key, at]))
	}) as SettingsDoc;

beforeEach(() => useFreshStorage('idb-store'));
afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

describe('applyPulled writes into the app’s stores', () => {
	it('sessions with their digests, routines, settings by key, morning answers', async () => {
		await setSetting('morningPain', [{ day: '2025-06-09', pain: 6 }]);
		const store = idbLocalStore();
		const changed = await store.applyPulled(
			[
				rev(sessionToDoc(makeSessionRecord({ id: 'a' }), T(9))),
				rev(sessionToDoc(makeSessionRecord({ id: 'b', startedAt: T(7) }), T(9))),
				rev(routineToDoc({ program: makeStoredProgram(), importedAt: T(8) }, T(8))),
				rev(settingsDoc({ beeps: false, volume: 0.2 }, T(8))),
				rev(checkToDoc({ day: '2025-06-10', pain: 3 }, T(8)))
			],
			CP
		);
		expect(changed).toBe(5);
		expect((await listSessions()).map((s) => s.id)).toEqual(['b', 'a']);
		const digests = await storedDigestsAndExpected();
		expect(digests.stored).toEqual(digests.expected);
		expect(digests.stored).toHaveLength(2);
		expect((await getImportedProgram('my-routine'))?.title).toBe('My routine');
		const settings = await getAllSettings();
		expect(settings).toMatchObject({ beeps: false, volume: 0.2 });
		expect(settings.morningPain).toEqual([
			{ day: '2025-06-09', pain: 6 },
			{ day: '2025-06-10', pain: 3 }
		]);
		expect(await store.getCheckpoint()).toEqual(CP);
	});

	it('a deletion removes the record (and its digest, its morning answer)', async () => {
		await setSyncOn(true);
		await storeNewSession(makeSessionRecord({ id: 'a' }));
		await storeNewSession(makeSessionRecord({ id: 'b', startedAt: T(7) }));
		const store = idbLocalStore();
		await store.applyPulled(
			[rev(routineToDoc({ program: makeStoredProgram(), importedAt: T(8) }, T(8)))],
			CP
		);
		await setSetting('morningPain', [
			{ day: '2025-06-09', pain: 6 },
			{ day: '2025-06-10', pain: 2 }
		]);
		await store.applyPulled([rev(checkToDoc({ day: '2025-06-10', pain: 2 }, T(1)))], CP);
		await store.applyPulled(
			[
				rev(deletionOf('session:a', 'session', LATER), '2-x'),
				rev(deletionOf('routine:my-routine', 'routine', LATER), '2-y'),
				rev(deletionOf('check:2025-06-10', 'check', LATER), '2-z')
			],
			CP
		);
		expect((await listSessions()).map((s) => s.id)).toEqual(['b']);
		const digests = await storedDigestsAndExpected();
		expect(digests.stored).toEqual(digests.expected);
		expect(await getImportedProgram('my-routine')).toBeUndefined();
		expect(await getSetting('morningPain')).toEqual([{ day: '2025-06-09', pain: 6 }]);
		expect((await store.getMany(['session:a'])).get('session:a')).toMatchObject({
			doc: { _deleted: true },
			rev: '2-x',
			pending: false
		});
	});

	it('only the group’s own settings are written; never a device-only one', async () => {
		await setSetting('voiceURI', 'mine');
		const store = idbLocalStore();
		await store.applyPulled(
			[rev(settingsDoc({ beeps: false, voiceURI: 'theirs', language: 'de' }, T(8)))],
			CP
		);
		const settings = await getAllSettings();
		expect(settings.beeps).toBe(false);
		expect(settings.voiceURI).toBe('mine');
		expect(settings.language).toBe('auto');
	});

	it('pulled writes are not recorded as local changes; a merge waiting to go out is', async () => {
		await setSyncOn(true);
		await storeNewSession(makeSessionRecord({ id: 'a', painAfter: 2 }));
		const store = idbLocalStore();
		// The server's version has an older answer; ours (pending) wins and stays to be pushed.
		const theirs = sessionToDoc(makeSessionRecord({ id: 'a', painAfter: 7 }), T(0));
		expect(
			await store.applyPulled(
				[rev(theirs, '1-s'), rev(checkToDoc({ day: '2025-06-10', pain: 1 }, T(0)))],
				CP
			)
		).toBe(1);
		expect((await getSession('a'))?.painAfter).toBe(2);
		const pending = await store.changesSince(0, 10);
		expect(pending.map((entry) => [entry.doc._id, entry.rev])).toEqual([['session:a', '1-s']]);
	});

	it('all or nothing: a write that fails leaves no record, entry or checkpoint', async () => {
		const store = idbLocalStore();
		const real = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'programs') throw new DOMException('disk full', 'QuotaExceededError');
			return real.apply(this, args);
		});
		await expect(
			store.applyPulled(
				[
					rev(sessionToDoc(makeSessionRecord({ id: 'a' }), T(9))),
					rev(checkToDoc({ day: '2025-06-10', pain: 3 }, T(8))),
					rev(routineToDoc({ program: makeStoredProgram(), importedAt: T(8) }, T(8)))
				],
				CP
			)
		).rejects.toThrow();
		vi.restoreAllMocks();
		const db = await openDatabase();
		expect(await db.count('sessions')).toBe(0);
		expect(await db.count('syncEntries')).toBe(0);
		expect(await getSetting('morningPain')).toEqual([]);
		expect(await store.getCheckpoint()).toBeUndefined();
		const digests = await storedDigestsAndExpected();
		expect(digests.stored ?? []).toEqual([]);
	});

	it('tells the open pages: sessions, routines, and each setting that changed', async () => {
		let sessions = 0;
		let programs = 0;
		const keys: unknown[] = [];
		const stopSessions = onSessionsChanged(() => sessions++);
		const stopPrograms = onProgramsChanged(() => programs++);
		const settingsChannel = new BroadcastChannel(SETTINGS_CHANNEL);
		settingsChannel.onmessage = (event: MessageEvent<{ key: unknown }>) =>
			keys.push(event.data.key);
		await idbLocalStore().applyPulled(
			[
				rev(sessionToDoc(makeSessionRecord({ id: 'a' }), T(9))),
				rev(routineToDoc({ program: makeStoredProgram(), importedAt: T(8) }, T(8))),
				rev(settingsDoc({ beeps: false }, T(8))),
				rev(checkToDoc({ day: '2025-06-10', pain: 3 }, T(8)))
			],
			CP
		);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect([sessions, programs]).toEqual([1, 1]);
		expect(keys.sort()).toEqual(['beeps', 'morningPain']);
		// Nothing changed: nothing said.
		await idbLocalStore().applyPulled([rev(checkToDoc({ day: '2025-06-10', pain: 3 }, T(8)))], CP);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect([sessions, programs, keys.length]).toEqual([1, 1, 2]);
		stopSessions();
		stopPrograms();
		settingsChannel.close();
	});
});

describe('a whole sync through the IndexedDB store', () => {
	it('this device’s session reaches another device, and its answer comes back', async () => {
		const couch = new FakeCouch();
		const context = { today: '2025-06-11', builtinIds: new Set(['gentle-relief']) };
		let ids = 0;
		const run = (local: ReturnType<typeof idbLocalStore> | MemoryStore, deviceId: string) =>
			replicate({
				target: { url: couch.base, user: couch.user, password: 'secret' },
				local,
				deviceId,
				context,
				fetch: couch.fetch,
				newId: () => `sync-${++ids}`
			});
		await storeNewSession(makeSessionRecord({ id: 'a', painAfter: undefined }));
		await setSyncOn(true);
		await setSetting('beeps', false);
		const here = idbLocalStore();
		const first = await run(here, await getDeviceId());
		expect(first.pushed).toBe(2);
		expect(await here.countPending(0)).toBe(0);

		const other = new MemoryStore();
		await run(other, 'device-b');
		const session = other.doc('session:a');
		expect(session).toMatchObject({ session: { id: 'a' } });
		other.write(
			sessionToDoc({ ...makeSessionRecord({ id: 'a' }), painAfter: 1 }, '2099-01-01T00:00:00.000Z')
		);
		await run(other, 'device-b');

		const second = await run(here, await getDeviceId());
		expect(second.changed).toBe(1);
		expect((await getSession('a'))?.painAfter).toBe(1);
		// An answer given here afterwards goes out again.
		await answerSession('a', { note: 'later' });
		expect(await here.countPending(0)).toBe(1);
	});
});
