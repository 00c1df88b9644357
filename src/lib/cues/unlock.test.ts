import { describe, expect, it } from 'vitest';
import { browserCueOutputs } from './browser-cues';
import { unlockCues } from './unlock';

// Vitest runs in Node: no window, no navigator.wakeLock, no Audio. This is what prerendering
// sees too, so importing and calling must be safe and every output a quiet no-op.
describe('the shared browser outputs outside a browser', () => {
	it('are all unsupported no-ops, and unlocking does not throw', () => {
		const outputs = browserCueOutputs();
		expect(outputs.wakeLock.state.supported).toBe(false);
		expect(outputs.mediaSession.supported).toBe(false);
		expect(() => {
			unlockCues();
			outputs.beep.play('go', 1);
			outputs.speech.speak('Hold', 'en', 1);
			outputs.vibration.vibrate([50]);
			outputs.wakeLock.acquire();
			outputs.mediaSession.setPlaying();
		}).not.toThrow();
		// A cue that cannot be spoken says so at once, and no wake lock is pretended.
		const failures: string[] = [];
		outputs.speech.speak('Rest', 'en', 1, (reason) => failures.push(reason));
		expect(failures).toEqual(['unsupported']);
		expect(outputs.wakeLock.state).toEqual({ supported: false, held: false, failed: false });
	});

	it('are made once per page', () => {
		expect(browserCueOutputs()).toBe(browserCueOutputs());
	});
});
