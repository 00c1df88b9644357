import { describe, expect, it } from 'vitest';
import { RING_BASE_ANGLE, ringAngles, ringKey, ringKeyframes, ringPlan } from './progress-ring';

const TOTAL = 100_000;

describe('ringPlan', () => {
	it('moves from the fraction done now to the fraction at the step’s end, over the time left', () => {
		// 40 s into a 100 s session, 20 s left in the step.
		const plan = ringPlan(
			{ status: 'playing', remainingMs: 20_000, remainingTotalMs: 60_000 },
			TOTAL
		);
		expect(plan.from).toBeCloseTo(0.4, 10);
		expect(plan.to).toBeCloseTo(0.6, 10);
		expect(plan.durationMs).toBe(20_000);
		expect(plan.percent).toBe(40);
	});

	it('stands still while paused, before the start and in a self-paced step', () => {
		for (const state of [
			{ status: 'paused' as const, remainingMs: 20_000, remainingTotalMs: 60_000 },
			{ status: 'ready' as const, remainingMs: null, remainingTotalMs: TOTAL },
			{ status: 'playing' as const, remainingMs: null, remainingTotalMs: 30_000 }
		]) {
			const plan = ringPlan(state, TOTAL);
			expect(plan.durationMs).toBe(0);
			expect(plan.to).toBe(plan.from);
		}
	});

	it('is full once complete, and stands still at a step whose time is up', () => {
		expect(ringPlan({ status: 'complete', remainingMs: null, remainingTotalMs: 0 }, TOTAL)).toEqual(
			{ from: 1, to: 1, durationMs: 0, percent: 100 }
		);
		const due = ringPlan({ status: 'playing', remainingMs: 0, remainingTotalMs: 5000 }, TOTAL);
		expect(due.durationMs).toBe(0);
	});

	it('stays within 0–1 for odd inputs (an empty timeline, estimates above the total)', () => {
		const plan = ringPlan({ status: 'playing', remainingMs: 500, remainingTotalMs: 200 }, 0);
		expect(plan.from).toBeGreaterThanOrEqual(0);
		expect(plan.to).toBeLessThanOrEqual(1);
		expect(
			ringPlan({ status: 'playing', remainingMs: 5, remainingTotalMs: 2 * TOTAL }, TOTAL).from
		).toBe(0);
	});
});

describe('ringKey', () => {
	const at = (remainingMs: number | null, elapsedMs: number, stepIndex = 3) => ({
		stepIndex,
		status: 'playing' as const,
		repsCounted: 0,
		remainingMs,
		elapsedMs
	});

	it('does not change as a step plays (no new plan at each wake)', () => {
		expect(ringKey(at(20_000, 40_000))).toBe(ringKey(at(18_995, 41_005)));
		expect(ringKey(at(null, 40_000))).toBe(ringKey(at(null, 52_000)));
	});

	it('changes with the step, the status, a counted rep, or the same step started again', () => {
		const key = ringKey(at(20_000, 40_000));
		expect(ringKey(at(20_000, 40_000, 4))).not.toBe(key);
		expect(ringKey({ ...at(20_000, 40_000), status: 'paused' })).not.toBe(key);
		expect(ringKey({ ...at(null, 40_000), repsCounted: 1 })).not.toBe(ringKey(at(null, 40_000)));
		// Back restarted this step 5 s in: the same index, a later end.
		expect(ringKey(at(25_000, 45_000))).not.toBe(key);
	});
});

describe('ringAngles and ringKeyframes', () => {
	const B = RING_BASE_ANGLE;

	it('turns the right half over the first 50 % and the left over the rest', () => {
		expect(ringAngles(0)).toEqual({ right: B, left: B });
		expect(ringAngles(0.25)).toEqual({ right: B + 90, left: B });
		expect(ringAngles(0.5)).toEqual({ right: B + 180, left: B });
		expect(ringAngles(0.75)).toEqual({ right: B + 180, left: B + 90 });
		expect(ringAngles(1)).toEqual({ right: B + 180, left: B + 180 });
		expect(ringAngles(1.5)).toEqual(ringAngles(1));
		expect(ringAngles(-1)).toEqual(ringAngles(0));
	});

	it('moves linearly within one half', () => {
		expect(ringKeyframes(0.1, 0.3)).toEqual([
			[0, B + 36, B],
			[1, B + 108, B],
			[1, B + 108, B]
		]);
		const [a, b, c] = ringKeyframes(0.6, 0.8);
		expect(a).toEqual([0, B + 180, B + 36]);
		expect(b![0]).toBe(0);
		expect(c![0]).toBe(1);
		expect(c![2]).toBeCloseTo(B + 108, 10);
	});

	it('crosses the half-way mark at the right moment when a step spans it', () => {
		// From 40 % to 60 %: half-way is reached half-way through the step.
		const [start, cross, end] = ringKeyframes(0.4, 0.6);
		expect(start).toEqual([0, B + 144, B]);
		expect(cross![0]).toBeCloseTo(0.5, 10);
		expect(cross!.slice(1)).toEqual([B + 180, B]);
		expect(end![0]).toBe(1);
		expect(end![1]).toBe(B + 180);
		expect(end![2]).toBeCloseTo(B + 36, 10);
	});
});
