// Dose arithmetic for a validated program: which form a dose takes and the total length (the
// same rules as the timeline in timeline.ts, "How a program plays" in programs/README.md). Pure,
// and free of messages, so that the build's plugins (scripts/programs-plugin.ts) and the
// validator can use it under plain Node; dose.ts re-exports it with the dose's words.
import type { DoseForm, Exercise, Program } from './types';

/** The estimate used for one self-paced rep (the person counts reps with "Rep done"). */
export const SELF_PACED_MS_PER_REP = 4000;

/** Which dose form an exercise uses: hold, phases, duration, or none of them (self-paced). */
export function doseForm(exercise: Exercise): DoseForm {
	if (exercise.hold !== undefined) return 'hold';
	if (exercise.phases !== undefined) return 'phases';
	if (exercise.duration !== undefined) return 'duration';
	return 'selfPaced';
}

/** The length of one movement (one rep on one side) in ms; null for self-paced reps. */
function movementMs(exercise: Exercise): number | null {
	switch (doseForm(exercise)) {
		case 'hold':
			return (exercise.hold ?? 0) * 1000;
		case 'phases':
			return (exercise.phases ?? []).reduce((sum, phase) => sum + phase.seconds, 0) * 1000;
		case 'duration':
			return (exercise.duration ?? 0) * 1000;
		case 'selfPaced':
			return null;
	}
}

/** One set in ms: the reps as the dose form and sides say, with their rests and side switch. */
function setMs(exercise: Exercise, prepareMs: number): number {
	const movement = movementMs(exercise);
	const restMs = exercise.restBetweenReps * 1000;
	if (movement === null) {
		// Self-paced: one step per set (per side-half for "each"), no rests between reps.
		const perSide = exercise.reps * SELF_PACED_MS_PER_REP;
		if (exercise.sides === 'each') return 2 * perSide + prepareMs;
		if (exercise.sides === 'alternate') return 2 * perSide;
		return perSide;
	}
	// A duration is one bout per side, whatever reps says (validation keeps reps at 1).
	const reps = doseForm(exercise) === 'duration' ? 1 : exercise.reps;
	const run = (movements: number) => movements * movement + (movements - 1) * restMs;
	if (exercise.sides === 'each') return 2 * run(reps) + prepareMs;
	if (exercise.sides === 'alternate') return run(2 * reps);
	return run(reps);
}

/** The length of one exercise in ms: get ready, its sets and the rests between them. */
export function exerciseMs(program: Program, exercise: Exercise): number {
	const prepareMs = program.prepareSeconds * 1000;
	const sets = exercise.sets;
	return (
		prepareMs + sets * setMs(exercise, prepareMs) + (sets - 1) * exercise.restBetweenSets * 1000
	);
}

/** The nominal total length of a program in ms (self-paced reps at their estimate). */
export function programTotalMs(program: Program): number {
	let total = 0;
	program.exercises.forEach((exercise, index) => {
		total += exerciseMs(program, exercise);
		if (index < program.exercises.length - 1) {
			total += (exercise.restAfter ?? program.restBetweenExercises) * 1000;
		}
	});
	return total;
}

/** True when some exercise is self-paced, so the program's total length is an estimate. */
export function hasSelfPaced(program: Program): boolean {
	return program.exercises.some((exercise) => doseForm(exercise) === 'selfPaced');
}
