// One pass over the session log: each session's local day is worked out once, here, and every
// other calculation (streaks, weekly adherence, pain trend, calendar) reads the result.
import type { SessionRecord } from '$lib/session/record';
import { dayFromNumber, localDayNumber } from './days';

/**
 * What the History maths reads of a session. A whole SessionRecord fits, and so does a stored
 * digest, which carries `counts` (countsAsDone worked out when it was saved) instead of the
 * exercises.
 */
export type SummarySession = Pick<
	SessionRecord,
	'id' | 'startedAt' | 'programId' | 'programTitle' | 'painBefore' | 'painAfter'
> &
	CountableSession;

/** Either the exercises, or whether they count as done (already worked out). */
export type CountableSession = Pick<SessionRecord, 'exercises'> | { counts: boolean };

export interface IndexedSession {
	session: SummarySession;
	/** Local calendar day on which the session started. */
	day: string;
	/** `day` as days since 1970-01-01. */
	dayNumber: number;
	/** Milliseconds since the epoch of `startedAt`. */
	startedMs: number;
	/** Whether the session counts as exercise done (see countsAsDone). */
	counts: boolean;
}

export interface SessionIndex {
	timeZone: string;
	/** The sessions with a valid start time, in the order given. */
	sessions: IndexedSession[];
	/** How many sessions were left out because their start time was not a valid time. */
	invalid: number;
}

/** Whether a session counts towards streaks and adherence: at least one exercise was done. */
export function countsAsDone(session: CountableSession): boolean {
	if ('counts' in session && typeof session.counts === 'boolean') return session.counts;
	for (const exercise of (session as Partial<Pick<SessionRecord, 'exercises'>>).exercises ?? []) {
		if (exercise.setsDone > 0) return true;
		const reps = exercise.repsDone;
		if (reps.none + reps.left + reps.right > 0) return true;
	}
	return false;
}

/** Works out each session's local day in a time zone, once, for the calculations that follow. */
export function indexSessions(sessions: readonly SummarySession[], timeZone: string): SessionIndex {
	const indexed: IndexedSession[] = [];
	let invalid = 0;
	for (const session of sessions) {
		const startedMs = Date.parse(session.startedAt);
		if (!Number.isFinite(startedMs)) {
			invalid++;
			continue;
		}
		const number = localDayNumber(startedMs, timeZone);
		indexed.push({
			session,
			day: dayFromNumber(number),
			dayNumber: number,
			startedMs,
			counts: countsAsDone(session)
		});
	}
	return { timeZone, sessions: indexed, invalid };
}
