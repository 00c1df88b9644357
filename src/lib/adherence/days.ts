// Local calendar days as 'YYYY-MM-DD' strings and calendar arithmetic on them.
// An instant becomes a day only through Intl.DateTimeFormat in an explicit IANA time zone;
// after that, every step (next day, start of week, difference) is plain calendar arithmetic on
// the date itself, so daylight-saving changes cannot shift a day. Nothing here reads a clock.
import { daysInMonth, isDay } from '../time';

export { isDay };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** An instant: an ISO 8601 string, milliseconds since the epoch, or a Date. */
export type Instant = string | number | Date;

const MS_PER_DAY = 86_400_000;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		// Throws a RangeError for a zone the runtime does not know, which is what we want.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			calendar: 'gregory',
			numberingSystem: 'latn',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The zone's wall-clock time at `ms`, written as if it were UTC (so wall − ms is the offset). */
function wallClock(ms: number, timeZone: string): number {
	const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
	for (const part of formatterFor(timeZone).formatToParts(ms)) {
		if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
	}
	const date = new Date(0);
	date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
	date.setUTCHours(fields.hour % 24, fields.minute, fields.second);
	return date.getTime();
}

/** The zone's offset from UTC at `ms`, in milliseconds (east of Greenwich is positive). */
function offsetAt(ms: number, timeZone: string): number {
	return wallClock(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

// Offsets at the start of each UTC day, per zone: Intl is slow, and a zone's offset changes at
// most a few times a year, so most instants can reuse the offset of the UTC day they fall in.
const dayOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 200_000;

function offsetAtDayStart(utcDay: number, timeZone: string): number {
	let offsets = dayOffsets.get(timeZone);
	if (!offsets) {
		offsets = new Map();
		dayOffsets.set(timeZone, offsets);
	}
	let offset = offsets.get(utcDay);
	if (offset === undefined) {
		if (offsets.size >= MAX_CACHED_DAYS) offsets.clear();
		offset = offsetAt(utcDay * MS_PER_DAY, timeZone);
		offsets.set(utcDay, offset);
	}
	return offset;
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

/** The runtime's own IANA time zone, used when a caller gives none. */
export function defaultTimeZone(): string {
	return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Milliseconds since the epoch for an instant; throws a RangeError when it is not a valid time. */
export function toMs(instant: Instant): number {
	const ms =
		typeof instant === 'number'
			? instant
			: instant instanceof Date
				? instant.getTime()
				: Date.parse(instant);
	if (!Number.isFinite(ms)) throw new RangeError(`Not a valid time: ${String(instant)}`);
	return ms;
}

/** The local calendar day of an instant as days since 1970-01-01 (see dayNumber). */
export function localDayNumber(instant: Instant, timeZone: string = defaultTimeZone()): number {
	const ms = toMs(instant);
	const utcDay = Math.floor(ms / MS_PER_DAY);
	const start = offsetAtDayStart(utcDay, timeZone);
	// No zone changes its offset twice within a day, so equal offsets at both ends of this UTC
	// day mean the offset held all day; otherwise (a change that day) ask Intl for this instant.
	const offset = start === offsetAtDayStart(utcDay + 1, timeZone) ? start : offsetAt(ms, timeZone);
	return Math.floor((ms + offset) / MS_PER_DAY);
}

/** The local calendar day ('YYYY-MM-DD') of an instant in an IANA time zone. */
export function localDay(instant: Instant, timeZone: string = defaultTimeZone()): string {
	return dayFromNumber(localDayNumber(instant, timeZone));
}

/** The local calendar day of an instant, read from Intl directly (the reference for localDay). */
export function localDayUncached(instant: Instant, timeZone: string = defaultTimeZone()): string {
	const ms = toMs(instant);
	return dayFromNumber(Math.floor(wallClock(ms, timeZone) / MS_PER_DAY));
}

/** The local calendar day of an instant, or null when the instant is not a valid time. */
export function tryLocalDay(instant: Instant, timeZone: string = defaultTimeZone()): string | null {
	try {
		return localDay(instant, timeZone);
	} catch (error) {
		// An unknown time zone is the caller's mistake and must not be hidden.
		if (error instanceof RangeError && error.message.startsWith('Not a valid time')) return null;
		throw error;
	}
}

/** Minutes since local midnight (wall clock, 0–1439) of an instant in an IANA time zone. */
export function localMinuteOfDay(instant: Instant, timeZone: string = defaultTimeZone()): number {
	const wall = wallClock(toMs(instant), timeZone);
	return Math.floor((((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
}

/**
 * The instant (ms) at which a local wall-clock time (minutes since midnight) occurs on a day in an
 * IANA time zone. A time the clocks skip (02:30 when they go forward at 02:00) comes out as the
 * instant after the change the same number of minutes on (03:30); a time that occurs twice when
 * they go back, as its later occurrence.
 */
export function zonedInstant(
	day: string,
	minuteOfDay: number,
	timeZone: string = defaultTimeZone()
): number {
	if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= 24 * 60) {
		throw new RangeError(`Not a minute of the day: ${minuteOfDay}`);
	}
	const wall = dayNumber(day) * MS_PER_DAY + minuteOfDay * 60_000;
	// The offsets in force a day before and a day after (a zone changes at most once in between):
	// the instant is the wall time read with one of them, whichever reads back as that wall time.
	const before = wall - offsetAt(wall - MS_PER_DAY, timeZone);
	const after = wall - offsetAt(wall + MS_PER_DAY, timeZone);
	const valid = [before, after].filter((ms) => wallClock(ms, timeZone) === wall);
	// Neither: the clocks skipped that time; read with the offset before the change it lands the
	// skipped minutes after the change.
	return valid.length > 0 ? Math.max(...valid) : before;
}

/** A day as a whole number of days since 1970-01-01 (for cheap comparisons and sets). */
export function dayNumber(day: string): number {
	if (!isDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
	const date = new Date(0);
	date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)));
	return Math.round(date.getTime() / MS_PER_DAY);
}

/** The day for a number of days since 1970-01-01 (the inverse of dayNumber). */
export function dayFromNumber(value: number): string {
	if (!Number.isInteger(value)) throw new RangeError(`Not a whole day number: ${value}`);
	const date = new Date(value * MS_PER_DAY);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The day `count` calendar days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
	if (!Number.isInteger(count)) throw new RangeError(`Not a whole number of days: ${count}`);
	return dayFromNumber(dayNumber(day) + count);
}

/** How many calendar days `to` is after `from` (negative when it is before). */
export function daysBetween(from: string, to: string): number {
	return dayNumber(to) - dayNumber(from);
}

/** The ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): Weekday {
	return weekdayOfNumber(dayNumber(day));
}

/** The ISO weekday of a day number (see dayNumber). */
export function weekdayOfNumber(value: number): Weekday {
	// 1970-01-01 was a Thursday (ISO weekday 4).
	return (((((value + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The first day of the week containing `day`; weeks start on `weekStartsOn` (Monday by default). */
export function startOfWeek(day: string, weekStartsOn: Weekday = 1): string {
	return dayFromNumber(startOfWeekNumber(dayNumber(day), weekStartsOn));
}

/** startOfWeek for day numbers (see dayNumber). */
export function startOfWeekNumber(value: number, weekStartsOn: Weekday = 1): number {
	return value - ((weekdayOfNumber(value) - weekStartsOn + 7) % 7);
}

/** The month ('YYYY-MM') a day belongs to. */
export function monthOf(day: string): string {
	if (!isDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
	return day.slice(0, 7);
}

/** Every day of a month ('YYYY-MM'), in order, for drawing a calendar. */
export function daysOfMonth(month: string): string[] {
	const match = MONTH_PATTERN.exec(month);
	const monthIndex = match ? Number(match[2]) : 0;
	if (!match || monthIndex < 1 || monthIndex > 12) {
		throw new RangeError(`Not a month (YYYY-MM): ${month}`);
	}
	const count = daysInMonth(Number(match[1]), monthIndex);
	const days: string[] = [];
	for (let day = 1; day <= count; day++) days.push(`${month}-${pad(day, 2)}`);
	return days;
}

/** Milliseconds from `now` to the start of the next local day (in the runtime's own zone), at least 1. */
export function msUntilNextLocalDay(now: number): number {
	const date = new Date(now);
	const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
	return Math.max(1, next - now);
}
