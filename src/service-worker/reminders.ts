// The service worker's part of the reminders (docs/reminders.md, "Notifications"): a tap on a
// reminder opens its routine, and Periodic Background Sync (Chromium, installed app) shows a
// reminder that was missed while no page was open. The worker does no counting: it reads the
// plan the page stored (the `reminderPlan` setting, worked out from the session log after every
// check and every saved session) and the tags already shown, straight from IndexedDB; and the
// person's `language` setting, so that a reminder speaks the language the app does.
import { sessionPlayingOnDevice } from '$lib/pwa/device-busy';
import {
	isReminderTag,
	missedReminders,
	reminderLocale,
	showReminders,
	withShown,
	type OpenReminderMessage,
	type ReminderNotice
} from '$lib/reminders/notice-text';
import { DB_NAME, SETTINGS_STORE } from '$lib/storage/db-name';

/** The settings channel's name (src/lib/settings.svelte.ts): pages read a key again on a message. */
const SETTINGS_CHANNEL = 'limber-settings';

/** Opens the app's database if it exists (never creates it: the app's migrations do that). */
function openExisting(): Promise<IDBDatabase | null> {
	return new Promise((resolve) => {
		const request = indexedDB.open(DB_NAME);
		// Only a database that does not exist yet needs an upgrade here: abandon it.
		request.onupgradeneeded = () => request.transaction?.abort();
		request.onsuccess = () => {
			const db = request.result;
			// A newer app version upgrading the database must never wait for the worker.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		request.onerror = () => resolve(null);
		request.onblocked = () => resolve(null);
	});
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

/** Plan entries whose routine still has its reminder on (a plan may be older than a change). */
function stillOn(plan: unknown, reminders: unknown): ReminderNotice[] {
	if (!Array.isArray(plan) || !isObject(reminders)) return [];
	return plan.filter((entry): entry is ReminderNotice => {
		if (!isObject(entry) || typeof entry.programId !== 'string' || typeof entry.tag !== 'string') {
			return false;
		}
		const setting = Object.hasOwn(reminders, entry.programId) ? reminders[entry.programId] : null;
		return isObject(setting) && setting.on === true && isReminderTag(entry.tag);
	});
}

/**
 * In one read-write transaction: reads the plan, the reminder settings, the shown tags and the
 * language, picks the reminders to show at `now`, and records them as shown (so a page checking
 * at the same moment does not show them too). Resolves once the transaction has committed.
 */
function claimMissed(
	db: IDBDatabase,
	now: number
): Promise<{ claimed: ReminderNotice[]; language: unknown }> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(SETTINGS_STORE, 'readwrite');
		const store = tx.objectStore(SETTINGS_STORE);
		const language = store.get('language');
		const plan = store.get('reminderPlan');
		const reminders = store.get('reminders');
		const shown = store.get('remindersShown');
		let claimed: ReminderNotice[] = [];
		shown.onsuccess = () => {
			const tags: string[] = Array.isArray(shown.result)
				? shown.result.filter((tag): tag is string => typeof tag === 'string')
				: [];
			claimed = missedReminders(stillOn(plan.result, reminders.result), tags, now);
			if (claimed.length > 0) {
				store.put(
					withShown(
						tags,
						claimed.map((notice) => notice.tag)
					),
					'remindersShown'
				);
			}
		};
		tx.oncomplete = () => resolve({ claimed, language: language.result });
		tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
	});
}

/**
 * Shows the reminders whose slot is open and which were not shown yet ("Missed: …" when found
 * late), unless a session is on screen on this device, and records them as shown. Returns how
 * many were shown, or null when the database could not be opened or the claim failed (a page
 * that asked then shows them itself).
 */
export async function showMissedReminders(
	registration: ServiceWorkerRegistration,
	now: number
): Promise<number | null> {
	if (await sessionPlayingOnDevice()) return 0;
	const db = await openExisting();
	if (!db) return null;
	let claimed: ReminderNotice[];
	let language: unknown;
	try {
		({ claimed, language } = await claimMissed(db, now));
	} catch {
		return null;
	} finally {
		db.close();
	}
	await showReminders(registration, claimed, now, reminderLocale(language, navigator.languages));
	if (claimed.length > 0) {
		const channel = new BroadcastChannel(SETTINGS_CHANNEL);
		channel.postMessage({ key: 'remindersShown' });
		channel.close();
	}
	return claimed.length;
}

/**
 * Opens a reminder's routine. With a window of the app open, that window is asked to go there
 * (a message: the page itself knows whether a session is on screen, and then stays where it is)
 * and brought to the front; with none, a new window opens. The worker never navigates a window
 * itself: a window's `url` is where it was loaded, not where the app has moved since.
 */
export async function openReminder(clients: Clients, url: string): Promise<void> {
	const windows = (await clients.matchAll({ type: 'window' })) as WindowClient[];
	const target = windows.find((client) => client.focused) ?? windows[0];
	if (!target) {
		await clients.openWindow(url);
		return;
	}
	const { pathname, search } = new URL(url);
	target.postMessage({
		type: 'open-reminder',
		path: pathname + search
	} satisfies OpenReminderMessage);
	await target.focus().catch(() => undefined);
}
