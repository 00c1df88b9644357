// A device with no speech voice (Firefox on Linux without speech-dispatcher: getVoices() is []
// and every utterance fails with an error): the player says so once, in plain words, and the
// session goes on with beeps and vibration. The browser's speech is replaced before the page
// loads, so the test does not depend on which voices this machine has; so are navigator.vibrate
// (counted) and the oscillators the beeps are made of (counted).
import { expect, test, type Page } from '@playwright/test';
import { dismissFirstVisit, startProgram } from './helpers/app';

const NO_VOICE = 'This device has no voice for spoken cues, so you will hear beeps instead.';

/** Replaces speech synthesis with one that has `voices` voices; counts beeps and vibrations. */
async function fakeSpeech(page: Page, voices: 'none' | 'working'): Promise<void> {
	await page.addInitScript((kind) => {
		const counts = { utterances: 0, oscillators: 0, vibrations: 0 };
		(window as unknown as { __cues: typeof counts }).__cues = counts;
		const voice = { lang: 'en-GB', localService: true, default: true, name: 'Test voice' };
		const synth = window.speechSynthesis;
		Object.defineProperty(synth, 'getVoices', {
			value: () => (kind === 'working' ? [voice] : [])
		});
		Object.defineProperty(synth, 'speak', {
			value: (utterance: SpeechSynthesisUtterance) => {
				counts.utterances++;
				// The voice object is not a real SpeechSynthesisVoice: never handed to the browser.
				setTimeout(() => {
					if (kind === 'working') {
						utterance.onstart?.(new Event('start') as SpeechSynthesisEvent);
						utterance.onend?.(new Event('end') as SpeechSynthesisEvent);
					} else {
						const error = Object.assign(new Event('error'), { error: 'synthesis-failed' });
						utterance.onerror?.(error as SpeechSynthesisErrorEvent);
					}
				}, 10);
			}
		});
		Object.defineProperty(synth, 'cancel', { value: () => {} });
		Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
			set() {},
			get: () => null
		});
		const createOscillator = AudioContext.prototype.createOscillator;
		AudioContext.prototype.createOscillator = function (this: AudioContext) {
			counts.oscillators++;
			return createOscillator.call(this);
		};
		Object.defineProperty(Navigator.prototype, 'vibrate', {
			value: () => {
				counts.vibrations++;
				return true;
			}
		});
	}, voices);
}

const counts = (page: Page) =>
	page.evaluate(
		() =>
			(
				window as unknown as {
					__cues: { utterances: number; oscillators: number; vibrations: number };
				}
			).__cues
	);

test('no voice: one plain notice, and the beeps and vibration go on', async ({ page }) => {
	await fakeSpeech(page, 'none');
	await dismissFirstVisit(page);
	await startProgram(page, 'desk-break');
	const notice = page.getByText(NO_VOICE);
	await expect(notice).toBeVisible();
	await expect(notice).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: NO_VOICE })).toHaveCount(1);
	// Desk break opens with 5 s to get ready: its spoken name fails and is replaced by a beep,
	// then the countdown ticks 3, 2, 1 (beep and vibration each), then the first paced rep
	// starts ("go": beep, vibration and a spoken cue that fails).
	await expect
		.poll(async () => (await counts(page)).oscillators, { timeout: 10_000 })
		.toBeGreaterThanOrEqual(5);
	const after = await counts(page);
	expect(after.vibrations).toBeGreaterThanOrEqual(4);
	expect(after.utterances).toBeGreaterThanOrEqual(2);
	// Every cue failed, and still there is one notice, said once.
	await expect(notice).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('a working voice: no notice', async ({ page }) => {
	await fakeSpeech(page, 'working');
	await dismissFirstVisit(page);
	await startProgram(page, 'desk-break');
	await expect
		.poll(async () => (await counts(page)).utterances, { timeout: 10_000 })
		.toBeGreaterThanOrEqual(3);
	await expect(page.getByText(NO_VOICE)).toHaveCount(0);
	await expect(page.getByText('Spoken cues are not working')).toHaveCount(0);
});

test.describe('in a German browser, with only an English voice', () => {
	test.use({ locale: 'de-DE' });

	test('the player says, in German, that no German voice reads the cues', async ({ page }) => {
		await fakeSpeech(page, 'working');
		await startProgram(page, 'gentle-relief');
		await expect(
			page.getByText(
				'Dieses Gerät hat keine Stimme für Deutsch: Die Hinweise stehen auf dem Bildschirm, eine andere Stimme liest sie vielleicht vor.'
			)
		).toBeVisible();
		// Spoken cues still go to the browser (another voice may read them).
		await expect.poll(async () => (await counts(page)).utterances).toBeGreaterThan(0);
	});
});
