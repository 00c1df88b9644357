import { describe, expect, it } from 'vitest';
import { holdExercise, makeProgram, phasesExercise } from '$lib/test-factories';
import { adviseProgram } from './advice';

describe('adviseProgram', () => {
	it('counts a rest of 0 as left out when it has no source to tell', () => {
		const program = makeProgram({ exercises: [holdExercise(10, { reps: 10 })] });
		expect(adviseProgram(program)).toEqual([
			{
				path: 'exercises[0]',
				message: expect.stringMatching(/^10 holds of 10 s play back to back with no rest;/)
			}
		]);
	});

	it('respects a rest written as 0 in the source', () => {
		const program = makeProgram({ exercises: [holdExercise(10, { reps: 10 })] });
		expect(adviseProgram(program, { exercises: [{ restBetweenReps: 0 }] })).toEqual([]);
		expect(adviseProgram(program, { exercises: [{}] })).toHaveLength(1);
		expect(adviseProgram(program, 'not an object')).toHaveLength(1);
	});

	it('notes guidance that never plays, at its path', () => {
		const program = makeProgram({
			exercises: [
				holdExercise(5, { sideNames: { left: 'L', right: 'R' }, restBetweenReps: 2 }),
				phasesExercise([['In', 3]], { holdCue: 'Hold it', releaseCue: 'Let go' }),
				holdExercise(5, {
					sides: 'each',
					sideNames: { left: 'L', right: 'R' },
					holdCue: 'Hold it',
					releaseCue: 'Let go'
				})
			]
		});
		expect(adviseProgram(program).map((advice) => advice.path)).toEqual([
			'exercises[0].sideNames',
			'exercises[1].holdCue',
			'exercises[1].releaseCue'
		]);
	});
});
