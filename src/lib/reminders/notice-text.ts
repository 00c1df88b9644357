// A reminder notification: what it carries, its tag, its words, and which stored ones the service
// worker shows as missed. Kept apart from the counting (./notices.ts) and free of imports but its
// messages, so the service worker can use it without carrying the adherence code. The words are
// in the locale the caller passes (the worker reads the person's `language` setting). See
// docs/reminders.md and docs/i18n.md.
import { isLocale, resolveLocale, type LanguageChoice, type Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';

/** The Periodic Background Sync tag under which the worker is woken for missed reminders. */
export const PERIODIC_TAG = 'limber-reminders';

/** One reminder notification, shown now or planned for later. */
export interface ReminderNotice {
	/** `limber-reminder <program id> <day> <HH:MM>`: one notification per routine, day and time. */
	tag: string;
	programId: string;
	/** The routine's title. */
	title: string;
	/** The slot's reminder time, "HH:MM" local. */
	time: string;
	/** Today's progress when the notice was worked out: "1 of 3 today" (in English). */
	progress: string;
	/** The same in figures, for the words in the person's language: sessions done today… */
	done?: number;
	/** …of the sessions a day the schedule asks for. (Older stored plans have only `progress`.) */
	of?: number;
	/** The routine's page (same origin), which a tap on the notification opens. */
	url: string;
	/** When the slot opens (ms): the reminder time on its day. */
	at: number;
	/** When the slot closes (ms): the routine's next reminder time that day, or local midnight. */
	until: number;
}

/**
 * The tag of a routine's reminder for one slot of one day, named by the slot's time (not its
 * place in the list, which changes when a time is added before it): a re-check replaces, never
 * adds, and a slot shown once is known as shown after the times are edited.
 */
export function noticeTag(programId: string, day: string, time: string): string {
	return `limber-reminder ${programId} ${day} ${time}`;
}

/** A notice found this long after its time says "Missed" rather than "Time for". */
export const LATE_AFTER_MS = 15 * 60 * 1000;

/** Whether a notice shown at `now` comes late (see LATE_AFTER_MS). */
export function isLate(notice: Pick<ReminderNotice, 'at'>, now: number): boolean {
	return now - notice.at > LATE_AFTER_MS;
}

/**
 * The page a tap on a reminder opens: its own address when that is a routine's page of this app
 * (same origin, under `<base>/programs/`), else the library. Anything else in the data (another
 * origin, `javascript:`, a path outside the routines) opens the library.
 */
export function reminderTarget(data: unknown, origin: string, base: string): string {
	const home = `${origin}${base}/`;
	const url =
		typeof data === 'object' && data !== null && typeof (data as { url?: unknown }).url === 'string'
			? (data as { url: string }).url
			: null;
	if (url === null) return home;
	try {
		const target = new URL(url, origin);
		const ok = target.origin === origin && target.pathname.startsWith(`${base}/programs/`);
		return ok ? target.href : home;
	} catch {
		return home;
	}
}

/** The message the worker posts to an open window of the app when a reminder is tapped. */
export interface OpenReminderMessage {
	type: 'open-reminder';
	/** Path and query of the routine's page on this origin. */
	path: string;
}

/**
 * What a page posts to the active service worker to have the reminders due at `now` claimed and
 * shown there (src/service-worker/reminders.ts, $lib/notify/worker-show.ts): the worker keeps
 * itself alive until they are shown, so a tab closed the moment after asking loses none. `now` is
 * the page's time, so that the check and the showing agree on the moment. The worker answers on
 * the message's port (ShowRemindersReply).
 */
export interface ShowRemindersMessage {
	type: 'SHOW_REMINDERS';
	now: number;
}

/**
 * The worker's answer, on the message's port: how many reminders it showed, or null when it
 * could not read or claim them (the page then shows them itself).
 */
export interface ShowRemindersReply {
	shown: number | null;
}

/** Whether a message posted to the worker asks it to show the reminders due (a valid time). */
export function isShowRemindersMessage(data: unknown): data is ShowRemindersMessage {
	if (typeof data !== 'object' || data === null) return false;
	const { type, now } = data as { type?: unknown; now?: unknown };
	return type === 'SHOW_REMINDERS' && typeof now === 'number' && Number.isFinite(now) && now >= 0;
}

/** Whether a tag is one of the reminders' (and not some other notification's). */
export function isReminderTag(tag: string): boolean {
	return tag.startsWith('limber-reminder ');
}

/**
 * The language of the notifications as the worker reads it: the stored `language` setting, with
 * 'auto' (the default, also when nothing or something unknown is stored) the browser's preferred
 * languages, as the pages resolve it ($lib/language.svelte).
 */
export function reminderLocale(stored: unknown, preferred: readonly string[]): Locale {
	const choice: LanguageChoice = isLocale(stored) ? stored : 'auto';
	return resolveLocale(choice, preferred);
}

/**
 * The notification's title and body: on time, or late (shown after its time by the worker), in
 * `locale` (English unless told). Today's progress is written from its figures when the notice
 * has them, else the stored words are used.
 */
export function noticeText(
	notice: Pick<ReminderNotice, 'title' | 'time' | 'progress' | 'done' | 'of'>,
	late = false,
	locale: Locale = 'en'
): { title: string; body: string } {
	const { title, time } = notice;
	const progress =
		typeof notice.done === 'number' && typeof notice.of === 'number'
			? m.reminders_due_count({ done: notice.done, of: notice.of }, { locale })
			: notice.progress;
	return late
		? {
				title: m.reminders_missed_title({ title, time }, { locale }),
				body: m.reminders_missed_body({ progress }, { locale })
			}
		: {
				title: m.reminders_notice_title({ title }, { locale }),
				body: m.reminders_notice_body({ time, progress }, { locale })
			};
}

/**
 * Of a stored plan, the reminders to show at `now` that were not shown yet: those whose slot is
 * open now (opened at or before `now`, not yet closed) and whose tag is not in `shown`. At most
 * one per routine (its latest slot).
 */
export function missedReminders(
	plan: readonly ReminderNotice[],
	shown: readonly string[],
	now: number
): ReminderNotice[] {
	const seen = new Set(shown);
	const latest = new Map<string, ReminderNotice>();
	for (const notice of plan) {
		if (notice.at > now || now >= notice.until || seen.has(notice.tag)) continue;
		const kept = latest.get(notice.programId);
		if (!kept || notice.at > kept.at) latest.set(notice.programId, notice);
	}
	return [...latest.values()];
}

/** Most tags remembered as shown (older ones are dropped first). */
export const MAX_SHOWN = 200;

/** `shown` with `tags` added, each once, keeping the newest MAX_SHOWN. */
export function withShown(shown: readonly string[], tags: readonly string[]): string[] {
	return [...new Set([...shown, ...tags])].slice(-MAX_SHOWN);
}

/** What showing a notification needs (a ServiceWorkerRegistration, in a page or the worker). */
interface NotificationShower {
	showNotification(title: string, options: NotificationOptions): Promise<void>;
	/** The notifications on screen (to check that a shown one stayed). */
	getNotifications?(): Promise<readonly { tag: string }[]>;
}

/** How long to wait before showing again a reminder the system did not keep (ms). */
export const SHOW_AGAIN_AFTER_MS = 300;

const realWait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Of `notices`, those not on screen now (none when the list cannot be read). */
async function notOnScreen(
	registration: NotificationShower,
	notices: readonly ReminderNotice[]
): Promise<ReminderNotice[]> {
	if (!registration.getNotifications) return [];
	try {
		const tags = new Set((await registration.getNotifications()).map((shown) => shown.tag));
		return notices.filter((notice) => !tags.has(notice.tag));
	} catch {
		return [];
	}
}

/**
 * Shows reminders through the service worker's registration: "Time for …", or "Missed: …" when
 * found late; the tag replaces any earlier one, and a tap opens `url` (the worker's
 * notificationclick). Used by the page's timer and by the worker alike, each passing the person's
 * language. A reminder is claimed (recorded as shown) before this runs, so one the system drops
 * would be lost for good: Chromium 150 drops one being shown at the moment a tab of the app
 * closes (the tab where a session just ended, say). So each one not on screen afterwards is shown
 * once more after a short pause; with the same tag, a second showing replaces, never doubles.
 */
export async function showReminders(
	registration: NotificationShower,
	notices: readonly ReminderNotice[],
	now: number,
	locale: Locale = 'en',
	wait: (ms: number) => Promise<void> = realWait
): Promise<void> {
	const show = async (list: readonly ReminderNotice[]) => {
		for (const notice of list) {
			const { title, body } = noticeText(notice, isLate(notice, now), locale);
			await registration.showNotification(title, {
				body,
				tag: notice.tag,
				icon: '/icons/icon-192.png',
				data: { url: notice.url }
			});
		}
	};
	await show(notices);
	if (notices.length === 0) return;
	const dropped = await notOnScreen(registration, notices);
	if (dropped.length === 0) return;
	await wait(SHOW_AGAIN_AFTER_MS);
	await show(dropped);
}
