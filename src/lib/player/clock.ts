// Clocks for the player engine. The engine never reads a clock: the shell reads one and passes
// `now` into every command.
//
// systemClock reads in epoch milliseconds (the same scale as Date.now()), so readings stay
// comparable across a screen lock, a suspended tab and a reload. Within a visible stretch it
// advances with performance.now(), which is monotonic and sub-millisecond, so a wall-clock
// adjustment (NTP, a user changing the time) cannot make a countdown jump. The two are tied by
// an anchor (a Date.now() reading and the performance.now() reading taken at the same moment):
//   now = anchorWall + (performance.now() − anchorPerf)
// While the page stays visible, monotonic time is the truth: a wall clock set forward or back
// (by the person, or by the network) changes nothing, so a 30-second hold still lasts 30 seconds.
// The clock re-anchors to Date.now() only across a real gap: when the shell calls resync() after
// the page was hidden (visibilitychange to visible, pageshow), or when performance.now() itself
// jumped between two readings (the event loop stood still for more than GAP_MS: the device slept
// or the tab was frozen) and the wall clock is now ahead. It only ever catches up forwards.
// A reloaded page starts with a fresh anchor, so its readings continue the old page's scale.
// Readings never go back.

/** A source of the current time in milliseconds. */
export interface Clock {
	now(): number;
}

/** The system clock, with a way to re-anchor it to the wall clock. */
export interface SystemClock extends Clock {
	/** Catches up with Date.now() if it ran ahead (call when the page becomes visible again). */
	resync(): void;
}

/** A clock for tests: time moves only when told to. */
export interface FakeClock extends Clock {
	advance(ms: number): number;
	set(ms: number): number;
}

/** Across a gap, a wall clock ahead of the reading by more than this re-anchors the clock. */
export const RESYNC_MS = 1000;
/** Readings further apart than this in monotonic time are a gap (a session playing a timed step
 * reads at least once a second: its timer wakes at every whole second shown). */
export const GAP_MS = 2000;

export interface SystemClockSources {
	/** Monotonic time (default performance.now()). */
	perfNow?: () => number;
	/** Wall-clock epoch time (default Date.now()). */
	wallNow?: () => number;
	resyncMs?: number;
}

// Creates a clock on epoch ms that is smooth within a visible stretch and right across sleeps.
export function createSystemClock(sources: SystemClockSources = {}): SystemClock {
	const perfNow = sources.perfNow ?? (() => performance.now());
	const wallNow = sources.wallNow ?? (() => Date.now());
	const resyncMs = sources.resyncMs ?? RESYNC_MS;
	let anchorWall = wallNow();
	let anchorPerf = perfNow();
	let lastPerf = anchorPerf;
	let last = -Infinity;

	const anchor = (wall: number, perf: number): void => {
		anchorWall = wall;
		anchorPerf = perf;
	};

	return {
		now() {
			const perf = perfNow();
			const gap = perf - lastPerf > GAP_MS;
			lastPerf = perf;
			let reading = anchorWall + (perf - anchorPerf);
			if (gap) {
				const wall = wallNow();
				if (wall - reading > resyncMs) {
					anchor(wall, perf);
					reading = wall;
				}
			}
			last = Math.max(last, reading);
			return last;
		},
		resync() {
			const perf = perfNow();
			const wall = wallNow();
			lastPerf = perf;
			if (wall > anchorWall + (perf - anchorPerf)) anchor(wall, perf);
		}
	};
}

/** The clock the app uses. */
export const systemClock: SystemClock = createSystemClock();

// Creates a clock for tests that starts at `start` and moves only with advance() or set().
export function fakeClock(start = 0): FakeClock {
	let current = start;
	return {
		now: () => current,
		advance(ms) {
			current += ms;
			return current;
		},
		set(ms) {
			current = ms;
			return current;
		}
	};
}
