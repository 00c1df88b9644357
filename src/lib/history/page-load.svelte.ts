// How History and the report read their data: once on mount (with the settings and the page's
// clock), and again when the database becomes usable after a failed read — another tab closed,
// an upgrade finished — so the page mends itself without a reload.
import { onMount, untrack } from 'svelte';
import { settings } from '$lib/settings.svelte';
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
		return clock.start();
	});

	$effect(() => {
		if (storageStatus.kind === 'ready' && untrack(failed)) void load();
	});
}
