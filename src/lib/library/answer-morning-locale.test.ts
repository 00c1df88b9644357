// answerMorning's advice in the language passed in (the lead engineer passes the interface's).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settings } from '$lib/settings.svelte';
import { makeSessionRecord } from '$lib/test-factories';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { answerMorning } from './library-state.svelte';

afterEach(() => {
	vi.useRealTimers();
	releaseStorage();
});

const noFetch = (() => Promise.reject(new Error('offline'))) as unknown as typeof fetch;

describe('answerMorning in a language', () => {
	it('returns the advice in the locale given, English without one', async () => {
		vi.useFakeTimers({ now: new Date('2025-03-14T08:00:00Z'), toFake: ['Date'] });
		useFreshStorage();
		await settings.set('programLevels', {});
		await settings.set('morningPain', []);
		const last = makeSessionRecord({ painBefore: 3, painAfter: 4 });
		expect(await answerMorning(noFetch, last, 2, 'es')).toBe(
			'Esta mañana el dolor de espalda está en 2/10, no más alto que antes de su última sesión (3/10; justo después de la sesión: 4/10): se ha calmado. Siga en su nivel actual.'
		);
		expect(await answerMorning(noFetch, last, 2)).toBe(
			'Your back is at 2/10 this morning, no higher than 3/10 before your last session (it was 4/10 straight after the session): it has settled. Carry on at your current level.'
		);
	});
});
