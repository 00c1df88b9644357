// The runes adapter between the pure engine and the player screen: it drives the engine with
// the clock (one timer, armed for the next moment something on screen changes: see wake.ts),
// mirrors its state for rendering (reactively when more than the time changed, and to `onTime`
// listeners at every wake), checkpoints the session at every step change, on pause and when the page is
// hidden, and builds the session record at the end, which it hands to `onComplete`. A session
// has its id from the start: its checkpoint and its record carry it. It holds no timing logic
// of its own.
import { untrack } from 'svelte';
import { createEngine, restoreEngine } from './engine';
import type { Clock } from './clock';
import type { EngineEvent, EngineListener, EngineState } from './engine-types';
import { expandTimeline } from '$lib/program/timeline';
import type { Timeline } from '$lib/program/timeline-types';
import type { Program } from '$lib/program/types';
import type { Locale } from '$lib/i18n/locale';
import type { SessionRecord } from '$lib/session/record';
import type { Checkpoint } from './checkpoint';
import { withPrepareSeconds } from './prepare';
import { createSessionId } from '$lib/session/ids';
import { isoTime } from '$lib/time';
import { nextWakeDelay } from './wake';
import { viewKey } from './display';

type Engine = ReturnType<typeof createEngine>;

export type { Checkpoint };

export interface PlayerSessionOptions {
	program: Program;
	clock: Clock;
	/** The language of the player's own words (step labels, "Rep 2 of 5", cues): the page fills
	 * it with playerLocale(program.language, interfaceLocale). Absent: English. */
	locale?: Locale;
	/** Wall-clock time source (injected so tests and page.clock agree). */
	wallNow?: () => number;
	level?: number;
	painBefore?: number;
	/** Resume from a checkpoint: the engine comes back paused at the same step and time left. */
	checkpoint?: Checkpoint;
	/** Persists the checkpoint (the first write claims the session for this tab); failures are
	 * reported but never stop the session. */
	saveCheckpoint?: (checkpoint: Checkpoint, options: { claim: boolean }) => Promise<unknown>;
	/** This tab's id, written into each checkpoint: a tab that lost the session cannot write. */
	owner?: string;
	onCheckpointError?: (error: unknown) => void;
	/** Called once, when the session ends (played to the end or ended early), with its record. */
	onComplete?: (record: SessionRecord) => void;
	/** Makes the id of a new session (ignored when resuming: the checkpoint has it). */
	createId?: () => string;
}

/** One playing session, observable by Svelte components. */
export class PlayerSession {
	/** The session's id from its start; its checkpoint and its record carry it. */
	readonly id: string;
	readonly program: Program;
	/** The language of the player's own words (see PlayerSessionOptions.locale). */
	readonly locale: Locale;
	readonly timeline: Timeline;
	readonly level: number | undefined;
	readonly painBefore: number | undefined;

	/** The engine's state as of the last wake or command. Its reactive readers are told of a new
	 * one only when more than its time fields changed (`viewKey`: a step, the status, a rep
	 * counted, a side) or a command ran; what shows the time (the countdown, the time left, the
	 * ring) follows every wake through `onTime` instead, so a once-a-second wake runs no
	 * reactive update at all (docs/player.md, "What a wake costs"). Read outside a reaction, it
	 * is always the latest. */
	get state(): EngineState {
		void this.#revision;
		return this.#latest;
	}

	#latest: EngineState;
	/** Changed when `state`'s reactive readers must run again (a plain count is kept beside it, so
	 * that bumping it never reads the signal: a command may run inside a reaction). */
	#revision = $state(0);
	#revisions = 0;
	#timeListeners: ((state: EngineState) => void)[] = [];
	/** The finished session's record, once the engine reports completion. Raw (not a deep proxy):
	 * it is stored in IndexedDB, which cannot clone a proxy. */
	record: SessionRecord | null = $state.raw(null);

	#engine: Engine;
	#clock: Clock;
	#wallNow: () => number;
	#startedAt: string;
	/** Wall time and clock reading at which this object took over the session (start, or the
	 * checkpoint's last write when resuming): endedAt is worked out from them, not read off the
	 * wall clock, so a clock set back mid-session cannot make a session end before it started. */
	#wallBase: number;
	#clockBase: number;
	#options: PlayerSessionOptions;
	/** The one timer: it wakes the session when something on screen is due to change. */
	#timer: ReturnType<typeof setTimeout> | undefined;
	#unsubscribers: (() => void)[] = [];
	#disposed = false;
	#claimed = false;

	constructor(options: PlayerSessionOptions) {
		this.#options = options;
		// A resumed session plays with the get-ready length it started with (its steps depend on it).
		const prepare = options.checkpoint?.prepareSeconds;
		this.program =
			prepare === undefined ? options.program : withPrepareSeconds(options.program, prepare);
		this.locale = options.locale ?? 'en';
		this.level = options.level ?? options.checkpoint?.level;
		this.painBefore = options.painBefore ?? options.checkpoint?.painBefore;
		this.#clock = options.clock;
		this.#wallNow = options.wallNow ?? (() => Date.now());
		this.timeline = expandTimeline(this.program);
		this.#engine = options.checkpoint
			? restoreEngine(this.timeline, this.program, options.checkpoint.snapshot)
			: createEngine(this.timeline, this.program);
		this.#startedAt = options.checkpoint?.startedAt ?? isoTime(this.#wallNow());
		this.#wallBase = Math.max(Date.parse(this.#startedAt), options.checkpoint?.savedAt ?? 0);
		this.#clockBase = this.#clock.now();
		this.id = options.checkpoint?.sessionId ?? (options.createId ?? createSessionId)();
		this.#unsubscribers.push(this.#engine.subscribe((event) => this.#onEvent(event)));
		this.#latest = this.#engine.getState(this.#clock.now());
	}

	/** Calls `listener` with the state now, then after every wake and command (the countdown,
	 * the time left and the ring change at each wake, when `state`'s reactive readers are not
	 * told). Returns the unsubscribe. */
	onTime(listener: (state: EngineState) => void): () => void {
		this.#timeListeners = [...this.#timeListeners, listener];
		listener(this.#latest);
		return () => {
			this.#timeListeners = this.#timeListeners.filter((other) => other !== listener);
		};
	}

	/** Lets cues and others observe the engine's events. */
	subscribe(listener: EngineListener): () => void {
		const unsubscribe = this.#engine.subscribe(listener);
		this.#unsubscribers.push(unsubscribe);
		return unsubscribe;
	}

	get playing(): boolean {
		return this.state.status === 'playing';
	}

	get active(): boolean {
		return this.state.status === 'playing' || this.state.status === 'paused';
	}

	start(): void {
		this.#run((now) => this.#engine.start(now));
	}

	pause(): void {
		this.#run((now) => this.#engine.pause(now));
		void this.checkpoint();
	}

	resume(): void {
		this.#run((now) => this.#engine.resume(now));
	}

	togglePause(): void {
		if (this.#latest.status === 'playing') this.pause();
		else if (this.#latest.status === 'paused') this.resume();
	}

	next(): void {
		this.#run((now) => this.#engine.next(now));
	}

	previous(): void {
		this.#run((now) => this.#engine.previous(now));
	}

	repDone(): void {
		this.#run((now) => this.#engine.repDone(now));
	}

	setDone(): void {
		this.#run((now) => this.#engine.setDone(now));
	}

	end(): void {
		this.#run((now) => this.#engine.end(now));
	}

	/** Brings the engine up to the clock (a late tick only catches up). */
	tick(): void {
		if (this.#disposed) return;
		this.#run((now) => this.#engine.tick(now), true);
	}

	/** Catches up at once and re-arms the timer (call when the page becomes visible: timers in a
	 * hidden or frozen page may have been held back). */
	wake(): void {
		this.tick();
	}

	/** Saves where the session is, so a reload can offer Resume (nothing once it has ended:
	 * the record is what is kept then). Resolves when written; failures go to onCheckpointError. */
	checkpoint(): Promise<void> {
		const save = this.#options.saveCheckpoint;
		// The engine's own status: events (a step starting) arrive before `state` is updated.
		const status = this.#engine.getState().status;
		if (!save || this.#disposed || (status !== 'playing' && status !== 'paused')) {
			return Promise.resolve();
		}
		const claim = !this.#claimed;
		this.#claimed = true;
		return save(this.checkpointData(), { claim }).then(
			() => undefined,
			(error: unknown) => this.#options.onCheckpointError?.(error)
		);
	}

	/** The session's checkpoint as of now (with the finished record once it has ended). */
	checkpointData(): Checkpoint {
		const checkpoint: Checkpoint = {
			sessionId: this.id,
			programId: this.program.id,
			programVersion: this.program.version,
			startedAt: this.#startedAt,
			savedAt: this.#wallNow(),
			snapshot: this.#engine.snapshot(this.#clock.now()),
			prepareSeconds: this.program.prepareSeconds
		};
		if (this.level !== undefined) checkpoint.level = this.level;
		if (this.painBefore !== undefined) checkpoint.painBefore = this.painBefore;
		if (this.#options.owner !== undefined) checkpoint.owner = this.#options.owner;
		if (this.record) checkpoint.record = this.record;
		return checkpoint;
	}

	/** Stops the timer and all subscriptions. */
	dispose(): void {
		this.#disposed = true;
		this.#disarm();
		for (const unsubscribe of this.#unsubscribers) unsubscribe();
		this.#unsubscribers = [];
		this.#timeListeners = [];
	}

	/** Runs `command` at the clock's now and shows the state it leaves: to `state`'s reactive
	 * readers unless it is a tick that changed nothing but the time, and to every `onTime`
	 * listener. */
	#run(command: (now: number) => void, tick = false): void {
		const now = this.#clock.now();
		command(now);
		const previous = this.#latest;
		const state = this.#engine.getState(now);
		this.#latest = state;
		if (!tick || viewKey(previous) !== viewKey(state)) this.#revision = ++this.#revisions;
		this.#arm();
		// Untracked: a command run inside a reaction must not make it depend on what the
		// listeners read. A listener that throws stops neither the others nor the session: its
		// error is thrown again on its own, where the page reports it.
		untrack(() => {
			for (const listener of this.#timeListeners) {
				try {
					listener(state);
				} catch (error) {
					queueMicrotask(() => {
						throw error;
					});
				}
			}
		});
	}

	#onEvent(event: EngineEvent): void {
		if (event.type === 'stepStarted') void this.checkpoint();
		if (event.type === 'sessionComplete') {
			const record = this.#buildRecord(event.completed);
			this.record = record;
			this.#disarm();
			this.#options.onComplete?.(record);
		}
	}

	#buildRecord(completed: boolean): SessionRecord {
		const now = this.#clock.now();
		const state = this.#engine.getState(now);
		const startMs = Date.parse(this.#startedAt);
		const endMs = Math.max(startMs + state.elapsedMs, this.#wallBase + (now - this.#clockBase));
		const record: SessionRecord = {
			id: this.id,
			programId: this.program.id,
			programVersion: this.program.version,
			programTitle: this.program.title,
			startedAt: this.#startedAt,
			endedAt: isoTime(endMs),
			durationSeconds: Math.round(state.elapsedMs / 1000),
			completed,
			exercises: state.records.map((record) => ({ ...record, repsDone: { ...record.repsDone } }))
		};
		// Absent, not undefined: the record is stored and compared as plain JSON data.
		if (this.painBefore !== undefined) record.painBefore = this.painBefore;
		if (this.level !== undefined) record.level = this.level;
		return record;
	}

	/** Arms the timer for the next visible change of the state just set (none while paused, in a
	 * self-paced step or once complete). Each wake ticks, which sets the state and arms again. A
	 * late or missed wake only delays the screen: the engine works from its deadlines. */
	#arm(): void {
		this.#disarm();
		if (this.#disposed || typeof window === 'undefined') return;
		const delay = nextWakeDelay(this.#latest);
		if (delay === null) return;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.tick();
		}, delay);
	}

	#disarm(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
