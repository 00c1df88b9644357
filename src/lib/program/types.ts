// The program format, version 1, after validation with every default filled in.
// (Contract: programs/README.md. The validator's schema is the source of these shapes.)

export type Sides = 'none' | 'each' | 'alternate';
export type Side = 'left' | 'right';

export interface Phase {
	cue: string;
	seconds: number;
}

export interface Schedule {
	timesPerDay: number;
	daysPerWeek: number;
}

export interface Exercise {
	id: string;
	name: string;
	instructions: string[];
	cautions: string[];
	image?: string;
	sets: number;
	reps: number;
	sides: Sides;
	/** Exactly one of hold / phases / duration, or none of them (self-paced reps). */
	hold?: number;
	phases?: Phase[];
	duration?: number;
	restBetweenReps: number;
	restBetweenSets: number;
	/** Overrides the program's restBetweenExercises for the rest after this exercise. */
	restAfter?: number;
	/** Keys starting with `x-` are kept and ignored. */
	[extension: `x-${string}`]: unknown;
}

export interface Program {
	$schema?: string;
	format: 1;
	id: string;
	version: number;
	title: string;
	summary?: string;
	language: string;
	schedule: Schedule;
	prepareSeconds: number;
	restBetweenExercises: number;
	safety: string[];
	exercises: Exercise[];
	[extension: `x-${string}`]: unknown;
}

/** The dose form of an exercise, derived from which of hold / phases / duration is present. */
export type DoseForm = 'hold' | 'phases' | 'duration' | 'selfPaced';

/** A validation problem: the JSON path of the value at fault and what is wrong with it. */
export interface Problem {
	path: string;
	message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
