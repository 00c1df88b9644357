import { describe, expect, it } from 'vitest';
import { expandTimeline } from '$lib/program/timeline';
import type { Step } from '$lib/program/timeline-types';
import {
	holdExercise,
	makeProgram,
	phasesExercise,
	selfPacedExercise,
	timedExercise
} from '$lib/test-factories';
import {
	MAX_POSE_STEPS,
	MOVE_MS,
	poseAt,
	poseFraction,
	posesOf,
	poseTarget,
	RETURN_MS,
	SMOOTH_MOVE_MS
} from './poses';

const CAT = ['cat-level.svg', 'cat-rounded.svg', 'cat-sunk.svg'];
const BRIDGE = ['bridge-down.svg', 'bridge-up.svg'];

const program = makeProgram({
	prepareSeconds: 5,
	restBetweenExercises: 10,
	exercises: [
		phasesExercise(
			[
				['Round your back', 4],
				['Let your back sink', 4]
			],
			{ id: 'cat', reps: 2, images: CAT }
		),
		holdExercise(6, { id: 'bridge', reps: 2, restBetweenReps: 3, images: BRIDGE }),
		holdExercise(5, {
			id: 'triangle',
			sides: 'each',
			images: ['tri-standing.svg', 'tri-reach.svg']
		})
	]
});
// The cat's phases name their poses; the default rule is tested below.
program.exercises[0]!.phases = [
	{ cue: 'Round your back', seconds: 4, image: 'cat-rounded.svg' },
	{ cue: 'Let your back sink', seconds: 4, image: 'cat-sunk.svg' }
];
const timeline = expandTimeline(program);

function indexOf(predicate: (step: Step) => boolean): number {
	const step = timeline.steps.find(predicate);
	if (!step) throw new Error('no such step');
	return step.index;
}

describe('posesOf', () => {
	it('lists images, then phase images not among them; else the one image; else nothing', () => {
		expect(posesOf(program.exercises[0]!)).toEqual(CAT);
		const withExtra = phasesExercise([['In', 2]], { images: ['a.svg'] });
		withExtra.phases = [{ cue: 'In', seconds: 2, image: 'b.svg' }];
		expect(posesOf(withExtra)).toEqual(['a.svg', 'b.svg']);
		expect(posesOf(holdExercise(5, { image: 'still.svg' }))).toEqual(['still.svg']);
		expect(posesOf(holdExercise(5))).toEqual([]);
	});
});

describe('poseAt: which pose at which moment of a step, from the timeline', () => {
	it('get-ready shows the start pose at once', () => {
		expect(poseAt(timeline, program, 0, 0)).toEqual({
			from: 'cat-level.svg',
			to: 'cat-level.svg',
			fraction: 1,
			mirrored: false
		});
	});

	it('a paced rep moves through the poses over each phase’s seconds', () => {
		const round = indexOf((s) => s.kind === 'phase' && s.rep === 1 && s.phaseIndex === 0);
		expect(poseAt(timeline, program, round, 0)).toMatchObject({
			from: 'cat-level.svg',
			to: 'cat-rounded.svg',
			fraction: 0
		});
		expect(poseAt(timeline, program, round, 2000)?.fraction).toBe(0.5);
		expect(poseAt(timeline, program, round, 4000)?.fraction).toBe(1);
		const sink = indexOf((s) => s.kind === 'phase' && s.rep === 1 && s.phaseIndex === 1);
		expect(poseAt(timeline, program, sink, 1000)).toMatchObject({
			from: 'cat-rounded.svg',
			to: 'cat-sunk.svg',
			fraction: 0.25
		});
		const again = indexOf((s) => s.kind === 'phase' && s.rep === 2 && s.phaseIndex === 0);
		expect(poseAt(timeline, program, again, 0)).toMatchObject({
			from: 'cat-sunk.svg',
			to: 'cat-rounded.svg'
		});
	});

	it('a hold reaches the end pose during its first second and stays there', () => {
		const hold = indexOf((s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.rep === 1);
		expect(poseAt(timeline, program, hold, 0)).toMatchObject({
			from: 'bridge-down.svg',
			to: 'bridge-up.svg',
			fraction: 0
		});
		expect(poseAt(timeline, program, hold, MOVE_MS / 2)?.fraction).toBe(0.5);
		expect(poseAt(timeline, program, hold, MOVE_MS)?.fraction).toBe(1);
		expect(poseAt(timeline, program, hold, 5500)).toMatchObject({
			to: 'bridge-up.svg',
			fraction: 1
		});
	});

	it('a rest returns to the start pose', () => {
		const rest = indexOf((s) => s.kind === 'rest' && s.restKind === 'betweenReps');
		expect(poseAt(timeline, program, rest, RETURN_MS)).toMatchObject({
			from: 'bridge-up.svg',
			to: 'bridge-down.svg',
			fraction: 1
		});
	});

	it('the right side is mirrored, its get-ready too; the left is not', () => {
		const left = indexOf((s) => s.kind === 'hold' && s.exerciseIndex === 2 && s.side === 'left');
		const sw = indexOf((s) => s.kind === 'switchSides');
		const right = indexOf((s) => s.kind === 'hold' && s.exerciseIndex === 2 && s.side === 'right');
		expect(poseAt(timeline, program, left, 2000)).toMatchObject({
			to: 'tri-reach.svg',
			mirrored: false
		});
		expect(poseAt(timeline, program, sw, 0)).toMatchObject({
			to: 'tri-standing.svg',
			mirrored: true
		});
		expect(poseAt(timeline, program, right, 2000)).toMatchObject({
			to: 'tri-reach.svg',
			mirrored: true
		});
	});

	it('a rest between alternating reps keeps the side just held, the next rep turns', () => {
		const alternating = makeProgram({
			exercises: [
				holdExercise(5, {
					sides: 'alternate',
					reps: 2,
					restBetweenReps: 3,
					images: ['a.svg', 'b.svg']
				})
			]
		});
		const line = expandTimeline(alternating);
		const restAfterLeft = line.steps.find((s) => s.kind === 'rest' && s.side === 'right')!;
		const restAfterRight = line.steps.find((s) => s.kind === 'rest' && s.side === 'left')!;
		expect(poseAt(line, alternating, restAfterLeft.index, 0)?.mirrored).toBe(false);
		expect(poseAt(line, alternating, restAfterRight.index, 0)?.mirrored).toBe(true);
		expect(poseAt(line, alternating, restAfterLeft.index + 1, 0)?.mirrored).toBe(true);
	});

	it('a new exercise starts from its own start pose, not the last exercise’s', () => {
		const prepare = indexOf((s) => s.kind === 'prepare' && s.exerciseIndex === 2);
		expect(poseAt(timeline, program, prepare, 0)).toMatchObject({ from: 'tri-standing.svg' });
	});

	it('is null past the end of the timeline', () => {
		expect(poseAt(timeline, program, timeline.steps.length, 0)).toBeNull();
	});
});

describe('poseTarget: the default rule for phases without images', () => {
	const step = (phaseIndex: number, duration = 3000): Step => ({
		index: 0,
		kind: 'phase',
		start: 0,
		end: duration,
		duration,
		exerciseIndex: 0,
		set: 1,
		side: null,
		rep: 1,
		phaseIndex,
		cue: ''
	});
	const breathing = phasesExercise(
		[
			['Breathe in', 5],
			['Pause', 1],
			['Breathe out', 3]
		],
		{ images: ['out.svg', 'in.svg'] }
	);

	it('the first phase moves to the end pose, the last back to the start, those between stay', () => {
		expect(poseTarget(step(0), breathing).pose).toBe(1);
		expect(poseTarget(step(1), breathing).pose).toBe(1);
		expect(poseTarget(step(2), breathing).pose).toBe(0);
		expect(poseTarget(step(2, 3000), breathing).transitionMs).toBe(3000);
	});

	it('a single phase moves to the end pose', () => {
		const one = phasesExercise([['Squeeze', 2]], { images: ['a.svg', 'b.svg'] });
		expect(poseTarget(step(0), one).pose).toBe(1);
	});

	it('timed bouts and self-paced sets show the end pose; a short step moves within it', () => {
		const timed = timedExercise(30, { images: ['a.svg', 'b.svg'] });
		const free = selfPacedExercise(5, { images: ['a.svg', 'b.svg', 'c.svg'] });
		const bout: Step = { ...step(0), kind: 'timed', duration: 500, end: 500 } as Step;
		expect(poseTarget(bout, timed)).toEqual({ pose: 1, transitionMs: 500, mirrored: false });
		const set: Step = { ...step(0), kind: 'selfPaced', targetReps: 5, alternate: false } as Step;
		expect(poseTarget(set, free).pose).toBe(2);
	});
});

describe('poseFraction: a long move is drawn in steps at the wakes', () => {
	const phase = indexOf((s) => s.kind === 'phase');
	const hold = indexOf((s) => s.kind === 'hold');
	const target = (index: number) =>
		poseTarget(timeline.steps[index]!, program.exercises[timeline.steps[index]!.exerciseIndex]!);

	it('a phase longer than SMOOTH_MOVE_MS: the fraction of its length done', () => {
		expect(target(phase).transitionMs).toBeGreaterThan(SMOOTH_MOVE_MS);
		const moment = poseAt(timeline, program, phase, 0);
		expect(poseFraction(moment, target(phase), 0)).toBe(0);
		expect(poseFraction(moment, target(phase), 1000)).toBe(0.25);
		expect(poseFraction(moment, target(phase), 3000)).toBe(0.75);
		expect(poseFraction(moment, target(phase), 9000)).toBe(1);
		expect(poseFraction(moment, target(phase), -5)).toBe(0);
	});

	it('a long phase is shown in MAX_POSE_STEPS even steps, each changing at most once', () => {
		const long = { ...target(phase), transitionMs: 30_000 };
		const moment = poseAt(timeline, program, phase, 0);
		// The wakes of a 30 s phase, at each whole second: a tenth every 3 s, from 1.5 s in.
		const shown = Array.from({ length: 31 }, (_, second) =>
			poseFraction(moment, long, second * 1000)
		);
		expect(shown.slice(0, 5)).toEqual([0, 0, 0.1, 0.1, 0.1]);
		expect(shown[5]).toBe(0.2);
		expect(shown[15]).toBe(0.5);
		expect(shown[30]).toBe(1);
		expect(new Set(shown).size).toBe(MAX_POSE_STEPS + 1);
		// A wake a little early or late (a timer's slack) shows the same step.
		expect(poseFraction(moment, long, 4_990)).toBe(0.2);
		expect(poseFraction(moment, long, 5_020)).toBe(0.2);
		// A phase of up to MAX_POSE_STEPS seconds changes at every second.
		const ten = { ...target(phase), transitionMs: 10_000 };
		expect(poseFraction(moment, ten, 1000)).toBe(0.1);
		expect(poseFraction(moment, ten, 7000)).toBe(0.7);
		const odd = { ...target(phase), transitionMs: 2_500 };
		expect([500, 1500, 2500].map((ms) => poseFraction(moment, odd, ms))).toEqual([1 / 3, 2 / 3, 1]);
	});

	it('a move of a second or less is left to CSS, and so is a step already on its pose', () => {
		expect(target(hold).transitionMs).toBeLessThanOrEqual(SMOOTH_MOVE_MS);
		expect(poseFraction(poseAt(timeline, program, hold, 0), target(hold), 500)).toBeNull();
		const still = { from: 'cat-sunk.svg', to: 'cat-sunk.svg' };
		expect(poseFraction(still, target(phase), 1000)).toBeNull();
		expect(poseFraction(null, target(phase), 1000)).toBeNull();
	});
});
