// The summary's answers: what a person may add to a session after it has been stored. A record
// is stored the moment its session ends; these only ever add to it (or change an answer).
import type { Effort, SessionRecord, SkipReason } from './record';

export interface SessionAnswers {
	/** 0–10; null removes an earlier answer. */
	painAfter?: number | null;
	effort?: Effort | null;
	/** Trimmed; '' or null removes an earlier note. */
	note?: string | null;
	/** Why an exercise was skipped, by its index in the record; null removes the reason. */
	skipReasons?: Record<number, SkipReason | null>;
}

/** The record with the answers applied (a new object; fields not answered stay as they were). */
export function withAnswers(record: SessionRecord, answers: SessionAnswers): SessionRecord {
	const next: SessionRecord = {
		...record,
		exercises: record.exercises.map((exercise, i) => {
			const reason = answers.skipReasons?.[i];
			if (reason === undefined || !exercise.skipped) return exercise;
			const copy = { ...exercise, repsDone: { ...exercise.repsDone } };
			if (reason === null) delete copy.skipReason;
			else copy.skipReason = reason;
			return copy;
		})
	};
	setOptional(next, 'painAfter', answers.painAfter);
	setOptional(next, 'effort', answers.effort);
	const note = answers.note === undefined ? undefined : (answers.note?.trim() ?? null);
	setOptional(next, 'note', note === '' ? null : note);
	return next;
}

/** Whether the answers hold anything to store. */
export function hasAnswers(answers: SessionAnswers): boolean {
	return (
		answers.painAfter !== undefined ||
		answers.effort !== undefined ||
		answers.note !== undefined ||
		Object.keys(answers.skipReasons ?? {}).length > 0
	);
}

function setOptional<K extends 'painAfter' | 'effort' | 'note'>(
	record: SessionRecord,
	key: K,
	value: SessionRecord[K] | null | undefined
): void {
	if (value === undefined) return;
	if (value === null) delete record[key];
	else record[key] = value;
}
