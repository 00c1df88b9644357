// Advice: notes about a valid program that will probably not play as its author meant, each with
// the JSON path it is about (see "Advice (non-blocking)" in the format's contract). Advice never
// refuses a file and never changes how it plays; the Import page shows it, `npm run validate`
// prints it, and the build lists it for the built-in programs.
//
// Guidance that never plays: "sideNames" on an exercise without sides, "holdCue" on a paced rep
// (its phases' cues are shown instead), "releaseCue" without a hold or timed bout to release.
//
// Back-to-back holds: a hold dose with more than one hold in a row and no
// "restBetweenReps" plays the holds with no release in between (format 1 defaults the rest to
// 0), so ten 10-second holds become 100 seconds of "Hold". An author who writes
// "restBetweenReps": 0 has said so on purpose, and gets no advice.
import type { Advice, Exercise, Program } from './types';

const hasOwn = (value: unknown, key: string): boolean =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.prototype.hasOwnProperty.call(value, key);

/** How many holds play in a row within a set, and how to say which ones. */
function holdsInARow(exercise: Exercise): { count: number; which: string } {
	switch (exercise.sides) {
		case 'each':
			return { count: exercise.reps, which: ' on each side' };
		case 'alternate':
			return { count: 2 * exercise.reps, which: ', left and right in turn,' };
		default:
			return { count: exercise.reps, which: '' };
	}
}

function backToBackHolds(exercise: Exercise, source: unknown): string | null {
	if (exercise.hold === undefined || exercise.restBetweenReps > 0) return null;
	// "restBetweenReps": 0 written out means no rest on purpose.
	if (hasOwn(source, 'restBetweenReps')) return null;
	const { count, which } = holdsInARow(exercise);
	if (count < 2) return null;
	return (
		`${count} holds of ${exercise.hold} s${which} play back to back with no rest; ` +
		'add "restBetweenReps" (e.g. 5) so the person can relax between them, ' +
		'or write "restBetweenReps": 0 if no rest is meant'
	);
}

/** Guidance fields that this exercise never plays (docs: programs/README.md, "What to do now"). */
function unusedGuidance(exercise: Exercise): Array<{ key: string; message: string }> {
	const out: Array<{ key: string; message: string }> = [];
	if (exercise.sideNames && exercise.sides === 'none') {
		out.push({
			key: 'sideNames',
			message: 'is never shown: this exercise has no sides (set "sides" to "each" or "alternate")'
		});
	}
	if (exercise.holdCue !== undefined && exercise.phases) {
		out.push({
			key: 'holdCue',
			message: 'is never shown: a paced rep shows and says its phases’ cues instead'
		});
	}
	if (
		exercise.releaseCue !== undefined &&
		exercise.hold === undefined &&
		exercise.duration === undefined
	) {
		out.push({
			key: 'releaseCue',
			message:
				'is never shown: it is said when a hold or timed bout ends, and this exercise has neither'
		});
	}
	return out;
}

/**
 * Advice for a valid program, in exercise order. `source` is the file's value as written
 * (before defaults were filled in), which tells a rest written as 0 from one left out; without
 * it, a rest of 0 counts as left out.
 */
export function adviseProgram(program: Program, source?: unknown): Advice[] {
	const written = hasOwn(source, 'exercises') ? (source as { exercises: unknown }).exercises : [];
	const sources = Array.isArray(written) ? written : [];
	const advice: Advice[] = [];
	program.exercises.forEach((exercise, index) => {
		const message = backToBackHolds(exercise, sources[index]);
		if (message) advice.push({ path: `exercises[${index}]`, message });
		for (const { key, message: unused } of unusedGuidance(exercise)) {
			advice.push({ path: `exercises[${index}].${key}`, message: unused });
		}
	});
	return advice;
}
