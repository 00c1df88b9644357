import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { holdExercise, makeProgram, selfPacedExercise } from '$lib/test-factories';
import type { SessionRecord } from '$lib/session/record';
import type { Checkpoint } from '$lib/storage/schema';
import { fakeClock } from './clock';
import { PlayerSession } from './player-session.svelte';

// Two 2-rep hold exercises: get ready 5 s, hold 3 s, rest 2 s, hold 3 s; rest 15 s; the same again.
const program = makeProgram({
	id: 'two-holds',
	prepareSeconds: 5,
	restBetweenExercises: 15,
	exercises: [
		holdExercise(3, { id: 'a', name: 'A', reps: 2, restBetweenReps: 2 }),
		holdExercise(3, { id: 'b', name: 'B', reps: 2, restBetweenReps: 2 })
	]
});

function setUp(options: Partial<ConstructorParameters<typeof PlayerSession>[0]> = {}) {
	const clock = fakeClock(1_000_000);
	const saved: Checkpoint[] = [];
	const completed: SessionRecord[] = [];
	let wall = Date.UTC(2025, 2, 3, 8, 0, 0);
	const session = new PlayerSession({
		program,
		clock,
		wallNow: () => wall,
		saveCheckpoint: (cp) => {
			saved.push(structuredClone(cp));
			return Promise.resolve();
		},
		onComplete: (record) => completed.push(record),
		createId: () => 'session-1',
		...options
	});
	const advance = (ms: number) => {
		clock.advance(ms);
		wall += ms;
		session.tick();
	};
	return { session, clock, saved, completed, advance };
}

describe('PlayerSession', () => {
	it('has its id from the start, and its checkpoints and record carry it', () => {
		const { session, saved, completed, advance } = setUp();
		expect(session.id).toBe('session-1');
		session.start();
		advance(60_000);
		expect(saved.length).toBeGreaterThan(0);
		expect(new Set(saved.map((cp) => cp.sessionId))).toEqual(new Set(['session-1']));
		expect(completed).toHaveLength(1);
		expect(completed[0]!.id).toBe('session-1');
	});

	it('writes a checkpoint at every step change, with the step it is on', () => {
		const { session, saved, advance } = setUp();
		session.start();
		const steps = session.timeline.steps;
		expect(saved.map((cp) => cp.snapshot.stepIndex)).toEqual([0]);
		for (let i = 1; i < 5; i++) {
			advance(steps[i - 1]!.duration);
			expect(saved.at(-1)!.snapshot.stepIndex).toBe(i);
		}
		expect(saved.map((cp) => cp.snapshot.stepIndex)).toEqual([0, 1, 2, 3, 4]);
	});

	it('a reload after the page was killed mid-step resumes at that step, not an older one', () => {
		const { session, saved, advance } = setUp();
		session.start();
		// Get ready 5 s, hold 3 s, rest 2 s, then 1 s into A's second hold (step 3).
		advance(5_000);
		advance(3_000);
		advance(2_000);
		advance(1_000);
		expect(session.state.stepIndex).toBe(3);
		// The page dies here: no pause, no hidden page. A reload finds the last checkpoint.
		const last = saved.at(-1)!;
		const { session: reloaded } = setUp({ checkpoint: last });
		expect(reloaded.state).toMatchObject({ status: 'paused', stepIndex: 3, remainingMs: 3000 });
		expect(reloaded.state.records[0]!.repsDone.none).toBe(1);
		expect(reloaded.state.elapsedMs).toBe(10_000);
	});

	it('checkpoints on pause with the time left, and resumes from it exactly', () => {
		const { session, saved, advance } = setUp();
		session.start();
		advance(6_500); // 1.5 s into the first hold
		session.pause();
		const paused = saved.at(-1)!;
		expect(paused.snapshot).toMatchObject({ stepIndex: 1, remainingMs: 1500, status: 'paused' });

		const { session: resumed } = setUp({ checkpoint: paused, createId: () => 'never-used' });
		expect(resumed.id).toBe('session-1');
		expect(resumed.state).toMatchObject({ status: 'paused', stepIndex: 1, remainingMs: 1500 });
		resumed.resume();
		expect(resumed.state.remainingMs).toBe(1500);
	});

	it('reports the end once through onComplete, and writes no more checkpoints after it', async () => {
		const { session, saved, completed, advance } = setUp();
		session.start();
		advance(2_000);
		session.end();
		expect(completed).toHaveLength(1);
		expect(completed[0]).toMatchObject({
			id: 'session-1',
			completed: false,
			programId: 'two-holds'
		});
		const count = saved.length;
		await session.checkpoint();
		session.pause();
		expect(saved).toHaveLength(count);
		// The finished checkpoint (for the recorder) holds the record.
		expect(session.checkpointData()).toMatchObject({
			sessionId: 'session-1',
			record: completed[0]
		});
		session.end();
		expect(completed).toHaveLength(1);
	});

	it('leaves optional fields out of the record when there is nothing to say', () => {
		const { session, completed } = setUp();
		session.start();
		session.end();
		expect(Object.keys(completed[0]!)).not.toContain('painBefore');
		expect(Object.keys(completed[0]!)).not.toContain('level');
	});

	it('reports a checkpoint that could not be written, and plays on', async () => {
		const onCheckpointError = vi.fn();
		const { session, advance } = setUp({
			saveCheckpoint: () => Promise.reject(new Error('disk full')),
			onCheckpointError
		});
		session.start();
		await Promise.resolve();
		advance(5_000);
		await vi.waitFor(() => expect(onCheckpointError).toHaveBeenCalled());
		expect(session.state.status).toBe('playing');
		expect(session.state.stepIndex).toBe(1);
	});
});

describe('a session’s times are always in order', () => {
	it('ends after it starts even when the wall clock is set back an hour mid-session', () => {
		const clock = fakeClock(1_000_000);
		let wall = Date.UTC(2026, 0, 1, 0, 20, 0);
		const completed: SessionRecord[] = [];
		const session = new PlayerSession({
			program,
			clock,
			wallNow: () => wall,
			onComplete: (record) => completed.push(record),
			createId: () => 's'
		});
		session.start();
		clock.advance(10_000);
		wall += 10_000 - 3_600_000; // set back by an hour
		session.tick();
		clock.advance(5_000);
		wall += 5_000;
		session.end();
		const [record] = completed;
		expect(record!.startedAt).toBe('2026-01-01T00:20:00.000Z');
		expect(record!.endedAt).toBe('2026-01-01T00:20:15.000Z');
		expect(Date.parse(record!.endedAt) - Date.parse(record!.startedAt)).toBeGreaterThanOrEqual(
			record!.durationSeconds * 1000
		);
	});

	it('a resumed session ends after its checkpoint was written, by the time played since', () => {
		const { session, saved, advance } = setUp();
		session.start();
		advance(6_500);
		session.pause();
		const checkpoint = saved.at(-1)!;
		const clock = fakeClock(50);
		const completed: SessionRecord[] = [];
		const resumed = new PlayerSession({
			program,
			clock,
			checkpoint,
			wallNow: () => 0, // a wrong wall clock plays no part
			onComplete: (record) => completed.push(record)
		});
		resumed.resume();
		clock.advance(2_000);
		resumed.end();
		expect(completed[0]!.endedAt).toBe(new Date(checkpoint.savedAt + 2_000).toISOString());
	});
});

describe('PlayerSession: commands and state', () => {
	const withSelfPaced = makeProgram({
		id: 'mixed',
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(3, { id: 'a', name: 'A', reps: 2, restBetweenReps: 2 }),
			selfPacedExercise(3, { id: 's', name: 'S', sets: 1 })
		]
	});

	it('passes each command to the engine and mirrors its state', () => {
		const { session, advance } = setUp({ program: withSelfPaced });
		expect(session.state.status).toBe('ready');
		expect([session.playing, session.active]).toEqual([false, false]);
		session.start();
		expect(session.state).toMatchObject({ status: 'playing', stepIndex: 0 });
		expect([session.playing, session.active]).toEqual([true, true]);
		session.next(); // skip the get-ready
		expect(session.state.stepIndex).toBe(1);
		advance(1_000);
		expect(session.state.remainingMs).toBe(2_000);
		session.togglePause();
		expect(session.state.status).toBe('paused');
		expect([session.playing, session.active]).toEqual([false, true]);
		advance(60_000); // paused: time stands still
		expect(session.state.remainingMs).toBe(2_000);
		session.togglePause();
		expect(session.state.status).toBe('playing');
		advance(500);
		expect(session.state.remainingMs).toBe(1_500);
		session.previous(); // back to the start of the exercise
		expect(session.state).toMatchObject({ stepIndex: 0, remainingMs: 5_000 });
		const selfPaced = session.timeline.steps.findIndex((s) => s.kind === 'selfPaced');
		while (session.state.stepIndex < selfPaced) session.next();
		expect(session.state.step?.kind).toBe('selfPaced');
		session.repDone();
		session.repDone();
		expect(session.state.repsCounted).toBe(2);
		session.setDone();
		expect(session.state.status).toBe('complete');
		expect([session.playing, session.active]).toEqual([false, false]);
		expect(session.record?.exercises[1]?.repsDone.none).toBe(2);
		// Toggling a finished session does nothing.
		session.togglePause();
		expect(session.state.status).toBe('complete');
	});

	it('resume() plays on from where it was paused', () => {
		const { session, advance } = setUp();
		session.start();
		advance(6_000);
		session.pause();
		advance(30_000);
		session.resume();
		expect(session.state.status).toBe('playing');
		advance(1_000);
		expect(session.state).toMatchObject({ stepIndex: 1, remainingMs: 1_000 });
	});

	it('lets others observe the engine until it is disposed, then stands still', async () => {
		const { session, saved, clock, advance } = setUp();
		const seen: string[] = [];
		session.subscribe((event) => seen.push(event.type));
		session.start();
		advance(5_000);
		expect(seen.filter((type) => type === 'stepStarted')).toHaveLength(2);
		const count = saved.length;
		session.dispose();
		clock.advance(5_000);
		session.tick();
		session.wake();
		expect(session.state.stepIndex).toBe(1);
		await session.checkpoint();
		expect(saved).toHaveLength(count);
		expect(seen.filter((type) => type === 'stepStarted')).toHaveLength(2);
	});

	it('wake() catches up at once', () => {
		const { session, clock } = setUp();
		session.start();
		clock.advance(5_500);
		session.wake();
		expect(session.state).toMatchObject({ stepIndex: 1, remainingMs: 2_500 });
	});
});

describe('PlayerSession: what its checkpoints and record carry', () => {
	it('the level and pain given at the start, the owner, and a claim on the first write only', async () => {
		const claims: boolean[] = [];
		const saved: Checkpoint[] = [];
		const { session, advance } = setUp({
			level: 3,
			painBefore: 4,
			owner: 'tab-1',
			saveCheckpoint: (cp, { claim }) => {
				claims.push(claim);
				saved.push(structuredClone(cp));
				return Promise.resolve();
			}
		});
		expect([session.level, session.painBefore]).toEqual([3, 4]);
		session.start();
		advance(5_000);
		await session.checkpoint();
		expect(claims).toEqual([true, false, false]);
		for (const cp of saved) {
			expect(cp).toMatchObject({ level: 3, painBefore: 4, owner: 'tab-1', programId: 'two-holds' });
			expect(cp).not.toHaveProperty('record');
		}
		session.end();
		expect(session.record).toMatchObject({ level: 3, painBefore: 4 });
	});

	it('leaves level, pain, owner and record out of a checkpoint when there are none', () => {
		const { session } = setUp();
		session.start();
		const cp = session.checkpointData();
		for (const key of ['level', 'painBefore', 'owner', 'record'])
			expect(cp).not.toHaveProperty(key);
	});

	it('a resumed session keeps the level and pain of its checkpoint', () => {
		const { session, saved } = setUp({ level: 2, painBefore: 6 });
		session.start();
		const { session: resumed } = setUp({ checkpoint: saved.at(-1)! });
		expect([resumed.level, resumed.painBefore]).toEqual([2, 6]);
		// What is given now wins over the checkpoint.
		const { session: chosen } = setUp({ checkpoint: saved.at(-1)!, level: 5, painBefore: 1 });
		expect([chosen.level, chosen.painBefore]).toEqual([5, 1]);
	});

	it('checkpoints carry the get-ready length, and a resumed session keeps it', () => {
		const shorter = { ...program, prepareSeconds: 10 };
		const { session, saved, advance } = setUp({ program: shorter });
		session.start();
		advance(11_000); // past the 10 s get-ready: on the first hold
		session.pause();
		const cp = saved.at(-1)!;
		expect(cp.prepareSeconds).toBe(10);
		expect(cp.snapshot.stepIndex).toBe(1);
		// Resumed with the routine as defined (5 s): the session still plays the 10 s it began with.
		const { session: resumed } = setUp({ checkpoint: cp });
		expect(resumed.program.prepareSeconds).toBe(10);
		expect(resumed.timeline.steps[0]?.duration).toBe(10_000);
		expect(resumed.state.step?.kind).toBe('hold');
		// A checkpoint from before the setting (no length) plays the routine's own.
		const { prepareSeconds: _, ...old } = cp;
		const { session: fromOld } = setUp({ checkpoint: old });
		expect(fromOld.program).toBe(program);
	});

	it('the record’s exercises are its own copy of the engine’s records', () => {
		const { session, completed, advance } = setUp();
		session.start();
		advance(8_000);
		session.end();
		const record = completed[0]!;
		expect(record.exercises).toEqual(session.state.records.map((r) => ({ ...r })));
		expect(record.exercises[0]).not.toBe(session.state.records[0]);
		expect(record.exercises[0]!.repsDone).not.toBe(session.state.records[0]!.repsDone);
		expect(record.exercises[0]!.repsDone.none).toBe(1);
	});

	it('ends without onComplete or onCheckpointError given', async () => {
		const { session } = setUp({
			onComplete: undefined,
			saveCheckpoint: () => Promise.reject(new Error('disk full'))
		});
		session.start();
		await expect(session.checkpoint()).resolves.toBeUndefined();
		session.end();
		expect(session.record?.completed).toBe(false);
	});
});

describe('PlayerSession: endedAt', () => {
	it('a session paused for an hour ends an hour after it was played', () => {
		const { session, completed, advance } = setUp();
		session.start();
		advance(6_000);
		session.pause();
		advance(3_600_000);
		session.resume();
		advance(1_000);
		session.end();
		const record = completed[0]!;
		expect(record.durationSeconds).toBe(7);
		expect(record.endedAt).toBe(new Date(Date.UTC(2025, 2, 3, 8, 0, 0) + 3_607_000).toISOString());
	});

	it('a session resumed from a checkpoint written an hour into a pause ends after that', async () => {
		const { session, saved, advance } = setUp();
		session.start();
		advance(6_500);
		session.pause();
		advance(3_600_000);
		await session.checkpoint(); // the page is hidden an hour later
		const checkpoint = saved.at(-1)!;
		const start = Date.UTC(2025, 2, 3, 8, 0, 0);
		expect(checkpoint.savedAt).toBe(start + 3_606_500);
		const clock = fakeClock(50);
		const completed: SessionRecord[] = [];
		const resumed = new PlayerSession({
			program,
			clock,
			checkpoint,
			wallNow: () => 0,
			onComplete: (record) => completed.push(record)
		});
		resumed.resume();
		clock.advance(2_000);
		resumed.end();
		expect(completed[0]!.endedAt).toBe(new Date(start + 3_608_500).toISOString());
	});

	it('a session resumed from a checkpoint whose wall clock was set back ends after the time it played', () => {
		const { session, saved, advance } = setUp();
		session.start();
		advance(20_000);
		session.pause();
		const start = Date.UTC(2025, 2, 3, 8, 0, 0);
		// Written by a wall clock 15 s behind: saved "5 s after the start", though 20 s were played.
		const checkpoint = { ...saved.at(-1)!, savedAt: start + 5_000 };
		const clock = fakeClock(0);
		const completed: SessionRecord[] = [];
		const resumed = new PlayerSession({
			program,
			clock,
			checkpoint,
			onComplete: (record) => completed.push(record)
		});
		resumed.resume();
		clock.advance(2_000);
		resumed.end();
		expect(completed[0]!.endedAt).toBe(new Date(start + 22_000).toISOString());
	});
});

describe('PlayerSession: its timer in a browser', () => {
	function browser() {
		vi.useFakeTimers({
			toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'requestAnimationFrame']
		});
		vi.stubGlobal('window', {});
		vi.stubGlobal('document', { visibilityState: 'visible' });
		armed = vi.spyOn(globalThis, 'setTimeout');
	}

	let armed: MockInstance<typeof setTimeout>;

	/** The delay of the one pending timer: the last one armed. */
	function pendingDelay(): number {
		expect(vi.getTimerCount()).toBe(1);
		return armed.mock.lastCall?.[1] ?? Number.NaN;
	}

	/** Moves the session's clock and the fake timers together, a millisecond at a time. */
	function setUpInBrowser(options: Partial<ConstructorParameters<typeof PlayerSession>[0]> = {}) {
		const set = setUp(options);
		const run = (ms: number) => {
			for (let i = 0; i < ms; i++) {
				set.clock.advance(1);
				vi.advanceTimersByTime(1);
			}
		};
		return { ...set, run };
	}

	afterEach(() => {
		armed.mockRestore();
		vi.unstubAllGlobals();
		vi.useRealTimers();
	});

	it('arms one timer for the next whole second, and wakes only then', () => {
		browser();
		const { session, run } = setUpInBrowser();
		expect(vi.getTimerCount()).toBe(0); // nothing before start
		session.start();
		// Get ready 5 s: the countdown turns 5 → 4 a second from now.
		expect(pendingDelay()).toBe(1000);
		run(999);
		expect(session.state.remainingMs).toBe(5000); // no wake yet: the screen has nothing new
		run(1);
		expect(session.state.remainingMs).toBe(4000); // on the second, not later
		// Re-armed for the next second, counted from this wake.
		expect(pendingDelay()).toBe(1000);
	});

	it('re-arms for the rest when the timer fires before the clock reaches the second', () => {
		browser();
		const { session, clock } = setUpInBrowser();
		session.start();
		clock.advance(999.5); // the timer's 1000 ms are up, the clock the engine reads is not
		vi.advanceTimersByTime(1000);
		expect(session.state.remainingMs).toBe(4000.5);
		expect(pendingDelay()).toBe(1);
		clock.advance(1);
		vi.advanceTimersByTime(1);
		expect(session.state.remainingMs).toBe(3999.5);
		expect(pendingDelay()).toBe(1000);
	});

	it('wakes at the step’s deadline and moves on to the next step', () => {
		browser();
		const { session, run, saved } = setUpInBrowser();
		session.start();
		run(5000);
		expect(session.state.stepIndex).toBe(1);
		expect(session.state.remainingMs).toBe(3000);
		expect(saved.at(-1)!.snapshot.stepIndex).toBe(1);
		expect(pendingDelay()).toBe(1000);
	});

	it('wakes about once a second, not once a frame', () => {
		browser();
		const { session, run } = setUpInBrowser();
		let ticks = 0;
		const tick = session.tick.bind(session);
		session.tick = () => {
			ticks++;
			tick();
		};
		session.start();
		run(10_000); // get ready 5 s, hold 3 s, rest 2 s
		expect(session.state.stepIndex).toBe(3);
		// One wake per second shown: 5 + 3 + 2.
		expect(ticks).toBe(10);
	});

	it('runs no timer while paused, and re-arms on resume with the time left', () => {
		browser();
		const { session, run } = setUpInBrowser();
		session.start();
		run(6500); // 1.5 s into the first hold
		// Between wakes the state is as of the last one (6000 ms): the screen had nothing new.
		expect(session.state).toMatchObject({ stepIndex: 1, remainingMs: 2000 });
		session.pause();
		expect(session.state).toMatchObject({ status: 'paused', remainingMs: 1500 });
		expect(vi.getTimerCount()).toBe(0);
		run(60_000);
		expect(session.state).toMatchObject({ status: 'paused', remainingMs: 1500 });
		session.resume();
		expect(pendingDelay()).toBe(500);
		session.start(); // a second start, or a wake, does not add a second timer
		session.wake();
		expect(vi.getTimerCount()).toBe(1);
		session.dispose();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('updates the state at once on a command, between wakes', () => {
		browser();
		const { session, run } = setUpInBrowser();
		session.start();
		run(200);
		session.next();
		expect(session.state.stepIndex).toBe(1);
		expect(session.state.remainingMs).toBe(3000);
		expect(pendingDelay()).toBe(1000);
	});

	it('sets no timer in a self-paced step (nothing moves until a tap)', () => {
		browser();
		const selfPaced = makeProgram({
			id: 'taps',
			prepareSeconds: 2,
			exercises: [selfPacedExercise(3, { id: 's', name: 'S' })]
		});
		const { session, run } = setUpInBrowser({ program: selfPaced });
		session.start();
		run(2000);
		expect(session.state.step?.kind).toBe('selfPaced');
		expect(vi.getTimerCount()).toBe(0);
		session.repDone();
		expect(session.state.repsCounted).toBe(1);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('catches up at once on wake() after timers were held back (a hidden page)', () => {
		browser();
		const { session, clock } = setUpInBrowser();
		session.start();
		clock.advance(9_000); // the timer did not fire: throttled in the background
		expect(session.state.stepIndex).toBe(0);
		session.wake();
		expect(session.state).toMatchObject({ stepIndex: 2, remainingMs: 1000 });
		expect(pendingDelay()).toBe(1000);
	});

	it('stops the timer when the session ends', () => {
		browser();
		const { session, completed, run } = setUpInBrowser();
		session.start();
		for (let i = 0; i < 60; i++) run(1000);
		expect(completed).toHaveLength(1);
		expect(vi.getTimerCount()).toBe(0);
	});
});
