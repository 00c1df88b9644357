// A steady clock: while the page stays visible, the session runs on monotonic time, so a wall
// clock set forward or back (by the person or the network) neither ends a hold early nor makes a
// session end before it started. Playwright's setSystemTime moves Date.now() and leaves
// performance.now() alone, as a real clock change does.
import { expect, test } from '@playwright/test';
import { startProgram } from './helpers/app';
import { historyLoaded, importProgram, LOCALE, TIME_ZONE } from './helpers/history';

const HOLD = {
	format: 1,
	id: 'e2e-long-hold',
	title: 'One long hold',
	prepareSeconds: 0,
	exercises: [
		{
			id: 'hold',
			name: 'Hip bridge hold',
			instructions: ['Lift your hips and hold.'],
			hold: 30
		}
	]
};

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

test('the wall clock set an hour ahead mid-hold does not end the hold', async ({ page }) => {
	const t0 = Date.parse('2025-06-02T08:00:00+02:00');
	await page.clock.install({ time: t0 });
	await importProgram(page, HOLD);
	await page.clock.pauseAt(t0 + 60_000);
	await startProgram(page, HOLD.id);
	await page.clock.runFor(5_000);
	await expect(page.getByRole('timer')).toHaveText('25');

	await page.clock.setSystemTime(t0 + 60_000 + 5_000 + 3_600_000);
	await page.clock.runFor(1_000);
	await expect(page.getByRole('timer')).toHaveText('24');
	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toHaveCount(0);
	await page.clock.runFor(10_000);
	await expect(page.getByRole('timer')).toHaveText('14');
});

test('the wall clock set back an hour mid-session: the record ends after it starts', async ({
	page
}) => {
	// 00:20 local time: set back an hour, it is yesterday evening on the wall clock.
	const t0 = Date.parse('2025-06-03T00:20:00+02:00');
	await page.clock.install({ time: t0 - 120_000 });
	await importProgram(page, HOLD);
	await page.clock.pauseAt(t0);
	await startProgram(page, HOLD.id);
	await page.clock.runFor(5_000);
	await page.clock.setSystemTime(t0 + 5_000 - 3_600_000);
	await page.clock.runFor(26_000);
	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

	const [times] = await page.evaluate(
		() =>
			new Promise<{ startedAt: string; endedAt: string }[]>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('sessions').objectStore('sessions').getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				};
			})
	);
	expect(Date.parse(times!.endedAt) - Date.parse(times!.startedAt)).toBe(30_000);

	await page.clock.resume();
	await page.goto('/history/');
	await historyLoaded(page);
	const streak = page.getByRole('region', { name: 'Streak' });
	await expect(streak).toContainText('1 day');
});
