// The builder's preview of a session: what plays when, read from the same timeline the player
// plays (expandTimeline), one row per step, in the interface's language (the exercises' own
// words, their names and cues, as the routine has them).
import { formatClock } from '../program/clock-text';
import { BASE_LOCALE, type Locale } from '../i18n/locale';
import { formatNumber, pluralForm } from '../i18n/plural';
import * as m from '../paraglide/messages';
import type { Exercise, Program } from '../program/types';
import type { Step, Timeline } from '../program/timeline-types';

export interface PreviewRow {
	/** When the step starts, as the player's clock shows it ("1:05"). */
	at: string;
	/** What plays, in plain words. */
	what: string;
	/** How long it lasts ("10 s", or "about 40 s" for reps counted by the person). */
	lasts: string;
}

/** ", left side", ", set 1 of 2": what follows a step's words, in `locale`. */
function tail(
	step: Step,
	exercise: Exercise | undefined,
	withSet: boolean,
	locale: Locale
): string {
	const options = { locale };
	const parts: string[] = [];
	if (step.side === 'left') parts.push(m.builder_step_left({}, options));
	else if (step.side === 'right') parts.push(m.builder_step_right({}, options));
	if (withSet && exercise && exercise.sets > 1) {
		const inputs = {
			set: formatNumber(step.set, locale),
			sets: formatNumber(exercise.sets, locale)
		};
		parts.push(m.builder_step_set(inputs, options));
	}
	return parts.map((part) => `, ${part}`).join('');
}

function seconds(ms: number, locale: Locale): string {
	const s = Math.round(ms / 1000);
	const n = (value: number) => formatNumber(value, locale);
	if (s < 60) return `${n(s)} s`;
	const rest = s % 60;
	return rest === 0 ? `${n(s / 60)} min` : `${n(Math.floor(s / 60))} min ${n(rest)} s`;
}

/** One step in plain words, in `locale` (the exercise's own words as the routine has them). */
export function stepText(step: Step, program: Program, locale: Locale = BASE_LOCALE): string {
	const exercise = program.exercises[step.exerciseIndex];
	const name = exercise?.name ?? '';
	const options = { locale };
	const n = (value: number) => formatNumber(value, locale);
	const rep = (at: number) => ({ rep: n(at), reps: n(exercise?.reps ?? at) });
	switch (step.kind) {
		case 'prepare':
			return m.builder_step_prepare({ name }, options);
		case 'switchSides':
			return m.builder_step_switch({ name }, options) + tail(step, exercise, false, locale);
		case 'hold':
			return (
				m.builder_step_hold({ name, ...rep(step.rep) }, options) +
				tail(step, exercise, true, locale)
			);
		case 'phase':
			return (
				m.builder_step_phase({ name, cue: step.cue, ...rep(step.rep) }, options) +
				tail(step, exercise, true, locale)
			);
		case 'timed':
			return name + tail(step, exercise, true, locale);
		case 'selfPaced': {
			const inputs = { name, count: n(step.targetReps) };
			const text =
				pluralForm(step.targetReps, locale) === 'one'
					? m.builder_step_self_paced_one(inputs, options)
					: m.builder_step_self_paced_other(inputs, options);
			return text + tail(step, exercise, true, locale);
		}
		case 'rest':
			switch (step.restKind) {
				case 'betweenReps':
					return m.builder_step_relax({}, options);
				case 'betweenSets':
					return m.builder_step_rest_sets({}, options);
				case 'betweenExercises':
					return m.builder_step_rest_then({ name }, options);
			}
	}
}

/** The rows of the preview, in playing order, in `locale`. */
export function previewRows(
	program: Program,
	timeline: Timeline,
	locale: Locale = BASE_LOCALE
): PreviewRow[] {
	return timeline.steps.map((step) => {
		const lasts = seconds(step.duration, locale);
		return {
			at: formatClock(step.start),
			what: stepText(step, program, locale),
			lasts: step.kind === 'selfPaced' ? m.builder_step_about({ time: lasts }, { locale }) : lasts
		};
	});
}
