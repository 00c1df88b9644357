// Field-by-field check of a session record from outside (a backup file), pure and total:
// it returns a clean copy (known fields only, times in canonical UTC form) or records problems.
import type { Problem } from '$lib/program/types';
import { outcomeOf } from '$lib/session/outcome';
import type {
	Effort,
	ExerciseRecord,
	Outcome,
	SessionRecord,
	SkipReason
} from '$lib/session/record';
import {
	checkArray,
	checkBoolean,
	checkDateTime,
	checkInteger,
	checkKnownKeys,
	checkNumber,
	checkObject,
	checkOneOf,
	checkRequired,
	checkString,
	childPath
} from './checks';

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

export const EFFORTS: readonly Effort[] = ['too easy', 'about right', 'too hard'];
export const SKIP_REASONS: readonly SkipReason[] = ['pain', 'time', 'equipment', 'other'];
export const OUTCOMES: readonly Outcome[] = ['done', 'partial', 'skipped', 'not-reached'];

const SESSION_KEYS = [
	'id',
	'programId',
	'programVersion',
	'programTitle',
	'startedAt',
	'endedAt',
	'durationSeconds',
	'completed',
	'exercises',
	'painBefore',
	'painAfter',
	'effort',
	'note',
	'level'
] as const;

const EXERCISE_KEYS = [
	'exerciseId',
	'name',
	'setsDone',
	'setsPlanned',
	'repsDone',
	'repsPlanned',
	'seconds',
	'skipped',
	'skipReason',
	'outcome'
] as const;

const L = SESSION_LIMITS;

/** Checks one session record; returns a clean copy, or undefined after recording problems. */
export function checkSessionRecord(
	value: unknown,
	path: string,
	problems: Problem[]
): SessionRecord | undefined {
	if (!checkObject(value, path, problems)) return undefined;
	const before = problems.length;
	checkKnownKeys(value, SESSION_KEYS, path, problems);
	const at = (key: string) => childPath(path, key);
	const need = (key: string) => checkRequired(value, key, path, problems);

	if (need('id')) checkString(value.id, at('id'), problems, 1, L.idLength);
	if (need('programId')) checkString(value.programId, at('programId'), problems, 1, L.idLength);
	if (need('programVersion')) {
		checkInteger(value.programVersion, at('programVersion'), problems, 1, L.programVersion);
	}
	if (need('programTitle')) {
		checkString(value.programTitle, at('programTitle'), problems, 1, L.titleLength);
	}
	const startedAt = need('startedAt')
		? checkDateTime(value.startedAt, at('startedAt'), problems)
		: undefined;
	const endedAt = need('endedAt')
		? checkDateTime(value.endedAt, at('endedAt'), problems)
		: undefined;
	if (need('durationSeconds')) {
		checkNumber(value.durationSeconds, at('durationSeconds'), problems, 0, L.seconds);
	}
	if (need('completed')) checkBoolean(value.completed, at('completed'), problems);
	const exercises: ExerciseRecord[] = [];
	if (need('exercises') && checkArray(value.exercises, at('exercises'), problems, L.exercises)) {
		value.exercises.forEach((item, i) => {
			const checked = checkExerciseRecord(item, childPath(at('exercises'), i), problems);
			if (checked) exercises.push(checked);
		});
	}
	for (const key of ['painBefore', 'painAfter'] as const) {
		if (value[key] !== undefined) checkInteger(value[key], at(key), problems, 0, 10);
	}
	if (value.effort !== undefined) checkOneOf(value.effort, EFFORTS, at('effort'), problems);
	if (value.note !== undefined) checkString(value.note, at('note'), problems, 0, L.noteLength);
	if (value.level !== undefined) checkInteger(value.level, at('level'), problems, 0, L.level);
	if (startedAt !== undefined && endedAt !== undefined && endedAt < startedAt) {
		problems.push({
			path: at('endedAt'),
			message: 'is before startedAt: a session ends after it starts'
		});
	}
	if (problems.length > before) return undefined;

	const record: SessionRecord = {
		id: value.id as string,
		programId: value.programId as string,
		programVersion: value.programVersion as number,
		programTitle: value.programTitle as string,
		startedAt: startedAt!,
		endedAt: endedAt!,
		durationSeconds: value.durationSeconds as number,
		completed: value.completed as boolean,
		exercises
	};
	if (value.painBefore !== undefined) record.painBefore = value.painBefore as number;
	if (value.painAfter !== undefined) record.painAfter = value.painAfter as number;
	if (value.effort !== undefined) record.effort = value.effort as Effort;
	if (value.note !== undefined) record.note = value.note as string;
	if (value.level !== undefined) record.level = value.level as number;
	return record;
}

/** Checks one exercise record; returns a clean copy, or undefined after recording problems. */
export function checkExerciseRecord(
	value: unknown,
	path: string,
	problems: Problem[]
): ExerciseRecord | undefined {
	if (!checkObject(value, path, problems)) return undefined;
	const before = problems.length;
	checkKnownKeys(value, EXERCISE_KEYS, path, problems);
	const at = (key: string) => childPath(path, key);
	const need = (key: string) => checkRequired(value, key, path, problems);

	if (need('exerciseId')) checkString(value.exerciseId, at('exerciseId'), problems, 1, L.idLength);
	if (need('name')) checkString(value.name, at('name'), problems, 1, L.nameLength);
	if (need('setsPlanned')) checkInteger(value.setsPlanned, at('setsPlanned'), problems, 0, L.sets);
	if (need('setsDone')) checkInteger(value.setsDone, at('setsDone'), problems, 0, L.sets);
	let repsDone: ExerciseRecord['repsDone'] | undefined;
	if (need('repsDone') && checkObject(value.repsDone, at('repsDone'), problems)) {
		const reps = value.repsDone;
		const repsPath = at('repsDone');
		checkKnownKeys(reps, ['none', 'left', 'right'], repsPath, problems);
		let fine = true;
		for (const side of ['none', 'left', 'right'] as const) {
			fine =
				checkRequired(reps, side, repsPath, problems) &&
				checkInteger(reps[side], childPath(repsPath, side), problems, 0, L.reps) &&
				fine;
		}
		if (fine) {
			repsDone = {
				none: reps.none as number,
				left: reps.left as number,
				right: reps.right as number
			};
		}
	}
	if (need('repsPlanned')) checkInteger(value.repsPlanned, at('repsPlanned'), problems, 0, L.reps);
	if (need('seconds')) checkNumber(value.seconds, at('seconds'), problems, 0, L.seconds);
	if (need('skipped')) checkBoolean(value.skipped, at('skipped'), problems);
	if (value.skipReason !== undefined) {
		checkOneOf(value.skipReason, SKIP_REASONS, at('skipReason'), problems);
	}
	if (value.outcome !== undefined && checkOneOf(value.outcome, OUTCOMES, at('outcome'), problems)) {
		if (typeof value.skipped === 'boolean' && (value.outcome === 'skipped') !== value.skipped) {
			problems.push({
				path: at('outcome'),
				message: `does not agree with skipped (${String(value.skipped)})`
			});
		}
	}
	if (problems.length > before || !repsDone) return undefined;

	const record: ExerciseRecord = {
		exerciseId: value.exerciseId as string,
		name: value.name as string,
		setsDone: value.setsDone as number,
		setsPlanned: value.setsPlanned as number,
		repsDone,
		repsPlanned: value.repsPlanned as number,
		seconds: value.seconds as number,
		skipped: value.skipped as boolean,
		outcome: 'done'
	};
	// Backups made before outcomes existed: worked out from the counts, as the migration does.
	record.outcome = (value.outcome as Outcome | undefined) ?? outcomeOf(record);
	if (value.skipReason !== undefined) record.skipReason = value.skipReason as SkipReason;
	return record;
}
