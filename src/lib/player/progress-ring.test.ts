import { describe, expect, it } from 'vitest';
import { RING_BASE_ANGLE, ringAngles, ringFraction } from './progress-ring';

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
