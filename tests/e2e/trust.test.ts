// Every figure true: the summary after ending early, adherence only for routines followed (and
// only from the day they started), the clinician report's routines and sessions, History's list
// with effort and notes, the pain chart's dates and text sizes, and pages left open across
// midnight or through a blocked database upgrade.
import { expect, test, type Page } from '@playwright/test';
import {
	finishQuickSession,
	historyLoaded,
	importProgram,
	LOCALE,
	QUICK_PROGRAM,
	ratePain,
	sessionItems,
	startClock,
	startSession,
	TIME_ZONE
} from './helpers/history';
import { endSession, startSession as startBuiltin } from './helpers/screens';

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

const fact = (page: Page, term: string) =>
	page.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=../dd');

test('ending early: the summary counts exercises done, partly done and not reached', async ({
	page
}) => {
	await page.clock.install({ time: new Date('2025-06-02T08:00:00+02:00') });
	// Gentle relief has four exercises; end in the first one, a few breaths in.
	await startBuiltin(page, { id: 'gentle-relief', hold: true });
	await page.clock.runFor(20_000);
	await endSession(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
	await expect(page.getByText('You stopped Gentle relief before the end.')).toBeVisible();
	await expect(fact(page, 'Exercises done')).toHaveText('0 of 4');
	await expect(fact(page, 'Partly done')).toHaveText('1');
	await expect(fact(page, 'Skipped')).toHaveText('0');
	await expect(fact(page, 'Not reached')).toHaveText('3');
	await expect(page.getByRole('list', { name: 'What was not done' })).toContainText(
		'Pelvic tilts: not reached'
	);
});

test('adherence counts only routines followed, from the day they started; Follow and Stop following', async ({
	page
}) => {
	// Thursday 12 June 2025. Quick check (3 days a week) is first played today.
	await startClock(page, '2025-06-12T09:00:00+02:00');
	await importProgram(page);
	await finishQuickSession(page, {
		painBefore: 3,
		painAfter: 2,
		effort: 'About right',
		note: 'Stiff, then fine'
	});

	await page.goto('/history/');
	await historyLoaded(page);
	const week = page.getByRole('region', { name: 'This week' });
	// Only the routine played; followed from Thursday: 4 days of this week, 1 × min(3, 4).
	await expect(week.getByRole('listitem')).toHaveCount(1);
	await expect(week).toContainText('1 of 3 sessions this week');
	// The list shows effort and the note.
	await expect(sessionItems(page).first()).toContainText('About right');
	await expect(sessionItems(page).first()).toContainText('Stiff, then fine');

	await page.goto('/report/');
	const adherence = page
		.locator('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Prescribed' }) });
	await expect(adherence).toBeVisible();
	// No routine is counted in the weeks before it was first played, and the built-in routines
	// never played are not in the report at all.
	await expect(adherence.getByRole('row')).toHaveText([
		/Week.*Routine.*Done.*Prescribed/,
		/No routine followed/,
		/No routine followed/,
		/No routine followed/,
		/Quick check\s*1\s*3/
	]);
	const routines = page.getByRole('region', { name: 'Quick check' });
	await expect(routines).toContainText('followed since 12 Jun');
	await expect(routines.getByRole('row', { name: /Short hold/ })).toContainText(
		'1 set × 2 reps, hold 2 s'
	);
	await expect(page.getByRole('heading', { name: 'Gentle relief' })).toHaveCount(0);

	// Follow Gentle relief on its page: it counts from today.
	await page.goto('/programs/gentle-relief/');
	await expect(async () => {
		await page.getByRole('button', { name: 'Follow this routine' }).click({ timeout: 1_000 });
		await expect(page.getByRole('button', { name: 'Stop following' })).toBeVisible({
			timeout: 1_000
		});
	}).toPass();
	await expect(page.getByRole('region', { name: 'Following this routine' })).toContainText(
		'You follow Gentle relief. History and the report for your clinician count how often you do it, from 12 June 2025.'
	);
	await page.goto('/history/');
	await historyLoaded(page);
	// Gentle relief is 3 × a day, every day: from Thursday, 4 days × 3.
	await expect(week).toContainText('0 of 12 sessions this week');

	// Stop following: gone again (it was never played).
	await page.goto('/programs/gentle-relief/');
	await page.getByRole('button', { name: 'Stop following' }).click();
	await expect(page.getByRole('button', { name: 'Follow this routine' })).toBeVisible();
	await page.goto('/history/');
	await historyLoaded(page);
	await expect(week.getByRole('listitem')).toHaveCount(1);
});

test('the report says what each partial session missed, and lists the morning pain checks', async ({
	page
}) => {
	await startClock(page, '2025-06-11T19:00:00+02:00');
	await importProgram(page);
	await startSession(page, QUICK_PROGRAM.id, 4);
	await page.clock.runFor(3_500); // into the first hold of "Short hold"
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'End session' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

	// The next morning the library asks how the back is.
	await page.clock.fastForward('13:00:00');
	await page.goto('/');
	const card = page.getByRole('region', { name: 'How is your back this morning?' });
	await ratePain(page, 'Pain this morning', 3);
	await card.getByRole('button', { name: 'Save' }).click();
	await expect(card.getByRole('status')).toBeVisible();

	await page.goto('/report/');
	const sessions = page
		.locator('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Not done' }) });
	await expect(sessions.getByRole('row').nth(1)).toContainText(
		'Short hold: partly done (1 of 2 reps); Short march: not reached'
	);
	const checks = page
		.locator('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Morning' }) });
	await expect(checks.getByRole('row').nth(1)).toHaveText(/12 Jun\s*3/);
});

test('on a phone the pain chart labels its dates, and no text on History is under 12 px', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await startClock(page, '2025-06-11T19:00:00+02:00');
	await importProgram(page);
	await finishQuickSession(page, { painBefore: 5, painAfter: 3 });
	await page.goto('/history/');
	await historyLoaded(page);
	const chart = page.getByRole('region', { name: 'Pain over the last 4 weeks' }).locator('svg');
	await expect(chart.locator('text.date')).toHaveText(['21 May', '28 May', '4 Jun', '11 Jun']);
	const smallest = await page.evaluate(() => {
		let min = Infinity;
		let where = '';
		for (const element of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
			const own = [...element.childNodes].some(
				(node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''
			);
			if (!own || element.closest('.visually-hidden')) continue;
			const style = getComputedStyle(element);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			let size = parseFloat(style.fontSize);
			const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
			if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			if (size < min) {
				min = size;
				where = element.textContent!.trim().slice(0, 30);
			}
		}
		return { min, where };
	});
	expect(smallest.min, `smallest text: "${smallest.where}"`).toBeGreaterThanOrEqual(12);
});

test('History left open from 23:59:30 shows the new day after midnight', async ({ page }) => {
	await startClock(page, '2025-06-11T19:00:00+02:00');
	await importProgram(page);
	await finishQuickSession(page, { painBefore: 3, painAfter: 2 });
	await page.clock.setSystemTime(new Date('2025-06-11T23:59:30+02:00'));
	await page.goto('/history/');
	await historyLoaded(page);
	const calendar = page.getByRole('region', { name: 'Calendar' });
	await expect(calendar.locator('[aria-current="date"]')).toHaveAccessibleName(/Wednesday 11 June/);
	await page.clock.runFor(31_000);
	await expect(calendar.locator('[aria-current="date"]')).toHaveAccessibleName(/Thursday 12 June/);
	// The streak still counts yesterday's session: not broken, not done today.
	await expect(page.getByRole('region', { name: 'Streak' })).toContainText('1 day');
});

test('after a blocked database upgrade clears, History shows the history without a reload', async ({
	context
}) => {
	// An older version of the app (database version 4, one session) is open in another tab.
	const old = await context.newPage();
	// A same-origin document that runs none of the app (an app page would open the database at
	// today's version first: every page's shell reads the settings after its first paint).
	await old.goto('/favicon.svg');
	await old.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('limber', 4);
				open.onupgradeneeded = () => {
					const db = open.result;
					const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
					sessions.createIndex('by-startedAt', 'startedAt');
					sessions.createIndex('by-programId', 'programId');
					db.createObjectStore('programs', { keyPath: 'program.id' });
					db.createObjectStore('checkpoint');
					db.createObjectStore('settings');
					db.createObjectStore('sessionDigests');
					sessions.put({
						id: 'old-1',
						programId: 'gentle-relief',
						programVersion: 1,
						programTitle: 'Gentle relief',
						startedAt: '2025-06-10T06:00:00.000Z',
						endedAt: '2025-06-10T06:07:00.000Z',
						durationSeconds: 420,
						completed: true,
						exercises: []
					});
				};
				open.onsuccess = () => {
					// Keep the connection open and never give way: the upgrade is blocked.
					(window as unknown as { db: IDBDatabase }).db = open.result;
					resolve();
				};
				open.onerror = () => reject(open.error);
			})
	);

	const page = await context.newPage();
	await page.goto('/history/');
	await expect(page.getByRole('alert')).toContainText('Your history could not be read');
	// The other tab closes.
	await old.evaluate(() => (window as unknown as { db: IDBDatabase }).db.close());
	await historyLoaded(page);
	await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
	await expect(sessionItems(page)).toHaveCount(1);
	await expect(sessionItems(page).first()).toContainText('Gentle relief');
});
