// The library's Today section end to end: nothing followed → no section; Gentle relief followed
// (3 × a day) → "0 of 3 today"; a session played to the end and saved → "1 of 3 today", in this
// tab and, through the sessions channel, in another tab that stayed open; after local midnight
// → "0 of 3 today" again. Time is the page's fake clock, in a zone where midnight is not UTC's.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readBuiltin, startProgram, timelineOf } from './helpers/app';
import { LOCALE, TIME_ZONE, playToEnd, saveSummary, startClock } from './helpers/history';

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

// Wednesday 11 June 2025, 22:30 in Berlin: an hour and a half before local midnight.
const LATE_EVENING = '2025-06-11T22:30:00+02:00';
const GENTLE_MS = timelineOf(readBuiltin('gentle-relief')).totalMs;

/** Follows a routine on its page ("Follow this routine"), once the page is live. */
async function follow(page: Page, id: string): Promise<void> {
	await page.goto(`/programs/${id}/`);
	const stop = page.getByRole('button', { name: 'Stop following' });
	// A tap before hydration does nothing: tap again until the page answers, but never tap
	// "Follow" once it has (a slow machine may answer after the check below gave up).
	await expect(async () => {
		if (!(await stop.isVisible())) {
			await page.getByRole('button', { name: 'Follow this routine' }).click({ timeout: 2_000 });
		}
		await expect(stop).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
}

function todaySection(page: Page) {
	return page.getByRole('region', { name: 'Today' });
}

/** The library with its deferred parts shown (the first-visit note comes with them). */
async function openLibrary(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'OK, got it' })).toBeVisible();
}

/** Sums the page's layout shifts not caused by input (CLS as the Layout Instability API sees it). */
function layoutShift(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						value: number;
						hadRecentInput: boolean;
					})[]) {
						if (!entry.hadRecentInput) total += entry.value;
					}
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(total), 100);
			})
	);
}

test('Today counts a followed routine: 0 of 3, 1 of 3 after a session (also in another tab), 0 of 3 after midnight', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await startClock(page, LATE_EVENING);

	// Nothing followed: the library as before, no Today section.
	await openLibrary(page);
	await expect(todaySection(page)).toHaveCount(0);

	// Follow Gentle relief on its page.
	await follow(page, 'gentle-relief');

	await openLibrary(page);
	const today = todaySection(page);
	await expect(today.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
	await expect(today.getByRole('listitem')).toHaveText(['Gentle relief: 0 of 3 today']);
	// Today's safety checklist is not answered yet: Start leads to the routine's page, which asks.
	const start = today.getByRole('link', { name: 'Start Gentle relief' });
	await expect(start).toHaveAttribute('href', '/programs/gentle-relief/');
	const box = await start.boundingBox();
	expect(box?.height).toBeGreaterThanOrEqual(48);
	// It appeared below the list, after the first paint, and moved nothing.
	expect(await layoutShift(page)).toBe(0);

	// A second tab stays on the library.
	const other = await context.newPage();
	await openLibrary(other);
	await expect(todaySection(other).getByRole('listitem')).toHaveText([
		'Gentle relief: 0 of 3 today'
	]);

	// Play a whole session and save it.
	await startProgram(page, 'gentle-relief');
	await playToEnd(page, GENTLE_MS);
	await saveSummary(page, { painAfter: 2 });

	// The other tab heard it (no reload).
	await expect(todaySection(other).getByRole('listitem')).toHaveText([
		'Gentle relief: 1 of 3 today'
	]);
	await other.close();

	await openLibrary(page);
	await expect(today.getByRole('listitem')).toHaveText(['Gentle relief: 1 of 3 today']);
	await expect(today.getByRole('link', { name: 'Start Gentle relief' })).toBeVisible();

	// Past local midnight, the page left open: the day starts afresh.
	await page.clock.fastForward('01:40:00');
	await expect(today.getByRole('listitem')).toHaveText(['Gentle relief: 0 of 3 today']);
});

test("with today's checklist answered, Today's Start goes straight to the player", async ({
	page
}) => {
	await startClock(page, LATE_EVENING);
	// Starting a session follows the routine and answers the day's checklist.
	await startProgram(page, 'gentle-relief');
	await page.getByRole('button', { name: 'End session' }).click();
	await page
		.getByRole('alertdialog', { name: 'End this session now?' })
		.getByRole('button', { name: 'End session' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();

	await openLibrary(page);
	const start = todaySection(page).getByRole('link', { name: 'Start Gentle relief' });
	await start.click();
	await expect(page).toHaveURL(/\/play\/\?program=gentle-relief$/);
	await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the library with Today: no axe violations (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await follow(page, 'gentle-relief');
		await follow(page, 'daily-core-strength');
		await openLibrary(page);
		await expect(todaySection(page).getByRole('listitem')).toHaveCount(2);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
		expect(
			results.violations.flatMap((violation) =>
				violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
			)
		).toEqual([]);
	});
}
