// The first visit's gap: the first version's activate handler claims the app's open pages, but
// clients.claim() passes over a page whose navigation is still under way (it is not running yet).
// Such a page would stay uncontrolled, without offline, until its next navigation. So each page,
// once it runs, asks the active worker to claim it if nothing controls it (a claim is harmless
// for pages already controlled). Used by the page (registration.svelte.ts) and the worker.

/** The message a page posts to the active worker to be claimed. */
export const CLAIM_MESSAGE = 'CLAIM';

/** What askToBeClaimed needs of navigator.serviceWorker. */
export interface ClaimContainer {
	readonly controller: unknown;
	readonly ready: Promise<{ readonly active: { postMessage(message: unknown): void } | null }>;
}

/**
 * Once a version is active, asks it to claim this page if nothing controls the page yet.
 * Resolves to whether it asked.
 */
export async function askToBeClaimed(container: ClaimContainer): Promise<boolean> {
	const { active } = await container.ready;
	if (container.controller || !active) return false;
	active.postMessage({ type: CLAIM_MESSAGE });
	return true;
}
