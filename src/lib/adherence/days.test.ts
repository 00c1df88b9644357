import { describe, expect, it } from 'vitest';
import {
	addDays,
	dayFromNumber,
	dayNumber,
	daysBetween,
	daysOfMonth,
	defaultTimeZone,
	isDay,
	localDay,
	localMinuteOfDay,
	localDayNumber,
	localDayUncached,
	monthOf,
	startOfWeek,
	startOfWeekNumber,
	toMs,
	tryLocalDay,
	weekdayOf,
	weekdayOfNumber,
	zonedInstant
} from './days';

describe('localDay', () => {
	it('reads the calendar day in the given zone, not in UTC', () => {
		const instant = '2024-06-15T23:30:00Z';
		expect(localDay(instant, 'UTC')).toBe('2024-06-15');
		expect(localDay(instant, 'Europe/Berlin')).toBe('2024-06-16');
		expect(localDay(instant, 'America/Los_Angeles')).toBe('2024-06-15');
	});

	it('accepts milliseconds, Date objects and ISO strings with an offset', () => {
		const ms = Date.UTC(2024, 0, 1, 12);
		expect(localDay(ms, 'UTC')).toBe('2024-01-01');
		expect(localDay(new Date(ms), 'UTC')).toBe('2024-01-01');
		expect(localDay('2024-01-01T00:30:00+02:00', 'UTC')).toBe('2023-12-31');
	});

	it('follows Europe/London across the last Sunday of March (clocks go forward)', () => {
		const zone = 'Europe/London';
		// GMT (UTC+0) until 01:00 UTC on 31 March 2024, then BST (UTC+1).
		expect(localDay('2024-03-30T23:30:00Z', zone)).toBe('2024-03-30');
		expect(localDay('2024-03-31T00:59:00Z', zone)).toBe('2024-03-31');
		expect(localDay('2024-03-31T22:59:00Z', zone)).toBe('2024-03-31');
		expect(localDay('2024-03-31T23:00:00Z', zone)).toBe('2024-04-01');
	});

	it('follows Europe/London across the last Sunday of October (clocks go back)', () => {
		const zone = 'Europe/London';
		// BST until 01:00 UTC on 27 October 2024, then GMT.
		expect(localDay('2024-10-26T22:59:00Z', zone)).toBe('2024-10-26');
		expect(localDay('2024-10-26T23:00:00Z', zone)).toBe('2024-10-27');
		expect(localDay('2024-10-27T23:30:00Z', zone)).toBe('2024-10-27');
		expect(localDay('2024-10-28T00:00:00Z', zone)).toBe('2024-10-28');
	});

	it('follows America/New_York across both changes', () => {
		const zone = 'America/New_York';
		// 10 March 2024: EST (UTC−5) → EDT (UTC−4); 3 November 2024: back to EST.
		expect(localDay('2024-03-10T04:30:00Z', zone)).toBe('2024-03-09');
		expect(localDay('2024-03-11T03:30:00Z', zone)).toBe('2024-03-10');
		expect(localDay('2024-03-11T04:30:00Z', zone)).toBe('2024-03-11');
		expect(localDay('2024-11-04T03:30:00Z', zone)).toBe('2024-11-03');
		expect(localDay('2024-11-04T04:30:00Z', zone)).toBe('2024-11-03');
		expect(localDay('2024-11-04T05:00:00Z', zone)).toBe('2024-11-04');
	});

	it('handles zones far from UTC', () => {
		// Kiritimati is UTC+14: its day starts at 10:00 UTC the day before.
		expect(localDay('2024-03-30T09:59:00Z', 'Pacific/Kiritimati')).toBe('2024-03-30');
		expect(localDay('2024-03-30T10:00:00Z', 'Pacific/Kiritimati')).toBe('2024-03-31');
		// Auckland leaves NZDT (UTC+13) for NZST (UTC+12) on 7 April 2024.
		expect(localDay('2024-04-06T11:30:00Z', 'Pacific/Auckland')).toBe('2024-04-07');
		expect(localDay('2024-04-07T11:30:00Z', 'Pacific/Auckland')).toBe('2024-04-07');
		expect(localDay('2024-04-07T12:00:00Z', 'Pacific/Auckland')).toBe('2024-04-08');
	});

	it('agrees with Intl at every instant, including the hours around offset changes', () => {
		// localDay reuses a UTC day's offset when it is the same at both ends of that day; check it
		// against a direct Intl reading every 37 minutes through 2024 and around unusual changes.
		const zones = [
			'Europe/London',
			'America/New_York',
			'Pacific/Auckland',
			'Pacific/Kiritimati',
			'Pacific/Chatham', // UTC+12:45 / +13:45
			'Australia/Lord_Howe', // a 30-minute DST change
			'Asia/Kathmandu', // UTC+5:45
			'Africa/Casablanca', // DST suspended during Ramadan
			'America/Santiago',
			'America/St_Johns' // UTC−3:30 / −2:30
		];
		const start = Date.UTC(2024, 0, 1);
		const end = Date.UTC(2025, 0, 1);
		const step = 37 * 60_000;
		let mismatches = 0;
		for (const zone of zones) {
			for (let ms = start; ms < end; ms += step) {
				if (localDay(ms, zone) !== localDayUncached(ms, zone)) mismatches++;
			}
		}
		expect(mismatches).toBe(0);
		// Samoa skipped 30 December 2011 when it moved across the date line.
		const apia = 'Pacific/Apia';
		for (let ms = Date.UTC(2011, 11, 28); ms < Date.UTC(2012, 0, 2); ms += 5 * 60_000) {
			expect(localDay(ms, apia)).toBe(localDayUncached(ms, apia));
		}
		expect(localDay('2011-12-30T09:59:00Z', apia)).toBe('2011-12-29');
		expect(localDay('2011-12-30T10:00:00Z', apia)).toBe('2011-12-31');
		expect(localDayNumber('1970-01-01T12:00:00Z', 'UTC')).toBe(0);
	});

	it('defaults to the runtime zone', () => {
		const instant = '2024-06-15T12:00:00Z';
		expect(localDay(instant)).toBe(localDay(instant, defaultTimeZone()));
		expect(defaultTimeZone()).toMatch(/\S/);
	});

	it('rejects invalid times and unknown zones', () => {
		expect(() => localDay('not a date', 'UTC')).toThrow(RangeError);
		expect(() => localDay(Number.NaN, 'UTC')).toThrow(RangeError);
		expect(() => localDay('2024-01-01T00:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
		expect(tryLocalDay('not a date', 'UTC')).toBeNull();
		expect(() => tryLocalDay('2024-01-01T00:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => toMs('')).toThrow(RangeError);
	});
});

describe('localMinuteOfDay', () => {
	it('reads the wall clock in the zone, on both sides of a daylight-saving change', () => {
		expect(localMinuteOfDay('2025-03-30T00:59:00Z', 'Europe/Berlin')).toBe(1 * 60 + 59);
		expect(localMinuteOfDay('2025-03-30T01:00:00Z', 'Europe/Berlin')).toBe(3 * 60);
		expect(localMinuteOfDay('2025-10-26T21:30:00Z', 'Europe/Berlin')).toBe(22 * 60 + 30);
		expect(localMinuteOfDay('2025-06-04T03:00:00Z', 'America/New_York')).toBe(23 * 60);
		expect(localMinuteOfDay('2025-06-04T04:00:00Z', 'America/New_York')).toBe(0);
		expect(localMinuteOfDay('1969-12-31T23:59:00Z', 'UTC')).toBe(23 * 60 + 59);
	});
});

describe('zonedInstant', () => {
	const at = (day: string, time: string, zone: string) => {
		const [hours, minutes] = time.split(':').map(Number) as [number, number];
		return new Date(zonedInstant(day, hours * 60 + minutes, zone)).toISOString();
	};

	it('turns a local time on a day into the instant, with the offset of that moment', () => {
		expect(at('2025-03-29', '08:00', 'Europe/Berlin')).toBe('2025-03-29T07:00:00.000Z');
		expect(at('2025-03-30', '08:00', 'Europe/Berlin')).toBe('2025-03-30T06:00:00.000Z');
		expect(at('2025-10-26', '08:00', 'Europe/Berlin')).toBe('2025-10-26T07:00:00.000Z');
		expect(at('2025-06-04', '23:30', 'America/New_York')).toBe('2025-06-05T03:30:00.000Z');
		expect(at('2025-06-04', '00:00', 'Pacific/Auckland')).toBe('2025-06-03T12:00:00.000Z');
		expect(at('2025-06-04', '12:00', 'UTC')).toBe('2025-06-04T12:00:00.000Z');
	});

	it('moves a skipped time past the change, and takes the later of a doubled one', () => {
		// Forward: 02:30 does not exist; it comes out as 03:30 summer time.
		expect(at('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
		expect(at('2025-03-09', '02:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z');
		// Back: 02:30 (Berlin) and 01:30 (New York) happen twice; the second, in winter time.
		expect(at('2025-10-26', '02:30', 'Europe/Berlin')).toBe('2025-10-26T01:30:00.000Z');
		expect(at('2025-11-02', '01:30', 'America/New_York')).toBe('2025-11-02T06:30:00.000Z');
	});

	it('reads back as the same local day and minute, every quarter hour of a changing day', () => {
		for (const [zone, day] of [
			['Europe/Berlin', '2025-10-26'],
			['America/New_York', '2025-03-09'],
			['Pacific/Chatham', '2025-04-06']
		] as const) {
			for (let minute = 0; minute < 24 * 60; minute += 15) {
				const ms = zonedInstant(day, minute, zone);
				if (localMinuteOfDay(ms, zone) !== minute) continue; // a skipped time (checked above)
				expect(localDay(ms, zone)).toBe(day);
			}
		}
		expect(() => zonedInstant('2025-06-04', 1440, 'UTC')).toThrow(RangeError);
	});
});

describe('day arithmetic', () => {
	it('numbers days from 1970-01-01 and back', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('1969-12-31')).toBe(-1);
		expect(dayFromNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
		expect(dayFromNumber(19_000)).toBe('2022-01-08');
	});

	it('adds days across month ends, leap days and DST weekends', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		// The weekends when European and US clocks change: still one calendar day per step.
		expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
		expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
		expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
		expect(addDays('2024-11-03', 1)).toBe('2024-11-04');
		expect(addDays('2024-03-25', 7)).toBe('2024-04-01');
		expect(addDays('2024-01-15', 0)).toBe('2024-01-15');
	});

	it('counts the days between two days', () => {
		expect(daysBetween('2024-03-25', '2024-04-01')).toBe(7);
		expect(daysBetween('2024-10-28', '2024-10-21')).toBe(-7);
		expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
	});

	it('gives ISO weekdays', () => {
		expect(weekdayOf('1970-01-01')).toBe(4);
		expect(weekdayOf('2024-03-25')).toBe(1);
		expect(weekdayOf('2024-03-31')).toBe(7);
		expect(weekdayOf('2024-10-27')).toBe(7);
		expect(weekdayOf('1969-12-29')).toBe(1);
		expect(weekdayOfNumber(-1)).toBe(3);
		expect(weekdayOfNumber(dayNumber('2024-10-27'))).toBe(7);
	});

	it('finds the start of the week, Monday by default', () => {
		expect(startOfWeek('2024-03-31')).toBe('2024-03-25');
		expect(startOfWeek('2024-03-25')).toBe('2024-03-25');
		expect(startOfWeek('2024-04-01')).toBe('2024-04-01');
		expect(startOfWeek('2024-10-27')).toBe('2024-10-21');
		// Weeks starting on Sunday (7) or Saturday (6).
		expect(startOfWeek('2024-03-31', 7)).toBe('2024-03-31');
		expect(startOfWeek('2024-03-30', 7)).toBe('2024-03-24');
		expect(startOfWeek('2024-03-30', 6)).toBe('2024-03-30');
		expect(startOfWeek('2024-03-29', 6)).toBe('2024-03-23');
		expect(startOfWeekNumber(dayNumber('2024-03-31'))).toBe(dayNumber('2024-03-25'));
		expect(startOfWeekNumber(-1)).toBe(dayNumber('1969-12-29'));
	});

	it('validates day strings', () => {
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2023-02-29')).toBe(false);
		expect(isDay('2024-13-01')).toBe(false);
		expect(isDay('2024-1-01')).toBe(false);
		expect(isDay(20240101)).toBe(false);
		expect(() => dayNumber('2024-02-30')).toThrow(RangeError);
		expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
		expect(() => dayFromNumber(1.5)).toThrow(RangeError);
		// Each says what it was given.
		expect(() => dayNumber('2024-02-30')).toThrow('Not a calendar day (YYYY-MM-DD): 2024-02-30');
		expect(() => addDays('2024-01-01', 0.5)).toThrow('Not a whole number of days: 0.5');
		expect(() => dayFromNumber(1.5)).toThrow('Not a whole day number: 1.5');
	});

	it('lists the days of a month', () => {
		expect(monthOf('2024-02-10')).toBe('2024-02');
		const february = daysOfMonth('2024-02');
		expect(february).toHaveLength(29);
		expect(february[0]).toBe('2024-02-01');
		expect(february[28]).toBe('2024-02-29');
		expect(daysOfMonth('2023-02')).toHaveLength(28);
		expect(daysOfMonth('2024-10')).toHaveLength(31);
		expect(() => daysOfMonth('2024-13')).toThrow(RangeError);
		expect(() => monthOf('nope')).toThrow(RangeError);
		for (const month of ['2024-13', '2024-00', '2024-1', 'nope']) {
			expect(() => daysOfMonth(month)).toThrow(`Not a month (YYYY-MM): ${month}`);
		}
		expect(() => monthOf('nope')).toThrow('Not a calendar day (YYYY-MM-DD): nope');
	});
});
