// Loads the lazily loaded parts of a page (dynamic imports) so that a failed chunk never leaves
// the page half-working. A chunk can fail to load for reasons that go away: Firefox fails the
// import of a chunk that was in flight during a reload ("error loading dynamically imported
// module"), a connection drops for a moment. So each load is tried once more after a short
// pause; if that fails too, the page shows one notice with a Reload button and the caller gets
// the error. The notice is plain markup in src/app.html (outside the app's own markup, hidden
// until needed), so it costs the first load almost nothing and works whichever part failed.

/** How long to wait before the second try. */
export const RETRY_DELAY_MS = 400;

/** The id of the notice element (there is never more than one). */
export const LOAD_FAILURE_ID = 'load-failure';

export interface RetryOptions {
	/** Pause before the second try (default RETRY_DELAY_MS). */
	delayMs?: number;
	/** Waits `ms` (default: a real timer); tests pass their own. */
	wait?: (ms: number) => Promise<void>;
	/** Told when the second try failed too, before the error is thrown. */
	onFailure?: (error: unknown) => void;
}

const realWait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Runs `load` (a dynamic import); if it fails, waits and tries once more. */
export async function retryImport<T>(
	load: () => Promise<T>,
	options: RetryOptions = {}
): Promise<T> {
	try {
		return await load();
	} catch {
		await (options.wait ?? realWait)(options.delayMs ?? RETRY_DELAY_MS);
		try {
			return await load();
		} catch (error) {
			options.onFailure?.(error);
			throw error;
		}
	}
}

/**
 * Shows (once) the notice that part of the page could not be loaded, with a Reload button. Its
 * markup is in every page already (src/app.html, hidden), so that showing it needs nothing more
 * to load, and every page's first load carries no text for it.
 */
export function showLoadFailure(error: unknown): void {
	console.error('Not loaded:', error);
	// (No document outside a browser, e.g. in unit tests.)
	const notice = (globalThis as { document?: Document }).document?.getElementById(LOAD_FAILURE_ID);
	if (!notice?.hidden) return;
	notice.hidden = false;
	notice.lastElementChild?.addEventListener('click', () => location.reload());
}

/**
 * Loads a lazily loaded part of the page, with one retry; when both tries fail, the page shows
 * its "could not be loaded" notice with a Reload button, and the returned promise rejects.
 */
export function lazyImport<T>(load: () => Promise<T>): Promise<T> {
	return retryImport(load, { onFailure: showLoadFailure });
}
