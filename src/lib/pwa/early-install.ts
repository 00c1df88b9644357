// Catches the browser's install events from the moment the app's code runs, because the
// install module itself loads only after the page has (see $lib/defer); the browser fires
// `beforeinstallprompt` once and would otherwise be missed. Kept tiny: it is first-load code.

let prompt: Event | null = null;
let installed = false;
let listening = false;

function onPrompt(event: Event): void {
	event.preventDefault();
	prompt = event;
}

function onInstalled(): void {
	installed = true;
	prompt = null;
}

/** Starts listening for the install events (once; later calls do nothing). */
export function catchEarlyInstallEvents(target: EventTarget = window): void {
	if (listening) return;
	listening = true;
	target.addEventListener('beforeinstallprompt', onPrompt);
	target.addEventListener('appinstalled', onInstalled);
}

/** Stops listening and hands over what arrived: the install module listens from then on. */
export function takeEarlyInstallEvents(target: EventTarget = window): {
	prompt: Event | null;
	installed: boolean;
} {
	target.removeEventListener('beforeinstallprompt', onPrompt);
	target.removeEventListener('appinstalled', onInstalled);
	listening = false;
	const early = { prompt, installed };
	prompt = null;
	installed = false;
	return early;
}
