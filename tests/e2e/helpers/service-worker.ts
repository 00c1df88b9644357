// Browser-side waits for the service worker lifecycle.
import type { Page } from '@playwright/test';

/** Waits until a service worker controls the page (the first visit ends like this). */
export async function waitForController(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
}

/** Waits until a new version is installed and waiting to take over. */
export async function waitForWaitingWorker(page: Page): Promise<void> {
	await page.waitForFunction(
		async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
		undefined,
		{ timeout: 60_000, polling: 250 }
	);
}
