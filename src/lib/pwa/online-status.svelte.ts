// Whether the browser believes it is online, kept up to date from the online/offline events.

class OnlineStatus {
	online = $state(true);
}

/** Reactive online state for the offline indicator. */
export const onlineStatus = new OnlineStatus();

/** Starts following `navigator.onLine` through the window's events; returns the unsubscribe. */
export function watchOnline(
	target: EventTarget = window,
	nav: { onLine: boolean } = navigator
): () => void {
	const update = () => {
		onlineStatus.online = nav.onLine;
	};
	update();
	target.addEventListener('online', update);
	target.addEventListener('offline', update);
	return () => {
		target.removeEventListener('online', update);
		target.removeEventListener('offline', update);
	};
}
