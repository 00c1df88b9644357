// Shared types of the cue layer: settings, tones and the planned cues that outputs play.
import type { Locale } from '$lib/i18n/locale';
import type { Program } from '$lib/program/types';

/** The person's cue preferences (stored by the settings repository, read through a getter). */
export interface CueSettings {
	/** Short beeps: 3-2-1 countdown, start of work, end of work. */
	beeps: boolean;
	/** Spoken cues through the device's speech voice. */
	voice: boolean;
	/** Vibration pulses where the device supports them. */
	vibration: boolean;
	/** Loudness of beeps and speech, 0 (silent) to 1. */
	volume: number;
	/** The speech voice chosen in Settings (its voiceURI); null or absent: chosen by language. */
	voiceURI?: string | null;
	/** How fast cues are spoken (utterance.rate); absent: 1. */
	speechRate?: number;
}

/** The same defaults the settings store uses. */
export const DEFAULT_CUE_SETTINGS: CueSettings = {
	beeps: true,
	voice: true,
	vibration: true,
	volume: 0.8
};

/** tick: countdown second; go: work starts; end: work stops (rest, switch, session over). */
export type Tone = 'tick' | 'go' | 'end';

export interface BeepCue {
	kind: 'beep';
	tone: Tone;
}

export interface SpeakCue {
	kind: 'speak';
	text: string;
	/** BCP 47 tag used to choose the voice (the program's language). */
	lang: string;
	/**
	 * The tone to play instead when the voice fails or times out. Absent: nothing replaces it
	 * (used for "Paused" / "Resumed", which answer a tap the person just made).
	 */
	fallback?: Tone;
}

export interface VibrateCue {
	kind: 'vibrate';
	/** Vibration pattern in ms: on, off, on, … */
	pattern: number[];
}

export type Cue = BeepCue | SpeakCue | VibrateCue;

/** What planCues needs besides the event. */
export interface CueContext {
	program: Program;
	settings: CueSettings;
	/** The language of the cues' fixed words ("Rest", "Switch sides"): the player's locale
	 * (playerLocale in $lib/i18n/locale). Absent: English. */
	locale?: Locale;
}
