import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getSetting } from '$lib/storage/settings';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { SettingsState } from './settings.svelte';

afterEach(() => releaseStorage());

describe('settings changed from two tabs', () => {
	it('keeps both programs’ levels when two tabs each store one', async () => {
		useFreshStorage();
		const a = new SettingsState();
		const b = new SettingsState();
		await Promise.all([a.load(), b.load()]);
		// Each tab loaded {} and changes only its own program's level.
		await a.update('programLevels', (levels) => ({ ...levels, 'quick-check': 2 }));
		await b.update('programLevels', (levels) => ({ ...levels, 'quick-two': 3 }));
		expect(await getSetting('programLevels')).toEqual({ 'quick-check': 2, 'quick-two': 3 });
		expect(b.values.programLevels).toEqual({ 'quick-check': 2, 'quick-two': 3 });
		// The other tab hears of the change and reads it again.
		await expect.poll(() => a.values.programLevels).toEqual({ 'quick-check': 2, 'quick-two': 3 });
	});

	it('adds morning answers from two tabs without losing one', async () => {
		useFreshStorage();
		const a = new SettingsState();
		const b = new SettingsState();
		await Promise.all([a.load(), b.load()]);
		await Promise.all([
			a.update('morningPain', (list) => [...list, { day: '2025-03-03', pain: 2 }]),
			b.update('morningPain', (list) => [...list, { day: '2025-03-04', pain: 3 }])
		]);
		expect((await getSetting('morningPain')).map((e) => e.day).sort()).toEqual([
			'2025-03-03',
			'2025-03-04'
		]);
	});

	it('set() stores one key and tells the other tabs', async () => {
		useFreshStorage();
		const a = new SettingsState();
		const b = new SettingsState();
		await Promise.all([a.load(), b.load()]);
		await a.set('beeps', false);
		expect(await getSetting('beeps')).toBe(false);
		await expect.poll(() => b.values.beeps).toBe(false);
	});

	it('reports a value the store refuses, and keeps the rest', async () => {
		useFreshStorage();
		const a = new SettingsState();
		await a.load();
		await a.set('volume', 7);
		expect(a.problem).toMatch(/volume/);
		expect(await getSetting('volume')).not.toBe(7);
	});
});
