// The reminders' timer while the app runs (any page, any tab): a timeout armed for the next
// reminder time of any routine whose reminder is on (a deadline, re-armed after each check and at
// most an hour away, so a clock changed meanwhile is caught up), and a check again when the page
// becomes visible (timers sleep in a hidden tab) and when the session log changes (here or in
// another tab). Each check reads the log, shows through the service worker the reminders due now
// that were not shown yet (never while a session plays: the check after it is saved decides),
// and stores the plan the service worker uses for missed reminders when no page is open.
// Loaded by the shell only when some reminder is on. See docs/reminders.md, "Notifications".
import { defaultTimeZone } from '$lib/adherence/days';
import { findProgram } from '$lib/catalog/catalog';
import { programPath } from '$lib/paths';
import { sessionActivity } from '$lib/pwa/session-activity.svelte';
import { missedReminders, noticeText, withShown } from '$lib/reminders/notice-text';
import { reminderPlan } from '$lib/reminders/notices';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { settings } from '$lib/settings.svelte';
import { onSessionsChanged } from '$lib/storage/session-events';
import { listSessionDigests } from '$lib/storage/sessions';
import { notificationState, setPeriodicReminders } from './support';

/** The longest the timer waits (a clock set forward or back is noticed within this). */
const MAX_WAIT_MS = 60 * 60 * 1000;

/** A notice found more than this after its time says "Missed" rather than "Time for". */
const LATE_AFTER_MS = 15 * 60 * 1000;

async function programsWithReminders(ids: readonly string[]): Promise<ScheduledProgram[]> {
	const found = await Promise.all(ids.map((id) => findProgram(fetch, id).catch(() => null)));
	return found.flatMap((entry) =>
		entry
			? [{ id: entry.program.id, title: entry.program.title, schedule: entry.program.schedule }]
			: []
	);
}

function pageUrl(programId: string): string {
	return `${location.origin}${programPath(programId)}`;
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	if (!('serviceWorker' in navigator)) return undefined;
	return navigator.serviceWorker.getRegistration().catch(() => undefined);
}

/** One check: store the plan, show what is due now and not shown yet. Returns the next check. */
async function checkOnce(): Promise<number | null> {
	await settings.load();
	const { reminders, follows } = settings.values;
	const now = Date.now();
	const timeZone = defaultTimeZone();
	const ids = Object.keys(reminders).filter((id) => reminders[id]?.on);
	const programs = ids.length > 0 ? await programsWithReminders(ids) : [];
	const sessions = programs.length > 0 ? await listSessionDigests() : [];
	const plan = reminderPlan(programs, sessions, follows, reminders, now, pageUrl, { timeZone });
	if (JSON.stringify(plan) !== JSON.stringify(settings.values.reminderPlan)) {
		await settings.set('reminderPlan', plan);
	}
	const next = plan.find((notice) => notice.at > now)?.at ?? null;
	if (notificationState() !== 'granted' || sessionActivity.playing) return next;
	const due = missedReminders(plan, settings.values.remindersShown, now);
	if (due.length === 0) return next;
	const worker = await registration();
	if (!worker) return next;
	for (const notice of due) {
		const { title, body } = noticeText(notice, now - notice.at > LATE_AFTER_MS);
		await worker.showNotification(title, {
			body,
			tag: notice.tag,
			icon: '/icons/icon-192.png',
			data: { url: notice.url }
		});
	}
	await settings.set(
		'remindersShown',
		withShown(
			settings.values.remindersShown,
			due.map((notice) => notice.tag)
		)
	);
	return next;
}

/**
 * Starts the reminders' timer and checks once now; returns the function that stops it (for an
 * effect). Also registers the periodic wake-up for missed reminders where the browser offers it.
 */
export function startReminders(): () => void {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> | null = null;
	let again = false;

	const arm = (next: number | null) => {
		clearTimeout(timer);
		if (stopped) return;
		const wait =
			next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, next - Date.now()));
		timer = setTimeout(check, wait);
	};

	/** Whether a check was asked for while one ran (and forgets the request). */
	const takeAgain = () => {
		const asked = again && !stopped;
		again = false;
		return asked;
	};

	// Checks one at a time: a trigger during a check runs one more check after it.
	function check(): void {
		if (stopped) return;
		if (running) {
			again = true;
			return;
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
	}

	const onVisible = () => {
		if (document.visibilityState === 'visible') check();
	};
	document.addEventListener('visibilitychange', onVisible);
	const stopSessions = onSessionsChanged(check);
	check();
	if (notificationState() === 'granted') {
		void registration().then((worker) => worker && setPeriodicReminders(worker, true));
	}
	return () => {
		stopped = true;
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', onVisible);
		stopSessions();
	};
}

/** No reminder is on any more: forget the plan (so the worker shows nothing) and the wake-up. */
export async function stopAllReminders(): Promise<void> {
	await settings.load();
	if (settings.values.reminderPlan.length > 0) await settings.set('reminderPlan', []);
	const worker = await registration();
	if (worker) await setPeriodicReminders(worker, false);
}
