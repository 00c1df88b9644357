// The calendar file behind "Add reminders to my calendar": an RFC 5545 iCalendar with one weekly
// recurring event per reminder time, on the chosen days, at the local time in the person's time
// zone (DTSTART;TZID=… with its VTIMEZONE, so each occurrence stays at that local time across
// daylight-saving changes), an alarm at the start and a link to the routine's page. Written by
// ical-generator; the VTIMEZONE comes from timezones-ical-library and the local start time from
// @date-fns/tz (a plain Date would be read in the runtime's own zone). The words a person reads
// (the calendar's name, each event's description and alarm) are in the request's locale; the
// machine fields (UID, RRULE, times, PRODID) are the same in every language. See
// docs/reminders.md and docs/i18n.md.
import { TZDate } from '@date-fns/tz';
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import {
	addDays,
	localDay,
	toMs,
	weekdayOf,
	type Instant,
	type Weekday
} from '$lib/adherence/days';
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import { formatProblem } from '$lib/validation/problems';
import { check } from '$lib/validation/schemas';
import { clockMinutes, clockTime, ReminderSchema } from './times';

/** The content type to serve or download the file with. */
export const CALENDAR_CONTENT_TYPE = 'text/calendar;charset=utf-8';

/** How long each reminder event lasts in the calendar, unless told (minutes). */
export const DEFAULT_EVENT_MINUTES = 15;

/** Later files get a higher SEQUENCE, counted in minutes from this moment (2025-01-01 UTC). */
const SEQUENCE_EPOCH = Date.UTC(2025, 0, 1);

const BYDAY: Readonly<Record<Weekday, ICalWeekday>> = {
	1: ICalWeekday.MO,
	2: ICalWeekday.TU,
	3: ICalWeekday.WE,
	4: ICalWeekday.TH,
	5: ICalWeekday.FR,
	6: ICalWeekday.SA,
	7: ICalWeekday.SU
};

export interface CalendarRequest {
	programId: string;
	/** The routine's title (in the person's language), shown as each event's summary. */
	title: string;
	/** Local times of day, "HH:MM", earliest first (as the reminder setting stores them). */
	times: readonly string[];
	/** ISO weekdays (1 = Monday … 7 = Sunday), as the reminder setting stores them. */
	days: readonly Weekday[];
	/** The person's IANA time zone. */
	timeZone: string;
	/** The routine's page: the app's origin and path, e.g. https://…/programs/gentle-relief/. */
	url: string;
	/** When the file is made: its DTSTAMP, and the first occurrence is on or after this day. */
	now: Instant;
	/** Each event's length in minutes (default 15). */
	minutes?: number;
	/** The language of the calendar's words (default English). */
	locale?: Locale;
}

export interface CalendarFile {
	text: string;
	fileName: string;
	contentType: typeof CALENDAR_CONTENT_TYPE;
}

/** The event UID of one routine's reminder at one time: the same every time the file is made. */
export function reminderUid(programId: string, time: string): string {
	return `${programId}-${time.replace(':', '')}@limber`;
}

/** The download's file name for one routine's reminders. */
export function calendarFileName(programId: string): string {
	return `limber-${programId}-reminders.ics`;
}

function vtimezone(timeZone: string): string | null {
	const block = tzlib_get_ical_block(timeZone);
	const text = Array.isArray(block) ? block[0] : block;
	return text?.startsWith('BEGIN:VTIMEZONE') ? text : null;
}

/**
 * The first occurrence of a reminder time: on the first chosen day from `today` on (DTSTART must
 * itself be an occurrence) on which that local time exists. 02:30 does not exist on the day the
 * clocks go forward; started there, the whole series would move to 03:30.
 */
function firstStart(today: string, days: readonly Weekday[], minutes: number, timeZone: string) {
	const hour = Math.floor(minutes / 60);
	const minute = minutes % 60;
	let day = today;
	for (let tries = 0; tries < 30; tries++, day = addDays(day, 1)) {
		if (!days.includes(weekdayOf(day))) continue;
		const [y, m, d] = day.split('-').map(Number) as [number, number, number];
		const start = new TZDate(y, m - 1, d, hour, minute, timeZone);
		if (start.getHours() === hour && start.getMinutes() === minute) return start;
	}
	throw new RangeError(`${clockTime(minutes)} does not occur on the chosen days in ${timeZone}`);
}

/**
 * The calendar file for one routine's reminders: one recurring event per time, weekly on the
 * given days, in the given time zone. Throws a RangeError for times or days the reminder setting
 * would refuse, or a time zone without a known VTIMEZONE.
 */
export function reminderCalendar(request: CalendarRequest): CalendarFile {
	const checked = check(ReminderSchema, { times: request.times, days: request.days, on: true });
	if (!checked.ok) throw new RangeError(checked.problems.map(formatProblem).join('; '));
	const { timeZone } = request;
	if (vtimezone(timeZone) === null) throw new RangeError(`No time zone data for ${timeZone}`);
	const nowMs = toMs(request.now);
	const minutes = request.minutes ?? DEFAULT_EVENT_MINUTES;
	const locale = request.locale ?? 'en';
	const { title, url } = request;

	const today = localDay(nowMs, timeZone);
	const calendar = ical({
		name: m.reminders_calendar_name({}, { locale }),
		prodId: { company: 'Limber', product: 'Reminders', language: 'EN' },
		// No calendar-wide zone (it would write DTSTAMP in local time); each event names its own,
		// and the generator adds that zone's VTIMEZONE.
		timezone: { name: '', generator: vtimezone }
	});
	const description = m.reminders_calendar_description({ title, url }, { locale });
	const alarm = m.reminders_notice_title({ title }, { locale });
	for (const time of checked.value.times) {
		const start = firstStart(today, checked.value.days, clockMinutes(time), timeZone);
		calendar.createEvent({
			id: reminderUid(request.programId, time),
			sequence: Math.max(0, Math.floor((nowMs - SEQUENCE_EPOCH) / 60_000)),
			stamp: new Date(nowMs),
			start,
			end: new TZDate(start.getTime() + minutes * 60_000, timeZone),
			timezone: timeZone,
			summary: title,
			description,
			url: request.url,
			repeating: {
				freq: ICalEventRepeatingFreq.WEEKLY,
				byDay: checked.value.days.map((weekday) => BYDAY[weekday])
			},
			alarms: [{ type: ICalAlarmType.display, trigger: 0, description: alarm }]
		});
	}
	return {
		text: calendar.toString(),
		fileName: calendarFileName(request.programId),
		contentType: CALENDAR_CONTENT_TYPE
	};
}
