// How History and the report read their data: once on mount (with the settings and the page's
// clock), again when the database becomes usable after a failed read — another tab closed,
// an upgrade finished — so the page mends itself without a reload, and again when sessions or
// routines change elsewhere (another tab, or sync).
import { onMount, untrack } from 'svelte';
import { settings } from '$lib/settings.svelte';
import { onProgramsChanged } from '$lib/storage/change-events';
import { onSessionsChanged } from '$lib/storage/session-events';
import { storageStatus } from '$lib/storage/storage-status.svelte';
import type { PageNow } from '$lib/today.svelte';

/** Call during component set-up. `failed` tells whether the last read failed. */
export function loadPageData(
	load: () => Promise<void>,
	failed: () => boolean,
	clock: PageNow
): void {
	onMount(() => {
		void settings.load();
		void load();
		const stopClock = clock.start();
		// Sessions or routines changed in another tab, or pulled by sync: read them again.
		const stopSessions = onSessionsChanged(() => void load());
		const stopPrograms = onProgramsChanged(() => void load());
		return () => {
			stopClock();
			stopSessions();
			stopPrograms();
		};
	});

	$effect(() => {
		if (storageStatus.kind === 'ready' && untrack(failed)) void load();
	});
}
