// Each exercise's outcome in a session, worked out from what its record counted. Used when the
// player builds a record, when older records (without an outcome) are migrated or imported, and
// by every screen and file that reports a session (summary, History, CSV, report).

/**
 * What became of an exercise in a session, one honest word: every planned rep done; some done
 * (the session ended, or "Set done" ended a set early); skipped by the person (Skip, with an
 * optional reason); or not reached (the session ended before any rep of it).
 */
export const OUTCOMES = ['done', 'partial', 'skipped', 'not-reached'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The counts an outcome is worked out from (an exercise record, with or without its outcome). */
export interface CountedExercise {
	skipped: boolean;
	setsDone: number;
	repsDone: { none: number; left: number; right: number };
	repsPlanned: number;
}

/** What became of an exercise: skipped by the person, done, partly done or not reached. */
export function outcomeOf(exercise: CountedExercise): Outcome {
	if (exercise.skipped) return 'skipped';
	const { none, left, right } = exercise.repsDone;
	if (none + left + right === 0 && exercise.setsDone === 0) return 'not-reached';
	// repsPlanned counts per side for an exercise with sides (reps were counted left and right).
	const sided = left > 0 || right > 0;
	const full = sided
		? left >= exercise.repsPlanned && right >= exercise.repsPlanned
		: none >= exercise.repsPlanned;
	return full ? 'done' : 'partial';
}

/** The record with its outcome worked out (a record made before outcomes existed, say). */
export function withOutcome<T extends CountedExercise>(exercise: T): T & { outcome: Outcome } {
	return { ...exercise, outcome: outcomeOf(exercise) };
}

/** How many exercises of a session had each outcome. */
export function outcomeCounts(exercises: readonly { outcome: Outcome }[]): Record<Outcome, number> {
	const counts: Record<Outcome, number> = { done: 0, partial: 0, skipped: 0, 'not-reached': 0 };
	for (const exercise of exercises) counts[exercise.outcome] += 1;
	return counts;
}

/** The outcome in plain words, for a person or a clinician. */
export const OUTCOME_TEXT: Record<Outcome, string> = {
	done: 'done',
	partial: 'partly done',
	skipped: 'skipped',
	'not-reached': 'not reached'
};
