import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '../../scripts/find-browser.js';
import { buildDir } from './helpers/build';
import { startServer, type TestServer } from './helpers/server';
import { waitForController } from './helpers/service-worker';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

let server: TestServer;

test.beforeEach(async () => {
	server = await startServer(buildDir);
});

test.afterEach(async () => {
	await server.stop();
});

// Width and height from a PNG's header chunk.
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Chromium finds nothing that stops installing the app', async () => {
	const browser = await findBrowser();
	const userDataDir = mkdtempSync(join(tmpdir(), 'limber-install-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: browser && browser.source !== 'playwright' ? browser.path : undefined
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${server.url}/`);
		await waitForController(page);
		const cdp = await context.newCDPSession(page);
		const manifest = (await cdp.send('Page.getAppManifest')) as {
			url: string;
			errors: { message: string }[];
		};
		expect(manifest.url).toBe(`${server.url}/manifest.webmanifest`);
		expect(manifest.errors).toEqual([]);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(userDataDir, { recursive: true, force: true });
	}
});

test('the manifest describes the app and its icons exist at their stated sizes', async ({
	request
}) => {
	const response = await request.get(`${server.url}/manifest.webmanifest`);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = (await response.json()) as Record<string, unknown> & {
		icons: { src: string; sizes: string; type: string; purpose: string }[];
	};
	expect(manifest).toMatchObject({
		name: 'Limber — back exercises',
		short_name: 'Limber',
		id: '/',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		categories: ['health', 'fitness']
	});
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	const purposes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
	expect(purposes).toEqual(
		expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
	);

	const icons = [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180' }];
	for (const icon of icons) {
		const image = await request.get(`${server.url}${icon.src}`);
		expect(image.status(), icon.src).toBe(200);
		const { width, height } = pngSize(await image.body());
		expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
	}
});

test('"Install app" appears only once the browser offers installation, and uses its prompt', async ({
	page
}) => {
	await page.goto(`${server.url}/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const install = page.getByRole('banner').getByRole('button', { name: 'Install app' });
	await expect(install).toHaveCount(0);
	// The app is running (its root component has mounted): before that no code can hear the event.
	await page.locator('#svelte-announcer').waitFor({ state: 'attached' });

	// Chromium fires beforeinstallprompt only after its own engagement checks: stand in for it.
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true });
		Object.assign(event, {
			prompt: async () => {
				(window as unknown as { prompted: number }).prompted =
					((window as unknown as { prompted?: number }).prompted ?? 0) + 1;
			},
			userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' })
		});
		window.dispatchEvent(event);
	});
	await expect(install).toBeVisible();
	await install.click();
	await expect(install).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
});

test('Safari on iPhone gets the Add to Home Screen how-to; other browsers do not', async ({
	browser,
	page
}) => {
	await page.goto(`${server.url}/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Add to Home Screen')).toHaveCount(0);

	const iphone = await browser.newContext({
		userAgent: IPHONE_SAFARI,
		viewport: { width: 390, height: 844 },
		hasTouch: true,
		isMobile: true
	});
	try {
		const ios = await iphone.newPage();
		await ios.goto(`${server.url}/`);
		const help = ios.getByRole('banner').getByText('Install app');
		await expect(help).toBeVisible();
		await help.click();
		await expect(ios.getByRole('banner').getByText('Add to Home Screen')).toBeVisible();
	} finally {
		await iphone.close();
	}

	// Settings always explains it, on every browser.
	await page.goto(`${server.url}/settings/`);
	await expect(page.getByText('Add to Home Screen')).toBeVisible();
});

test('Settings shows the version, storage status and the last backup', async ({ page }) => {
	await page.goto(`${server.url}/settings/`);
	const app = page.getByRole('region', { name: 'App' });
	await expect(app.getByTestId('pwa-version')).not.toBeEmpty();
	await expect(app.getByTestId('storage-persistence')).not.toHaveText(/Checking/);
	await expect(app.getByTestId('storage-usage')).toHaveText(/\d+(\.\d)? (B|kB|MB|GB)/);
	await expect(app.getByTestId('storage-last-backup')).not.toBeEmpty();
});
