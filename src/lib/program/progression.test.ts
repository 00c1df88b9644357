import { describe, expect, it } from 'vitest';
import { applyLevel, clampLevel, maxLevel } from './progression';
import { makeExercise, makeProgram } from '$lib/test-factories';
import type { Exercise, Program } from './types';

function exercise(fields: Partial<Exercise>): Exercise {
	return makeExercise({ id: 'e', name: 'E', instructions: ['x'], ...fields });
}

function program(exercises: Exercise[], levels?: number): Program {
	return makeProgram({
		id: 'p',
		title: 'P',
		exercises,
		...(levels ? { progression: { levels, sessionsToAdvance: 2 } } : {})
	});
}

const sample = () =>
	program(
		[
			exercise({ id: 'hold', reps: 5, hold: 10, progress: { reps: 1, hold: 2 } }),
			exercise({ id: 'bout', duration: 60, progress: { duration: 15 } }),
			exercise({
				id: 'paced',
				reps: 4,
				phases: [{ cue: 'in', seconds: 3 }],
				progress: { reps: 2 }
			}),
			exercise({ id: 'fixed', reps: 3, hold: 4 })
		],
		5
	);

describe('applyLevel', () => {
	it('adds (level − 1) × progress to each dose', () => {
		const raised = applyLevel(sample(), 3);
		expect(raised.exercises.map((e) => [e.reps, e.hold, e.duration])).toEqual([
			[7, 14, undefined],
			[1, undefined, 90],
			[8, undefined, undefined],
			[3, 4, undefined]
		]);
	});

	it('leaves level 1 as written and clamps levels to 1..levels', () => {
		const p = sample();
		expect(applyLevel(p, 1)).toEqual(p);
		expect(applyLevel(p, 0)).toEqual(p);
		expect(applyLevel(p, -3)).toEqual(p);
		expect(applyLevel(p, Number.NaN)).toEqual(p);
		expect(applyLevel(p, 99)).toEqual(applyLevel(p, 5));
		expect(applyLevel(p, 2.9)).toEqual(applyLevel(p, 2));
		expect(applyLevel(p, Infinity)).toEqual(applyLevel(p, 5));
		expect(applyLevel(p, 5).exercises[0]?.hold).toBe(18);
	});

	it('returns programs without progression unchanged', () => {
		const p = program([exercise({ reps: 3, hold: 4, progress: { reps: 1 } })]);
		expect(applyLevel(p, 4)).toBe(p);
	});

	it('is pure: the input program is not changed', () => {
		const p = sample();
		const before = JSON.stringify(p);
		const raised = applyLevel(p, 4);
		expect(JSON.stringify(p)).toBe(before);
		expect(raised).not.toBe(p);
		expect(raised.exercises[3]).toBe(p.exercises[3]);
	});

	it('never raises reps of a timed bout, a hold that is absent or a duration that is absent', () => {
		const odd = program(
			[
				exercise({ duration: 30, progress: { reps: 3, hold: 2 } }),
				exercise({ reps: 2, progress: { duration: 5 } })
			],
			3
		);
		const raised = applyLevel(odd, 3);
		expect(raised.exercises[0]).toMatchObject({ reps: 1, duration: 30 });
		expect(raised.exercises[0]?.hold).toBeUndefined();
		expect(raised.exercises[1]?.duration).toBeUndefined();
	});
});

describe('maxLevel and clampLevel', () => {
	it('reads the number of levels', () => {
		expect(maxLevel(sample())).toBe(5);
		expect(maxLevel(program([exercise({})]))).toBe(1);
		expect(clampLevel(3.5, maxLevel(sample()))).toBe(3);
		expect(clampLevel(12, maxLevel(sample()))).toBe(5);
		expect(clampLevel(3, maxLevel(program([exercise({})])))).toBe(1);
	});
});
