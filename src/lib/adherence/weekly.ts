// Weekly adherence: sessions done against the sessions a program's schedule asks for, per week.
import type { Schedule } from '$lib/program/types';
import { addDays, daysBetween, startOfWeek, type Weekday } from './days';
import { followedOn, followPeriods, type FollowChoice, type FollowPeriod } from './follow';
import type { SessionIndex } from './session-index';

/** The part of a Program that adherence needs (a full Program fits). */
export interface ScheduledProgram {
	id: string;
	title: string;
	schedule?: Schedule;
}

/** Per program: its latest title and how many counting sessions each local day had. */
export interface ProgramDays {
	title: string;
	/** Start time (ms) of the session the title was taken from; the newest wins. */
	titleMs: number;
	days: Map<string, number>;
}

export type ProgramDayCounts = Map<string, ProgramDays>;

export interface ProgramWeek {
	programId: string;
	title: string;
	/** Sessions counted: per day at most `timesPerDay` (all sessions when the schedule is unknown). */
	done: number;
	/**
	 * timesPerDay × daysPerWeek, or null when the program (and so its schedule) is not known. In
	 * the week the person started following it, only the days from then count: timesPerDay ×
	 * min(daysPerWeek, days followed that week).
	 */
	expected: number | null;
	/** Every counting session that week, without the per-day cap. */
	sessions: number;
	schedule: Schedule | null;
	/** Plain words, e.g. "6 of 10 sessions this week". */
	text: string;
}

export interface WeekAdherence {
	/** First day of the week. */
	weekStart: string;
	/** Last day of the week. */
	weekEnd: string;
	perProgram: ProgramWeek[];
	/** Sum of `done` over the programs whose schedule is known. */
	totalDone: number;
	/** Sum of `expected` over the programs whose schedule is known. */
	totalExpected: number;
}

export interface WeeklyOptions {
	/** How many weeks, this one included (default 4). */
	weeks?: number;
	weekStartsOn?: Weekday;
	/**
	 * The person's "Follow this routine" choices (the `follows` setting). Routines played are
	 * followed from their first session whether or not they are here (see $lib/adherence/follow).
	 */
	follows?: Readonly<Record<string, FollowChoice>>;
}

/** Counts the sessions that count (see countsAsDone) per program and local day. */
export function countByProgramDay(index: SessionIndex): ProgramDayCounts {
	const counts: ProgramDayCounts = new Map();
	for (const entry of index.sessions) {
		if (!entry.counts) continue;
		const { programId, programTitle } = entry.session;
		let program = counts.get(programId);
		if (!program) {
			program = { title: programTitle, titleMs: entry.startedMs, days: new Map() };
			counts.set(programId, program);
		} else if (entry.startedMs > program.titleMs) {
			program.title = programTitle;
			program.titleMs = entry.startedMs;
		}
		program.days.set(entry.day, (program.days.get(entry.day) ?? 0) + 1);
	}
	return counts;
}

/** A schedule that can be measured against (whole numbers, 1–7 days a week), or null. */
export function validSchedule(schedule: Schedule | undefined): Schedule | null {
	if (!schedule) return null;
	const { timesPerDay, daysPerWeek } = schedule;
	if (!Number.isInteger(timesPerDay) || timesPerDay < 1) return null;
	if (!Number.isInteger(daysPerWeek) || daysPerWeek < 1 || daysPerWeek > 7) return null;
	return { timesPerDay, daysPerWeek };
}

/**
 * How many of one day's counting sessions count towards a schedule: at most `timesPerDay` (every
 * one when the schedule is not known). History and Today both count a day this way.
 */
export function cappedDayCount(count: number, schedule: Schedule | null): number {
	return schedule ? Math.min(count, schedule.timesPerDay) : count;
}

function plural(count: number, noun: string): string {
	return count === 1 ? noun : `${noun}s`;
}

/** Plain words for one program's week, e.g. "6 of 10 sessions this week". */
export function adherenceText(done: number, expected: number | null, when: string): string {
	if (expected === null) return `${done} ${plural(done, 'session')} ${when}`;
	if (done > expected) return `${done} ${plural(done, 'session')} ${when} (${expected} planned)`;
	return `${done} of ${expected} ${plural(expected, 'session')} ${when}`;
}

function whenText(weekStart: string, thisWeekStart: string): string {
	const weeksAgo = Math.round(daysBetween(weekStart, thisWeekStart) / 7);
	if (weeksAgo === 0) return 'this week';
	if (weeksAgo === 1) return 'last week';
	return `in the week starting ${weekStart}`;
}

/** Which routines a period's report covers: those followed on at least one of its days. */
export function programsInPeriod(
	periods: ReadonlyMap<string, FollowPeriod>,
	from: string,
	to: string
): Set<string> {
	const ids = new Set<string>();
	for (const [programId, period] of periods) {
		if (period.since <= to && (!period.until || period.until > from)) ids.add(programId);
	}
	return ids;
}

function orderPrograms(
	ids: Set<string>,
	programs: readonly ScheduledProgram[],
	counts: ProgramDayCounts
): { id: string; title: string; schedule: Schedule | null }[] {
	const ordered: { id: string; title: string; schedule: Schedule | null }[] = [];
	const seen = new Set<string>();
	for (const program of programs) {
		if (!ids.has(program.id) || seen.has(program.id)) continue;
		seen.add(program.id);
		ordered.push({
			id: program.id,
			title: program.title,
			schedule: validSchedule(program.schedule)
		});
	}
	const unknown: { id: string; title: string; schedule: null }[] = [];
	for (const id of ids) {
		if (!seen.has(id)) unknown.push({ id, title: counts.get(id)?.title ?? id, schedule: null });
	}
	unknown.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
	return ordered.concat(unknown);
}

/** Adherence for the week starting `weekStart`, for the given programs (in report order). */
function weekFor(
	weekStart: string,
	thisWeekStart: string,
	report: { id: string; title: string; schedule: Schedule | null }[],
	counts: ProgramDayCounts,
	periods: ReadonlyMap<string, FollowPeriod>
): WeekAdherence {
	const days: string[] = [];
	for (let offset = 0; offset < 7; offset++) days.push(addDays(weekStart, offset));
	const when = whenText(weekStart, thisWeekStart);
	const perProgram: ProgramWeek[] = [];
	let totalDone = 0;
	let totalExpected = 0;
	for (const program of report) {
		const period = periods.get(program.id);
		const followedDays = days.filter((day) => followedOn(period, day)).length;
		// Not followed at all that week (before they started, or after they stopped).
		if (followedDays === 0) continue;
		const perDay = counts.get(program.id)?.days;
		let done = 0;
		let sessions = 0;
		for (const day of days) {
			const count = perDay?.get(day) ?? 0;
			sessions += count;
			done += cappedDayCount(count, program.schedule);
		}
		const expected = program.schedule
			? program.schedule.timesPerDay * Math.min(program.schedule.daysPerWeek, followedDays)
			: null;
		if (expected !== null) {
			totalDone += done;
			totalExpected += expected;
		}
		perProgram.push({
			programId: program.id,
			title: program.title,
			done,
			expected,
			sessions,
			schedule: program.schedule,
			text: adherenceText(done, expected, when)
		});
	}
	return { weekStart, weekEnd: days[6] ?? weekStart, perProgram, totalDone, totalExpected };
}

/** Adherence for the last `weeks` weeks (oldest first; the last one is the week containing today). */
export function weeklyHistory(
	counts: ProgramDayCounts,
	programs: readonly ScheduledProgram[],
	today: string,
	options: WeeklyOptions = {}
): WeekAdherence[] {
	const weekCount = Math.max(1, Math.floor(options.weeks ?? 4));
	const thisWeekStart = startOfWeek(today, options.weekStartsOn ?? 1);
	const firstWeekStart = addDays(thisWeekStart, -7 * (weekCount - 1));
	const periods = followPeriods(options.follows ?? {}, counts);
	const ids = programsInPeriod(periods, firstWeekStart, addDays(thisWeekStart, 6));
	const report = orderPrograms(ids, programs, counts);
	const history: WeekAdherence[] = [];
	for (let week = 0; week < weekCount; week++) {
		history.push(
			weekFor(addDays(firstWeekStart, 7 * week), thisWeekStart, report, counts, periods)
		);
	}
	return history;
}

/** Adherence for the week containing today; programs are those of the last `weeks` weeks. */
export function thisWeekAdherence(
	counts: ProgramDayCounts,
	programs: readonly ScheduledProgram[],
	today: string,
	options: WeeklyOptions = {}
): WeekAdherence {
	const history = weeklyHistory(counts, programs, today, options);
	// weeklyHistory always returns at least one week; the last is this one.
	return history[history.length - 1] as WeekAdherence;
}
