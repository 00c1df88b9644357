// Keeps the screen on while a session plays (Screen Wake Lock API). The browser drops the
// lock whenever the page is hidden; while the session still wants it, it is requested again
// each time the page becomes visible. acquire()/release() return at once and never throw;
// the outcome shows up in the state { supported, held, failed }, which the UI can watch to
// tell the person when the screen may turn off (CueNotices.svelte).

export interface WakeLockState {
	/** The browser has navigator.wakeLock. */
	supported: boolean;
	/** A lock is held right now. */
	held: boolean;
	/** The last request was refused (battery saver, policy, hidden page …) and none has worked since. */
	failed: boolean;
}

export interface WakeLockController {
	getState(): WakeLockState;
	/** Calls the listener now and on every change; returns the unsubscribe function. */
	subscribe(listener: (state: WakeLockState) => void): () => void;
	/** The session is playing: hold the lock (now, or as soon as the page is visible). */
	acquire(): void;
	/** The session paused or ended: let the screen sleep again. */
	release(): void;
	/** Releases the lock and stops watching page visibility. */
	dispose(): void;
}

/** The parts of the browser this module uses. */
export interface WakeLockEnv {
	wakeLock: { request(type: 'screen'): Promise<WakeLockSentinel> } | null;
	document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | null;
}

/** The real browser environment. */
export function browserWakeLockEnv(): WakeLockEnv {
	const hasLock =
		typeof navigator !== 'undefined' && 'wakeLock' in navigator && !!navigator.wakeLock;
	return {
		wakeLock: hasLock ? navigator.wakeLock : null,
		document: typeof document === 'undefined' ? null : document
	};
}

/** Makes a wake-lock controller over the given (or the browser's) environment. */
export function createWakeLock(env: WakeLockEnv = browserWakeLockEnv()): WakeLockController {
	const supported = env.wakeLock !== null;
	let state: WakeLockState = { supported, held: false, failed: false };
	const listeners = new Set<(state: WakeLockState) => void>();
	let wanted = false;
	let requesting = false;
	let sentinel: WakeLockSentinel | null = null;

	function set(patch: Partial<WakeLockState>): void {
		const next = { ...state, ...patch };
		if (next.held === state.held && next.failed === state.failed) return;
		state = next;
		for (const listener of listeners) {
			try {
				listener(state);
			} catch {
				// A broken listener must not stop the others.
			}
		}
	}

	function visible(): boolean {
		return !env.document || env.document.visibilityState === 'visible';
	}

	const onRelease = () => {
		// The browser let go (page hidden, battery saver …): forget the sentinel.
		sentinel = null;
		set({ held: false });
	};

	function dropSentinel(): void {
		const lock = sentinel;
		sentinel = null;
		if (!lock) return;
		try {
			lock.removeEventListener('release', onRelease);
			void lock.release().catch(() => undefined);
		} catch {
			// Already released.
		}
	}

	function request(): void {
		if (!env.wakeLock || !wanted || sentinel || requesting || !visible()) return;
		requesting = true;
		let pending: Promise<WakeLockSentinel>;
		try {
			pending = env.wakeLock.request('screen');
		} catch {
			requesting = false;
			set({ failed: true });
			return;
		}
		pending.then(
			(lock) => {
				requesting = false;
				if (!wanted) {
					// Paused while the request was in flight.
					void lock.release().catch(() => undefined);
					return;
				}
				sentinel = lock;
				lock.addEventListener('release', onRelease);
				set({ held: true, failed: false });
			},
			() => {
				requesting = false;
				set({ failed: true });
			}
		);
	}

	const onVisibility = () => {
		if (visible()) request();
	};
	env.document?.addEventListener('visibilitychange', onVisibility);

	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			try {
				listener(state);
			} catch {
				// Same as above.
			}
			return () => listeners.delete(listener);
		},
		acquire() {
			wanted = true;
			request();
		},
		release() {
			wanted = false;
			dropSentinel();
			set({ held: false });
		},
		dispose() {
			wanted = false;
			dropSentinel();
			set({ held: false });
			env.document?.removeEventListener('visibilitychange', onVisibility);
			listeners.clear();
		}
	};
}

let shared: WakeLockController | null = null;

/** The page's one wake-lock controller (lazily made), for the cue player and the notices. */
export function defaultWakeLock(): WakeLockController {
	shared ??= createWakeLock();
	return shared;
}
