// The reminders' timer while the app runs (any page, any tab): a timeout armed for the next
// reminder time of any routine whose reminder is on (a deadline, re-armed after each check and at
// most an hour away, so a clock changed meanwhile is caught up), and a check again when the page
// becomes visible (timers sleep in a hidden tab), when the session log changes (here or in another
// tab) and when a session here stops playing. Each check reads the log, stores the plan the
// service worker uses for missed reminders when no page is open, and asks the service worker to
// show the reminders due now that were not shown yet — never while a session plays on this
// device (in any tab: the player's Web Lock) or has answers waiting on this page.
// The notifications speak the interface's language (and the routine's title in it, where the
// routine has that translation). Loaded by the shell only when some reminder is on. See
// docs/reminders.md, "Notifications".
import { defaultTimeZone } from '$lib/adherence/days';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { findProgram } from '$lib/catalog/catalog';
import type { Locale } from '$lib/i18n/locale';
import { interfaceLocale } from '$lib/language.svelte';
import { programPath } from '$lib/paths';
import { localizeProgram } from '$lib/program/localize';
import { sessionActivity } from '$lib/pwa/session-activity.svelte';
import { missedReminders, showReminders, withShown } from '$lib/reminders/notice-text';
import { reminderPlan } from '$lib/reminders/notices';
import { settings } from '$lib/settings.svelte';
import { onSessionsChanged } from '$lib/storage/session-events';
import { listSessionDigests } from '$lib/storage/sessions';
import { PLAYER_LOCK, sessionPlayingOnDevice } from '$lib/pwa/device-busy';
import { notificationState, setPeriodicReminders } from './support';
import { askWorkerToShow } from './worker-show';

/** The longest the timer waits (a clock set forward or back is noticed within this). */
const MAX_WAIT_MS = 60 * 60 * 1000;

async function programsWithReminders(
	ids: readonly string[],
	locale: Locale
): Promise<ScheduledProgram[]> {
	const found = await Promise.all(ids.map((id) => findProgram(fetch, id).catch(() => null)));
	return found.flatMap((entry) => {
		if (!entry) return [];
		const { id, schedule } = entry.program;
		return [{ id, title: localizeProgram(entry.program, locale).title, schedule }];
	});
}

function pageUrl(programId: string): string {
	return `${location.origin}${programPath(programId)}`;
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	if (!('serviceWorker' in navigator)) return undefined;
	return navigator.serviceWorker.getRegistration().catch(() => undefined);
}

/** Whether this page has asked for the periodic wake-up already (once per page is enough). */
let periodicAsked = false;

/**
 * Whether reminders wait now: a session is on screen here, or has answers waiting on this page,
 * or plays in another tab (then this page checks again once that tab lets the player lock go).
 */
async function heldBack(): Promise<boolean> {
	if (sessionActivity.busy) return true;
	if (!(await sessionPlayingOnDevice())) return false;
	checkWhenPlayerLeaves();
	return true;
}

/** One check: store the plan, show what is due now and not shown yet. Returns the next check. */
async function checkOnce(): Promise<number | null> {
	await settings.load();
	const { reminders, follows } = settings.values;
	const now = Date.now();
	const timeZone = defaultTimeZone();
	const locale = interfaceLocale();
	const ids = Object.keys(reminders).filter((id) => reminders[id]?.on);
	const programs = ids.length > 0 ? await programsWithReminders(ids, locale) : [];
	const sessions = programs.length > 0 ? await listSessionDigests() : [];
	const plan = reminderPlan(programs, sessions, follows, reminders, now, pageUrl, { timeZone });
	if (JSON.stringify(plan) !== JSON.stringify(settings.values.reminderPlan)) {
		await settings.set('reminderPlan', plan);
	}
	const next = plan.find((notice) => notice.at > now)?.at ?? null;
	if (notificationState() !== 'granted') return next;
	const worker = await registration();
	if (!worker) return next;
	if (!periodicAsked && ids.length > 0) {
		periodicAsked = true;
		void setPeriodicReminders(worker, true);
	}
	if (await heldBack()) return next;
	if (missedReminders(plan, settings.values.remindersShown, now).length === 0) return next;
	// The worker claims and shows them from the plan just stored, and stays alive until they are
	// shown: a tab closed the moment after loses none ($lib/notify/worker-show.ts).
	const workerShown = await askWorkerToShow(worker, now);
	if (workerShown !== null) {
		// None shown: a session may have come on screen meanwhile (the worker looks too).
		if (workerShown === 0 && (await sessionPlayingOnDevice())) checkWhenPlayerLeaves();
		return next;
	}
	// The worker could not show them (none active yet, one of an older version, or it failed):
	// this page does, unless a session came on screen while it waited for the answer. Claimed in
	// one transaction before showing: whatever another tab or the worker recorded meanwhile is
	// kept, and a slot it already showed is not shown again here.
	if (await heldBack()) return next;
	const later = Date.now();
	let claimed: typeof plan = [];
	await settings.update('remindersShown', (shown) => {
		claimed = missedReminders(plan, shown, later);
		return withShown(
			shown,
			claimed.map((notice) => notice.tag)
		);
	});
	await showReminders(worker, claimed, later, locale);
	return next;
}

/** Whether this page waits for another tab's session to leave the screen. */
let waitingForPlayer = false;

/**
 * Checks again once no tab holds the player lock: a session ending in another tab writes to the
 * log (which asks for a check) a moment before it lets the lock go, and nothing else would ask
 * until the next reminder time. A shared request waits behind the player's exclusive lock and is
 * let go at once; a player taking the lock steals it anyway.
 */
function checkWhenPlayerLeaves(): void {
	const locks = (navigator as { locks?: LockManager }).locks;
	if (!locks || waitingForPlayer) return;
	waitingForPlayer = true;
	locks
		.request(PLAYER_LOCK, { mode: 'shared' }, () => Promise.resolve())
		.catch(() => {})
		.finally(() => {
			waitingForPlayer = false;
			if (active > 0) void checkReminders();
		});
}

// One check at a time on this page, whichever runner (or button) asked: a request during a check
// runs one more check after it.
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
let again = false;
let active = 0;

function arm(next: number | null): void {
	clearTimeout(timer);
	if (active === 0) return;
	const wait = next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, next - Date.now()));
	timer = setTimeout(() => void checkReminders(), wait);
}

/** Whether a check was asked for while one ran (and forgets the request). */
function takeAgain(): boolean {
	const asked = again;
	again = false;
	return asked;
}

/** Checks now (after the check under way, if any) and re-arms the timer. */
export function checkReminders(): Promise<void> {
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			try {
				arm(await checkOnce());
			} catch {
				// Storage or the worker failed: try again at the latest in an hour.
				arm(null);
			}
		} while (takeAgain());
		running = null;
	})();
	return running;
}

/**
 * Starts the reminders' timer and checks once now; returns the function that stops it (for an
 * effect). The periodic wake-up for missed reminders is asked for where the browser offers it.
 */
export function startReminders(): () => void {
	active += 1;
	const onVisible = () => {
		if (document.visibilityState === 'visible') void checkReminders();
	};
	document.addEventListener('visibilitychange', onVisible);
	const stopSessions = onSessionsChanged(() => void checkReminders());
	void checkReminders();
	return () => {
		active -= 1;
		if (active === 0) clearTimeout(timer);
		document.removeEventListener('visibilitychange', onVisible);
		stopSessions();
	};
}

/** No reminder is on any more: forget the plan (so the worker shows nothing) and the wake-up. */
export async function stopAllReminders(): Promise<void> {
	await settings.load();
	if (settings.values.reminderPlan.length > 0) await settings.set('reminderPlan', []);
	periodicAsked = false;
	const worker = await registration();
	if (worker) await setPeriodicReminders(worker, false);
}
