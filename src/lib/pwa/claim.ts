// The first visit's gap: the first version's activate handler claims the app's open pages, but
// clients.claim() passes over a page whose navigation is still under way (the service worker
// specification skips clients that are not running yet). Such a page would stay uncontrolled,
// without offline, until its next navigation. So each page, once it runs, asks the active worker
// to claim it if nothing controls it (a claim leaves pages already controlled as they are). The
// request names the page's build version and a worker of another version ignores it: a page
// loaded past the worker (a hard reload while a newer version waits) must not get an older
// version's cached files. Used by the page (registration.svelte.ts) and the worker.

/** The message type a page posts to the active worker to be claimed. */
export const CLAIM_MESSAGE = 'CLAIM';

/** What a page posts: the request and the build version it was loaded as. */
export interface ClaimRequest {
	type: typeof CLAIM_MESSAGE;
	version: string;
}

/** What askToBeClaimed needs of navigator.serviceWorker. */
export interface ClaimContainer {
	readonly controller: unknown;
	readonly ready: Promise<{ readonly active: { postMessage(message: unknown): void } | null }>;
}

/**
 * Once a version is active, asks it to claim this page (of build `version`) if nothing controls
 * the page yet. Resolves to whether it asked.
 */
export async function askToBeClaimed(container: ClaimContainer, version: string): Promise<boolean> {
	const { active } = await container.ready;
	if (container.controller || !active) return false;
	active.postMessage({ type: CLAIM_MESSAGE, version } satisfies ClaimRequest);
	return true;
}

/** Whether a message is a page's request to be claimed by the worker of build `version`. */
export function isClaimFor(data: unknown, version: string): boolean {
	if (typeof data !== 'object' || data === null) return false;
	const { type, version: pageVersion } = data as Partial<Record<keyof ClaimRequest, unknown>>;
	return type === CLAIM_MESSAGE && pageVersion === version;
}
