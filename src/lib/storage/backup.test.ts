import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackup, parseBackup, sameJson, type Backup } from './backup';
import { configureStorage, openDatabase } from './database';
import { StorageError } from './errors';
import { getImportedProgram, saveImportedProgram } from './programs';
import { seedSessions } from './seed';
import { countSessions, getSession, listSessions, saveSession } from './sessions';
import { getAllSettings, getSetting, setSetting, type Settings } from './settings';
import { DIGESTS_KEY } from './schema';
import { makeStoredProgram, makeSessionRecord } from '$lib/test-factories';
import {
	releaseStorage,
	storedDigestsAndExpected,
	TEST_BACKUP_CONTEXT,
	useFreshStorage
} from './test-helpers';

/** Fails the test unless the stored digests match the stored sessions; returns their ids. */
async function digestIdsInStep(): Promise<string[]> {
	const { stored, expected } = await storedDigestsAndExpected();
	expect(stored).toEqual(expected);
	return stored!.map((digest) => digest.id);
}

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

const validText = readFileSync(
	new URL('../../../tests/fixtures/backups/valid.json', import.meta.url),
	'utf8'
);

function parsed(text: string = validText): Backup {
	const result = parseBackup(text, TEST_BACKUP_CONTEXT);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

const NOW = Date.UTC(2025, 2, 16, 12, 0, 0);

describe('exportBackup', () => {
	it('writes every session, imported program and stored setting as a backup file', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'b', startedAt: '2025-03-15T08:00:00.000Z' }));
		await saveSession(makeSessionRecord({ id: 'a', startedAt: '2025-03-14T08:00:00.000Z' }));
		await saveImportedProgram(makeStoredProgram('mine'), 'file', new Date('2025-01-01T00:00:00Z'));
		await setSetting('beeps', false);
		await setSetting('persistRequested', true);
		await setSetting('textSize', 'largest');
		await setSetting('speechRate', 0.8);
		await setSetting('prepareSeconds', 10);
		await setSetting('voiceURI', 'urn:voice:this-device');
		const reminders: Settings['reminders'] = {
			'gentle-relief': { times: ['08:00', '13:30', '19:00'], days: [1, 3, 5], on: true }
		};
		await setSetting('reminders', reminders);

		const text = await exportBackup(NOW, '9.9.9');
		const backup = JSON.parse(text);
		expect(backup).toMatchObject({
			format: 'limber-backup',
			formatVersion: 1,
			exportedAt: '2025-03-16T12:00:00.000Z',
			app: { version: '9.9.9' },
			settings: {
				beeps: false,
				textSize: 'largest',
				speechRate: 0.8,
				prepareSeconds: 10,
				reminders
			}
		});
		expect(backup.sessions.map((s: { id: string }) => s.id)).toEqual(['a', 'b']);
		expect(backup.programs).toEqual([
			{ program: makeStoredProgram('mine'), importedAt: '2025-01-01T00:00:00.000Z', source: 'file' }
		]);
		expect(backup.settings).not.toHaveProperty('persistRequested');
		// Voices differ from device to device: the chosen one stays here.
		expect(backup.settings).not.toHaveProperty('voiceURI');
		expect(parseBackup(text, TEST_BACKUP_CONTEXT).ok).toBe(true);
		// And comes back: the player settings travel with the person.
		releaseStorage();
		useFreshStorage('target');
		const parsedBack = parseBackup(text, TEST_BACKUP_CONTEXT);
		if (!parsedBack.ok) throw new Error('unreadable');
		await importBackup(parsedBack.value);
		expect(await getAllSettings()).toMatchObject({
			textSize: 'largest',
			speechRate: 0.8,
			prepareSeconds: 10,
			voiceURI: null,
			// The reminder times belong to the person: they travel too.
			reminders
		});
	});

	it('accepts a Date and uses the build version by default', async () => {
		useFreshStorage();
		const backup = JSON.parse(await exportBackup(new Date(NOW)));
		expect(backup.exportedAt).toBe('2025-03-16T12:00:00.000Z');
		expect(typeof backup.app.version).toBe('string');
		expect(backup.app.version.length).toBeGreaterThan(0);
	});

	it('leaves a damaged program out, so the file can still be imported', async () => {
		useFreshStorage();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = await openDatabase();
		await db.put('programs', {
			program: { ...makeStoredProgram('broken'), exercises: [] },
			importedAt: '2025-01-01T00:00:00.000Z'
		});
		const text = await exportBackup(NOW, '1');
		expect(JSON.parse(text).programs).toEqual([]);
		expect(parseBackup(text, TEST_BACKUP_CONTEXT).ok).toBe(true);
	});

	it('round-trips a long seeded history into an empty device', async () => {
		useFreshStorage('source');
		const sessions = await seedSessions(
			await openDatabase(),
			2000,
			new Date('2024-01-01T00:00:00Z')
		);
		const text = await exportBackup(NOW, '1');
		releaseStorage();

		useFreshStorage('target');
		const report = await importBackup(parsed(text));
		expect(report.sessionsAdded).toBe(2000);
		expect(await listSessions()).toEqual([...sessions].reverse());
		expect(await digestIdsInStep()).toHaveLength(2000);
	});
});

describe('importBackup', () => {
	it('fills an empty device', async () => {
		useFreshStorage();
		const report = await importBackup(parsed());
		expect(report).toEqual({
			sessionsAdded: 3,
			sessionsSkipped: 0,
			programsAdded: ['my-routine'],
			programsUnchanged: [],
			programsKept: [],
			settingsFilled: [
				'beeps',
				'voice',
				'volume',
				'disclaimerSeen',
				'lastBackupAt',
				'programLevels',
				'morningPain'
			]
		});
		expect(await countSessions()).toBe(3);
		expect(await digestIdsInStep()).toHaveLength(3);
		expect((await getImportedProgram('my-routine'))?.title).toBe('My routine');
		expect(await getAllSettings()).toMatchObject({ beeps: false, volume: 0.6 });
	});

	it('is idempotent: a second import adds nothing', async () => {
		useFreshStorage();
		await importBackup(parsed());
		const again = await importBackup(parsed());
		expect(again).toMatchObject({
			sessionsAdded: 0,
			sessionsSkipped: 3,
			programsAdded: [],
			programsUnchanged: ['my-routine'],
			programsKept: [],
			settingsFilled: []
		});
		expect(await countSessions()).toBe(3);
		expect(await digestIdsInStep()).toHaveLength(3);
	});

	it('keeps what the device has: sessions by id, differing programs, set settings', async () => {
		useFreshStorage();
		const backup = parsed();
		const mine = makeSessionRecord({ ...backup.sessions[0]!, note: 'my own note' });
		await saveSession(mine);
		await saveImportedProgram(makeStoredProgram('my-routine', 'My own edit'), 'paste');
		await setSetting('volume', 0.2);
		await setSetting('persistRequested', true);

		const report = await importBackup({
			...backup,
			settings: { ...backup.settings, persistRequested: false, voiceURI: 'urn:voice:elsewhere' }
		});
		expect(report.sessionsAdded).toBe(2);
		expect(report.sessionsSkipped).toBe(1);
		expect(report.programsKept).toEqual(['my-routine']);
		expect(report.settingsFilled).not.toContain('volume');
		expect(report.settingsFilled).not.toContain('persistRequested');
		expect(report.settingsFilled).not.toContain('voiceURI');
		expect(await getSetting('voiceURI')).toBeNull();
		expect(await getSession(mine.id)).toEqual(mine);
		// The kept session's digest is its own (the note is not in a digest, so check the count).
		expect(await digestIdsInStep()).toHaveLength(3);
		expect((await getImportedProgram('my-routine'))?.title).toBe('My own edit');
		expect(await getSetting('volume')).toBe(0.2);
		expect(await getSetting('persistRequested')).toBe(true);
		expect(await getSetting('beeps')).toBe(false);
	});

	it('changes nothing when a write fails half-way', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'already-here' }));
		const realPut = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			calls++;
			if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return realPut.apply(this, args);
		});

		const error = await importBackup(parsed()).catch((e: unknown) => e);
		expect(calls).toBe(3);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).kind).toBe('quota');
		vi.restoreAllMocks();

		expect((await listSessions()).map((s) => s.id)).toEqual(['already-here']);
		expect(await digestIdsInStep()).toEqual(['already-here']);
		expect(await getImportedProgram('my-routine')).toBeUndefined();
		expect(await getAllSettings()).toMatchObject({ beeps: true, volume: 0.8 });
	});

	it('changes nothing when writing the digests fails', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord({ id: 'already-here' }));
		const db = await openDatabase();
		const digestsBefore = await db.get('sessionDigests', DIGESTS_KEY);
		const realPut = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'sessionDigests') {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return realPut.apply(this, args);
		});
		await expect(importBackup(parsed())).rejects.toMatchObject({ kind: 'quota' });
		vi.restoreAllMocks();
		expect((await listSessions()).map((s) => s.id)).toEqual(['already-here']);
		expect(await db.get('sessionDigests', DIGESTS_KEY)).toEqual(digestsBefore);
		expect(await getImportedProgram('my-routine')).toBeUndefined();
	});

	it('changes nothing when the transaction fails after every write was queued', async () => {
		useFreshStorage();
		const backup = parsed();
		// 3 sessions + their digests + 1 program + 7 settings: after the last write is queued,
		// the browser aborts the transaction (as a commit that runs out of space does).
		const writes = 3 + 1 + 1 + 7;
		const realPut = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			const request = realPut.apply(this, args);
			if (++calls === writes) this.transaction.abort();
			return request;
		});
		const error = await importBackup(backup).catch((e: unknown) => e);
		expect(calls).toBe(writes);
		expect(error).toBeInstanceOf(StorageError);
		vi.restoreAllMocks();
		expect(await countSessions()).toBe(0);
		expect(await digestIdsInStep()).toEqual([]);
		expect(await getImportedProgram('my-routine')).toBeUndefined();
		expect(await getAllSettings()).toMatchObject({ beeps: true });
	});

	it('refuses to import without IndexedDB', async () => {
		configureStorage({ factory: null });
		await expect(importBackup(parsed())).rejects.toMatchObject({ kind: 'unavailable' });
	});
});

describe('sameJson', () => {
	it('ignores key order but nothing else', () => {
		expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
		expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
		expect(sameJson([1, 2], [2, 1])).toBe(false);
		expect(sameJson({ a: undefined }, {})).toBe(true);
	});
});
