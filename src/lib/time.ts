// Small time helpers shared by the whole app (kept out of .svelte.ts files, where a Date would
// look like reactive state): the calendar-day and ISO 8601 date-time forms the app reads and
// writes, checked once, here.

/** An epoch-milliseconds time as an ISO 8601 string (UTC). */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** How many days a month has (month 1–12) in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month, 0);
	return date.getUTCDate();
}

function realDate(year: number, month: number, day: number): boolean {
	return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether a value is a real calendar day written as 'YYYY-MM-DD'. */
export function isDay(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DAY_PATTERN.exec(value);
	return match !== null && realDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An ISO 8601 date and time with a time zone (`Z` or `±hh:mm`) as epoch ms, or null when it is
 * not one or names an impossible moment (February 30th, 25 o'clock).
 */
export function parseIsoDateTime(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const match = DATE_TIME_PATTERN.exec(value);
	if (!match) return null;
	const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
	const second = match[6] === undefined ? 0 : Number(match[6]);
	const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
	if (!realDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return null;
	let offsetMinutes = 0;
	if (match[8] !== 'Z') {
		const offsetHours = Number(match[10]);
		const offsetMins = Number(match[11]);
		if (offsetHours > 23 || offsetMins > 59) return null;
		offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	const date = new Date(0);
	date.setUTCFullYear(year!, month! - 1, day!);
	date.setUTCHours(hour!, minute!, second, millis);
	return date.getTime() - offsetMinutes * 60_000;
}
