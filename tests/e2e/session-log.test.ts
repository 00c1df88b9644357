// The log is sacred: a session is stored the moment it ends (before any question), a failed
// store is recovered after a reload, and one device plays one session at a time, in one tab,
// with one checkpoint per session and one record per session.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startProgram } from './helpers/app';
import {
	endSession,
	historyLoaded,
	importProgram,
	playToEnd,
	QUICK_PROGRAM,
	QUICK_PROGRAM_MS,
	ratePain,
	sessionItems,
	startSession
} from './helpers/history';
import { readStore } from './helpers/idb';

interface StoredSession {
	id: string;
	programId: string;
	startedAt: string;
	painAfter?: number;
}

interface StoredCheckpoint {
	sessionId: string;
	programId: string;
	record?: StoredSession;
}

const sessionsOf = (page: Page) => readStore<StoredSession>(page, 'sessions');
/** The checkpoints stored (not the markers Discard leaves, which hold no place). */
const checkpointsOf = async (page: Page) =>
	(await readStore<StoredCheckpoint & { snapshot?: unknown }>(page, 'checkpoint')).filter(
		(cp) => cp.snapshot !== undefined
	);

/** The player's countdown and heading, as a person reads them. */
async function playerScreen(page: Page): Promise<{ heading: string; timer: string }> {
	return {
		heading: (await page.getByRole('heading', { level: 1 }).innerText()).trim(),
		timer: (await page.getByRole('timer').innerText()).trim()
	};
}

/** Pauses a page's clock so that a session on it stands still until told otherwise. */
async function holdClock(page: Page, at: number): Promise<void> {
	await page.clock.install({ time: at - 5_000 });
	await page.clock.pauseAt(at);
}

const T0 = Date.parse('2025-06-02T08:00:00+02:00');

test.describe('saved the moment it ends', () => {
	test('played to the end, the summary left without answering: History has the session after a reload', async ({
		page
	}) => {
		await page.clock.install({ time: T0 });
		await importProgram(page);
		await startSession(page, QUICK_PROGRAM.id);
		await playToEnd(page, QUICK_PROGRAM_MS);
		// Saved from the start, before any question is answered.
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		expect(await checkpointsOf(page)).toEqual([]);

		// Leave without answering (a reload, a closed tab, a flat battery: nothing was pressed).
		await page.goto('/history/');
		await page.reload();
		await historyLoaded(page);
		await expect(sessionItems(page)).toHaveCount(1);
		await expect(sessionItems(page).first()).toContainText('Quick check');
		await expect(sessionItems(page).first()).toContainText('Completed');
	});

	test('ended early with "End session", then reloaded at once: the session is there', async ({
		page
	}) => {
		await page.clock.install({ time: T0 });
		await importProgram(page);
		await startSession(page, QUICK_PROGRAM.id);
		await page.clock.runFor(3_000);
		await endSession(page);
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		await page.reload();
		// The player does not offer the ended session again, and nothing is left half-done.
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		expect(await checkpointsOf(page)).toEqual([]);
		const sessions = await sessionsOf(page);
		expect(sessions).toHaveLength(1);
		expect(sessions[0]!.programId).toBe(QUICK_PROGRAM.id);
	});

	test('the answers update the same record: one session, with them', async ({ page }) => {
		await page.clock.install({ time: T0 });
		await importProgram(page);
		await startSession(page, QUICK_PROGRAM.id);
		await endSession(page);
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		const [stored] = await sessionsOf(page);
		await ratePain(page, 'Pain now', 3);
		await page.getByRole('button', { name: 'Save answers' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Saved with your answers' })
		).toBeVisible();
		const after = await sessionsOf(page);
		expect(after).toHaveLength(1);
		expect(after[0]).toEqual({ ...stored, painAfter: 3 });
	});

	/** A full disk for the session log only: every put into `sessions` throws QuotaExceededError
	 * while localStorage says so (the checkpoint store still takes writes, as a small record often
	 * does). */
	async function fullDiskForSessions(page: Page): Promise<void> {
		await page.addInitScript(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
				if (this.name === 'sessions' && localStorage.getItem('e2e-fail-session-puts') === '1') {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				}
				return put.apply(this, args);
			} as typeof put;
		});
	}

	test('a store that fails on a full disk says so, and "Try saving again" stores it once', async ({
		page
	}) => {
		await fullDiskForSessions(page);
		await page.clock.install({ time: T0 });
		await importProgram(page);
		await page.evaluate(() => localStorage.setItem('e2e-fail-session-puts', '1'));
		await startSession(page, QUICK_PROGRAM.id);
		await endSession(page);
		const failed = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
		await expect(failed).toContainText('Your device is out of storage space');
		await expect(failed).toContainText('Your session is kept on this device');
		// Answers given meanwhile go with it.
		await ratePain(page, 'Pain now', 1);
		await page.getByRole('button', { name: 'Save answers' }).click();
		await expect(failed).toBeVisible();
		expect(await sessionsOf(page)).toEqual([]);

		await page.evaluate(() => localStorage.removeItem('e2e-fail-session-puts'));
		await page.getByRole('button', { name: 'Try saving again' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Saved with your answers' })
		).toBeVisible();
		await expect(failed).toHaveCount(0);
		const sessions = await sessionsOf(page);
		expect(sessions).toHaveLength(1);
		expect(sessions[0]!.painAfter).toBe(1);
		expect(await checkpointsOf(page)).toEqual([]);
	});

	test('a store that fails on a full disk is kept, and stored exactly once after a reload', async ({
		page
	}) => {
		await fullDiskForSessions(page);
		await page.clock.install({ time: T0 });
		await importProgram(page);
		await page.evaluate(() => localStorage.setItem('e2e-fail-session-puts', '1'));
		await startSession(page, QUICK_PROGRAM.id);
		await playToEnd(page, QUICK_PROGRAM_MS);

		const failed = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
		await expect(failed).toContainText('Your device is out of storage space');
		await expect(page.getByRole('button', { name: 'Try saving again' })).toBeVisible();
		expect(await sessionsOf(page)).toEqual([]);
		// The finished record waits in the session's checkpoint.
		const [kept] = await checkpointsOf(page);
		expect(kept?.record?.programId).toBe(QUICK_PROGRAM.id);

		// Space is freed; the person reloads, as the app's other messages tell them to.
		await page.evaluate(() => localStorage.removeItem('e2e-fail-session-puts'));
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		const sessions = await sessionsOf(page);
		expect(sessions.map((s) => s.id)).toEqual([kept!.record!.id]);
		expect(await checkpointsOf(page)).toEqual([]);
		await page.goto('/history/');
		await historyLoaded(page);
		await expect(sessionItems(page)).toHaveCount(1);
	});
});

test.describe('one player per device', () => {
	async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
		const a = await context.newPage();
		const b = await context.newPage();
		await holdClock(a, T0);
		await holdClock(b, T0);
		return [a, b];
	}

	test('two tabs on one session: one plays, "Continue here" moves it, one record', async ({
		context
	}) => {
		const [a, b] = await twoTabs(context);
		await startProgram(a, 'gentle-relief');
		await a.clock.runFor(9_500);
		const before = await playerScreen(a);

		// The second tab opens the same program: it does not play along.
		await b.goto('/play/?program=gentle-relief');
		await expect(b.getByText('This session is playing in another tab.')).toBeVisible();
		await expect(b.getByRole('timer')).toHaveCount(0);
		expect(await playerScreen(a)).toEqual(before);

		// "Continue here": the first tab stops and says so; the second goes on from the same moment.
		await b.getByRole('button', { name: 'Continue here' }).click();
		await expect(b.getByRole('button', { name: 'End session' })).toBeVisible();
		await expect(a.getByText('This session moved to another tab')).toBeVisible();
		await expect(a.getByRole('timer')).toHaveCount(0);
		await expect(a.getByRole('button', { name: 'End session' })).toHaveCount(0);
		expect(await playerScreen(b)).toEqual(before);

		// It plays on in the second tab, and moves back with the time it played there.
		await b.clock.runFor(2_000);
		const moved = await playerScreen(b);
		expect(moved).not.toEqual(before);
		await a.getByRole('button', { name: 'Continue here' }).click();
		await expect(b.getByText('This session moved to another tab')).toBeVisible();
		await expect(a.getByRole('button', { name: 'End session' })).toBeVisible();
		expect(await playerScreen(a)).toEqual(moved);
		await expect(b.getByRole('timer')).toHaveCount(0);

		await endSession(a);
		await expect(a.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		// The other tab cannot record it a second time.
		await b.getByRole('button', { name: 'Continue here' }).click();
		await expect(b.getByText('This session ended in another tab')).toBeVisible();
		const sessions = await sessionsOf(a);
		expect(sessions).toHaveLength(1);
		expect(await checkpointsOf(a)).toEqual([]);
	});

	test('Discard in another tab stops the tab that plays the session', async ({ context }) => {
		const [a, b] = await twoTabs(context);
		await startProgram(a, 'gentle-relief');
		await a.clock.runFor(3_000);
		await b.goto('/play/?program=gentle-relief');
		await expect(b.getByText('This session is playing in another tab.')).toBeVisible();
		await b.getByRole('button', { name: 'Discard' }).click();
		await expect(a.getByText('This session was discarded in another tab.')).toBeVisible();
		await expect(a.getByRole('timer')).toHaveCount(0);
		await expect(b.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		expect(await checkpointsOf(a)).toEqual([]);
		expect(await sessionsOf(a)).toEqual([]);
	});

	test('two tabs on two programs: each keeps its own checkpoint, and both records are kept', async ({
		context
	}) => {
		const [a, b] = await twoTabs(context);
		await startProgram(a, 'gentle-relief');
		await a.clock.runFor(9_500);
		const gentle = await playerScreen(a);

		// Starting another program in the second tab asks about the first, then pauses it there:
		// never two voices.
		await b.goto('/programs/desk-break/');
		await expect(async () => {
			const start = b.getByRole('button', { name: 'Start', exact: true });
			if (await start.isVisible()) await start.click();
			await expect(b.getByText('It is playing in another tab now')).toBeVisible({ timeout: 2_000 });
		}).toPass();
		await b.getByRole('button', { name: 'Keep it for later and start' }).click();
		await expect(b.getByRole('button', { name: 'End session' })).toBeVisible();
		await expect(
			a.getByText('This session is paused: another session started playing')
		).toBeVisible();
		await expect(a.getByRole('timer')).toHaveCount(0);
		await b.clock.runFor(3_000);
		await b.getByRole('button', { name: 'Pause' }).click();

		// The second tab reloads: it offers its own session, not the first tab's.
		await b.reload();
		await expect(b.getByRole('heading', { level: 1, name: 'Resume Desk break?' })).toBeVisible();
		await expect(b.getByText(/^You stopped just now at Standing cat stretch\./)).toBeVisible();
		const checkpoints = await checkpointsOf(b);
		expect(checkpoints.map((cp) => cp.programId).sort()).toEqual(['desk-break', 'gentle-relief']);

		// The first tab continues its own session from where it was paused.
		await a.getByRole('button', { name: 'Continue here' }).click();
		await expect(a.getByRole('button', { name: 'End session' })).toBeVisible();
		expect(await playerScreen(a)).toEqual(gentle);
		await endSession(a);
		await expect(a.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

		await b.getByRole('button', { name: 'Resume', exact: true }).click();
		await expect(b.getByRole('button', { name: 'End session' })).toBeVisible();
		await endSession(b);
		await expect(b.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

		const sessions = await sessionsOf(a);
		expect(sessions.map((s) => s.programId).sort()).toEqual(['desk-break', 'gentle-relief']);
		expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
		expect(await checkpointsOf(a)).toEqual([]);
	});

	test('Start on another program while one is unfinished asks what to do with it', async ({
		page
	}) => {
		await holdClock(page, T0);
		await startProgram(page, 'gentle-relief');
		await page.clock.runFor(9_500);
		await page.getByRole('button', { name: 'Pause' }).click();
		await page.clock.runFor(12 * 60_000);

		await page.goto('/programs/desk-break/');
		await expect(async () => {
			const start = page.getByRole('button', { name: 'Start', exact: true });
			if (await start.isVisible()) await start.click();
			await expect(
				page.getByRole('heading', { name: 'You have an unfinished session' })
			).toBeVisible({
				timeout: 2_000
			});
		}).toPass();
		await expect(page.getByRole('listitem').filter({ hasText: 'Gentle relief' })).toContainText(
			/You stopped 12 minutes ago at /
		);
		await page.getByRole('button', { name: 'Keep it for later and start' }).click();
		await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
		expect((await checkpointsOf(page)).map((cp) => cp.programId).sort()).toEqual([
			'desk-break',
			'gentle-relief'
		]);
	});
});

test('two tabs saving level changes for two programs keep both levels', async ({ context }) => {
	const levelled = (id: string, title: string) => ({
		format: 1,
		id,
		title,
		prepareSeconds: 1,
		progression: { levels: 3, sessionsToAdvance: 1 },
		exercises: [
			{
				id: 'hold',
				name: 'Short hold',
				instructions: ['Hold still.'],
				hold: 2,
				progress: { hold: 1 }
			}
		]
	});
	const one = levelled('e2e-levels-one', 'Levels one');
	const two = levelled('e2e-levels-two', 'Levels two');
	const a = await context.newPage();
	const b = await context.newPage();
	await a.clock.install({ time: T0 });
	await b.clock.install({ time: T0 });
	await importProgram(a, one);
	await importProgram(a, two);
	// The second tab opens its player (and reads the settings) before the first saves anything,
	// and does not load them again: its copy is old when it saves.
	await b.goto(`/play/?program=${two.id}`);
	const startTwo = b.getByRole('button', { name: 'Start', exact: true });
	await expect(startTwo).toBeVisible();
	await expect(b.getByRole('link', { name: /See the exercises/ })).toBeVisible();

	await startProgram(a, one.id, { painBefore: 2 });
	await playToEnd(a, 4_000);
	await ratePain(a, 'Pain now', 2);
	await a.getByRole('button', { name: 'Save answers' }).click();
	await expect(a.getByText(/moves up to level 2/)).toBeVisible();

	await startTwo.click();
	await playToEnd(b, 4_000);
	await ratePain(b, 'Pain now', 0);
	await b.getByRole('button', { name: 'Save answers' }).click();
	await expect(b.getByText('Saved with your answers')).toBeVisible();

	const [levels] = await a.evaluate(
		() =>
			new Promise<unknown[]>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result
						.transaction('settings')
						.objectStore('settings')
						.get('programLevels');
					request.onsuccess = () => resolve([request.result]);
					request.onerror = () => reject(request.error);
				};
			})
	);
	// Each program moved up, and neither tab's save lost the other's.
	expect(levels).toEqual({ 'e2e-levels-one': 2, 'e2e-levels-two': 2 });
});

test('a setting changed in one tab shows in another at once', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto('/settings/');
	await b.goto('/settings/');
	const beepsA = a.getByRole('checkbox', { name: /Beeps/ });
	const beepsB = b.getByRole('checkbox', { name: /Beeps/ });
	await expect(beepsB).toBeChecked();
	await expect(async () => {
		await beepsA.setChecked(false);
		await expect(beepsB).not.toBeChecked({ timeout: 1_000 });
	}).toPass();
});
