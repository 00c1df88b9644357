// What the person is told to do at each step: the one instruction on screen and the words the
// voice says, from the exercise's guidance fields (startCue, holdCue, releaseCue, sideNames) with
// plain generic words where a program has none. Pure: the player's display (display.ts) and the
// cue plan (cues/cue-plan.ts) both read it, so the screen and the voice use the same words. (As
// a step starts the voice may first say the release of the hold just ended, which the screen
// shows only during a rest within the exercise.)
// The table of what is shown and said per step kind is in docs/player.md ("What to do now").
// The generic words are messages (messages/*.json, docs/i18n.md) in the player's locale, an
// explicit argument that defaults to English.
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import { doseForm } from './dose-length';
import type { Step } from './timeline-types';
import type { Exercise, Program, Side } from './types';

export interface GenericGuidance {
	hold: string;
	timed: string;
	selfPaced: string;
	release: string;
	rest: string;
	left: string;
	right: string;
}

/** The words used where an exercise has no guidance of its own, in `locale`. */
export function genericGuidance(locale: Locale = 'en'): GenericGuidance {
	const options = { locale };
	return {
		hold: m.guidance_hold({}, options),
		timed: m.guidance_timed({}, options),
		selfPaced: m.guidance_self_paced({}, options),
		release: m.guidance_release({}, options),
		rest: m.guidance_rest({}, options),
		left: m.guidance_left({}, options),
		right: m.guidance_right({}, options)
	};
}

/** The generic words in English (the base locale). */
export const GENERIC_GUIDANCE: Readonly<GenericGuidance> = Object.freeze(genericGuidance('en'));

/** What a side means for this exercise: its `sideNames`, else "Left side" / "Right side". */
export function sideName(
	exercise: Exercise | undefined,
	side: Side,
	locale: Locale = 'en'
): string {
	const own = exercise?.sideNames?.[side].trim();
	if (own) return own;
	return side === 'left' ? m.guidance_left({}, { locale }) : m.guidance_right({}, { locale });
}

/** The action during a work step: the phase's cue, else the exercise's holdCue, else generic. */
export function actionText(
	step: Step,
	exercise: Exercise | undefined,
	locale: Locale = 'en'
): string {
	const own = exercise?.holdCue?.trim();
	switch (step.kind) {
		case 'phase':
			return step.cue.trim();
		case 'hold':
			return own || m.guidance_hold({}, { locale });
		case 'timed':
			return own || m.guidance_timed({}, { locale });
		case 'selfPaced':
			return own || m.guidance_self_paced({}, { locale });
		default:
			return '';
	}
}

/** True for an exercise whose work is held still: a hold or a timed bout (then let go). */
export function isHeld(exercise: Exercise | undefined): boolean {
	if (!exercise) return false;
	const form = doseForm(exercise);
	return form === 'hold' || form === 'duration';
}

/** The words for letting go after a hold or timed bout: the exercise's releaseCue, or "Relax". */
export function releaseText(exercise: Exercise | undefined, locale: Locale = 'en'): string {
	return exercise?.releaseCue?.trim() || m.guidance_release({}, { locale });
}

/**
 * The release to say as `step` starts, when the step straight before it was a hold or timed
 * bout and this one is not work: a rest or a switch of sides within the exercise, a rest before
 * the next exercise, or the next exercise's get-ready when no rest comes between. The release
 * belongs to the exercise that was held (for the last two, the previous one). Worked out from the
 * program alone: the timeline's rules (timeline.ts) say which step comes before which.
 */
export function releaseBefore(step: Step, program: Program, locale: Locale = 'en'): string | null {
	const current = program.exercises[step.exerciseIndex];
	const previous = program.exercises[step.exerciseIndex - 1];
	let held: Exercise | undefined;
	if (step.kind === 'switchSides') held = current;
	else if (step.kind === 'rest') held = step.restKind === 'betweenExercises' ? previous : current;
	else if (step.kind === 'prepare' && previous) {
		const restBefore = previous.restAfter ?? program.restBetweenExercises;
		if (restBefore === 0) held = previous;
	}
	return isHeld(held) ? releaseText(held, locale) : null;
}

/**
 * The one instruction on screen during `step`: the starting position while getting ready (the
 * exercise's startCue, else its first instruction), the
 * action while working, the release during a rest after a hold, and for a rest before another
 * exercise that exercise's starting position (what comes next).
 */
export function nowText(step: Step, program: Program, locale: Locale = 'en'): string {
	const exercise = program.exercises[step.exerciseIndex];
	// The starting position in a few words when the author gave them, else the first step.
	const start = exercise?.startCue?.trim() || (exercise?.instructions[0] ?? '');
	switch (step.kind) {
		case 'prepare':
		case 'switchSides':
			return start;
		case 'rest':
			if (step.restKind === 'betweenExercises') return start;
			return releaseBefore(step, program, locale) ?? m.guidance_release({}, { locale });
		default:
			return actionText(step, exercise, locale);
	}
}
