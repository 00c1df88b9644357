// The program format, version 1, after validation with every default filled in.
// (Contract: programs/README.md. The validator's schema is the source of these shapes.)

export type Sides = 'none' | 'each' | 'alternate';
export type Side = 'left' | 'right';

export interface Phase {
	cue: string;
	seconds: number;
	/** The pose the picture moves to during this phase (see poseTarget in $lib/player/poses). */
	image?: string;
}

/** What each side means for an exercise with sides ("Left arm reaches"). */
export interface SideNames {
	left: string;
	right: string;
	[extension: `x-${string}`]: unknown;
}

export interface Schedule {
	timesPerDay: number;
	daysPerWeek: number;
}

/** Optional dose levels for a whole program; level 1 is the program exactly as written. */
export interface Progression {
	/** How many levels there are (2–20). */
	levels: number;
	/** Completed sessions at a level before the next one is offered (1–10; default 2). */
	sessionsToAdvance: number;
	[extension: `x-${string}`]: unknown;
}

/** What each level above 1 adds to an exercise's dose (level n adds (n - 1) × these). */
export interface ExerciseProgress {
	reps?: number;
	hold?: number;
	duration?: number;
	[extension: `x-${string}`]: unknown;
}

export interface Exercise {
	id: string;
	name: string;
	instructions: string[];
	cautions: string[];
	/** Still picture for the routine's page (and the player's only pose without `images`). */
	image?: string;
	/** Poses: the first is the starting position, the last the end (held) position. */
	images?: string[];
	/** Spoken during get-ready after the name: the starting position in a few words. */
	startCue?: string;
	/** The action during a hold, timed bout or self-paced set ("Lift your hips and hold"). */
	holdCue?: string;
	/** Shown and said when a hold or timed bout ends ("Lower slowly"). */
	releaseCue?: string;
	/** What "left" and "right" mean, shown and said in place of "Left side" / "Right side". */
	sideNames?: SideNames;
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
	/** Per-level dose increase; only in programs with `progression`. */
	progress?: ExerciseProgress;
	/** Keys starting with `x-` are kept and ignored. */
	[extension: `x-${string}`]: unknown;
}

/**
 * An exercise's texts in another language, each replacing the exercise's own; a text left out
 * stays as written in the exercise. Lists have as many entries as the exercise's; `phases` holds
 * the cue of each phase.
 */
export interface ExerciseTranslation {
	name?: string;
	instructions?: string[];
	cautions?: string[];
	startCue?: string;
	holdCue?: string;
	releaseCue?: string;
	sideNames?: SideNames;
	phases?: string[];
	'x-image-alt'?: string;
	[extension: `x-${string}`]: unknown;
}

/** The program's texts in one language (see localizeProgram in localize.ts). */
export interface ProgramTranslation {
	title?: string;
	summary?: string;
	/** As many entries as the program's `safety`, in the same order. */
	safety?: string[];
	/** By exercise id. */
	exercises?: Record<string, ExerciseTranslation>;
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
	/** Optional dose levels (see applyLevel in progression.ts). */
	progression?: Progression;
	/** The program's texts in other languages, by language tag ("de", "pt-BR"). */
	translations?: Record<string, ProgramTranslation>;
	[extension: `x-${string}`]: unknown;
}

/** One entry of static/programs/index.json: what the library needs to list a built-in program. */
export interface ProgramIndexEntry {
	id: string;
	title: string;
	summary?: string;
	exerciseCount: number;
	/** Nominal total length in ms at level 1 (self-paced reps at their estimate). */
	totalMs: number;
	/** True when some exercise is self-paced, so totalMs is an estimate. */
	hasSelfPaced: boolean;
	schedule: Schedule;
	progression?: Progression;
	/** The language of `title` and `summary` (absent: English). */
	language?: string;
	/** The title and summary in other languages, by primary language tag ("de"), for the card. */
	cardTranslations?: Record<string, { title?: string; summary?: string }>;
}

/** The dose form of an exercise, derived from which of hold / phases / duration is present. */
export type DoseForm = 'hold' | 'phases' | 'duration' | 'selfPaced';

import type { Problem } from '../validation/problems';

export type { Problem, ValidationResult } from '../validation/problems';

/**
 * A note about a valid program that will probably not play as its author meant, with the JSON
 * path it is about. Advice never refuses a file and never changes how it plays.
 */
export type Advice = Problem;

/** What checking a program returns: a valid program comes with its advice (often none). */
export type ProgramResult =
	{ ok: true; value: Program; advice: Advice[] } | { ok: false; problems: Problem[]; more: number };
