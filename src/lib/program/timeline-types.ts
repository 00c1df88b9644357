// The timeline: a program expanded into ordered steps with exact offsets (milliseconds
// from the start of the session). Produced by expandTimeline() in timeline.ts.
import type { Side } from './types';

export type RestKind = 'betweenReps' | 'betweenSets' | 'betweenExercises';

export type StepKind =
	| 'prepare' // get ready before an exercise (shows what comes next; 3-2-1 cue)
	| 'switchSides' // get ready between the left and right halves of a set (sides: "each")
	| 'hold' // one rep held for `hold` seconds
	| 'phase' // one phase of a paced rep
	| 'timed' // one timed bout (`duration`)
	| 'selfPaced' // a set (or one side of it) of reps counted with "Rep done"
	| 'rest';

interface StepBase {
	/** Position in timeline.steps. */
	index: number;
	kind: StepKind;
	/** Nominal start and end offsets in ms; self-paced steps use their estimate. */
	start: number;
	end: number;
	/** end - start. */
	duration: number;
	/**
	 * The exercise the screen is about: for prepare and betweenExercises rests, the coming
	 * exercise; otherwise the exercise being done.
	 */
	exerciseIndex: number;
	/** 1-based set number (prepare: 1; betweenExercises rest: 1 of the coming exercise). */
	set: number;
	/** The side being worked or coming next; null when the exercise has no sides. */
	side: Side | null;
}

export interface PrepareStep extends StepBase {
	kind: 'prepare';
}

export interface SwitchSidesStep extends StepBase {
	kind: 'switchSides';
}

export interface HoldStep extends StepBase {
	kind: 'hold';
	/** 1-based rep number; with sides, counted per side. */
	rep: number;
}

export interface PhaseStep extends StepBase {
	kind: 'phase';
	rep: number;
	/** 0-based index into exercise.phases. */
	phaseIndex: number;
	cue: string;
}

export interface TimedStep extends StepBase {
	kind: 'timed';
}

export interface SelfPacedStep extends StepBase {
	kind: 'selfPaced';
	/** Reps to count in this step: reps, or 2 × reps for sides "alternate" (left, right, …). */
	targetReps: number;
	/** True for sides "alternate": tap k (0-based) is on the left when k is even. */
	alternate: boolean;
}

export interface RestStep extends StepBase {
	kind: 'rest';
	restKind: RestKind;
}

export type Step =
	PrepareStep | SwitchSidesStep | HoldStep | PhaseStep | TimedStep | SelfPacedStep | RestStep;

export interface Timeline {
	steps: Step[];
	/** Nominal total in ms (self-paced sets at their estimate). */
	totalMs: number;
	/** True when some step waits for the person (self-paced reps), so the total is an estimate. */
	hasSelfPaced: boolean;
}
