import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { configureStorage } from '$lib/storage/database';
import { getSetting, updateSetting } from '$lib/storage/settings';
import { defaultSettings } from '$lib/storage/settings-schema';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { SETTINGS_CHANNEL, SettingsState } from './settings.svelte';

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

describe('SettingsState on its own', () => {
	it('loads the stored values over the defaults, once', async () => {
		useFreshStorage();
		await updateSetting('beeps', () => false);
		await updateSetting('volume', () => 0.3);
		const s = new SettingsState();
		expect(s.loaded).toBe(false);
		expect(s.values).toEqual(defaultSettings());
		const first = s.load();
		expect(s.load()).toBe(first);
		await first;
		expect(s.loaded).toBe(true);
		expect(s.problem).toBe('');
		expect(s.values).toEqual({ ...defaultSettings(), beeps: false, volume: 0.3 });
		// A later load waits for the same one: it does not read again.
		await updateSetting('beeps', () => true);
		await s.load();
		expect(s.values.beeps).toBe(false);
	});

	it('keeps a change it cannot store for this visit, says why, and clears that once a write works', async () => {
		configureStorage({ factory: null });
		const s = new SettingsState();
		await s.load();
		expect(s.loaded).toBe(true);
		expect(s.values).toEqual(defaultSettings());
		await s.set('beeps', false);
		expect(s.values.beeps).toBe(false);
		expect(s.problem).not.toBe('');
		useFreshStorage();
		await s.set('voice', false);
		expect(s.problem).toBe('');
		expect(await getSetting('voice')).toBe(false);
		expect(s.values).toMatchObject({ beeps: false, voice: false });
	});

	it('update resolves to the stored value, with what another tab stored meanwhile', async () => {
		useFreshStorage();
		const s = new SettingsState();
		await s.load();
		await updateSetting('programLevels', () => ({ elsewhere: 2 }));
		const stored = await s.update('programLevels', (levels) => ({ ...levels, here: 3 }));
		expect(stored).toEqual({ elsewhere: 2, here: 3 });
		expect(s.values.programLevels).toEqual({ elsewhere: 2, here: 3 });
	});

	it('rereads only a setting another tab names', async () => {
		useFreshStorage();
		const s = new SettingsState();
		await s.load();
		// Stored behind this tab's back, then announced badly, then properly.
		await updateSetting('beeps', () => false);
		const other = new BroadcastChannel(SETTINGS_CHANNEL);
		(other as { unref?: () => void }).unref?.();
		try {
			other.postMessage({ key: 'no-such-setting' });
			other.postMessage('beeps');
			other.postMessage(null);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(s.values.beeps).toBe(true);
			other.postMessage({ key: 'beeps' });
			await expect.poll(() => s.values.beeps).toBe(false);
		} finally {
			other.close();
		}
	});
});
