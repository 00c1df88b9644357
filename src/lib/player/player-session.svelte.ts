// The runes adapter between the pure engine and the player screen: it drives the engine with
// the clock (animation frames while visible, a slow interval as a backstop), mirrors its state
// for rendering, checkpoints the session at every step change, on pause and when the page is
// hidden, and builds the session record at the end. It holds no timing logic of its own.
import { createEngine, restoreEngine } from './engine';
import type { Clock } from './clock';
import type { EngineEvent, EngineListener, EngineState } from './engine-types';
import { expandTimeline } from '$lib/program/timeline';
import type { Timeline } from '$lib/program/timeline-types';
import type { Program } from '$lib/program/types';
import type { SessionRecord } from '$lib/session/record';
import type { Checkpoint } from '$lib/storage/schema';
import { isoTime } from '$lib/time';

type Engine = ReturnType<typeof createEngine>;

export type { Checkpoint };

export interface PlayerSessionOptions {
	program: Program;
	clock: Clock;
	/** Wall-clock time source (injected so tests and page.clock agree). */
	wallNow?: () => number;
	level?: number;
	painBefore?: number;
	/** Resume from a checkpoint: the engine comes back paused at the same step and time left. */
	checkpoint?: Checkpoint;
	/** Persists the checkpoint; failures are reported but never stop the session. */
	saveCheckpoint?: (checkpoint: Checkpoint) => Promise<void>;
	onCheckpointError?: (error: unknown) => void;
	createId?: () => string;
}

/** One playing session, observable by Svelte components. */
export class PlayerSession {
	readonly program: Program;
	readonly timeline: Timeline;
	readonly level: number | undefined;
	readonly painBefore: number | undefined;

	state: EngineState = $state.raw() as EngineState;
	/** The finished session's record, once the engine reports completion. Raw (not a deep proxy):
	 * it is stored in IndexedDB, which cannot clone a proxy. */
	record: SessionRecord | null = $state.raw(null);

	#engine: Engine;
	#clock: Clock;
	#wallNow: () => number;
	#startedAt: string;
	#options: PlayerSessionOptions;
	#frame = 0;
	#interval: ReturnType<typeof setInterval> | undefined;
	#unsubscribers: (() => void)[] = [];
	#disposed = false;

	constructor(options: PlayerSessionOptions) {
		this.#options = options;
		this.program = options.program;
		this.level = options.level ?? options.checkpoint?.level;
		this.painBefore = options.painBefore ?? options.checkpoint?.painBefore;
		this.#clock = options.clock;
		this.#wallNow = options.wallNow ?? (() => Date.now());
		this.timeline = expandTimeline(options.program);
		this.#engine = options.checkpoint
			? restoreEngine(this.timeline, options.program, options.checkpoint.snapshot)
			: createEngine(this.timeline, options.program);
		this.#startedAt = options.checkpoint?.startedAt ?? isoTime(this.#wallNow());
		this.#unsubscribers.push(this.#engine.subscribe((event) => this.#onEvent(event)));
		this.state = this.#engine.getState(this.#clock.now());
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
		this.#startLoop();
	}

	pause(): void {
		this.#run((now) => this.#engine.pause(now));
		this.checkpoint();
	}

	resume(): void {
		this.#run((now) => this.#engine.resume(now));
		this.#startLoop();
	}

	togglePause(): void {
		if (this.state.status === 'playing') this.pause();
		else if (this.state.status === 'paused') this.resume();
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
		this.#run((now) => this.#engine.tick(now));
	}

	/** Catches up at once and restarts the frame loop (call when the page becomes visible). */
	wake(): void {
		this.tick();
		if (this.state.status === 'playing') this.#startLoop();
	}

	/** Saves where the session is, so a reload can offer Resume. */
	checkpoint(): void {
		const save = this.#options.saveCheckpoint;
		if (!save || this.#disposed || !this.active) return;
		const checkpoint: Checkpoint = {
			programId: this.program.id,
			programVersion: this.program.version,
			level: this.level,
			startedAt: this.#startedAt,
			savedAt: this.#wallNow(),
			painBefore: this.painBefore,
			snapshot: this.#engine.snapshot(this.#clock.now())
		};
		save(checkpoint).catch((error: unknown) => this.#options.onCheckpointError?.(error));
	}

	/** Stops the loop and all subscriptions. */
	dispose(): void {
		this.#disposed = true;
		this.#stopLoop();
		for (const unsubscribe of this.#unsubscribers) unsubscribe();
		this.#unsubscribers = [];
	}

	#run(command: (now: number) => void): void {
		const now = this.#clock.now();
		command(now);
		this.state = this.#engine.getState(now);
		if (this.state.status !== 'playing') this.#stopLoop();
	}

	#onEvent(event: EngineEvent): void {
		if (event.type === 'stepStarted') this.checkpoint();
		if (event.type === 'sessionComplete') {
			this.record = this.#buildRecord(event.completed);
		}
	}

	#buildRecord(completed: boolean): SessionRecord {
		const state = this.#engine.getState(this.#clock.now());
		return {
			id: this.#options.createId?.() ?? crypto.randomUUID(),
			programId: this.program.id,
			programVersion: this.program.version,
			programTitle: this.program.title,
			startedAt: this.#startedAt,
			endedAt: isoTime(this.#wallNow()),
			durationSeconds: Math.round(state.elapsedMs / 1000),
			completed,
			exercises: state.records.map((record) => ({ ...record, repsDone: { ...record.repsDone } })),
			painBefore: this.painBefore,
			level: this.level
		};
	}

	#startLoop(): void {
		if (this.#disposed || typeof window === 'undefined') return;
		if (this.#interval === undefined) {
			this.#interval = setInterval(() => this.tick(), 250);
		}
		const frame = () => {
			this.#frame = 0;
			if (this.#disposed || this.state.status !== 'playing') return;
			this.tick();
			if (document.visibilityState === 'visible') this.#frame = requestAnimationFrame(frame);
		};
		if (!this.#frame) this.#frame = requestAnimationFrame(frame);
	}

	#stopLoop(): void {
		if (this.#interval !== undefined) clearInterval(this.#interval);
		this.#interval = undefined;
		if (this.#frame) cancelAnimationFrame(this.#frame);
		this.#frame = 0;
	}
}
