// The summary's advice (pain rule, level) in the language the answers were given in.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeExerciseRecord, makeProgram, makeSessionRecord } from '$lib/test-factories';
import { settings } from '$lib/settings.svelte';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { SessionRecorder } from './recorder.svelte';

afterEach(() => {
	vi.restoreAllMocks();
	releaseStorage();
});

describe('SessionRecorder advice in a language', () => {
	it('gives the pain rule’s and the level’s advice in the locale of the answers', async () => {
		useFreshStorage();
		const program = makeProgram({ id: 'levels', progression: { levels: 3, sessionsToAdvance: 1 } });
		await settings.load();
		const record = makeSessionRecord({
			id: 'ended-de',
			programId: 'levels',
			level: 1,
			completed: true,
			painBefore: 2,
			exercises: [makeExerciseRecord({ exerciseId: 'cat' })]
		});
		delete record.painAfter;
		const recorder = new SessionRecorder(record, { program, fallback: null });
		await recorder.store();
		expect(await recorder.answer({ painAfter: 2 }, 'de')).toBe(true);
		expect(recorder.advice).toEqual([
			'Der Schmerz ging von 2/10 auf 2/10: kein Anstieg. Sanfte Bewegung hilft oft, machen Sie also auf dieser Stufe weiter.',
			'1 Einheit auf Stufe 1 ist innerhalb der Schmerzregel geblieben, daher geht die nächste Einheit auf Stufe 2 hoch: jedes Mal ein wenig mehr. Sie können jederzeit eine leichtere Stufe wählen.'
		]);
	});
});
