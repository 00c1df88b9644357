// Runs work after the page has finished loading, when the browser is idle: enhancements that
// the first paint does not need (service-worker registration, storage-backed notices) stay out
// of the first load's JavaScript and off its critical path.

/** Calls `work` once the window has loaded and the main thread is idle. */
export function afterLoad(work: () => void | Promise<void>): void {
	// A failure of async work is the caller's to show; here it is only kept from going unhandled.
	const run = () => void Promise.resolve(work()).catch((error: unknown) => console.error(error));
	const idle = () => {
		if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
		else setTimeout(run, 1);
	};
	if (document.readyState === 'complete') idle();
	else window.addEventListener('load', idle, { once: true });
}
