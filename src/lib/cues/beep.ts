// Short beeps made with a Web Audio oscillator: no sound files, nothing to download, works
// offline. Browser-only and defensive: without Web Audio every call does nothing, and no call
// throws. iOS only lets a page start audio inside a tap, so the Start tap calls unlockAudio().
import type { Tone } from './types';

export interface ToneSpec {
	/** Pitch in Hz. */
	frequency: number;
	/** Length in ms. */
	ms: number;
}

/** The three tones: a high short tick, a higher longer go, a lower long end. */
export const TONES: Record<Tone, ToneSpec> = {
	tick: { frequency: 880, ms: 80 },
	go: { frequency: 1320, ms: 150 },
	end: { frequency: 660, ms: 300 }
};

/** Fade in/out time in seconds, so a beep starts and stops without a click. */
const RAMP_S = 0.005;

export interface Beeper {
	/** False when the browser has no Web Audio. */
	readonly supported: boolean;
	/** Creates or resumes the audio context; call it synchronously inside a tap (iOS). */
	unlockAudio(): void;
	/** Plays one tone at the given volume (0–1, used as the gain). */
	play(tone: Tone, volume: number): void;
	/** Closes the audio context (a later play or unlock makes a new one). */
	close(): void;
}

export interface BeepEnv {
	/** Makes a new audio context, or null when there is none. */
	createContext: (() => AudioContext | null) | null;
}

type AudioContextConstructor = new (options?: AudioContextOptions) => AudioContext;

/** The real browser environment (Web Audio, including Safari's prefixed constructor). */
export function browserBeepEnv(): BeepEnv {
	if (typeof window === 'undefined') return { createContext: null };
	const w = window as unknown as {
		AudioContext?: AudioContextConstructor;
		webkitAudioContext?: AudioContextConstructor;
	};
	const Ctor = w.AudioContext ?? w.webkitAudioContext;
	if (!Ctor) return { createContext: null };
	return { createContext: () => new Ctor({ latencyHint: 'interactive' }) };
}

const noop = () => undefined;

/** Makes a beeper over the given (or the browser's) Web Audio. */
export function createBeeper(env: BeepEnv = browserBeepEnv()): Beeper {
	let context: AudioContext | null = null;

	function ensureContext(): AudioContext | null {
		if (context && context.state !== 'closed') return context;
		context = null;
		if (!env.createContext) return null;
		try {
			context = env.createContext();
		} catch {
			context = null;
		}
		return context;
	}

	function wake(ctx: AudioContext): void {
		if (ctx.state === 'running') return;
		try {
			void ctx.resume().catch(noop);
		} catch {
			// Some engines throw instead of rejecting; the next tap tries again.
		}
	}

	return {
		supported: env.createContext !== null,
		unlockAudio() {
			const ctx = ensureContext();
			if (!ctx) return;
			wake(ctx);
			// Older iOS also wants a sound started inside the tap: one silent sample.
			try {
				const source = ctx.createBufferSource();
				source.buffer = ctx.createBuffer(1, 1, 22050);
				source.connect(ctx.destination);
				source.start(0);
			} catch {
				// Nothing to unlock this way; the resume above is what modern engines need.
			}
		},
		play(tone, volume) {
			const gainValue = Math.min(1, Math.max(0, volume));
			if (!(gainValue > 0)) return;
			const ctx = ensureContext();
			if (!ctx) return;
			wake(ctx);
			try {
				const spec = TONES[tone];
				const start = ctx.currentTime;
				const end = start + spec.ms / 1000;
				const oscillator = ctx.createOscillator();
				const gain = ctx.createGain();
				oscillator.type = 'sine';
				oscillator.frequency.setValueAtTime(spec.frequency, start);
				gain.gain.setValueAtTime(0, start);
				gain.gain.linearRampToValueAtTime(gainValue, start + RAMP_S);
				gain.gain.setValueAtTime(gainValue, end - RAMP_S);
				gain.gain.linearRampToValueAtTime(0, end);
				oscillator.connect(gain);
				gain.connect(ctx.destination);
				oscillator.onended = () => {
					oscillator.disconnect();
					gain.disconnect();
				};
				oscillator.start(start);
				oscillator.stop(end);
			} catch {
				// A context in a bad state must not break the session: skip this beep.
			}
		},
		close() {
			const ctx = context;
			context = null;
			if (!ctx) return;
			try {
				void ctx.close().catch(noop);
			} catch {
				// Already closed.
			}
		}
	};
}

let shared: Beeper | null = null;

/** The page's one beeper (lazily made), shared by the Start tap and the cue player. */
export function defaultBeeper(): Beeper {
	shared ??= createBeeper();
	return shared;
}

/** Unlocks the page's audio; call it synchronously inside the Start (or Resume) tap. */
export function unlockAudio(): void {
	defaultBeeper().unlockAudio();
}
