// Everything the History page shows, from the session log in one pass: streaks, this week's
// adherence, the weekly history, the pain trend and a month's calendar marks.
import {
	addDays,
	daysOfMonth,
	defaultTimeZone,
	localDay,
	monthOf,
	type Instant,
	type Weekday
} from './days';
import { followPeriods, type FollowChoice } from './follow';
import { painPoint, painTrend, type PainPoint, type PainTrend } from './pain';
import { indexSessions, type SummarySession } from './session-index';
import { dayStreak, weekStreak, type DayStreak, type WeekStreak } from './streaks';
import {
	countByProgramDay,
	weeklyHistory,
	type ProgramDays,
	type ScheduledProgram,
	type WeekAdherence
} from './weekly';

export interface SummaryOptions {
	/** Weeks in the history, this one included (default 4). */
	weeks?: number;
	/** Days in the pain trend, today included (default 28). */
	painDays?: number;
	/** The month ('YYYY-MM') for the calendar marks (default: the month of today). */
	month?: string;
	weekStartsOn?: Weekday;
	/** The person's "Follow this routine" choices (the `follows` setting). */
	follows?: Readonly<Record<string, FollowChoice>>;
}

export interface ProgramWeekStreak extends WeekStreak {
	programId: string;
	title: string;
}

export interface HistorySummary {
	timeZone: string;
	today: string;
	/** Sessions that count (at least one exercise done), all time. */
	totalSessions: number;
	/** Day streak over all programs. */
	streak: DayStreak;
	/** Per known program with at least one counting session: weeks in a row on schedule. */
	weeklyStreaks: ProgramWeekStreak[];
	/** The week containing today (the last entry of `weeks`). */
	thisWeek: WeekAdherence;
	/** The last `weeks` weeks, oldest first. */
	weeks: WeekAdherence[];
	pain: PainTrend;
	calendar: {
		month: string;
		/** Counting sessions per day of the month; days without any are left out. */
		days: Record<string, number>;
	};
	/** Sessions left out because their start time was not a valid time. */
	invalidSessions: number;
}

/** How far ahead of the device's clock a session may have started and still count as today. */
export const CLOCK_BEHIND_MS = 2 * 86_400_000;

/**
 * Today's local day. A device clock set back after a session (by the person, or a wrong network
 * time) makes that session look as if it started in the future; rather than show it as not done
 * (a streak of 0 right after a session), a session up to CLOCK_BEHIND_MS ahead makes its day today.
 */
export function todayOf(
	now: Instant,
	sessions: readonly { startedMs: number }[],
	timeZone: string
): string {
	const nowMs = typeof now === 'number' ? now : new Date(now).getTime();
	let latest = nowMs;
	for (const entry of sessions) {
		if (entry.startedMs > latest && entry.startedMs - nowMs <= CLOCK_BEHIND_MS) {
			latest = entry.startedMs;
		}
	}
	return localDay(latest, timeZone);
}

/**
 * Summarises the session log for the History page as of `now`, in the given time zone. Takes
 * whole session records or their stored digests (see SummarySession).
 */
export function summarize(
	sessions: readonly SummarySession[],
	programs: readonly ScheduledProgram[],
	now: Instant,
	timeZone: string = defaultTimeZone(),
	options: SummaryOptions = {}
): HistorySummary {
	const weekStartsOn = options.weekStartsOn ?? 1;
	const index = indexSessions(sessions, timeZone);
	const today = todayOf(now, index.sessions, timeZone);
	const month = options.month ?? monthOf(today);
	const monthDays = new Set(daysOfMonth(month));
	const painFrom = addDays(today, -(Math.max(1, Math.floor(options.painDays ?? 28)) - 1));

	const activeDays = new Set<string>();
	const calendar: Record<string, number> = {};
	const points: PainPoint[] = [];
	let totalSessions = 0;
	for (const entry of index.sessions) {
		if (entry.day >= painFrom && entry.day <= today) {
			const point = painPoint(entry);
			if (point) points.push(point);
		}
		if (!entry.counts) continue;
		totalSessions++;
		activeDays.add(entry.day);
		if (monthDays.has(entry.day)) calendar[entry.day] = (calendar[entry.day] ?? 0) + 1;
	}

	const counts = countByProgramDay(index);
	const weeks = weeklyHistory(counts, programs, today, {
		weeks: options.weeks ?? 4,
		weekStartsOn,
		follows: options.follows
	});

	// Weekly streaks for the routines followed now, with a session to count.
	const periods = followPeriods(options.follows ?? {}, counts);
	const weeklyStreaks: ProgramWeekStreak[] = [];
	const streakIds = new Set<string>();
	for (const program of programs) {
		const days: ProgramDays | undefined = counts.get(program.id);
		const period = periods.get(program.id);
		if (!days || !program.schedule || streakIds.has(program.id)) continue;
		if (!period || (period.until !== undefined && period.until <= today)) continue;
		streakIds.add(program.id);
		weeklyStreaks.push({
			programId: program.id,
			title: program.title,
			...weekStreak(days.days.keys(), today, program.schedule.daysPerWeek, weekStartsOn)
		});
	}

	return {
		timeZone,
		today,
		totalSessions,
		streak: dayStreak(activeDays, today),
		weeklyStreaks,
		thisWeek: weeks[weeks.length - 1] as WeekAdherence,
		weeks,
		pain: painTrend(points, painFrom, today),
		calendar: { month, days: calendar },
		invalidSessions: index.invalid
	};
}
