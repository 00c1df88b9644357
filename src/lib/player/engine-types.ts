// The player engine's public contract: commands in, state and events out.
// Times are plain numbers in milliseconds from an injected clock; the engine never reads a clock.
import type { ExerciseRecord } from '$lib/session/record';
import type { PhaseStep, RestStep, Step } from '$lib/program/timeline-types';
import type { Side } from '$lib/program/types';

export type EngineStatus = 'ready' | 'playing' | 'paused' | 'complete';

export interface EngineState {
	status: EngineStatus;
	/** Index of the current step in the timeline (steps.length when complete). */
	stepIndex: number;
	/** The current step, or null before start / after completion. */
	step: Step | null;
	/** Milliseconds left in the current step: end - now (null for self-paced steps). */
	remainingMs: number | null;
	/** Reps counted so far in the current self-paced step. */
	repsCounted: number;
	/** For self-paced steps with sides "alternate": the side of the next tap; else step.side. */
	currentSide: Side | null;
	/** Active milliseconds so far (pauses excluded). */
	elapsedMs: number;
	/** Estimated milliseconds left in the whole session (self-paced at their estimate). */
	remainingTotalMs: number;
	/** Per exercise, what has been done so far. */
	records: ExerciseRecord[];
}

/** Every event carries `at`: the timeline moment (clock ms) it belongs to, and `late`: true
 * when it is emitted during a catch-up more than LATE_MS after that moment (cues stay quiet). */
interface EventBase {
	at: number;
	late: boolean;
}

export type EngineEvent =
	| (EventBase & { type: 'stepStarted'; step: Step })
	| (EventBase & { type: 'phaseCue'; step: PhaseStep; cue: string })
	| (EventBase & { type: 'countdown'; step: Step; secondsLeft: 3 | 2 | 1 })
	| (EventBase & { type: 'switchSides'; step: Step; side: Side })
	| (EventBase & { type: 'rest'; step: RestStep })
	| (EventBase & { type: 'nextUp'; step: Step; exerciseIndex: number })
	| (EventBase & { type: 'repCounted'; step: Step; repsCounted: number; side: Side | null })
	| (EventBase & { type: 'paused' })
	| (EventBase & { type: 'resumed' })
	| (EventBase & { type: 'sessionComplete'; completed: boolean });

export type EngineListener = (event: EngineEvent) => void;

/** Everything needed to resume after a reload: paused, same step, same time left. */
export interface EngineSnapshot {
	stepIndex: number;
	/** Time left in the current step at the moment of the snapshot (null when self-paced). */
	remainingMs: number | null;
	repsCounted: number;
	elapsedMs: number;
	records: ExerciseRecord[];
	status: EngineStatus;
	// Optional detail the engine writes so that a restore is exact; restore works without it.
	/** Active ms already spent in the current step. */
	stepElapsedMs?: number;
	/** Active ms since the current exercise's first step started (for Back's 2-second rule). */
	exerciseElapsedMs?: number;
	/** Per exercise, active ms counted towards its record (records carry rounded seconds). */
	exerciseActiveMs?: number[];
	/** Per exercise, the last set in which a rep was counted (0 = none yet). */
	lastSetCounted?: number[];
	/** For a complete snapshot: whether the session was completed. */
	completed?: boolean;
}

export interface EngineOptions {
	/** Events more than this many ms behind `now` are marked late (default LATE_MS = 1000). */
	lateMs?: number;
	/** Back restarts the current exercise after this much active time in it (default 2000). */
	backRestartMs?: number;
	/** Called when a listener throws; the engine carries on regardless (default: console.error). */
	onListenerError?: (error: unknown, event: EngineEvent) => void;
}

/** The player engine: commands take the clock's `now`; state and events come out. */
export interface Engine {
	start(now: number): void;
	pause(now: number): void;
	resume(now: number): void;
	/** Skip. */
	next(now: number): void;
	/** Back. */
	previous(now: number): void;
	repDone(now: number): void;
	setDone(now: number): void;
	end(now: number): void;
	/** Catches up to `now`: completes every step whose deadline has passed. */
	tick(now: number): void;
	/** With `now`: catches up first (like tick). Without: the state as of the last command. */
	getState(now?: number): EngineState;
	subscribe(listener: EngineListener): () => void;
	snapshot(now: number): EngineSnapshot;
}
