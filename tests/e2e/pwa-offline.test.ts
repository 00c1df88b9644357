import { expect, test } from '@playwright/test';
import { buildDir, builtPages } from './helpers/build';
import { startServer, type TestServer } from './helpers/server';
import { waitForController } from './helpers/service-worker';
import { expectImported, importProgramText, startProgram } from './helpers/app';

// Each test serves the build itself on a free port, so it can stop the server: Playwright's
// offline mode does not stop the service worker's own requests (see docs/pwa.md).
let server: TestServer;

test.beforeEach(async () => {
	server = await startServer(buildDir);
});

test.afterEach(async () => {
	await server.stop();
});

test('after the first visit every page opens with no network, runtime-only routes too', async ({
	page,
	context
}) => {
	await page.goto(`${server.url}/`);
	await waitForController(page);

	await server.stop();
	await context.setOffline(true);

	const pages = builtPages(buildDir);
	for (const path of pages) {
		const response = await page.goto(`${server.url}${path}`);
		expect(response?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
		if (path.startsWith('/programs/')) {
			await expect(page.getByRole('heading', { level: 1, name: 'Not found' }), path).toHaveCount(0);
		}
	}
	// A built-in program's page is not precached: the fallback renders it from its program file.
	await page.goto(`${server.url}/programs/gentle-relief/`);
	await expect(page.getByRole('heading', { level: 1, name: 'Gentle relief' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: /Slow breathing/ })).toBeVisible();

	// A route the build does not know (like an imported program's page) gets the app shell from
	// the SPA fallback page, not the browser's offline error.
	await page.goto(`${server.url}/programs/not-built-in/`);
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// The same page without its trailing slash and with search parameters is still found.
	await page.goto(`${server.url}/history?from=offline-test`);
	await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
});

test('shows an offline status while the network is down', async ({ page, context }) => {
	await page.goto(`${server.url}/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The page is drawn before its scripts load; the status comes with the app, which the worker
	// serves once it controls the page.
	await waitForController(page);
	const status = page.getByRole('status').filter({ hasText: 'Offline — everything still works' });
	await expect(status).toHaveCount(0);

	await context.setOffline(true);
	await expect(status).toBeVisible();

	await context.setOffline(false);
	await expect(status).toHaveCount(0);
});

test('imports a program and plays and records a session offline', async ({ browser }) => {
	// A context whose base URL is this test's own server, so the shared app helpers work here.
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await page.goto('/');
	await waitForController(page);

	await server.stop();
	await context.setOffline(true);

	const program = {
		format: 1,
		id: 'offline-test',
		title: 'Offline test',
		prepareSeconds: 1,
		exercises: [{ id: 'short-hold', name: 'Short hold', instructions: ['Hold still.'], hold: 2 }]
	};
	await importProgramText(page, JSON.stringify(program));
	await expectImported(page, 'Offline test');

	// Its page exists only at run time: the cached fallback page renders it from IndexedDB.
	await page.goto('/programs/offline-test/');
	await expect(page.getByRole('heading', { level: 1, name: 'Offline test' })).toBeVisible();

	await startProgram(page, 'offline-test');
	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible({
		timeout: 20_000
	});
	// Stored the moment it ended, before any question.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

	await page.goto('/history/');
	await expect(
		page
			.getByRole('region', { name: 'Sessions' })
			.getByRole('listitem')
			.filter({ hasText: 'Offline test' })
	).toContainText('Completed');
	await context.close();
});
