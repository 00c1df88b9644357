import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgramSummary } from '$lib/catalog/catalog';
import { saveCheckpoint } from '$lib/storage/checkpoint';
import { saveImportedProgram } from '$lib/storage/programs';
import { listSessions, saveSession } from '$lib/storage/sessions';
import { defaultTimeZone, localDay } from '$lib/adherence/days';
import { settings } from '$lib/settings.svelte';
import { getSetting, updateSetting } from '$lib/storage/settings';
import { makeStoredProgram, makeSessionRecord } from '$lib/test-factories';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import type { Checkpoint } from '$lib/storage/schema';
import {
	answerMorning,
	dismissDisclaimer,
	LibraryState,
	markMorningAsked
} from './library-state.svelte';

afterEach(() => {
	vi.useRealTimers();
	releaseStorage();
});

const builtins: ProgramSummary[] = [
	{
		id: 'gentle-relief',
		title: 'Gentle relief',
		exerciseCount: 4,
		totalMs: 420_000,
		hasSelfPaced: false,
		schedule: { timesPerDay: 3, daysPerWeek: 7 },
		imported: false
	}
];

function checkpoint(
	sessionId: string,
	programId: string,
	extra: Partial<Checkpoint> = {}
): Checkpoint {
	return {
		sessionId,
		programId,
		programVersion: 1,
		startedAt: '2025-03-13T18:00:00.000Z',
		savedAt: Date.UTC(2025, 2, 13, 18, 5),
		snapshot: {
			stepIndex: 2,
			remainingMs: 1000,
			repsCounted: 0,
			elapsedMs: 1,
			records: [],
			status: 'paused'
		},
		...extra
	};
}

describe('LibraryState', () => {
	it('reads the imported programs, the unfinished sessions, the morning question and the note', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T08:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('mine', 'My routine'), 'file');
		await saveCheckpoint(checkpoint('unfinished', 'gentle-relief'));
		// A finished session still waiting in its checkpoint is stored now, not offered.
		const waiting = makeSessionRecord({ id: 'finished', startedAt: '2025-03-13T19:00:00.000Z' });
		await saveCheckpoint(checkpoint('finished', 'gentle-start', { record: waiting }));
		await updateSetting('disclaimerSeen', () => true);

		const library = new LibraryState();
		await library.read(builtins);
		expect(library.imported.map((p) => [p.id, p.title, p.imported])).toEqual([
			['mine', 'My routine', true]
		]);
		expect(library.unfinished).toEqual([
			{ sessionId: 'unfinished', programId: 'gentle-relief', title: 'Gentle relief' }
		]);
		expect((await listSessions()).map((s) => s.id)).toEqual(['finished']);
		// Yesterday's session: the morning question is due today.
		expect(library.lastSession?.id).toBe('finished');
		expect(library.askMorning).toBe(true);
		expect(library.showDisclaimer).toBe(false);
		expect(library.importError).toBe('');
	});

	it('asks nothing on a device with no history', async () => {
		useFreshStorage();
		const library = new LibraryState();
		await library.read(builtins);
		expect(library.imported).toEqual([]);
		expect(library.unfinished).toEqual([]);
		expect(library.askMorning).toBe(false);
		expect(library.lastSession).toBeNull();
	});

	it('reads the imported programs again after a removal', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('a', 'A'), 'file');
		await saveImportedProgram(makeStoredProgram('b', 'B'), 'file');
		const library = new LibraryState();
		await library.read(builtins);
		expect(library.imported).toHaveLength(2);
		const { deleteImportedProgram } = await import('$lib/storage/programs');
		await deleteImportedProgram('a');
		await library.rereadImported();
		expect(library.imported.map((p) => p.id)).toEqual(['b']);
	});

	it('does not ask the morning question on the day of the last session', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T20:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		await saveSession(makeSessionRecord({ startedAt: '2025-03-14T18:00:00.000Z' }));
		const library = new LibraryState();
		await library.read(builtins);
		expect(library.askMorning).toBe(false);
	});
});

describe('LibraryState: unfinished sessions', () => {
	it('names each by its program, built-in or imported, or by its id once the program is gone', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('mine', 'My routine'), 'file');
		await saveCheckpoint(checkpoint('s1', 'gentle-relief'));
		await saveCheckpoint(checkpoint('s2', 'mine'));
		await saveCheckpoint(checkpoint('s3', 'removed-long-ago'));
		const library = new LibraryState();
		await library.read(builtins);
		expect([...library.unfinished].sort((a, b) => a.sessionId.localeCompare(b.sessionId))).toEqual([
			{ sessionId: 's1', programId: 'gentle-relief', title: 'Gentle relief' },
			{ sessionId: 's2', programId: 'mine', title: 'My routine' },
			{ sessionId: 's3', programId: 'removed-long-ago', title: 'removed-long-ago' }
		]);
	});
});

describe('the library’s answers', () => {
	const noFetch = (() => Promise.reject(new Error('offline'))) as unknown as typeof fetch;

	it('remembers that the note was read and that today’s question was asked', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T08:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		await dismissDisclaimer();
		expect(await getSetting('disclaimerSeen')).toBe(true);
		await markMorningAsked();
		expect(await getSetting('lastMorningCheckDay')).toBe(localDay(Date.now(), defaultTimeZone()));
	});

	it('stores a morning answer with its day and leaves levels alone when the pain did not rise', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T08:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		await settings.set('programLevels', { mine: 3 });
		await settings.set('morningPain', []);
		const today = localDay(Date.now(), defaultTimeZone());
		const last = makeSessionRecord({ painBefore: 3, painAfter: 3 });
		const advice = await answerMorning(noFetch, last, 3);
		expect(advice).not.toBe('');
		expect(await getSetting('morningPain')).toEqual([{ day: today, pain: 3 }]);
		expect(await getSetting('lastMorningCheckDay')).toBe(today);
		expect(await getSetting('programLevels')).toEqual({ mine: 3 });
	});

	it('eases a followed program back one level when the morning is worse than before the last session', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T08:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		const base = makeStoredProgram('mine', 'My routine');
		const program = {
			...base,
			progression: { levels: 4, sessionsToAdvance: 2 },
			exercises: base.exercises.map((e) => ({ ...e, progress: { reps: 2 } }))
		};
		await saveImportedProgram(program, 'file');
		for (const [id, day] of [
			['a', '2025-03-12'],
			['b', '2025-03-13']
		] as const) {
			await saveSession(
				makeSessionRecord({
					id,
					programId: 'mine',
					startedAt: `${day}T18:00:00.000Z`,
					level: 3,
					painBefore: 2,
					painAfter: 2
				})
			);
		}
		await settings.set('programLevels', { mine: 3 });
		await settings.set('morningPain', []);
		const last = (await listSessions({ limit: 1 }))[0]!;
		await answerMorning(noFetch, last, 7);
		expect(await getSetting('programLevels')).toEqual({ mine: 2 });
	});
});
