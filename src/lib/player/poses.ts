// Which pose the exercise's picture shows at each moment of a step, from the timeline alone.
// An exercise's poses are its `images` (the first the starting position, the last the end
// position), then any phase image not already among them; without `images` its one `image`.
// The screen moves to a step's target pose with a CSS transition of `transitionMs` when that is a
// second or less, and in steps at its once-a-second wakes when longer (poseFraction), so nothing
// here runs per frame.
//
//   get-ready, switch sides, rest → the start pose (a rest returns to it over RETURN_MS)
//   hold, timed bout, self-paced  → the end pose, reached during the first MOVE_MS
//   phase k of a paced rep        → its `image`; else the first phase moves to the end pose,
//                                   the last (of two or more) back to the start, those between
//                                   stay at the end; over the phase's whole length
// The picture is drawn for the left side and mirrored for the right.
import type { Step, Timeline } from '$lib/program/timeline-types';
import type { Exercise, Program } from '$lib/program/types';

/** How long the move into a held pose takes (the issue: "during the first second"). */
export const MOVE_MS = 1000;
/** How long a rest takes to return to the starting position. */
export const RETURN_MS = 1000;
/** The longest move drawn by a CSS transition. A longer one (a paced rep's phase, over its whole
 * length) is drawn in steps instead, at the screen's once-a-second wakes (`poseFraction`): while
 * a transition runs, Chromium's main thread works at every frame (about 66 tasks a second in the
 * player CPU benchmark, docs/player.md), which for a paced rep would be all the time. */
export const SMOOTH_MOVE_MS = 1000;

/** The pose images of an exercise, in order (empty when it has no picture). */
export function posesOf(exercise: Exercise): string[] {
	const poses = exercise.images ? [...exercise.images] : exercise.image ? [exercise.image] : [];
	for (const phase of exercise.phases ?? []) {
		if (phase.image && !poses.includes(phase.image)) poses.push(phase.image);
	}
	return poses;
}

/** Where a step takes the picture: an index into posesOf, over how long, mirrored or not. */
export interface PoseTarget {
	pose: number;
	transitionMs: number;
	mirrored: boolean;
}

/** The index of the end pose: the last of `images` (the only pose without them). */
function endPose(exercise: Exercise): number {
	return exercise.images ? exercise.images.length - 1 : 0;
}

function phasePose(exercise: Exercise, phaseIndex: number, poses: readonly string[]): number {
	const phases = exercise.phases ?? [];
	const own = phases[phaseIndex]?.image;
	if (own) return poses.indexOf(own);
	const last = phases.length - 1;
	return phaseIndex === last && last > 0 ? 0 : endPose(exercise);
}

/** The pose a step moves to, and how long the move takes. */
export function poseTarget(step: Step, exercise: Exercise): PoseTarget {
	const mirrored = step.side === 'right';
	switch (step.kind) {
		case 'hold':
		case 'timed':
		case 'selfPaced':
			return { pose: endPose(exercise), transitionMs: Math.min(MOVE_MS, step.duration), mirrored };
		case 'phase':
			return {
				pose: phasePose(exercise, step.phaseIndex, posesOf(exercise)),
				transitionMs: step.duration,
				mirrored
			};
		case 'rest': {
			// A rest between alternating reps carries the coming side; the figure lowers the side
			// it held and turns at the next rep.
			const held =
				step.restKind === 'betweenReps' && exercise.sides === 'alternate'
					? step.side === 'left'
					: mirrored;
			return { pose: 0, transitionMs: Math.min(RETURN_MS, step.duration), mirrored: held };
		}
		default:
			return { pose: 0, transitionMs: 0, mirrored };
	}
}

/** The picture at a moment: moving from one pose to another, `fraction` of the way there. */
export interface PoseMoment {
	from: string | null;
	to: string | null;
	/** 0 at the step's start, 1 once the move is over (and for a step with no move). */
	fraction: number;
	mirrored: boolean;
}

/** The pose a step's picture starts from: where the step before it (same exercise) ended. */
function poseBefore(timeline: Timeline, program: Program, step: Step): number {
	const before = step.index > 0 ? timeline.steps[step.index - 1] : undefined;
	if (!before || before.exerciseIndex !== step.exerciseIndex) return 0;
	const exercise = program.exercises[before.exerciseIndex];
	return exercise ? poseTarget(before, exercise).pose : 0;
}

/** Which pose the picture shows `msIntoStep` after a step's start (for tests and predictions). */
export function poseAt(
	timeline: Timeline,
	program: Program,
	stepIndex: number,
	msIntoStep: number
): PoseMoment | null {
	const step = timeline.steps[stepIndex];
	const exercise = step ? program.exercises[step.exerciseIndex] : undefined;
	if (!step || !exercise) return null;
	const poses = posesOf(exercise);
	const target = poseTarget(step, exercise);
	const from = poseBefore(timeline, program, step);
	const fraction =
		target.transitionMs <= 0 ? 1 : Math.min(1, Math.max(0, msIntoStep / target.transitionMs));
	return {
		from: poses[from] ?? null,
		to: poses[target.pose] ?? null,
		fraction,
		mirrored: target.mirrored
	};
}

/** The most steps a move drawn at the wakes is shown in: a shorter move changes at each whole
 * second (a 4 s phase in four steps of a quarter), a longer one in this many even steps (a 30 s
 * phase by a tenth every 3 s), so the picture changes only when the change can be seen. Each
 * change restyles the pose (about 0.2 ms of the page's main thread, traced), which a change of a
 * thirtieth a second would pay for nothing. */
export const MAX_POSE_STEPS = 10;

/** How far into its move a step's picture is (0–1), for a move drawn in steps at the screen's
 * wakes: the share of the move done, to the nearest of its steps (one a second, at most
 * MAX_POSE_STEPS). Null when the move is short enough for a CSS transition (SMOOTH_MOVE_MS) or
 * there is nothing to move (no step, or the step starts on the pose it moves to). */
export function poseFraction(
	moment: Pick<PoseMoment, 'from' | 'to'> | null,
	target: PoseTarget,
	msIntoStep: number
): number | null {
	if (!moment || moment.from === moment.to || target.transitionMs <= SMOOTH_MOVE_MS) return null;
	const done = Math.min(1, Math.max(0, msIntoStep / target.transitionMs));
	const steps = Math.min(MAX_POSE_STEPS, Math.ceil(target.transitionMs / 1000));
	return Math.round(done * steps) / steps;
}
