import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeExerciseRecord, makeProgram, makeSessionRecord } from '$lib/test-factories';
import { settings } from '$lib/settings.svelte';
import { loadCheckpoint, loadCheckpoints, saveCheckpoint } from '$lib/storage/checkpoint';
import { getSetting, updateSetting } from '$lib/storage/settings';
import type { Checkpoint } from '$lib/storage/schema';
import { countSessions, getSession, listSessions } from '$lib/storage/sessions';
import {
	releaseStorage,
	storedDigestsAndExpected,
	useFreshStorage
} from '$lib/storage/test-helpers';
import { recoverFinishedSessions, SessionRecorder, UNSAVED_PREFIX } from './recorder.svelte';
import type { SessionRecord } from '$lib/session/record';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

/** A session as the player hands it over: ended, nothing answered yet. */
function ended(overrides: Partial<SessionRecord> = {}): SessionRecord {
	const record = makeSessionRecord({
		id: 'ended-1',
		exercises: [makeExerciseRecord({ skipped: true }), makeExerciseRecord({ exerciseId: 'cat' })],
		...overrides
	});
	delete record.painAfter;
	delete record.effort;
	return record;
}

/** The session's checkpoint as it was while it played. */
function checkpointOf(record: SessionRecord): Checkpoint {
	return {
		sessionId: record.id,
		programId: record.programId,
		programVersion: record.programVersion,
		startedAt: record.startedAt,
		savedAt: 1,
		snapshot: {
			stepIndex: 3,
			remainingMs: 100,
			repsCounted: 0,
			elapsedMs: 1,
			records: [],
			status: 'playing'
		}
	};
}

/** Makes every put on the sessions store fail as a full disk does. */
function failSessionPuts() {
	const put = IDBObjectStore.prototype.put;
	return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		...args: Parameters<IDBObjectStore['put']>
	) {
		if (this.name === 'sessions') {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		return put.apply(this, args);
	});
}

describe('the record lifecycle: ended → stored → answered', () => {
	it('stores the record at once and removes its checkpoint', async () => {
		useFreshStorage();
		const record = ended();
		await saveCheckpoint(checkpointOf(record));
		const recorder = new SessionRecorder(record, {
			program: null,
			checkpoint: checkpointOf(record)
		});
		expect(recorder.status).toBe('storing');
		expect(await recorder.store()).toBe(true);
		expect(recorder.status).toBe('stored');
		expect(await getSession(record.id)).toEqual(record);
		expect(await loadCheckpoints()).toEqual([]);
	});

	it('adds the answers to the same record: still one session, with them', async () => {
		useFreshStorage();
		const record = ended();
		const recorder = new SessionRecorder(record, {
			program: null,
			checkpoint: checkpointOf(record)
		});
		await recorder.store();
		expect(
			await recorder.answer({
				painAfter: 3,
				effort: 'about right',
				note: 'ok',
				skipReasons: { 0: 'time' }
			})
		).toBe(true);
		expect(recorder.answerStatus).toBe('saved');
		expect(await countSessions()).toBe(1);
		const stored = await getSession(record.id);
		expect(stored).toMatchObject({
			id: record.id,
			painAfter: 3,
			effort: 'about right',
			note: 'ok'
		});
		expect(stored!.exercises[0]!.skipReason).toBe('time');
		expect(recorder.record).toEqual(stored);
		// The pain rule's advice follows the answer.
		expect(recorder.advice.join(' ')).toMatch(/pain/i);
		const { stored: digests, expected } = await storedDigestsAndExpected();
		expect(digests).toEqual(expected);
	});

	it('answering nothing changes nothing', async () => {
		useFreshStorage();
		const recorder = new SessionRecorder(ended(), { program: null });
		await recorder.store();
		expect(await recorder.answer({})).toBe(true);
		expect(recorder.answerStatus).toBe('none');
		expect(await getSession('ended-1')).toEqual(ended());
	});

	it('keeps a record that cannot be stored in its checkpoint, and Retry stores it once', async () => {
		useFreshStorage();
		const record = ended();
		await saveCheckpoint(checkpointOf(record));
		const spy = failSessionPuts();
		const recorder = new SessionRecorder(record, {
			program: null,
			checkpoint: checkpointOf(record)
		});
		expect(await recorder.store()).toBe(false);
		expect(recorder.status).toBe('failed');
		expect(recorder.problem).toMatch(/out of storage space/);
		expect(await countSessions()).toBe(0);
		expect((await loadCheckpoint(record.id))?.record).toEqual(record);

		// Answers given meanwhile go with the record, not lost.
		expect(await recorder.answer({ painAfter: 1 })).toBe(false);
		expect((await loadCheckpoint(record.id))?.record?.painAfter).toBe(1);

		spy.mockRestore();
		expect(await recorder.store()).toBe(true);
		expect(await recorder.store()).toBe(true);
		expect(await listSessions()).toEqual([{ ...record, painAfter: 1 }]);
		expect(await loadCheckpoints()).toEqual([]);
	});

	it('a reload after a failed store recovers the session from its checkpoint, stored exactly once', async () => {
		useFreshStorage();
		const record = ended();
		const spy = failSessionPuts();
		await new SessionRecorder(record, { program: null, checkpoint: checkpointOf(record) }).store();
		spy.mockRestore();
		// A second finished session, and an unfinished one that must stay a checkpoint.
		const other = ended({ id: 'ended-2', startedAt: '2025-03-14T09:00:00.000Z' });
		await saveCheckpoint({ ...checkpointOf(other), record: other });
		await saveCheckpoint({ ...checkpointOf(ended({ id: 'playing' })) });

		const recovered = await recoverFinishedSessions();
		expect(recovered.map((r) => r.id).sort()).toEqual(['ended-1', 'ended-2']);
		expect(await recoverFinishedSessions()).toEqual([]);
		expect((await listSessions()).map((s) => s.id)).toEqual(['ended-2', 'ended-1']);
		expect((await loadCheckpoints()).map((cp) => cp.sessionId)).toEqual(['playing']);
	});

	it('moves the program’s level after the answers, kept beside a level another tab stored', async () => {
		useFreshStorage();
		const program = makeProgram({
			id: 'levels',
			progression: { levels: 3, sessionsToAdvance: 1 }
		});
		await settings.load();
		// Another tab stored a level for another program after this page loaded its settings.
		await updateSetting('programLevels', (levels) => ({ ...levels, other: 2 }));
		expect(settings.values.programLevels).toEqual({});

		const record = ended({ programId: 'levels', level: 1, completed: true, painBefore: 2 });
		const recorder = new SessionRecorder(record, { program });
		await recorder.store();
		// Stored, but without pain after the rule cannot tell: the level stays.
		expect(await getSetting('programLevels')).toEqual({ other: 2, levels: 1 });
		await recorder.answer({ painAfter: 2 });
		expect(recorder.advice.some((line) => /moves up to level 2/.test(line))).toBe(true);
		expect(await getSetting('programLevels')).toEqual({ other: 2, levels: 2 });
		expect(settings.values.programLevels).toEqual({ other: 2, levels: 2 });
	});
});

/** A localStorage stand-in (Node has none). */
function memoryStorage(): Storage {
	const map = new Map<string, string>();
	return {
		get length() {
			return map.size;
		},
		key: (i: number) => [...map.keys()][i] ?? null,
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key),
		clear: () => map.clear()
	};
}

describe('recovery never undoes what another tab did', () => {
	it('a recovery that comes after another tab stored and answered the session keeps the answers', async () => {
		useFreshStorage();
		const record = ended();
		await saveCheckpoint({ ...checkpointOf(record), record });
		// Tab A recovers it and the person answers there…
		const a = new SessionRecorder(record, {
			program: null,
			checkpoint: { ...checkpointOf(record), record },
			recovered: true
		});
		await a.store();
		await a.answer({ painAfter: 4 });
		// …while tab B had read the same checkpoint before and stores it late.
		const b = new SessionRecorder(record, {
			program: null,
			checkpoint: { ...checkpointOf(record), record },
			recovered: true
		});
		expect(await b.store()).toBe(true);
		expect(b.record.painAfter).toBe(4);
		expect(await listSessions()).toEqual([{ ...record, painAfter: 4 }]);
		// And no checkpoint comes back for it.
		expect(await loadCheckpoints()).toEqual([]);
	});

	it('answers given while the record waited are applied even if another tab stored it first', async () => {
		useFreshStorage();
		const record = ended();
		const spy = failSessionPuts();
		const here = new SessionRecorder(record, { program: null, checkpoint: checkpointOf(record) });
		await here.store();
		expect(await here.answer({ note: 'tight' })).toBe(false);
		spy.mockRestore();
		await recoverFinishedSessions(); // another tab stores what the checkpoint holds
		expect(await here.store()).toBe(true);
		expect(await listSessions()).toEqual([{ ...record, note: 'tight' }]);
	});
});

describe('when IndexedDB cannot be written at all', () => {
	it('keeps the record in localStorage, says so, and a later visit stores it from there', async () => {
		const { configureStorage } = await import('$lib/storage/database');
		const fallback = memoryStorage();
		configureStorage({ factory: null });
		const record = ended();
		const recorder = new SessionRecorder(record, {
			program: null,
			checkpoint: checkpointOf(record),
			fallback
		});
		expect(await recorder.store()).toBe(false);
		expect(recorder.kept).toBe('local');
		expect(JSON.parse(fallback.getItem(`${UNSAVED_PREFIX}${record.id}`)!)).toEqual(record);

		useFreshStorage();
		expect((await recoverFinishedSessions(undefined, fallback)).map((r) => r.id)).toEqual([
			record.id
		]);
		expect(await listSessions()).toEqual([record]);
		expect(fallback.length).toBe(0);
	});

	it('says the record is only on screen when even localStorage refuses it', async () => {
		const { configureStorage } = await import('$lib/storage/database');
		configureStorage({ factory: null });
		const recorder = new SessionRecorder(ended(), {
			program: null,
			checkpoint: checkpointOf(ended()),
			fallback: null
		});
		expect(await recorder.store()).toBe(false);
		expect(recorder.kept).toBe('memory');
	});
});

describe('playing a routine follows it', () => {
	it('stores the follow from the session’s day, and keeps an earlier one', async () => {
		useFreshStorage();
		await settings.load();
		await updateSetting('follows', () => ({ older: { since: '2024-01-01' } }));
		const record = ended({ programId: 'played', startedAt: '2025-03-14T08:00:00.000Z' });
		await new SessionRecorder(record, { program: null }).store();
		const follows = await getSetting('follows');
		expect(follows.played).toEqual({ since: '2025-03-14' });
		expect(follows.older).toEqual({ since: '2024-01-01' });
		const again = ended({
			id: 'again',
			programId: 'played',
			startedAt: '2025-03-20T08:00:00.000Z'
		});
		await new SessionRecorder(again, { program: null }).store();
		expect((await getSetting('follows')).played).toEqual({ since: '2025-03-14' });
	});
});
