// The one call the Start tap makes for the cues (the program page and the player page).
import { browserCueOutputs } from './browser-cues';

/**
 * Unlocks what iOS (and autoplay rules elsewhere) only allow inside a tap: the audio context,
 * speech and the silent loop behind the media buttons. Call it synchronously in the tap handler,
 * before any await.
 */
export function unlockCues(): void {
	const outputs = browserCueOutputs();
	for (const unlock of [
		() => outputs.beep.unlockAudio(),
		() => outputs.speech.unlockSpeech(),
		() => outputs.mediaSession.startSilence()
	]) {
		try {
			unlock();
		} catch {
			// Each output is optional.
		}
	}
}
