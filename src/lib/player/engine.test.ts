import { describe, expect, it, vi } from 'vitest';
import { createEngine, LATE_MS, restoreEngine } from '$lib/player/engine';
import {
	attach,
	expectedEvents,
	harness,
	holdExercise,
	makeProgram,
	phasesExercise,
	selfPacedExercise,
	summary,
	timedExercise
} from '$lib/test-factories';
import type { Engine, EngineEvent } from '$lib/player/engine-types';
import { expandTimeline } from '$lib/program/timeline';
import type { Step } from '$lib/program/timeline-types';

const T0 = 1_000_000;

function ofType<K extends EngineEvent['type']>(events: EngineEvent[], type: K) {
	return events.filter((e): e is Extract<EngineEvent, { type: K }> => e.type === type);
}

function stepAt(steps: Step[], predicate: (s: Step) => boolean): Step {
	const step = steps.find(predicate);
	if (!step) throw new Error('no such step');
	return step;
}

describe('engine: start and deadlines', () => {
	it('starts ready, then plays the first step with its deadline', () => {
		const program = makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] });
		const h = harness(program);
		const ready = h.engine.getState();
		expect(ready).toMatchObject({ status: 'ready', step: null, remainingMs: null, elapsedMs: 0 });
		expect(ready.remainingTotalMs).toBe(15000);
		h.at(T0, (e, t) => e.start(t));
		const state = h.engine.getState(T0 + 1234);
		expect(state.status).toBe('playing');
		expect(state.step?.kind).toBe('prepare');
		expect(state.remainingMs).toBe(5000 - 1234);
		expect(state.elapsedMs).toBe(1234);
		expect(state.remainingTotalMs).toBe(15000 - 1234);
		expect(h.events().map(summary)).toEqual([`stepStarted#0@${T0}`, `nextUp(0)#0@${T0}`]);
	});

	it('changes step exactly at the deadline, not before', () => {
		const program = makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] });
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		expect(h.engine.getState(T0 + 4999).stepIndex).toBe(0);
		expect(h.engine.getState(T0 + 4999).remainingMs).toBe(1);
		const at = h.engine.getState(T0 + 5000);
		expect(at.stepIndex).toBe(1);
		expect(at.remainingMs).toBe(10000);
	});

	it('ignores commands before start and a second start', () => {
		const program = makeProgram({ exercises: [holdExercise(10)] });
		const h = harness(program);
		h.at(T0, (e, t) => {
			e.pause(t);
			e.resume(t);
			e.next(t);
			e.previous(t);
			e.repDone(t);
			e.tick(t);
		});
		expect(h.engine.getState().status).toBe('ready');
		expect(h.delivered).toHaveLength(0);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 100, (e, t) => e.start(t));
		expect(ofType(h.events(), 'stepStarted')).toHaveLength(1);
	});

	it('treats a `now` that goes backwards as the last one', () => {
		const program = makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] });
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 3000);
		const state = h.engine.getState(T0 + 1000);
		expect(state.remainingMs).toBe(2000);
		expect(state.elapsedMs).toBe(3000);
	});
});

describe('engine: dose forms', () => {
	it('plays holds: repCounted at each hold end, per side, and records', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [holdExercise(10, { reps: 2, sides: 'each', restBetweenReps: 3 })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + h.timeline.totalMs);
		expect(h.events().map(summary)).toEqual(expectedEvents(h.timeline, T0));
		const reps = ofType(h.events(), 'repCounted');
		expect(reps.map((r) => [r.side, r.repsCounted])).toEqual([
			['left', 1],
			['left', 2],
			['right', 1],
			['right', 2]
		]);
		const state = h.engine.getState();
		expect(state.status).toBe('complete');
		expect(state.stepIndex).toBe(h.timeline.steps.length);
		expect(state.records[0]).toMatchObject({
			setsDone: 1,
			setsPlanned: 1,
			repsDone: { none: 0, left: 2, right: 2 },
			repsPlanned: 2,
			skipped: false,
			// 4 holds + 2 rep rests + the switch; not the prepare.
			seconds: 4 * 10 + 2 * 3 + 5
		});
	});

	it('plays phases: a cue at each phase, a rep counted when its last phase ends', () => {
		const program = makeProgram({
			prepareSeconds: 3,
			exercises: [
				phasesExercise(
					[
						['Breathe in', 5],
						['Hold', 1],
						['Breathe out', 3]
					],
					{ reps: 2 }
				)
			]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 3000 + 9000 - 1);
		expect(h.engine.getState().records[0]?.repsDone.none).toBe(0);
		h.tick(T0 + 3000 + 9000);
		expect(h.engine.getState().records[0]?.repsDone.none).toBe(1);
		h.tick(T0 + 100000);
		const cues = ofType(h.events(), 'phaseCue').map((e) => [e.cue, e.at - T0]);
		expect(cues).toEqual([
			['Breathe in', 3000],
			['Hold', 8000],
			['Breathe out', 9000],
			['Breathe in', 12000],
			['Hold', 17000],
			['Breathe out', 18000]
		]);
		// Phases get no 3-2-1 countdown (the cue paces them).
		expect(ofType(h.events(), 'countdown').every((e) => e.step.kind === 'prepare')).toBe(true);
		expect(h.events().map(summary)).toEqual(expectedEvents(h.timeline, T0));
		expect(h.engine.getState().records[0]?.repsDone.none).toBe(2);
	});

	it('plays timed bouts: one rep per bout on its side, alternate without a switch', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			restBetweenExercises: 10,
			exercises: [
				timedExercise(30, { sets: 2, restBetweenSets: 20 }),
				timedExercise(20, { sides: 'alternate', restBetweenReps: 2 })
			]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + h.timeline.totalMs);
		expect(h.events().map(summary)).toEqual(expectedEvents(h.timeline, T0));
		expect(ofType(h.events(), 'switchSides')).toHaveLength(0);
		const [first, second] = h.engine.getState().records;
		expect(first).toMatchObject({ setsDone: 2, repsDone: { none: 2 }, repsPlanned: 2 });
		expect(second).toMatchObject({ setsDone: 1, repsDone: { left: 1, right: 1 }, repsPlanned: 1 });
		expect(second?.seconds).toBe(42);
	});

	it('emits 3-2-1 at the exact crossing moments, only for steps of at least 4 s', () => {
		const program = makeProgram({
			prepareSeconds: 3,
			exercises: [holdExercise(4, { reps: 2, restBetweenReps: 5 })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		for (let t = T0; t <= T0 + h.timeline.totalMs; t += 7) h.tick(t);
		h.tick(T0 + h.timeline.totalMs);
		const countdowns = ofType(h.events(), 'countdown').map((e) => [
			e.step.kind,
			e.secondsLeft,
			e.at - T0,
			e.late
		]);
		// prepare (3 s) has none; hold 3000–7000, rest 7000–12000, hold 12000–16000.
		expect(countdowns).toEqual([
			['hold', 3, 4000, false],
			['hold', 2, 5000, false],
			['hold', 1, 6000, false],
			['rest', 3, 9000, false],
			['rest', 2, 10000, false],
			['rest', 1, 11000, false],
			['hold', 3, 13000, false],
			['hold', 2, 14000, false],
			['hold', 1, 15000, false]
		]);
	});
});

describe('engine: self-paced reps', () => {
	it('counts taps, completes at the target and starts the next step at once', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [selfPacedExercise(3, { sets: 2, restBetweenSets: 10 })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		// A self-paced step never ends by time: ticks far past its estimate change nothing.
		h.tick(T0 + 5000 + 600000);
		let state = h.engine.getState();
		expect(state.step?.kind).toBe('selfPaced');
		expect(state.remainingMs).toBeNull();
		expect(state.remainingTotalMs).toBe(12000 + 10000 + 12000);
		const t1 = T0 + 700000;
		h.at(t1, (e, t) => e.repDone(t));
		h.at(t1 + 500, (e, t) => e.repDone(t));
		state = h.engine.getState();
		expect(state.repsCounted).toBe(2);
		expect(state.remainingTotalMs).toBe(4000 + 10000 + 12000);
		h.at(t1 + 900, (e, t) => e.repDone(t));
		state = h.engine.getState();
		expect(state.step).toMatchObject({ kind: 'rest', restKind: 'betweenSets' });
		expect(state.remainingMs).toBe(10000);
		const started = ofType(h.events(), 'stepStarted').at(-1);
		expect(started?.at).toBe(t1 + 900);
		expect(ofType(h.events(), 'repCounted').map((e) => e.repsCounted)).toEqual([1, 2, 3]);
		expect(state.records[0]).toMatchObject({ setsDone: 1, repsDone: { none: 3 } });
	});

	it('setDone ends the set early and records the reps actually counted', () => {
		const program = makeProgram({
			prepareSeconds: 0,
			exercises: [selfPacedExercise(10, { sets: 2, restBetweenSets: 0 })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 1000, (e, t) => e.repDone(t));
		h.at(T0 + 2000, (e, t) => e.setDone(t));
		let state = h.engine.getState();
		expect(state.step?.set).toBe(2);
		expect(state.repsCounted).toBe(0);
		h.at(T0 + 3000, (e, t) => e.setDone(t));
		state = h.engine.getState();
		expect(state.status).toBe('complete');
		expect(state.records[0]).toMatchObject({
			setsDone: 1,
			setsPlanned: 2,
			repsDone: { none: 1 },
			repsPlanned: 20,
			seconds: 3
		});
		// Reaching the end with setDone is playing to the end: no exercise was skipped.
		expect(ofType(h.events(), 'sessionComplete')[0]?.completed).toBe(true);
	});

	it('alternate: even taps left, odd taps right; counts reps per side', () => {
		const program = makeProgram({
			prepareSeconds: 0,
			exercises: [selfPacedExercise(2, { sides: 'alternate' })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const sides: Array<string | null> = [];
		for (let i = 0; i < 4; i++) {
			sides.push(h.engine.getState().currentSide);
			h.at(T0 + i * 1000, (e, t) => e.repDone(t));
		}
		expect(sides).toEqual(['left', 'right', 'left', 'right']);
		expect(ofType(h.events(), 'repCounted').map((e) => e.side)).toEqual([
			'left',
			'right',
			'left',
			'right'
		]);
		const state = h.engine.getState();
		expect(state.status).toBe('complete');
		expect(state.records[0]).toMatchObject({ repsDone: { left: 2, right: 2 }, repsPlanned: 2 });
	});

	it('each: left half, switch sides, right half', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [selfPacedExercise(2, { sides: 'each' })]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 5000);
		h.at(T0 + 6000, (e, t) => e.repDone(t));
		h.at(T0 + 7000, (e, t) => e.repDone(t));
		expect(h.engine.getState().step).toMatchObject({ kind: 'switchSides', side: 'right' });
		expect(ofType(h.events(), 'switchSides').map((e) => [e.side, e.at - T0])).toEqual([
			['right', 7000]
		]);
		h.tick(T0 + 12000);
		expect(h.engine.getState().currentSide).toBe('right');
		h.at(T0 + 13000, (e, t) => e.repDone(t));
		h.at(T0 + 14000, (e, t) => e.repDone(t));
		expect(h.engine.getState().records[0]?.repsDone).toEqual({ none: 0, left: 2, right: 2 });
	});

	it('ignores repDone and setDone outside self-paced steps and while paused', () => {
		const program = makeProgram({
			prepareSeconds: 5,
			exercises: [holdExercise(10), selfPacedExercise(3)]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 6000, (e, t) => {
			e.repDone(t);
			e.setDone(t);
		});
		expect(h.engine.getState()).toMatchObject({ stepIndex: 1, repsCounted: 0 });
		expect(h.engine.getState().remainingMs).toBe(9000);
		const selfStep = stepAt(h.timeline.steps, (s) => s.kind === 'selfPaced');
		h.tick(T0 + selfStep.start);
		h.at(T0 + selfStep.start + 10, (e, t) => e.pause(t));
		h.at(T0 + selfStep.start + 20, (e, t) => {
			e.repDone(t);
			e.setDone(t);
		});
		expect(h.engine.getState()).toMatchObject({ status: 'paused', repsCounted: 0 });
		expect(h.engine.getState().step?.kind).toBe('selfPaced');
	});
});

describe('engine: sets and rests', () => {
	it('emits rest for every kind of rest and nextUp about the coming exercise', () => {
		const program = makeProgram({
			prepareSeconds: 2,
			restBetweenExercises: 6,
			exercises: [
				holdExercise(5, { reps: 2, sets: 2, restBetweenReps: 2, restBetweenSets: 8 }),
				timedExercise(5)
			]
		});
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + h.timeline.totalMs);
		const rests = ofType(h.events(), 'rest').map((e) => [e.step.restKind, e.at - T0]);
		// prepare 0–2, hold 2–7, rest 7–9, hold 9–14, set rest 14–22, hold 22–27, rest 27–29,
		// hold 29–34, exercise rest 34–40, prepare 40–42, timed 42–47.
		expect(rests).toEqual([
			['betweenReps', 7000],
			['betweenSets', 14000],
			['betweenReps', 27000],
			['betweenExercises', 34000]
		]);
		const nextUps = ofType(h.events(), 'nextUp').map((e) => [
			e.exerciseIndex,
			e.step.kind,
			e.at - T0
		]);
		expect(nextUps).toEqual([
			[0, 'prepare', 0],
			[1, 'rest', 34000],
			[1, 'prepare', 40000]
		]);
		expect(h.events().map(summary)).toEqual(expectedEvents(h.timeline, T0));
		const state = h.engine.getState();
		expect(state.records[0]).toMatchObject({ setsDone: 2, repsDone: { none: 4 }, seconds: 32 });
		expect(state.records[1]).toMatchObject({ setsDone: 1, repsDone: { none: 1 }, seconds: 5 });
		expect(state.elapsedMs).toBe(47000);
	});
});

describe('engine: pause and resume', () => {
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 8,
		exercises: [
			holdExercise(6, { sides: 'each', reps: 2, restBetweenReps: 4, sets: 2, restBetweenSets: 7 }),
			phasesExercise([
				['In', 4],
				['Out', 5]
			]),
			timedExercise(12, { sides: 'alternate', restBetweenReps: 3 })
		]
	});
	const timeline = expandTimeline(program);

	for (const step of timeline.steps) {
		const label = step.kind === 'rest' ? `rest (${step.restKind})` : step.kind;
		it(`freezes time left in step ${step.index} (${label}) and shifts the rest exactly`, () => {
			const h = harness(program);
			h.at(T0, (e, t) => e.start(t));
			const into = Math.floor(step.duration / 2) + 1;
			const pauseAt = T0 + step.start + into;
			h.at(pauseAt, (e, t) => e.pause(t));
			const paused = h.engine.getState(pauseAt + 60000);
			expect(paused.status).toBe('paused');
			expect(paused.stepIndex).toBe(step.index);
			expect(paused.remainingMs).toBe(step.duration - into);
			expect(paused.elapsedMs).toBe(step.start + into);
			h.at(pauseAt + 90000, (e, t) => e.resume(t));
			const resumed = h.engine.getState(pauseAt + 90000 + 1);
			expect(resumed.remainingMs).toBe(step.duration - into - 1);
			h.tick(T0 + 90000 + timeline.totalMs);
			const done = ofType(h.events(), 'sessionComplete');
			expect(done).toEqual([
				{ type: 'sessionComplete', at: T0 + 90000 + timeline.totalMs, late: false, completed: true }
			]);
			expect(h.engine.getState().elapsedMs).toBe(timeline.totalMs);
			expect(ofType(h.events(), 'paused')[0]?.at).toBe(pauseAt);
			expect(ofType(h.events(), 'resumed')[0]?.at).toBe(pauseAt + 90000);
			// Events after the resume are the untouched timeline's, shifted by the pause.
			const after = h.events().filter((e) => e.at > pauseAt + 90000);
			const shifted = expectedEvents(timeline, T0 + 90000).filter((s) => {
				const at = Number(s.slice(s.lastIndexOf('@') + 1));
				return at > pauseAt + 90000;
			});
			expect(after.map(summary)).toEqual(shifted);
		});
	}

	it('pause and resume are idempotent and keep the countdown moments relative to the deadline', () => {
		const h = harness(makeProgram({ prepareSeconds: 10, exercises: [holdExercise(5)] }));
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 1000, (e, t) => e.pause(t));
		h.at(T0 + 2000, (e, t) => e.pause(t));
		h.at(T0 + 11000, (e, t) => e.resume(t));
		h.at(T0 + 12000, (e, t) => e.resume(t));
		expect(ofType(h.events(), 'paused')).toHaveLength(1);
		expect(ofType(h.events(), 'resumed')).toHaveLength(1);
		h.tick(T0 + 30000);
		const countdowns = ofType(h.events(), 'countdown').filter((e) => e.step.kind === 'prepare');
		// Deadline moved from 10 s to 20 s after start.
		expect(countdowns.map((e) => e.at - T0)).toEqual([17000, 18000, 19000]);
	});

	it('pauses in a self-paced step keep the counted reps', () => {
		const h = harness(makeProgram({ prepareSeconds: 0, exercises: [selfPacedExercise(3)] }));
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 1000, (e, t) => e.repDone(t));
		h.at(T0 + 1500, (e, t) => e.pause(t));
		h.at(T0 + 9000, (e, t) => e.resume(t));
		h.at(T0 + 9500, (e, t) => e.repDone(t));
		const state = h.engine.getState(T0 + 9500);
		expect(state.repsCounted).toBe(2);
		expect(state.elapsedMs).toBe(2000);
	});
});

describe('engine: skip (next)', () => {
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(10, { reps: 3, sets: 2, restBetweenReps: 2, restBetweenSets: 15 }),
			timedExercise(30),
			holdExercise(5, { reps: 2 })
		]
	});

	it('ends a wait now and starts the next step at once', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 1200, (e, t) => e.next(t));
		const state = h.engine.getState();
		expect(state.step).toMatchObject({ kind: 'hold', rep: 1 });
		expect(state.remainingMs).toBe(10000);
		expect(ofType(h.events(), 'stepStarted').at(-1)?.at).toBe(T0 + 1200);
		// A rest between sets: skipping it starts the next set.
		const setRest = stepAt(
			h.timeline.steps,
			(s) => s.kind === 'rest' && s.restKind === 'betweenSets'
		);
		const shift = 5000 - 1200;
		h.tick(T0 + setRest.start - shift + 100);
		expect(h.engine.getState().stepIndex).toBe(setRest.index);
		h.at(T0 + setRest.start - shift + 200, (e, t) => e.next(t));
		expect(h.engine.getState().step).toMatchObject({ kind: 'hold', set: 2, rep: 1 });
		expect(h.engine.getState().records[0]?.skipped).toBe(false);
	});

	it('skips the rest of an exercise from its work; the rep cut short does not count', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		// hold 1 ends at 15 s; rest to 17 s; hold 2 until 27 s.
		h.at(T0 + 20000, (e, t) => e.next(t));
		const state = h.engine.getState();
		expect(state.step).toMatchObject({
			kind: 'rest',
			restKind: 'betweenExercises',
			exerciseIndex: 1
		});
		expect(state.remainingMs).toBe(10000);
		expect(state.records[0]).toMatchObject({
			skipped: true,
			setsDone: 1,
			repsDone: { none: 1 },
			repsPlanned: 6,
			// 10 s hold + 2 s rest + 3 s of the cut hold.
			seconds: 15
		});
		expect(ofType(h.events(), 'repCounted')).toHaveLength(1);
	});

	it('skipping the last exercise ends the session, not completed', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const last = h.timeline.steps.at(-1) as Step;
		h.tick(T0 + last.start + 100);
		h.at(T0 + last.start + 200, (e, t) => e.next(t));
		const state = h.engine.getState();
		expect(state.status).toBe('complete');
		expect(state.step).toBeNull();
		expect(state.records[2]).toMatchObject({ skipped: true, repsDone: { none: 1 } });
		expect(ofType(h.events(), 'sessionComplete')).toEqual([
			{ type: 'sessionComplete', at: T0 + last.start + 200, late: false, completed: false }
		]);
	});

	it('a skipped exercise makes the session not completed even when it plays to the end', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 6000, (e, t) => e.next(t));
		h.tick(T0 + 10 * 3600 * 1000);
		expect(ofType(h.events(), 'sessionComplete')[0]?.completed).toBe(false);
		expect(h.engine.getState().records.map((r) => r.skipped)).toEqual([true, false, false]);
	});

	it('works while paused and stays paused', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 1000, (e, t) => e.pause(t));
		h.at(T0 + 5000, (e, t) => e.next(t));
		const state = h.engine.getState(T0 + 8000);
		expect(state).toMatchObject({ status: 'paused', remainingMs: 10000, elapsedMs: 1000 });
		expect(state.step?.kind).toBe('hold');
		h.at(T0 + 9000, (e, t) => e.resume(t));
		expect(h.engine.getState(T0 + 9500).remainingMs).toBe(9500);
	});
});

describe('engine: back (previous)', () => {
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(10, { reps: 2, restBetweenReps: 2 }),
			holdExercise(8, { reps: 2, sides: 'each' }),
			timedExercise(20)
		]
	});
	const timeline = expandTimeline(program);
	const prepare = (e: number) =>
		stepAt(timeline.steps, (s) => s.kind === 'prepare' && s.exerciseIndex === e);

	it('restarts the current exercise from its prepare when in its work', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const p1 = prepare(1);
		const back = T0 + p1.start + 5000 + 8000 + 1000; // second left hold, 1 s in
		h.tick(back - 1);
		expect(h.engine.getState().records[1]?.repsDone.left).toBe(1);
		h.at(back, (e, t) => e.previous(t));
		const state = h.engine.getState();
		expect(state.stepIndex).toBe(p1.index);
		expect(state.remainingMs).toBe(5000);
		expect(state.records[1]).toMatchObject({ repsDone: { left: 0, right: 0 }, setsDone: 0 });
		// Seconds keep accumulating: the 8 s hold plus 1 s of the second.
		expect(state.records[1]?.seconds).toBe(9);
		expect(state.records[0]?.repsDone.none).toBe(2);
		expect(ofType(h.events(), 'stepStarted').at(-1)).toMatchObject({ at: back });
	});

	it('restarts the current exercise when more than 2 s passed in its prepare', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const p1 = prepare(1);
		h.at(T0 + p1.start + 2001, (e, t) => e.previous(t));
		expect(h.engine.getState().stepIndex).toBe(p1.index);
		expect(h.engine.getState().records[0]?.repsDone.none).toBe(2);
	});

	it('goes to the previous exercise within 2 s of a prepare, resetting it', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const p1 = prepare(1);
		h.at(T0 + p1.start + 2000, (e, t) => e.previous(t));
		const state = h.engine.getState();
		expect(state.stepIndex).toBe(prepare(0).index);
		expect(state.records[0]).toMatchObject({ repsDone: { none: 0 }, setsDone: 0, seconds: 22 });
	});

	it('2 s are active time: a pause in the prepare does not count', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const p1 = prepare(1);
		h.at(T0 + p1.start + 1000, (e, t) => e.pause(t));
		h.at(T0 + p1.start + 60000, (e, t) => e.previous(t));
		expect(h.engine.getState()).toMatchObject({ status: 'paused', stepIndex: 0 });
	});

	it('replays the exercise just finished from a between-exercises rest', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const rest = stepAt(timeline.steps, (s) => s.kind === 'rest' && s.exerciseIndex === 2);
		h.at(T0 + rest.start + 500, (e, t) => e.previous(t));
		expect(h.engine.getState().stepIndex).toBe(prepare(1).index);
	});

	it('at the first exercise, restarts it', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 500, (e, t) => e.previous(t));
		expect(h.engine.getState()).toMatchObject({ stepIndex: 0, remainingMs: 5000 });
		h.tick(T0 + 7000);
		h.at(T0 + 7000, (e, t) => e.previous(t));
		expect(h.engine.getState()).toMatchObject({ stepIndex: 0, remainingMs: 5000 });
	});

	it('clears the skipped flag of an exercise that is played again', () => {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 6000, (e, t) => e.next(t)); // skip exercise 0 from its work
		expect(h.engine.getState().records[0]?.skipped).toBe(true);
		h.at(T0 + 6500, (e, t) => e.previous(t)); // in the rest after it: replay it
		expect(h.engine.getState().records[0]?.skipped).toBe(false);
		h.tick(T0 + 6500 + timeline.totalMs);
		expect(ofType(h.events(), 'sessionComplete')[0]?.completed).toBe(true);
	});

	it('restarts from the first work step when there is no prepare', () => {
		const p = makeProgram({
			prepareSeconds: 0,
			restBetweenExercises: 0,
			exercises: [holdExercise(5, { reps: 2 }), holdExercise(5, { reps: 2 })]
		});
		const h = harness(p);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 11000, (e, t) => e.previous(t)); // 1 s into exercise 1's first hold
		expect(h.engine.getState().stepIndex).toBe(0);
		h.tick(T0 + 30000);
		// Exercise 0 replayed from 11 s to 21 s; at 30 s the second hold of exercise 1 plays.
		h.at(T0 + 30000, (e, t) => e.previous(t));
		expect(h.engine.getState().step?.exerciseIndex).toBe(1);
		expect(h.engine.getState().step?.index).toBe(2);
	});
});

describe('engine: end, completion and listeners', () => {
	it('end() finishes at once with completed = false and only once', () => {
		const h = harness(makeProgram({ exercises: [holdExercise(10)] }));
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 7000, (e, t) => e.end(t));
		h.at(T0 + 8000, (e, t) => e.end(t));
		const done = ofType(h.events(), 'sessionComplete');
		expect(done).toEqual([
			{ type: 'sessionComplete', at: T0 + 7000, late: false, completed: false }
		]);
		const state = h.engine.getState(T0 + 20000);
		expect(state).toMatchObject({ status: 'complete', elapsedMs: 7000, remainingTotalMs: 0 });
		expect(state.records[0]?.seconds).toBe(2);
	});

	it('end() works while paused and books no paused time', () => {
		const h = harness(makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] }));
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 8000, (e, t) => e.pause(t));
		h.at(T0 + 50000, (e, t) => e.end(t));
		const state = h.engine.getState();
		expect(state).toMatchObject({ status: 'complete', elapsedMs: 8000, remainingMs: null });
		expect(state.records[0]?.seconds).toBe(3);
		expect(ofType(h.events(), 'sessionComplete')[0]).toMatchObject({ at: T0 + 50000 });
	});

	it('completed is true when the timeline plays to its end', () => {
		const h = harness(makeProgram({ exercises: [holdExercise(10)] }));
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 15000);
		expect(ofType(h.events(), 'sessionComplete')).toEqual([
			{ type: 'sessionComplete', at: T0 + 15000, late: false, completed: true }
		]);
		h.at(T0 + 16000, (e, t) => e.end(t));
		expect(ofType(h.events(), 'sessionComplete')).toHaveLength(1);
	});

	it('a listener that throws does not break the engine or the other listeners', () => {
		const program = makeProgram({ exercises: [holdExercise(10)] });
		const timeline = expandTimeline(program);
		const errors: unknown[] = [];
		const engine = createEngine(timeline, program, {
			onListenerError: (error) => errors.push(error)
		});
		engine.subscribe(() => {
			throw new Error('boom');
		});
		const h = attach(timeline, engine);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 15000);
		expect(h.events().map(summary)).toEqual(expectedEvents(timeline, T0));
		expect(errors.length).toBe(h.events().length);
		expect(engine.getState().status).toBe('complete');
	});

	it('reports listener errors to the console by default', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const program = makeProgram({ exercises: [holdExercise(10)] });
		const engine = createEngine(expandTimeline(program), program);
		engine.subscribe(() => {
			throw new Error('boom');
		});
		engine.start(T0);
		expect(spy).toHaveBeenCalled();
		expect(engine.getState().status).toBe('playing');
		spy.mockRestore();
	});

	it('unsubscribe stops delivery; listeners see a settled engine', () => {
		const program = makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] });
		const engine = createEngine(expandTimeline(program), program);
		const seen: string[] = [];
		const off = engine.subscribe((event) => {
			// Reading the state inside a listener sees the engine after the whole command.
			seen.push(`${event.type}:${engine.getState().stepIndex}`);
		});
		engine.start(T0);
		engine.tick(T0 + 5000);
		off();
		engine.tick(T0 + 15000);
		expect(seen).toEqual([
			'stepStarted:0',
			'nextUp:0',
			'countdown:1',
			'countdown:1',
			'countdown:1',
			'stepStarted:1'
		]);
	});

	it('marks events late only when their moment is more than LATE_MS behind', () => {
		const h = harness(makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] }));
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 2000 + LATE_MS); // countdown 3 (at 2000) exactly LATE_MS behind; 2 (at 3000)
		h.tick(T0 + 4001 + LATE_MS); // countdown 1 (at 4000) 1001 behind; the hold starts at 5000
		const late = ofType(h.events(), 'countdown').map((e) => [e.secondsLeft, e.late]);
		expect(late).toEqual([
			[3, false],
			[2, false],
			[1, true]
		]);
		expect(ofType(h.events(), 'stepStarted').at(-1)).toMatchObject({ at: T0 + 5000, late: false });
	});
});

describe('engine: snapshot and restore', () => {
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(10, { sides: 'each', reps: 2, sets: 2, restBetweenSets: 20 }),
			selfPacedExercise(4, { sides: 'alternate' }),
			phasesExercise([
				['In', 3],
				['Out', 4]
			])
		]
	});
	const timeline = expandTimeline(program);

	function runAndRestore(offset: number, taps: number[] = []) {
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + offset);
		for (const tap of taps) h.at(T0 + tap, (e, t) => e.repDone(t));
		const at = T0 + Math.max(offset, ...taps) + 1;
		const before = h.engine.getState(at);
		const snapshot = JSON.parse(JSON.stringify(h.engine.snapshot(at)));
		const restored = restoreEngine(timeline, program, snapshot);
		return { h, before, restored, at };
	}

	it('comes back paused at the same step with the same time left (mid-hold)', () => {
		const switchStep = stepAt(timeline.steps, (s) => s.kind === 'switchSides');
		const { before, restored, at } = runAndRestore(switchStep.end + 3333);
		const state = restored.getState();
		expect(state.status).toBe('paused');
		expect(state.stepIndex).toBe(before.stepIndex);
		expect(state.remainingMs).toBe(before.remainingMs);
		expect(state.elapsedMs).toBe(before.elapsedMs);
		expect(state.records).toEqual(before.records);
		// Later: resume and play to the end, exactly shifted by the gap.
		const r = attach(timeline, restored);
		const resumeAt = at + 3_600_000;
		r.at(resumeAt, (e, t) => e.resume(t));
		r.tick(resumeAt + 10 * 3600 * 1000);
		// The person still has to count the self-paced reps.
		expect(r.engine.getState().step?.kind).toBe('selfPaced');
		const selfStep = r.engine.getState().step as Step;
		const selfStart =
			resumeAt + (before.remainingMs ?? 0) + (selfStep.start - (before.step?.end ?? 0));
		expect(ofType(r.events(), 'stepStarted').at(-1)?.at).toBe(selfStart);
	});

	it('keeps counted self-paced reps and the side of the next tap', () => {
		const selfStep = stepAt(timeline.steps, (s) => s.kind === 'selfPaced');
		const { before, restored } = runAndRestore(selfStep.start + 10, [
			selfStep.start + 100,
			selfStep.start + 900,
			selfStep.start + 1500
		]);
		const state = restored.getState();
		expect(state).toMatchObject({ status: 'paused', repsCounted: 3, currentSide: 'right' });
		expect(state.records[1]?.repsDone).toEqual({ none: 0, left: 2, right: 1 });
		expect(state.records).toEqual(before.records);
		restored.resume(T0 + 9_000_000);
		restored.repDone(T0 + 9_000_500);
		expect(restored.getState().records[1]?.repsDone).toEqual({ none: 0, left: 2, right: 2 });
		for (let i = 0; i < 4; i++) restored.repDone(T0 + 9_001_000 + i);
		expect(restored.getState().step?.kind).toBe('rest');
		expect(restored.getState().records[1]?.setsDone).toBe(1);
	});

	it('keeps the switch-sides get-ready and its pending countdown', () => {
		const switchStep = stepAt(timeline.steps, (s) => s.kind === 'switchSides');
		const { restored } = runAndRestore(switchStep.start + 1500);
		expect(restored.getState()).toMatchObject({ stepIndex: switchStep.index });
		expect(restored.getState().remainingMs).toBe(3499);
		const r = attach(timeline, restored);
		r.at(T0 + 50_000_000, (e, t) => e.resume(t));
		r.tick(T0 + 50_000_000 + 3499);
		const countdowns = ofType(r.events(), 'countdown').map((e) => [e.secondsLeft, e.at - T0]);
		expect(countdowns).toEqual([
			[3, 50_000_499],
			[2, 50_001_499],
			[1, 50_002_499]
		]);
		expect(r.engine.getState().step?.kind).toBe('hold');
	});

	it('counts down 3-2-1 exactly once across a checkpoint, wherever in the step it was taken', () => {
		// A 10 s hold after 5 s get ready: its countdown is due at 7, 8 and 9 s into the hold.
		const single = makeProgram({ prepareSeconds: 5, exercises: [holdExercise(10)] });
		const singleTimeline = expandTimeline(single);
		const hold = stepAt(singleTimeline.steps, (s) => s.kind === 'hold');
		const resumeAt = T0 + 7_200_000;
		// Time left in the hold when the checkpoint is taken.
		for (const left of [9_999, 4_000, 3_001, 3_000, 2_999, 2_500, 2_000, 1_500, 1_000, 999, 1]) {
			const h = harness(single);
			h.at(T0, (e, t) => e.start(t));
			const pausedAt = T0 + hold.end - left;
			h.tick(pausedAt);
			h.at(pausedAt, (e, t) => e.pause(t));
			const snapshot = JSON.parse(JSON.stringify(h.engine.snapshot(pausedAt)));
			const r = attach(singleTimeline, restoreEngine(singleTimeline, single, snapshot));
			expect(r.engine.getState().remainingMs).toBe(left);
			r.at(resumeAt, (e, t) => e.resume(t));
			for (let t = resumeAt; t <= resumeAt + left; t += 250) r.tick(t);
			r.tick(resumeAt + left);

			const before = ofType(h.events(), 'countdown').filter((e) => e.step.index === hold.index);
			const after = ofType(r.events(), 'countdown');
			// Each second is counted once, before or after the reload, in order…
			expect(
				[...before, ...after].map((e) => e.secondsLeft),
				`${left} ms left`
			).toEqual([3, 2, 1]);
			// …and those after it at their second before the end of the resumed hold, on time.
			for (const event of after) {
				expect(event.at, `${left} ms left`).toBe(resumeAt + left - event.secondsLeft * 1000);
				expect(event.late, `${left} ms left`).toBe(false);
			}
			expect(after.length, `${left} ms left`).toBe(
				Math.max(0, Math.min(3, Math.ceil(left / 1000) - 1))
			);
		}
	});

	it('a restored engine is the same engine: the same snapshot, and the same play from there on', () => {
		const selfStep = stepAt(timeline.steps, (s) => s.kind === 'selfPaced');
		const pauses: { at: number; taps: number[] }[] = [];
		for (let at = 1; at < selfStep.start; at += 1_700) pauses.push({ at, taps: [] });
		pauses.push({ at: selfStep.start + 50, taps: [selfStep.start + 10, selfStep.start + 30] });
		for (const { at, taps } of pauses) {
			const h = harness(program);
			h.at(T0, (e, t) => e.start(t));
			h.tick(T0 + at - 60);
			for (const tap of taps) h.at(T0 + tap, (e, t) => e.repDone(t));
			h.at(T0 + at, (e, t) => e.pause(t));
			const saved = h.engine.snapshot(T0 + at);
			const restored = restoreEngine(timeline, program, JSON.parse(JSON.stringify(saved)));
			const label = `paused at ${at} ms`;
			expect(restored.snapshot(T0 + at + 1_000), label).toEqual(saved);

			// Both play on from the same moment, with the same taps and buttons.
			const original = h.engine;
			const resumeAt = T0 + 50_000_000;
			const log = (engine: Engine) => {
				const seen: string[] = [];
				engine.subscribe((event) => seen.push(summary(event)));
				return seen;
			};
			const seenOriginal = log(original);
			const seenRestored = log(restored);
			for (const engine of [original, restored]) engine.resume(resumeAt);
			for (let k = 1; k <= 160; k++) {
				const t = resumeAt + k * 400;
				for (const engine of [original, restored]) {
					if (k === 4) engine.previous(t);
					else if (k === 9) engine.next(t);
					else if (engine.getState(t).step?.kind === 'selfPaced') engine.repDone(t);
					else engine.tick(t);
				}
				expect(restored.getState(t), `${label}, ${k * 400} ms after resuming`).toEqual(
					original.getState(t)
				);
			}
			expect(seenRestored, label).toEqual(seenOriginal);
			expect(restored.snapshot(resumeAt + 70_000), label).toEqual(
				original.snapshot(resumeAt + 70_000)
			);
		}
	});

	it('a finished session comes back finished, played to the end or ended early', () => {
		const ended = harness(program);
		ended.at(T0, (e, t) => e.start(t));
		ended.at(T0 + 12_345, (e, t) => e.end(t));
		const early = ended.engine.snapshot(T0 + 20_000);
		expect(early).toMatchObject({ status: 'complete', completed: false });
		expect(restoreEngine(timeline, program, early).snapshot(T0)).toEqual(early);

		const played = harness(makeProgram({ prepareSeconds: 0, exercises: [holdExercise(5)] }));
		played.at(T0, (e, t) => e.start(t));
		played.tick(T0 + 5_000);
		const done = played.engine.snapshot(T0 + 6_000);
		expect(done).toMatchObject({ status: 'complete', completed: true });
		const again = restoreEngine(
			played.timeline,
			makeProgram({ prepareSeconds: 0, exercises: [holdExercise(5)] }),
			done
		);
		expect(again.snapshot(T0)).toEqual(done);
		expect(again.getState().status).toBe('complete');
		// A snapshot past the last step is the end, whatever its status says.
		const past = restoreEngine(timeline, program, {
			...early,
			status: 'paused',
			stepIndex: 10_000
		});
		expect(past.getState().status).toBe('complete');
		expect(past.snapshot(T0).completed).toBe(false);
	});

	it('restores ready and complete snapshots as they were', () => {
		const ready = createEngine(timeline, program);
		expect(restoreEngine(timeline, program, ready.snapshot(T0)).getState().status).toBe('ready');
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 100, (e, t) => e.end(t));
		const done = restoreEngine(timeline, program, h.engine.snapshot(T0 + 200));
		expect(done.getState()).toMatchObject({ status: 'complete', elapsedMs: 100 });
	});

	it('restores from a snapshot without the optional detail', () => {
		const hold = stepAt(timeline.steps, (s) => s.kind === 'hold' && s.side === 'right');
		const h = harness(program);
		h.at(T0, (e, t) => e.start(t));
		const at = T0 + hold.start + 2500;
		const full = h.engine.snapshot(at);
		const bare = {
			stepIndex: full.stepIndex,
			remainingMs: full.remainingMs,
			repsCounted: full.repsCounted,
			elapsedMs: full.elapsedMs,
			records: full.records,
			status: full.status
		};
		const restored = restoreEngine(timeline, program, bare);
		const state = restored.getState();
		expect(state.remainingMs).toBe(7500);
		expect(state.records).toEqual(h.engine.getState(at).records);
		// The time into the step is worked out from the time left.
		const again = restored.snapshot(at);
		expect(again.stepElapsedMs).toBe(full.stepElapsedMs);
		expect(again.lastSetCounted).toEqual(full.lastSetCounted);
	});
});

describe('engine: small promises', () => {
	it('starts with every exercise not reached, with its planned sets and reps', () => {
		const program = makeProgram({
			exercises: [
				holdExercise(5, { id: 'h', reps: 4, sets: 2 }),
				timedExercise(30, { id: 't', sets: 3 }),
				selfPacedExercise(6, { id: 's', sides: 'each' })
			]
		});
		const records = harness(program).engine.getState().records;
		expect(records.map((r) => [r.exerciseId, r.outcome, r.setsPlanned, r.repsPlanned])).toEqual([
			['h', 'not-reached', 2, 8],
			['t', 'not-reached', 3, 3],
			['s', 'not-reached', 1, 6]
		]);
	});

	it('marks a pause and a resume as on time, at the moment they were asked for', () => {
		const h = harness(makeProgram({ exercises: [holdExercise(10)] }));
		h.at(T0, (e, t) => e.start(t));
		h.at(T0 + 2_000, (e, t) => e.pause(t));
		h.at(T0 + 9_000, (e, t) => e.resume(t));
		expect(ofType(h.events(), 'paused')).toEqual([{ type: 'paused', at: T0 + 2_000, late: false }]);
		expect(ofType(h.events(), 'resumed')).toEqual([
			{ type: 'resumed', at: T0 + 9_000, late: false }
		]);
	});

	it('reports a listener that throws to the console by default, and plays on', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const program = makeProgram({ exercises: [holdExercise(10)] });
			const engine = createEngine(expandTimeline(program), program);
			const boom = new Error('listener broke');
			engine.subscribe(() => {
				throw boom;
			});
			engine.start(T0);
			expect(error).toHaveBeenCalledWith('A player engine listener failed:', boom);
			expect(engine.getState(T0).status).toBe('playing');
		} finally {
			error.mockRestore();
		}
	});
});
