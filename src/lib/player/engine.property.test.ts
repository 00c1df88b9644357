import { describe, expect, it } from 'vitest';
import { LATE_MS } from '$lib/player/engine';
import {
	expectedEvents,
	expectedSeconds,
	harness,
	holdExercise,
	makeProgram,
	mulberry32,
	phasesExercise,
	type Random,
	randomInt,
	randomTimedProgram,
	selfPacedExercise,
	summary,
	timedExercise
} from '$lib/test-factories';
import type { EngineEvent } from '$lib/player/engine-types';
import type { Program } from '$lib/program/types';

const T0 = 5_000_000;

/** A tick interval: mostly 0–2000 ms, sometimes a 5–60 s gap (a locked screen, a hidden tab). */
function jitter(random: Random): number {
	return random() < 0.03 ? randomInt(random, 5000, 60000) : randomInt(random, 0, 2000);
}

function sessionEnd(events: EngineEvent[]): EngineEvent | undefined {
	return events.find((e) => e.type === 'sessionComplete');
}

function expectRecordsComplete(program: Program, state: ReturnType<typeof harness>['engine']) {
	const records = state.getState().records;
	program.exercises.forEach((exercise, e) => {
		const record = records[e];
		const perSide = (exercise.duration !== undefined ? 1 : exercise.reps) * exercise.sets;
		expect(record?.repsPlanned).toBe(perSide);
		expect(record?.setsDone).toBe(exercise.sets);
		expect(record?.skipped).toBe(false);
		if (exercise.sides === 'none') {
			expect(record?.repsDone).toEqual({ none: perSide, left: 0, right: 0 });
		} else {
			expect(record?.repsDone).toEqual({ none: 0, left: perSide, right: perSide });
		}
	});
}

describe('engine: jittery and late ticks', () => {
	const program = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 12,
		exercises: [
			holdExercise(8, { sides: 'each', reps: 2, restBetweenReps: 3, sets: 2, restBetweenSets: 10 }),
			phasesExercise(
				[
					['In', 4],
					['Hold', 2],
					['Out', 4]
				],
				{ reps: 3, restBetweenReps: 2 }
			),
			timedExercise(45, { sides: 'alternate', restBetweenReps: 5 })
		]
	});

	it('lands exactly on the timeline with random tick jitter (seeded)', () => {
		const random = mulberry32(42);
		const h = harness(program);
		let now = T0;
		h.at(now, (e, t) => e.start(t));
		const truth = h.timeline;
		while (h.engine.getState().status !== 'complete') {
			now += randomInt(random, 0, 700);
			h.tick(now);
			const state = h.engine.getState();
			if (state.status === 'complete') break;
			// At any tick the screen shows exactly what the timeline says for this moment.
			const offset = now - T0;
			const expected = truth.steps.find((s) => s.start <= offset && offset < s.end);
			expect(state.stepIndex).toBe(expected?.index);
			expect(state.remainingMs).toBe((expected?.end ?? 0) - offset);
			expect(state.elapsedMs).toBe(offset);
			expect(state.remainingTotalMs).toBe(truth.totalMs - offset);
		}
		expect(h.events().map(summary)).toEqual(expectedEvents(truth, T0));
		expectRecordsComplete(program, h.engine);
	});

	it('one tick after 10 minutes lands exactly where the timeline says, every event in order', () => {
		// The same exercises with more sets and reps: about 11 minutes long.
		const [first, second, third] = program.exercises;
		const longer = makeProgram({
			...program,
			exercises: [
				{ ...first!, sets: 4 },
				{ ...second!, reps: 10 },
				{ ...third!, sets: 3, restBetweenSets: 20 }
			]
		});
		const h = harness(longer);
		expect(h.timeline.totalMs).toBeGreaterThan(10 * 60 * 1000);
		h.at(T0, (e, t) => e.start(t));
		const now = T0 + 10 * 60 * 1000;
		h.tick(now);
		const offset = now - T0;
		const expected = h.timeline.steps.find((s) => s.start <= offset && offset < s.end);
		const state = h.engine.getState();
		expect(state.stepIndex).toBe(expected?.index);
		expect(state.remainingMs).toBe((expected?.end ?? 0) - offset);
		const all = expectedEvents(h.timeline, T0);
		const due = all.filter((s) => Number(s.slice(s.lastIndexOf('@') + 1)) <= now);
		expect(h.events().map(summary)).toEqual(due);
		// Late marks: only events more than LATE_MS before the tick.
		for (const event of h.events().slice(2)) {
			expect(event.late).toBe(now - event.at > LATE_MS);
		}
		expect(h.events().filter((e) => e.late).length).toBeGreaterThan(50);
		// Records are up to date with everything that ended meanwhile.
		const holds = h.timeline.steps.filter((s) => s.kind === 'hold' && s.end <= offset);
		const r = state.records[0];
		expect((r?.repsDone.left ?? 0) + (r?.repsDone.right ?? 0)).toBe(holds.length);
	});

	it('a self-paced step stops the catch-up and waits for the person', () => {
		const p = makeProgram({
			prepareSeconds: 5,
			restBetweenExercises: 10,
			exercises: [holdExercise(10), selfPacedExercise(2), timedExercise(20)]
		});
		const h = harness(p);
		h.at(T0, (e, t) => e.start(t));
		h.tick(T0 + 3_600_000);
		const state = h.engine.getState();
		expect(state.step?.kind).toBe('selfPaced');
		const selfStep = h.timeline.steps.find((s) => s.kind === 'selfPaced');
		// It started exactly at its timeline moment, though nobody was there to see it.
		const started = h
			.events()
			.filter((e) => e.type === 'stepStarted')
			.at(-1);
		expect(started?.at).toBe(T0 + (selfStep?.start ?? 0));
		expect(started?.late).toBe(true);
		h.at(T0 + 3_600_000 + 10, (e, t) => e.repDone(t));
		h.at(T0 + 3_600_000 + 20, (e, t) => e.repDone(t));
		// The rest after it and the timed bout start from the last tap.
		h.tick(T0 + 3_600_000 + 20 + 5000 + 10000 + 20000);
		expect(sessionEnd(h.events())?.at).toBe(T0 + 3_600_000 + 20 + 5000 + 10000 + 20000);
	});
});

describe('engine: property-style runs over generated programs', () => {
	it('ends at start + totalMs exactly, with complete records and events in timeline order', () => {
		const random = mulberry32(20240601);
		const runs = 250;
		for (let run = 0; run < runs; run++) {
			const program = randomTimedProgram(random);
			const h = harness(program);
			const start = T0 + randomInt(random, 0, 1_000_000);
			let now = start;
			h.at(now, (e, t) => e.start(t));
			let guard = 0;
			while (h.engine.getState().status !== 'complete') {
				now += jitter(random);
				h.tick(now);
				if (++guard > 100_000) throw new Error(`run ${run} did not finish`);
			}
			const end = sessionEnd(h.events());
			expect(end?.at, `run ${run}`).toBe(start + h.timeline.totalMs);
			expect(h.events().map(summary), `run ${run}`).toEqual(expectedEvents(h.timeline, start));
			for (const { event, deliveredAt } of h.delivered) {
				expect(event.late).toBe(deliveredAt - event.at > LATE_MS);
			}
			const state = h.engine.getState();
			expect(state.elapsedMs).toBe(h.timeline.totalMs);
			expectRecordsComplete(program, h.engine);
			expect(state.records.map((r) => r.seconds)).toEqual(
				expectedSeconds(h.timeline, program.exercises.length)
			);
		}
	});

	it('pauses shift the end by exactly the paused time', () => {
		const random = mulberry32(99);
		for (let run = 0; run < 60; run++) {
			const program = randomTimedProgram(random);
			const h = harness(program);
			const start = T0;
			let now = start;
			let pausedTotal = 0;
			h.at(now, (e, t) => e.start(t));
			let guard = 0;
			while (h.engine.getState().status !== 'complete') {
				now += jitter(random);
				if (random() < 0.1 && h.engine.getState(now).status === 'playing') {
					h.at(now, (e, t) => e.pause(t));
					if (h.engine.getState().status === 'paused') {
						const gap = randomInt(random, 1, 120_000);
						now += gap;
						pausedTotal += gap;
						h.at(now, (e, t) => e.resume(t));
					}
				} else {
					h.tick(now);
				}
				if (++guard > 100_000) throw new Error(`run ${run} did not finish`);
			}
			expect(sessionEnd(h.events())?.at, `run ${run}`).toBe(
				start + h.timeline.totalMs + pausedTotal
			);
			expect(h.engine.getState().elapsedMs).toBe(h.timeline.totalMs);
			// Step starts stay in timeline order, each step exactly once.
			const started = h.events().flatMap((e) => (e.type === 'stepStarted' ? [e.step.index] : []));
			expect(started).toEqual(h.timeline.steps.map((s) => s.index));
			expectRecordsComplete(program, h.engine);
		}
	});
});
