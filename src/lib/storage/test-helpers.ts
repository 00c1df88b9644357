// The storage tests' fake IndexedDB and older database shapes (not used by the app). Records
// and programs to store come from $lib/test-factories.
import { IDBFactory } from 'fake-indexeddb';
import type { BackupContext } from './backup-format';
import { closeDatabase, configureStorage, openDatabase } from './database';
import { digestOf, isPackedDigests, unpackDigests } from './digests';
import { DIGESTS_KEY, type SessionDigest } from './schema';

/** What reading a backup needs to know about the device in the tests: the day, the built-ins. */
export const TEST_BACKUP_CONTEXT: BackupContext = {
	today: '2025-06-11',
	builtinIds: new Set(['gentle-relief', 'daily-core-strength', 'desk-break'])
};

/** Gives the storage module a brand-new, empty fake IndexedDB; returns the factory. */
export function useFreshStorage(name = 'limber-test'): IDBFactory {
	const factory = new IDBFactory();
	configureStorage({ factory, name });
	return factory;
}

/** Closes the connection after a test. */
export function releaseStorage(): void {
	closeDatabase();
}

interface FixtureStore {
	name: string;
	keyPath: string | null;
	indexes: { name: string; keyPath: string }[];
	/** Records of a store with a key path. */
	records?: unknown[];
	/** Key-value pairs of a store without one. */
	entries?: { key: string; value: unknown }[];
}

/** An older database shape, as kept in tests/fixtures/db/. */
export interface DatabaseFixture {
	version: number;
	stores: FixtureStore[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Creates a database exactly as an older version left it, with the raw IndexedDB API. */
export async function createFixtureDatabase(
	factory: IDBFactory,
	name: string,
	fixture: DatabaseFixture
): Promise<void> {
	const open = factory.open(name, fixture.version);
	open.onupgradeneeded = () => {
		const db = open.result;
		for (const store of fixture.stores) {
			const created = db.createObjectStore(
				store.name,
				store.keyPath === null ? undefined : { keyPath: store.keyPath }
			);
			for (const index of store.indexes) created.createIndex(index.name, index.keyPath);
			for (const record of store.records ?? []) created.put(record);
			for (const entry of store.entries ?? []) created.put(entry.value, entry.key);
		}
	};
	const db = await request(open);
	db.close();
}

/** Opens a database with the raw API at whatever version it has (for inspecting results). */
export async function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	return request(factory.open(name));
}

/** Every key and value of one store, read with the raw API. */
export async function dumpStore(
	db: IDBDatabase,
	store: string
): Promise<{ keys: IDBValidKey[]; values: unknown[] }> {
	const tx = db.transaction(store, 'readonly');
	const [keys, values] = await Promise.all([
		request(tx.objectStore(store).getAllKeys()),
		request(tx.objectStore(store).getAll())
	]);
	return { keys, values };
}

/**
 * The packed digests as stored (unpacked, newest first; null when there is no usable record)
 * and the digests of the sessions as stored, worked out afresh: equal when they are in step.
 */
export async function storedDigestsAndExpected(): Promise<{
	stored: SessionDigest[] | null;
	expected: SessionDigest[];
}> {
	const db = await openDatabase();
	const tx = db.transaction(['sessions', 'sessionDigests']);
	const [packed, sessions] = await Promise.all([
		tx.objectStore('sessionDigests').get(DIGESTS_KEY),
		tx.objectStore('sessions').index('by-startedAt').getAll(),
		tx.done
	]);
	return {
		stored: isPackedDigests(packed) ? unpackDigests(packed) : null,
		expected: sessions.reverse().map(digestOf)
	};
}
