import { describe, expect, it } from 'vitest';
import type { Weekday } from '$lib/adherence/days';
import {
	clockMinutes,
	clockTime,
	defaultReminder,
	defaultReminderDays,
	defaultReminderTimes,
	isClockTime,
	nextReminderAt,
	reminderProblems,
	slotAt,
	slotDone
} from './times';

describe('default reminder times', () => {
	it.each([
		[1, ['08:00']],
		[2, ['08:00', '19:00']],
		[3, ['08:00', '13:00', '19:00']],
		[4, ['08:00', '12:00', '16:00', '20:00']],
		[5, ['08:00', '11:00', '14:00', '17:00', '20:00']],
		[10, ['08:00', '09:15', '10:45', '12:00', '13:15', '14:45', '16:00', '17:15', '18:45', '20:00']]
	])('%i a day → %j', (timesPerDay, expected) => {
		expect(defaultReminderTimes(timesPerDay)).toEqual(expected);
	});

	it('are ascending, distinct, on quarter hours from 08:00 to 20:00 for 1 to 10 a day', () => {
		for (let count = 1; count <= 10; count++) {
			const minutes = defaultReminderTimes(count).map(clockMinutes);
			expect(minutes).toHaveLength(count);
			minutes.forEach((minute, i) => {
				expect(minute % 15).toBe(0);
				expect(minute).toBeGreaterThanOrEqual(8 * 60);
				expect(minute).toBeLessThanOrEqual(20 * 60);
				if (i > 0) expect(minute).toBeGreaterThan(minutes[i - 1]!);
			});
		}
	});

	it('refuse a count outside 1–10', () => {
		for (const bad of [0, 11, 2.5, Number.NaN]) {
			expect(() => defaultReminderTimes(bad)).toThrow(RangeError);
		}
	});
});

describe('default reminder days', () => {
	it.each([
		[3, [1, 3, 5]],
		[5, [1, 2, 3, 4, 5]],
		[7, [1, 2, 3, 4, 5, 6, 7]],
		[1, [1]],
		[2, [1, 4]],
		[4, [1, 2, 4, 5]],
		[6, [1, 2, 3, 4, 5, 6]]
	])('%i a week → %j', (daysPerWeek, expected) => {
		expect(defaultReminderDays(daysPerWeek)).toEqual(expected);
	});

	it('refuse a count outside 1–7', () => {
		for (const bad of [0, 8, 3.5]) expect(() => defaultReminderDays(bad)).toThrow(RangeError);
	});

	it('make a setting that starts turned off', () => {
		expect(defaultReminder({ timesPerDay: 3, daysPerWeek: 3 })).toEqual({
			times: ['08:00', '13:00', '19:00'],
			days: [1, 3, 5],
			on: false
		});
	});
});

describe('clock times', () => {
	it('read and write HH:MM', () => {
		expect(clockMinutes('00:00')).toBe(0);
		expect(clockMinutes('23:59')).toBe(1439);
		expect(clockTime(0)).toBe('00:00');
		expect(clockTime(19 * 60 + 5)).toBe('19:05');
		for (const bad of ['24:00', '8:00', '08:60', '08:00:00', ' 08:00']) {
			expect(isClockTime(bad)).toBe(false);
			expect(() => clockMinutes(bad)).toThrow(RangeError);
		}
		expect(() => clockTime(1440)).toThrow(RangeError);
	});
});

describe('the stored reminders setting', () => {
	it('accepts good settings', () => {
		expect(
			reminderProblems({
				'gentle-relief': { times: ['08:00', '13:00', '19:00'], days: [1, 3, 5], on: true },
				'daily-core': { times: ['07:30'], days: [1, 2, 3, 4, 5, 6, 7], on: false }
			})
		).toEqual([]);
		expect(reminderProblems({})).toEqual([]);
	});

	it('reports each problem with its JSON path', () => {
		expect(
			reminderProblems({
				'gentle-relief': {
					times: ['08:00', '8:30', '07:00', '07:00'],
					days: [1, 1, 8],
					on: 'yes',
					sound: true
				},
				'daily-core': { times: [], days: [], on: true },
				'desk-break': { days: [2], on: true }
			})
		).toEqual([
			{ path: 'reminders["gentle-relief"].sound', message: 'is not a known field' },
			{
				path: 'reminders["gentle-relief"].times[1]',
				message: 'must be a time of day written HH:MM (00:00 to 23:59)'
			},
			{
				path: 'reminders["gentle-relief"].days[2]',
				message: 'must be a day of the week from 1 (Monday) to 7 (Sunday)'
			},
			{ path: 'reminders["gentle-relief"].on', message: 'must be true or false, not "yes"' },
			{ path: 'reminders["daily-core"].times', message: 'must list at least one time' },
			{ path: 'reminders["daily-core"].days', message: 'must list at least one day' },
			{ path: 'reminders["desk-break"].times', message: 'is required' }
		]);
	});

	it('wants times and days in order, each once', () => {
		expect(
			reminderProblems(
				{ r: { times: ['08:00', '13:00', '13:00', '12:00'], days: [3, 1, 5, 5], on: true } },
				'settings.reminders'
			)
		).toEqual([
			{
				path: 'settings.reminders.r.times[2]',
				message: 'must be later than the time before it'
			},
			{
				path: 'settings.reminders.r.times[3]',
				message: 'must be later than the time before it'
			},
			{
				path: 'settings.reminders.r.days[1]',
				message: 'must come after the day before it (each day once, Monday first)'
			},
			{
				path: 'settings.reminders.r.days[3]',
				message: 'must come after the day before it (each day once, Monday first)'
			}
		]);
	});

	it('caps the number of times', () => {
		const times = Array.from({ length: 11 }, (_, i) => clockTime(i * 60));
		expect(reminderProblems({ r: { times, days: [1], on: true } })).toEqual([
			{ path: 'reminders.r.times', message: 'may hold at most 10 entries, not 11' }
		]);
	});
});

describe('slots', () => {
	const times = ['08:00', '13:00', '19:00'];

	it('run from one time to the next, the last to midnight; none before the first', () => {
		expect(slotAt(times, 0)).toBe(-1);
		expect(slotAt(times, 8 * 60 - 1)).toBe(-1);
		expect(slotAt(times, 8 * 60)).toBe(0);
		expect(slotAt(times, 13 * 60 - 1)).toBe(0);
		expect(slotAt(times, 13 * 60)).toBe(1);
		expect(slotAt(times, 19 * 60)).toBe(2);
		expect(slotAt(times, 23 * 60 + 59)).toBe(2);
	});

	it('are done by the day’s count reaching the slot’s number', () => {
		const none = { count: 0, startedAt: [] };
		expect([0, 1, 2].map((slot) => slotDone(times, slot, none))).toEqual([false, false, false]);
		// One session at 06:30, before any reminder: it covers the first slot only.
		const early = { count: 1, startedAt: [6 * 60 + 30] };
		expect([0, 1, 2].map((slot) => slotDone(times, slot, early))).toEqual([true, false, false]);
		const two = { count: 2, startedAt: [9 * 60, 10 * 60] };
		expect([0, 1, 2].map((slot) => slotDone(times, slot, two))).toEqual([true, true, false]);
	});

	it('are done by a counting session started within them', () => {
		// Morning missed; one session at 13:10 covers the 13:00 slot (and, by count, the first).
		const late = { count: 1, startedAt: [13 * 60 + 10] };
		expect([0, 1, 2].map((slot) => slotDone(times, slot, late))).toEqual([true, true, false]);
		// A session at 18:59 is still the 13:00 slot's; one at 19:00 the evening's.
		expect(slotDone(times, 2, { count: 1, startedAt: [18 * 60 + 59] })).toBe(false);
		expect(slotDone(times, 2, { count: 1, startedAt: [19 * 60] })).toBe(true);
		expect(slotDone(times, 3, { count: 9, startedAt: [] })).toBe(false);
		expect(slotDone(times, -1, { count: 9, startedAt: [] })).toBe(false);
	});
});

describe('the next reminder', () => {
	const next = (setting: { times: string[]; days: Weekday[] }, now: string, zone: string) => {
		const at = nextReminderAt(setting, now, zone);
		return at === null ? null : new Date(at).toISOString();
	};
	const threeTimes = ['08:00', '13:00', '19:00'];

	it('is the next of the times today, else on the next chosen day', () => {
		const days: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
		expect(next({ times: threeTimes, days }, '2025-06-04T05:00:00Z', 'Europe/Berlin')).toBe(
			'2025-06-04T06:00:00.000Z'
		);
		// At 08:00 sharp, the 08:00 reminder is this moment's: the next is 13:00.
		expect(next({ times: threeTimes, days }, '2025-06-04T06:00:00Z', 'Europe/Berlin')).toBe(
			'2025-06-04T11:00:00.000Z'
		);
		expect(next({ times: threeTimes, days }, '2025-06-04T17:00:01Z', 'Europe/Berlin')).toBe(
			'2025-06-05T06:00:00.000Z'
		);
		// Monday, Wednesday, Friday: after Friday evening comes Monday morning.
		expect(
			next({ times: threeTimes, days: [1, 3, 5] }, '2025-06-06T18:00:00Z', 'Europe/Berlin')
		).toBe('2025-06-09T06:00:00.000Z');
		// Only Wednesdays, asked on a Wednesday after the last time: a week later.
		expect(next({ times: ['08:00'], days: [3] }, '2025-06-04T10:00:00Z', 'Europe/Berlin')).toBe(
			'2025-06-11T06:00:00.000Z'
		);
	});

	it('stays at the local time across a daylight-saving change, in both zones', () => {
		// Saturday evening before Berlin's change: Sunday's 08:00 is already summer time.
		expect(next({ times: ['08:00'], days: [7] }, '2025-03-29T20:00:00Z', 'Europe/Berlin')).toBe(
			'2025-03-30T06:00:00.000Z'
		);
		expect(next({ times: ['08:00'], days: [7] }, '2025-10-25T20:00:00Z', 'Europe/Berlin')).toBe(
			'2025-10-26T07:00:00.000Z'
		);
		expect(next({ times: ['08:00'], days: [7] }, '2025-03-08T20:00:00Z', 'America/New_York')).toBe(
			'2025-03-09T12:00:00.000Z'
		);
		expect(next({ times: ['19:00'], days: [7] }, '2025-11-02T12:00:00Z', 'America/New_York')).toBe(
			'2025-11-03T00:00:00.000Z'
		);
	});

	it('is null without times or days', () => {
		expect(next({ times: [], days: [1] }, '2025-06-04T10:00:00Z', 'UTC')).toBeNull();
		expect(next({ times: ['08:00'], days: [] }, '2025-06-04T10:00:00Z', 'UTC')).toBeNull();
	});
});
