import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { appVersion, buildDir, buildVersion, builtPages } from './helpers/build';
import { startServer, type TestServer } from './helpers/server';
import { waitForController, waitForWaitingWorker } from './helpers/service-worker';

// Version 2 is the same app built again side by side under another version name.
const nextVersion = `${appVersion}-next`;
let nextDir: string;
let server: TestServer;

test.beforeAll(() => {
	test.setTimeout(300_000);
	nextDir = buildVersion('update-v2', nextVersion);
});

test.beforeEach(async () => {
	server = await startServer(buildDir);
});

test.afterEach(async () => {
	await server.stop();
});

function immutableFiles(dir: string): Set<string> {
	const root = join(dir, '_app', 'immutable');
	const files = readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => '/' + relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
	return new Set(files);
}

function countLoads(page: Page): { readonly count: number } {
	const counter = { count: 0 };
	page.on('load', () => counter.count++);
	return counter;
}

const updatePrompt = (page: Page) =>
	page.getByRole('status').filter({ hasText: 'Update available' });

test('a new version waits, is offered, and one tap reloads once into it', async ({ page }) => {
	await page.goto(`${server.url}/settings/`);
	await waitForController(page);
	await expect(page.getByTestId('pwa-version')).toHaveText(appVersion);
	const loads = countLoads(page);
	// Empty the HTTP cache, so that only the worker's own cache can spare a download.
	await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');

	// Publish version 2; the app checks for updates when it comes back to the foreground.
	await server.switchTo(nextDir);
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await waitForWaitingWorker(page);

	await expect(updatePrompt(page)).toBeVisible();
	await page.waitForTimeout(500);
	expect(loads.count, 'nothing reloads before the person agrees').toBe(0);
	await expect(page.getByTestId('pwa-version')).toHaveText(appVersion);

	// Content-hashed files that both versions share were copied from the old cache.
	const shared = [...immutableFiles(buildDir)].filter((file) => immutableFiles(nextDir).has(file));
	expect(shared.length).toBeGreaterThan(0);
	expect(server.requests.filter((path) => shared.includes(path))).toEqual([]);

	await updatePrompt(page)
		.locator('..')
		.getByRole('button', { name: 'Reload', exact: true })
		.click();
	await expect(page.getByTestId('pwa-version')).toHaveText(nextVersion);
	await page.waitForTimeout(1000);
	expect(loads.count, 'exactly one reload').toBe(1);
	await expect(updatePrompt(page)).toHaveCount(0);

	// The old version's cache is gone; only version 2's remains.
	const names = await page.evaluate(() => caches.keys());
	expect(names).toHaveLength(1);
	expect(names[0]).toContain(nextVersion);
});

test('"Later" hides the prompt until the app starts again', async ({ page }) => {
	await page.goto(`${server.url}/`);
	await waitForController(page);
	await server.switchTo(nextDir);
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	await waitForWaitingWorker(page);
	await expect(updatePrompt(page)).toBeVisible();
	await page.getByRole('button', { name: 'Later' }).click();
	await expect(updatePrompt(page)).toHaveCount(0);
	// The same waiting version, reported again (workbox-window's 'waiting' comes 200 ms after the
	// registration's own statechange), does not undo "Later".
	await page.waitForTimeout(500);
	await expect(updatePrompt(page)).toHaveCount(0);

	// Opening the app again finds the version still waiting and offers it again.
	await page.reload();
	await expect(updatePrompt(page)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('while a session plays the update waits silently; once it ends the prompt appears', async ({
	page
}) => {
	const program = builtPages(buildDir).find((path) => path.startsWith('/programs/'));
	test.skip(!program, 'this build has no built-in program to play');

	await page.goto(`${server.url}${program}`);
	await waitForController(page);
	const loads = countLoads(page);

	// Start a real session from the program page (answering the daily safety check if it asks).
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	const noRedFlags = page.getByRole('button', { name: 'None of these apply' });
	const endSession = page.getByRole('button', { name: 'End session' });
	await expect(noRedFlags.or(endSession)).toBeVisible();
	if (await noRedFlags.isVisible()) await noRedFlags.click();
	await expect(page).toHaveURL(/\/play\//);
	await expect(endSession).toBeVisible();

	// Version 2 appears mid-session: it installs and waits; nothing is shown, nothing reloads.
	await server.switchTo(nextDir);
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await waitForWaitingWorker(page);
	await expect(page.locator('[data-update-waiting="true"]')).toBeAttached();
	await page.waitForTimeout(500);
	await expect(updatePrompt(page)).toHaveCount(0);
	expect(loads.count).toBe(0);
	await expect(endSession).toBeVisible();

	// End the session: it is stored at once, and now the update is offered.
	await endSession.click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'End session' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await expect(updatePrompt(page)).toBeVisible();
	// An answer typed and not saved yet holds the offer back (a reload would lose it) …
	await page.getByLabel('Note (optional)').fill('Felt fine');
	await expect(updatePrompt(page)).toHaveCount(0);
	// … until it is saved.
	await page.getByRole('button', { name: 'Save answers', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: /^Saved with your answers$/ })
	).toBeVisible();
	await expect(updatePrompt(page)).toBeVisible();
	expect(loads.count).toBe(0);

	await updatePrompt(page)
		.locator('..')
		.getByRole('button', { name: 'Reload', exact: true })
		.click();
	await expect.poll(() => loads.count).toBe(1);
	await page.waitForTimeout(1000);
	expect(loads.count, 'exactly one reload').toBe(1);

	await page.goto(`${server.url}/settings/`);
	await expect(page.getByTestId('pwa-version')).toHaveText(nextVersion);
});
