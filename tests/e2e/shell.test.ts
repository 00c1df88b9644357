import { expect, test } from '@playwright/test';

test('the shell navigates between Programs, History and Settings', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Programs' })).toHaveAttribute('aria-current', 'page');

	await nav.getByRole('link', { name: 'History' }).click();
	await expect(page).toHaveURL(/\/history\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');

	await nav.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
	await page.goto('/history/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('follows the system colour scheme', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/');
	const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(light).not.toBe(dark);
	// The dark background really is dark (sum of RGB channels well below mid-grey).
	const sum = (dark.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);
	expect(sum).toBeLessThan(150);
});
