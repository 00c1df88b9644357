import { describe, expect, it } from 'vitest';
import {
	holdExercise,
	makeProgram,
	phasesExercise,
	selfPacedExercise,
	timedExercise
} from '$lib/test-factories';
import { actionText, GENERIC_GUIDANCE, nowText, releaseBefore, sideName } from './guidance';
import { expandTimeline } from './timeline';
import type { Step } from './timeline-types';

describe('sideName', () => {
	it('uses the exercise’s words, and the generic ones when they are blank or absent', () => {
		const own = holdExercise(5, { sides: 'each', sideNames: { left: 'Left leg', right: '  ' } });
		expect(sideName(own, 'left')).toBe('Left leg');
		expect(sideName(own, 'right')).toBe(GENERIC_GUIDANCE.right);
		expect(sideName(undefined, 'left')).toBe(GENERIC_GUIDANCE.left);
	});
});

describe('releaseBefore and nowText, over a whole timeline', () => {
	const program = makeProgram({
		prepareSeconds: 3,
		restBetweenExercises: 0,
		exercises: [
			holdExercise(5, {
				id: 'bridge',
				reps: 2,
				sets: 2,
				restBetweenReps: 2,
				restBetweenSets: 10,
				releaseCue: 'Lower slowly',
				holdCue: 'Lift and hold',
				instructions: ['Lie on your back.']
			}),
			timedExercise(30, { id: 'march', sides: 'each', instructions: ['Stand tall.'] }),
			phasesExercise([['In', 2]], { id: 'breathe', reps: 2, restBetweenReps: 2 }),
			selfPacedExercise(4, { id: 'tilt', instructions: ['Stand at the wall.'] })
		]
	});
	const timeline = expandTimeline(program);
	const find = (predicate: (step: Step) => boolean) => {
		const step = timeline.steps.find(predicate);
		if (!step) throw new Error('no such step');
		return step;
	};

	it('releases after a hold: between reps, between sets, and into the next get-ready with no rest', () => {
		const betweenReps = find((s) => s.kind === 'rest' && s.restKind === 'betweenReps');
		const betweenSets = find((s) => s.kind === 'rest' && s.restKind === 'betweenSets');
		const nextPrepare = find((s) => s.kind === 'prepare' && s.exerciseIndex === 1);
		expect(releaseBefore(betweenReps, program)).toBe('Lower slowly');
		expect(releaseBefore(betweenSets, program)).toBe('Lower slowly');
		expect(releaseBefore(nextPrepare, program)).toBe('Lower slowly');
		expect(nowText(betweenReps, program)).toBe('Lower slowly');
	});

	it('releases a timed bout with "Relax" at the switch of sides; nothing after paced or own-pace work', () => {
		const switchSides = find((s) => s.kind === 'switchSides');
		expect(releaseBefore(switchSides, program)).toBe(GENERIC_GUIDANCE.release);
		const afterPhases = find((s) => s.kind === 'rest' && s.exerciseIndex === 2);
		expect(releaseBefore(afterPhases, program)).toBeNull();
		expect(nowText(afterPhases, program)).toBe(GENERIC_GUIDANCE.release);
		const firstPrepare = timeline.steps[0]!;
		expect(releaseBefore(firstPrepare, program)).toBeNull();
	});

	it('work shows the action; get-ready and a switch show the starting position', () => {
		expect(
			nowText(
				find((s) => s.kind === 'hold'),
				program
			)
		).toBe('Lift and hold');
		expect(
			nowText(
				find((s) => s.kind === 'timed'),
				program
			)
		).toBe(GENERIC_GUIDANCE.timed);
		expect(
			nowText(
				find((s) => s.kind === 'selfPaced'),
				program
			)
		).toBe(GENERIC_GUIDANCE.selfPaced);
		expect(
			nowText(
				find((s) => s.kind === 'phase'),
				program
			)
		).toBe('In');
		expect(nowText(timeline.steps[0]!, program)).toBe('Lie on your back.');
		expect(
			nowText(
				find((s) => s.kind === 'switchSides'),
				program
			)
		).toBe('Stand tall.');
		expect(actionText(timeline.steps[0]!, program.exercises[0])).toBe('');
	});

	it('the starting position is the startCue when the exercise has one', () => {
		const short = makeProgram({
			exercises: [holdExercise(5, { startCue: 'On your back', instructions: ['Lie down.'] })]
		});
		expect(nowText(expandTimeline(short).steps[0]!, short)).toBe('On your back');
	});
});
