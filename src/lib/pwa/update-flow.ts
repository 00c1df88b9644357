// The update flow as a pure state machine: a new service worker waits, the page offers
// "Update available" only while nothing plays, and reloads once, only after the person agreed.

export interface UpdateFlow {
	/** A new version is installed and waiting to take over. */
	waiting: boolean;
	/** The person chose "Later" for the version that is waiting. */
	dismissed: boolean;
	/** The person chose "Reload": the waiting worker was asked to take over. */
	accepted: boolean;
	/** The page has already started its one reload. */
	reloaded: boolean;
}

export type UpdateEvent = 'waiting' | 'dismiss' | 'accept' | 'controlling';

export const INITIAL_UPDATE_FLOW: UpdateFlow = {
	waiting: false,
	dismissed: false,
	accepted: false,
	reloaded: false
};

/** Decides whether the "Update available" prompt is on screen. */
export function shouldShowUpdate({
	waiting,
	playing,
	dismissed
}: {
	waiting: boolean;
	playing: boolean;
	dismissed: boolean;
}): boolean {
	return waiting && !playing && !dismissed;
}

/** Moves the flow on by one event; `reload` is true exactly once, when the page must reload. */
export function nextUpdateFlow(
	flow: UpdateFlow,
	event: UpdateEvent
): { flow: UpdateFlow; reload: boolean } {
	switch (event) {
		case 'waiting':
			// A newly waiting version is offered again, even if an older one was dismissed.
			return { flow: { ...flow, waiting: true, dismissed: false }, reload: false };
		case 'dismiss':
			return { flow: { ...flow, dismissed: true }, reload: false };
		case 'accept':
			if (!flow.waiting) return { flow, reload: false };
			return { flow: { ...flow, accepted: true, dismissed: false }, reload: false };
		case 'controlling':
			// Another tab may activate the new worker: this page reloads only if its person agreed.
			if (!flow.accepted || flow.reloaded) return { flow, reload: false };
			return { flow: { ...flow, reloaded: true }, reload: true };
	}
}

/**
 * Turns reports of a waiting worker into one call of `onNew` per worker. Two paths report each
 * one (the registration's own statechange, and workbox-window's 'waiting' event, which comes
 * 200 ms later): without this, a "Later" tapped between the two was undone by the second report,
 * which the flow takes for a newer version.
 */
export function oncePerWorker(onNew: () => void): (worker: object | null | undefined) => void {
	let last: object | null = null;
	return (worker) => {
		if (!worker || worker === last) return;
		last = worker;
		onNew();
	};
}
