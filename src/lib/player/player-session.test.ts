import { describe, expect, it, vi } from 'vitest';
import { holdExercise, makeProgram } from '$lib/test-factories';
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
