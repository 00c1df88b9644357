// One playing session per device. The tab whose player has a session on screen holds two Web
// Locks: `limber-player` (one per device: whoever takes it pauses everyone else) and
// `limber-session:<id>` (so another tab can ask whether that session is on screen somewhere).
// Taking over steals both; the tab that loses them pauses, writes its checkpoint and says so on
// the BroadcastChannel (`released`), so the taker can read the checkpoint and continue from the
// same moment. "Discard" in another tab is a message too: the holder drops its session without
// writing it back.
//
// Where Web Locks are missing (very old browsers), the BroadcastChannel does everything: a tab
// that takes over announces `claim`, and holders answer `query` messages. That works as long as
// the other tabs are running; Web Locks also work when a tab is frozen.

import { PLAYER_LOCK } from '$lib/pwa/device-busy';

export { PLAYER_LOCK };
export const SESSION_LOCK_PREFIX = 'limber-session:';
export const PLAYER_CHANNEL = 'limber-player';
/** How long a taker waits for the other tab's `released` before reading the checkpoint anyway. */
export const RELEASE_WAIT_MS = 1500;
/** How long a query waits for answers when only the BroadcastChannel is there. */
export const QUERY_WAIT_MS = 250;

/** Why this tab lost its session: another tab took this very session over ('moved'), started
 * another session ('paused'), or discarded it ('discarded'). */
export type LostReason = 'moved' | 'paused' | 'discarded';

export type PlayerMessage =
	| { type: 'released'; sessionId: string; from: string }
	| { type: 'discard'; sessionId: string; from: string }
	| { type: 'claim'; sessionId: string; from: string; at: number }
	| { type: 'query'; sessionId: string; from: string; query: string }
	| { type: 'holding'; sessionId: string; from: string; to: string; query: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
	request(
		name: string,
		options: { steal?: boolean; ifAvailable?: boolean },
		callback: (lock: unknown) => Promise<unknown>
	): Promise<unknown>;
	query(): Promise<{ held?: { name?: string; clientId?: string }[] }>;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	close(): void;
}

export interface PlayerLockEnvironment {
	locks: LockManagerLike | null;
	channel: ChannelLike | null;
	/** This tab's id in messages. */
	tabId: string;
}

/** The browser's Web Locks and BroadcastChannel, where they exist. */
export function browserLockEnvironment(): PlayerLockEnvironment {
	const nav = typeof navigator === 'undefined' ? undefined : navigator;
	const locks = (nav as { locks?: LockManagerLike } | undefined)?.locks ?? null;
	const channel =
		typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PLAYER_CHANNEL);
	const tabId =
		typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
			? crypto.randomUUID()
			: String(Math.random()).slice(2);
	return { locks, channel, tabId };
}

function isMessage(value: unknown): value is PlayerMessage {
	if (typeof value !== 'object' || value === null) return false;
	const message = value as Record<string, unknown>;
	return typeof message.type === 'string' && typeof message.sessionId === 'string';
}

/** The device's one player, as seen from this tab. */
export class PlayerLock {
	readonly #env: PlayerLockEnvironment;
	/** The session this tab holds the player for, or null. */
	#held: string | null = null;
	#onLost: ((reason: LostReason) => void) | null = null;
	#releaseLocks: (() => void) | null = null;
	/** When this tab claimed the player (BroadcastChannel alone: the later claim wins). */
	#claimedAt = 0;
	#waiters = new Map<string, () => void>();
	#queries = new Map<string, () => void>();
	#queryCount = 0;
	/** Called (with the session id) when another tab asks to discard a session not held here. */
	onDiscardRequest: ((sessionId: string) => void) | null = null;
	#listener = (event: { data: unknown }) => this.#onMessage(event.data);

	constructor(env: PlayerLockEnvironment = browserLockEnvironment()) {
		this.#env = env;
		env.channel?.addEventListener('message', this.#listener);
	}

	/** The session this tab plays, or null. */
	get held(): string | null {
		return this.#held;
	}

	/** This tab's id (written into the checkpoints of the session it plays). */
	get tabId(): string {
		return this.#env.tabId;
	}

	/** Whether the session is on screen in another tab right now. */
	async heldElsewhere(sessionId: string): Promise<boolean> {
		if (this.#held === sessionId) return false;
		const { locks, channel } = this.#env;
		if (locks) {
			try {
				const { held = [] } = await locks.query();
				return held.some((lock) => lock.name === SESSION_LOCK_PREFIX + sessionId);
			} catch {
				return false;
			}
		}
		if (!channel) return false;
		const query = `${this.#env.tabId}:${++this.#queryCount}`;
		return new Promise<boolean>((resolve) => {
			const timer = setTimeout(() => {
				this.#queries.delete(query);
				resolve(false);
			}, QUERY_WAIT_MS);
			this.#queries.set(query, () => {
				clearTimeout(timer);
				this.#queries.delete(query);
				resolve(true);
			});
			this.#post({ type: 'query', sessionId, query });
		});
	}

	/**
	 * Takes the device's player for a session: any other tab playing (this session or another)
	 * pauses and writes its checkpoint. Resolves once this tab holds it and, when the session was
	 * on screen elsewhere, once that tab has let it go (or after RELEASE_WAIT_MS), so the
	 * checkpoint read next is the latest. `onLost` is called if another tab takes it later.
	 */
	async acquire(sessionId: string, onLost: (reason: LostReason) => void): Promise<void> {
		if (this.#held === sessionId) {
			// Already this tab's (Continue here, then play): keep the locks, take the new callback.
			this.#onLost = onLost;
			return;
		}
		this.release();
		const elsewhere = await this.heldElsewhere(sessionId);
		const released = elsewhere ? this.#waitForRelease(sessionId) : Promise.resolve();
		this.#held = sessionId;
		this.#onLost = onLost;
		const { locks } = this.#env;
		if (locks) {
			await this.#takeLocks(locks, sessionId);
		} else {
			this.#claimedAt = Date.now();
			this.#post({ type: 'claim', sessionId, at: this.#claimedAt });
		}
		await released;
	}

	/** Lets the player go (the session ended here, or the page is leaving). */
	release(): void {
		this.#held = null;
		this.#onLost = null;
		const releaseLocks = this.#releaseLocks;
		this.#releaseLocks = null;
		releaseLocks?.();
	}

	/** Tells the tab that took this session over that its checkpoint is written. */
	announceReleased(sessionId: string): void {
		this.#post({ type: 'released', sessionId });
	}

	/**
	 * Asks the tab playing a session to drop it (Discard in another tab) and waits until it has
	 * (or RELEASE_WAIT_MS), so the caller can then remove the checkpoint for good.
	 */
	async discardElsewhere(sessionId: string): Promise<void> {
		const elsewhere = await this.heldElsewhere(sessionId);
		const released = elsewhere ? this.#waitForRelease(sessionId) : Promise.resolve();
		// Every tab hears it (one showing the Resume question drops it too) …
		this.#post({ type: 'discard', sessionId });
		await released;
		// … and a tab that plays it but did not answer (frozen) loses its lock now.
		if (elsewhere && this.#env.locks && (await this.heldElsewhere(sessionId))) {
			await this.#env.locks
				.request(SESSION_LOCK_PREFIX + sessionId, { steal: true }, () => Promise.resolve())
				.catch(() => {});
		}
	}

	/** Stops listening (the page is going away). */
	dispose(): void {
		this.release();
		this.#env.channel?.removeEventListener('message', this.#listener);
		this.#env.channel?.close();
		for (const resolve of this.#waiters.values()) resolve();
		this.#waiters.clear();
		this.#queries.clear();
	}

	async #takeLocks(locks: LockManagerLike, sessionId: string): Promise<void> {
		let release = () => {};
		const hold = new Promise<void>((resolve) => (release = resolve));
		let grantedCount = 0;
		let granted = () => {};
		const bothGranted = new Promise<void>((resolve) => (granted = resolve));
		const onGranted = () => {
			grantedCount += 1;
			if (grantedCount === 2) granted();
			return hold;
		};
		this.#releaseLocks = release;
		// The session's lock first: a tab that plays this very session loses it before the
		// device's, so it knows the session moved rather than that another one started.
		const names: [string, LostReason][] = [
			[SESSION_LOCK_PREFIX + sessionId, 'moved'],
			[PLAYER_LOCK, 'paused']
		];
		for (const [name, reason] of names) {
			locks.request(name, { steal: true }, onGranted).catch((error: unknown) => {
				// Stolen by another tab (AbortError) while this tab still held it.
				if (this.#releaseLocks === release) this.#lose(reason);
				if ((error as { name?: string } | null)?.name !== 'AbortError') granted();
			});
		}
		await bothGranted;
	}

	#lose(reason: LostReason): void {
		const onLost = this.#onLost;
		this.release();
		onLost?.(reason);
	}

	#waitForRelease(sessionId: string): Promise<void> {
		return new Promise<void>((resolve) => {
			const previous = this.#waiters.get(sessionId);
			const done = () => {
				clearTimeout(timer);
				if (this.#waiters.get(sessionId) === done) this.#waiters.delete(sessionId);
				previous?.();
				resolve();
			};
			// A tab that is frozen cannot answer: its last checkpoint is then the best there is.
			const timer = setTimeout(done, RELEASE_WAIT_MS);
			this.#waiters.set(sessionId, done);
		});
	}

	#post(message: DistributiveOmit<PlayerMessage, 'from'>): void {
		try {
			this.#env.channel?.postMessage({ ...message, from: this.#env.tabId });
		} catch {
			// A closed channel: nothing to tell.
		}
	}

	#onMessage(data: unknown): void {
		if (!isMessage(data) || data.from === this.#env.tabId) return;
		switch (data.type) {
			case 'released':
				this.#waiters.get(data.sessionId)?.();
				break;
			case 'discard':
				if (this.#held === data.sessionId) this.#lose('discarded');
				else this.onDiscardRequest?.(data.sessionId);
				break;
			case 'claim': {
				// Only without Web Locks: another tab took the device's player. Of two claims at
				// once, the later one wins (then the larger tab id), so exactly one tab plays.
				if (this.#held === null || this.#env.locks) break;
				const later =
					data.at > this.#claimedAt || (data.at === this.#claimedAt && data.from > this.#env.tabId);
				if (later) this.#lose(data.sessionId === this.#held ? 'moved' : 'paused');
				break;
			}
			case 'query':
				if (this.#held === data.sessionId) {
					this.#post({
						type: 'holding',
						sessionId: data.sessionId,
						to: data.from,
						query: data.query
					});
				}
				break;
			case 'holding':
				if (data.to === this.#env.tabId) this.#queries.get(data.query)?.();
				break;
		}
	}
}
