import { describe, expect, it } from 'vitest';
import { formatClock } from '$lib/program/clock-text';
import { MIN_WAKE_MS, nextWakeDelay, toNextSecond } from './wake';

type WakeState = Parameters<typeof nextWakeDelay>[0];

const playing = (remainingMs: number | null, remainingTotalMs: number): WakeState => ({
	status: 'playing',
	remainingMs,
	remainingTotalMs
});

/** What the screen shows that moves with time: the countdown and the time left. */
function shown(remainingMs: number, remainingTotalMs: number): string {
	return `${Math.max(0, Math.ceil(remainingMs / 1000))} ${formatClock(remainingTotalMs)}`;
}

describe('toNextSecond', () => {
	it('is the time until the rounded-up seconds turn', () => {
		expect(toNextSecond(3000)).toBe(1000);
		expect(toNextSecond(2999)).toBe(999);
		expect(toNextSecond(2500)).toBe(500);
		expect(toNextSecond(2001)).toBe(1);
		expect(toNextSecond(1000)).toBe(1000);
		expect(toNextSecond(0.25)).toBe(0.25);
	});

	it('is null once the count shows 0', () => {
		expect(toNextSecond(0)).toBeNull();
		expect(toNextSecond(-5)).toBeNull();
	});
});

describe('nextWakeDelay', () => {
	it('wakes on the next whole second of a hold (step and session on the same seconds)', () => {
		// 30 s hold with 10 s into it, 5 min of later steps.
		expect(nextWakeDelay(playing(20_000, 320_000))).toBe(1000);
		expect(nextWakeDelay(playing(19_400, 319_400))).toBe(400);
	});

	it('wakes for the session’s time left when it turns before the countdown', () => {
		// A 2.5 s phase step: later steps add 60 500 ms, so the time left turns 500 ms off the countdown.
		expect(nextWakeDelay(playing(2500, 63_000))).toBe(500);
		expect(nextWakeDelay(playing(2000, 62_500))).toBe(500);
		expect(nextWakeDelay(playing(1800, 62_300))).toBe(300);
	});

	it('wakes at the deadline of a step shorter than a second', () => {
		expect(nextWakeDelay(playing(250, 10_250))).toBe(250);
		expect(nextWakeDelay(playing(250, 250))).toBe(250);
	});

	it('wakes at once (after MIN_WAKE_MS) when the deadline is reached but not yet caught up with', () => {
		expect(nextWakeDelay(playing(0, 5000))).toBe(MIN_WAKE_MS);
		expect(nextWakeDelay(playing(0, 0))).toBe(MIN_WAKE_MS);
	});

	it('rounds a fractional delay up to the next whole millisecond, never down', () => {
		// setTimeout cuts a fraction off: 999.5 would fire half a millisecond before the change.
		expect(nextWakeDelay(playing(2999.5, 62_999.5))).toBe(1000);
		expect(nextWakeDelay(playing(2000.2, 10_000.2))).toBe(1);
		expect(nextWakeDelay(playing(2000.0002, 10_000.0002))).toBe(MIN_WAKE_MS);
	});

	it('wakes at the rest’s and the phase’s next second the same way as a hold', () => {
		// Rests and phases are timed steps: only the numbers matter, not the kind.
		expect(nextWakeDelay(playing(59_000, 120_000))).toBe(1000);
		expect(nextWakeDelay(playing(59_999.5, 120_000))).toBe(1000);
		expect(nextWakeDelay(playing(4000.25, 4000.25))).toBe(1);
	});

	it('sets no timer while paused, ready, complete or in a self-paced step', () => {
		expect(nextWakeDelay({ status: 'paused', remainingMs: 2500, remainingTotalMs: 9000 })).toBe(
			null
		);
		expect(nextWakeDelay({ status: 'ready', remainingMs: 5000, remainingTotalMs: 9000 })).toBe(
			null
		);
		expect(nextWakeDelay({ status: 'complete', remainingMs: null, remainingTotalMs: 0 })).toBe(
			null
		);
		// Self-paced: no deadline, and its time left moves only when a rep is counted.
		expect(nextWakeDelay(playing(null, 45_000))).toBeNull();
	});

	it('never sleeps through a change, and every wake shows something new (sweeping steps)', () => {
		// Steps of odd lengths (fractional ones included), later steps of odd lengths, and starts at
		// odd moments: follow the wakes to the step's end.
		for (const duration of [700, 1000, 2500, 3000, 4321.5, 10_000]) {
			for (const later of [0, 500, 1000, 60_250, 333.3]) {
				for (const into of [0, 0.1, 499.9, 999.999]) {
					if (into >= duration) continue;
					let now = into;
					let wakes = 0;
					while (now < duration) {
						const left = duration - now;
						const delay = nextWakeDelay(playing(left, left + later));
						expect(delay).not.toBeNull();
						// Nothing changes in the whole millisecond before the wake…
						const before = shown(left, left + later);
						for (const f of [0, 0.5, 0.999]) {
							const t = now + (delay! - 1) * f;
							expect(shown(duration - t, duration - t + later)).toBe(before);
						}
						// …and the wake sees a change (or the step's end).
						now += delay!;
						const after = Math.max(0, duration - now);
						if (now < duration) expect(shown(after, after + later)).not.toBe(before);
						wakes++;
						expect(wakes).toBeLessThan(50);
					}
					// About one wake per second turned, not one per frame.
					expect(wakes).toBeLessThanOrEqual(2 * Math.ceil(duration / 1000) + 1);
				}
			}
		}
	});
});
