// What a session did: produced by the player engine, stored by the session log.
import type { Side } from '$lib/program/types';

export type SkipReason = 'pain' | 'time' | 'equipment' | 'other';
/**
 * What became of an exercise in a session, one honest word: every planned rep done; some done
 * (the session ended, or "Set done" ended a set early); skipped by the person (Skip, with an
 * optional reason); or not reached (the session ended before any rep of it).
 */
export type Outcome = 'done' | 'partial' | 'skipped' | 'not-reached';
export type Effort = 'too easy' | 'about right' | 'too hard';

export interface ExerciseRecord {
	exerciseId: string;
	name: string;
	/** Sets in which at least one rep (or the bout) was done. */
	setsDone: number;
	setsPlanned: number;
	/** Reps done per side; exercises without sides count under `none`. */
	repsDone: { none: number; left: number; right: number };
	repsPlanned: number;
	/** Seconds spent on this exercise's own steps (its holds, phases, bouts, reps and rests within it). */
	seconds: number;
	/** Skipped by the person (Skip); the same as `outcome === 'skipped'`. */
	skipped: boolean;
	skipReason?: SkipReason;
	/** What became of it (see Outcome). Records made before it existed get it when migrated. */
	outcome: Outcome;
}

export interface SessionRecord {
	/** Unique id (crypto.randomUUID()). */
	id: string;
	programId: string;
	programVersion: number;
	programTitle: string;
	/** ISO 8601 times (wall clock). */
	startedAt: string;
	endedAt: string;
	/** Active seconds, pauses excluded. */
	durationSeconds: number;
	completed: boolean;
	exercises: ExerciseRecord[];
	/** 0-10 numeric rating scale. */
	painBefore?: number;
	painAfter?: number;
	effort?: Effort;
	note?: string;
	/** The progression level played (issue 7); absent when the program has no progression. */
	level?: number;
}

export type SideKey = Side | 'none';
