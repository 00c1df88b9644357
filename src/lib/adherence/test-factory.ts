// Test factory: session records with sensible defaults, for the adherence and safety tests.
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
