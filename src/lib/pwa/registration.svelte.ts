// Page side of the service worker: registers it (production builds only) with workbox-window
// and runs the update flow (src/lib/pwa/update-flow.ts). Lifecycle: registerServiceWorker() once
// from the root layout; a new version that installs while this page is open waits; the prompt
// asks; acceptUpdate() tells the waiting worker to take over and the page reloads once when it does.
import { browser, dev, version } from '$app/environment';
import { base } from '$app/paths';
import { Workbox } from 'workbox-window';
import { askToBeClaimed } from './claim';
import {
	INITIAL_UPDATE_FLOW,
	nextUpdateFlow,
	oncePerWorker,
	type UpdateEvent,
	type UpdateFlow
} from './update-flow';

class UpdateState {
	#flow: UpdateFlow = $state(INITIAL_UPDATE_FLOW);
	/** The service worker is registered (false in development and without support). */
	registered = $state(false);

	get waiting(): boolean {
		return this.#flow.waiting;
	}

	get dismissed(): boolean {
		return this.#flow.dismissed;
	}

	get accepted(): boolean {
		return this.#flow.accepted;
	}

	/** Applies one event of the update flow; returns true when the page must reload now. */
	apply(event: UpdateEvent): boolean {
		const next = nextUpdateFlow(this.#flow, event);
		this.#flow = next.flow;
		return next.reload;
	}
}

/** Reactive state of the update flow, read by the update prompt and the Settings page. */
export const pwaUpdate = new UpdateState();

let workbox: Workbox | undefined;
let registration: ServiceWorkerRegistration | undefined;

function handle(event: UpdateEvent): void {
	if (pwaUpdate.apply(event)) location.reload();
}

/** A waiting worker, reported once however many paths find it (see oncePerWorker). */
const waitingFound = oncePerWorker(() => handle('waiting'));

// workbox-window stops watching `updatefound` after the first update it classes as "external"
// (found more than a minute after registering: the usual case in a long-open tab), so the
// registration is watched directly as well. Both paths end in waitingFound, once per worker.
function watchRegistration(reg: ServiceWorkerRegistration): void {
	if (reg.waiting && navigator.serviceWorker.controller) waitingFound(reg.waiting);
	reg.addEventListener('updatefound', () => {
		const worker = reg.installing;
		if (!worker) return;
		worker.addEventListener('statechange', () => {
			if (
				worker.state === 'installed' &&
				reg.waiting === worker &&
				navigator.serviceWorker.controller
			)
				waitingFound(worker);
		});
	});
}

/** Registers the service worker once, in production builds where the browser supports it. */
export async function registerServiceWorker(): Promise<void> {
	if (dev || !browser || !('serviceWorker' in navigator) || workbox) return;
	workbox = new Workbox(`${base}/service-worker.js`);
	workbox.addEventListener('waiting', (event) => waitingFound(event.sw));
	workbox.addEventListener('controlling', () => handle('controlling'));
	try {
		registration = await workbox.register();
	} catch (error) {
		console.warn('Service worker registration failed; the app works online only.', error);
		return;
	}
	if (!registration) return;
	pwaUpdate.registered = true;
	watchRegistration(registration);
	// A page that was still loading when the first version activated was not claimed by it.
	void askToBeClaimed(navigator.serviceWorker, version);
}

export type UpdateCheck = 'update-found' | 'up-to-date' | 'unavailable';

/** Asks the server whether a newer version exists (registration.update()). */
export async function checkForUpdate(): Promise<UpdateCheck> {
	if (!registration) return 'unavailable';
	try {
		await registration.update();
	} catch {
		return 'unavailable';
	}
	return registration.installing || registration.waiting ? 'update-found' : 'up-to-date';
}

/** The person chose "Reload": let the waiting version take over; the page reloads once it does. */
export function acceptUpdate(): void {
	pwaUpdate.apply('accept');
	if (!pwaUpdate.accepted) return;
	if (registration?.waiting) workbox?.messageSkipWaiting();
	// Another tab already let it take over: nothing will post 'controlling' here any more.
	else handle('controlling');
}

/** The person chose "Later": hide the prompt until a newer version is waiting or the app restarts. */
export function dismissUpdate(): void {
	pwaUpdate.apply('dismiss');
}

/** Checks for an update whenever the app comes back to the foreground; returns the unsubscribe. */
export function checkWhenVisible(doc: Document = document): () => void {
	const onVisible = () => {
		if (doc.visibilityState === 'visible') void checkForUpdate();
	};
	doc.addEventListener('visibilitychange', onVisible);
	return () => doc.removeEventListener('visibilitychange', onVisible);
}
