// Asking the service worker to claim and show the reminders a page found due
// (docs/reminders.md, "The worker shows what a page found due"). The worker keeps itself alive
// until they are shown, so a tab closed the moment after asking loses none. It answers on the
// message's port with how many it showed, or null when it could not read or claim them; that,
// no active worker, or no answer in time (a worker of an older version that does not know the
// message) tells the page to show them itself. A claim is one IndexedDB transaction on either side, so a late answer after the page
// showed them never shows one twice.
import type { ShowRemindersMessage, ShowRemindersReply } from '$lib/reminders/notice-text';

/** How long the page waits for the worker's answer before showing the reminders itself. */
export const WORKER_ANSWER_MS = 5_000;

/** The part of a ServiceWorkerRegistration used here. */
export interface ActiveWorkerHolder {
	active: { postMessage(message: unknown, transfer: Transferable[]): void } | null;
}

export interface WorkerShowOptions {
	/** How long to wait for the answer (default WORKER_ANSWER_MS). */
	timeoutMs?: number;
}

/**
 * Posts `{ type: 'SHOW_REMINDERS', now }` to the active worker and resolves to how many
 * reminders it showed, or to null when there is no active worker, it could not show them, or it
 * did not answer within the time (then the page shows them itself).
 */
export function askWorkerToShow(
	registration: ActiveWorkerHolder,
	now: number,
	options: WorkerShowOptions = {}
): Promise<number | null> {
	const worker = registration.active;
	if (!worker) return Promise.resolve(null);
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const done = (shown: number | null) => {
			clearTimeout(timer);
			channel.port1.onmessage = null;
			channel.port1.close();
			resolve(shown);
		};
		const timer = setTimeout(() => done(null), options.timeoutMs ?? WORKER_ANSWER_MS);
		channel.port1.onmessage = (event: MessageEvent<unknown>) => {
			const shown = (event.data as Partial<ShowRemindersReply> | null)?.shown;
			done(typeof shown === 'number' ? shown : null);
		};
		try {
			worker.postMessage({ type: 'SHOW_REMINDERS', now } satisfies ShowRemindersMessage, [
				channel.port2
			]);
		} catch {
			done(null);
		}
	});
}
