// The calendar file, parsed back with a real iCalendar parser (ical.js) and its recurrences
// expanded in the VTIMEZONE the file carries: the occurrences must fall on the chosen days at the
// chosen local times in the person's zone, on both sides of a daylight-saving change.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, localDay, weekdayOf, type Weekday } from '$lib/adherence/days';
import {
	CALENDAR_CONTENT_TYPE,
	calendarFileName,
	reminderCalendar,
	reminderUid,
	type CalendarRequest
} from './ics';

const URL_OF_PAGE = 'https://limber.example/programs/gentle-relief/';

function request(overrides: Partial<CalendarRequest> = {}): CalendarRequest {
	return {
		programId: 'gentle-relief',
		title: 'Gentle relief',
		times: ['08:00', '13:00', '19:00'],
		days: [1, 3, 5],
		timeZone: 'Europe/Berlin',
		url: URL_OF_PAGE,
		now: '2025-03-24T06:00:00Z', // Monday 24 March; clocks go forward on Sunday 30 March
		...overrides
	};
}

interface Parsed {
	calendar: ICAL.Component;
	events: ICAL.Event[];
}

/** Parses the file and registers its VTIMEZONEs, so that TZID times are read in them. */
function parse(text: string): Parsed {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(zone);
	}
	// Parse again now that the zones are known, so the events' times carry them.
	const again = new ICAL.Component(ICAL.parse(text));
	return {
		calendar: again,
		events: again.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event))
	};
}

afterEach(() => {
	ICAL.TimezoneService.reset();
});

/** Local day and HH:MM of an instant in a zone, read through Intl (independent of ical.js). */
function localStamp(ms: number, timeZone: string): string {
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(ms);
	return `${localDay(ms, timeZone)} ${time}`;
}

/** Every occurrence of every event from `from` (a local day) for `days` days, as local stamps. */
function occurrences(parsed: Parsed, timeZone: string, from: string, days: number): string[] {
	const end = Date.parse(`${addDays(from, days + 1)}T12:00:00Z`);
	const stamps: string[] = [];
	for (const event of parsed.events) {
		const iterator = event.iterator();
		// The rules have no end: stop past the range (and, whatever happens, after 1000).
		for (let i = 0; i < 1000; i++) {
			const ms = iterator.next().toJSDate().getTime();
			if (ms > end) break;
			const stamp = localStamp(ms, timeZone);
			if (stamp >= from && stamp < addDays(from, days)) stamps.push(stamp);
		}
	}
	return stamps.sort();
}

/** What the occurrences should be: each chosen day in the range at each chosen time. */
function expected(from: string, days: number, weekdays: Weekday[], times: string[]): string[] {
	const stamps: string[] = [];
	for (let i = 0; i < days; i++) {
		const day = addDays(from, i);
		if (weekdays.includes(weekdayOf(day))) for (const time of times) stamps.push(`${day} ${time}`);
	}
	return stamps.sort();
}

describe('the reminders calendar file', () => {
	it('names itself and its content type', () => {
		const file = reminderCalendar(request());
		expect(file.fileName).toBe('limber-gentle-relief-reminders.ics');
		expect(calendarFileName('daily-core')).toBe('limber-daily-core-reminders.ics');
		expect(file.contentType).toBe('text/calendar;charset=utf-8');
		expect(CALENDAR_CONTENT_TYPE).toBe(file.contentType);
		expect(file.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(file.text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
	});

	it.each([
		// Europe/Berlin: clocks go forward on Sunday 30 March and back on Sunday 26 October 2025.
		['Europe/Berlin', '2025-03-24T06:00:00Z', [1, 3, 5, 7], ['08:00', '13:00', '19:00']],
		['Europe/Berlin', '2025-10-20T06:00:00Z', [1, 2, 3, 4, 5, 6, 7], ['07:45', '20:00']],
		// America/New_York: forward on Sunday 9 March, back on Sunday 2 November 2025.
		['America/New_York', '2025-03-03T15:00:00Z', [2, 4, 7], ['08:00', '19:00']],
		['America/New_York', '2025-10-27T15:00:00Z', [1, 3, 5], ['08:00']]
	] as const)(
		'in %s from %s: the next 14 days fall on the chosen days at the local times',
		(timeZone, now, days, times) => {
			const file = reminderCalendar(request({ timeZone, now, days: [...days], times: [...times] }));
			const parsed = parse(file.text);
			const from = localDay(now, timeZone);
			const found = occurrences(parsed, timeZone, from, 14);
			expect(found).toEqual(expected(from, 14, [...days], [...times]));
			expect(found.length).toBeGreaterThan(0);
		}
	);

	it('keeps the local time on both sides of the change (the UTC hour moves)', () => {
		const file = reminderCalendar(request({ days: [1, 2, 3, 4, 5, 6, 7], times: ['08:00'] }));
		const [event] = parse(file.text).events;
		const iterator = event!.iterator();
		const utcHours: number[] = [];
		for (let i = 0; i < 14; i++) utcHours.push(iterator.next()!.toJSDate().getUTCHours());
		// 24–29 March: 08:00 CET is 07:00 UTC; from Sunday 30 March, 08:00 CEST is 06:00 UTC.
		expect(utcHours).toEqual([7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6]);
	});

	it('has one recurring event per time, with TZID, weekly rule, alarm, link and summary', () => {
		const file = reminderCalendar(request());
		const { calendar, events } = parse(file.text);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		const zones = calendar.getAllSubcomponents('vtimezone');
		expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
		expect(events.map((event) => event.uid)).toEqual([
			'gentle-relief-0800@limber',
			'gentle-relief-1300@limber',
			'gentle-relief-1900@limber'
		]);
		for (const event of events) {
			expect(event.summary).toBe('Gentle relief');
			expect(event.isRecurring()).toBe(true);
			expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
			expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
				'Europe/Berlin'
			);
			const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
			expect(rule.freq).toBe('WEEKLY');
			expect(rule.parts.BYDAY).toEqual(['MO', 'WE', 'FR']);
			expect(event.component.getFirstPropertyValue('url')).toBe(URL_OF_PAGE);
			expect(event.description).toContain(URL_OF_PAGE);
			const alarms = event.component.getAllSubcomponents('valarm');
			expect(alarms).toHaveLength(1);
			expect(alarms[0]?.getFirstPropertyValue('action')).toBe('DISPLAY');
			expect(String(alarms[0]?.getFirstPropertyValue('trigger'))).toBe('PT0S');
			expect(alarms[0]?.getFirstPropertyValue('description')).toBe('Time for Gentle relief');
			// 15 minutes long; the first occurrence is today (Monday) or later.
			expect(event.duration.toSeconds()).toBe(15 * 60);
			expect(event.startDate.toString().slice(0, 10)).toBe('2025-03-24');
		}
		// DTSTAMP is written in UTC, as RFC 5545 requires.
		expect(file.text).toContain('DTSTAMP:20250324T060000Z');
	});

	it('starts on the first chosen day from today on', () => {
		// Tuesday 25 March; chosen Monday and Thursday: the first occurrence is Thursday 27.
		const file = reminderCalendar(request({ now: '2025-03-25T20:00:00Z', days: [1, 4] }));
		const [event] = parse(file.text).events;
		expect(event?.startDate.toString()).toBe('2025-03-27T08:00:00');
	});

	it('starts a time that the first day skips (clocks forward) on the next chosen day', () => {
		// Saturday night before Sunday 30 March: 02:30 does not exist that Sunday in Berlin.
		const file = reminderCalendar(
			request({ now: '2025-03-29T23:30:00Z', days: [7], times: ['02:30', '08:00'] })
		);
		const parsed = parse(file.text);
		expect(parsed.events.map((event) => event.startDate.toString())).toEqual([
			'2025-04-06T02:30:00',
			'2025-03-30T08:00:00'
		]);
		expect(occurrences(parsed, 'Europe/Berlin', '2025-03-30', 14)).toEqual([
			'2025-03-30 08:00',
			'2025-04-06 02:30',
			'2025-04-06 08:00'
		]);
	});

	it('keeps the UIDs from one file to the next, and a later file has a higher SEQUENCE', () => {
		const first = parse(reminderCalendar(request()).text).events;
		const later = parse(
			reminderCalendar(request({ now: '2025-04-02T09:30:00Z', days: [2, 4] })).text
		).events;
		expect(later.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
		expect(first.map((event) => event.uid)).toEqual(
			['08:00', '13:00', '19:00'].map((time) => reminderUid('gentle-relief', time))
		);
		expect(later[0]!.sequence).toBeGreaterThan(first[0]!.sequence);
	});

	it('writes titles as text (commas, semicolons, new lines) and folds long lines', () => {
		const title =
			'Back, hips; and a very long title that goes on\nfor more than seventy-five octets';
		const file = reminderCalendar(request({ title }));
		const [event] = parse(file.text).events;
		expect(event?.summary).toBe(title);
		for (const line of file.text.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
	});

	it('refuses times, days or a zone it cannot write', () => {
		expect(() => reminderCalendar(request({ times: [] }))).toThrow(/times: must list at least/);
		expect(() => reminderCalendar(request({ times: ['8:00'] }))).toThrow(/times\[0\]/);
		expect(() => reminderCalendar(request({ days: [3, 1] }))).toThrow(/days\[1\]/);
		expect(() => reminderCalendar(request({ timeZone: 'Mars/Olympus_Mons' }))).toThrow(RangeError);
	});
});
