import { describe, expect, it } from 'vitest';
import { clampLevel, nextLevel, type LevelSession, type ProgressionInput } from './progression';

const good = (day: string, level: number): LevelSession => ({
	day,
	level,
	painBefore: 3,
	painAfter: 3
});
const flared = (day: string, level: number): LevelSession => ({
	day,
	level,
	painBefore: 2,
	painAfter: 6
});

function input(overrides: Partial<ProgressionInput>): ProgressionInput {
	return { level: 2, levels: 4, sessionsToAdvance: 2, recentSessions: [], ...overrides };
}

describe('clampLevel', () => {
	it('keeps a level between 1 and levels, in whole numbers', () => {
		expect(clampLevel(0, 4)).toBe(1);
		expect(clampLevel(-3, 4)).toBe(1);
		expect(clampLevel(5, 4)).toBe(4);
		expect(clampLevel(2.7, 4)).toBe(2);
		expect(clampLevel(Number.NaN, 4)).toBe(1);
		expect(clampLevel(3, 0)).toBe(1);
		expect(clampLevel(3, Number.NaN)).toBe(1);
	});
});

describe('nextLevel: moving up', () => {
	it('advances one level after enough sessions in a row at this level within the pain rule', () => {
		const result = nextLevel(
			input({
				recentSessions: [good('2024-05-14', 2), good('2024-05-13', 2), good('2024-05-10', 1)]
			})
		);
		expect(result.level).toBe(3);
		expect(result.reason).toBe('advance');
		expect(result.message).toContain('moves up to level 3');
	});

	it('holds while too few sessions at this level', () => {
		const result = nextLevel(
			input({
				recentSessions: [good('2024-05-14', 2), good('2024-05-13', 1), good('2024-05-12', 1)]
			})
		);
		expect(result).toMatchObject({ level: 2, reason: 'hold' });
		expect(result.message).toContain('1 more session in a row');
	});

	it('holds when an earlier session in the run broke the rule', () => {
		const sessions = [
			good('2024-05-15', 2),
			{ day: '2024-05-14', level: 2, painBefore: 1, painAfter: 5 },
			good('2024-05-13', 2)
		];
		expect(nextLevel(input({ recentSessions: sessions })).reason).toBe('hold');
		expect(nextLevel(input({ recentSessions: sessions, sessionsToAdvance: 1 })).reason).toBe(
			'advance'
		);
	});

	it('does not count sessions without a pain rating, and says why', () => {
		const result = nextLevel(
			input({ recentSessions: [good('2024-05-14', 2), { day: '2024-05-13', level: 2 }] })
		);
		expect(result.reason).toBe('hold');
		expect(result.message).toContain('Rate your pain before and after each session');
	});

	it('does not count a session stopped part-way', () => {
		const sessions = [good('2024-05-14', 2), { ...good('2024-05-13', 2), completed: false }];
		expect(nextLevel(input({ recentSessions: sessions })).reason).toBe('hold');
		const completed = [good('2024-05-14', 2), { ...good('2024-05-13', 2), completed: true }];
		expect(nextLevel(input({ recentSessions: completed })).reason).toBe('advance');
	});

	it('does not count sessions without a level', () => {
		const result = nextLevel(
			input({
				recentSessions: [good('2024-05-14', 2), { day: '2024-05-13', painBefore: 1, painAfter: 1 }]
			})
		);
		expect(result.reason).toBe('hold');
	});

	it('starts a new run after a morning flare-up', () => {
		const sessions = [good('2024-05-15', 2), good('2024-05-14', 2), good('2024-05-13', 2)];
		const checks = [{ day: '2024-05-15', rose: true }];
		// The flare was noticed on the morning of the 15th: only that day's session counts since.
		expect(nextLevel(input({ recentSessions: sessions, morningChecks: checks })).reason).toBe(
			'hold'
		);
		const later = [good('2024-05-16', 2), ...sessions];
		expect(nextLevel(input({ recentSessions: later, morningChecks: checks })).reason).toBe(
			'advance'
		);
		// A morning that did not rise changes nothing.
		expect(
			nextLevel(
				input({ recentSessions: sessions, morningChecks: [{ day: '2024-05-15', rose: false }] })
			).reason
		).toBe('advance');
	});

	it('is idempotent: right after moving up it holds', () => {
		const sessions = [good('2024-05-14', 2), good('2024-05-13', 2)];
		const first = nextLevel(input({ recentSessions: sessions }));
		const again = nextLevel(input({ level: first.level, recentSessions: sessions }));
		expect(again).toMatchObject({ level: 3, reason: 'hold' });
	});
});

describe('nextLevel: easing back', () => {
	it('drops one level after a session whose pain rose beyond the rule', () => {
		const result = nextLevel(
			input({ level: 3, recentSessions: [flared('2024-05-14', 3), good('2024-05-13', 3)] })
		);
		expect(result).toMatchObject({ level: 2, reason: 'drop' });
		expect(result.message).toContain('eases back to level 2');
		expect(result.message).toContain('keep moving gently rather than stopping');
	});

	it('drops one level after a morning check that rose', () => {
		const result = nextLevel(
			input({
				level: 3,
				recentSessions: [good('2024-05-14', 3), good('2024-05-13', 3)],
				morningChecks: [{ day: '2024-05-15', rose: true }]
			})
		);
		expect(result).toMatchObject({ level: 2, reason: 'drop' });
		expect(result.message).toContain('more painful this morning');
	});

	it('drops only once for the same flare-up', () => {
		const recentSessions = [good('2024-05-14', 3)];
		const morningChecks = [{ day: '2024-05-15', rose: true }];
		const first = nextLevel(input({ level: 3, recentSessions, morningChecks }));
		const again = nextLevel(input({ level: first.level, recentSessions, morningChecks }));
		expect(first.level).toBe(2);
		expect(again).toMatchObject({ level: 2, reason: 'hold' });
		// After playing at the lower level that day, the old check no longer counts.
		const after = nextLevel(
			input({
				level: 2,
				recentSessions: [good('2024-05-15', 2), ...recentSessions],
				morningChecks
			})
		);
		expect(after).toMatchObject({ level: 2, reason: 'hold' });
	});

	it('treats a session without a level as played at the current level', () => {
		const result = nextLevel(
			input({ level: 3, recentSessions: [{ day: '2024-05-14', painBefore: 1, painAfter: 7 }] })
		);
		expect(result).toMatchObject({ level: 2, reason: 'drop' });
	});

	it('does not go below level 1', () => {
		const result = nextLevel(input({ level: 1, recentSessions: [flared('2024-05-14', 1)] }));
		expect(result).toMatchObject({ level: 1, reason: 'min' });
		expect(result.message).toContain('already at the easiest level');
	});
});

describe('nextLevel: limits', () => {
	it('does not go above the top level', () => {
		const result = nextLevel(
			input({ level: 4, recentSessions: [good('2024-05-14', 4), good('2024-05-13', 4)] })
		);
		expect(result).toMatchObject({ level: 4, reason: 'max' });
	});

	it('clamps a stored level that is out of range', () => {
		expect(nextLevel(input({ level: 9, recentSessions: [] })).level).toBe(4);
		expect(nextLevel(input({ level: 0, recentSessions: [] })).level).toBe(1);
	});

	it('holds at the start, with no sessions yet', () => {
		const result = nextLevel(input({ level: 1 }));
		expect(result).toMatchObject({ level: 1, reason: 'hold' });
		expect(result.message).toContain('After 2 sessions in a row');
	});

	it('moves up after a single session when sessionsToAdvance is 1 (or less)', () => {
		for (const sessionsToAdvance of [1, 0]) {
			const result = nextLevel(
				input({ level: 1, sessionsToAdvance, recentSessions: [good('2024-05-14', 1)] })
			);
			expect(result).toMatchObject({ level: 2, reason: 'advance' });
		}
	});

	it('with a single level, only holds, max or min', () => {
		const one = { level: 1, levels: 1 };
		expect(
			nextLevel(input({ ...one, recentSessions: [good('2024-05-14', 1), good('2024-05-13', 1)] }))
				.reason
		).toBe('max');
		expect(nextLevel(input({ ...one, recentSessions: [flared('2024-05-14', 1)] })).reason).toBe(
			'min'
		);
	});
});
