import { describe, expect, it } from 'vitest';
import { SELF_PACED_MS_PER_REP, doseFormOf, expandTimeline } from '$lib/program/timeline';
import type { Step, Timeline } from '$lib/program/timeline-types';
import {
	holdExercise,
	makeExercise,
	makeProgram,
	mulberry32,
	phasesExercise,
	randomTimedProgram,
	selfPacedExercise,
	timedExercise
} from '$lib/test-factories';

/** A compact description of a step for readable expectations. */
function brief(step: Step): string {
	const side = step.side ? `:${step.side[0]}` : '';
	switch (step.kind) {
		case 'hold':
			return `hold${side} s${step.set} r${step.rep} ${step.duration}`;
		case 'phase':
			return `phase${side} s${step.set} r${step.rep} p${step.phaseIndex} ${step.cue} ${step.duration}`;
		case 'rest':
			return `rest-${step.restKind}${side} e${step.exerciseIndex} s${step.set} ${step.duration}`;
		case 'selfPaced':
			return `self${side} s${step.set} x${step.targetReps}${step.alternate ? ' alt' : ''} ${step.duration}`;
		default:
			return `${step.kind}${side} e${step.exerciseIndex} s${step.set} ${step.duration}`;
	}
}

function briefs(timeline: Timeline): string[] {
	return timeline.steps.map(brief);
}

function expectChained(timeline: Timeline): void {
	let at = 0;
	timeline.steps.forEach((step, i) => {
		expect(step.index).toBe(i);
		expect(step.start).toBe(at);
		expect(step.duration).toBeGreaterThan(0);
		expect(Number.isInteger(step.duration)).toBe(true);
		expect(step.end).toBe(step.start + step.duration);
		at = step.end;
	});
	expect(timeline.totalMs).toBe(at);
}

describe('expandTimeline', () => {
	it('plays a hold exercise with rep rests and exact offsets', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [holdExercise(10, { reps: 3, restBetweenReps: 2 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare e0 s1 5000',
			'hold s1 r1 10000',
			'rest-betweenReps e0 s1 2000',
			'hold s1 r2 10000',
			'rest-betweenReps e0 s1 2000',
			'hold s1 r3 10000'
		]);
		expect(timeline.steps.map((s) => s.start)).toEqual([0, 5000, 15000, 17000, 27000, 29000]);
		expect(timeline.totalMs).toBe(39000);
		expect(timeline.hasSelfPaced).toBe(false);
		expectChained(timeline);
	});

	it('plays phases as one step per phase per rep, carrying the cue', () => {
		const program = makeProgram({
			prepareSeconds: 3,
			exercises: [
				phasesExercise(
					[
						['Breathe in', 5],
						['Hold', 1],
						['Breathe out', 3]
					],
					{ reps: 2, restBetweenReps: 1 }
				)
			]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare e0 s1 3000',
			'phase s1 r1 p0 Breathe in 5000',
			'phase s1 r1 p1 Hold 1000',
			'phase s1 r1 p2 Breathe out 3000',
			'rest-betweenReps e0 s1 1000',
			'phase s1 r2 p0 Breathe in 5000',
			'phase s1 r2 p1 Hold 1000',
			'phase s1 r2 p2 Breathe out 3000'
		]);
		expect(timeline.totalMs).toBe(3000 + 9000 + 1000 + 9000);
		expectChained(timeline);
	});

	it('plays a duration as one timed bout per set, with set rests', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [timedExercise(60, { sets: 2, restBetweenSets: 20 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare e0 s1 5000',
			'timed e0 s1 60000',
			'rest-betweenSets e0 s2 20000',
			'timed e0 s2 60000'
		]);
		expect(timeline.totalMs).toBe(145000);
		expectChained(timeline);
	});

	it('plays self-paced reps as one step per set, estimated per rep, without rep rests', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [selfPacedExercise(10, { sets: 2, restBetweenSets: 30, restBetweenReps: 5 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare e0 s1 5000',
			'self s1 x10 40000',
			'rest-betweenSets e0 s2 30000',
			'self s2 x10 40000'
		]);
		expect(SELF_PACED_MS_PER_REP).toBe(4000);
		expect(timeline.hasSelfPaced).toBe(true);
		expectChained(timeline);
	});

	it('plays sides "each": left reps, a switch-sides get-ready, right reps', () => {
		const program = makeProgram({
			prepareSeconds: 4,
			exercises: [holdExercise(10, { sides: 'each', reps: 2, restBetweenReps: 3 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare:l e0 s1 4000',
			'hold:l s1 r1 10000',
			'rest-betweenReps:l e0 s1 3000',
			'hold:l s1 r2 10000',
			'switchSides:r e0 s1 4000',
			'hold:r s1 r1 10000',
			'rest-betweenReps:r e0 s1 3000',
			'hold:r s1 r2 10000'
		]);
		expectChained(timeline);
	});

	it('plays sides "alternate": left, right, left, right with rep rests between movements', () => {
		const program = makeProgram({
			prepareSeconds: 2,
			exercises: [holdExercise(5, { sides: 'alternate', reps: 2, restBetweenReps: 1 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare:l e0 s1 2000',
			'hold:l s1 r1 5000',
			'rest-betweenReps:r e0 s1 1000',
			'hold:r s1 r1 5000',
			'rest-betweenReps:l e0 s1 1000',
			'hold:l s1 r2 5000',
			'rest-betweenReps:r e0 s1 1000',
			'hold:r s1 r2 5000'
		]);
		expectChained(timeline);
	});

	it('plays "each" and "alternate" durations as left and right bouts', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			restBetweenExercises: 10,
			exercises: [
				timedExercise(30, { sides: 'each' }),
				timedExercise(20, { sides: 'alternate', restBetweenReps: 2 })
			]
		});
		expect(briefs(expandTimeline(program))).toEqual([
			'prepare:l e0 s1 5000',
			'timed:l e0 s1 30000',
			'switchSides:r e0 s1 5000',
			'timed:r e0 s1 30000',
			'rest-betweenExercises:l e1 s1 10000',
			'prepare:l e1 s1 5000',
			'timed:l e1 s1 20000',
			'rest-betweenReps:r e1 s1 2000',
			'timed:r e1 s1 20000'
		]);
	});

	it('plays self-paced "each" per side-half and "alternate" as one step of 2 × reps', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			restBetweenExercises: 0,
			exercises: [
				selfPacedExercise(8, { sides: 'each' }),
				selfPacedExercise(6, { sides: 'alternate' })
			]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare:l e0 s1 5000',
			'self:l s1 x8 32000',
			'switchSides:r e0 s1 5000',
			'self:r s1 x8 32000',
			'prepare:l e1 s1 5000',
			'self:l s1 x12 alt 48000'
		]);
		expectChained(timeline);
	});

	it('repeats the whole "each" sequence per set with set rests between', () => {
		const program = makeProgram({
			prepareSeconds: 3,
			exercises: [
				holdExercise(4, { sides: 'each', sets: 2, reps: 1, restBetweenSets: 6, restBetweenReps: 9 })
			]
		});
		expect(briefs(expandTimeline(program))).toEqual([
			'prepare:l e0 s1 3000',
			'hold:l s1 r1 4000',
			'switchSides:r e0 s1 3000',
			'hold:r s1 r1 4000',
			'rest-betweenSets:l e0 s2 6000',
			'hold:l s2 r1 4000',
			'switchSides:r e0 s2 3000',
			'hold:r s2 r1 4000'
		]);
	});

	it('puts a between-exercises rest after every exercise but the last, about the coming one', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			restBetweenExercises: 15,
			exercises: [
				holdExercise(10, { id: 'a' }),
				holdExercise(10, { id: 'b', restAfter: 40, sides: 'each' }),
				holdExercise(10, { id: 'c', sides: 'alternate' })
			]
		});
		const timeline = expandTimeline(program);
		const rests = timeline.steps.filter((s) => s.kind === 'rest');
		expect(rests.map(brief)).toEqual([
			'rest-betweenExercises:l e1 s1 15000',
			'rest-betweenExercises:l e2 s1 40000'
		]);
		expect(timeline.steps.at(-1)?.kind).toBe('hold');
		expectChained(timeline);
	});

	it('uses the format defaults of a normalized program (5 s prepare, 15 s rest, 30 s sets)', () => {
		const program = makeProgram({
			exercises: [makeExercise({ sets: 2, reps: 3, hold: 5 }), makeExercise({ duration: 30 })]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'prepare e0 s1 5000',
			'hold s1 r1 5000',
			'hold s1 r2 5000',
			'hold s1 r3 5000',
			'rest-betweenSets e0 s2 30000',
			'hold s2 r1 5000',
			'hold s2 r2 5000',
			'hold s2 r3 5000',
			'rest-betweenExercises e1 s1 15000',
			'prepare e1 s1 5000',
			'timed e1 s1 30000'
		]);
		expect(timeline.totalMs).toBe(5000 * 7 + 30000 + 15000 + 5000 + 30000);
	});

	it('omits steps of zero length (no prepare, no switch, no rests)', () => {
		const program = makeProgram({
			prepareSeconds: 0,
			restBetweenExercises: 0,
			exercises: [
				holdExercise(3, {
					sides: 'each',
					reps: 2,
					sets: 2,
					restBetweenReps: 0,
					restBetweenSets: 0
				}),
				timedExercise(5, { restAfter: 0 }),
				timedExercise(5)
			]
		});
		const timeline = expandTimeline(program);
		expect(briefs(timeline)).toEqual([
			'hold:l s1 r1 3000',
			'hold:l s1 r2 3000',
			'hold:r s1 r1 3000',
			'hold:r s1 r2 3000',
			'hold:l s2 r1 3000',
			'hold:l s2 r2 3000',
			'hold:r s2 r1 3000',
			'hold:r s2 r2 3000',
			'timed e1 s1 5000',
			'timed e2 s1 5000'
		]);
		expect(timeline.totalMs).toBe(34000);
		expectChained(timeline);
	});

	it('restAfter overrides the program rest, also to zero', () => {
		const program = makeProgram({
			restBetweenExercises: 20,
			exercises: [
				timedExercise(5, { restAfter: 0 }),
				timedExercise(5, { restAfter: 7 }),
				timedExercise(5)
			]
		});
		const rests = expandTimeline(program).steps.filter((s) => s.kind === 'rest');
		expect(rests.map((r) => r.duration)).toEqual([7000]);
		expect(rests[0]?.exerciseIndex).toBe(2);
	});

	it('expands a 4-hour-sized program exactly', () => {
		// 40 exercises of 3 sets × 4 alternating reps of 10 s holds, close to the 4-hour limit.
		const exercises = Array.from({ length: 40 }, (_, i) =>
			holdExercise(10, {
				id: `ex-${i}`,
				sides: 'alternate',
				sets: 3,
				reps: 4,
				restBetweenReps: 1,
				restBetweenSets: 30
			})
		);
		const program = makeProgram({ prepareSeconds: 5, restBetweenExercises: 15, exercises });
		const timeline = expandTimeline(program);
		// Per set: 8 holds of 10 s and 7 rests of 1 s.
		const perSet = 8 * 10000 + 7 * 1000;
		const perExercise = 5000 + 3 * perSet + 2 * 30000;
		expect(timeline.totalMs).toBe(40 * perExercise + 39 * 15000);
		expect(timeline.totalMs).toBeLessThanOrEqual(4 * 3600 * 1000);
		expect(timeline.totalMs).toBeGreaterThan(3.5 * 3600 * 1000);
		expect(timeline.steps).toHaveLength(40 * (1 + 3 * 15 + 2) + 39);
		expectChained(timeline);
		const last = timeline.steps.at(-1);
		expect(last).toMatchObject({ kind: 'hold', side: 'right', rep: 4, set: 3, exerciseIndex: 39 });
	});

	it('rounds fractional seconds to whole milliseconds', () => {
		const program = makeProgram({
			prepareSeconds: 0,
			exercises: [phasesExercise([['In', 1.0005]], { reps: 2 })]
		});
		const timeline = expandTimeline(program);
		expect(timeline.steps.map((s) => s.duration)).toEqual([1001, 1001]);
		expectChained(timeline);
	});

	it('chains every generated program exactly', () => {
		const random = mulberry32(7);
		for (let i = 0; i < 100; i++) {
			const timeline = expandTimeline(randomTimedProgram(random));
			expectChained(timeline);
			expect(timeline.hasSelfPaced).toBe(false);
			// The session never ends on a rest.
			expect(timeline.steps.at(-1)?.kind).not.toBe('rest');
		}
	});
});

describe('doseFormOf', () => {
	it('tells the dose form from the fields present', () => {
		expect(doseFormOf(makeExercise({ hold: 5 }))).toBe('hold');
		expect(doseFormOf(makeExercise({ phases: [{ cue: 'In', seconds: 2 }] }))).toBe('phases');
		expect(doseFormOf(makeExercise({ duration: 30 }))).toBe('duration');
		expect(doseFormOf(makeExercise())).toBe('selfPaced');
	});
});
