import { describe, expect, it, vi } from 'vitest';
import { browserCueOutputs } from './browser-cues';
import { unlockCues, unlockOutputs } from './unlock';

// Vitest runs in Node: no window, no navigator.wakeLock, no Audio. This is what prerendering
// sees too, so importing and calling must be safe and every output a quiet no-op.
describe('the shared browser outputs outside a browser', () => {
	it('are all unsupported no-ops, and unlocking does not throw', () => {
		const outputs = browserCueOutputs();
		expect(outputs.wakeLock.state.supported).toBe(false);
		expect(outputs.mediaSession.supported).toBe(false);
		expect(() => {
			unlockCues({ mediaButtons: true });
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

describe('unlocking in a tap', () => {
	function fakes(throwing: string[] = []) {
		const log: string[] = [];
		const call = (name: string) => () => {
			log.push(name);
			if (throwing.includes(name)) throw new Error(`${name} failed`);
		};
		const outputs = {
			beep: { unlockAudio: call('unlockAudio') },
			speech: { unlockSpeech: call('unlockSpeech') },
			mediaSession: {
				startSilence: call('startSilence'),
				releaseSilence: call('releaseSilence')
			}
		};
		return { log, outputs };
	}

	it('starts the silent loop only when the media buttons are on', () => {
		const off = fakes();
		unlockOutputs(off.outputs, { mediaButtons: false });
		// Off, a loop an earlier tap started (the buttons were on then) is let go.
		expect(off.log).toEqual(['unlockAudio', 'unlockSpeech', 'releaseSilence']);
		const on = fakes();
		unlockOutputs(on.outputs, { mediaButtons: true });
		expect(on.log).toEqual(['unlockAudio', 'unlockSpeech', 'startSilence']);
	});

	it('goes on past an output that throws', () => {
		const t = fakes(['unlockAudio', 'unlockSpeech']);
		expect(() => unlockOutputs(t.outputs, { mediaButtons: true })).not.toThrow();
		expect(t.log).toEqual(['unlockAudio', 'unlockSpeech', 'startSilence']);
	});

	it('unlockCues starts the page’s silent loop only when asked', () => {
		const startSilence = vi.spyOn(browserCueOutputs().mediaSession, 'startSilence');
		const releaseSilence = vi.spyOn(browserCueOutputs().mediaSession, 'releaseSilence');
		try {
			unlockCues({ mediaButtons: false });
			expect(startSilence).not.toHaveBeenCalled();
			expect(releaseSilence).toHaveBeenCalledTimes(1);
			unlockCues({ mediaButtons: true });
			expect(startSilence).toHaveBeenCalledTimes(1);
			expect(releaseSilence).toHaveBeenCalledTimes(1);
		} finally {
			startSilence.mockRestore();
			releaseSilence.mockRestore();
		}
	});
});
