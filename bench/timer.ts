// Benchmark section "timer": how exact the player engine's timing is when ticks are late.
// Simulated runs drive the real engine with a fake clock (deterministic, no sleeping):
//   (a) a 30-minute program with jittery ticks (16–250 ms apart, plus random main-thread stalls
//       of up to 300 ms), and
//   (b) the same program with 16 ms frames and a single 5-second stall in the middle of a hold.
// For each: the completion error |moment the engine reports completion − (start + totalMs)| and
// the largest error of the time left shown at any tick against the truth from the timeline.
// For contrast, a countdown that decrements a counter once per tick is simulated under (a).
// Then one short real run: a 3-second program ticked by real setTimeout calls on Node's event
// loop with a real ~300 ms busy-loop stall across a step boundary, timed with performance.now().
import type { BenchSection, Row } from './section';
import { createEngine } from '../src/lib/player/engine';
import type { Engine, EngineEvent } from '../src/lib/player/engine-types';
import { expandTimeline } from '../src/lib/program/timeline';
import type { Step, Timeline } from '../src/lib/program/timeline-types';
import type { Program } from '../src/lib/program/types';
import {
	holdExercise,
	makeProgram,
	mulberry32,
	phasesExercise,
	randomInt,
	timedExercise
} from '../src/lib/test-factories/programs';

const FRAME_MS = 1000 / 60;
const TARGET = `≤ ${FRAME_MS.toFixed(1)} ms (one frame)`;

// A program of about 30 minutes mixing paced phases, holds (with sides), timed bouts and rests.
function thirtyMinuteProgram(): Program {
	return makeProgram({
		id: 'bench-thirty-minutes',
		prepareSeconds: 5,
		restBetweenExercises: 15,
		exercises: [
			phasesExercise(
				[
					['Breathe in', 4],
					['Hold', 2],
					['Breathe out', 6]
				],
				{ id: 'breathing', reps: 10, restBetweenReps: 2 }
			),
			holdExercise(20, {
				id: 'side-hold',
				sides: 'each',
				reps: 5,
				restBetweenReps: 5,
				sets: 2,
				restBetweenSets: 30
			}),
			timedExercise(120, {
				id: 'march',
				sides: 'alternate',
				restBetweenReps: 10,
				sets: 2,
				restBetweenSets: 45
			}),
			holdExercise(10, {
				id: 'bridge',
				reps: 10,
				restBetweenReps: 3,
				sets: 3,
				restBetweenSets: 30
			}),
			timedExercise(90, { id: 'walk' })
		]
	});
}

/** The step of the timeline at `offset` ms (the last one contains its end). */
function stepAtOffset(timeline: Timeline, offset: number): Step | undefined {
	const steps = timeline.steps;
	let low = 0;
	let high = steps.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const step = steps[mid] as Step;
		if (offset < step.start) high = mid - 1;
		else if (offset >= step.end) low = mid + 1;
		else return step;
	}
	return undefined;
}

interface Measured {
	completionErrorMs: number;
	maxRemainingErrorMs: number;
	maxShownSecondsError: number;
	/** Ticks at which the engine showed a different step than the timeline says. */
	wrongSteps: number;
	ticks: number;
	lateEvents: number;
	events: number;
}

/** Drives an engine with the given tick times until it completes and measures its errors. */
function drive(timeline: Timeline, engine: Engine, nextTick: (now: number) => number): Measured {
	const start = 0;
	let completedAt = Number.NaN;
	let lateEvents = 0;
	let events = 0;
	engine.subscribe((event: EngineEvent) => {
		events += 1;
		if (event.late) lateEvents += 1;
		if (event.type === 'sessionComplete') completedAt = event.at;
	});
	let now = start;
	engine.start(now);
	let maxRemainingErrorMs = 0;
	let maxShownSecondsError = 0;
	let wrongSteps = 0;
	let ticks = 0;
	while (engine.getState().status !== 'complete') {
		now = nextTick(now);
		engine.tick(now);
		ticks += 1;
		const state = engine.getState();
		if (state.status === 'complete') break;
		const truth = stepAtOffset(timeline, now - start);
		const truthRemaining = truth ? start + truth.end - now : 0;
		const shown = state.remainingMs ?? 0;
		maxRemainingErrorMs = Math.max(maxRemainingErrorMs, Math.abs(shown - truthRemaining));
		if (state.stepIndex !== truth?.index) wrongSteps += 1;
		const shownSeconds = Math.ceil(shown / 1000);
		const trueSeconds = Math.ceil(truthRemaining / 1000);
		maxShownSecondsError = Math.max(maxShownSecondsError, Math.abs(shownSeconds - trueSeconds));
	}
	const end = completedAt;
	return {
		completionErrorMs: Math.abs(end - (start + timeline.totalMs)),
		maxRemainingErrorMs,
		maxShownSecondsError,
		wrongSteps,
		ticks,
		lateEvents,
		events
	};
}

/** A countdown that subtracts 100 ms on every tick of a chained 100 ms setTimeout (what we do NOT do). */
function naiveCountdownError(timeline: Timeline, seed: number): number {
	const random = mulberry32(seed);
	const nominal = 100; // setInterval(…, 100)
	let remaining = timeline.totalMs;
	let now = 0;
	while (remaining > 0) {
		// A timer fires a little late each time, and now and then a stall delays it further.
		now += nominal + randomInt(random, 0, 16) + (random() < 0.05 ? randomInt(random, 0, 300) : 0);
		remaining -= nominal;
	}
	return now - timeline.totalMs;
}

function rowsFor(label: string, m: Measured): Row[] {
	return [
		{
			metric: `${label}: completion error`,
			value: m.completionErrorMs,
			unit: 'ms',
			target: TARGET,
			pass: m.completionErrorMs <= FRAME_MS
		},
		{
			metric: `${label}: max error of time left shown at a tick`,
			value: m.maxRemainingErrorMs,
			unit: 'ms',
			target: TARGET,
			pass: m.maxRemainingErrorMs <= FRAME_MS && m.wrongSteps === 0,
			note: `whole seconds shown off by at most ${m.maxShownSecondsError}; ticks on a wrong step: ${m.wrongSteps}`
		},
		{
			metric: `${label}: ticks / events (late)`,
			value: `${m.ticks} / ${m.events} (${m.lateEvents})`
		}
	];
}

function simulatedJitter(timeline: Timeline, program: Program): Measured {
	const random = mulberry32(2024);
	const engine = createEngine(timeline, program);
	return drive(timeline, engine, (now) => {
		const interval = randomInt(random, 16, 250);
		const stall = random() < 0.05 ? randomInt(random, 0, 300) : 0;
		return now + interval + stall;
	});
}

function simulatedStall(timeline: Timeline, program: Program): Measured {
	// Half-way through a 10 s hold the page stalls for 5 s: the next tick comes after the hold's
	// 3-2-1 and its end, so it must catch up (late cues) and land exactly on the timeline.
	const hold = timeline.steps.find((s) => s.kind === 'hold' && s.duration === 10000);
	if (!hold) throw new Error('the bench program needs a 10 s hold');
	const stallAt = hold.start + hold.duration / 2;
	let stalled = false;
	const engine = createEngine(timeline, program);
	return drive(timeline, engine, (now) => {
		if (!stalled && now >= stallAt) {
			stalled = true;
			return now + 5000;
		}
		return now + FRAME_MS;
	});
}

interface RealRun {
	completionErrorMs: number;
	observedLagMs: number;
	/** Largest |moment of a rep counted − its true end| (one of them falls inside the stall). */
	maxEventErrorMs: number;
	maxRemainingErrorMs: number;
	stallMs: number;
	/** When the stall began, ms after the start. */
	stallFrom: number;
	ticks: number;
	lateEvents: number;
}

/** A 3-second program on the real event loop: setTimeout ticks and a ~300 ms busy-loop stall. */
function realTimeRun(): Promise<RealRun> {
	const program = makeProgram({
		id: 'bench-three-seconds',
		prepareSeconds: 0,
		exercises: [holdExercise(1, { id: 'short-hold', reps: 3 })]
	});
	const timeline = expandTimeline(program);
	const engine = createEngine(timeline, program);
	const clock = () => performance.now();
	return new Promise((resolve) => {
		let completedAt = Number.NaN;
		let lateEvents = 0;
		let maxEventErrorMs = 0;
		engine.subscribe((event) => {
			if (event.late) lateEvents += 1;
			if (event.type === 'sessionComplete') completedAt = event.at;
			if (event.type === 'repCounted') {
				const error = Math.abs(event.at - (start + event.step.end));
				maxEventErrorMs = Math.max(maxEventErrorMs, error);
			}
		});
		const start = clock();
		engine.start(start);
		let maxRemainingErrorMs = 0;
		let ticks = 0;
		let stallMs = 0;
		let stallFrom = 0;
		setTimeout(() => {
			const from = performance.now();
			while (performance.now() - from < 300) {
				// Busy loop: the main thread is blocked, no tick can run.
			}
			stallMs = performance.now() - from;
			stallFrom = from - start;
		}, 1800);
		const loop = () => {
			engine.tick(clock());
			ticks += 1;
			const state = engine.getState();
			if (state.status === 'complete') {
				const observed = performance.now();
				resolve({
					completionErrorMs: Math.abs(completedAt - (start + timeline.totalMs)),
					observedLagMs: observed - (start + timeline.totalMs),
					maxEventErrorMs,
					maxRemainingErrorMs,
					stallMs,
					stallFrom,
					ticks,
					lateEvents
				});
				return;
			}
			// The truth, read from performance.now() independently right after the tick.
			const offset = performance.now() - start;
			const truth = stepAtOffset(timeline, offset);
			if (truth && truth.index === state.stepIndex && state.remainingMs !== null) {
				const error = Math.abs(state.remainingMs - (truth.end - offset));
				maxRemainingErrorMs = Math.max(maxRemainingErrorMs, error);
			}
			setTimeout(loop, 16);
		};
		setTimeout(loop, 16);
	});
}

// The timer section: completion and display errors under jitter, a long stall and a real loop.
export const timerSection: BenchSection = {
	name: 'timer',
	async run() {
		const program = thirtyMinuteProgram();
		const timeline = expandTimeline(program);
		const minutes = (timeline.totalMs / 60000).toFixed(1);
		const rows: Row[] = [
			{
				metric: 'simulated program length',
				value: minutes,
				unit: 'min',
				note: `${timeline.steps.length} steps`
			}
		];
		rows.push(
			...rowsFor(
				'(a) jittery ticks 16–250 ms + stalls ≤ 300 ms',
				simulatedJitter(timeline, program)
			)
		);
		rows.push(
			...rowsFor('(b) 16 ms frames + one 5 s stall mid-hold', simulatedStall(timeline, program))
		);
		rows.push({
			metric:
				'reference: a counter decremented by 100 ms per chained 100 ms timeout, late by 0–16 ms + stalls',
			value: naiveCountdownError(timeline, 2024),
			unit: 'ms',
			note: 'drift of a per-tick countdown; the engine does not do this'
		});
		const real = await realTimeRun();
		rows.push(
			{
				metric: 'real loop, 3 s program: reported completion moment error',
				value: real.completionErrorMs,
				unit: 'ms',
				target: TARGET,
				pass: real.completionErrorMs <= FRAME_MS
			},
			{
				metric: 'real loop: max error of the moments reps were counted',
				value: real.maxEventErrorMs,
				unit: 'ms',
				target: TARGET,
				pass: real.maxEventErrorMs <= FRAME_MS
			},
			{
				metric: 'real loop: max error of time left at a tick (vs performance.now())',
				value: real.maxRemainingErrorMs,
				unit: 'ms',
				target: TARGET,
				pass: real.maxRemainingErrorMs <= FRAME_MS
			},
			{
				metric: 'real loop: completion noticed after the true end',
				value: real.observedLagMs,
				unit: 'ms',
				note: 'tick latency of the event loop (setTimeout 16 ms), not timer error'
			},
			{
				metric: 'real loop: busy-loop stall / ticks / late events',
				value: `${real.stallMs.toFixed(0)} ms / ${real.ticks} / ${real.lateEvents}`,
				note: `stall from ${real.stallFrom.toFixed(0)} ms after the start (a rep ends at 2000)`
			}
		);
		return rows;
	}
};
