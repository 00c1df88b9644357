import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	installPrompt,
	listenForInstallPrompt,
	type BeforeInstallPromptEvent
} from './install-prompt.svelte';
import { catchEarlyInstallEvents } from './early-install';

function fakePromptEvent(outcome: 'accepted' | 'dismissed') {
	const event = new Event('beforeinstallprompt', { cancelable: true }) as BeforeInstallPromptEvent;
	const prompt = vi.fn(async () => undefined);
	Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
	return { event, prompt };
}

describe('install prompt', () => {
	const target = new EventTarget();
	let stop: () => void = () => {};
	afterEach(() => {
		stop();
		installPrompt.markInstalled();
		installPrompt.installed = false;
	});

	it('keeps the browser prompt, offers it once, and reports the choice', async () => {
		stop = listenForInstallPrompt(target);
		expect(installPrompt.available).toBe(false);
		expect(await installPrompt.prompt()).toBe('unavailable');

		const { event, prompt } = fakePromptEvent('accepted');
		target.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
		expect(installPrompt.available).toBe(true);

		expect(await installPrompt.prompt()).toBe('accepted');
		expect(prompt).toHaveBeenCalledTimes(1);
		expect(installPrompt.available).toBe(false);
		expect(await installPrompt.prompt()).toBe('unavailable');
	});

	it('hides the button once the app is installed and stops listening when asked', () => {
		stop = listenForInstallPrompt(target);
		target.dispatchEvent(fakePromptEvent('dismissed').event);
		expect(installPrompt.available).toBe(true);
		target.dispatchEvent(new Event('appinstalled'));
		expect(installPrompt.available).toBe(false);
		expect(installPrompt.installed).toBe(true);

		stop();
		target.dispatchEvent(fakePromptEvent('dismissed').event);
		expect(installPrompt.available).toBe(false);
	});

	it('takes over a prompt that arrived before it was listening', async () => {
		catchEarlyInstallEvents(target);
		const { event, prompt } = fakePromptEvent('dismissed');
		target.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
		expect(installPrompt.available).toBe(false);

		stop = listenForInstallPrompt(target);
		expect(installPrompt.available).toBe(true);
		expect(await installPrompt.prompt()).toBe('dismissed');
		expect(prompt).toHaveBeenCalledTimes(1);
	});

	it('knows about an install that happened before it was listening', () => {
		catchEarlyInstallEvents(target);
		target.dispatchEvent(fakePromptEvent('accepted').event);
		target.dispatchEvent(new Event('appinstalled'));
		stop = listenForInstallPrompt(target);
		expect(installPrompt.installed).toBe(true);
		expect(installPrompt.available).toBe(false);
	});
});
