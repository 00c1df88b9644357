// An unfinished session described in words for the Resume question: "You stopped 12 minutes
// ago at Bird-dog, set 2 of 2." Pure: the program, its timeline and `now` come in.
import { expandTimeline } from '$lib/program/timeline';
import type { Program } from '$lib/program/types';
import type { EngineSnapshot } from '$lib/player/engine-types';

/** How long ago a moment was, in plain words ("just now", "12 minutes ago", "yesterday"). */
export function agoText(then: number, now: number, locale = 'en'): string {
	const seconds = Math.max(0, Math.round((now - then) / 1000));
	if (seconds < 60) return 'just now';
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return format.format(-minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return format.format(-hours, 'hour');
	return format.format(-Math.floor(hours / 24), 'day');
}

/** Where in the program a snapshot stopped: "Bird-dog, set 2 of 2, left side". */
export function placeText(
	program: Program,
	snapshot: Pick<EngineSnapshot, 'stepIndex' | 'status'>
): string {
	if (snapshot.status === 'ready') return 'the start';
	const timeline = expandTimeline(program);
	const step = timeline.steps[snapshot.stepIndex];
	if (snapshot.status === 'complete' || !step) return 'the end';
	const exercise = program.exercises[step.exerciseIndex];
	if (!exercise) return 'the start';
	const parts = [exercise.name];
	if (exercise.sets > 1) parts.push(`set ${step.set} of ${exercise.sets}`);
	if (step.side) parts.push(`${step.side} side`);
	const place = parts.join(', ');
	if (step.kind === 'rest' && step.restKind === 'betweenExercises')
		return `the rest before ${place}`;
	return place;
}

/** The Resume question's sentence for an unfinished session. */
export function stoppedText(
	program: Program,
	checkpoint: { savedAt: number; snapshot: Pick<EngineSnapshot, 'stepIndex' | 'status'> },
	now: number
): string {
	return `You stopped ${agoText(checkpoint.savedAt, now)} at ${placeText(program, checkpoint.snapshot)}.`;
}
