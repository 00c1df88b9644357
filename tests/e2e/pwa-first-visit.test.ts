// The first visit's race: the new service worker's activate handler claims the open pages, but
// claim() passes over a page whose navigation is still under way (it is not running yet), and that
// page would then stay uncontrolled — no offline — until the next navigation. The page asks the
// active worker to claim it once it runs (src/lib/pwa/registration.svelte.ts).
import { expect, test, type Route } from '@playwright/test';

/** A promise and the function that resolves it. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((done) => (resolve = done));
	return { promise, resolve };
}

test('a page whose navigation was under way while the first version activated is claimed', async ({
	page,
	context
}) => {
	// One file only the worker's precache asks for: held, the first install cannot finish.
	const releaseInstall = deferred();
	await context.route('**/icons/icon-maskable-512.png', async (route: Route) => {
		if (route.request().serviceWorker()) await releaseInstall.promise;
		await route.continue();
	});
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

	// A navigation that is held on its way, the worker's activation happening meanwhile.
	const navigationHeld = deferred();
	const releaseNavigation = deferred();
	await page.route('**/history/', async (route: Route) => {
		navigationHeld.resolve();
		await releaseNavigation.promise;
		await route.continue();
	});
	const navigation = page.goto('/history/');
	await navigationHeld.promise;
	releaseInstall.resolve();
	await expect
		.poll(
			() =>
				worker.evaluate(
					() =>
						(self as unknown as { registration: ServiceWorkerRegistration }).registration.active
							?.state
				),
			{ timeout: 30_000 }
		)
		.toBe('activated');
	releaseNavigation.resolve();
	await navigation;
	await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();

	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
		.toBe('activated');
});
