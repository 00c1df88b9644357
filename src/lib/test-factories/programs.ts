// Shared test factories: already-normalized programs (every default of the format filled in),
// a tiny seeded PRNG, and a generator of random timed programs for property-style tests.
import type { Exercise, Phase, Program, Sides } from '../program/types';

/** Overrides for makeExercise: any exercise field. */
export type ExerciseOverrides = Partial<Exercise>;

/** Overrides for makeProgram: any program field; exercises are taken as given. */
export type ProgramOverrides = Partial<Program>;

let exerciseCounter = 0;

// Builds a normalized exercise with the format's defaults (self-paced, 1 set of 1 rep, no sides).
export function makeExercise(overrides: ExerciseOverrides = {}): Exercise {
	exerciseCounter += 1;
	const id = overrides.id ?? `exercise-${exerciseCounter}`;
	return {
		id,
		name: `Exercise ${id}`,
		instructions: ['Move slowly and breathe.'],
		cautions: [],
		sets: 1,
		reps: 1,
		sides: 'none',
		restBetweenReps: 0,
		restBetweenSets: 30,
		...overrides
	};
}

// Builds a normalized program with the format's defaults around the given exercises.
export function makeProgram(overrides: ProgramOverrides = {}): Program {
	return {
		format: 1,
		id: 'test-program',
		version: 1,
		title: 'Test program',
		language: 'en',
		schedule: { timesPerDay: 1, daysPerWeek: 7 },
		prepareSeconds: 5,
		restBetweenExercises: 15,
		safety: [],
		exercises: overrides.exercises ?? [makeExercise()],
		...overrides
	};
}

// A hold exercise: `hold` seconds per rep.
export function holdExercise(hold: number, overrides: ExerciseOverrides = {}): Exercise {
	return makeExercise({ hold, ...overrides });
}

// A paced exercise: every rep goes through the given phases ([cue, seconds] pairs).
export function phasesExercise(
	phases: Array<[string, number]>,
	overrides: ExerciseOverrides = {}
): Exercise {
	const list: Phase[] = phases.map(([cue, seconds]) => ({ cue, seconds }));
	return makeExercise({ phases: list, ...overrides });
}

// A timed exercise: one bout of `duration` seconds per set (per side).
export function timedExercise(duration: number, overrides: ExerciseOverrides = {}): Exercise {
	return makeExercise({ duration, ...overrides });
}

// A self-paced exercise (no dose form): the person counts `reps` reps per set.
export function selfPacedExercise(reps: number, overrides: ExerciseOverrides = {}): Exercise {
	return makeExercise({ reps, ...overrides });
}

/** A seeded pseudo-random source returning numbers in [0, 1). */
export type Random = () => number;

// mulberry32: a tiny deterministic PRNG so that generated tests are reproducible from a seed.
export function mulberry32(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// An integer in [min, max] (both inclusive) from the given random source.
export function randomInt(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

// Picks one element of a non-empty list.
export function pick<T>(random: Random, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick: empty list');
	return item;
}

/** Limits for randomTimedProgram; all optional. */
export interface RandomProgramOptions {
	maxExercises?: number;
	maxSets?: number;
	maxReps?: number;
	/** Longest hold / phase / bout in seconds. */
	maxSeconds?: number;
	/** Longest rest in seconds. */
	maxRest?: number;
}

// Generates a random program whose every step is timed (hold, phases or duration; no self-paced
// reps), with random sides, sets and rests, including zero-length rests and prepare.
export function randomTimedProgram(random: Random, options: RandomProgramOptions = {}): Program {
	const maxExercises = options.maxExercises ?? 4;
	const maxSets = options.maxSets ?? 3;
	const maxReps = options.maxReps ?? 4;
	const maxSeconds = options.maxSeconds ?? 12;
	const maxRest = options.maxRest ?? 10;
	const count = randomInt(random, 1, maxExercises);
	const exercises: Exercise[] = [];
	for (let i = 0; i < count; i++) {
		const form = pick(random, ['hold', 'phases', 'duration'] as const);
		const sides = pick<Sides>(random, ['none', 'each', 'alternate']);
		const base: ExerciseOverrides = {
			id: `ex-${i + 1}`,
			name: `Exercise ${i + 1}`,
			sides,
			sets: randomInt(random, 1, maxSets),
			reps: form === 'duration' ? 1 : randomInt(random, 1, maxReps),
			restBetweenReps: random() < 0.4 ? 0 : randomInt(random, 1, maxRest),
			restBetweenSets: random() < 0.3 ? 0 : randomInt(random, 1, maxRest)
		};
		if (random() < 0.3) base.restAfter = randomInt(random, 0, maxRest);
		if (form === 'hold') {
			exercises.push(holdExercise(randomInt(random, 1, maxSeconds), base));
		} else if (form === 'duration') {
			exercises.push(timedExercise(randomInt(random, 1, maxSeconds), base));
		} else {
			const phaseCount = randomInt(random, 1, 3);
			const phases: Array<[string, number]> = [];
			for (let p = 0; p < phaseCount; p++) {
				phases.push([`Phase ${p + 1}`, randomInt(random, 1, Math.min(maxSeconds, 6))]);
			}
			exercises.push(phasesExercise(phases, base));
		}
	}
	return makeProgram({
		id: 'random-program',
		prepareSeconds: random() < 0.2 ? 0 : randomInt(random, 1, 6),
		restBetweenExercises: random() < 0.2 ? 0 : randomInt(random, 1, maxRest),
		exercises
	});
}
