// Every write path records its change for sync in its own transaction, only while sync is on,
// and never a device-only setting.
import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { setSyncOn } from '$lib/sync/device';
import { openDatabase } from './database';
import { buildBackup, importBackup, type Backup } from './backup';
import { saveDraftAsProgram } from './drafts';
import { deleteImportedProgram, restoreImportedProgram, saveImportedProgram } from './programs';
import type { SyncEntry } from './schema';
import {
	answerSession,
	deleteSession,
	restoreSession,
	saveSession,
	storeNewSession
} from './sessions';
import { setSetting, updateSetting } from './settings';
import { releaseStorage, useFreshStorage } from './test-helpers';

const T = (minute: number) => `2025-06-11T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** Moves the clock the write paths read (Date only: IndexedDB's own timers keep running). */
function at(minute: number): void {
	vi.setSystemTime(new Date(T(minute)));
}

async function entries(): Promise<Record<string, SyncEntry>> {
	const db = await openDatabase();
	const all = await db.getAll('syncEntries');
	return Object.fromEntries(all.map((entry) => [entry.doc._id, entry]));
}

async function counter(): Promise<unknown> {
	return (await openDatabase()).get('syncMeta', 'counter');
}

beforeEach(() => {
	useFreshStorage('record');
	vi.useFakeTimers({ toFake: ['Date'] });
	at(0);
});

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	releaseStorage();
});

describe('while sync is off', () => {
	it('no write path records anything', async () => {
		await storeNewSession(makeSessionRecord());
		await answerSession('session-1', { note: 'fine' });
		await deleteSession('session-1');
		await restoreSession(makeSessionRecord());
		await saveImportedProgram(makeStoredProgram());
		await deleteImportedProgram('my-routine');
		await setSetting('beeps', false);
		await updateSetting('morningPain', (list) => [...list, { day: '2025-06-11', pain: 4 }]);
		expect(await entries()).toEqual({});
		expect(await counter()).toBeUndefined();
	});

	it('turned off again: recording stops, the entries stay', async () => {
		await setSyncOn(true);
		await setSetting('beeps', false);
		await setSyncOn(false);
		await setSetting('volume', 0.3);
		await storeNewSession(makeSessionRecord());
		const found = await entries();
		expect(Object.keys(found)).toEqual(['settings:player']);
		expect(found['settings:player']!.doc).toMatchObject({ values: { beeps: false } });
	});
});

describe('while sync is on', () => {
	beforeEach(async () => {
		await setSyncOn(true);
	});

	it('storeNewSession: the session with its answers dated now, pending, change 1', async () => {
		at(5);
		await storeNewSession(makeSessionRecord());
		const entry = (await entries())['session:session-1']!;
		expect(entry).toEqual({
			doc: {
				_id: 'session:session-1',
				type: 'session',
				updatedAt: T(5),
				answeredAt: { painAfter: T(5), effort: T(5) },
				session: makeSessionRecord()
			},
			seq: 1,
			pending: true
		});
		// Stored again (a second tab recovering it): the stored record is kept, nothing recorded.
		await storeNewSession(makeSessionRecord({ painAfter: 9 }));
		expect(await counter()).toBe(1);
	});

	it('answerSession: only the answers that changed get the new time; the revision is kept', async () => {
		at(5);
		await storeNewSession(makeSessionRecord());
		const db = await openDatabase();
		const stored = (await db.get('syncEntries', 'session:session-1'))!;
		await db.put('syncEntries', { ...stored, rev: '1-abc', pending: false });
		at(20);
		await answerSession('session-1', { note: 'Easier today', effort: null });
		const entry = (await entries())['session:session-1']!;
		expect(entry.rev).toBe('1-abc');
		expect(entry.pending).toBe(true);
		expect(entry.seq).toBe(2);
		expect(entry.doc).toMatchObject({
			updatedAt: T(20),
			// painAfter unchanged keeps its time; effort removed and note given are dated now.
			answeredAt: { painAfter: T(5), effort: T(20), note: T(20) }
		});
		expect((entry.doc as { session: object }).session).not.toHaveProperty('effort');
	});

	it('deleteSession: a deletion dated now; restoreSession brings it back later', async () => {
		await storeNewSession(makeSessionRecord());
		at(10);
		const removed = await deleteSession('session-1');
		expect((await entries())['session:session-1']!.doc).toEqual({
			_id: 'session:session-1',
			_deleted: true,
			type: 'session',
			deletedAt: T(10)
		});
		// Deleting what is not there records nothing.
		await deleteSession('session-1');
		expect(await counter()).toBe(2);
		at(11);
		await restoreSession(removed!);
		const entry = (await entries())['session:session-1']!;
		expect(entry).toMatchObject({ seq: 3, pending: true });
		expect(entry.doc).toMatchObject({ type: 'session', updatedAt: T(11) });
		expect(entry.doc).not.toHaveProperty('_deleted');
	});

	it('saveSession: a new version of the session', async () => {
		await saveSession(makeSessionRecord());
		at(3);
		await saveSession(makeSessionRecord({ painAfter: 1 }));
		expect((await entries())['session:session-1']!.doc).toMatchObject({
			answeredAt: { painAfter: T(3), effort: T(0) },
			session: { painAfter: 1 }
		});
	});

	it('routines: imported, deleted, restored, and saved from the builder', async () => {
		await saveImportedProgram(makeStoredProgram(), 'file', new Date(T(0)));
		expect((await entries())['routine:my-routine']!.doc).toEqual({
			_id: 'routine:my-routine',
			type: 'routine',
			updatedAt: T(0),
			routine: { program: makeStoredProgram(), importedAt: T(0), source: 'file' }
		});
		at(4);
		const removed = await deleteImportedProgram('my-routine');
		expect((await entries())['routine:my-routine']!.doc).toMatchObject({
			_deleted: true,
			deletedAt: T(4)
		});
		at(6);
		await restoreImportedProgram(removed!);
		expect((await entries())['routine:my-routine']!.doc).toMatchObject({
			type: 'routine',
			updatedAt: T(6)
		});
		await saveDraftAsProgram(makeStoredProgram('built', 'Built'), 'draft-1');
		expect((await entries())['routine:built']!.doc).toMatchObject({
			routine: { source: 'builder', program: { id: 'built' } }
		});
	});

	it('settings: the group’s document, each setting dated when it was set', async () => {
		await setSetting('beeps', false);
		at(7);
		await updateSetting('volume', () => 0.4);
		expect((await entries())['settings:player']!.doc).toEqual({
			_id: 'settings:player',
			type: 'settings',
			values: { beeps: false, volume: 0.4 },
			changedAt: { beeps: T(0), volume: T(7) }
		});
		await setSetting('language', 'de');
		expect((await entries())['settings:display']!.doc).toMatchObject({
			values: { language: 'de' }
		});
	});

	it('device-only settings are never recorded', async () => {
		await setSetting('voiceURI', 'urn:voice');
		await setSetting('persistRequested', true);
		await updateSetting('reminderPlan', () => []);
		await updateSetting('remindersShown', () => ['a']);
		expect(await entries()).toEqual({});
		// …nor carried in a group's document when another setting of it changes.
		await setSetting('voice', false);
		expect((await entries())['settings:player']!.doc).toMatchObject({ values: { voice: false } });
		expect(JSON.stringify(await entries())).not.toContain('urn:voice');
	});

	it('the morning answer: a check document per day; a removed day is a deletion', async () => {
		await updateSetting('morningPain', (list) => [...list, { day: '2025-06-10', pain: 4 }]);
		at(2);
		await updateSetting('morningPain', (list) => [...list, { day: '2025-06-11', pain: 2 }]);
		let found = await entries();
		expect(found['check:2025-06-10']!.doc).toEqual({
			_id: 'check:2025-06-10',
			type: 'check',
			updatedAt: T(0),
			check: { day: '2025-06-10', pain: 4 }
		});
		expect(found['check:2025-06-11']!.doc).toMatchObject({ updatedAt: T(2) });
		expect(found).not.toHaveProperty('settings:safety');
		at(3);
		await setSetting('morningPain', [{ day: '2025-06-11', pain: 2 }]);
		found = await entries();
		expect(found['check:2025-06-10']!.doc).toMatchObject({ _deleted: true, deletedAt: T(3) });
		// The unchanged day was not recorded again.
		expect(found['check:2025-06-11']!.seq).toBe(2);
	});

	it('a write that fails records nothing (same transaction)', async () => {
		await expect(setSetting('volume', 7 as never)).rejects.toThrow(TypeError);
		const real = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'syncEntries') throw new DOMException('full', 'QuotaExceededError');
			return real.apply(this, args);
		});
		await expect(storeNewSession(makeSessionRecord())).rejects.toThrow();
		vi.restoreAllMocks();
		const db = await openDatabase();
		expect(await db.count('sessions')).toBe(0);
		expect(await entries()).toEqual({});
	});

	it('importBackup records what it adds', async () => {
		const backup = buildBackup(
			{
				sessions: [makeSessionRecord({ id: 'from-backup' })],
				programs: [{ program: makeStoredProgram(), importedAt: T(0) }],
				settings: { beeps: false, voiceURI: 'urn:x' }
			},
			Date.parse(T(0)),
			'test'
		) as unknown as Backup;
		await importBackup(backup);
		expect(Object.keys(await entries()).sort()).toEqual([
			'routine:my-routine',
			'session:from-backup',
			'settings:player'
		]);
	});
});
