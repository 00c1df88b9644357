// What today asks of each routine the person follows, and what is done: "1 of 3 today", "done
// today", "rest day". Counted exactly as History counts (the same local days, the same sessions
// that count, the same per-day cap, the same week and follow rule): every figure comes from the
// functions in $lib/adherence. Also which routine the big Start button starts. Pure: `now` and the
// time zone come in. See docs/reminders.md.
import {
	defaultTimeZone,
	localMinuteOfDay,
	weekdayOf,
	type Instant,
	type Weekday
} from '$lib/adherence/days';
import { followedOn, followPeriods, type FollowChoice } from '$lib/adherence/follow';
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import { indexSessions, type SummarySession } from '$lib/adherence/session-index';
import { todayOf } from '$lib/adherence/summarize';
import {
	cappedDayCount,
	countByProgramDay,
	thisWeekAdherence,
	validSchedule,
	type ProgramDayCounts,
	type ScheduledProgram
} from '$lib/adherence/weekly';
import {
	clockMinutes,
	defaultReminderTimes,
	MAX_REMINDER_TIMES,
	slotAt,
	slotDone,
	type DayProgress,
	type ReminderSetting
} from './times';

/**
 * - `due`: today asks for more (`done` of `of`);
 * - `done`: today's sessions are done (`done` = `of`);
 * - `rest-day`: not done today, but the week's sessions were already met on the days before
 *   today (a 3-days-a-week routine done Monday to Wednesday rests from Thursday).
 */
export type DueKind = 'due' | 'done' | 'rest-day';

export interface DueToday {
	programId: string;
	title: string;
	/** Today's local day (YYYY-MM-DD), as History reads it. */
	day: string;
	kind: DueKind;
	/** Today's counting sessions, at most `of` (the per-day cap). */
	done: number;
	/** Sessions a day the schedule asks for (timesPerDay). */
	of: number;
	/** Today's counting sessions without the cap. */
	sessions: number;
	/** This week as History shows it (today included): capped sessions done, and expected. */
	week: { done: number; expected: number };
	/** Today's count and the local minute each counting session started, for the slots. */
	progress: DayProgress;
	/** Plain words: "1 of 3 today", "done today", "rest day". */
	text: string;
}

export interface TodayOptions {
	/** IANA time zone (default: the runtime's). */
	timeZone?: string;
	weekStartsOn?: Weekday;
	/** The language of the words (`text`): English unless told. */
	locale?: Locale;
}

/** The day's figures worked out once from the log, for one or many routines. */
interface TodayContext {
	timeZone: string;
	today: string;
	counts: ProgramDayCounts;
	index: ReturnType<typeof indexSessions>;
}

function prepare(
	sessions: readonly SummarySession[],
	now: Instant,
	timeZone: string
): TodayContext {
	const index = indexSessions(sessions, timeZone);
	// The same "today" as History, including its allowance for a clock set back.
	const today = todayOf(now, index.sessions, timeZone);
	return { timeZone, today, counts: countByProgramDay(index), index };
}

/** "1 of 3 today", "done today", "rest day", in `locale`. */
export function dueText(kind: DueKind, done: number, of: number, locale: Locale = 'en'): string {
	if (kind === 'done') return m.reminders_due_done({}, { locale });
	if (kind === 'rest-day') return m.reminders_due_rest({}, { locale });
	return m.reminders_due_count({ done, of }, { locale });
}

function dueIn(
	program: ScheduledProgram,
	follows: Readonly<Record<string, FollowChoice>>,
	context: TodayContext,
	weekStartsOn: Weekday,
	locale: Locale = 'en'
): DueToday | null {
	const schedule = validSchedule(program.schedule);
	if (!schedule) return null;
	const { today, counts } = context;
	// Only this routine's days: the follow rule and the week are worked out for it alone.
	const own: ProgramDayCounts = new Map();
	const days = counts.get(program.id);
	if (days) own.set(program.id, days);
	const choice = Object.hasOwn(follows, program.id) ? follows[program.id] : undefined;
	const ownFollows = choice ? { [program.id]: choice } : {};
	if (!followedOn(followPeriods(ownFollows, own).get(program.id), today)) return null;

	const week = thisWeekAdherence(own, [program], today, {
		weeks: 1,
		weekStartsOn,
		follows: ownFollows
	}).perProgram.find((entry) => entry.programId === program.id);
	if (!week || week.expected === null) return null;

	const sessions = days?.days.get(today) ?? 0;
	const done = cappedDayCount(sessions, schedule);
	const of = schedule.timesPerDay;
	const kind: DueKind =
		done >= of ? 'done' : week.done - done >= week.expected ? 'rest-day' : 'due';
	const startedAt: number[] = [];
	for (const entry of context.index.sessions) {
		if (entry.counts && entry.day === today && entry.session.programId === program.id) {
			startedAt.push(localMinuteOfDay(entry.startedMs, context.timeZone));
		}
	}
	return {
		programId: program.id,
		title: program.title,
		day: today,
		kind,
		done,
		of,
		sessions,
		week: { done: week.done, expected: week.expected },
		progress: { count: done, startedAt },
		text: dueText(kind, done, of, locale)
	};
}

/**
 * What today asks of one routine and what is done, or null when the routine is not followed
 * today (or has no usable schedule). `follow` is the routine's entry of the `follows` setting;
 * a routine played is followed from its first session whether or not it has one.
 */
export function dueToday(
	program: ScheduledProgram,
	sessions: readonly SummarySession[],
	follow: FollowChoice | undefined,
	now: Instant,
	options: TodayOptions = {}
): DueToday | null {
	const context = prepare(sessions, now, options.timeZone ?? defaultTimeZone());
	return dueIn(
		program,
		follow ? { [program.id]: follow } : {},
		context,
		options.weekStartsOn ?? 1,
		options.locale
	);
}

/** Today for every routine followed today, in the order of `programs` (the log read once). */
export function todayList(
	programs: readonly ScheduledProgram[],
	sessions: readonly SummarySession[],
	follows: Readonly<Record<string, FollowChoice>>,
	now: Instant,
	options: TodayOptions = {}
): DueToday[] {
	const context = prepare(sessions, now, options.timeZone ?? defaultTimeZone());
	const list: DueToday[] = [];
	const seen = new Set<string>();
	for (const program of programs) {
		if (seen.has(program.id)) continue;
		seen.add(program.id);
		const due = dueIn(program, follows, context, options.weekStartsOn ?? 1, options.locale);
		if (due) list.push(due);
	}
	return list;
}

/** A routine's reminder times: its own setting's, else the defaults for its timesPerDay. */
export function reminderTimesOf(
	due: Pick<DueToday, 'programId' | 'of'>,
	reminders: Readonly<Record<string, Pick<ReminderSetting, 'times'>>>
): readonly string[] {
	const own = Object.hasOwn(reminders, due.programId) ? reminders[due.programId] : undefined;
	return own && own.times.length > 0
		? own.times
		: defaultReminderTimes(Math.min(due.of, MAX_REMINDER_TIMES));
}

/**
 * The start (local minute) of the slot a due routine waits on: the slot `minute` is in when it is
 * not done yet, else the next slot today that is not done; null when no slot is open from now on.
 */
export function openSlotStart(
	times: readonly string[],
	progress: DayProgress,
	minute: number
): number | null {
	const current = slotAt(times, minute);
	if (current >= 0 && !slotDone(times, current, progress)) return clockMinutes(times[current]!);
	for (let slot = current + 1; slot < times.length; slot++) {
		if (!slotDone(times, slot, progress)) return clockMinutes(times[slot]!);
	}
	return null;
}

/**
 * Which routine the big Start button starts: of the routines due today (not done, not resting),
 * the one whose open slot started first (the one waiting longest; before the day's first reminder,
 * the one whose first reminder comes first). A due routine with no open slot left today comes
 * after those with one. Ties go to the earlier routine in `items` (the library's order). Null
 * when nothing is due.
 */
export function nextDue(
	items: readonly DueToday[],
	reminders: Readonly<Record<string, Pick<ReminderSetting, 'times'>>>,
	now: Instant,
	timeZone: string = defaultTimeZone()
): DueToday | null {
	const minute = localMinuteOfDay(now, timeZone);
	let best: DueToday | null = null;
	let bestKey = Infinity;
	for (const item of items) {
		if (item.kind !== 'due') continue;
		const key = openSlotStart(reminderTimesOf(item, reminders), item.progress, minute) ?? Infinity;
		if (best === null || key < bestKey) {
			best = item;
			bestKey = key;
		}
	}
	return best;
}

/**
 * The reminder to show for a routine at `now`, if any: the slot `now` is in (its index), when the
 * reminder is on, today is one of its days, the routine is due and that slot is not done yet.
 * "Never nag": a routine done in that slot, done today or resting shows none.
 */
export function reminderSlotNow(
	item: DueToday,
	setting: ReminderSetting,
	now: Instant,
	timeZone: string = defaultTimeZone()
): number | null {
	if (!setting.on || item.kind !== 'due' || !setting.days.includes(weekdayOf(item.day))) {
		return null;
	}
	const slot = slotAt(setting.times, localMinuteOfDay(now, timeZone));
	if (slot < 0 || slotDone(setting.times, slot, item.progress)) return null;
	return slot;
}
