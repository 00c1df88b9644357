// When the player screen next needs a new frame. The screen shows whole seconds, rounded up: the
// step's countdown (Math.ceil(remainingMs / 1000)) and the session's time left
// (formatClock(remainingTotalMs), also rounded up); and it changes step at the step's deadline.
// Between those moments nothing on it changes (the progress ring is animated by the browser), so
// the session sleeps until the next one. Pure: the state in, a delay out.
import type { EngineState } from './engine-types';

// When exactly: at the first whole millisecond at or after the boundary, with no slack. A reading
// on the boundary already shows the new second (ceil(3000 / 1000) is 3) and the engine completes
// a step and emits its 3-2-1 countdown at `now >= moment`, so a wake on time shows the change and
// speaks the cue on time. A fractional delay is rounded up (setTimeout would cut it short); a
// timer that still fires a hair early finds nothing new and is armed again for the rest (at least
// 1 ms), which costs one extra wake and never a missed change. An earlier version woke 5 ms
// late: every screen and every 3-2-1 cue was then 5 ms behind its moment, and a record ended by a
// wake was 5 ms longer.

/** The shortest delay armed (never a wake at the same instant over and over). */
export const MIN_WAKE_MS = 1;

/** Ms until a rounded-up count of whole seconds of `ms` (counting down) shows a different
 * number: at most 1000, null when it already shows 0 (it cannot go lower). */
export function toNextSecond(ms: number): number | null {
	if (!(ms > 0)) return null;
	return ms - (Math.ceil(ms / 1000) - 1) * 1000;
}

/** Whole ms from now until something the player screen shows changes (rounded up, at least
 * MIN_WAKE_MS), or null when nothing will change by itself: not playing (ready, paused, complete), or a self-paced
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
	return Math.max(MIN_WAKE_MS, Math.ceil(Math.min(...candidates)));
}
