// The service worker's part of the reminders (docs/reminders.md, "Notifications"): a tap on a
// reminder opens its routine, and Periodic Background Sync (Chromium, installed app) shows a
// reminder that was missed while no page was open. The worker does no counting: it reads the
// plan the page stored (the `reminderPlan` setting, worked out from the session log after every
// check and every saved session) and the tags already shown, straight from IndexedDB.
import {
	isReminderTag,
	missedReminders,
	noticeText,
	withShown,
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
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => resolve(null);
		request.onblocked = () => resolve(null);
	});
}

function read(db: IDBDatabase, keys: string[]): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(SETTINGS_STORE, 'readonly');
		const store = tx.objectStore(SETTINGS_STORE);
		const requests = keys.map((key) => store.get(key));
		tx.oncomplete = () => resolve(requests.map((request) => request.result));
		tx.onerror = () => reject(tx.error);
	});
}

function write(db: IDBDatabase, key: string, value: unknown): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(SETTINGS_STORE, 'readwrite');
		tx.objectStore(SETTINGS_STORE).put(value, key);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
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
 * Shows the reminders missed so far whose slot is still open and which were not shown yet, as
 * "Missed: …", and remembers them as shown. Returns how many were shown.
 */
export async function showMissedReminders(
	registration: ServiceWorkerRegistration,
	now: number
): Promise<number> {
	const db = await openExisting();
	if (!db) return 0;
	try {
		const [plan, shown, reminders] = await read(db, [
			'reminderPlan',
			'remindersShown',
			'reminders'
		]);
		const shownTags = Array.isArray(shown) ? shown.filter((tag) => typeof tag === 'string') : [];
		const missed = missedReminders(stillOn(plan, reminders), shownTags, now);
		if (missed.length === 0) return 0;
		for (const notice of missed) {
			const { title, body } = noticeText(notice, true);
			await registration.showNotification(title, {
				body,
				tag: notice.tag,
				icon: '/icons/icon-192.png',
				data: { url: notice.url }
			});
		}
		await write(
			db,
			'remindersShown',
			withShown(
				shownTags,
				missed.map((notice) => notice.tag)
			)
		);
		const channel = new BroadcastChannel(SETTINGS_CHANNEL);
		channel.postMessage({ key: 'remindersShown' });
		channel.close();
		return missed.length;
	} finally {
		db.close();
	}
}

/** The page a reminder opens: its own address when it is one of this app's, else the library. */
export function reminderTarget(data: unknown, origin: string, base: string): string {
	const home = `${origin}${base}/`;
	const url = isObject(data) && typeof data.url === 'string' ? data.url : null;
	if (!url) return home;
	try {
		const target = new URL(url, origin);
		return target.origin === origin && target.pathname.startsWith(`${base}/`) ? target.href : home;
	} catch {
		return home;
	}
}

/**
 * Opens a reminder's routine: in an open window of the app (not one playing a session, which is
 * only brought to the front), else in a new one.
 */
export async function openReminder(clients: Clients, url: string): Promise<void> {
	const windows = (await clients.matchAll({ type: 'window' })) as WindowClient[];
	const idle = windows.find((client) => !new URL(client.url).pathname.includes('/play/'));
	if (idle) {
		const moved = await idle.navigate(url).catch(() => null);
		await (moved ?? idle).focus().catch(() => undefined);
		if (moved) return;
	} else if (windows[0]) {
		await windows[0].focus().catch(() => undefined);
		return;
	}
	await clients.openWindow(url);
}
