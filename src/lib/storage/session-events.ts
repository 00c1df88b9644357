// Tells other tabs (and other pages of this tab) that the session log changed: a session stored,
// answered, deleted or restored. The library's Today section listens and reads the log again.
// BroadcastChannel reaches every other channel of the same name on this origin, not the one that
// posted; where it is missing, pages still read the log again when they become visible.

/** The channel's name (the app's channels are all 'limber-…'). */
export const SESSIONS_CHANNEL = 'limber-sessions';

/** The one message: the log changed (readers read it again; what changed does not matter). */
export interface SessionsChanged {
	type: 'sessions-changed';
}

/** Says on the channel that the session log changed (after the write has completed). */
export function announceSessionsChanged(): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(SESSIONS_CHANNEL);
	// A message posted before close() is still delivered.
	channel.postMessage({ type: 'sessions-changed' } satisfies SessionsChanged);
	channel.close();
}

/** Calls `changed` whenever another page says the log changed; returns the function that stops. */
export function onSessionsChanged(changed: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(SESSIONS_CHANNEL);
	channel.addEventListener('message', (event: MessageEvent<unknown>) => {
		const data = event.data as Partial<SessionsChanged> | null;
		if (data?.type === 'sessions-changed') changed();
	});
	return () => channel.close();
}
