// The builder's preview of a session: what plays when, read from the same timeline the player
// plays (expandTimeline), one row per step.
import { formatClock } from '../program/clock-text';
import type { Program } from '../program/types';
import type { Step, Timeline } from '../program/timeline-types';

export interface PreviewRow {
	/** When the step starts, as the player's clock shows it ("1:05"). */
	at: string;
	/** What plays, in plain words. */
	what: string;
	/** How long it lasts ("10 s", or "about 40 s" for reps counted by the person). */
	lasts: string;
}

const sideText = (step: Step) => (step.side ? `, ${step.side} side` : '');

function seconds(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	const rest = s % 60;
	return rest === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${rest} s`;
}

/** One step in plain words. */
export function stepText(step: Step, program: Program): string {
	const exercise = program.exercises[step.exerciseIndex];
	const name = exercise?.name ?? '';
	const sets = exercise && exercise.sets > 1 ? `, set ${step.set} of ${exercise.sets}` : '';
	switch (step.kind) {
		case 'prepare':
			return `Get ready: ${name}`;
		case 'switchSides':
			return `Switch sides: ${name}${sideText(step)}`;
		case 'hold':
			return `${name}: hold, rep ${step.rep} of ${exercise?.reps ?? step.rep}${sideText(step)}${sets}`;
		case 'phase':
			return `${name}: ${step.cue}, rep ${step.rep} of ${exercise?.reps ?? step.rep}${sideText(step)}${sets}`;
		case 'timed':
			return `${name}${sideText(step)}${sets}`;
		case 'selfPaced':
			return `${name}: ${step.targetReps} reps at your own pace${sideText(step)}${sets}`;
		case 'rest':
			switch (step.restKind) {
				case 'betweenReps':
					return 'Relax';
				case 'betweenSets':
					return 'Rest between sets';
				case 'betweenExercises':
					return `Rest, then ${name}`;
			}
	}
}

/** The rows of the preview, in playing order. */
export function previewRows(program: Program, timeline: Timeline): PreviewRow[] {
	return timeline.steps.map((step) => ({
		at: formatClock(step.start),
		what: stepText(step, program),
		lasts: step.kind === 'selfPaced' ? `about ${seconds(step.duration)}` : seconds(step.duration)
	}));
}
