// Keeps the screen on while a session plays (Screen Wake Lock API). The browser drops the
// lock whenever the page is hidden; while the session still wants it, it is requested again
// each time the page becomes visible. acquire()/release() return at once and never throw;
// the outcome shows up in `state` { supported, held, failed }, a runes $state that the UI reads
// to tell the person when the screen may turn off (CueNotices.svelte).

export interface WakeLockState {
	/** The browser has navigator.wakeLock. */
	supported: boolean;
	/** A lock is held right now. */
	held: boolean;
	/** The last request was refused (battery saver, policy, hidden page …) and none has worked since. */
	failed: boolean;
}

export interface WakeLockController {
	/** What the lock is doing now (reactive). */
	readonly state: WakeLockState;
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

/** A wake-lock controller over one environment, its state a runes $state. */
export class WakeLock implements WakeLockController {
	state: WakeLockState = $state({ supported: false, held: false, failed: false });
	readonly #env: WakeLockEnv;
	#wanted = false;
	#requesting = false;
	#sentinel: WakeLockSentinel | null = null;

	constructor(env: WakeLockEnv) {
		this.#env = env;
		this.state.supported = env.wakeLock !== null;
		env.document?.addEventListener('visibilitychange', this.#onVisibility);
	}

	#set(patch: Partial<WakeLockState>): void {
		if (patch.held !== undefined) this.state.held = patch.held;
		if (patch.failed !== undefined) this.state.failed = patch.failed;
	}

	#visible(): boolean {
		return !this.#env.document || this.#env.document.visibilityState === 'visible';
	}

	readonly #onRelease = () => {
		// The browser let go (page hidden, battery saver …): forget the sentinel.
		this.#sentinel = null;
		this.#set({ held: false });
	};

	readonly #onVisibility = () => {
		if (this.#visible()) this.#request();
	};

	#dropSentinel(): void {
		const lock = this.#sentinel;
		this.#sentinel = null;
		if (!lock) return;
		try {
			lock.removeEventListener('release', this.#onRelease);
			void lock.release().catch(() => undefined);
		} catch {
			// Already released.
		}
	}

	#request(): void {
		const api = this.#env.wakeLock;
		if (!api || !this.#wanted || this.#sentinel || this.#requesting || !this.#visible()) return;
		this.#requesting = true;
		let pending: Promise<WakeLockSentinel>;
		try {
			pending = api.request('screen');
		} catch {
			this.#requesting = false;
			this.#set({ failed: true });
			return;
		}
		pending.then(
			(lock) => {
				this.#requesting = false;
				if (!this.#wanted) {
					// Paused while the request was in flight.
					void lock.release().catch(() => undefined);
					return;
				}
				this.#sentinel = lock;
				lock.addEventListener('release', this.#onRelease);
				this.#set({ held: true, failed: false });
			},
			() => {
				this.#requesting = false;
				this.#set({ failed: true });
			}
		);
	}

	acquire(): void {
		this.#wanted = true;
		this.#request();
	}

	release(): void {
		this.#wanted = false;
		this.#dropSentinel();
		this.#set({ held: false });
	}

	dispose(): void {
		this.release();
		this.#env.document?.removeEventListener('visibilitychange', this.#onVisibility);
	}
}

/** Makes a wake-lock controller over the given (or the browser's) environment. */
export function createWakeLock(env: WakeLockEnv = browserWakeLockEnv()): WakeLockController {
	return new WakeLock(env);
}

let shared: WakeLockController | null = null;

/** The page's one wake-lock controller (lazily made), for the cue player and the notices. */
export function defaultWakeLock(): WakeLockController {
	shared ??= createWakeLock();
	return shared;
}
