import { expect, test } from '@playwright/test';
import { startProgram } from './helpers/app';

test('a skipped exercise is saved with the reason given on the summary', async ({ page }) => {
	await page.clock.install();
	await startProgram(page, 'gentle-relief');
	const skip = page.getByRole('button', { name: 'Skip' });
	await skip.click(); // ends the get-ready
	await expect(page.getByRole('timer')).toBeVisible();
	await skip.click(); // skips the rest of the first exercise
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'End session' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
	const skipped = page.getByRole('group', { name: 'Skipped exercises (optional: why?)' });
	await skipped.getByLabel('Slow breathing').selectOption('pain');
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByText('Saved with your answers', { exact: true })).toBeVisible();

	const stored = await page.evaluate(
		() =>
			new Promise<unknown[]>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('sessions').objectStore('sessions').getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				};
			})
	);
	expect(stored).toHaveLength(1);
	const [session] = stored as {
		completed: boolean;
		exercises: { exerciseId: string; skipped: boolean; skipReason?: string }[];
	}[];
	expect(session!.completed).toBe(false);
	expect(session!.exercises[0]).toMatchObject({ skipped: true, skipReason: 'pain' });
	expect(session!.exercises[1]!.skipReason).toBeUndefined();
});
