// The player engine: a pure state machine over a timeline. Commands take `now` (ms from an
// injected clock); state and events come out. It never reads a clock and never decrements.
//
// Time is a deadline. While a timed step plays, the engine stores its deadline (the moment it
// ends) and derives "time left" as deadline − now. A tick that comes late catches up: every step
// whose deadline has passed is completed in order, the next one starting exactly at the previous
// deadline (not at `now`), with its events emitted in order and marked `late` when their moment is
// more than LATE_MS behind `now`. A self-paced step stops the catch-up: it waits for the person.
// Pause freezes the time left; resume sets a new deadline = now + time left.
//
// Behaviour decisions (also in docs/player.md):
// - Skip (next): in a wait (prepare, switchSides, rest) the wait ends now and the next step starts.
//   In an exercise's work (hold, phase, timed, selfPaced) the rest of that exercise is skipped:
//   its record is marked skipped unless every planned rep was done, and play continues now at the
//   step after that exercise's last work step. Skipping the last exercise ends the session.
// - Back (previous): restarts the current exercise from its first step (its prepare) when more
//   than 2 s of active time have passed in it or the current step is not that first step; else
//   it goes to the previous exercise's first step (exercise 0 restarts). In a between-exercises
//   rest, Back replays the exercise just finished. Going back resets the reps and sets counted
//   (and the skipped flag) of the target exercise and every later one; seconds keep accumulating.
// - repDone counts one rep in a playing self-paced step (alternate: even taps left, odd right) and
//   completes the step at the target; setDone ends a playing self-paced step now. Elsewhere, and
//   while paused, both are ignored. Skip, Back and End also work while paused (it stays paused).
// - end(now) finishes at once with completed = false (ignored once complete). completed is true
//   only when the timeline played to its end with no exercise marked skipped.
// - Records: a hold counts one rep on its side when it completes, a paced rep when its last phase
//   completes, a timed bout one rep on its side, a self-paced rep on each tap; a rep cut short does
//   not count. repsPlanned = (reps, or 1 for a duration) × sets, per side for sided exercises.
//   seconds = active time in the exercise's own steps (work, switch sides, rests between reps and
//   sets; not its prepare, not the rest between exercises), to one decimal.
// - Events are queued while a command runs and delivered when it is done, in order, so a listener
//   that reads the state or calls the engine sees a settled engine. A listener that throws is
//   reported to onListenerError and the others still run.
// - `now` never goes backwards inside the engine: a smaller value is treated as the last one.
import type { SelfPacedStep, Step, Timeline } from '$lib/program/timeline-types';
import type { Program, Side } from '$lib/program/types';
import { outcomeOf } from '$lib/session/outcome';
import type { ExerciseRecord } from '$lib/session/record';
import type {
	Engine,
	EngineEvent,
	EngineListener,
	EngineOptions,
	EngineSnapshot,
	EngineState,
	EngineStatus
} from '$lib/player/engine-types';

/** Events whose moment is more than this far behind `now` are marked late. */
export const LATE_MS = 1000;
/** Back restarts the current exercise once this much active time has passed in it. */
export const BACK_RESTART_MS = 2000;
/** Steps at least this long get a 3-2-1 countdown. */
export const COUNTDOWN_MIN_MS = 4000;

type Kind = Step['kind'];
const WAIT_KINDS: ReadonlySet<Kind> = new Set<Kind>(['prepare', 'switchSides', 'rest']);
const COUNTDOWN_KINDS: ReadonlySet<Kind> = new Set<Kind>([
	'prepare',
	'switchSides',
	'rest',
	'hold',
	'timed'
]);

type Countdown = 3 | 2 | 1;

function isWork(step: Step): boolean {
	return !WAIT_KINDS.has(step.kind);
}

function isBetweenExercises(step: Step): boolean {
	return step.kind === 'rest' && step.restKind === 'betweenExercises';
}

/** Whether a step's active time counts towards its exercise's record. */
function countsTowardsExercise(step: Step): boolean {
	return step.kind !== 'prepare' && !isBetweenExercises(step);
}

/** The next countdown still ahead when `remaining` ms are left (0 = none). */
function pendingCountdown(step: Step, remaining: number): number {
	if (!COUNTDOWN_KINDS.has(step.kind) || step.duration < COUNTDOWN_MIN_MS) return 0;
	return Math.max(0, Math.min(3, Math.ceil(remaining / 1000) - 1));
}

/** Rounds ms to seconds with one decimal. */
function toSeconds(ms: number): number {
	return Math.round(ms / 100) / 10;
}

interface Layout {
	/** Per exercise: index of its first own step (its prepare, or first work step), or -1. */
	first: number[];
	/** Per exercise: index of its last work step, or -1. */
	lastWork: number[];
}

function layoutOf(timeline: Timeline, exerciseCount: number): Layout {
	const first = new Array<number>(exerciseCount).fill(-1);
	const lastWork = new Array<number>(exerciseCount).fill(-1);
	for (const step of timeline.steps) {
		if (isBetweenExercises(step)) continue;
		const e = step.exerciseIndex;
		if (first[e] === -1) first[e] = step.index;
		if (isWork(step)) lastWork[e] = step.index;
	}
	return { first, lastWork };
}

function freshRecords(program: Program): ExerciseRecord[] {
	return program.exercises.map((exercise) => ({
		exerciseId: exercise.id,
		name: exercise.name,
		setsDone: 0,
		setsPlanned: exercise.sets,
		repsDone: { none: 0, left: 0, right: 0 },
		repsPlanned: (exercise.duration !== undefined ? 1 : exercise.reps) * exercise.sets,
		seconds: 0,
		skipped: false,
		outcome: 'not-reached'
	}));
}

function copyRecord(record: ExerciseRecord): ExerciseRecord {
	return { ...record, repsDone: { ...record.repsDone } };
}

// Creates a player engine for a timeline (expanded from the same program), ready to start.
export function createEngine(
	timeline: Timeline,
	program: Program,
	options: EngineOptions = {}
): Engine {
	return buildEngine(timeline, program, options);
}

// Recreates an engine from a snapshot: paused at the same step with the same time left
// (a snapshot taken before start comes back ready, one taken after the end comes back complete).
export function restoreEngine(
	timeline: Timeline,
	program: Program,
	snapshot: EngineSnapshot,
	options: EngineOptions = {}
): Engine {
	return buildEngine(timeline, program, options, snapshot);
}

function buildEngine(
	timeline: Timeline,
	program: Program,
	options: EngineOptions,
	snapshot?: EngineSnapshot
): Engine {
	const steps = timeline.steps;
	const lateMs = options.lateMs ?? LATE_MS;
	const backRestartMs = options.backRestartMs ?? BACK_RESTART_MS;
	const onListenerError =
		options.onListenerError ??
		((error: unknown) => console.error('A player engine listener failed:', error));
	const layout = layoutOf(timeline, program.exercises.length);
	const sided = program.exercises.map((exercise) => exercise.sides !== 'none');

	let status: EngineStatus = 'ready';
	let stepIndex = 0;
	/** While playing a timed step: the moment it ends. */
	let deadline = 0;
	/** While paused: the time left in the current step (null for self-paced). */
	let pausedRemaining: number | null = null;
	/** Active time: activeBefore + (now − segmentStart) while playing; activeBefore otherwise. */
	let activeBefore = 0;
	let segmentStart = 0;
	let stepStartElapsed = 0;
	let exerciseStartElapsed = 0;
	let repsCounted = 0;
	let nextCountdown = 0;
	let completed = false;
	let lastNow = -Infinity;
	let records = freshRecords(program);
	let exerciseMs = records.map(() => 0);
	let lastSetCounted = records.map(() => 0);

	const listeners = new Set<EngineListener>();
	const queue: EngineEvent[] = [];
	let flushing = false;

	if (snapshot) restore(snapshot);

	function restore(saved: EngineSnapshot): void {
		records = program.exercises.map((_, e) => {
			const record = saved.records[e];
			return record ? copyRecord(record) : (freshRecords(program)[e] as ExerciseRecord);
		});
		// Without the exact detail, records' seconds (which include the current step) are used.
		exerciseMs = records.map((r, e) => saved.exerciseActiveMs?.[e] ?? Math.round(r.seconds * 1000));
		lastSetCounted = records.map((r, e) => saved.lastSetCounted?.[e] ?? r.setsDone);
		activeBefore = saved.elapsedMs;
		if (saved.status === 'ready') return;
		const step = steps[saved.stepIndex];
		if (saved.status === 'complete' || !step) {
			status = 'complete';
			stepIndex = steps.length;
			completed = saved.status === 'complete' && (saved.completed ?? false);
			return;
		}
		status = 'paused';
		stepIndex = step.index;
		repsCounted = step.kind === 'selfPaced' ? Math.max(0, saved.repsCounted) : 0;
		if (step.kind === 'selfPaced') {
			pausedRemaining = null;
		} else {
			const left = saved.remainingMs ?? step.duration;
			pausedRemaining = Math.min(step.duration, Math.max(0, left));
		}
		const inStep =
			saved.stepElapsedMs ?? (pausedRemaining === null ? 0 : step.duration - pausedRemaining);
		stepStartElapsed = activeBefore - inStep;
		if (!saved.exerciseActiveMs && countsTowardsExercise(step)) {
			const e = step.exerciseIndex;
			exerciseMs[e] = Math.max(0, (exerciseMs[e] ?? 0) - inStep);
		}
		exerciseStartElapsed = activeBefore - (saved.exerciseElapsedMs ?? inStep);
		nextCountdown = pausedRemaining === null ? 0 : pendingCountdown(step, pausedRemaining);
	}

	// ---- time ----

	function elapsedAt(t: number): number {
		return status === 'playing' ? activeBefore + (t - segmentStart) : activeBefore;
	}

	function clampNow(now: number): number {
		const t = Math.max(now, lastNow);
		lastNow = t;
		return t;
	}

	function currentStep(): Step | undefined {
		return status === 'playing' || status === 'paused' ? steps[stepIndex] : undefined;
	}

	// ---- events ----

	function emit(event: EngineEvent): void {
		queue.push(event);
	}

	function flush(): void {
		if (flushing) return;
		flushing = true;
		try {
			for (let i = 0; i < queue.length; i++) {
				const event = queue[i] as EngineEvent;
				for (const listener of [...listeners]) {
					try {
						listener(event);
					} catch (error) {
						try {
							onListenerError(error, event);
						} catch {
							// An error reporter that throws must not stop the engine either.
						}
					}
				}
			}
		} finally {
			queue.length = 0;
			flushing = false;
		}
	}

	function late(at: number, now: number): boolean {
		return now - at > lateMs;
	}

	// ---- steps ----

	function startStep(index: number, at: number, now: number): void {
		stepIndex = index;
		const step = steps[index];
		if (!step) {
			finish(at, now, true);
			return;
		}
		stepStartElapsed = elapsedAt(at);
		repsCounted = 0;
		if (status === 'playing') deadline = at + step.duration;
		else pausedRemaining = step.kind === 'selfPaced' ? null : step.duration;
		nextCountdown = pendingCountdown(step, step.duration);
		if (layout.first[step.exerciseIndex] === index) exerciseStartElapsed = stepStartElapsed;

		const base = { at, late: late(at, now) };
		emit({ ...base, type: 'stepStarted', step });
		switch (step.kind) {
			case 'prepare':
				emit({ ...base, type: 'nextUp', step, exerciseIndex: step.exerciseIndex });
				break;
			case 'switchSides':
				emit({ ...base, type: 'switchSides', step, side: step.side ?? 'right' });
				break;
			case 'rest':
				emit({ ...base, type: 'rest', step });
				if (step.restKind === 'betweenExercises') {
					emit({ ...base, type: 'nextUp', step, exerciseIndex: step.exerciseIndex });
				}
				break;
			case 'phase':
				emit({ ...base, type: 'phaseCue', step, cue: step.cue });
				break;
			case 'timed':
			case 'hold':
			case 'selfPaced':
				// Announced by stepStarted alone.
				break;
		}
	}

	/** Books the active time spent in the current step to its exercise. */
	function leaveStep(step: Step, at: number): void {
		if (countsTowardsExercise(step)) {
			const e = step.exerciseIndex;
			exerciseMs[e] = (exerciseMs[e] ?? 0) + Math.max(0, elapsedAt(at) - stepStartElapsed);
		}
	}

	function countRep(step: Step, side: Side | null, count: number, at: number, now: number): void {
		const record = records[step.exerciseIndex];
		if (!record) return;
		record.repsDone[side ?? 'none'] += 1;
		if (step.set > (lastSetCounted[step.exerciseIndex] ?? 0)) {
			lastSetCounted[step.exerciseIndex] = step.set;
			record.setsDone += 1;
		}
		emit({ at, late: late(at, now), type: 'repCounted', step, repsCounted: count, side });
	}

	/** True when the last phase of a paced rep is this step. */
	function endsPacedRep(step: Step): boolean {
		const following = steps[step.index + 1];
		return !(
			following &&
			following.kind === 'phase' &&
			step.kind === 'phase' &&
			following.exerciseIndex === step.exerciseIndex &&
			following.set === step.set &&
			following.side === step.side &&
			following.rep === step.rep
		);
	}

	/** A timed step reached its deadline: count what it completed and book its time. */
	function completeTimedStep(step: Step, at: number, now: number): void {
		leaveStep(step, at);
		if (step.kind === 'hold') countRep(step, step.side, step.rep, at, now);
		else if (step.kind === 'timed') countRep(step, step.side, 1, at, now);
		else if (step.kind === 'phase' && endsPacedRep(step)) {
			countRep(step, step.side, step.rep, at, now);
		}
	}

	function finish(at: number, now: number, naturally: boolean): void {
		activeBefore = elapsedAt(at);
		status = 'complete';
		stepIndex = steps.length;
		pausedRemaining = null;
		repsCounted = 0;
		nextCountdown = 0;
		completed = naturally && records.every((record) => !record.skipped);
		emit({ at, late: late(at, now), type: 'sessionComplete', completed });
	}

	/** Catches up to `now`: completes every timed step whose deadline has passed, in order. */
	function advance(now: number): void {
		while (status === 'playing') {
			const step = steps[stepIndex];
			if (!step || step.kind === 'selfPaced') return;
			while (nextCountdown > 0 && deadline - nextCountdown * 1000 <= now) {
				const at = deadline - nextCountdown * 1000;
				const secondsLeft = nextCountdown as Countdown;
				emit({ at, late: late(at, now), type: 'countdown', step, secondsLeft });
				nextCountdown -= 1;
			}
			if (now < deadline) return;
			const at = deadline;
			completeTimedStep(step, at, now);
			startStep(stepIndex + 1, at, now);
		}
	}

	function allRepsDone(e: number): boolean {
		const record = records[e];
		if (!record) return true;
		const done = record.repsDone;
		return sided[e]
			? done.left >= record.repsPlanned && done.right >= record.repsPlanned
			: done.none >= record.repsPlanned;
	}

	function resetFrom(e: number): void {
		for (let i = e; i < records.length; i++) {
			const record = records[i] as ExerciseRecord;
			record.setsDone = 0;
			record.repsDone = { none: 0, left: 0, right: 0 };
			record.skipped = false;
			lastSetCounted[i] = 0;
		}
	}

	/** The exercise Back should go to from the current step at active time `elapsed`. */
	function backTarget(step: Step, elapsed: number): number {
		if (isBetweenExercises(step)) return step.exerciseIndex - 1;
		const e = step.exerciseIndex;
		const inExercise = elapsed - exerciseStartElapsed;
		if (layout.first[e] !== step.index || inExercise > backRestartMs) return e;
		return Math.max(0, e - 1);
	}

	function alternateSide(step: SelfPacedStep): Side | null {
		if (!step.alternate) return step.side;
		return repsCounted % 2 === 0 ? 'left' : 'right';
	}

	/** Runs a command at `now` (after catching up), then delivers the events it caused. */
	function command(now: number, body: (t: number) => void): void {
		const t = clampNow(now);
		try {
			advance(t);
			body(t);
		} finally {
			flush();
		}
	}

	// ---- state ----

	function currentRemaining(step: Step | undefined, ref: number): number | null {
		if (!step || step.kind === 'selfPaced') return null;
		if (status === 'paused') return pausedRemaining;
		return Math.max(0, deadline - ref);
	}

	function buildState(ref: number): EngineState {
		const step = currentStep();
		const remainingMs = currentRemaining(step, ref);
		const elapsedMs = elapsedAt(ref);
		let remainingTotalMs = 0;
		if (status === 'ready') remainingTotalMs = timeline.totalMs;
		else if (step) {
			const rest = timeline.totalMs - step.end;
			const here =
				step.kind === 'selfPaced'
					? Math.max(0, step.targetReps - repsCounted) * (step.duration / step.targetReps)
					: (remainingMs ?? 0);
			remainingTotalMs = here + rest;
		}
		const inProgress = step && countsTowardsExercise(step) ? elapsedMs - stepStartElapsed : 0;
		return {
			status,
			stepIndex,
			step: step ?? null,
			remainingMs,
			repsCounted,
			currentSide: step ? (step.kind === 'selfPaced' ? alternateSide(step) : step.side) : null,
			elapsedMs,
			remainingTotalMs,
			records: records.map((record, e) => ({
				...copyRecord(record),
				outcome: outcomeOf(record),
				seconds: toSeconds(
					(exerciseMs[e] ?? 0) + (step && step.exerciseIndex === e ? inProgress : 0)
				)
			}))
		};
	}

	// ---- commands ----

	const engine: Engine = {
		start(now) {
			command(now, (t) => {
				if (status !== 'ready') return;
				status = 'playing';
				activeBefore = 0;
				segmentStart = t;
				startStep(0, t, t);
				advance(t);
			});
		},

		pause(now) {
			command(now, (t) => {
				if (status !== 'playing') return;
				const step = steps[stepIndex];
				pausedRemaining = step && step.kind !== 'selfPaced' ? deadline - t : null;
				activeBefore = elapsedAt(t);
				status = 'paused';
				emit({ at: t, late: false, type: 'paused' });
			});
		},

		resume(now) {
			command(now, (t) => {
				if (status !== 'paused') return;
				status = 'playing';
				segmentStart = t;
				deadline = t + (pausedRemaining ?? 0);
				pausedRemaining = null;
				emit({ at: t, late: false, type: 'resumed' });
				advance(t);
			});
		},

		next(now) {
			command(now, (t) => {
				const step = currentStep();
				if (!step) return;
				leaveStep(step, t);
				if (!isWork(step)) {
					startStep(step.index + 1, t, t);
				} else {
					const e = step.exerciseIndex;
					const record = records[e];
					if (record) record.skipped = !allRepsDone(e);
					startStep((layout.lastWork[e] ?? step.index) + 1, t, t);
				}
				advance(t);
			});
		},

		previous(now) {
			command(now, (t) => {
				const step = currentStep();
				if (!step) return;
				let target = backTarget(step, elapsedAt(t));
				while (target > 0 && (layout.first[target] ?? -1) < 0) target -= 1;
				const first = layout.first[target] ?? -1;
				if (first < 0) return;
				leaveStep(step, t);
				resetFrom(target);
				startStep(first, t, t);
			});
		},

		repDone(now) {
			command(now, (t) => {
				const step = currentStep();
				if (status !== 'playing' || !step || step.kind !== 'selfPaced') return;
				const side = alternateSide(step);
				repsCounted += 1;
				countRep(step, side, repsCounted, t, t);
				if (repsCounted >= step.targetReps) {
					leaveStep(step, t);
					startStep(step.index + 1, t, t);
					advance(t);
				}
			});
		},

		setDone(now) {
			command(now, (t) => {
				const step = currentStep();
				if (status !== 'playing' || !step || step.kind !== 'selfPaced') return;
				leaveStep(step, t);
				startStep(step.index + 1, t, t);
				advance(t);
			});
		},

		end(now) {
			command(now, (t) => {
				if (status === 'complete') return;
				const step = currentStep();
				if (step) leaveStep(step, t);
				finish(t, t, false);
			});
		},

		tick(now) {
			command(now, () => {});
		},

		getState(now) {
			if (now !== undefined) command(now, () => {});
			return buildState(lastNow);
		},

		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},

		snapshot(now) {
			command(now, () => {});
			const t = lastNow;
			const state = buildState(t);
			const elapsed = elapsedAt(t);
			return {
				stepIndex,
				remainingMs: state.remainingMs,
				repsCounted,
				elapsedMs: elapsed,
				records: state.records,
				status,
				stepElapsedMs: currentStep() ? elapsed - stepStartElapsed : 0,
				exerciseElapsedMs: currentStep() ? elapsed - exerciseStartElapsed : 0,
				exerciseActiveMs: [...exerciseMs],
				lastSetCounted: [...lastSetCounted],
				completed
			};
		}
	};

	return engine;
}
