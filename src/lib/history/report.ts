// What the clinician report says of each routine followed and of each session, in plain words
// (pure): the routine's exercises with their doses as the person plays them now (at their level),
// and for a session, what it did not do. In `locale` (default English).
import type { FollowPeriod } from '$lib/adherence/follow';
import { describeDose } from '$lib/program/dose';
import { applyLevel, maxLevel } from '$lib/program/progression';
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import type { Program } from '$lib/program/types';
import type { SessionRecord, SkipReason } from '$lib/session/record';
import { repsText } from './reps-text';
import { scheduleText } from './words';

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
	to: string,
	locale: Locale = 'en'
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
			schedule: scheduleText(program.schedule, locale),
			exercises: played.exercises.map((exercise) => ({
				name: exercise.name,
				dose: describeDose(exercise, locale)
			}))
		};
		if (period.until !== undefined) routine.until = period.until;
		if (current) routine.level = { current, of: top };
		routines.push(routine);
	}
	return routines;
}

/** Why an exercise was skipped, in the words the summary offered. */
export function skipReasonText(reason: SkipReason, locale: Locale = 'en'): string {
	const options = { locale };
	switch (reason) {
		case 'pain':
			return m.report_reason_pain({}, options);
		case 'time':
			return m.report_reason_time({}, options);
		case 'equipment':
			return m.report_reason_equipment({}, options);
		default:
			return m.report_reason_other({}, options);
	}
}

/**
 * What a session did not do, exercise by exercise: "Bird-dog: partly done (3 of 6 reps);
 * Superman: skipped (pain); Triangle pose: not reached". Empty when everything was done.
 */
export function missedText(
	session: Pick<SessionRecord, 'exercises'>,
	locale: Locale = 'en'
): string {
	const options = { locale };
	return (
		session.exercises
			.filter((exercise) => exercise.outcome !== 'done')
			.map((exercise) => {
				const name = exercise.name;
				if (exercise.outcome === 'partial') {
					return m.report_missed_partly({ name, reps: repsText(exercise, locale) }, options);
				}
				if (exercise.outcome === 'skipped') {
					return exercise.skipReason
						? m.report_missed_skipped_reason(
								{ name, reason: skipReasonText(exercise.skipReason, locale) },
								options
							)
						: m.report_missed_skipped({ name }, options);
				}
				return m.report_missed_not_reached({ name }, options);
			})
			// French puts a narrow no-break space before the semicolon.
			.join(locale === 'fr' ? '\u202f; ' : '; ')
	);
}
