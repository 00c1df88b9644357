// Size and network budgets, measured on the production build:
// - the JavaScript of the first page load (the library): every script and modulepreload the page
//   requests, each gzipped at level 9, at most 35 KB together;
// - the service worker's precache (every build file, static file and prerendered page; the
//   illustrations excluded), gzipped the same way, at most 150 KB;
// - no request to another origin on any screen (data: and blob: URLs are local).
import { expect, test, type Request } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDir } from './helpers/build';
import { installClock, SCREENS } from './helpers/screens';

const KB = 1024;
const FIRST_LOAD_JS_BUDGET = 35 * KB;
const PRECACHE_BUDGET = 150 * KB;

/** Gzipped size (level 9) of a file of the build. */
function gzipped(file: string): number {
	return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The build file a same-origin URL path serves (pages as their index.html). */
function fileFor(pathname: string): string {
	const path = decodeURIComponent(pathname);
	return join(buildDir, path.endsWith('/') ? `${path}index.html` : path);
}

/** Every file of the build as a URL path. */
function builtFiles(dir: string = buildDir, into: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) builtFiles(full, into);
		else into.push('/' + relative(buildDir, full).split(sep).join('/'));
	}
	return into;
}

/** The sizes, largest first, and their total, as text for the report and the failure message. */
function table(rows: [string, number][]): string {
	const total = rows.reduce((sum, [, size]) => sum + size, 0);
	return [...rows.sort((a, b) => b[1] - a[1]), ['total', total] as [string, number]]
		.map(([name, size]) => `${(size / KB).toFixed(1).padStart(7)} KB  ${name}`)
		.join('\n');
}

test('the first load of the library needs at most 35 KB of JavaScript (gzip)', async ({
	page
}, testInfo) => {
	const scripts = new Set<string>();
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
	});
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
	await page.waitForLoadState('networkidle');

	// Every modulepreload of the page was requested (they are part of the first load).
	const preloads = await page
		.locator('link[rel="modulepreload"]')
		.evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
	expect(preloads.length).toBeGreaterThan(0);
	for (const preload of preloads) expect([...scripts]).toContain(preload);

	const rows: [string, number][] = [...scripts].map((path) => [path, gzipped(fileFor(path))]);
	const total = rows.reduce((sum, [, size]) => sum + size, 0);
	await testInfo.attach('first-load-js.txt', { body: table(rows) });
	expect(total, table(rows)).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
});

test('the precache is at most 150 KB gzip without the illustrations', async () => {
	// The worker precaches every file of the build except itself and kit's version file (see
	// pwa-precache.test.ts, which checks the list against the built worker).
	const files = builtFiles().filter(
		(path) => path !== '/service-worker.js' && path !== '/_app/version.json'
	);
	expect(files).toContain('/index.html');
	expect(files).toContain('/audio/silence.wav');
	const counted = files.filter((path) => !path.startsWith('/illustrations/'));
	expect(counted.length).toBeLessThan(files.length);
	const rows: [string, number][] = counted.map((path) => [path, gzipped(join(buildDir, path))]);
	const total = rows.reduce((sum, [, size]) => sum + size, 0);
	await test.info().attach('precache.txt', { body: table(rows) });
	expect(total, table(rows)).toBeLessThanOrEqual(PRECACHE_BUDGET);
});

for (const screen of SCREENS) {
	test(`${screen.name}: every request stays on this origin`, async ({ page, context, baseURL }) => {
		const origin = new URL(baseURL ?? '').origin;
		const requests: string[] = [];
		const record = (request: Request) => requests.push(request.url());
		// The context also sees the service worker's own requests.
		context.on('request', record);
		await installClock(page);
		await screen.reach(page);
		await page.clock.resume();
		await page.waitForLoadState('networkidle');
		context.off('request', record);

		expect(requests.length).toBeGreaterThan(0);
		const elsewhere = requests.filter((url) => {
			const { protocol } = new URL(url);
			if (protocol === 'data:' || protocol === 'blob:') return false;
			return new URL(url).origin !== origin;
		});
		expect(elsewhere).toEqual([]);
	});
}
