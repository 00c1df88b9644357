// Spoken cues through the Web Speech API (speechSynthesis). Fire-and-forget: speak() returns
// at once and nothing ever waits for a voice. Each new cue cancels the one before, so cues
// never queue up behind each other. A voice that does not start within START_TIMEOUT_MS, or
// is still talking well past the time its text needs, is cancelled and reported through
// onFail, so the caller can beep instead. Voices are chosen by language, local ones first
// (they work offline), unless the person chose one in Settings (by its voiceURI) that speaks
// the cue's language; the speaking rate comes from Settings too. Without speechSynthesis every call does nothing and nothing throws.
// The speaker also keeps a verdict on whether spoken cues work here at all (VoiceHealth), so
// the player can say once, in words, that the session will beep instead: Firefox on Linux
// without speech-dispatcher has no voices, and every utterance fails with an error. The verdict
// is a runes object (voice-health.svelte.ts) that the notices read.
import { VoiceHealthState } from './voice-health.svelte';

/** How long a cue may take to start speaking before it is given up. */
export const START_TIMEOUT_MS = 1500;

/** Why a cue was not (fully) spoken. */
export type SpeechFailure = 'unsupported' | 'start-timeout' | 'end-timeout' | 'error';

/** The most a cue may take from its start to its end: generous for its length, capped. */
export function endTimeoutMs(text: string): number {
	return Math.min(15_000, 2000 + 120 * text.length);
}

/** The fields of a voice that choosing one needs (a SpeechSynthesisVoice has them all). */
export interface VoiceLike {
	lang: string;
	localService: boolean;
	default: boolean;
	name: string;
	voiceURI: string;
}

/** How a cue is spoken, from Settings. */
export interface SpeakOptions {
	/** The voice chosen in Settings (its voiceURI); null or absent: chosen by language. */
	voiceURI?: string | null;
	/** utterance.rate; 1 is the voice's normal speed (absent: 1). */
	rate?: number;
}

/** The slowest and fastest rates a cue is spoken at (the Web Speech API allows 0.1–10). */
export const RATE_LIMITS = { min: 0.5, max: 2 } as const;

function normalizeTag(tag: string): string {
	return tag.trim().replace(/_/g, '-').toLowerCase();
}

function primaryOf(tag: string): string {
	return normalizeTag(tag).split('-')[0] ?? '';
}

/**
 * Chooses the voice for a language: local voices before network ones; within each, an exact
 * tag match before a primary-subtag match ("en" matches "en-GB"). Ties go to the person's own
 * languages (navigator.languages, in order), then to the platform default, then list order.
 * Returns null when no voice speaks the language (the browser then picks by `lang`).
 */
export function pickVoice<V extends VoiceLike>(
	voices: readonly V[],
	lang: string,
	userLanguages: readonly string[] = []
): V | null {
	const want = normalizeTag(lang);
	const wantPrimary = primaryOf(lang);
	if (wantPrimary === '') return null;
	const users = userLanguages.map(normalizeTag);
	let best: V | null = null;
	let bestScore = -1;
	for (const voice of voices) {
		const tag = normalizeTag(voice.lang);
		const exact = tag === want;
		if (!exact && primaryOf(tag) !== wantPrimary) continue;
		const userRank = users.indexOf(tag);
		const score =
			(voice.localService ? 8 : 0) +
			(exact ? 4 : 0) +
			(userRank >= 0 ? 2 - Math.min(userRank, 1) / 2 : 0) +
			(voice.default ? 0.25 : 0);
		if (score > bestScore) {
			best = voice;
			bestScore = score;
		}
	}
	return best;
}

/**
 * The voice a cue is spoken with: the chosen one (by voiceURI) when it is there and speaks the
 * cue's language (same primary subtag), else pickVoice's choice.
 */
export function chooseVoice<V extends VoiceLike>(
	voices: readonly V[],
	lang: string,
	voiceURI: string | null | undefined,
	userLanguages: readonly string[] = []
): V | null {
	if (voiceURI) {
		const chosen = voices.find((voice) => voice.voiceURI === voiceURI);
		if (chosen && primaryOf(chosen.lang) === primaryOf(lang) && primaryOf(lang) !== '')
			return chosen;
	}
	return pickVoice(voices, lang, userLanguages);
}

/** The voices that speak a language (any region: "en" lists en-GB and en-US), by name. */
export function voicesFor<V extends VoiceLike>(voices: readonly V[], lang: string): V[] {
	const want = primaryOf(lang);
	return voices
		.filter((voice) => want !== '' && primaryOf(voice.lang) === want)
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** A rate the engine accepts: within RATE_LIMITS, 1 when it is not a number. */
export function speechRate(rate: number | undefined): number {
	if (rate === undefined || !Number.isFinite(rate)) return 1;
	return Math.min(RATE_LIMITS.max, Math.max(RATE_LIMITS.min, rate));
}

/** Consecutive failed cues (voices present) after which spoken cues count as failing. */
export const FAILURES_BEFORE_FAILING = 2;

/** Whether spoken cues work on this device, as far as the cues tried so far tell. */
export interface VoiceHealth {
	/**
	 * 'unknown' until a cue has started or failed; 'working' once one started speaking;
	 * 'failing' when a cue failed with no voice installed at all, or FAILURES_BEFORE_FAILING
	 * cues in a row failed (a later cue that starts makes it 'working' again).
	 */
	status: 'unknown' | 'working' | 'failing';
	/** The browser lists no voice at all (the reason, when status is 'failing'). */
	noVoices: boolean;
	/**
	 * The language of the last cue when the browser lists voices but none for that language
	 * (the cue is then read by another language's voice, or not at all); null otherwise.
	 */
	missingLanguage?: string | null;
}

export interface Speaker {
	/** False when the browser has no speechSynthesis. */
	readonly supported: boolean;
	/** The verdict so far on whether spoken cues work here (reactive: a runes object). */
	readonly health: Readonly<VoiceHealth> & { readonly changes: number };
	/** The verdict so far, as a plain value. */
	getHealth(): VoiceHealth;
	/**
	 * Speaks one cue, cancelling whatever is being said. Returns at once. `onFail` runs (at most
	 * once) when the cue could not be spoken: unsupported, did not start, got stuck, or failed.
	 * `options` carry the voice and rate chosen in Settings.
	 */
	speak(
		text: string,
		lang: string,
		volume: number,
		onFail?: (reason: SpeechFailure) => void,
		options?: SpeakOptions
	): void;
	/** The voices the browser lists now (they may arrive later: see onVoicesChanged). */
	voices(): readonly SpeechSynthesisVoice[];
	/** Calls `listener` when the browser's list of voices changes; returns the unsubscribe. */
	onVoicesChanged(listener: () => void): () => void;
	/** Stops speaking at once (pause, end of session). */
	cancel(): void;
	/** Speaks a silent utterance; call it synchronously inside a tap (iOS needs that). */
	unlockSpeech(): void;
	/** Stops listening for voice changes. */
	dispose(): void;
}

export interface SpeechEnv {
	synth: SpeechSynthesis | null;
	createUtterance: (text: string) => SpeechSynthesisUtterance;
	setTimeout: (callback: () => void, ms: number) => unknown;
	clearTimeout: (handle: unknown) => void;
	/** The person's preferred languages, to break ties between voices. */
	userLanguages: readonly string[];
}

/** The real browser environment (window.speechSynthesis and timers). */
export function browserSpeechEnv(): SpeechEnv {
	const hasSpeech =
		typeof window !== 'undefined' &&
		'speechSynthesis' in window &&
		typeof SpeechSynthesisUtterance !== 'undefined';
	return {
		synth: hasSpeech ? window.speechSynthesis : null,
		createUtterance: (text) => new SpeechSynthesisUtterance(text),
		setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
		clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
		userLanguages:
			typeof navigator === 'undefined'
				? []
				: // Typed as always there, but missing in some embedded WebViews.
					((navigator.languages as readonly string[] | undefined) ?? [])
	};
}

/** One cue in flight. */
interface Pending {
	timer: unknown;
}

/** Makes a speaker over the given (or the browser's) speech synthesis. */
export function createSpeaker(env: SpeechEnv = browserSpeechEnv()): Speaker {
	const synth = env.synth;
	let voices: SpeechSynthesisVoice[] = [];
	let current: Pending | null = null;
	const health = new VoiceHealthState();
	let failuresInARow = 0;
	const setHealth = (next: VoiceHealth) => health.set(next);

	/** A cue started speaking: the voice works. */
	function spoke(): void {
		failuresInARow = 0;
		setHealth({ status: 'working', noVoices: false });
	}

	/** A cue (or the unlock utterance) failed: with no voice at all, that is the verdict. */
	function failed(): void {
		failuresInARow++;
		loadVoices();
		const noVoices = voices.length === 0;
		if (noVoices || failuresInARow >= FAILURES_BEFORE_FAILING) {
			setHealth({ status: 'failing', noVoices });
		}
	}

	function loadVoices(): void {
		try {
			voices = synth?.getVoices() ?? [];
		} catch {
			voices = [];
		}
	}
	const voiceListeners = new Set<() => void>();
	const onVoicesChanged = () => {
		loadVoices();
		for (const listener of voiceListeners) listener();
	};
	if (synth) {
		loadVoices();
		try {
			synth.addEventListener('voiceschanged', onVoicesChanged);
		} catch {
			// Older engines: voices are read again on each cue below.
		}
	}

	function stopTimer(pending: Pending): void {
		if (pending.timer !== null) env.clearTimeout(pending.timer);
		pending.timer = null;
	}

	function cancelSynth(): void {
		try {
			synth?.cancel();
		} catch {
			// Nothing was speaking.
		}
	}

	/** Forgets the cue in flight (its late events are ignored) and silences the engine. */
	function dropCurrent(): void {
		if (current) stopTimer(current);
		current = null;
		cancelSynth();
	}

	return {
		supported: synth !== null,
		health,
		getHealth: () => ({
			status: health.status,
			noVoices: health.noVoices,
			...(health.missingLanguage === null ? {} : { missingLanguage: health.missingLanguage })
		}),
		voices() {
			loadVoices();
			return voices;
		},
		onVoicesChanged(listener) {
			voiceListeners.add(listener);
			return () => voiceListeners.delete(listener);
		},
		speak(text, lang, volume, onFail, options = {}) {
			dropCurrent();
			if (!synth) {
				onFail?.('unsupported');
				return;
			}
			const pending: Pending = { timer: null };
			current = pending;
			const finish = (failure?: SpeechFailure) => {
				if (current !== pending) return;
				stopTimer(pending);
				current = null;
				if (failure) {
					cancelSynth();
					// An unsupported engine is not a failing voice: the notice for that is separate.
					if (failure !== 'unsupported') failed();
					onFail?.(failure);
				}
			};
			let utterance: SpeechSynthesisUtterance;
			try {
				utterance = env.createUtterance(text);
				utterance.lang = lang;
				if (voices.length === 0) loadVoices();
				const missing = voices.length > 0 && voicesFor(voices, lang).length === 0;
				health.setMissingLanguage(missing ? lang : null);
				const voice = chooseVoice(voices, lang, options.voiceURI, env.userLanguages);
				if (voice) utterance.voice = voice;
				utterance.volume = Math.min(1, Math.max(0, volume));
				utterance.rate = speechRate(options.rate);
			} catch {
				finish('error');
				return;
			}
			utterance.onstart = () => {
				if (current !== pending) return;
				spoke();
				stopTimer(pending);
				pending.timer = env.setTimeout(() => {
					if (current !== pending) return;
					// Some engines never fire "end": if it has gone quiet, it simply finished.
					let stillSpeaking = true;
					try {
						stillSpeaking = synth.speaking;
					} catch {
						// Assume the worst: cancel it.
					}
					finish(stillSpeaking ? 'end-timeout' : undefined);
				}, endTimeoutMs(text));
			};
			utterance.onend = () => finish();
			utterance.onerror = (event) => {
				// Our own (or anyone's) cancel is not a failure of the voice.
				if (event.error === 'interrupted' || event.error === 'canceled') finish();
				else finish('error');
			};
			pending.timer = env.setTimeout(() => finish('start-timeout'), START_TIMEOUT_MS);
			try {
				// Chrome can be left paused after the page was in the background.
				if (synth.paused) synth.resume();
				synth.speak(utterance);
			} catch {
				finish('error');
			}
		},
		cancel() {
			dropCurrent();
		},
		unlockSpeech() {
			if (!synth) return;
			loadVoices();
			try {
				const utterance = env.createUtterance(' ');
				utterance.volume = 0;
				// With no voice at all this fails at once, before the first cue: say so early.
				utterance.onerror = (event) => {
					if (event.error !== 'interrupted' && event.error !== 'canceled') failed();
				};
				synth.speak(utterance);
			} catch {
				// Speech stays locked; cues fall back to beeps after their time-out.
			}
		},
		dispose() {
			dropCurrent();
			voiceListeners.clear();
			try {
				synth?.removeEventListener('voiceschanged', onVoicesChanged);
			} catch {
				// Never added.
			}
		}
	};
}

let shared: Speaker | null = null;

/** The page's one speaker (lazily made), shared by the Start tap and the cue player. */
export function defaultSpeaker(): Speaker {
	shared ??= createSpeaker();
	return shared;
}

/** Unlocks speech; call it synchronously inside the Start (or Resume) tap. */
export function unlockSpeech(): void {
	defaultSpeaker().unlockSpeech();
}
