// Shared test factories for the storage tests (not used by the app).
import { IDBFactory } from 'fake-indexeddb';
import type { Program } from '$lib/program/types';
import type { ExerciseRecord, SessionRecord } from '$lib/session/record';
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

/** An exercise record with sensible values. */
export function makeExercise(overrides: Partial<ExerciseRecord> = {}): ExerciseRecord {
	return {
		exerciseId: 'pelvic-tilt',
		name: 'Pelvic tilts',
		setsDone: 2,
		setsPlanned: 2,
		repsDone: { none: 20, left: 0, right: 0 },
		repsPlanned: 20,
		seconds: 95,
		skipped: false,
		outcome: 'done',
		...overrides
	};
}

/** A session record with sensible values (it ends 12.5 minutes after it starts). */
export function makeSession(overrides: Partial<SessionRecord> = {}): SessionRecord {
	const startedAt = overrides.startedAt ?? '2025-03-14T08:00:00.000Z';
	return {
		id: 'session-1',
		programId: 'gentle-start',
		programVersion: 1,
		programTitle: 'Gentle start',
		startedAt,
		endedAt: new Date(Date.parse(startedAt) + 750_000).toISOString(),
		durationSeconds: 700,
		completed: true,
		exercises: [makeExercise()],
		painBefore: 5,
		painAfter: 3,
		effort: 'about right',
		...overrides
	};
}

/** A valid program with every default filled in, as validateProgram returns it. */
export function makeProgram(id = 'my-routine', title = 'My routine'): Program {
	return {
		format: 1,
		id,
		version: 1,
		title,
		language: 'en',
		schedule: { timesPerDay: 1, daysPerWeek: 7 },
		prepareSeconds: 5,
		restBetweenExercises: 15,
		safety: [],
		exercises: [
			{
				id: 'pelvic-tilt',
				name: 'Pelvic tilts',
				instructions: ['Lie on your back, knees bent.', 'Flatten your lower back to the floor.'],
				cautions: [],
				sets: 1,
				reps: 10,
				sides: 'none',
				restBetweenReps: 0,
				restBetweenSets: 30
			}
		]
	};
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
