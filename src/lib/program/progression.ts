// Progression: a program with `progression` has dose levels 1..levels. Level 1 is the program as
// written; each level above 1 adds the exercise's `progress` to its dose once more.
import { doseForm } from './dose-length';
import type { Exercise, Program } from './types';

/** The highest level of a program: progression.levels, or 1 without progression. */
export function maxLevel(program: Program): number {
	return program.progression?.levels ?? 1;
}

/** A level forced into 1…levels, whole (NaN counts as 1; levels not a finite number, as 1). */
export function clampLevel(level: number, levels: number): number {
	const top = Number.isFinite(levels) ? Math.max(1, Math.floor(levels)) : 1;
	if (Number.isNaN(level)) return 1;
	return Math.min(top, Math.max(1, Math.floor(level)));
}

function raise(exercise: Exercise, steps: number): Exercise {
	const progress = exercise.progress;
	if (!progress || steps === 0) return exercise;
	const form = doseForm(exercise);
	const raised: Exercise = { ...exercise };
	if (progress.reps && form !== 'duration') raised.reps = exercise.reps + steps * progress.reps;
	if (progress.hold && exercise.hold !== undefined) {
		raised.hold = exercise.hold + steps * progress.hold;
	}
	if (progress.duration && exercise.duration !== undefined) {
		raised.duration = exercise.duration + steps * progress.duration;
	}
	return raised;
}

/** The program at a progression level (clamped to 1..levels), doses raised; unchanged without progression. */
export function applyLevel(program: Program, level: number): Program {
	if (!program.progression) return program;
	const steps = clampLevel(level, maxLevel(program)) - 1;
	if (steps === 0) return program;
	return { ...program, exercises: program.exercises.map((exercise) => raise(exercise, steps)) };
}
