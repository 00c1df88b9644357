// Test support for the engine's tests (imported only by *.test.ts files): a harness that records
// events with the `now` they were delivered at, and a reference model of the events a timeline
// must produce when it plays through untouched.
import type { Step, Timeline } from '$lib/program/timeline-types';
import type { Program } from '$lib/program/types';
import { COUNTDOWN_MIN_MS, createEngine } from '$lib/player/engine';
import type { Engine, EngineEvent, EngineOptions } from '$lib/player/engine-types';
import { expandTimeline } from '$lib/program/timeline';

/** An event as delivered, with the `now` of the command that delivered it. */
export interface Delivered {
	event: EngineEvent;
	deliveredAt: number;
}

export interface Harness {
	timeline: Timeline;
	engine: Engine;
	delivered: Delivered[];
	events(): EngineEvent[];
	/** Runs a command at `now` (so deliveries are stamped with it). */
	at(now: number, command: (engine: Engine, now: number) => void): void;
	tick(now: number): void;
}

// Builds an engine for a program with a recording listener; listener errors fail loudly.
export function harness(program: Program, options: EngineOptions = {}): Harness {
	const timeline = expandTimeline(program);
	const engine = createEngine(timeline, program, {
		onListenerError: (error) => {
			throw error;
		},
		...options
	});
	return attach(timeline, engine);
}

// Records the events of an existing engine, stamped with the `now` given to `at`/`tick`.
export function attach(timeline: Timeline, engine: Engine): Harness {
	const delivered: Delivered[] = [];
	let current = Number.NaN;
	engine.subscribe((event) => delivered.push({ event, deliveredAt: current }));
	const h: Harness = {
		timeline,
		engine,
		delivered,
		events: () => delivered.map((d) => d.event),
		at(now, command) {
			current = now;
			command(engine, now);
		},
		tick(now) {
			h.at(now, (e, t) => e.tick(t));
		}
	};
	return h;
}

/** A comparable summary of an event: type, moment and step index (or detail). */
export function summary(event: EngineEvent): string {
	switch (event.type) {
		case 'paused':
		case 'resumed':
			return `${event.type}@${event.at}`;
		case 'sessionComplete':
			return `sessionComplete(${event.completed})@${event.at}`;
		case 'countdown':
			return `countdown${event.secondsLeft}#${event.step.index}@${event.at}`;
		case 'nextUp':
			return `nextUp(${event.exerciseIndex})#${event.step.index}@${event.at}`;
		case 'repCounted':
			return `repCounted(${event.repsCounted},${event.side})#${event.step.index}@${event.at}`;
		case 'switchSides':
			return `switchSides(${event.side})#${event.step.index}@${event.at}`;
		case 'phaseCue':
			return `phaseCue(${event.cue})#${event.step.index}@${event.at}`;
		default:
			return `${event.type}#${event.step.index}@${event.at}`;
	}
}

function endsRep(step: Step, following: Step | undefined): boolean {
	if (step.kind === 'hold' || step.kind === 'timed') return true;
	if (step.kind !== 'phase') return false;
	return !(
		following?.kind === 'phase' &&
		following.rep === step.rep &&
		following.side === step.side &&
		following.set === step.set &&
		following.exerciseIndex === step.exerciseIndex
	);
}

// The events a fully timed timeline must produce when started at `start` and never touched,
// written independently of the engine from the rules in docs/player.md.
export function expectedEvents(timeline: Timeline, start: number): string[] {
	const out: string[] = [];
	timeline.steps.forEach((step, i) => {
		const begin = start + step.start;
		const end = start + step.end;
		out.push(`stepStarted#${i}@${begin}`);
		if (step.kind === 'prepare') out.push(`nextUp(${step.exerciseIndex})#${i}@${begin}`);
		if (step.kind === 'switchSides') out.push(`switchSides(${step.side})#${i}@${begin}`);
		if (step.kind === 'rest') {
			out.push(`rest#${i}@${begin}`);
			if (step.restKind === 'betweenExercises') {
				out.push(`nextUp(${step.exerciseIndex})#${i}@${begin}`);
			}
		}
		if (step.kind === 'phase') out.push(`phaseCue(${step.cue})#${i}@${begin}`);
		if (step.kind !== 'phase' && step.kind !== 'selfPaced' && step.duration >= COUNTDOWN_MIN_MS) {
			for (const n of [3, 2, 1]) out.push(`countdown${n}#${i}@${end - n * 1000}`);
		}
		if (endsRep(step, timeline.steps[i + 1])) {
			const count = step.kind === 'timed' ? 1 : 'rep' in step ? step.rep : 0;
			out.push(`repCounted(${count},${step.side})#${i}@${end}`);
		}
	});
	out.push(`sessionComplete(true)@${start + timeline.totalMs}`);
	return out;
}

// The seconds each exercise's record must show after an untouched run of a timed timeline.
export function expectedSeconds(timeline: Timeline, exerciseCount: number): number[] {
	const ms = new Array<number>(exerciseCount).fill(0);
	for (const step of timeline.steps) {
		if (step.kind === 'prepare') continue;
		if (step.kind === 'rest' && step.restKind === 'betweenExercises') continue;
		ms[step.exerciseIndex] = (ms[step.exerciseIndex] ?? 0) + step.duration;
	}
	return ms.map((v) => Math.round(v / 100) / 10);
}
