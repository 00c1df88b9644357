// What the player screen shows for an engine state: plain text derived from the state, the
// program and the timeline, so a test can predict the screen at any moment.
import type { EngineState } from './engine-types';
import type { Step, Timeline } from '$lib/program/timeline-types';
import type { Exercise, Program, Side } from '$lib/program/types';

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
export function imageAlt(exercise: Exercise): string {
	const custom = exercise['x-image-alt'];
	if (typeof custom === 'string' && custom.trim() !== '') return custom;
	return `${exercise.name}: ${exercise.instructions[0] ?? ''}`;
}

function sideLabel(exercise: Exercise, side: Side | null): string | null {
	return side ? sideName(exercise, side) : null;
}

function setText(step: Step, exercise: Exercise): string | null {
	return exercise.sets > 1 ? `Set ${step.set} of ${exercise.sets}` : null;
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
function describeNext(timeline: Timeline, step: Step, exercise: Exercise): string | null {
	if (step.kind !== 'rest' || step.restKind === 'betweenExercises') return null;
	const work = nextWork(timeline, step);
	if (step.restKind === 'betweenSets') {
		return `Next: set ${work?.set ?? step.set + 1} of ${exercise.sets}`;
	}
	if (work && 'rep' in work) {
		const side = sideLabel(exercise, work.side);
		const rep = exercise.reps > 1 ? `rep ${work.rep} of ${exercise.reps}` : '';
		return `Next: ${[rep, side].filter(Boolean).join(', ')}`;
	}
	return null;
}

function stepLabel(step: Step): string {
	switch (step.kind) {
		case 'prepare':
			return 'Get ready';
		case 'switchSides':
			return 'Switch sides';
		case 'rest':
			return 'Rest';
		case 'hold':
			return 'Hold';
		case 'phase':
			return 'Move';
		case 'timed':
			return 'Keep going';
		case 'selfPaced':
			return 'Your own pace';
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

/** "12:05 left" ("about 12:05 left" when self-paced reps remain). */
export function timeLeftTextOf(
	state: Pick<EngineState, 'remainingTotalMs'>,
	timeline: Timeline
): string {
	return `${timeline.hasSelfPaced ? 'about ' : ''}${formatClock(state.remainingTotalMs)} left`;
}

/**
 * What the view depends on besides the passing of time: two states with the same key have the
 * same view except for `secondsLeft`, `progress` and `timeLeftText`. The screen works the rest
 * of the view out again only when the key changes (a step, a pause, a rep counted), not at each
 * once-a-second wake.
 */
export function viewKey(
	state: Pick<EngineState, 'stepIndex' | 'status' | 'repsCounted' | 'currentSide' | 'step'>
): string {
	return `${state.step ? state.stepIndex : -1}:${state.status}:${state.repsCounted}:${state.currentSide ?? ''}`;
}

/** The screen's text and numbers for an engine state. */
export function viewOf(state: EngineState, program: Program, timeline: Timeline): PlayerView {
	const step = state.step ?? timeline.steps[0] ?? null;
	const exercise = program.exercises[step?.exerciseIndex ?? 0]!;
	const total = timeline.totalMs;
	const progress =
		state.status === 'complete'
			? 1
			: Math.min(1, Math.max(0, 1 - state.remainingTotalMs / Math.max(total, 1)));
	const base = {
		heading: exercise.name,
		exerciseText: `Exercise ${(step?.exerciseIndex ?? 0) + 1} of ${program.exercises.length}`,
		instruction: exercise.instructions[0] ?? '',
		poses: posesOf(exercise),
		pose: { pose: 0, transitionMs: 0, mirrored: false },
		imageAlt: imageAlt(exercise),
		progress,
		timeLeftText: timeLeftTextOf(state, timeline)
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
		repText = `Rep ${step.rep} of ${exercise.reps}`;
	if (step.kind === 'selfPaced') {
		side = state.currentSide ?? step.side;
		const perSide = step.alternate ? Math.floor(state.repsCounted / 2) : state.repsCounted;
		const target = step.alternate ? step.targetReps / 2 : step.targetReps;
		repText = `Rep ${Math.min(perSide + 1, target)} of ${target}`;
	}
	const betweenExercises = step.kind === 'rest' && step.restKind === 'betweenExercises';
	return {
		...base,
		heading: betweenExercises ? `Next: ${exercise.name}` : exercise.name,
		stepLabel: stepLabel(step),
		look: lookOf(step),
		secondsLeft: secondsLeftOf(state),
		instruction: nowText(step, program),
		pose: poseTarget(step, exercise),
		repText,
		setText: setText(step, exercise),
		// A rest between reps names the coming side in its "Next" line: once is enough.
		sideText:
			step.kind === 'rest' && step.restKind === 'betweenReps' ? null : sideLabel(exercise, side),
		nextText: waiting ? describeNext(timeline, step, exercise) : null,
		selfPaced: step.kind === 'selfPaced',
		waiting
	};
}
