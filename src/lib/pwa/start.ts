// Starts everything the app shell needs for offline use and installation: call once from
// the root layout's onMount; the returned function undoes the listeners.
import { listenForInstallPrompt } from './install-prompt.svelte';
import { checkWhenVisible, registerServiceWorker } from './registration.svelte';

/** Registers the service worker and starts the install and update-check listeners. */
export function startPwa(): () => void {
	const stops = [listenForInstallPrompt(), checkWhenVisible()];
	void registerServiceWorker();
	return () => {
		for (const stop of stops) stop();
	};
}
