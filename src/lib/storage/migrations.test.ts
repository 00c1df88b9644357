import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import v2 from '../../../tests/fixtures/db/v2.json';
import v3 from '../../../tests/fixtures/db/v3.json';
import v4 from '../../../tests/fixtures/db/v4.json';
import v5 from '../../../tests/fixtures/db/v5.json';
import v6 from '../../../tests/fixtures/db/v6.json';
import { loadCheckpoints } from './checkpoint';
import { configureStorage, openDatabase } from './database';
import { estimateDuration, LEGACY_SETTINGS_KEY, withOutcomes } from './migrations';
import { getImportedProgram } from './programs';
import { listDrafts, putDraft } from './drafts';
import { DB_VERSION, DIGESTS_KEY, LEGACY_CHECKPOINT_KEY } from './schema';
import { listSessionDigests, listSessions, storeNewSession } from './sessions';
import { makeSessionRecord } from '$lib/test-factories';
import { getAllSettings } from './settings';
import {
	createFixtureDatabase,
	dumpStore,
	openRaw,
	releaseStorage,
	storedDigestsAndExpected,
	useFreshStorage,
	type DatabaseFixture
} from './test-helpers';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

async function upgradeFrom(fixture: DatabaseFixture) {
	const factory = useFreshStorage('migrate');
	await createFixtureDatabase(factory, 'migrate', fixture);
	const db = await openDatabase();
	return { factory, db };
}

describe('upgrading from version 1', () => {
	it('reaches the current version with every store and index', async () => {
		const { db } = await upgradeFrom(v1 as DatabaseFixture);
		expect(db.version).toBe(DB_VERSION);
		const tx = db.transaction('sessions');
		expect([...tx.store.indexNames].sort()).toEqual(['by-programId', 'by-startedAt']);
	});

	it('backfills durationSeconds from the start and end times and keeps everything else', async () => {
		await upgradeFrom(v1 as DatabaseFixture);
		const sessions = await listSessions();
		expect(sessions.map((s) => [s.id, s.durationSeconds])).toEqual([
			['v3', 811], // 07:45:00 → 07:58:30.5, rounded
			['v2', 360],
			['v1', 725]
		]);
		const original = (v1 as DatabaseFixture).stores[0]!.records!.find(
			(r) => (r as { id: string }).id === 'v2'
		);
		expect(sessions[1]).toEqual({ ...withOutcomes(original), durationSeconds: 360 });
	});

	it('makes the new programId index usable', async () => {
		await upgradeFrom(v1 as DatabaseFixture);
		expect((await listSessions({ programId: 'my-routine' })).map((s) => s.id)).toEqual(['v3']);
		expect((await listSessions({ programId: 'gentle-start' })).map((s) => s.id)).toEqual([
			'v2',
			'v1'
		]);
	});

	it('splits the settings object into one record per setting, renaming sound to beeps', async () => {
		const { factory } = await upgradeFrom(v1 as DatabaseFixture);
		releaseStorage();
		const raw = await openRaw(factory, 'migrate');
		const { keys, values } = await dumpStore(raw, 'settings');
		raw.close();
		// Version 5 adds the routines followed (tested below); the rest came from the old object.
		const { follows, ...stored } = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
		expect(follows).toBeDefined();
		expect(stored).toEqual({
			beeps: false,
			voice: true,
			volume: 0.5,
			disclaimerSeen: true,
			lastBackupAt: null
		});
		expect(keys).not.toContain(LEGACY_SETTINGS_KEY);
	});

	it('leaves programs and the checkpoint readable', async () => {
		await upgradeFrom(v1 as DatabaseFixture);
		expect((await getImportedProgram('my-routine'))?.title).toBe('My routine');
		const [checkpoint, ...more] = await loadCheckpoints();
		expect(more).toEqual([]);
		expect(checkpoint?.programId).toBe('gentle-start');
		expect(checkpoint?.snapshot.stepIndex).toBe(7);
		expect(checkpoint?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('upgrading from version 2', () => {
	it('keeps the stored durations and moves the settings', async () => {
		await upgradeFrom(v2 as DatabaseFixture);
		const sessions = await listSessions();
		expect(sessions.map((s) => [s.id, s.durationSeconds])).toEqual([
			['w3', 780],
			['w2', 300],
			['w1', 690]
		]);
		const settings = await getAllSettings();
		expect(settings).toMatchObject({
			beeps: true,
			voice: false,
			vibration: false,
			volume: 1,
			disclaimerSeen: true,
			programLevels: { 'my-routine': 2 },
			lastRedFlagCheckDay: '2024-11-02',
			// Not in the old object: defaults.
			redFlagCheck: true,
			morningPain: []
		});
	});
});

describe('upgrading from version 3', () => {
	it('backfills one packed digest record from every stored session', async () => {
		const { factory } = await upgradeFrom(v3 as DatabaseFixture);
		releaseStorage();
		const raw = await openRaw(factory, 'migrate');
		const { keys, values } = await dumpStore(raw, 'sessionDigests');
		raw.close();
		expect(keys).toEqual([DIGESTS_KEY]);
		// Oldest first; x0 and x4 share a start time and sort by id, as the index does.
		expect(values[0]).toEqual({
			format: 2,
			ids: ['x1', 'x2', 'x3', 'x0', 'x4'],
			startedAt: [
				'2025-02-03T07:30:00.000Z',
				'2025-02-03T19:05:00.000Z',
				'2025-02-04T08:00:00.000Z',
				'2025-02-05T07:00:00.000Z',
				'2025-02-05T07:00:00.000Z'
			],
			programIds: ['gentle-start', 'gentle-start', 'ball-routine', 'gentle-start', 'my-routine'],
			programTitles: [
				'Gentle start',
				'Gentle start',
				'Exercise ball routine',
				'Gentle start',
				'My routine'
			],
			durationSeconds: [690, 200, 20, 660, 300],
			// 1 completed, 2 counts: x3 did no exercise, x2 was cut short.
			flags: [3, 2, 0, 3, 3],
			painBefore: [6, 5, null, 4, 3],
			painAfter: [4, null, null, 3, 0],
			efforts: ['about right', null, null, null, null],
			notes: [null, 'Short on time.', null, null, null]
		});
	});

	it('serves the digests History reads, equal to the sessions as stored', async () => {
		await upgradeFrom(v3 as DatabaseFixture);
		const { stored, expected } = await storedDigestsAndExpected();
		expect(stored).toEqual(expected);
		expect((await listSessionDigests()).map((d) => [d.id, d.counts])).toEqual([
			['x4', true],
			['x0', true],
			['x3', false],
			['x2', true],
			['x1', true]
		]);
	});

	it('leaves the sessions, programs, checkpoint and settings as they were', async () => {
		const { factory } = await upgradeFrom(v3 as DatabaseFixture);
		const [sessions, programs, checkpoint, settings] = (v3 as DatabaseFixture).stores;
		releaseStorage();
		const raw = await openRaw(factory, 'migrate');
		// Version 5 gave every exercise record its outcome; nothing else changed.
		expect((await dumpStore(raw, 'sessions')).values).toEqual(
			[...sessions!.records!]
				.sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))
				.map((record) => withOutcomes(record) ?? record)
		);
		expect((await dumpStore(raw, 'programs')).values).toEqual(programs!.records);
		// The one checkpoint moved to a key of its own in version 5 (see the version 4 tests).
		const moved = await dumpStore(raw, 'checkpoint');
		expect(moved.values).toEqual(
			checkpoint!.entries!.map((entry) => ({
				...(entry.value as object),
				sessionId: moved.keys[0]
			}))
		);
		const stored = await dumpStore(raw, 'settings');
		raw.close();
		// Version 5 adds `follows` (tested with version 4); every other setting is as it was.
		const { follows: _follows, ...rest } = Object.fromEntries(
			stored.keys.map((key, i) => [key, stored.values[i]])
		);
		expect(rest).toEqual(
			Object.fromEntries(settings!.entries!.map((entry) => [entry.key, entry.value]))
		);
	});

	it('stays at version 3 with its data when the backfill fails, and succeeds next time', async () => {
		const factory = useFreshStorage('migrate');
		await createFixtureDatabase(factory, 'migrate', v3 as DatabaseFixture);
		vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementationOnce(() => {
			throw new DOMException('Disk trouble.', 'UnknownError');
		});
		await expect(openDatabase()).rejects.toMatchObject({ kind: 'unknown' });
		const raw = await openRaw(factory, 'migrate');
		expect(raw.version).toBe(3);
		expect([...raw.objectStoreNames]).not.toContain('sessionDigests');
		expect((await dumpStore(raw, 'sessions')).keys).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
		raw.close();

		// The next page load (here: a fresh configuration) tries again.
		configureStorage({ factory, name: 'migrate' });
		expect((await listSessionDigests()).map((d) => d.id)).toEqual(['x4', 'x0', 'x3', 'x2', 'x1']);
	});

	it('gives a database of any older version its digests too', async () => {
		for (const fixture of [v1, v2]) {
			await upgradeFrom(fixture as DatabaseFixture);
			const { stored, expected } = await storedDigestsAndExpected();
			expect(stored).toHaveLength(3);
			expect(stored).toEqual(expected);
			releaseStorage();
		}
	});
});

describe('upgrading from version 4', () => {
	it('moves the one checkpoint to a key of its own, the session id it carries from now on', async () => {
		const { factory } = await upgradeFrom(v4 as DatabaseFixture);
		releaseStorage();
		const raw = await openRaw(factory, 'migrate');
		const { keys, values } = await dumpStore(raw, 'checkpoint');
		raw.close();
		expect(keys).toHaveLength(1);
		expect(keys).not.toContain(LEGACY_CHECKPOINT_KEY);
		const old = (v4 as DatabaseFixture).stores.find((s) => s.name === 'checkpoint')!.entries![0]!;
		expect(values).toEqual([{ ...(old.value as object), sessionId: keys[0] }]);
		// And it can be resumed from.
		const [checkpoint] = await loadCheckpoints();
		expect(checkpoint).toMatchObject({
			sessionId: keys[0],
			programId: 'gentle-start',
			painBefore: 4
		});
	});

	it('leaves the sessions, digests, programs and settings as they were', async () => {
		const { factory } = await upgradeFrom(v4 as DatabaseFixture);
		releaseStorage();
		const raw = await openRaw(factory, 'migrate');
		for (const store of (v4 as DatabaseFixture).stores) {
			// The checkpoint moved (above); the digests were made again in format 2 (below).
			if (store.name === 'checkpoint' || store.name === 'sessionDigests') continue;
			const { keys, values } = await dumpStore(raw, store.name);
			if (store.records) {
				const byId = (a: unknown, b: unknown) =>
					(a as { id: string }).id < (b as { id: string }).id ? -1 : 1;
				const expected =
					store.name === 'sessions'
						? [...store.records].sort(byId).map((record) => withOutcomes(record) ?? record)
						: store.records;
				expect(values, store.name).toEqual(expected);
			} else {
				// Settings gain `follows` (the next test); nothing else changes.
				const { follows: _follows, ...entries } = Object.fromEntries(
					keys.map((key, i) => [key, values[i]])
				);
				expect(entries, store.name).toEqual(
					Object.fromEntries(store.entries!.map((e) => [e.key, e.value]))
				);
			}
		}
		raw.close();
		const { stored, expected } = await storedDigestsAndExpected();
		expect(stored).toEqual(expected);
	});

	it('gives every exercise record its outcome, from its counts', async () => {
		await upgradeFrom(v4 as DatabaseFixture);
		const sessions = await listSessions();
		const outcomes = Object.fromEntries(
			sessions.map((s) => [s.id, s.exercises.map((e) => e.outcome)])
		);
		// x5 was ended early in its first exercise: the second, never reached, no longer reads as done.
		expect(outcomes).toEqual({
			x0: ['done'],
			x1: ['done', 'done'],
			x2: ['done', 'skipped'],
			x3: ['skipped'],
			x4: ['done'],
			x5: ['partial', 'not-reached']
		});
	});

	it('follows every routine already played, from the day of its first session that counts', async () => {
		await upgradeFrom(v4 as DatabaseFixture);
		// ball-routine's only session did no exercise: not followed.
		expect((await getAllSettings()).follows).toEqual({
			'gentle-start': { since: '2025-02-03' },
			'my-routine': { since: '2025-02-05' }
		});
	});

	it('upgrades a database without a checkpoint, and one whose checkpoint is damaged', async () => {
		const fixture = structuredClone(v4) as DatabaseFixture;
		const checkpoint = fixture.stores.find((s) => s.name === 'checkpoint')!;
		checkpoint.entries = [];
		const { factory } = await upgradeFrom(fixture);
		releaseStorage();
		let raw = await openRaw(factory, 'migrate');
		expect((await dumpStore(raw, 'checkpoint')).keys).toEqual([]);
		raw.close();

		checkpoint.entries = [{ key: LEGACY_CHECKPOINT_KEY, value: 'not a checkpoint' }];
		const second = await upgradeFrom(fixture);
		releaseStorage();
		raw = await openRaw(second.factory, 'migrate');
		expect(raw.version).toBe(DB_VERSION);
		expect((await dumpStore(raw, 'checkpoint')).keys).toEqual([]);
		raw.close();
	});
});

describe('a new install', () => {
	it('starts empty at the current version', async () => {
		useFreshStorage('fresh');
		const db = await openDatabase();
		expect(db.version).toBe(DB_VERSION);
		expect(await listSessions()).toEqual([]);
		expect(await db.count('settings')).toBe(0);
		expect(await db.get('sessionDigests', DIGESTS_KEY)).toMatchObject({ format: 2, ids: [] });
	});
});

describe('estimateDuration', () => {
	it('uses wall-clock seconds, and 0 when the times cannot be used', () => {
		expect(estimateDuration('2024-01-01T10:00:00Z', '2024-01-01T10:01:00.600Z')).toBe(61);
		expect(estimateDuration('2024-01-01T10:00:00Z', undefined)).toBe(0);
		expect(estimateDuration('yesterday', '2024-01-01T10:00:00Z')).toBe(0);
		expect(estimateDuration('2024-01-01T10:00:00Z', '2024-01-01T09:00:00Z')).toBe(0);
	});
});

describe('upgrading from version 5', () => {
	it('adds the empty drafts store and keeps every record as it was', async () => {
		const fixture = v5 as DatabaseFixture;
		const { factory, db } = await upgradeFrom(fixture);
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames]).toContain('drafts');
		expect(await listDrafts()).toEqual([]);
		const raw = await openRaw(factory, 'migrate');
		for (const store of fixture.stores) {
			const { keys, values } = await dumpStore(raw, store.name);
			if (store.records) expect(values, store.name).toEqual(store.records);
			else
				expect(
					keys.map((key, i) => ({ key, value: values[i] })),
					store.name
				).toEqual(store.entries);
		}
		raw.close();
		const program = fixture.stores.find((store) => store.name === 'programs')!.records![0] as {
			program: { id: string };
		};
		expect((await getImportedProgram(program.program.id))?.id).toBe(program.program.id);
		await putDraft({
			id: 'd1',
			mode: 'new',
			program: program.program as never,
			updatedAt: '2025-06-11T10:00:00.000Z'
		});
		expect((await listDrafts()).map((draft) => draft.id)).toEqual(['d1']);
	});
});

describe('upgrading from version 6', () => {
	it('adds the empty sync stores (sync off) and keeps every record as it was', async () => {
		const fixture = v6 as DatabaseFixture;
		const { factory, db } = await upgradeFrom(fixture);
		expect(db.version).toBe(DB_VERSION);
		expect(await db.count('syncEntries')).toBe(0);
		expect(await db.count('syncMeta')).toBe(0);
		const raw = await openRaw(factory, 'migrate');
		for (const store of fixture.stores) {
			const { keys, values } = await dumpStore(raw, store.name);
			if (store.records) expect(values, store.name).toEqual(store.records);
			else
				expect(
					keys.map((key, i) => ({ key, value: values[i] })),
					store.name
				).toEqual(store.entries);
		}
		raw.close();
		expect((await listDrafts()).map((draft) => draft.id)).toEqual(['draft-1']);
		expect((await getAllSettings()).morningPain).toHaveLength(2);
	});

	it('keys the entries by document id, with an index by change number', async () => {
		const { db } = await upgradeFrom(v6 as DatabaseFixture);
		const tx = db.transaction('syncEntries');
		expect(tx.store.keyPath).toBe('doc._id');
		expect([...tx.store.indexNames]).toEqual(['by-seq']);
		expect(tx.store.index('by-seq').keyPath).toBe('seq');
		await tx.done;
		// A change made after the upgrade, with sync still off, records nothing.
		await storeNewSession(makeSessionRecord({ id: 'after-upgrade' }));
		expect(await db.count('syncEntries')).toBe(0);
	});
});
