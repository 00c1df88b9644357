// What the library's Today section shows: one line per routine followed today ("Gentle relief:
// 1 of 3 today", "Daily core strength: done today", "…: rest day") and the routine its big Start
// button starts. Built on `todayList` and `nextDue` (the counting lives there). Pure: `now` and
// the time zone come in. See docs/reminders.md, "Today".
import type { Instant } from '$lib/adherence/days';
import type { FollowChoice } from '$lib/adherence/follow';
import type { SummarySession } from '$lib/adherence/session-index';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { nextDue, todayList, type DueKind, type TodayOptions } from './due';
import type { ReminderSetting } from './times';

export interface TodayLine {
	programId: string;
	kind: DueKind;
	/** The whole line, title first: "Gentle relief: 1 of 3 today". */
	text: string;
}

export interface TodaySection {
	lines: TodayLine[];
	/** The routine the Start button starts (the next one due), or null when nothing is due. */
	next: { programId: string; title: string; text: string } | null;
}

/** "Gentle relief: 1 of 3 today" (French puts a no-break space before the colon). */
function lineText(title: string, status: string, locale: string): string {
	return `${title}${locale === 'fr' ? '\u00a0' : ''}: ${status}`;
}

/**
 * The Today section as of `now`, or null when no routine is followed today (then the library
 * shows no Today section at all). `reminders` are the stored reminder settings by program id
 * (routines without one use the default times for their timesPerDay). The words are in
 * `options.locale` (English unless told).
 */
export function todaySection(
	programs: readonly ScheduledProgram[],
	sessions: readonly SummarySession[],
	follows: Readonly<Record<string, FollowChoice>>,
	reminders: Readonly<Record<string, Pick<ReminderSetting, 'times'>>>,
	now: Instant,
	options: TodayOptions = {}
): TodaySection | null {
	const items = todayList(programs, sessions, follows, now, options);
	if (items.length === 0) return null;
	const next = nextDue(items, reminders, now, options.timeZone);
	return {
		lines: items.map((item) => ({
			programId: item.programId,
			kind: item.kind,
			text: lineText(item.title, item.text, options.locale ?? 'en')
		})),
		next: next && { programId: next.programId, title: next.title, text: next.text }
	};
}
