// Test factories: session records (two families: exerciseRecord/sessionRecord number their ids
// and have no answers, as the adherence and safety tests want; makeExerciseRecord/
// makeSessionRecord have a fixed id and answers, as the storage and session tests want) and a
// program as stored.
import type { Program } from '$lib/program/types';
import type { ExerciseRecord, SessionRecord } from '$lib/session/record';

let counter = 0;

/** One exercise record that was done (setsDone 1) unless `skipped` is set. */
export function exerciseRecord(overrides: Partial<ExerciseRecord> = {}): ExerciseRecord {
	const skipped = overrides.skipped ?? false;
	return {
		exerciseId: 'pelvic-tilt',
		name: 'Pelvic tilts',
		setsDone: skipped ? 0 : 1,
		setsPlanned: 1,
		repsDone: { none: skipped ? 0 : 10, left: 0, right: 0 },
		repsPlanned: 10,
		seconds: skipped ? 0 : 60,
		skipped,
		outcome: skipped ? 'skipped' : 'done',
		...overrides
	};
}

/** A completed session of program `programId` that started at `startedAt`. */
export function sessionRecord(
	startedAt: string,
	overrides: Partial<SessionRecord> = {}
): SessionRecord {
	counter++;
	const start = Date.parse(startedAt);
	return {
		id: `session-${counter}`,
		programId: 'gentle-relief',
		programVersion: 1,
		programTitle: 'Gentle relief',
		startedAt,
		endedAt: Number.isFinite(start) ? new Date(start + 7 * 60_000).toISOString() : startedAt,
		durationSeconds: 420,
		completed: true,
		exercises: [exerciseRecord()],
		...overrides
	};
}

/** An exercise record with sensible values, as the storage and session tests use. */
export function makeExerciseRecord(overrides: Partial<ExerciseRecord> = {}): ExerciseRecord {
	return {
		exerciseId: 'pelvic-tilt',
		name: 'Pelvic tilts',
		setsDone: 2,
		setsPlanned: 2,
		repsDone: { none: 20, left: 0, right: 0 },
		repsPlanned: 20,
		seconds: 95,
		skipped: false,
		outcome: 'done',
		...overrides
	};
}

/** A session record with answers (id "session-1"; it ends 12.5 minutes after it starts). */
export function makeSessionRecord(overrides: Partial<SessionRecord> = {}): SessionRecord {
	const startedAt = overrides.startedAt ?? '2025-03-14T08:00:00.000Z';
	return {
		id: 'session-1',
		programId: 'gentle-start',
		programVersion: 1,
		programTitle: 'Gentle start',
		startedAt,
		endedAt: new Date(Date.parse(startedAt) + 750_000).toISOString(),
		durationSeconds: 700,
		completed: true,
		exercises: [makeExerciseRecord()],
		painBefore: 5,
		painAfter: 3,
		effort: 'about right',
		...overrides
	};
}

/** A valid one-exercise program by id and title, every default filled in, as stored. */
export function makeStoredProgram(id = 'my-routine', title = 'My routine'): Program {
	return {
		format: 1,
		id,
		version: 1,
		title,
		language: 'en',
		schedule: { timesPerDay: 1, daysPerWeek: 7 },
		prepareSeconds: 5,
		restBetweenExercises: 15,
		safety: [],
		exercises: [
			{
				id: 'pelvic-tilt',
				name: 'Pelvic tilts',
				instructions: ['Lie on your back, knees bent.', 'Flatten your lower back to the floor.'],
				cautions: [],
				sets: 1,
				reps: 10,
				sides: 'none',
				restBetweenReps: 0,
				restBetweenSets: 30
			}
		]
	};
}
