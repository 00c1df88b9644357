// What the clinician report says of each routine followed and of each session, in plain words
// (pure): the routine's exercises with their doses as the person plays them now (at their level),
// and for a session, what it did not do.
import type { FollowPeriod } from '$lib/adherence/follow';
import { describeDose } from '$lib/program/dose';
import { applyLevel, maxLevel } from '$lib/program/progression';
import { describeSchedule } from '$lib/program/schedule-text';
import { shellWords } from '$lib/i18n/shell-words.svelte';
import type { Program } from '$lib/program/types';
import { OUTCOME_TEXT } from '$lib/session/outcome';
import type { ExerciseRecord, SessionRecord } from '$lib/session/record';

export interface ReportRoutine {
	id: string;
	title: string;
	/** Followed since (local day); until, when the person stopped following it. */
	since: string;
	until?: string;
	/** "3 times a day, every day". */
	schedule: string;
	/** The level the next session plays, of how many; absent without progression. */
	level?: { current: number; of: number };
	/** Each exercise with its dose at that level. */
	exercises: { name: string; dose: string }[];
}

/** The routines followed in the report's period, in the order given, with their doses now. */
export function reportRoutines(
	periods: ReadonlyMap<string, FollowPeriod>,
	programs: readonly Program[],
	levels: Readonly<Record<string, number>>,
	from: string,
	to: string
): ReportRoutine[] {
	const routines: ReportRoutine[] = [];
	for (const program of programs) {
		const period = periods.get(program.id);
		if (!period || period.since > to || (period.until !== undefined && period.until <= from)) {
			continue;
		}
		const top = program.progression ? maxLevel(program) : 0;
		const stored = Object.hasOwn(levels, program.id) ? levels[program.id] : undefined;
		const current = top ? Math.min(top, Math.max(1, Math.floor(stored ?? 1))) : 0;
		const played = current ? applyLevel(program, current) : program;
		const routine: ReportRoutine = {
			id: program.id,
			title: program.title,
			since: period.since,
			schedule: describeSchedule(program.schedule, shellWords),
			exercises: played.exercises.map((exercise) => ({
				name: exercise.name,
				dose: describeDose(exercise)
			}))
		};
		if (period.until !== undefined) routine.until = period.until;
		if (current) routine.level = { current, of: top };
		routines.push(routine);
	}
	return routines;
}

function repsText(exercise: ExerciseRecord): string {
	const { none, left, right } = exercise.repsDone;
	if (left + right > 0) return `left ${left}, right ${right} of ${exercise.repsPlanned}`;
	return `${none} of ${exercise.repsPlanned} reps`;
}

/**
 * What a session did not do, exercise by exercise: "Bird-dog: partly done (3 of 6 reps);
 * Superman: skipped (pain); Triangle pose: not reached". Empty when everything was done.
 */
export function missedText(session: Pick<SessionRecord, 'exercises'>): string {
	return session.exercises
		.filter((exercise) => exercise.outcome !== 'done')
		.map((exercise) => {
			const outcome = OUTCOME_TEXT[exercise.outcome];
			if (exercise.outcome === 'partial')
				return `${exercise.name}: ${outcome} (${repsText(exercise)})`;
			if (exercise.outcome === 'skipped' && exercise.skipReason) {
				return `${exercise.name}: ${outcome} (${SKIP_REASON_TEXT[exercise.skipReason]})`;
			}
			return `${exercise.name}: ${outcome}`;
		})
		.join('; ');
}

/** Why an exercise was skipped, in the words the summary offered. */
export const SKIP_REASON_TEXT = {
	pain: 'pain',
	time: 'no time',
	equipment: 'no equipment',
	other: 'other'
} as const;
