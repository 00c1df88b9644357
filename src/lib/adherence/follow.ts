// Which routines the person follows, and since when: adherence is measured for those only, and
// only from the day they started. A routine is followed once the person plays it (a session that
// counts) or chooses "Follow this routine" on its page; "Stop following" ends that on the day it is
// chosen, until they play it again. Pure: the stored choices and the sessions' days come in.
import { addDays } from './days';
import type { ProgramDayCounts } from './weekly';

const nextDay = (day: string) => addDays(day, 1);

/** A stored choice (the `follows` setting): followed from `since`, stopped on `until`. */
export interface FollowChoice {
	since: string;
	until?: string;
}

/** When a routine is followed: from `since` to the day before `until` (open when absent). */
export interface FollowPeriod {
	since: string;
	until?: string;
}

function firstDayFrom(days: Iterable<string>, from = ''): string | null {
	let first: string | null = null;
	for (const day of days) if (day >= from && (first === null || day < first)) first = day;
	return first;
}

/**
 * Every followed routine with its period: from the stored choices and the days on which each
 * routine's counting sessions were played (a routine played is followed from its first session).
 */
export function followPeriods(
	choices: Readonly<Record<string, FollowChoice>>,
	counts: ProgramDayCounts
): Map<string, FollowPeriod> {
	const periods = new Map<string, FollowPeriod>();
	const ids = new Set([...Object.keys(choices), ...counts.keys()]);
	for (const id of ids) {
		const choice = Object.hasOwn(choices, id) ? choices[id] : undefined;
		const days = counts.get(id)?.days.keys() ?? [];
		const played = firstDayFrom(days);
		if (!choice) {
			if (played) periods.set(id, { since: played });
			continue;
		}
		const since = played !== null && played < choice.since ? played : choice.since;
		if (choice.until === undefined) {
			periods.set(id, { since });
			continue;
		}
		// Played again on a later day than they stopped: followed again from that session. (A
		// session played after stopping on the same day is stored as a new choice by the recorder.)
		const again = firstDayFrom(counts.get(id)?.days.keys() ?? [], nextDay(choice.until));
		periods.set(id, again ? { since: again } : { since, until: choice.until });
	}
	return periods;
}

/** Whether a routine is followed on a day. */
export function followedOn(period: FollowPeriod | undefined, day: string): boolean {
	return period !== undefined && day >= period.since && (!period.until || day < period.until);
}

/** The choice to store when the person taps "Follow this routine" on `today`. */
export function followChoice(current: FollowChoice | undefined, today: string): FollowChoice {
	if (current && current.until === undefined) return current;
	return { since: today };
}

/** The choice to store when the person taps "Stop following" on `today`. */
export function stopChoice(current: FollowChoice | undefined, today: string): FollowChoice {
	return { since: current?.since && current.since <= today ? current.since : today, until: today };
}
