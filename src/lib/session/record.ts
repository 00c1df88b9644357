// What a session did: produced by the player engine, stored by the session log. The types are
// inferred from the schemas below, which check a record that comes from outside (a backup) field
// by field and return a clean copy: known fields only, times in canonical UTC form, each
// exercise's outcome worked out from its counts when the record predates outcomes. Records the
// player makes are stored as they are (the log is sacred: nothing is refused on the way in).
import * as v from 'valibot';
import type { Side } from '$lib/program/types';
import {
	bool,
	dateTime,
	list,
	number,
	oneOf,
	optional,
	record,
	text,
	wholeNumber
} from '$lib/validation/schemas';
import { OUTCOMES, outcomeOf, type Outcome } from './outcome';

/** Bounds for session records: generous, so that every record the app writes passes. */
export const SESSION_LIMITS = {
	idLength: 100,
	titleLength: 200,
	nameLength: 200,
	noteLength: 2000,
	exercises: 100,
	programVersion: 1_000_000,
	level: 100,
	sets: 100,
	reps: 100_000,
	/** A week, in seconds: far beyond any real session, but finite. */
	seconds: 7 * 24 * 3600
} as const;

export const SKIP_REASONS = ['pain', 'time', 'equipment', 'other'] as const;
export const EFFORTS = ['too easy', 'about right', 'too hard'] as const;

const L = SESSION_LIMITS;

/** One exercise of a session: what was planned and what was done. */
export const ExerciseRecordSchema = v.pipe(
	record({
		exerciseId: text(1, L.idLength),
		name: text(1, L.nameLength),
		/** Sets in which at least one rep (or the bout) was done. */
		setsDone: wholeNumber(0, L.sets),
		setsPlanned: wholeNumber(0, L.sets),
		/** Reps done per side; exercises without sides count under `none`. */
		repsDone: record({
			none: wholeNumber(0, L.reps),
			left: wholeNumber(0, L.reps),
			right: wholeNumber(0, L.reps)
		}),
		repsPlanned: wholeNumber(0, L.reps),
		/** Seconds spent on this exercise's own steps (holds, phases, bouts, reps, rests within). */
		seconds: number(0, L.seconds),
		/** Skipped by the person (Skip); the same as `outcome === 'skipped'`. */
		skipped: bool(),
		skipReason: optional(oneOf(SKIP_REASONS)),
		/** What became of it; worked out from the counts when absent (records made before it). */
		outcome: optional(oneOf(OUTCOMES))
	}),
	v.forward(
		v.check(
			(input) => input.outcome === undefined || (input.outcome === 'skipped') === input.skipped,
			(issue) =>
				`does not agree with skipped (${String((issue.input as { skipped: boolean }).skipped)})`
		),
		['outcome']
	),
	v.transform((input) => ({ ...input, outcome: input.outcome ?? outcomeOf(input) }))
);

/** A session: when, which program, how it went, and the person's answers. */
export const SessionRecordSchema = v.pipe(
	record({
		/** Unique id: the session's id from its start (its checkpoint carries it too). */
		id: text(1, L.idLength),
		programId: text(1, L.idLength),
		programVersion: wholeNumber(1, L.programVersion),
		programTitle: text(1, L.titleLength),
		/** ISO 8601 times (UTC form). */
		startedAt: dateTime(),
		endedAt: dateTime(),
		/** Active seconds, pauses excluded. */
		durationSeconds: number(0, L.seconds),
		completed: bool(),
		exercises: list(ExerciseRecordSchema, L.exercises),
		/** 0–10 numeric rating scale. */
		painBefore: optional(wholeNumber(0, 10)),
		painAfter: optional(wholeNumber(0, 10)),
		effort: optional(oneOf(EFFORTS)),
		note: optional(text(0, L.noteLength)),
		/** The progression level played; absent when the program has no progression. */
		level: optional(wholeNumber(0, L.level))
	}),
	v.forward(
		v.check(
			(input) => input.endedAt >= input.startedAt,
			'is before startedAt: a session ends after it starts'
		),
		['endedAt']
	)
);

export type SkipReason = (typeof SKIP_REASONS)[number];
export type Effort = (typeof EFFORTS)[number];
export { OUTCOMES, type Outcome };
export type ExerciseRecord = v.InferOutput<typeof ExerciseRecordSchema>;
export type SessionRecord = v.InferOutput<typeof SessionRecordSchema>;

export type SideKey = Side | 'none';
