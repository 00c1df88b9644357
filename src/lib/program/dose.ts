// Dose arithmetic and wording for a validated program: the total length (the same rules as the
// timeline in timeline.ts, "How a program plays" in programs/README.md) and plain-words
// descriptions for the program page. Pure: no clock, no DOM.
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Seconds as a dose reads them: "45 s", "90 s", "2 min 30 s", "5 min", "1 h 10 min". */
function doseSeconds(seconds: number): string {
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	if (minutes < 60) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
	return formatDuration(seconds * 1000);
}

/** A cue inside a sentence: "Breathe in" → "breathe in" (acronyms such as "ABC" are kept). */
function cueInSentence(cue: string): string {
	const trimmed = cue.trim();
	const first = trimmed.charAt(0);
	const second = trimmed.charAt(1);
	if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return trimmed;
	return first.toLowerCase() + trimmed.slice(1);
}

/** The dose of an exercise in plain words for the program page, e.g. "2 sets × 10 reps, hold 5 s, each side". */
export function describeDose(exercise: Exercise): string {
	const sides =
		exercise.sides === 'each'
			? ', each side'
			: exercise.sides === 'alternate'
				? ', alternating sides'
				: '';
	const sets = plural(exercise.sets, 'set', 'sets');
	const reps = plural(exercise.reps, 'rep', 'reps');
	switch (doseForm(exercise)) {
		case 'hold':
			return `${sets} × ${reps}, hold ${doseSeconds(exercise.hold ?? 0)}${sides}`;
		case 'phases': {
			const phases = (exercise.phases ?? [])
				.map((phase) => {
					const cue = cueInSentence(phase.cue);
					const time = doseSeconds(phase.seconds);
					return cue ? `${cue} ${time}` : time;
				})
				.join(' · ');
			return `${sets} × ${reps}, paced: ${phases}${sides}`;
		}
		case 'duration': {
			const bout = doseSeconds(exercise.duration ?? 0);
			return exercise.sets > 1 ? `${sets} × ${bout}${sides}` : `${bout}${sides}`;
		}
		case 'selfPaced': {
			const count = exercise.sets > 1 ? `${sets} × ${reps}` : reps;
			return `${count} at your own pace${sides}`;
		}
	}
}

import { formatDuration } from './duration-text';

export { formatDuration };
