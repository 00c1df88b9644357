// What a wake tells whom: `state`'s reactive readers hear of a new step, status, rep or command,
// not of each once-a-second wake; `onTime` listeners hear of every one (docs/player.md, "What a
// wake costs"). Runes in a test file: an effect root stands in for the player screen.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdExercise, makeProgram } from '$lib/test-factories';
import { fakeClock } from './clock';
import { PlayerSession } from './player-session.svelte';

// Get ready 5 s, hold 4 s, rest 2 s, hold 4 s.
const program = makeProgram({
	id: 'one-hold',
	prepareSeconds: 5,
	exercises: [holdExercise(4, { id: 'a', name: 'A', reps: 2, restBetweenReps: 2 })]
});

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function setUp() {
	const clock = fakeClock(1_000_000);
	const session = new PlayerSession({ program, clock, createId: () => 'session-1' });
	// What a reactive reader saw (the step and its remainingMs then), one entry per run.
	const reactive: [number, number | null][] = [];
	cleanups.push(
		$effect.root(() => {
			$effect(() => {
				const state = session.state;
				reactive.push([state.stepIndex, state.remainingMs]);
			});
		})
	);
	flushSync();
	const timed: (number | null)[] = [];
	cleanups.push(session.onTime((state) => timed.push(state.remainingMs)));
	const advance = (ms: number) => {
		clock.advance(ms);
		session.tick();
		flushSync();
	};
	cleanups.push(() => session.dispose());
	return { session, reactive, timed, advance };
}

describe('PlayerSession: who hears of a wake', () => {
	it('reactive readers run at a step change, not at each wake; time listeners at every wake', () => {
		const { session, reactive, timed, advance } = setUp();
		// Not started: no time runs yet.
		expect(reactive).toEqual([[0, null]]);
		// A listener hears the state at once.
		expect(timed).toEqual([null]);
		session.start();
		flushSync();
		// A command is told to both.
		expect(reactive).toEqual([
			[0, null],
			[0, 5_000]
		]);
		for (let second = 1; second <= 4; second++) advance(1_000);
		// Four wakes inside get-ready: no reactive run, four time updates.
		expect(reactive).toHaveLength(2);
		expect(timed).toEqual([null, 5_000, 4_000, 3_000, 2_000, 1_000]);
		// The wake that ends get-ready starts the hold: reactive readers run, with the new step.
		advance(1_000);
		expect(reactive.at(-1)).toEqual([1, 4_000]);
		expect(reactive).toHaveLength(3);
		expect(timed.at(-1)).toBe(4_000);
	});

	it('a reader outside a reaction always gets the latest state, times included', () => {
		const { session, advance } = setUp();
		session.start();
		advance(1_500);
		expect(session.state).toMatchObject({ stepIndex: 0, remainingMs: 3_500 });
	});

	it('Back that starts the same step again reaches reactive readers (the view key is the same)', () => {
		const { session, reactive, advance } = setUp();
		session.start();
		advance(1_500);
		const runs = reactive.length;
		session.previous();
		flushSync();
		expect(reactive).toHaveLength(runs + 1);
		expect(reactive.at(-1)).toEqual([0, 5_000]);
	});

	it('a listener that throws stops neither the others nor the next wake; its error is thrown on its own', () => {
		const { session, timed, advance } = setUp();
		session.start();
		const failing = session.onTime((state) => {
			if (state.remainingMs === 4_000) throw new Error('a broken listener');
		});
		cleanups.push(failing);
		const queued: (() => void)[] = [];
		const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementationOnce((callback) => {
			queued.push(callback);
		});
		cleanups.push(() => queue.mockRestore());
		advance(1_000);
		expect(timed.at(-1)).toBe(4_000);
		expect(queued).toHaveLength(1);
		expect(() => queued[0]!()).toThrow('a broken listener');
		// The session goes on, and still tells its listeners.
		advance(1_000);
		expect(timed.at(-1)).toBe(3_000);
	});

	it('pause and resume (commands) reach reactive readers; an unsubscribed listener hears nothing', () => {
		const { session, reactive, timed, advance } = setUp();
		session.start();
		advance(1_000);
		const runs = reactive.length;
		session.pause();
		flushSync();
		expect(reactive).toHaveLength(runs + 1);
		const heard: number[] = [];
		const stop = session.onTime((state) => heard.push(state.elapsedMs));
		stop();
		session.resume();
		advance(1_000);
		expect(reactive).toHaveLength(runs + 2);
		expect(heard).toEqual([1_000]);
		expect(timed.at(-1)).toBe(3_000);
	});
});
