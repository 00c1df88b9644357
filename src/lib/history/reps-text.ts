// The reps an exercise got in a session, in words: "3 of 6 reps", or per side when it has sides
// ("left 3, right 2 of 6 reps each side"). One sentence for the session summary and the clinician report.
import type { Locale } from '$lib/i18n/locale';
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import type { ExerciseRecord } from '$lib/session/record';

/** The reps done of those planned, per side if any were done on a side (plural: the planned count). */
export function repsText(
	exercise: Pick<ExerciseRecord, 'repsDone' | 'repsPlanned'>,
	locale: Locale = 'en'
): string {
	const { none, left, right } = exercise.repsDone;
	const planned = exercise.repsPlanned;
	const n = (value: number) => formatNumber(value, locale);
	const one = pluralForm(planned, locale) === 'one';
	const options = { locale };
	if (left + right > 0) {
		const inputs = { left: n(left), right: n(right), planned: n(planned) };
		return one
			? m.summary_reps_sides_one(inputs, options)
			: m.summary_reps_sides_other(inputs, options);
	}
	const inputs = { done: n(none), planned: n(planned) };
	return one ? m.summary_reps_one(inputs, options) : m.summary_reps_other(inputs, options);
}
