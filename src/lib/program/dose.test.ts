import { describe, expect, it } from 'vitest';
import {
	describeDose,
	doseForm,
	exerciseMs,
	formatDuration,
	hasSelfPaced,
	programTotalMs,
	SELF_PACED_MS_PER_REP
} from './dose';
import { makeExercise, makeProgram } from '$lib/test-factories';
import type { Exercise, Program } from './types';

function exercise(fields: Partial<Exercise> = {}): Exercise {
	return makeExercise({ id: 'e', name: 'E', instructions: ['x'], ...fields });
}

function program(exercises: Exercise[], fields: Partial<Program> = {}): Program {
	return makeProgram({ id: 'p', title: 'P', exercises, ...fields });
}

const s = (seconds: number) => seconds * 1000;

describe('doseForm', () => {
	it('tells the dose form from the fields present', () => {
		expect(doseForm(exercise({ hold: 5 }))).toBe('hold');
		expect(doseForm(exercise({ phases: [{ cue: 'a', seconds: 1 }] }))).toBe('phases');
		expect(doseForm(exercise({ duration: 30 }))).toBe('duration');
		expect(doseForm(exercise())).toBe('selfPaced');
	});
});

describe('programTotalMs', () => {
	it('adds prepare, reps with their rests, and rests between sets', () => {
		// prepare 5 + 2 sets × (3 × 4 s + 2 × 2 s) + 1 × 30 s rest between sets
		const e = exercise({ hold: 4, reps: 3, sets: 2, restBetweenReps: 2 });
		expect(programTotalMs(program([e]))).toBe(s(5 + 2 * (12 + 4) + 30));
	});

	it('sums the phases of a paced rep', () => {
		const e = exercise({
			reps: 5,
			phases: [
				{ cue: 'in', seconds: 5 },
				{ cue: 'hold', seconds: 1 },
				{ cue: 'out', seconds: 3 }
			]
		});
		expect(programTotalMs(program([e]))).toBe(s(5 + 5 * 9));
	});

	it('plays a duration as one bout per set, whatever reps says', () => {
		expect(programTotalMs(program([exercise({ duration: 60, sets: 2 })]))).toBe(s(5 + 120 + 30));
		expect(programTotalMs(program([exercise({ duration: 60, reps: 3 })]))).toBe(s(5 + 60));
	});

	it('plays sides "each" as left half, switch (prepare), right half; the switch replaces the last rep rest', () => {
		const e = exercise({ hold: 10, reps: 2, sides: 'each', restBetweenReps: 3 });
		// prepare 5 + left (10 + 3 + 10) + switch 5 + right (10 + 3 + 10)
		expect(programTotalMs(program([e]))).toBe(s(5 + 23 + 5 + 23));
		const timed = exercise({ duration: 30, sides: 'each', restBetweenReps: 9 });
		expect(programTotalMs(program([timed]))).toBe(s(5 + 30 + 5 + 30));
	});

	it('plays sides "alternate" as 2 × reps movements with rests between them', () => {
		const e = exercise({ hold: 4, reps: 3, sides: 'alternate', restBetweenReps: 1 });
		expect(programTotalMs(program([e]))).toBe(s(5 + 6 * 4 + 5 * 1));
		const timed = exercise({ duration: 20, sides: 'alternate', restBetweenReps: 2 });
		expect(programTotalMs(program([timed]))).toBe(s(5 + 20 + 2 + 20));
	});

	it('estimates self-paced reps at 4 s each, with no rests between reps', () => {
		expect(SELF_PACED_MS_PER_REP).toBe(4000);
		const plain = exercise({ reps: 10, restBetweenReps: 5 });
		expect(programTotalMs(program([plain]))).toBe(s(5) + 10 * SELF_PACED_MS_PER_REP);
		const each = exercise({ reps: 10, sides: 'each', sets: 2, restBetweenSets: 20 });
		expect(programTotalMs(program([each]))).toBe(s(5) + 2 * (20 * 4000 + s(5)) + s(20));
		const alternate = exercise({ reps: 6, sides: 'alternate', restBetweenReps: 3 });
		expect(programTotalMs(program([alternate]))).toBe(s(5) + 12 * 4000);
	});

	it('rests after every exercise but the last, restAfter overriding the program', () => {
		const a = exercise({ id: 'a', hold: 1 });
		const b = exercise({ id: 'b', hold: 1, restAfter: 40 });
		const c = exercise({ id: 'c', hold: 1, restAfter: 99 });
		expect(programTotalMs(program([a, b, c]))).toBe(s(3 * (5 + 1) + 15 + 40));
		expect(programTotalMs(program([a, b, c], { restBetweenExercises: 0, prepareSeconds: 0 }))).toBe(
			s(3 + 40)
		);
	});

	it('counts zero-second waits as nothing', () => {
		const e = exercise({ hold: 2, reps: 2, sets: 2, restBetweenSets: 0, sides: 'each' });
		expect(programTotalMs(program([e], { prepareSeconds: 0 }))).toBe(s(2 * (2 * 2 * 2)));
	});

	it('exposes the length of one exercise', () => {
		const p = program([exercise({ hold: 3, reps: 2 })]);
		expect(exerciseMs(p, p.exercises[0]!)).toBe(s(5 + 6));
	});

	it('tells whether a program has self-paced reps', () => {
		expect(hasSelfPaced(program([exercise({ hold: 1 })]))).toBe(false);
		expect(hasSelfPaced(program([exercise({ hold: 1 }), exercise()]))).toBe(true);
	});
});

describe('describeDose', () => {
	it('describes holds', () => {
		expect(describeDose(exercise({ sets: 2, reps: 10, hold: 5, sides: 'each' }))).toBe(
			'2 sets × 10 reps, hold 5 s, each side'
		);
		expect(describeDose(exercise({ hold: 150 }))).toBe('1 set × 1 rep, hold 2 min 30 s');
		expect(describeDose(exercise({ hold: 3600, reps: 2 }))).toBe('1 set × 2 reps, hold 1 h');
	});

	it('describes paced reps with their cues', () => {
		const e = exercise({
			reps: 5,
			phases: [
				{ cue: 'Breathe in', seconds: 5 },
				{ cue: 'Hold', seconds: 1 },
				{ cue: 'Breathe out', seconds: 3 }
			]
		});
		expect(describeDose(e)).toBe(
			'1 set × 5 reps, paced: breathe in 5 s · hold 1 s · breathe out 3 s'
		);
		const acronym = exercise({
			phases: [
				{ cue: 'TA squeeze', seconds: 3 },
				{ cue: '', seconds: 2 }
			]
		});
		expect(describeDose(acronym)).toBe('1 set × 1 rep, paced: TA squeeze 3 s · 2 s');
	});

	it('describes timed bouts', () => {
		expect(describeDose(exercise({ duration: 60 }))).toBe('60 s');
		expect(describeDose(exercise({ duration: 300, sets: 3 }))).toBe('3 sets × 5 min');
		expect(describeDose(exercise({ duration: 45, sides: 'each' }))).toBe('45 s, each side');
	});

	it('describes self-paced reps', () => {
		expect(describeDose(exercise({ reps: 10, sides: 'alternate' }))).toBe(
			'10 reps at your own pace, alternating sides'
		);
		expect(describeDose(exercise({ reps: 8, sets: 2 }))).toBe('2 sets × 8 reps at your own pace');
		expect(describeDose(exercise())).toBe('1 rep at your own pace');
	});
});

describe('formatDuration', () => {
	it('writes short and long totals in plain words', () => {
		expect(formatDuration(45_000)).toBe('45 s');
		expect(formatDuration(0)).toBe('0 s');
		expect(formatDuration(7 * 60_000)).toBe('7 min');
		expect(formatDuration(7 * 60_000 + 20_000)).toBe('7 min');
		expect(formatDuration(7 * 60_000 + 40_000)).toBe('8 min');
		expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
		expect(formatDuration(2 * 3_600_000)).toBe('2 h');
		expect(formatDuration(59 * 60_000 + 50_000)).toBe('1 h');
		expect(formatDuration(59_600)).toBe('1 min');
	});

	it('treats nonsense as zero', () => {
		expect(formatDuration(-5)).toBe('0 s');
		expect(formatDuration(Number.NaN)).toBe('0 s');
	});
});
