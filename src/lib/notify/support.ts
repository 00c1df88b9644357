// What this browser can do for reminders (docs/reminders.md, "What works where"): show
// notifications through the service worker (and whether the person allowed them), and register
// Periodic Background Sync (Chromium, installed app). The permission is asked only from a tap.

/** Notifications: allowed, blocked, not asked yet, or not offered by this browser at all. */
export type NotificationState = 'granted' | 'denied' | 'default' | 'unsupported';

import { PERIODIC_TAG } from '$lib/reminders/notice-text';

/** At most this often (ms) is asked for; the browser decides when it really comes. */
export const PERIODIC_MIN_INTERVAL_MS = 60 * 60 * 1000;

/** Whether this browser can show the app's notifications, and whether the person allowed it. */
export function notificationState(): NotificationState {
	if (typeof Notification === 'undefined' || typeof navigator === 'undefined') return 'unsupported';
	if (!('serviceWorker' in navigator)) return 'unsupported';
	return Notification.permission;
}

/** Whether this browser has Periodic Background Sync (Chromium; it fires for installed apps). */
export function hasPeriodicSync(): boolean {
	return (
		typeof ServiceWorkerRegistration !== 'undefined' &&
		'periodicSync' in ServiceWorkerRegistration.prototype
	);
}

/**
 * Asks for permission to show notifications. Call it directly inside a tap (iOS and the
 * browsers' quiet-prompt rules want a user gesture); resolves to the new state.
 */
export async function askNotificationPermission(): Promise<NotificationState> {
	if (notificationState() === 'unsupported') return 'unsupported';
	try {
		return await Notification.requestPermission();
	} catch {
		return notificationState();
	}
}

interface PeriodicSyncManager {
	register(tag: string, options?: { minInterval: number }): Promise<void>;
	unregister(tag: string): Promise<void>;
}

/**
 * Registers (or, with `on` false, removes) the periodic wake-up for missed reminders. Where the
 * browser lacks it, or refuses (not installed, not allowed), nothing happens: the page's own timer
 * and the calendar file remain.
 */
export async function setPeriodicReminders(
	registration: ServiceWorkerRegistration,
	on: boolean
): Promise<boolean> {
	const manager = (registration as { periodicSync?: PeriodicSyncManager }).periodicSync;
	if (!manager) return false;
	try {
		if (on) await manager.register(PERIODIC_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS });
		else await manager.unregister(PERIODIC_TAG);
		return true;
	} catch {
		return false;
	}
}
