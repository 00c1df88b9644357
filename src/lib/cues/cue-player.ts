// The cue player: subscribes to the engine's events and sends each event's planned cues
// (cue-plan.ts) to the outputs, synchronously and without waiting for any of them. It also
// follows the session's life — playing, paused, over — to hold the wake lock and keep the
// media session in step. Cues observe the engine; they never drive it: nothing here calls
// the engine except the media buttons, through the callbacks the caller hands in.
import type { EngineEvent, EngineListener } from '$lib/player/engine-types';
import type { Locale } from '$lib/i18n/locale';
import type { Program } from '$lib/program/types';
import { effectiveVolume, planCues } from './cue-plan';
import type { MediaControls, MediaSessionOutput } from './media-session';
import type { SpeakOptions, SpeechFailure } from './speech';
import type { Cue, CueSettings, Tone } from './types';

/** Where cues go. Only beep, speech and vibration are required; each call returns at once. */
export interface CueOutputs {
	beep: { play(tone: Tone, volume: number): void; unlockAudio(): void };
	speech: {
		speak(
			text: string,
			lang: string,
			volume: number,
			onFail?: (reason: SpeechFailure) => void,
			options?: SpeakOptions
		): void;
		cancel(): void;
		unlockSpeech(): void;
	};
	vibration: { vibrate(pattern: readonly number[]): void; cancel(): void };
	wakeLock?: { acquire(): void; release(): void };
	mediaSession?: Omit<MediaSessionOutput, 'supported'>;
}

export interface CuePlayerOptions {
	/** The engine's (or the player session's) subscribe: returns the unsubscribe function. */
	subscribe: (listener: EngineListener) => () => void;
	program: Program;
	/** The language of the cues' fixed words: the player's locale, filled by the page with
	 * playerLocale(program.language, interfaceLocale). Absent: English. */
	locale?: Locale;
	/** Read on every event, so a change in Settings applies at once. */
	settingsGetter: () => CueSettings;
	outputs: CueOutputs;
	/** What the media buttons do; without it they are left alone. */
	controls?: MediaControls;
	/** Told about an output that threw (default: ignored); playback carries on regardless. */
	onError?: (error: unknown) => void;
}

export interface CuePlayer {
	/** Stops listening, silences everything and lets the screen sleep. */
	dispose(): void;
}

/** Where the session is, as far as the events tell. */
type Phase = 'idle' | 'playing' | 'paused' | 'over';

/** Connects the engine's events to the cue outputs. */
export function createCuePlayer(options: CuePlayerOptions): CuePlayer {
	const { program, outputs } = options;
	const locale = options.locale ?? 'en';
	let phase: Phase = 'idle';
	let shownExercise = -1;
	let disposed = false;

	const report = (error: unknown) => {
		try {
			options.onError?.(error);
		} catch {
			// The reporter itself failed: nothing more to do.
		}
	};

	const guard = (action: () => void) => {
		try {
			action();
		} catch (error) {
			report(error);
		}
	};

	const readSettings = (): CueSettings | null => {
		try {
			return options.settingsGetter();
		} catch (error) {
			report(error);
			return null;
		}
	};

	function enter(next: Phase): void {
		if (phase === next) return;
		phase = next;
		if (next === 'playing') {
			guard(() => outputs.wakeLock?.acquire());
			guard(() => outputs.mediaSession?.setPlaying());
		} else if (next === 'paused') {
			guard(() => outputs.wakeLock?.release());
			guard(() => outputs.mediaSession?.setPaused());
		} else if (next === 'over') {
			guard(() => outputs.wakeLock?.release());
			guard(() => outputs.mediaSession?.stop());
		}
	}

	/** The session's life: applies to late events too (only the audible cues stay quiet). */
	function follow(event: EngineEvent): void {
		switch (event.type) {
			case 'stepStarted': {
				if (phase === 'idle') enter('playing');
				const index = event.step.exerciseIndex;
				const exercise = program.exercises[index];
				if (index !== shownExercise && exercise && phase !== 'over') {
					shownExercise = index;
					guard(() =>
						outputs.mediaSession?.setMetadata({ title: exercise.name, artist: program.title })
					);
				}
				break;
			}
			case 'resumed':
				if (phase !== 'over') enter('playing');
				break;
			case 'paused':
				guard(() => outputs.speech.cancel());
				guard(() => outputs.vibration.cancel());
				if (phase !== 'over') enter('paused');
				break;
			case 'sessionComplete':
				enter('over');
				break;
			default:
				break;
		}
	}

	function play(cues: Cue[], settings: CueSettings): void {
		const volume = effectiveVolume(settings);
		const hasBeep = cues.some((cue) => cue.kind === 'beep');
		const voice: SpeakOptions = { voiceURI: settings.voiceURI, rate: settings.speechRate };
		for (const cue of cues) {
			if (cue.kind === 'beep') guard(() => outputs.beep.play(cue.tone, volume));
			else if (cue.kind === 'vibrate') guard(() => outputs.vibration.vibrate(cue.pattern));
			else {
				const fallback = cue.fallback;
				// The voice failed: beep instead, unless this moment already had its beep.
				const onFail = fallback && !hasBeep ? () => fallbackBeep(fallback) : undefined;
				guard(() => outputs.speech.speak(cue.text, cue.lang, volume, onFail, voice));
			}
		}
	}

	/** The beep that replaces a failed voice: part of the voice family, at the current volume. */
	function fallbackBeep(tone: Tone): void {
		if (disposed) return;
		const settings = readSettings();
		if (!settings || !settings.voice) return;
		const volume = effectiveVolume(settings);
		if (volume > 0) guard(() => outputs.beep.play(tone, volume));
	}

	const listener: EngineListener = (event) => {
		if (disposed) return;
		follow(event);
		const settings = readSettings();
		if (!settings) return;
		let cues: Cue[] = [];
		guard(() => {
			cues = planCues(event, { program, settings, locale });
		});
		play(cues, settings);
	};

	if (options.controls) {
		const controls = options.controls;
		guard(() => outputs.mediaSession?.setHandlers(controls));
	}
	const unsubscribe = options.subscribe(listener);

	return {
		dispose() {
			if (disposed) return;
			disposed = true;
			guard(unsubscribe);
			guard(() => outputs.speech.cancel());
			guard(() => outputs.vibration.cancel());
			guard(() => outputs.wakeLock?.release());
			guard(() => outputs.mediaSession?.stop());
		}
	};
}
