// Streaks over local calendar days: a day streak (days in a row with exercise) and a weekly
// streak (weeks in a row that met a days-per-week schedule). Days are 'YYYY-MM-DD' strings.
import { dayFromNumber, dayNumber, startOfWeekNumber, type Weekday } from './days';

export interface DayStreak {
	/** Days in a row up to today (or up to yesterday while today has no session yet). */
	current: number;
	/** The longest run of days in a row, ever (today included). */
	best: number;
	/** Whether today already has a session. */
	doneToday: boolean;
	/** The latest active day up to today, or null when there is none. */
	lastActiveDay: string | null;
}

export interface WeekStreak {
	/** Weeks in a row that met the schedule, up to this week (or last week while this one is open). */
	current: number;
	/** The longest run of weeks in a row that met the schedule. */
	best: number;
	/** The days-per-week target a week had to meet (1–7). */
	daysPerWeek: number;
	/** Active days so far this week. */
	daysThisWeek: number;
	/** Whether this week has already met the target. */
	thisWeekMet: boolean;
}

function activeDayNumbers(activeDays: Iterable<string>, todayNumber: number): Set<number> {
	const numbers = new Set<number>();
	for (const day of activeDays) {
		const value = dayNumber(day);
		// A day after today can only come from a clock that was wrong; it cannot be part of a streak.
		if (value <= todayNumber) numbers.add(value);
	}
	return numbers;
}

function longestRun(values: Set<number>, step: number): number {
	let best = 0;
	for (const value of values) {
		if (values.has(value - step)) continue; // not the start of a run
		let length = 1;
		while (values.has(value + length * step)) length++;
		if (length > best) best = length;
	}
	return best;
}

function runEndingAt(values: Set<number>, end: number, step: number): number {
	let length = 0;
	while (values.has(end - length * step)) length++;
	return length;
}

/** The current and best day streaks from the days that had at least one session. */
export function dayStreak(activeDays: Iterable<string>, today: string): DayStreak {
	const todayNumber = dayNumber(today);
	const days = activeDayNumbers(activeDays, todayNumber);
	const doneToday = days.has(todayNumber);
	// A streak is only broken once a whole day has passed without a session.
	const current = doneToday
		? runEndingAt(days, todayNumber, 1)
		: runEndingAt(days, todayNumber - 1, 1);
	let last: number | null = null;
	for (const value of days) if (last === null || value > last) last = value;
	return {
		current,
		best: longestRun(days, 1),
		doneToday,
		lastActiveDay: last === null ? null : dayFromNumber(last)
	};
}

/** The current and best streaks of weeks with at least `daysPerWeek` active days. */
export function weekStreak(
	activeDays: Iterable<string>,
	today: string,
	daysPerWeek: number,
	weekStartsOn: Weekday = 1
): WeekStreak {
	const target = Math.min(7, Math.max(1, Math.round(daysPerWeek) || 1));
	const todayNumber = dayNumber(today);
	const perWeek = new Map<number, number>();
	for (const value of activeDayNumbers(activeDays, todayNumber)) {
		const week = startOfWeekNumber(value, weekStartsOn);
		perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
	}
	const metWeeks = new Set<number>();
	for (const [week, count] of perWeek) if (count >= target) metWeeks.add(week);
	const thisWeek = startOfWeekNumber(todayNumber, weekStartsOn);
	const thisWeekMet = metWeeks.has(thisWeek);
	// Like a day streak, an unfinished week that has not met the target yet does not break it.
	const current = thisWeekMet
		? runEndingAt(metWeeks, thisWeek, 7)
		: runEndingAt(metWeeks, thisWeek - 7, 7);
	return {
		current,
		best: longestRun(metWeeks, 7),
		daysPerWeek: target,
		daysThisWeek: perWeek.get(thisWeek) ?? 0,
		thisWeekMet
	};
}
