import { afterEach, describe, expect, it, vi } from 'vitest';
import { msUntilNextLocalDay } from '$lib/adherence/days';
import { MAX_WAIT_MS, PageNow } from './today.svelte';

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('msUntilNextLocalDay', () => {
	it('counts to the next local midnight', () => {
		const now = new Date(2026, 11, 5, 23, 59, 30).getTime();
		expect(msUntilNextLocalDay(now)).toBe(30_000);
		expect(msUntilNextLocalDay(new Date(2026, 11, 6, 0, 0, 0).getTime())).toBe(86_400_000);
	});
});

describe('PageNow', () => {
	function fakeDocument() {
		const listeners = new Set<() => void>();
		const doc = {
			visibilityState: 'visible',
			addEventListener: (_: string, listener: () => void) => listeners.add(listener),
			removeEventListener: (_: string, listener: () => void) => listeners.delete(listener)
		};
		vi.stubGlobal('document', doc);
		return { doc, fire: () => listeners.forEach((listener) => listener()), listeners };
	}

	it('moves on at local midnight: a page open from 23:59:30 shows the new day', () => {
		vi.useFakeTimers({ now: new Date(2026, 11, 5, 23, 59, 30) });
		fakeDocument();
		const page = new PageNow();
		const stop = page.start();
		expect(new Date(page.now).getDate()).toBe(5);
		vi.advanceTimersByTime(29_000);
		expect(new Date(page.now).getDate()).toBe(5);
		vi.advanceTimersByTime(2_000);
		expect(new Date(page.now).getDate()).toBe(6);
		stop();
	});

	it('reads the clock again when the page becomes visible', () => {
		vi.useFakeTimers({ now: new Date(2026, 11, 5, 10, 0, 0) });
		const { fire, listeners } = fakeDocument();
		const page = new PageNow();
		const stop = page.start();
		vi.setSystemTime(new Date(2026, 11, 7, 9, 0, 0)); // asleep for two days: no timer ran
		fire();
		expect(new Date(page.now).getDate()).toBe(7);
		stop();
		expect(listeners.size).toBe(0);
	});

	it('never waits more than an hour, so a changed clock is caught up', () => {
		vi.useFakeTimers({ now: new Date(2026, 11, 5, 1, 0, 0) });
		fakeDocument();
		const page = new PageNow();
		const stop = page.start();
		const before = page.now;
		vi.advanceTimersByTime(MAX_WAIT_MS + 100);
		expect(page.now).toBeGreaterThan(before);
		stop();
	});
});
