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
import { readSetting, readStore } from './helpers/idb';
import { waitForController } from './helpers/service-worker';

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

// The worker's own types, as far as the code evaluated inside it needs them (the tests are
// compiled with the DOM's types, not the worker's).
interface WorkerScope {
	registration: { getNotifications(): Promise<{ close(): void }[]> };
	dispatchEvent(event: Event): boolean;
	NotificationEvent?: new (type: string, init: { notification: unknown }) => Event;
	PeriodicSyncEvent?: new (type: string, init: { tag: string }) => Event;
	ExtendableEvent: new (type: string) => Event;
}

/** Dispatches a notification tap in the worker (no test can tap the system's notification). */
async function tapNotification(worker: Worker): Promise<void> {
	await worker.evaluate(async () => {
		const scope = self as unknown as WorkerScope;
		const [notification] = await scope.registration.getNotifications();
		if (!notification || !scope.NotificationEvent) throw new Error('nothing to tap');
		try {
			scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
		} catch {
			// waitUntil refuses an event the browser did not send; the handler has started.
		}
	});
}

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

/** A stored session, as far as these tests read it. */
interface StoredSession {
	exercises: { setsDone: number; repsDone: { none: number; left: number; right: number } }[];
}

/** How many sets and reps a stored session did in all. */
function doneInSession(session: StoredSession): number {
	return session.exercises.reduce(
		(sum, { setsDone, repsDone }) =>
			sum + setsDone + repsDone.none + repsDone.left + repsDone.right,
		0
	);
}

/** What a page's reminder check reads: the clock, the stored plan and shown tags, the locks. */
async function reminderState(page: Page): Promise<Record<string, unknown>> {
	const plan = ((await readSetting(page, 'reminderPlan')) ?? []) as { tag: string }[];
	return {
		now: await page.evaluate(() => new Date().toISOString()),
		plan: plan.map((notice) => notice.tag),
		shown: await readSetting(page, 'remindersShown'),
		sessions: (await readStore<StoredSession>(page, 'sessions')).map(doneInSession),
		locks: await page.evaluate(async () => {
			const { held = [], pending = [] } = await navigator.locks.query();
			return {
				held: held.map((l) => [l.name, l.mode]),
				pending: pending.map((l) => [l.name, l.mode])
			};
		})
	};
}

/** The app's service worker, as Playwright sees it (Chromium). */
async function serviceWorker(context: BrowserContext): Promise<Worker> {
	return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** A stored plan entry, its times counted from now (ms). */
interface PlanEntry {
	programId: 'gentle-relief' | 'desk-break';
	at: number;
	until: number;
	slot: number;
}

/**
 * Opens the app once (it creates its database), then a static file of the origin, where the app's
 * timer is not running, so that only the worker acts; there it stores a plan as the page's timer
 * would (times from now), Gentle relief's reminder on and Desk break's off, nothing shown yet.
 */
async function storePlan(page: Page, entries: PlanEntry[]): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'OK, got it' })).toBeVisible();
	await waitForController(page);
	await page.goto('/favicon.svg');
	await page.evaluate(async (entries) => {
		const now = Date.now();
		const values: Record<string, unknown> = {
			reminders: {
				'gentle-relief': { times: ['13:00'], days: [1, 2, 3, 4, 5, 6, 7], on: true },
				'desk-break': { times: ['13:00'], days: [1, 2, 3, 4, 5, 6, 7], on: false }
			},
			reminderPlan: entries.map(({ programId, at, until, slot }) => ({
				tag: `limber-reminder ${programId} today ${slot}`,
				programId,
				title: programId === 'gentle-relief' ? 'Gentle relief' : 'Desk break',
				time: '13:00',
				progress: '1 of 3 today',
				url: `${location.origin}/programs/${programId}/`,
				at: now + at,
				until: now + until
			})),
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
	}, entries);
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
	// The box shows the tick before the setting is stored: a test that loads another page at
	// once would cut the write short.
	await expect
		.poll(
			async () =>
				((await readSetting(page, 'reminders')) as Record<string, { on?: boolean }> | undefined)?.[
					id
				]?.on
		)
		.toBe(true);
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

		// Turned on at 12:50: the 08:00 reminder the person just chose is not announced late. (The
		// check has run once the plan is stored: it starts with 13:00.)
		await expect
			.poll(async () =>
				(((await readSetting(page, 'reminderPlan')) ?? []) as { time: string }[]).map((n) => n.time)
			)
			.toContain('13:00');
		expect(await readSetting(page, 'remindersShown')).toEqual([
			'limber-reminder gentle-relief 2025-06-11 08:00'
		]);
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
					tag: 'limber-reminder gentle-relief 2025-06-11 13:00',
					url: expect.stringMatching(/\/programs\/gentle-relief\/$/)
				}
			]);

		// A tap on it (the worker's notificationclick) opens the routine in the open window.
		const worker = await serviceWorker(context);
		await tapNotification(worker);
		await expect(page).toHaveURL(/\/programs\/gentle-relief\/$/);
		await expect.poll(() => shownNotifications(page)).toEqual([]);
	});

	test('no reminder while a session is on screen in another tab; it comes once that ends', async ({
		page,
		context
	}) => {
		test.setTimeout(90_000);
		await startClock(page, '2025-06-11T12:50:00+02:00');
		await turnRemindersOn(page, 'gentle-relief', 'Gentle relief');
		await expect
			.poll(async () =>
				(((await readSetting(page, 'reminderPlan')) ?? []) as { time: string }[]).map((n) => n.time)
			)
			.toContain('13:00');

		// Another tab starts Gentle relief and pauses it (on screen, holding the player's lock).
		const player = await context.newPage();
		await startProgram(player, 'gentle-relief');
		await player.getByRole('button', { name: 'Pause' }).click();
		await expect(player.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();

		await page.goto('/');
		await page.clock.runFor('10:30');
		await page.waitForTimeout(1_500);
		expect(await shownNotifications(page)).toEqual([]);

		// The session ends (nothing done: it does not count, so 13:00 is still open).
		await player.getByRole('button', { name: 'End session' }).click();
		await player
			.getByRole('alertdialog', { name: 'End this session now?' })
			.getByRole('button', { name: 'End session' })
			.click();
		await expect(
			player.getByRole('heading', { level: 1, name: 'Session ended early' })
		).toBeVisible();
		await player.close();
		// The premise: the stored session did nothing (a rep done would rightly keep 13:00 quiet).
		await expect
			.poll(async () => (await readStore<StoredSession>(page, 'sessions')).map(doneInSession))
			.toEqual([0]);
		// Within seconds of the session ending (the fake clock moves on as a real one would; the
		// next timed check is not before 14:00, so only the end of the session can bring it). A
		// failure prints what the page's check had to go on.
		await expect(async () => {
			await page.clock.runFor(1_000);
			const shown = await shownNotifications(page);
			expect(shown, JSON.stringify(await reminderState(page))).toEqual([
				expect.objectContaining({ tag: 'limber-reminder gentle-relief 2025-06-11 13:00' })
			]);
		}).toPass({ timeout: 20_000 });
	});

	test('a tap on a reminder leaves a session on screen where it is', async ({ page, context }) => {
		await startProgram(page, 'gentle-relief');
		await page.getByRole('button', { name: 'Pause' }).click();
		await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
		await waitForController(page);
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			await registration.showNotification('Time for Gentle relief', {
				tag: 'limber-reminder gentle-relief 2025-06-11 13:00',
				data: { url: `${location.origin}/programs/gentle-relief/` }
			});
		});
		await tapNotification(await serviceWorker(context));
		await page.waitForTimeout(1_500);
		await expect(page).toHaveURL(/\/play\/\?program=gentle-relief$/);
		await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
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
		// After the saved session the stored plan starts on Friday: Wednesday's slot is done.
		await expect
			.poll(async () => ((await readSetting(page, 'reminderPlan')) as { tag: string }[])[0]?.tag)
			.toBe('limber-reminder e2e-quick-check 2025-06-13 08:00');
		await page.clock.runFor('10:00');
		// 08:00 came and went: today's session is done, so no reminder.
		expect(await shownNotifications(page)).toEqual([]);

		// Thursday is not a chosen day; Friday 08:00 is, and nothing is done yet that day.
		await page.clock.fastForward('48:00:00');
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				expect.objectContaining({
					title: 'Time for Quick check',
					tag: 'limber-reminder e2e-quick-check 2025-06-13 08:00'
				})
			]);
	});

	test('Periodic Background Sync shows a missed reminder from the stored plan, once', async ({
		page,
		context
	}) => {
		await storePlan(page, [
			// Opened 20 minutes ago: found late, so it says "Missed".
			{ programId: 'gentle-relief', at: -1_200_000, until: 3_600_000, slot: 1 },
			// Turned off since the plan was stored: not shown.
			{ programId: 'desk-break', at: -60_000, until: 3_600_000, slot: 1 },
			// Not yet due.
			{ programId: 'gentle-relief', at: 3_600_000, until: 7_200_000, slot: 2 }
		]);

		const worker = await serviceWorker(context);
		// Dispatches the wake-up and waits for the worker's handler to finish (its waitUntil
		// promise, captured), returning how many reminders it showed.
		const wake = () =>
			worker.evaluate(async () => {
				const scope = self as unknown as WorkerScope;
				const event = scope.PeriodicSyncEvent
					? new scope.PeriodicSyncEvent('periodicsync', { tag: 'limber-reminders' })
					: Object.assign(new scope.ExtendableEvent('periodicsync'), { tag: 'limber-reminders' });
				let handled: Promise<unknown> | undefined;
				Object.defineProperty(event, 'waitUntil', {
					value: (promise: Promise<unknown>) => (handled = promise)
				});
				scope.dispatchEvent(event);
				if (!handled) throw new Error('the periodicsync handler did not call waitUntil');
				return await handled;
			});
		expect(await wake()).toBe(1);
		expect(await shownNotifications(page)).toEqual([
			{
				title: 'Missed: Gentle relief at 13:00',
				body: 'Not done yet (1 of 3 today). There is still time today.',
				tag: 'limber-reminder gentle-relief today 1',
				url: expect.stringMatching(/\/programs\/gentle-relief\/$/)
			}
		]);
		// Remembered as shown: closed and woken again, it does not come back.
		expect(await readSetting(page, 'remindersShown')).toEqual([
			'limber-reminder gentle-relief today 1'
		]);
		await worker.evaluate(async () => {
			const scope = self as unknown as WorkerScope;
			for (const n of await scope.registration.getNotifications()) n.close();
		});
		expect(await wake()).toBe(0);
		expect(await shownNotifications(page)).toEqual([]);
	});

	test('the worker shows what a tab asks for though it closes at once, and answers how many', async ({
		page,
		context
	}) => {
		// Opened a minute ago: on time.
		await storePlan(page, [{ programId: 'gentle-relief', at: -60_000, until: 3_600_000, slot: 1 }]);
		// Another tab asks the worker as the reminders' check does, and is closed straight away.
		const asker = await context.newPage();
		await asker.goto('/favicon.svg');
		await asker.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			const { port2 } = new MessageChannel();
			registration.active?.postMessage({ type: 'SHOW_REMINDERS', now: Date.now() }, [port2]);
		});
		await asker.close();
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				{
					title: 'Time for Gentle relief',
					body: 'Your 13:00 session (1 of 3 today).',
					tag: 'limber-reminder gentle-relief today 1',
					url: expect.stringMatching(/\/programs\/gentle-relief\/$/)
				}
			]);
		expect(await readSetting(page, 'remindersShown')).toEqual([
			'limber-reminder gentle-relief today 1'
		]);
		// Asked again, the worker answers on the message's port that it showed none (it is claimed).
		const answer = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			const { port1, port2 } = new MessageChannel();
			const answered = new Promise<unknown>(
				(resolve) => (port1.onmessage = (e) => resolve(e.data))
			);
			registration.active?.postMessage({ type: 'SHOW_REMINDERS', now: Date.now() }, [port2]);
			return answered;
		});
		expect(answer).toEqual({ shown: 0 });
		expect(await shownNotifications(page)).toHaveLength(1);
	});

	test('Settings lists the reminders of the routines followed, with on and off', async ({
		page
	}) => {
		await turnRemindersOn(page, 'gentle-relief', 'Gentle relief');
		await page.goto('/settings/');
		const section = page.getByRole('region', { name: 'Reminders' });
		const relief = section.getByRole('checkbox', { name: 'Remind me to do Gentle relief' });
		await expect(relief).toBeChecked();
		await expect(section.getByText('08:00, 13:00 and 19:00, every day')).toBeVisible();
		// The times are set here too: "Change times" opens the routine's form.
		await section.getByText('Change times for Gentle relief').click();
		const form = section.getByRole('group', { name: 'Times of day' });
		await form.getByLabel('Time 2', { exact: true }).fill('12:30');
		await expect(section.getByText('08:00, 12:30 and 19:00, every day')).toBeVisible();
		await expect
			.poll(() => readSetting(page, 'reminders'))
			.toEqual({
				'gentle-relief': {
					times: ['08:00', '12:30', '19:00'],
					days: [1, 2, 3, 4, 5, 6, 7],
					on: true
				}
			});
		await expect(section.getByText(/^Yes: at your times, while Limber is open/)).toBeVisible();
		await expect(section.getByText(/^Perhaps: when Limber is installed/)).toBeVisible();

		await relief.uncheck();
		await expect
			.poll(() => readSetting(page, 'reminders'))
			.toEqual({
				'gentle-relief': expect.objectContaining({ on: false })
			});
		await page.reload();
		await expect(
			section.getByRole('checkbox', { name: 'Remind me to do Gentle relief' })
		).not.toBeChecked();
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
	// Count every permission request the page makes.
	await page.addInitScript(() => {
		const w = window as unknown as { permissionAsks: number };
		w.permissionAsks = 0;
		const ask = Notification.requestPermission.bind(Notification);
		Notification.requestPermission = (...args: Parameters<typeof ask>) => {
			w.permissionAsks += 1;
			return ask(...args);
		};
	});
	const asks = () =>
		page.evaluate(() => (window as unknown as { permissionAsks: number }).permissionAsks);
	await page.goto('/programs/gentle-relief/');
	const section = page.getByRole('region', { name: 'Reminders' });
	const here = section.getByRole('button', { name: 'Remind me here' });
	await expect(here).toBeVisible();
	await expect(section.getByText(/tap “Remind me here”/)).toBeVisible();
	await page.goto('/settings/');
	await expect(
		page.getByRole('region', { name: 'Reminders' }).getByRole('button', { name: 'Remind me here' })
	).toBeVisible();
	await page.goto('/programs/gentle-relief/');
	await expect(here).toBeVisible();
	// Nothing was asked on the way here.
	expect(await asks()).toBe(0);
	await context.grantPermissions(['notifications']);
	await expect(async () => {
		if (await here.isVisible()) await here.click({ timeout: 2_000 });
		await expect(
			section.getByRole('checkbox', { name: 'Remind me to do Gentle relief' })
		).toBeChecked({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	expect(await asks()).toBe(1);
	await expect(here).toHaveCount(0);
	// The answer is said (a status) and holds the focus the button had.
	const status = section
		.getByRole('status')
		.filter({ hasText: 'Notifications on this device: Yes' });
	await expect(status).toBeFocused();
});
