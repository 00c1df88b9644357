import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import { configureStorage, openDatabase, withDatabase } from './database';
import { StorageError } from './errors';
import { DB_VERSION } from './schema';
import { listSessions, saveSession } from './sessions';
import {
	getStorageStatus,
	isStorageAvailable,
	storageStatus,
	type StorageStatusKind
} from './storage-status.svelte';
import { makeSessionRecord } from '$lib/test-factories';
import {
	createFixtureDatabase,
	openRaw,
	releaseStorage,
	useFreshStorage,
	type DatabaseFixture
} from './test-helpers';

afterEach(() => releaseStorage());

/** Resolves once the storage status has become `kind` (polled: it changes between tasks). */
async function waitForStatus(kind: StorageStatusKind): Promise<void> {
	await vi.waitFor(() => expect(storageStatus.kind).toBe(kind), { timeout: 5_000, interval: 1 });
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(StorageError);
		return error as StorageError;
	}
	throw new Error('expected a rejection');
}

describe('openDatabase', () => {
	it('creates the current schema and reports ready', async () => {
		useFreshStorage();
		const seen: StorageStatusKind[] = [storageStatus.kind];
		const opening = openDatabase();
		seen.push(storageStatus.kind);
		const db = await opening;
		seen.push(storageStatus.kind);
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([
			'checkpoint',
			'drafts',
			'programs',
			'sessionDigests',
			'sessions',
			'settings',
			'syncEntries',
			'syncMeta'
		]);
		const tx = db.transaction('sessions');
		expect([...tx.store.indexNames].sort()).toEqual(['by-programId', 'by-startedAt']);
		expect(seen).toEqual(['idle', 'opening', 'ready']);
		expect(getStorageStatus()).toEqual({ kind: 'ready', message: null });
	});

	it('reuses one connection', async () => {
		useFreshStorage();
		const [a, b] = await Promise.all([openDatabase(), openDatabase()]);
		expect(a).toBe(b);
		expect(await openDatabase()).toBe(a);
	});
});

describe('another tab', () => {
	it('reports blocked while an older version is held open, then becomes ready', async () => {
		const factory = useFreshStorage('blocked');
		await createFixtureDatabase(factory, 'blocked', v1 as DatabaseFixture);
		const oldTab = await openRaw(factory, 'blocked'); // never answers versionchange

		const error = await rejection(listSessions());
		expect(error.kind).toBe('blocked');
		expect(error.message).toMatch(/close the other Limber tabs/);
		expect(getStorageStatus().kind).toBe('blocked');
		expect(getStorageStatus().message).toMatch(/another tab/);
		// Writes fail the same way (the caller keeps its record and can retry).
		expect((await rejection(saveSession(makeSessionRecord()))).kind).toBe('blocked');

		const ready = waitForStatus('ready');
		oldTab.close();
		await ready;
		expect((await listSessions()).map((s) => s.id)).toEqual(['v3', 'v2', 'v1']);
	});

	it('closes this connection when another tab upgrades, and says to reload', async () => {
		const factory = useFreshStorage('upgrade');
		await saveSession(makeSessionRecord());

		const newer = factory.open('upgrade', DB_VERSION + 1);
		await new Promise((resolve, reject) => {
			newer.onsuccess = resolve;
			newer.onerror = () => reject(newer.error);
		});
		expect(getStorageStatus()).toEqual({
			kind: 'outdated',
			message: 'Limber was updated in another tab: reload this page.'
		});
		expect((await rejection(saveSession(makeSessionRecord({ id: 'later' })))).kind).toBe(
			'outdated'
		);
		newer.result.close();
	});

	it('says to reload when the stored database is newer than this page', async () => {
		const factory = useFreshStorage('newer');
		await createFixtureDatabase(factory, 'newer', { version: DB_VERSION + 5, stores: [] });
		const error = await rejection(openDatabase());
		expect(error.kind).toBe('outdated');
		expect(getStorageStatus().kind).toBe('outdated');
	});
});

describe('lost connections', () => {
	it('reopens once and retries after the connection was closed underneath', async () => {
		useFreshStorage();
		const db = await openDatabase();
		db.close(); // as WebKit does to a page left in the background
		await saveSession(makeSessionRecord({ id: 'after-close' }));
		expect((await listSessions()).map((s) => s.id)).toEqual(['after-close']);
		expect(await openDatabase()).not.toBe(db);
	});

	it('opens a new connection after the browser closed this one', async () => {
		useFreshStorage();
		const db = await openDatabase();
		// (fake-indexeddb's type for the argument is off: it takes a connection.)
		forceCloseDatabase(unwrap(db) as never);
		expect(getStorageStatus().kind).toBe('idle');
		await saveSession(makeSessionRecord({ id: 'after-forced-close' }));
		expect(await openDatabase()).not.toBe(db);
		expect(getStorageStatus().kind).toBe('ready');
	});

	it('retries an operation that failed with UnknownError exactly once', async () => {
		useFreshStorage();
		const operation = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(new DOMException('Connection lost', 'UnknownError'))
			.mockResolvedValueOnce('done');
		expect(await withDatabase(operation)).toBe('done');
		expect(operation).toHaveBeenCalledTimes(2);

		const failing = vi
			.fn<() => Promise<string>>()
			.mockRejectedValue(new DOMException('Connection lost', 'InvalidStateError'));
		expect((await rejection(withDatabase(failing))).kind).toBe('unknown');
		expect(failing).toHaveBeenCalledTimes(2);
	});

	it('does not retry other errors', async () => {
		useFreshStorage();
		const operation = vi
			.fn<() => Promise<string>>()
			.mockRejectedValue(new DOMException('Full', 'QuotaExceededError'));
		const error = await rejection(withDatabase(operation));
		expect(error.kind).toBe('quota');
		expect(error.message).toMatch(/^Your device is out of storage space: /);
		expect(operation).toHaveBeenCalledTimes(1);
	});
});

describe('IndexedDB unavailable', () => {
	it('reads empty and refuses writes when there is no IndexedDB at all', async () => {
		configureStorage({ factory: null });
		expect(await listSessions()).toEqual([]);
		const error = await rejection(saveSession(makeSessionRecord()));
		expect(error.kind).toBe('unavailable');
		expect(error.message).toMatch(/History cannot be kept in this browser mode/);
		expect(isStorageAvailable()).toBe(false);
		expect(getStorageStatus().kind).toBe('unavailable');
	});

	it('treats open() throwing (some private modes) as unavailable', async () => {
		const factory = {
			open() {
				throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
			}
		} as unknown as IDBFactory;
		configureStorage({ factory });
		expect(await listSessions()).toEqual([]);
		expect(isStorageAvailable()).toBe(false);
	});

	it('treats an open request that fails (as in old Firefox private windows) as unavailable', async () => {
		const factory = {
			open() {
				const request = new IDBOpenDBRequest();
				setTimeout(() => {
					Object.defineProperty(request, 'error', {
						value: new DOMException('A mutation operation was attempted', 'InvalidStateError')
					});
					// fake-indexeddb dispatches only its own event objects.
					request.dispatchEvent(new IDBVersionChangeEvent('error'));
				});
				return request;
			}
		} as unknown as IDBFactory;
		configureStorage({ factory });
		expect(await listSessions()).toEqual([]);
		expect(getStorageStatus().kind).toBe('unavailable');
	});

	it('is available again after reconfiguring', async () => {
		configureStorage({ factory: null });
		await listSessions();
		useFreshStorage();
		expect(isStorageAvailable()).toBe(true);
		await saveSession(makeSessionRecord());
		expect(await listSessions()).toHaveLength(1);
	});
});

describe('failed upgrades', () => {
	it('aborts the whole upgrade when a migration step throws, leaving the old version', async () => {
		const factory = useFreshStorage('broken');
		const broken = structuredClone(v1) as DatabaseFixture;
		broken.stores = broken.stores.filter((store) => store.name !== 'settings');
		await createFixtureDatabase(factory, 'broken', broken);

		const error = await rejection(openDatabase());
		expect(error.kind).toBe('unknown');
		expect(error.message).toMatch(/could not update the data/);
		expect(getStorageStatus().kind).toBe('failed');

		const raw = await openRaw(factory, 'broken');
		expect(raw.version).toBe(1);
		const tx = raw.transaction('sessions');
		expect([...tx.objectStore('sessions').indexNames]).toEqual(['by-startedAt']);
		raw.close();
	});
});
