import { describe, expect, it } from 'vitest';
import {
	assessMorning,
	assessSession,
	meetsPainRule,
	needsMorningCheck,
	painLimit
} from './pain-rule';

describe('painLimit and meetsPainRule', () => {
	it('allows up to 3/10, or up to 2 points above the starting pain', () => {
		expect(painLimit()).toBe(3);
		expect(painLimit(0)).toBe(3);
		expect(painLimit(1)).toBe(3);
		expect(painLimit(2)).toBe(4);
		expect(painLimit(5)).toBe(7);
		expect(painLimit(42)).toBe(3); // not a rating: ignored
	});

	it('judges the rating after the session against that limit', () => {
		expect(meetsPainRule({ painBefore: 0, painAfter: 3 })).toBe(true);
		expect(meetsPainRule({ painBefore: 0, painAfter: 4 })).toBe(false);
		expect(meetsPainRule({ painBefore: 5, painAfter: 7 })).toBe(true);
		expect(meetsPainRule({ painBefore: 5, painAfter: 7.5 })).toBe(false);
		expect(meetsPainRule({ painBefore: 6, painAfter: 2 })).toBe(true);
	});

	it('cannot tell without a rating after, or above 3/10 without a rating before', () => {
		expect(meetsPainRule({ painBefore: 4 })).toBeNull();
		expect(meetsPainRule({})).toBeNull();
		expect(meetsPainRule({ painAfter: 2 })).toBe(true);
		expect(meetsPainRule({ painAfter: 5 })).toBeNull();
		expect(meetsPainRule({ painBefore: null, painAfter: 5 })).toBeNull();
	});
});

describe('assessSession', () => {
	it('is reassuring when pain did not rise', () => {
		const result = assessSession({ painBefore: 4, painAfter: 3 });
		expect(result).toMatchObject({ acceptable: true, change: -1, limit: 6 });
		expect(result.message).toBe(
			'Pain went from 4/10 to 3/10: no rise. Gentle exercise often helps, so carry on at this level.'
		);
	});

	it('accepts a small rise that should settle by tomorrow morning', () => {
		const result = assessSession({ painBefore: 2, painAfter: 4 });
		expect(result).toMatchObject({ acceptable: true, change: 2, limit: 4 });
		expect(result.message).toContain('Pain went from 2/10 to 4/10.');
		expect(result.message).toContain('settles by tomorrow morning');
	});

	it('advises easing back when the rise is beyond the rule', () => {
		const result = assessSession({ painBefore: 2, painAfter: 6 });
		expect(result).toMatchObject({ acceptable: false, change: 4, limit: 4 });
		expect(result.message).toContain('more than the usual limit');
		expect(result.message).toContain('make the next session easier');
		expect(result.message).toContain('contact your doctor or physiotherapist');
	});

	it('handles missing ratings calmly', () => {
		const noAfter = assessSession({ painBefore: 3 });
		expect(noAfter).toMatchObject({ acceptable: null, change: null, limit: null });
		expect(noAfter.message).toMatch(/no pain rating for after the session/);

		const lowNoBefore = assessSession({ painAfter: 2 });
		expect(lowNoBefore).toMatchObject({ acceptable: true, change: null, limit: 3 });
		expect(lowNoBefore.message).toBe(
			'Pain after the session: 2/10. Up to about 3/10 is fine, as long as it settles by tomorrow morning.'
		);

		const highNoBefore = assessSession({ painAfter: 6 });
		expect(highNoBefore).toMatchObject({ acceptable: null, change: null, limit: null });
		expect(highNoBefore.message).toContain('Without a rating from before the session');
	});
});

describe('assessMorning', () => {
	it('reports a flare-up when morning pain is higher than the baseline', () => {
		const result = assessMorning({ morningPain: 5, previousBaseline: 3, painAfterLastSession: 4 });
		expect(result.rose).toBe(true);
		expect(result.comparedWith).toBe('baseline');
		expect(result.advice).toContain('Make today’s session easier');
		expect(result.advice).toContain('higher than 3/10 before your last session');
		expect(result.advice).toContain('(it was 4/10 straight after the session)');
	});

	it('says pain has settled when it is back at or below the baseline', () => {
		for (const morningPain of [3, 1]) {
			const result = assessMorning({ morningPain, previousBaseline: 3, painAfterLastSession: 5 });
			expect(result.rose).toBe(false);
			expect(result.advice).toContain('it has settled');
			expect(result.advice).toContain('Carry on at your current level');
		}
	});

	it('falls back to the pain after the last session when there is no baseline', () => {
		expect(assessMorning({ morningPain: 5, painAfterLastSession: 4 })).toMatchObject({
			rose: true,
			comparedWith: 'after last session'
		});
		expect(assessMorning({ morningPain: 3, painAfterLastSession: 4 }).rose).toBe(false);
	});

	it('takes the first rating as the starting point', () => {
		const result = assessMorning({ morningPain: 4 });
		expect(result).toMatchObject({ rose: false, comparedWith: null });
		expect(result.advice).toContain('this becomes your starting point');
	});

	it('rejects a morning rating outside 0–10', () => {
		expect(() => assessMorning({ morningPain: 11 })).toThrow(RangeError);
	});
});

describe('needsMorningCheck', () => {
	it('asks on the first day after the last session, once', () => {
		expect(needsMorningCheck('2024-05-14', null, '2024-05-15')).toBe(true);
		expect(needsMorningCheck('2024-05-14', '2024-05-10', '2024-05-15')).toBe(true);
		expect(needsMorningCheck('2024-05-14', '2024-05-14', '2024-05-15')).toBe(true);
		expect(needsMorningCheck('2024-05-14', '2024-05-15', '2024-05-15')).toBe(false);
	});

	it('asks even when a few days have passed, but not after answering', () => {
		expect(needsMorningCheck('2024-05-10', '2024-05-09', '2024-05-15')).toBe(true);
		expect(needsMorningCheck('2024-05-10', '2024-05-12', '2024-05-15')).toBe(false);
	});

	it('does not ask on the day of the session or without any session', () => {
		expect(needsMorningCheck('2024-05-15', null, '2024-05-15')).toBe(false);
		expect(needsMorningCheck(null, null, '2024-05-15')).toBe(false);
		expect(needsMorningCheck(undefined, '2024-05-01', '2024-05-15')).toBe(false);
	});
});
