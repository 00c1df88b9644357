import { describe, expect, it } from 'vitest';
import { checkReminderDraft, nextReminderTime } from './draft';

describe('checkReminderDraft', () => {
	it('gives the setting to store, times and days sorted', () => {
		expect(
			checkReminderDraft({ times: ['19:00', '08:00', '12:30'], days: [5, 1, 3], on: true })
		).toEqual({
			ok: true,
			value: { times: ['08:00', '12:30', '19:00'], days: [1, 3, 5], on: true }
		});
	});

	it('says what is wrong next to each field, and gives nothing to store', () => {
		expect(
			checkReminderDraft({ times: ['08:00', '', '08:00', '7:5'], days: [1], on: false })
		).toEqual({
			ok: false,
			times: [
				null,
				'Enter a time, such as 08:00.',
				'This time is already in the list.',
				'Enter a time of day, such as 08:00.'
			],
			days: null
		});
		expect(checkReminderDraft({ times: ['08:00'], days: [], on: false })).toEqual({
			ok: false,
			times: [null],
			days: 'Choose at least one day.'
		});
	});

	it('needs one to ten times (an extra message after the fields)', () => {
		expect(checkReminderDraft({ times: [], days: [1], on: false })).toMatchObject({
			ok: false,
			times: ['Add at least one time.']
		});
		const eleven = Array.from({ length: 11 }, (_, i) => `${String(8 + i).padStart(2, '0')}:00`);
		const result = checkReminderDraft({ times: eleven, days: [1], on: false });
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.times.at(-1)).toBe('At most 10 times.');
	});
});

describe('nextReminderTime', () => {
	it('offers an hour after the latest time, not one already listed', () => {
		expect(nextReminderTime(['08:00', '13:00', '19:00'])).toBe('20:00');
		expect(nextReminderTime(['13:00', '08:00'])).toBe('14:00');
		expect(nextReminderTime(['23:30'])).toBe('00:30');
		expect(nextReminderTime(['23:30', '00:30'])).toBe('01:30');
		expect(nextReminderTime([])).toBe('08:00');
		expect(nextReminderTime(['', 'nonsense'])).toBe('08:00');
	});

	it('still finds a free minute when every hour after the latest is taken', () => {
		const hourly = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
		expect(nextReminderTime(hourly)).toBe('00:01');
	});
});
