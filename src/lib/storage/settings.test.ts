import 'fake-indexeddb/auto';
import type { ReminderSetting } from '$lib/reminders/times';
import { check } from '$lib/validation/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { configureStorage, openDatabase } from './database';
import { getAllSettings, getSetting, setSetting, updateSetting } from './settings';
import {
	DEVICE_ONLY_SETTINGS,
	SettingsPatchSchema,
	defaultSettings,
	isValidSetting,
	SETTING_KEYS,
	settingProblems
} from './settings-schema';
import { releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => releaseStorage());

describe('settings', () => {
	it('has the documented defaults', () => {
		expect(defaultSettings()).toEqual({
			beeps: true,
			voice: true,
			vibration: true,
			// The silent loop the media buttons need stops other apps' music: only when chosen.
			mediaButtons: false,
			volume: 0.8,
			language: 'auto',
			textSize: 'normal',
			voiceURI: null,
			speechRate: 1,
			prepareSeconds: 'program',
			redFlagCheck: true,
			lastRedFlagCheckDay: null,
			disclaimerSeen: false,
			lastBackupAt: null,
			lastMorningCheckDay: null,
			persistRequested: false,
			programLevels: {},
			morningPain: [],
			follows: {},
			reminders: {},
			reminderPlan: [],
			remindersShown: []
		});
		expect(SETTING_KEYS).toHaveLength(22);
		// Each call is a fresh copy.
		defaultSettings().morningPain.push({ day: '2025-01-01', pain: 3 });
		expect(defaultSettings().morningPain).toEqual([]);
	});

	it('reads the default, or the given fallback, until a value is stored', async () => {
		useFreshStorage();
		expect(await getSetting('volume')).toBe(0.8);
		expect(await getSetting('volume', 0.3)).toBe(0.3);
		await setSetting('volume', 0.5);
		expect(await getSetting('volume', 0.3)).toBe(0.5);
	});

	it('stores one record per setting and returns all of them merged with defaults', async () => {
		useFreshStorage();
		await setSetting('beeps', false);
		await setSetting('programLevels', { 'gentle-start': 3 });
		await setSetting('lastRedFlagCheckDay', '2025-03-14');
		const db = await openDatabase();
		expect((await db.getAllKeys('settings')).sort()).toEqual([
			'beeps',
			'lastRedFlagCheckDay',
			'programLevels'
		]);
		expect(await getAllSettings()).toEqual({
			...defaultSettings(),
			beeps: false,
			programLevels: { 'gentle-start': 3 },
			lastRedFlagCheckDay: '2025-03-14'
		});
	});

	it('refuses values of the wrong kind', async () => {
		useFreshStorage();
		await expect(setSetting('volume', 2)).rejects.toThrow(/volume: must be a number from 0 to 1/);
		await expect(setSetting('lastMorningCheckDay', '14/03/2025')).rejects.toThrow(/YYYY-MM-DD/);
		await expect(setSetting('morningPain', [{ day: '2025-03-14', pain: 12 }])).rejects.toThrow(
			/morningPain\[0\]\.pain/
		);
		await expect(setSetting('nonsense' as never, true as never)).rejects.toThrow(
			/not a known setting/
		);
	});

	it('reads a damaged stored value as the default', async () => {
		useFreshStorage();
		const db = await openDatabase();
		await db.put('settings', 'loud', 'volume');
		await db.put('settings', 'yes', 'beeps');
		await db.put('settings', true, 'someOldSetting');
		expect(await getSetting('volume')).toBe(0.8);
		expect(await getAllSettings()).toEqual(defaultSettings());
	});

	it('updates a setting from its current value in one step', async () => {
		useFreshStorage();
		await updateSetting('morningPain', (list) => [...list, { day: '2025-03-14', pain: 4 }]);
		const after = await updateSetting('morningPain', (list) => [
			...list,
			{ day: '2025-03-15', pain: 3 }
		]);
		expect(after).toEqual([
			{ day: '2025-03-14', pain: 4 },
			{ day: '2025-03-15', pain: 3 }
		]);
		expect(await getSetting('morningPain')).toEqual(after);
		await expect(updateSetting('volume', () => -1)).rejects.toThrow(TypeError);
		expect(await getSetting('volume')).toBe(0.8);
	});

	it('reads defaults without IndexedDB, and refuses to store', async () => {
		configureStorage({ factory: null });
		expect(await getAllSettings()).toEqual(defaultSettings());
		expect(await getSetting('voice')).toBe(true);
		await expect(setSetting('voice', false)).rejects.toMatchObject({ kind: 'unavailable' });
	});
});

describe('setting checks', () => {
	it('accepts every default and checks the shapes', () => {
		const defaults = defaultSettings();
		for (const key of SETTING_KEYS) expect(isValidSetting(key, defaults[key])).toBe(true);
		expect(isValidSetting('lastBackupAt', '2025-03-14T08:00:00.000Z')).toBe(true);
		expect(isValidSetting('lastBackupAt', '2025-03-14')).toBe(false);
		expect(isValidSetting('lastMorningCheckDay', '2025-02-30')).toBe(false);
		expect(isValidSetting('programLevels', { a: 1.5 })).toBe(false);
		expect(isValidSetting('programLevels', [])).toBe(false);
		expect(isValidSetting('morningPain', [{ day: '2025-03-14', pain: 3, mood: 'ok' }])).toBe(false);
		expect(isValidSetting('volume', Number.NaN)).toBe(false);
	});

	it('checks the player settings: text size, voice, speaking rate, get-ready length', () => {
		for (const size of ['normal', 'large', 'largest'])
			expect(isValidSetting('textSize', size)).toBe(true);
		for (const size of ['huge', 'Large', 1.4, null])
			expect(isValidSetting('textSize', size)).toBe(false);
		expect(isValidSetting('voiceURI', null)).toBe(true);
		expect(isValidSetting('voiceURI', 'com.apple.voice.compact.en-GB.Daniel')).toBe(true);
		for (const uri of ['', 'x'.repeat(501), 3]) expect(isValidSetting('voiceURI', uri)).toBe(false);
		for (const rate of [0.8, 1, 1.2]) expect(isValidSetting('speechRate', rate)).toBe(true);
		for (const rate of [0, 0.9, 3, '1', Number.NaN])
			expect(isValidSetting('speechRate', rate)).toBe(false);
		for (const seconds of ['program', 5, 10, 15])
			expect(isValidSetting('prepareSeconds', seconds)).toBe(true);
		for (const seconds of [0, 7, 20, '5', 'routine', null])
			expect(isValidSetting('prepareSeconds', seconds)).toBe(false);
		expect(settingProblems('prepareSeconds', 7)).toEqual([
			{ path: 'prepareSeconds', message: expect.stringContaining('"program", 5, 10 or 15') }
		]);
		expect(settingProblems('textSize', 'huge')).toEqual([
			{ path: 'textSize', message: expect.stringContaining('"normal", "large", "largest"') }
		]);
	});

	it('keeps the language the person chose, and refuses one Limber does not speak', () => {
		expect(isValidSetting('language', 'de')).toBe(true);
		expect(isValidSetting('language', 'auto')).toBe(true);
		expect(isValidSetting('language', 'pt')).toBe(false);
		// The person's choice: it goes with a backup (and, later, a sync).
		expect(DEVICE_ONLY_SETTINGS).not.toContain('language');
	});

	it('keeps the chosen voice and the media buttons on the device', () => {
		// Voices differ between devices; a headset is paired with one, and the silent loop stops
		// the music of that device's other apps.
		expect(DEVICE_ONLY_SETTINGS).toContain('voiceURI');
		expect(DEVICE_ONLY_SETTINGS).toContain('mediaButtons');
		expect(isValidSetting('mediaButtons', true)).toBe(true);
		expect(settingProblems('mediaButtons', 'yes')).toEqual([
			expect.objectContaining({ path: 'mediaButtons' })
		]);
		for (const key of ['textSize', 'speechRate', 'prepareSeconds'] as const)
			expect(DEVICE_ONLY_SETTINGS).not.toContain(key);
	});

	it('checks the reminders: times and days per routine, with the path of each problem', async () => {
		const gentle: ReminderSetting = {
			times: ['08:00', '13:00', '19:00'],
			days: [1, 2, 3, 4, 5, 6, 7],
			on: true
		};
		expect(isValidSetting('reminders', {})).toBe(true);
		expect(isValidSetting('reminders', { 'gentle-relief': gentle })).toBe(true);
		for (const bad of [
			[],
			{ 'gentle-relief': { ...gentle, times: [] } },
			{ 'gentle-relief': { ...gentle, times: ['8:00'] } },
			{ 'gentle-relief': { ...gentle, times: ['13:00', '08:00'] } },
			{ 'gentle-relief': { ...gentle, days: [0] } },
			{ 'gentle-relief': { ...gentle, on: 'yes' } },
			{ 'gentle-relief': { ...gentle, colour: 'red' } }
		])
			expect(isValidSetting('reminders', bad)).toBe(false);
		expect(
			settingProblems('reminders', { 'gentle-relief': { ...gentle, times: ['08:00', '25:00'] } })
		).toEqual([
			{
				path: 'reminders["gentle-relief"].times[1]',
				message: 'must be a time of day written HH:MM (00:00 to 23:59)'
			}
		]);
		expect(DEVICE_ONLY_SETTINGS).not.toContain('reminders');
		// What this device showed and plans to show stays on it.
		expect(DEVICE_ONLY_SETTINGS).toEqual(
			expect.arrayContaining(['reminderPlan', 'remindersShown'])
		);
		expect(isValidSetting('remindersShown', ['limber-reminder a 2025-06-04 0'])).toBe(true);
		expect(settingProblems('reminderPlan', [{ tag: 'x' }])[0]?.path).toBe(
			'reminderPlan[0].programId'
		);

		useFreshStorage();
		await setSetting('reminders', { 'gentle-relief': gentle });
		expect(await getSetting('reminders')).toEqual({ 'gentle-relief': gentle });
		await expect(
			setSetting('reminders', { 'gentle-relief': { ...gentle, days: [3, 1] } })
		).rejects.toThrow(/reminders\["gentle-relief"\]\.days\[1\]/);
	});

	it('lists every problem of a settings object with its path', () => {
		const result = check(
			SettingsPatchSchema,
			{ beeps: 'no', colour: 'red', programLevels: { 'my program': 500 } },
			'settings'
		);
		expect(result.ok).toBe(false);
		const problems = result.ok ? [] : result.problems;
		expect(problems).toEqual([
			// Unknown keys first, as for every object checked (then the known fields, in order).
			{ path: 'settings.colour', message: 'is not a known setting' },
			{ path: 'settings.beeps', message: 'must be true or false, not "no"' },
			{
				path: 'settings.programLevels["my program"]',
				message: 'must be a whole number from 0 to 100'
			}
		]);
	});
});
