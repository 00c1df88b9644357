// The Media Session: the exercise and program shown on the lock screen / notification, and
// the headset, keyboard and lock-screen buttons (play, pause, next, previous) mapped to the
// player's callbacks. Most platforms only route those buttons to a page that is playing
// audio, so when the person turns the buttons on in Settings (`mediaButtons`, off by default: it
// stops other apps' music), a looping silent <audio> (a minute of silence made in the page as a
// blob: URL, which the policy's `media-src 'self' blob:` allows) is started inside the Start tap
// (`unlockCues({ mediaButtons })`) and paused with the session. Everything is guarded; nothing here throws.
// Limits per platform are in docs/cues.md.

/** The player commands the media buttons trigger. */
export interface MediaControls {
	resume(): void;
	pause(): void;
	next(): void;
	previous(): void;
}

export interface MediaInfo {
	/** The exercise being played. */
	title: string;
	/** The program's title. */
	artist: string;
}

export interface MediaSessionOutput {
	/** The browser has navigator.mediaSession. */
	readonly supported: boolean;
	/** Starts the silent loop; call it synchronously inside the Start (or Resume) tap. */
	startSilence(): void;
	/** Lets the silent loop go, if a tap started one (the media buttons were turned off since):
	 * the session then plays no media element. The state, metadata and handlers stay. */
	releaseSilence(): void;
	/** Connects the media buttons to the player (null disconnects them). */
	setHandlers(controls: MediaControls | null): void;
	setMetadata(info: MediaInfo | null): void;
	/** The session plays: "playing" state, silent loop running. */
	setPlaying(): void;
	/** The session paused: "paused" state, silent loop paused. */
	setPaused(): void;
	/** The session is over: state "none", no metadata, no handlers, the loop let go. */
	stop(): void;
}

/** The parts of the browser this module uses. */
export interface MediaSessionEnv {
	mediaSession: MediaSession | null;
	createMetadata: ((init: MediaMetadataInit) => MediaMetadata) | null;
	createAudio: ((src: string) => HTMLAudioElement) | null;
	/** URL of the silent loop (see silent-wav.ts), asked for when the loop first starts. */
	silenceUrl: () => string;
	setTimeout: (callback: () => void, ms: number) => unknown;
	clearTimeout: (handle: unknown) => void;
}

/**
 * A silent loop started by a tap that no session takes over (setPlaying / setPaused / stop)
 * within this time is paused, so an abandoned Start does not leave "media" playing.
 */
export const UNCLAIMED_SILENCE_MS = 60_000;

/** The real browser environment; `silenceUrl` gives the silent loop's URL. */
export function browserMediaSessionEnv(silenceUrl: () => string): MediaSessionEnv {
	const nav = typeof navigator === 'undefined' ? null : navigator;
	return {
		mediaSession: nav && 'mediaSession' in nav ? nav.mediaSession : null,
		createMetadata: typeof MediaMetadata === 'undefined' ? null : (init) => new MediaMetadata(init),
		createAudio: typeof Audio === 'undefined' ? null : (src) => new Audio(src),
		silenceUrl,
		setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
		clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
	};
}

const ACTIONS = {
	play: 'resume',
	pause: 'pause',
	nexttrack: 'next',
	previoustrack: 'previous'
} as const satisfies Partial<Record<MediaSessionAction, keyof MediaControls>>;

const noop = () => undefined;

/** Makes the media-session output over the given environment. */
export function createMediaSession(env: MediaSessionEnv): MediaSessionOutput {
	const session = env.mediaSession;
	let audio: HTMLAudioElement | null = null;
	let unclaimed: unknown = null;

	/** A session has taken over the loop: no more automatic pause. */
	function claim(): void {
		if (unclaimed !== null) env.clearTimeout(unclaimed);
		unclaimed = null;
	}

	function setState(state: MediaSessionPlaybackState): void {
		if (!session) return;
		try {
			session.playbackState = state;
		} catch {
			// Read-only in some engines.
		}
	}

	function playAudio(): void {
		if (!audio) return;
		try {
			const started = audio.play() as Promise<void> | undefined;
			if (started) void started.catch(noop);
		} catch {
			// Not allowed without a tap yet: the media buttons may not reach us.
		}
	}

	function pauseAudio(): void {
		try {
			audio?.pause();
		} catch {
			// Nothing playing.
		}
	}

	return {
		supported: session !== null,
		startSilence() {
			if (!env.createAudio) return;
			try {
				if (!audio) {
					audio = env.createAudio(env.silenceUrl());
					audio.loop = true;
					audio.preload = 'auto';
				}
			} catch {
				audio = null;
				return;
			}
			playAudio();
			claim();
			unclaimed = env.setTimeout(() => {
				unclaimed = null;
				pauseAudio();
			}, UNCLAIMED_SILENCE_MS);
		},
		setHandlers(controls) {
			if (!session) return;
			for (const [action, command] of Object.entries(ACTIONS)) {
				try {
					session.setActionHandler(
						action as MediaSessionAction,
						controls ? () => controls[command]() : null
					);
				} catch {
					// This browser does not know the action: the others still work.
				}
			}
		},
		setMetadata(info) {
			if (!session) return;
			try {
				session.metadata =
					info && env.createMetadata
						? env.createMetadata({ title: info.title, artist: info.artist })
						: null;
			} catch {
				// Metadata is decoration.
			}
		},
		setPlaying() {
			claim();
			setState('playing');
			playAudio();
		},
		setPaused() {
			claim();
			setState('paused');
			pauseAudio();
		},
		releaseSilence() {
			claim();
			pauseAudio();
			try {
				audio?.removeAttribute('src');
				audio?.load();
			} catch {
				// Already let go.
			}
			audio = null;
		},
		stop() {
			setState('none');
			this.setMetadata(null);
			this.setHandlers(null);
			this.releaseSilence();
		}
	};
}
