import { describe, expect, it } from 'vitest';
import { RING_BASE_ANGLE, ringAngles, ringFraction, ringKey } from './progress-ring';

const TOTAL = 100_000;

describe('ringFraction', () => {
	it('is the fraction of the session done, whatever the status; full once complete', () => {
		// 40 s into a 100 s session.
		expect(ringFraction({ status: 'playing', remainingTotalMs: 60_000 }, TOTAL)).toBeCloseTo(
			0.4,
			10
		);
		expect(ringFraction({ status: 'paused', remainingTotalMs: 60_000 }, TOTAL)).toBeCloseTo(
			0.4,
			10
		);
		expect(ringFraction({ status: 'ready', remainingTotalMs: TOTAL }, TOTAL)).toBe(0);
		expect(ringFraction({ status: 'complete', remainingTotalMs: 5000 }, TOTAL)).toBe(1);
	});

	it('stays within 0–1 for odd inputs (an empty timeline, estimates above the total)', () => {
		expect(ringFraction({ status: 'playing', remainingTotalMs: 200 }, 0)).toBeGreaterThanOrEqual(0);
		expect(ringFraction({ status: 'playing', remainingTotalMs: 2 * TOTAL }, TOTAL)).toBe(0);
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

	it('does not change as a step plays (no new announcement at each wake)', () => {
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

describe('ringAngles', () => {
	const B = RING_BASE_ANGLE;

	it('turns the right half over the first 50 % and the left over the rest', () => {
		expect(ringAngles(0)).toEqual({ right: B, left: B });
		expect(ringAngles(0.25)).toEqual({ right: B + 90, left: B });
		expect(ringAngles(0.5)).toEqual({ right: B + 180, left: B });
		expect(ringAngles(0.75)).toEqual({ right: B + 180, left: B + 90 });
		expect(ringAngles(1)).toEqual({ right: B + 180, left: B + 180 });
		expect(ringAngles(1.5)).toEqual(ringAngles(1));
		// Whole degrees, rounded down: a long session's ring is not drawn again every second.
		expect(ringAngles(0.1 / 360)).toEqual(ringAngles(0));
		expect(ringAngles(10.9 / 360)).toEqual({ right: B + 10, left: B });
		expect(ringAngles(200.5 / 360)).toEqual({ right: B + 180, left: B + 20 });
		expect(ringAngles(-1)).toEqual(ringAngles(0));
	});
});
