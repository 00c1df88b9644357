// PageNow inside an effect (as the library's Today starts it, through watchToday): starting it
// must not make the effect depend on the time it writes, or a clock that moves on between runs
// re-runs the effect until Svelte stops it (effect_update_depth_exceeded).
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageNow } from './today.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('PageNow in an effect', () => {
	it('starts once, however far the clock moves between reads', () => {
		vi.stubGlobal('document', { addEventListener() {}, removeEventListener() {} });
		let time = Date.parse('2025-06-11T22:30:00+02:00');
		// Every read of the clock is a millisecond later, as on a slow machine.
		const page = new PageNow(() => (time += 1));
		let runs = 0;
		const cleanup = $effect.root(() => {
			$effect(() => {
				runs += 1;
				return page.start();
			});
		});
		try {
			expect(() => flushSync()).not.toThrow();
			expect(runs).toBe(1);
			expect(page.now).toBe(time);
		} finally {
			cleanup();
		}
	});
});
