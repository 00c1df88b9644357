// The real browser outputs for the cue player, made once per page and shared: the Start tap
// on the program page unlocks the same audio context, speech engine and (with the media buttons
// turned on in Settings) silent loop that the player page later plays through. Safe to import during prerendering (nothing is made until
// first use, and without a browser every output is a silent no-op).
import { defaultBeeper } from './beep';
import type { CueOutputs } from './cue-player';
import {
	browserMediaSessionEnv,
	createMediaSession,
	type MediaSessionOutput
} from './media-session';
import { silenceBlobUrl } from './silent-wav';
import { defaultSpeaker } from './speech';
import { createVibrator } from './vibration';
import { defaultWakeLock, type WakeLockController } from './wake-lock.svelte';

/** The browser's outputs, with the wake lock's and media session's full interfaces. */
export interface BrowserCueOutputs extends CueOutputs {
	wakeLock: WakeLockController;
	mediaSession: MediaSessionOutput;
}

let shared: BrowserCueOutputs | null = null;

/** The page's shared cue outputs: beeps, speech, vibration, wake lock, media session. */
export function browserCueOutputs(): BrowserCueOutputs {
	shared ??= {
		beep: defaultBeeper(),
		speech: defaultSpeaker(),
		vibration: createVibrator(),
		wakeLock: defaultWakeLock(),
		mediaSession: createMediaSession(browserMediaSessionEnv(silenceBlobUrl))
	};
	return shared;
}
