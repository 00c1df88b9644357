import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import v2 from '../../../tests/fixtures/db/v2.json';
import { loadCheckpoint } from './checkpoint';
import { openDatabase } from './database';
import { estimateDuration, LEGACY_SETTINGS_KEY } from './migrations';
import { getImportedProgram } from './programs';
import { DB_VERSION } from './schema';
import { listSessions } from './sessions';
import { getAllSettings } from './settings';
import {
	createFixtureDatabase,
	dumpStore,
	openRaw,
	releaseStorage,
	useFreshStorage,
	type DatabaseFixture
} from './test-helpers';

afterEach(() => releaseStorage());

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
		expect(sessions[1]).toEqual({ ...(original as object), durationSeconds: 360 });
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
		const stored = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
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
		const checkpoint = await loadCheckpoint();
		expect(checkpoint?.programId).toBe('gentle-start');
		expect(checkpoint?.snapshot.stepIndex).toBe(7);
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

describe('a new install', () => {
	it('starts empty at the current version', async () => {
		useFreshStorage('fresh');
		const db = await openDatabase();
		expect(db.version).toBe(DB_VERSION);
		expect(await listSessions()).toEqual([]);
		expect(await db.count('settings')).toBe(0);
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
