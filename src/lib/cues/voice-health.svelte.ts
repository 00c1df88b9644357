// Whether spoken cues work on this device, as the cues tried so far tell: a runes object the
// speaker (speech.ts) updates and the player's notices read (CueNotices.svelte).
import type { VoiceHealth } from './speech';

export class VoiceHealthState implements VoiceHealth {
	status: VoiceHealth['status'] = $state('unknown');
	noVoices = $state(false);
	/** The last cue's language when no voice speaks it (see VoiceHealth), else null. */
	missingLanguage = $state<string | null>(null);
	/** How many times the verdict changed (each change is one thing the notices may say). */
	changes = $state(0);

	/** Notes whether the last cue's language has a voice (unchanged: nothing happens). */
	setMissingLanguage(lang: string | null): void {
		if (lang !== this.missingLanguage) this.missingLanguage = lang;
	}

	/** Sets the verdict; a verdict equal to the current one changes nothing. */
	set(next: VoiceHealth): void {
		if (next.status === this.status && next.noVoices === this.noVoices) return;
		this.status = next.status;
		this.noVoices = next.noVoices;
		this.changes++;
	}
}
