// Reminder notifications end to end (Chromium, notification permission granted in the test's
// context): the page's timer shows the reminder through the service worker at its time (the page's
// fake clock), a tap on it opens the routine (the worker's notificationclick handler), a slot
// already done shows nothing, and the worker's Periodic Background Sync handler shows a missed
// reminder from the stored plan once. Also "Remind me here" and Settings' list.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startProgram } from './helpers/app';
import {
	importProgram,
	LOCALE,
	playToEnd,
	QUICK_PROGRAM,
	QUICK_PROGRAM_MS,
	saveSummary,
	startClock,
	TIME_ZONE
} from './helpers/history';
import { readSetting } from './helpers/idb';
import { waitForController } from './helpers/service-worker';

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

interface Shown {
	title: string;
	body: string;
	tag: string;
	url: unknown;
}

/** The notifications this origin shows now (read through the service worker's registration). */
function shownNotifications(page: Page): Promise<Shown[]> {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (await registration.getNotifications()).map((n) => ({
			title: n.title,
			body: n.body,
			tag: n.tag,
			url: (n.data as { url?: unknown } | null)?.url
		}));
	});
}

/** The app's service worker, as Playwright sees it (Chromium). */
async function serviceWorker(context: BrowserContext): Promise<Worker> {
	return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Turns a routine's reminders on with its page's checkbox, once the page is live. */
async function turnRemindersOn(page: Page, id: string, title: string): Promise<void> {
	await page.goto(`/programs/${id}/`);
	await waitForController(page);
	const box = page.getByRole('checkbox', { name: `Remind me to do ${title}` });
	await expect(async () => {
		if (!(await box.isChecked())) await box.check({ timeout: 2_000 });
		await expect(box).toBeChecked({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	// Turning reminders on follows the routine.
	await expect(page.getByRole('button', { name: 'Stop following' })).toBeVisible();
}

test.describe('with notifications allowed', () => {
	test.beforeEach(async ({ context }) => {
		await context.grantPermissions(['notifications']);
	});

	test('a reminder comes at its time, and tapping it opens the routine', async ({
		page,
		context
	}) => {
		test.setTimeout(90_000);
		// Wednesday 11 June 2025, 12:50 in Berlin: Gentle relief reminds at 08:00, 13:00 and 19:00.
		await startClock(page, '2025-06-11T12:50:00+02:00');
		await turnRemindersOn(page, 'gentle-relief', 'Gentle relief');
		const section = page.getByRole('region', { name: 'Reminders' });
		await expect(
			section.getByText(/^Notifications on this device: Yes: at your times/)
		).toBeVisible();
		// No "Remind me here": the permission is already given.
		await expect(section.getByRole('button', { name: 'Remind me here' })).toHaveCount(0);

		// Turned on at 12:50: the 08:00 reminder the person just chose is not announced late.
		await page.clock.runFor(5_000);
		expect(await shownNotifications(page)).toEqual([]);

		// The library stays open; at 13:00 the reminder comes.
		await page.goto('/');
		await page.clock.runFor('10:30');
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				{
					title: 'Time for Gentle relief',
					body: 'Your 13:00 session (0 of 3 today).',
					tag: 'limber-reminder gentle-relief 2025-06-11 1',
					url: expect.stringMatching(/\/programs\/gentle-relief\/$/)
				}
			]);

		// A tap on it (the worker's notificationclick; dispatched here, as no test can tap the
		// system's notification) opens the routine in the open window.
		const worker = await serviceWorker(context);
		await worker.evaluate(async () => {
			const scope = self as unknown as ServiceWorkerGlobalScope;
			const [notification] = await scope.registration.getNotifications();
			if (!notification) throw new Error('no notification to tap');
			try {
				scope.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
			} catch {
				// waitUntil refuses an event the browser did not send; the handler has started.
			}
		});
		await expect(page).toHaveURL(/\/programs\/gentle-relief\/$/);
		await expect.poll(() => shownNotifications(page)).toEqual([]);
	});

	test('a slot already done shows nothing; the next chosen day reminds again', async ({ page }) => {
		test.setTimeout(90_000);
		// Wednesday 07:50: Quick check (once a day, three days a week: Mon, Wed, Fri at 08:00).
		await startClock(page, '2025-06-11T07:50:00+02:00');
		await importProgram(page, QUICK_PROGRAM);
		await turnRemindersOn(page, QUICK_PROGRAM.id, QUICK_PROGRAM.title);
		await startProgram(page, QUICK_PROGRAM.id);
		await playToEnd(page, QUICK_PROGRAM_MS);
		await saveSummary(page, { painAfter: 2 });

		await page.goto('/');
		await page.clock.runFor('10:00');
		// 08:00 came and went: today's session is done, so no reminder.
		await page.waitForTimeout(1_500);
		expect(await shownNotifications(page)).toEqual([]);

		// Thursday is not a chosen day; Friday 08:00 is, and nothing is done yet that day.
		await page.clock.fastForward('48:00:00');
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				expect.objectContaining({
					title: 'Time for Quick check',
					tag: 'limber-reminder e2e-quick-check 2025-06-13 0'
				})
			]);
	});

	test('Periodic Background Sync shows a missed reminder from the stored plan, once', async ({
		page,
		context
	}) => {
		// The app creates its database on the first visit.
		await page.goto('/');
		await expect(page.getByRole('button', { name: 'OK, got it' })).toBeVisible();
		await waitForController(page);
		// A window of this origin where the app's timer is not running (a static file), so that
		// only the worker acts: the stored plan is written as the page's timer would write it.
		await page.goto('/favicon.svg');
		await page.evaluate(async () => {
			const now = Date.now();
			const entry = (programId: string, at: number, until: number, slot: number) => ({
				tag: `limber-reminder ${programId} today ${slot}`,
				programId,
				title: programId === 'gentle-relief' ? 'Gentle relief' : 'Desk break',
				time: '13:00',
				progress: '1 of 3 today',
				url: `${location.origin}/programs/${programId}/`,
				at,
				until
			});
			const values: Record<string, unknown> = {
				reminders: {
					'gentle-relief': { times: ['13:00'], days: [1, 2, 3, 4, 5, 6, 7], on: true },
					'desk-break': { times: ['13:00'], days: [1, 2, 3, 4, 5, 6, 7], on: false }
				},
				reminderPlan: [
					entry('gentle-relief', now - 60_000, now + 3_600_000, 1),
					// Turned off since the plan was stored: not shown.
					entry('desk-break', now - 60_000, now + 3_600_000, 1),
					// Not yet due.
					entry('gentle-relief', now + 3_600_000, now + 7_200_000, 2)
				],
				remindersShown: []
			};
			await new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readwrite');
					for (const [key, value] of Object.entries(values))
						tx.objectStore('settings').put(value, key);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			});
		});

		const worker = await serviceWorker(context);
		const wake = () =>
			worker.evaluate(async () => {
				const scope = self as unknown as ServiceWorkerGlobalScope;
				const Sync = (scope as unknown as { PeriodicSyncEvent?: typeof ExtendableEvent })
					.PeriodicSyncEvent;
				const event = Sync
					? new Sync('periodicsync', { tag: 'limber-reminders' } as ExtendableEventInit)
					: Object.assign(new ExtendableEvent('periodicsync'), { tag: 'limber-reminders' });
				try {
					scope.dispatchEvent(event);
				} catch {
					// waitUntil refuses an event the browser did not send; the handler has started.
				}
			});
		await wake();
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				{
					title: 'Missed: Gentle relief at 13:00',
					body: 'Not done yet (1 of 3 today). There is still time today.',
					tag: 'limber-reminder gentle-relief today 1',
					url: expect.stringMatching(/\/programs\/gentle-relief\/$/)
				}
			]);
		// Remembered as shown: closed and woken again, it does not come back.
		await expect
			.poll(() => readSetting(page, 'remindersShown'))
			.toEqual(['limber-reminder gentle-relief today 1']);
		await worker.evaluate(async () => {
			const scope = self as unknown as ServiceWorkerGlobalScope;
			for (const n of await scope.registration.getNotifications()) n.close();
		});
		await wake();
		await page.waitForTimeout(1_000);
		expect(await shownNotifications(page)).toEqual([]);
	});

	test('Settings lists the reminders of the routines followed, with on and off', async ({
		page
	}) => {
		await turnRemindersOn(page, 'gentle-relief', 'Gentle relief');
		await page.goto('/settings/');
		const section = page.getByRole('region', { name: 'Reminders' });
		const relief = section.getByRole('checkbox', { name: 'Gentle relief' });
		await expect(relief).toBeChecked();
		await expect(section.getByText('08:00, 13:00 and 19:00, every day')).toBeVisible();
		await expect(
			section.getByRole('link', { name: 'Change times for Gentle relief' })
		).toHaveAttribute('href', '/programs/gentle-relief/');
		await expect(section.getByText(/^Yes: at your times, while Limber is open/)).toBeVisible();
		await expect(section.getByText(/^Perhaps: when Limber is installed/)).toBeVisible();

		await relief.uncheck();
		await expect
			.poll(() => readSetting(page, 'reminders'))
			.toEqual({
				'gentle-relief': expect.objectContaining({ on: false })
			});
		await page.reload();
		await expect(section.getByRole('checkbox', { name: 'Gentle relief' })).not.toBeChecked();
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const results = await new AxeBuilder({ page })
				.include('#reminders-settings-heading')
				.include('section:has(#reminders-settings-heading)')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(results.violations.map((violation) => violation.id)).toEqual([]);
		}
	});
});

test('"Remind me here" asks for permission only when tapped, and turns reminders on', async ({
	page,
	context
}) => {
	await page.goto('/programs/gentle-relief/');
	const section = page.getByRole('region', { name: 'Reminders' });
	const here = section.getByRole('button', { name: 'Remind me here' });
	await expect(here).toBeVisible();
	await expect(section.getByText(/tap “Remind me here”/)).toBeVisible();
	// Nothing was asked on the way here.
	expect(await page.evaluate(() => Notification.permission)).toBe('default');
	await context.grantPermissions(['notifications']);
	await expect(async () => {
		if (await here.isVisible()) await here.click({ timeout: 2_000 });
		await expect(
			section.getByRole('checkbox', { name: 'Remind me to do Gentle relief' })
		).toBeChecked({
			timeout: 2_000
		});
	}).toPass({ timeout: 30_000 });
	await expect(here).toHaveCount(0);
});
