// Reminder times and days for one routine: the defaults drawn from its schedule, the stored
// setting's schema, and the slots they cut a day into (which slot a moment is in, and whether the
// routine was already done in it). Pure: no clock, no storage; times are local wall-clock
// "HH:MM" strings, days ISO weekdays (1 = Monday … 7 = Sunday). See docs/reminders.md.
import * as v from 'valibot';
import {
	addDays,
	defaultTimeZone,
	localDay,
	toMs,
	weekdayOf,
	zonedInstant,
	type Instant,
	type Weekday
} from '$lib/adherence/days';
import type { Schedule } from '$lib/program/types';
import { bool, check, list, map, record } from '$lib/validation/schemas';
import type { Problem } from '$lib/validation/problems';

/** Most reminder times a routine can have (the format's largest timesPerDay). */
export const MAX_REMINDER_TIMES = 10;

/** Most routines with a stored reminder setting (as many as the `follows` setting allows). */
export const MAX_REMINDER_ROUTINES = 1000;

/** Where default times are spread: from 08:00 to 20:00, on quarter hours. */
export const DEFAULT_FIRST_MINUTE = 8 * 60;
export const DEFAULT_LAST_MINUTE = 20 * 60;
const ROUND_TO_MINUTES = 15;

/** Times of day people already keep (breakfast, lunch, evening) for one to three a day. */
const FIXED_TIMES: Readonly<Record<number, readonly string[]>> = {
	1: ['08:00'],
	2: ['08:00', '19:00'],
	3: ['08:00', '13:00', '19:00']
};

/** Default days for each days-per-week: spread with gaps, weekdays first. */
const DEFAULT_DAYS: Readonly<Record<number, readonly Weekday[]>> = {
	1: [1],
	2: [1, 4],
	3: [1, 3, 5],
	4: [1, 2, 4, 5],
	5: [1, 2, 3, 4, 5],
	6: [1, 2, 3, 4, 5, 6],
	7: [1, 2, 3, 4, 5, 6, 7]
};

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a value is a time of day written "HH:MM" (24-hour, 00:00–23:59). */
export function isClockTime(value: unknown): value is string {
	return typeof value === 'string' && CLOCK_PATTERN.test(value);
}

/**
 * A weekday's name in a language, from Intl ("Monday", "Montag", "lunes", "lundi": Spanish and
 * French write them in lower case, as inside a sentence).
 */
export function weekdayName(day: Weekday, locale: string = 'en'): string {
	// 1 January 2024 was a Monday.
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
		Date.UTC(2024, 0, day)
	);
}

/** Minutes since midnight of a time of day written "HH:MM"; throws on anything else. */
export function clockMinutes(time: string): number {
	const match = CLOCK_PATTERN.exec(time);
	if (!match) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
	return Number(match[1]) * 60 + Number(match[2]);
}

/** A number of minutes since midnight (0–1439) written "HH:MM". */
export function clockTime(minutes: number): string {
	if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
		throw new RangeError(`Not a minute of the day: ${minutes}`);
	}
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Default reminder times for a number of sessions a day: 08:00 for one; 08:00 and 19:00 for two;
 * 08:00, 13:00 and 19:00 for three; four to ten spread evenly from 08:00 to 20:00, each rounded
 * to the nearest quarter hour.
 */
export function defaultReminderTimes(timesPerDay: number): string[] {
	if (!Number.isInteger(timesPerDay) || timesPerDay < 1 || timesPerDay > MAX_REMINDER_TIMES) {
		throw new RangeError(`timesPerDay must be a whole number from 1 to ${MAX_REMINDER_TIMES}`);
	}
	const fixed = FIXED_TIMES[timesPerDay];
	if (fixed) return [...fixed];
	const step = (DEFAULT_LAST_MINUTE - DEFAULT_FIRST_MINUTE) / (timesPerDay - 1);
	const times: string[] = [];
	for (let i = 0; i < timesPerDay; i++) {
		const exact = DEFAULT_FIRST_MINUTE + i * step;
		times.push(clockTime(Math.round(exact / ROUND_TO_MINUTES) * ROUND_TO_MINUTES));
	}
	return times;
}

/**
 * Default reminder days for a number of days a week: every day for 7; Monday, Wednesday, Friday
 * for 3; Monday to Friday for 5 (the whole table is in docs/reminders.md).
 */
export function defaultReminderDays(daysPerWeek: number): Weekday[] {
	const days = DEFAULT_DAYS[daysPerWeek];
	if (!Number.isInteger(daysPerWeek) || !days) {
		throw new RangeError('daysPerWeek must be a whole number from 1 to 7');
	}
	return [...days];
}

/** The reminder setting of one routine: its times, its days, and whether it is on. */
export interface ReminderSetting {
	/** Local times of day, "HH:MM", earliest first. */
	times: string[];
	/** ISO weekdays (1 = Monday … 7 = Sunday), each once, in order. */
	days: Weekday[];
	/** Whether the app reminds (notifications); the calendar file is the person's own act. */
	on: boolean;
}

/** The setting a routine starts with: default times and days from its schedule, turned off. */
export function defaultReminder(schedule: Schedule): ReminderSetting {
	return {
		times: defaultReminderTimes(Math.min(schedule.timesPerDay, MAX_REMINDER_TIMES)),
		days: defaultReminderDays(schedule.daysPerWeek),
		on: false
	};
}

const clock = () =>
	v.custom<string>(isClockTime, 'must be a time of day written HH:MM (00:00 to 23:59)');

const weekday = () =>
	v.custom<Weekday>(
		(input) => typeof input === 'number' && Number.isInteger(input) && input >= 1 && input <= 7,
		'must be a day of the week from 1 (Monday) to 7 (Sunday)'
	);

/** Each entry after the first must be greater than the one before (so: sorted, no repeats). */
function ascending<T extends string | number>(message: string) {
	return v.rawCheck<T[]>(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const items = dataset.value;
		for (let i = 1; i < items.length; i++) {
			if (items[i]! > items[i - 1]!) continue;
			addIssue({
				message,
				path: [{ type: 'array', origin: 'value', input: items, key: i, value: items[i] }]
			});
		}
	});
}

function notEmpty<T>(what: string) {
	return v.check<T[], string>((items) => items.length > 0, `must list at least one ${what}`);
}

/** The stored reminder setting of one routine (see ReminderSetting). */
export const ReminderSchema = record({
	times: v.pipe(
		list(clock(), MAX_REMINDER_TIMES),
		notEmpty<string>('time'),
		ascending<string>('must be later than the time before it')
	),
	days: v.pipe(
		list(weekday(), 7),
		notEmpty<Weekday>('day'),
		ascending<Weekday>('must come after the day before it (each day once, Monday first)')
	),
	on: bool()
});

/** The stored reminder settings of every routine that has one, by program id. */
export const RemindersSchema = map(ReminderSchema, {
	max: MAX_REMINDER_ROUTINES,
	what: 'programs'
});

/** The problems of a stored reminders setting (under the path `prefix`); none when it is fine. */
export function reminderProblems(value: unknown, prefix = 'reminders'): Problem[] {
	const result = check(RemindersSchema, value, prefix);
	return result.ok ? [] : result.problems;
}

/**
 * The slot a moment is in: slot i runs from times[i] up to times[i + 1], the last one to the end
 * of the day (counting starts afresh at midnight). -1 before the first time of the day.
 */
export function slotAt(times: readonly string[], minuteOfDay: number): number {
	let slot = -1;
	times.forEach((time, i) => {
		if (clockMinutes(time) <= minuteOfDay) slot = i;
	});
	return slot;
}

/** What is known about today for a routine, to tell whether a slot is done. */
export interface DayProgress {
	/** Today's counting sessions, capped at timesPerDay (as History counts them). */
	count: number;
	/** Local minute of the day at which each of today's counting sessions started. */
	startedAt: readonly number[];
}

/**
 * Whether slot `slot` (0-based) is done: a counting session started within it, or the day already
 * has as many sessions as the slot's number (slot 0 needs one, slot 2 three). A session done early
 * thus covers the first open slot, and one done late (13:10 for the 13:00 slot) covers its own.
 */
export function slotDone(times: readonly string[], slot: number, progress: DayProgress): boolean {
	if (slot < 0 || slot >= times.length) return false;
	if (progress.count >= slot + 1) return true;
	const from = clockMinutes(times[slot]!);
	const next = times[slot + 1];
	const to = next === undefined ? 24 * 60 : clockMinutes(next);
	return progress.startedAt.some((minute) => minute >= from && minute < to);
}

/**
 * When the next reminder of a setting comes after `now` (ms), on or off: the first of its times
 * on its days, read as local times in the zone (so 08:00 stays 08:00 across a daylight-saving
 * change). For arming a timer; whether to show it is decided when it fires (see reminderSlotNow
 * in due.ts). Null when the setting has no times or no days.
 */
export function nextReminderAt(
	setting: Pick<ReminderSetting, 'times' | 'days'>,
	now: Instant,
	timeZone: string = defaultTimeZone()
): number | null {
	const nowMs = toMs(now);
	const today = localDay(nowMs, timeZone);
	const minutes = setting.times.map(clockMinutes).sort((a, b) => a - b);
	// Today's remaining times, the six days after, and today's weekday again a week on.
	for (let offset = 0; offset <= 7; offset++) {
		const day = addDays(today, offset);
		if (!setting.days.includes(weekdayOf(day))) continue;
		for (const minute of minutes) {
			const at = zonedInstant(day, minute, timeZone);
			if (at > nowMs) return at;
		}
	}
	return null;
}
