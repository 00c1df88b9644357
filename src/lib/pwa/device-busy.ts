// Whether a session is on screen somewhere on this device: the tab whose player shows a session
// holds the Web Lock `limber-player` (see $lib/recorder/player-lock.ts, which takes it). A page
// or the service worker asks before showing a reminder, so that none comes during a session.
// Works in pages and in the worker (both have `navigator.locks`).

/** The device-wide player lock's name (one session on screen per device). */
export const PLAYER_LOCK = 'limber-player';

/** Whether some tab of this origin holds the player lock; false where Web Locks are missing. */
export async function sessionPlayingOnDevice(): Promise<boolean> {
	const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
	if (!locks) return false;
	try {
		const { held = [] } = await locks.query();
		return held.some((lock) => lock.name === PLAYER_LOCK);
	} catch {
		return false;
	}
}
