import { describe, expect, it } from 'vitest';
import { createSystemClock, fakeClock, RESYNC_MS, systemClock } from '$lib/player/clock';

function sources(perf: number, wall: number) {
	const s = { perf, wall };
	return {
		s,
		clock: createSystemClock({ perfNow: () => s.perf, wallNow: () => s.wall })
	};
}

describe('systemClock', () => {
	it('reads on the wall-clock scale and advances with performance.now()', () => {
		const { s, clock } = sources(100, 1_700_000_000_000);
		expect(clock.now()).toBe(1_700_000_000_000);
		s.perf += 1234.5;
		s.wall += 1300; // the wall clock drifts a little: ignored within RESYNC_MS
		expect(clock.now()).toBe(1_700_000_001_234.5);
	});

	it('ignores the wall clock being set back and never goes backwards', () => {
		const { s, clock } = sources(0, 1_000_000);
		s.perf += 500;
		s.wall -= 3_600_000;
		expect(clock.now()).toBe(1_000_500);
		s.perf += 500;
		expect(clock.now()).toBe(1_001_000);
	});

	it('catches up with the wall clock after a sleep in which performance.now() stood still, once the page is shown again', () => {
		const { s, clock } = sources(50, 2_000_000);
		s.perf += 1000;
		s.wall += 1000;
		expect(clock.now()).toBe(2_001_000);
		// The device sleeps for 10 minutes; the monotonic clock does not advance.
		s.wall += 600_000;
		expect(clock.now()).toBe(2_001_000);
		// The page becomes visible again: the shell calls resync().
		clock.resync();
		expect(clock.now()).toBe(2_601_000);
		s.perf += 16;
		s.wall += 16;
		expect(clock.now()).toBe(2_601_016);
	});

	it('catches up across a gap in which performance.now() itself jumped (the loop stood still)', () => {
		const { s, clock } = sources(0, 3_000_000);
		expect(clock.now()).toBe(3_000_000);
		// Frozen for 10 minutes; monotonic time ran on, the wall clock a little further.
		s.perf += 600_000;
		s.wall += 600_000 + 5_000;
		expect(clock.now()).toBe(3_605_000);
	});

	it('while the page stays visible, a wall clock set an hour ahead changes nothing', () => {
		const { s, clock } = sources(0, 4_000_000);
		for (let i = 0; i < 20; i++) {
			s.perf += 250;
			s.wall += 250;
			clock.now();
		}
		expect(clock.now()).toBe(4_005_000);
		s.wall += 3_600_000;
		for (let i = 0; i < 20; i++) {
			s.perf += 250;
			s.wall += 250;
			expect(clock.now()).toBe(4_005_000 + (i + 1) * 250);
		}
	});

	it('resync() catches up with a wall clock that ran ahead by less than RESYNC_MS', () => {
		const { s, clock } = sources(0, 0);
		s.wall += RESYNC_MS - 1;
		expect(clock.now()).toBe(0);
		clock.resync();
		expect(clock.now()).toBe(RESYNC_MS - 1);
		s.wall -= 5000;
		clock.resync();
		expect(clock.now()).toBe(RESYNC_MS - 1);
	});

	it('a reloaded page continues on the same scale (epoch ms)', () => {
		const first = sources(123_456, 5_000_000);
		first.s.perf += 2000;
		first.s.wall += 2000;
		const before = first.clock.now();
		// After a reload performance.now() starts again near zero.
		const second = sources(10, first.s.wall + 3000);
		expect(second.clock.now() - before).toBe(3000);
	});

	it('the default instance reads close to Date.now()', () => {
		const reading = systemClock.now();
		expect(Math.abs(reading - Date.now())).toBeLessThan(RESYNC_MS + 50);
		expect(systemClock.now()).toBeGreaterThanOrEqual(reading);
	});
});

describe('fakeClock', () => {
	it('moves only when told', () => {
		const clock = fakeClock(1000);
		expect(clock.now()).toBe(1000);
		expect(clock.advance(250)).toBe(1250);
		expect(clock.now()).toBe(1250);
		expect(clock.set(50)).toBe(50);
		expect(clock.now()).toBe(50);
		expect(fakeClock().now()).toBe(0);
	});
});

describe('systemClock across a gap with the wall clock behind', () => {
	it('resync() never anchors backwards: time keeps running at once', () => {
		const { s, clock } = sources(0, 5_000_000);
		s.perf += 10_000;
		s.wall += 10_000 - 60_000; // set back a minute while hidden
		clock.resync();
		expect(clock.now()).toBe(5_010_000);
		s.perf += 1_000;
		expect(clock.now()).toBe(5_011_000);
	});

	it('after a long stall, a wall clock that is behind is ignored', () => {
		const { s, clock } = sources(0, 5_000_000);
		expect(clock.now()).toBe(5_000_000);
		s.perf += 30_000; // the loop stood still (a gap)…
		s.wall += 30_000 - 120_000; // …and the wall clock went back
		expect(clock.now()).toBe(5_030_000);
		s.perf += 500;
		expect(clock.now()).toBe(5_030_500);
	});
});
