// The one call a Start tap makes for the cues (the program page, Today, the builder and the
// player page's Resume and Start-over taps).
import { browserCueOutputs } from './browser-cues';

/** What a tap unlocks: the beeps' audio context, speech, and the media session's silent loop. */
export interface UnlockOutputs {
	beep: { unlockAudio(): void };
	speech: { unlockSpeech(): void };
	mediaSession: { startSilence(): void; releaseSilence(): void };
}

/**
 * Unlocks `outputs` inside a tap. The silent loop starts only when the person turned on the
 * headset and lock-screen buttons (the `mediaButtons` setting): the loop is what routes those
 * buttons to the page, and it also stops other apps' music and keeps the audio output awake
 * (docs/cues.md, "Media session"); with the setting off, a loop an earlier tap started is let go.
 * One output that throws stops none of the others.
 */
export function unlockOutputs(outputs: UnlockOutputs, options: { mediaButtons: boolean }): void {
	const unlocks = [() => outputs.beep.unlockAudio(), () => outputs.speech.unlockSpeech()];
	// Off: a loop an earlier tap started (before the buttons were turned off) is let go too.
	unlocks.push(
		options.mediaButtons
			? () => outputs.mediaSession.startSilence()
			: () => outputs.mediaSession.releaseSilence()
	);
	for (const unlock of unlocks) {
		try {
			unlock();
		} catch {
			// An output that throws is skipped: the others still unlock.
		}
	}
}

/**
 * Unlocks what iOS (and autoplay rules elsewhere) only allow inside a tap: the audio context,
 * speech and, when the person chose the media buttons (pass `settings.values.mediaButtons`, as
 * the page has it: every page with a Start tap loads the settings when it opens), the silent
 * loop behind them. Call it synchronously in the tap handler, before any await.
 */
export function unlockCues(options: { mediaButtons: boolean }): void {
	unlockOutputs(browserCueOutputs(), options);
}
