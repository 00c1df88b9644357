// Which reminder notifications to show, and when to look again. The page's reminder timer asks
// `remindersDue` when it fires and `nextReminderCheck` to re-arm; it also stores a
// `reminderPlan` (what would be shown over the coming days if nothing else is done) so that the
// service worker, woken by Periodic Background Sync with no page open, can show a reminder that
// was missed without reading the session log (`missedReminders`, in ./notice-text). Pure: `now`
// and the time zone come in. See docs/reminders.md, "Notifications".
import {
	addDays,
	defaultTimeZone,
	localDay,
	toMs,
	zonedInstant,
	type Instant
} from '$lib/adherence/days';
import type { FollowChoice } from '$lib/adherence/follow';
import { countsAsDone, type SummarySession } from '$lib/adherence/session-index';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import * as v from 'valibot';
import { list, number, record, text } from '$lib/validation/schemas';
import { reminderSlotNow, todayList, type TodayOptions } from './due';
import { MAX_SHOWN, noticeTag, type ReminderNotice } from './notice-text';
import { isClockTime, nextReminderAt, type ReminderSetting } from './times';

export type { ReminderNotice } from './notice-text';

/**
 * A slot that opens less than this after a session of the routine ended (or while one was going
 * on) is not announced: the person has just done it (a session 12:55–13:08 covers 13:00).
 */
export const QUIET_AFTER_SESSION_MS = 30 * 60 * 1000;

/** A session as the reminders read it: History's digest (its length, to know when it ended). */
export type ReminderSession = SummarySession & { durationSeconds?: number };

/** When the last counting session of each routine ended (ms), from the log. */
function lastEnds(sessions: readonly ReminderSession[]): Map<string, number> {
	const ends = new Map<string, number>();
	for (const session of sessions) {
		const started = Date.parse(session.startedAt);
		if (!countsAsDone(session) || !Number.isFinite(started)) continue;
		const end = started + Math.max(0, session.durationSeconds ?? 0) * 1000;
		if (end > (ends.get(session.programId) ?? -Infinity)) ends.set(session.programId, end);
	}
	return ends;
}

/** How far ahead the stored plan reaches (the service worker's missed reminders). */
export const PLAN_DAYS = 7;

/** Most entries a plan keeps (10 times a day for 7 days for a few routines). */
export const MAX_PLAN_ENTRIES = 300;

/** A stored plan entry (the device-only `reminderPlan` setting). */
export const ReminderNoticeSchema = record({
	tag: text(1, 1200),
	programId: text(1, 500),
	title: text(1, 500),
	time: v.custom<string>(isClockTime, 'must be a time of day written HH:MM'),
	progress: text(1, 200),
	done: v.optional(number(0, 1000)),
	of: v.optional(number(1, 1000)),
	url: text(1, 2000),
	at: number(0, 8.64e15),
	until: number(0, 8.64e15)
});

/** The `reminderPlan` setting: what the service worker may show as missed. */
export const ReminderPlanSchema = list(ReminderNoticeSchema, MAX_PLAN_ENTRIES);

/** The `remindersShown` setting: tags of the reminders already shown on this device. */
export const RemindersShownSchema = list(text(1, 1200), MAX_SHOWN);

type Reminders = Readonly<Record<string, ReminderSetting>>;

function setting(reminders: Reminders, programId: string): ReminderSetting | undefined {
	return Object.hasOwn(reminders, programId) ? reminders[programId] : undefined;
}

/** When the slot that opened at `at` closes: the setting's next time that day, or midnight. */
function slotEnd(remind: ReminderSetting, at: number, timeZone: string): number {
	const midnight = zonedInstant(addDays(localDay(at, timeZone), 1), 0, timeZone);
	const next = nextReminderAt(remind, at, timeZone);
	return next === null ? midnight : Math.min(next, midnight);
}

/**
 * The reminders to show at `now`: one per routine whose reminder is on, whose day it is, that is
 * due today and whose current slot is not done (`reminderSlotNow`: never nag). `url` gives each
 * routine's page address.
 */
export function remindersDue(
	programs: readonly ScheduledProgram[],
	sessions: readonly ReminderSession[],
	follows: Readonly<Record<string, FollowChoice>>,
	reminders: Reminders,
	now: Instant,
	url: (programId: string) => string,
	options: TodayOptions = {}
): ReminderNotice[] {
	const timeZone = options.timeZone ?? defaultTimeZone();
	const withReminder = programs.filter((program) => setting(reminders, program.id)?.on);
	if (withReminder.length === 0) return [];
	const nowMs = toMs(now);
	const ids = new Set(withReminder.map((program) => program.id));
	const own = sessions.filter((session) => ids.has(session.programId));
	const ends = lastEnds(own);
	const notices: ReminderNotice[] = [];
	for (const item of todayList(withReminder, own, follows, nowMs, { ...options, timeZone })) {
		const remind = setting(reminders, item.programId)!;
		const slot = reminderSlotNow(item, remind, nowMs, timeZone);
		if (slot === null) continue;
		const time = remind.times[slot]!;
		// The slot opened at its time today: the last reminder instant at or before now.
		const at = openedAt(remind, nowMs, timeZone);
		if ((ends.get(item.programId) ?? -Infinity) >= at - QUIET_AFTER_SESSION_MS) continue;
		notices.push({
			tag: noticeTag(item.programId, item.day, time),
			programId: item.programId,
			title: item.title,
			time,
			progress: item.text,
			done: item.done,
			of: item.of,
			url: url(item.programId),
			at,
			until: slotEnd(remind, at, timeZone)
		});
	}
	return notices;
}

/** The instant the slot `now` is in opened (the latest of the setting's times up to now). */
function openedAt(remind: ReminderSetting, nowMs: number, timeZone: string): number {
	// The next reminder after a moment a day back, stepped forward until it passes now.
	let at = nextReminderAt(remind, nowMs - 24 * 60 * 60 * 1000, timeZone);
	let last = nowMs;
	while (at !== null && at <= nowMs) {
		last = at;
		at = nextReminderAt(remind, at, timeZone);
	}
	return last;
}

/**
 * When to look again: the next reminder time after `now` of any routine whose reminder is on,
 * or null when none is on.
 */
export function nextReminderCheck(
	reminders: Reminders,
	now: Instant,
	timeZone: string = defaultTimeZone()
): number | null {
	let next: number | null = null;
	for (const remind of Object.values(reminders)) {
		if (!remind.on) continue;
		const at = nextReminderAt(remind, now, timeZone);
		if (at !== null && (next === null || at < next)) next = at;
	}
	return next;
}

/**
 * What would be shown from `now` over the next PLAN_DAYS days if no session were done meanwhile:
 * the reminders due now, then those due at each coming reminder time (the same rules, the same
 * log). The page stores it after every check (and so after every saved session); the service
 * worker shows from it what was missed. Earliest first, at most MAX_PLAN_ENTRIES. Only the
 * sessions of routines whose reminder is on are read (the log is filtered once).
 */
export function reminderPlan(
	programs: readonly ScheduledProgram[],
	sessions: readonly ReminderSession[],
	follows: Readonly<Record<string, FollowChoice>>,
	reminders: Reminders,
	now: Instant,
	url: (programId: string) => string,
	options: TodayOptions = {}
): ReminderNotice[] {
	const timeZone = options.timeZone ?? defaultTimeZone();
	const nowMs = toMs(now);
	const end = nowMs + PLAN_DAYS * 24 * 60 * 60 * 1000;
	const on = new Set(programs.filter((p) => setting(reminders, p.id)?.on).map((p) => p.id));
	const own = sessions.filter((session) => on.has(session.programId));
	const plan = remindersDue(programs, own, follows, reminders, nowMs, url, options);
	let at = nextReminderCheck(reminders, nowMs, timeZone);
	while (at !== null && at <= end && plan.length < MAX_PLAN_ENTRIES) {
		for (const notice of remindersDue(programs, own, follows, reminders, at, url, options)) {
			if (notice.at === at) plan.push(notice);
		}
		at = nextReminderCheck(reminders, at, timeZone);
	}
	return plan.slice(0, MAX_PLAN_ENTRIES);
}
