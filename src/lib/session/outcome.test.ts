import { describe, expect, it } from 'vitest';
import {
	harness,
	holdExercise,
	makeExerciseRecord,
	makeProgram,
	selfPacedExercise
} from '$lib/test-factories';
import { outcomeCounts, outcomeOf } from './outcome';

describe('outcomeOf', () => {
	it('tells done, partly done, skipped and not reached apart', () => {
		expect(outcomeOf(makeExerciseRecord())).toBe('done');
		expect(outcomeOf(makeExerciseRecord({ repsDone: { none: 7, left: 0, right: 0 } }))).toBe(
			'partial'
		);
		expect(
			outcomeOf(makeExerciseRecord({ skipped: true, repsDone: { none: 3, left: 0, right: 0 } }))
		).toBe('skipped');
		expect(
			outcomeOf(makeExerciseRecord({ setsDone: 0, repsDone: { none: 0, left: 0, right: 0 } }))
		).toBe('not-reached');
	});

	it('counts the planned reps on each side for an exercise with sides', () => {
		const sided = { setsDone: 1, repsPlanned: 6, skipped: false };
		expect(outcomeOf({ ...sided, repsDone: { none: 0, left: 6, right: 6 } })).toBe('done');
		expect(outcomeOf({ ...sided, repsDone: { none: 0, left: 6, right: 2 } })).toBe('partial');
		expect(outcomeOf({ ...sided, repsDone: { none: 0, left: 6, right: 0 } })).toBe('partial');
	});
});

describe('outcomes as the engine records them', () => {
	// Three hold exercises: 2 reps of 2 s each, 5 s get ready, 10 s rest between exercises.
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(2, { id: 'a', reps: 2 }),
			holdExercise(2, { id: 'b', reps: 2 }),
			holdExercise(2, { id: 'c', reps: 2 }),
			selfPacedExercise(5, { id: 'd' })
		]
	});

	it('ending early: the first done, the one in progress partly done, the rest not reached', () => {
		const h = harness(program);
		h.at(0, (e, t) => e.start(t));
		// a: 5 + 2 + 2 = 9 s; rest 10 s; b: get ready 5 s, first hold 2 s → 26 s; into the second hold.
		h.tick(27_000);
		h.at(27_000, (e, t) => e.end(t));
		const records = h.engine.getState().records;
		expect(records.map((r) => r.outcome)).toEqual([
			'done',
			'partial',
			'not-reached',
			'not-reached'
		]);
		expect(outcomeCounts(records)).toEqual({ done: 1, partial: 1, skipped: 0, 'not-reached': 2 });
	});

	it('Skip marks the exercise skipped by the person, even with a rep done', () => {
		const h = harness(program);
		h.at(0, (e, t) => e.start(t));
		h.tick(7_500); // a's first hold done
		h.at(7_500, (e, t) => e.next(t));
		const records = h.engine.getState().records;
		expect(records[0]).toMatchObject({ outcome: 'skipped', skipped: true });
		expect(records[0]!.repsDone.none).toBe(1);
	});

	it('"Set done" with fewer reps than planned leaves the exercise partly done', () => {
		const h = harness(
			makeProgram({ prepareSeconds: 0, exercises: [selfPacedExercise(5, { id: 'd' })] })
		);
		h.at(0, (e, t) => e.start(t));
		h.at(1000, (e, t) => e.repDone(t));
		h.at(2000, (e, t) => e.setDone(t));
		expect(h.engine.getState().records[0]!.outcome).toBe('partial');
	});
});
