// What the player screen shows for an engine state: plain text derived from the state, the
// program and the timeline, so a test can predict the screen at any moment. Every fixed word is a
// message in the player's locale (an explicit argument, English by default; docs/i18n.md).
import type { EngineState } from './engine-types';
import type { Step, Timeline } from '$lib/program/timeline-types';
import type { Exercise, Program, Side } from '$lib/program/types';

import type { Locale } from '$lib/i18n/locale';
import { formatNumber } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { formatClock } from '$lib/program/clock-text';
import { nowText, sideName } from '$lib/program/guidance';
import { poseTarget, posesOf, type PoseTarget } from './poses';

export { formatClock };

/** The three looks of the player: working, resting, getting ready (colour, shape and word). */
export type StepLook = 'work' | 'rest' | 'prepare';

export interface PlayerView {
	/** The main heading: the current exercise, or the coming one during get-ready and rest. */
	heading: string;
	/** What this step is: "Get ready", "Hold", "Move", "Rest", "Switch sides", "Go", "Your own pace". */
	stepLabel: string;
	look: StepLook;
	/** Whole seconds left in the step (rounded up); null while waiting for the person. */
	secondsLeft: number | null;
	repText: string | null;
	setText: string | null;
	sideText: string | null;
	/** During get-ready and rest: what comes next. */
	nextText: string | null;
	exerciseText: string;
	/** The one thing to do now (docs/player.md, "What to do now"). */
	instruction: string;
	/** The exercise's pose images (empty without a picture) and where this step takes them. */
	poses: string[];
	pose: PoseTarget;
	imageAlt: string;
	selfPaced: boolean;
	/** Fraction of the session done, 0–1. */
	progress: number;
	/** "12:05 left" (approximate when self-paced reps remain). */
	timeLeftText: string;
	waiting: boolean;
}

/** The text alternative of an exercise's illustration: the author's `x-image-alt`, else the
 * exercise name with its first instruction (which describes the starting position). */
export function imageAlt(exercise: Exercise, locale: Locale = 'en'): string {
	const custom = exercise['x-image-alt'];
	if (typeof custom === 'string' && custom.trim() !== '') return custom;
	return m.player_image_alt(
		{ name: exercise.name, instruction: exercise.instructions[0] ?? '' },
		{ locale }
	);
}

/** "2 of 5" and the like: numbers written the locale's way. */
function n(value: number, locale: Locale): string {
	return formatNumber(value, locale);
}

function sideLabel(exercise: Exercise, side: Side | null, locale: Locale): string | null {
	return side ? sideName(exercise, side, locale) : null;
}

function setText(step: Step, exercise: Exercise, locale: Locale): string | null {
	return exercise.sets > 1
		? m.player_set_of({ set: n(step.set, locale), sets: n(exercise.sets, locale) }, { locale })
		: null;
}

/** The step after `step` that is not a rest or get-ready, if any, within the same exercise. */
function nextWork(timeline: Timeline, step: Step): Step | null {
	for (let i = step.index + 1; i < timeline.steps.length; i++) {
		const candidate = timeline.steps[i]!;
		if (candidate.kind === 'rest' || candidate.kind === 'prepare') return null;
		if (candidate.kind !== 'switchSides') return candidate;
	}
	return null;
}

/** What comes after a rest within an exercise; null where the heading already says it (get-ready,
 * a rest before the next exercise) or the side line does (switching sides). */
function describeNext(
	timeline: Timeline,
	step: Step,
	exercise: Exercise,
	locale: Locale
): string | null {
	if (step.kind !== 'rest' || step.restKind === 'betweenExercises') return null;
	const work = nextWork(timeline, step);
	if (step.restKind === 'betweenSets') {
		const set = m.player_set_in_list(
			{ set: n(work?.set ?? step.set + 1, locale), sets: n(exercise.sets, locale) },
			{ locale }
		);
		return m.player_next({ what: set }, { locale });
	}
	if (work && 'rep' in work) {
		const side = sideLabel(exercise, work.side, locale);
		const rep =
			exercise.reps > 1
				? m.player_rep_in_list(
						{ rep: n(work.rep, locale), reps: n(exercise.reps, locale) },
						{ locale }
					)
				: '';
		return m.player_next({ what: [rep, side].filter(Boolean).join(', ') }, { locale });
	}
	return null;
}

function stepLabel(step: Step, locale: Locale): string {
	const options = { locale };
	switch (step.kind) {
		case 'prepare':
			return m.player_step_prepare({}, options);
		case 'switchSides':
			return m.player_step_switch_sides({}, options);
		case 'rest':
			return m.player_step_rest({}, options);
		case 'hold':
			return m.player_step_hold({}, options);
		case 'phase':
			return m.player_step_move({}, options);
		case 'timed':
			return m.player_step_timed({}, options);
		case 'selfPaced':
			return m.player_step_self_paced({}, options);
	}
}

function lookOf(step: Step): StepLook {
	if (step.kind === 'rest') return 'rest';
	if (step.kind === 'prepare' || step.kind === 'switchSides') return 'prepare';
	return 'work';
}

/** Whole seconds left in the step, rounded up (the big countdown); null while waiting for the
 * person (a self-paced step). */
export function secondsLeftOf(state: Pick<EngineState, 'remainingMs'>): number | null {
	return state.remainingMs === null ? null : Math.max(0, Math.ceil(state.remainingMs / 1000));
}

/** "12:05 left" ("about 12:05 left" when self-paced reps remain), in `locale`. */
export function timeLeftTextOf(
	state: Pick<EngineState, 'remainingTotalMs'>,
	timeline: Timeline,
	locale: Locale = 'en'
): string {
	return (timeline.hasSelfPaced ? m.player_time_left_about : m.player_time_left)(
		{ time: formatClock(state.remainingTotalMs) },
		{ locale }
	);
}

/**
 * What the view depends on besides the passing of time: two states with the same key have the
 * same view except for `secondsLeft`, `progress` and `timeLeftText`. The screen works the rest
 * of the view out again only when the key changes (a step, a pause, a rep counted), not at each
 * once-a-second wake. (The locale is not in it: a screen's locale does not change while it
 * plays.)
 */
export function viewKey(
	state: Pick<EngineState, 'stepIndex' | 'status' | 'repsCounted' | 'currentSide' | 'step'>
): string {
	return `${state.step ? state.stepIndex : -1}:${state.status}:${state.repsCounted}:${state.currentSide ?? ''}`;
}

/** The screen's text and numbers for an engine state, its words in `locale` (the player's). */
export function viewOf(
	state: EngineState,
	program: Program,
	timeline: Timeline,
	locale: Locale = 'en'
): PlayerView {
	const step = state.step ?? timeline.steps[0] ?? null;
	const exercise = program.exercises[step?.exerciseIndex ?? 0]!;
	const total = timeline.totalMs;
	const progress =
		state.status === 'complete'
			? 1
			: Math.min(1, Math.max(0, 1 - state.remainingTotalMs / Math.max(total, 1)));
	const base = {
		heading: exercise.name,
		exerciseText: m.player_exercise_of(
			{
				number: n((step?.exerciseIndex ?? 0) + 1, locale),
				count: n(program.exercises.length, locale)
			},
			{ locale }
		),
		instruction: exercise.instructions[0] ?? '',
		poses: posesOf(exercise),
		pose: { pose: 0, transitionMs: 0, mirrored: false },
		imageAlt: imageAlt(exercise, locale),
		progress,
		timeLeftText: timeLeftTextOf(state, timeline, locale)
	};
	if (!step) {
		return {
			...base,
			stepLabel: '',
			look: 'prepare',
			secondsLeft: null,
			repText: null,
			setText: null,
			sideText: null,
			nextText: null,
			selfPaced: false,
			waiting: false
		};
	}
	const waiting = step.kind === 'prepare' || step.kind === 'rest' || step.kind === 'switchSides';
	let repText: string | null = null;
	let side: Side | null = step.side;
	// "Rep 1 of 1" says nothing: a single rep has no rep line.
	if ((step.kind === 'hold' || step.kind === 'phase') && exercise.reps > 1)
		repText = m.player_rep_of(
			{ rep: n(step.rep, locale), reps: n(exercise.reps, locale) },
			{ locale }
		);
	if (step.kind === 'selfPaced') {
		side = state.currentSide ?? step.side;
		const perSide = step.alternate ? Math.floor(state.repsCounted / 2) : state.repsCounted;
		const target = step.alternate ? step.targetReps / 2 : step.targetReps;
		repText = m.player_rep_of(
			{ rep: n(Math.min(perSide + 1, target), locale), reps: n(target, locale) },
			{ locale }
		);
	}
	const betweenExercises = step.kind === 'rest' && step.restKind === 'betweenExercises';
	return {
		...base,
		heading: betweenExercises ? m.player_next({ what: exercise.name }, { locale }) : exercise.name,
		stepLabel: stepLabel(step, locale),
		look: lookOf(step),
		secondsLeft: secondsLeftOf(state),
		instruction: nowText(step, program, locale),
		pose: poseTarget(step, exercise),
		repText,
		setText: setText(step, exercise, locale),
		// A rest between reps names the coming side in its "Next" line: once is enough.
		sideText:
			step.kind === 'rest' && step.restKind === 'betweenReps'
				? null
				: sideLabel(exercise, side, locale),
		nextText: waiting ? describeNext(timeline, step, exercise, locale) : null,
		selfPaced: step.kind === 'selfPaced',
		waiting
	};
}
