// What the session's progress ring shows for an engine state: the fraction of the session done,
// drawn by turning two half-rings. The ring moves when the screen wakes (once a second while a
// timed step plays, see wake.ts), in the same update as the countdown: no animation runs between
// wakes. An animated ring (even a compositor-run transform) made Chromium produce a main-thread
// frame about 60 times a second, which the player CPU benchmark measured (docs/player.md).
import type { EngineState } from './engine-types';

type RingState = Pick<EngineState, 'status' | 'remainingTotalMs'>;

/** Fraction of the session done, 0–1 (1 once complete). */
export function ringFraction(state: RingState, totalMs: number): number {
	if (state.status === 'complete') return 1;
	return Math.min(1, Math.max(0, 1 - state.remainingTotalMs / Math.max(totalMs, 1)));
}

/** The turn that lines a bordered half-circle's edge up with 12 o'clock is 45°; half a degree
 * less keeps a half-ring at rest just out of its half's view (at exactly 45° its anti-aliased
 * edge shows as a hairline at 12 and 6 o'clock). */
export const RING_BASE_ANGLE = 44.5;

/** The ring is drawn as two clipped halves, each with a half-ring turning into view: the right
 * half shows the first 50 %, the left the rest. Degrees of each half-ring's rotation for a fraction done, from
 * RING_BASE_ANGLE, in whole degrees of the ring (rounded down). */
export function ringAngles(fraction: number): { right: number; left: number } {
	const f = Math.min(1, Math.max(0, fraction));
	// Whole degrees of the ring (a degree is half a pixel at its edge): in a long session the ring
	// is drawn again every few seconds, not at every wake.
	const degrees = Math.floor(360 * f + 1e-9);
	return {
		right: RING_BASE_ANGLE + Math.min(degrees, 180),
		left: RING_BASE_ANGLE + Math.max(0, degrees - 180)
	};
}
