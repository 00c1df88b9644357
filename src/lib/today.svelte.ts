// "Now" for pages that may stay open across midnight (History, the report, the library): it moves
// on when the local day changes (a timer armed for the next local midnight) and whenever the page
// becomes visible again (a tablet left on History overnight), so "today" is never yesterday.
// Between those moments it stands still: nothing on these pages needs the time to the second.

import { msUntilNextLocalDay } from '$lib/adherence/days';

/** A timer is never armed for longer than this, so a clock changed meanwhile is caught up. */
export const MAX_WAIT_MS = 60 * 60 * 1000;

/** The current moment as a page sees it: updated at local midnight and on becoming visible. */
export class PageNow {
	now = $state(Date.now());
	#timer: ReturnType<typeof setTimeout> | undefined;
	#clock: () => number;

	constructor(clock: () => number = () => Date.now()) {
		this.#clock = clock;
		this.now = clock();
	}

	/** Starts following the clock; returns the function that stops it (for onMount). */
	start(): () => void {
		const onVisible = () => {
			if (document.visibilityState === 'visible') this.refresh();
		};
		document.addEventListener('visibilitychange', onVisible);
		this.refresh();
		return () => {
			document.removeEventListener('visibilitychange', onVisible);
			clearTimeout(this.#timer);
		};
	}

	/** Reads the clock now and arms the timer for the next local midnight. */
	refresh(): void {
		// The time is kept in a local: reading `this.now` back here would make an effect that
		// calls this (the library's Today, through watchToday) depend on what it just wrote, and
		// with a clock that moved on between runs it re-ran itself until Svelte stopped it
		// (effect_update_depth_exceeded), leaving Today stale on a loaded machine.
		const now = this.#clock();
		this.now = now;
		clearTimeout(this.#timer);
		const wait = Math.min(MAX_WAIT_MS, msUntilNextLocalDay(now) + 50);
		this.#timer = setTimeout(() => this.refresh(), wait);
	}
}
