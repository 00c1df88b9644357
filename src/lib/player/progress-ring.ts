// What the session's progress ring shows for an engine state: where it stands now, where it will
// stand when the current step ends, and over how long the browser should move it there. Planned
// once per step (and on pause, resume or a counted rep), never per frame: the browser animates
// between the two, so no script runs while the ring moves.
import type { EngineState } from './engine-types';

export interface RingPlan {
	/** Fraction of the session done now, 0–1. */
	from: number;
	/** Fraction done when the current step ends (equal to `from` when the ring stands still). */
	to: number;
	/** Ms over which to move linearly from `from` to `to`; 0 when it stands still. */
	durationMs: number;
	/** `from` as a whole percent, for aria-valuenow. */
	percent: number;
}

type RingState = Pick<EngineState, 'status' | 'remainingMs' | 'remainingTotalMs'>;

const fraction = (remainingTotalMs: number, totalMs: number) =>
	Math.min(1, Math.max(0, 1 - remainingTotalMs / Math.max(totalMs, 1)));

/** The ring's plan for a state: moving while a timed step plays; still when paused, ready,
 * complete or in a self-paced step (it moves on when a rep is counted). */
export function ringPlan(state: RingState, totalMs: number): RingPlan {
	const from = state.status === 'complete' ? 1 : fraction(state.remainingTotalMs, totalMs);
	const moving = state.status === 'playing' && state.remainingMs !== null && state.remainingMs > 0;
	const to =
		moving && state.remainingMs !== null
			? fraction(state.remainingTotalMs - state.remainingMs, totalMs)
			: from;
	return {
		from,
		to,
		durationMs: moving && to > from ? (state.remainingMs ?? 0) : 0,
		percent: Math.round(from * 100)
	};
}

/** Changes only when the ring needs a new plan: another step, status or rep count, or the same
 * step started again (Back): remainingMs + elapsedMs is constant while a step plays. */
export function ringKey(
	state: Pick<EngineState, 'stepIndex' | 'status' | 'repsCounted' | 'remainingMs' | 'elapsedMs'>
): string {
	const end = state.remainingMs === null ? '' : Math.round(state.remainingMs + state.elapsedMs);
	return `${state.stepIndex}:${state.status}:${state.repsCounted}:${end}`;
}

/** The turn that lines a bordered half-circle's edge up with 12 o'clock is 45°; half a degree
 * less keeps a half-ring at rest just out of its half's view (at exactly 45° its anti-aliased
 * edge shows as a hairline at 12 and 6 o'clock). */
export const RING_BASE_ANGLE = 44.5;

/** The ring is drawn as two clipped halves, each with a half-ring turning into view (a rotation
 * the compositor animates without the page's script or style work): the right half shows the
 * first 50 %, the left the rest. Degrees of each half-ring's rotation for a fraction done, from
 * RING_BASE_ANGLE. */
export function ringAngles(fraction: number): { right: number; left: number } {
	const f = Math.min(1, Math.max(0, fraction));
	return {
		right: RING_BASE_ANGLE + 360 * Math.min(f, 0.5),
		left: RING_BASE_ANGLE + 360 * Math.max(0, f - 0.5)
	};
}

/** Keyframe offsets and angles that move both halves linearly from `from` to `to` (through the
 * half-way mark when the move crosses it): [offset, right, left] at the start, the crossing and
 * the end. */
export function ringKeyframes(from: number, to: number): [number, number, number][] {
	const mid = Math.min(Math.max(0.5, from), to);
	const offset = to > from ? (mid - from) / (to - from) : 0;
	return [from, mid, to].map((fraction, i) => {
		const { right, left } = ringAngles(fraction);
		return [i === 0 ? 0 : i === 1 ? offset : 1, right, left];
	});
}
