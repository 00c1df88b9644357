// Benchmark section "offline": how fast the installed app opens with no network at all.
// A persistent Chromium profile visits the library once (the service worker installs, precaches
// everything and takes control), then the server is stopped and Chromium is launched again, three
// times, on the same profile with the network off. Each time: how long from launching the browser,
// and from starting the navigation, until the library's h1 is visible; and the page's own first
// contentful paint. Every figure is the median of the three.
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection, Row } from './section';
import { chromiumPath, median, round, startApp } from './app-build';

const STARTS = 3;

interface ColdStart {
	launchToH1: number;
	navigationToH1: number;
	firstContentfulPaint: number;
}

async function launch(profile: string, executablePath: string, offline: boolean) {
	return chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		offline,
		serviceWorkers: 'allow',
		args: ['--no-sandbox']
	});
}

async function firstPage(context: BrowserContext) {
	return context.pages()[0] ?? (await context.newPage());
}

async function coldStart(profile: string, executablePath: string, url: string): Promise<ColdStart> {
	const started = performance.now();
	const context = await launch(profile, executablePath, true);
	try {
		const page = await firstPage(context);
		const navigating = performance.now();
		await page.goto(url, { waitUntil: 'commit' });
		await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor({ state: 'visible' });
		const visible = performance.now();
		const served = await page.evaluate(() => navigator.serviceWorker.controller !== null);
		if (!served) throw new Error('the offline page was not served by the service worker');
		// The paint is reported once it is on screen, which can be a little after the h1 is laid out.
		const fcp = await page
			.waitForFunction(
				() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
				undefined,
				{ timeout: 5000 }
			)
			.then((handle) => handle.jsonValue() as Promise<number>);
		return {
			launchToH1: visible - started,
			navigationToH1: visible - navigating,
			firstContentfulPaint: fcp
		};
	} finally {
		await context.close();
	}
}

// The offline section: cold starts of the installed app with the server gone and the network off.
export const offlineSection: BenchSection = {
	name: 'offline',
	async run() {
		const executablePath = await chromiumPath();
		const profile = await mkdtemp(join(tmpdir(), 'limber-offline-'));
		const app = await startApp();
		const url = `${app.url}/`;
		try {
			// The first visit, online: wait until the service worker controls the page.
			const context = await launch(profile, executablePath, false);
			try {
				const page = await firstPage(context);
				await page.goto(url);
				await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
					timeout: 60_000
				});
			} finally {
				await context.close();
			}
			await app.stop();

			const starts: ColdStart[] = [];
			for (let i = 0; i < STARTS; i++) starts.push(await coldStart(profile, executablePath, url));
			const m = (pick: (start: ColdStart) => number) => round(median(starts.map(pick)));
			const rows: Row[] = [
				{
					metric: 'offline cold start: browser launch → library h1 visible',
					value: m((s) => s.launchToH1),
					unit: 'ms',
					note: `median of ${STARTS}; server stopped, network off, same profile`
				},
				{
					metric: 'offline cold start: navigation → library h1 visible',
					value: m((s) => s.navigationToH1),
					unit: 'ms'
				},
				{
					metric: 'offline cold start: first contentful paint (in the page)',
					value: m((s) => s.firstContentfulPaint),
					unit: 'ms'
				}
			];
			return rows;
		} finally {
			await app.stop();
			await rm(profile, { recursive: true, force: true });
		}
	}
};
