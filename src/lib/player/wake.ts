// When the player screen next needs a new frame. The screen shows whole seconds, rounded up: the
// step's countdown (Math.ceil(remainingMs / 1000)) and the session's time left
// (formatClock(remainingTotalMs), also rounded up); and it changes step at the step's deadline.
// Between those moments nothing on it changes (the progress ring is animated by the browser), so
// the session sleeps until the next one. Pure: the state in, a delay out.
import type { EngineState } from './engine-types';

/** Wake this long after a boundary, so that the rounded-up numbers have surely turned (a timer
 * may fire a little early by the clock the engine reads, and a reading exactly on the boundary
 * still shows the old second). Small enough that no one sees the screen late. */
export const WAKE_SLACK_MS = 5;

/** Ms until a rounded-up count of whole seconds of `ms` (counting down) shows a different
 * number: at most 1000, null when it already shows 0 (it cannot go lower). */
export function toNextSecond(ms: number): number | null {
	if (!(ms > 0)) return null;
	return ms - (Math.ceil(ms / 1000) - 1) * 1000;
}

/** Ms from now until something the player screen shows changes (plus WAKE_SLACK_MS), or null
 * when nothing will change by itself: not playing (ready, paused, complete), or a self-paced
 * step (no deadline, and its time left moves only when a rep is counted). */
export function nextWakeDelay(
	state: Pick<EngineState, 'status' | 'remainingMs' | 'remainingTotalMs'>
): number | null {
	if (state.status !== 'playing' || state.remainingMs === null) return null;
	// The deadline: the step ends (a remaining 0 not yet caught up with: wake at once).
	const candidates = [Math.max(0, state.remainingMs)];
	const countdown = toNextSecond(state.remainingMs);
	if (countdown !== null) candidates.push(countdown);
	const timeLeft = toNextSecond(state.remainingTotalMs);
	if (timeLeft !== null) candidates.push(timeLeft);
	return Math.min(...candidates) + WAKE_SLACK_MS;
}
