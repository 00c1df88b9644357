// Runs work after the page has finished loading, when the browser is idle: enhancements that
// the first paint does not need (service-worker registration, storage-backed notices) stay out
// of the first load's JavaScript and off its critical path.

/** Calls `work` once the window has loaded and the main thread is idle. */
export function afterLoad(work: () => void): void {
	const idle = () => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => work(), { timeout: 1000 });
		else setTimeout(work, 1);
	};
	if (document.readyState === 'complete') idle();
	else window.addEventListener('load', idle, { once: true });
}
