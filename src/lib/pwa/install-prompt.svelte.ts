// The browser's own install prompt (Chromium's `beforeinstallprompt`), kept until the person
// taps "Install app". Safari has no such event: see IosInstallHelp.svelte for its how-to.
import { takeEarlyInstallEvents } from './early-install';

/** The event Chromium fires when the app can be installed (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<unknown>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform?: string }>;
}

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

class InstallPrompt {
	#event: BeforeInstallPromptEvent | null = null;
	/** The browser offered installation and it has not been used yet. */
	available = $state(false);
	/** The app was installed during this visit. */
	installed = $state(false);

	/** Keeps the browser's prompt for later instead of letting the browser show it now. */
	capture(event: BeforeInstallPromptEvent): void {
		event.preventDefault();
		this.#event = event;
		this.available = true;
	}

	/** Shows the browser's install dialog (a prompt can be used once) and reports the choice. */
	async prompt(): Promise<InstallOutcome> {
		const event = this.#event;
		if (!event) return 'unavailable';
		this.#event = null;
		this.available = false;
		await event.prompt();
		const { outcome } = await event.userChoice;
		return outcome;
	}

	/** Records that the app is installed: the button goes away. */
	markInstalled(): void {
		this.#event = null;
		this.available = false;
		this.installed = true;
	}
}

/** The one install prompt of the page, shared by every "Install app" button. */
export const installPrompt = new InstallPrompt();

/** Listens for the install events on `target` (the window); returns the unsubscribe. */
export function listenForInstallPrompt(target: EventTarget = window): () => void {
	// Events that came before this module loaded were kept by early-install.ts.
	const early = takeEarlyInstallEvents(target);
	if (early.installed) installPrompt.markInstalled();
	else if (early.prompt) installPrompt.capture(early.prompt as BeforeInstallPromptEvent);
	const onPrompt = (event: Event) => installPrompt.capture(event as BeforeInstallPromptEvent);
	const onInstalled = () => installPrompt.markInstalled();
	target.addEventListener('beforeinstallprompt', onPrompt);
	target.addEventListener('appinstalled', onInstalled);
	return () => {
		target.removeEventListener('beforeinstallprompt', onPrompt);
		target.removeEventListener('appinstalled', onInstalled);
	};
}
