import { describe, expect, it } from 'vitest';
import { holdExercise, makeProgram } from '$lib/test-factories';
import type { SessionRecord } from '$lib/session/record';
import { levelAfter, morningChecks } from './level-update';

const program = makeProgram({
	id: 'core',
	progression: { levels: 6, sessionsToAdvance: 2 },
	exercises: [holdExercise(5, { id: 'bridge', reps: 8, progress: { hold: 2 } })]
});

/** The day the tests run on: after every session and morning answer below. */
const TODAY = '2026-03-10';

let counter = 0;
function session(day: string, level: number, painBefore: number, painAfter: number): SessionRecord {
	counter++;
	return {
		id: `s${counter}`,
		programId: 'core',
		programVersion: 1,
		programTitle: 'Core',
		startedAt: `${day}T08:00:00Z`,
		endedAt: `${day}T08:15:00Z`,
		durationSeconds: 900,
		completed: true,
		exercises: [],
		painBefore,
		painAfter,
		level
	};
}

describe('levelAfter', () => {
	it('moves up after two sessions in a row within the pain rule', () => {
		const sessions = [session('2026-03-03', 2, 3, 4), session('2026-03-02', 2, 3, 3)];
		expect(levelAfter(program, 2, sessions, [], 'UTC', TODAY)).toMatchObject({
			level: 3,
			reason: 'advance'
		});
	});

	it('holds after one good session', () => {
		const sessions = [session('2026-03-03', 2, 3, 4)];
		expect(levelAfter(program, 2, sessions, [], 'UTC', TODAY)).toMatchObject({
			level: 2,
			reason: 'hold'
		});
	});

	it('eases back one level when the next morning is worse than before the session', () => {
		const sessions = [session('2026-03-03', 3, 2, 3), session('2026-03-02', 3, 2, 2)];
		const morning = [{ day: '2026-03-04', pain: 5 }];
		expect(levelAfter(program, 3, sessions, morning, 'UTC', TODAY)).toMatchObject({
			level: 2,
			reason: 'drop'
		});
	});

	it('ignores morning answers dated after today (given while the clock ran ahead)', () => {
		const sessions = [session('2026-03-03', 3, 2, 3), session('2026-03-02', 3, 2, 2)];
		const ahead = [
			{ day: '2026-03-04', pain: 2 },
			{ day: '9999-12-31', pain: 10 },
			{ day: '2026-03-11', pain: 10 }
		];
		expect(levelAfter(program, 3, sessions, ahead, 'UTC', TODAY)).toMatchObject({
			level: 4,
			reason: 'advance'
		});
		// Once that day has come, the answer counts like any other.
		expect(levelAfter(program, 3, sessions, ahead, 'UTC', '2026-03-11')).toMatchObject({
			level: 2,
			reason: 'drop'
		});
		// Answers from later days do not push today's out of the 30 that are read.
		const many = [
			{ day: '2026-03-04', pain: 9 },
			...Array.from({ length: 40 }, () => ({ day: '2030-01-01', pain: 0 }))
		];
		expect(levelAfter(program, 3, sessions, many, 'UTC', TODAY)).toMatchObject({
			level: 2,
			reason: 'drop'
		});
	});

	it('does nothing for a program without progression', () => {
		const plain = makeProgram({ id: 'core' });
		expect(levelAfter(plain, 1, [session('2026-03-03', 1, 2, 2)], [], 'UTC', TODAY)).toBeNull();
	});
});

describe('morningChecks', () => {
	it('compares each morning with the last session before that day', () => {
		const sessions = [session('2026-03-05', 1, 4, 4), session('2026-03-02', 1, 2, 3)];
		const checks = morningChecks(
			[
				{ day: '2026-03-03', pain: 3 },
				{ day: '2026-03-06', pain: 3 }
			],
			sessions,
			'UTC'
		);
		expect(checks).toEqual([
			{ day: '2026-03-03', rose: true },
			{ day: '2026-03-06', rose: false }
		]);
	});
});
