// Takes screenshots of the main screens at tablet and phone sizes, light and dark, so a person
// can look at them before calling a screen done. Needs a build served at BASE_URL
// (default http://127.0.0.1:4173; run `npm start` first). Output: screenshots/ (git-ignored).
// Usage: npx tsx scripts/screenshots.ts [route-name ...]
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findBrowser } from './find-browser.js';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const OUT = 'screenshots';

const SIZES = [
	{ name: 'tablet-landscape', width: 1024, height: 768 },
	{ name: 'tablet-portrait', width: 768, height: 1024 },
	{ name: 'phone', width: 390, height: 844 }
];

interface Shot {
	name: string;
	prepare: (page: Page) => Promise<void>;
	fullPage?: boolean;
}

const SHOTS: Shot[] = [
	{ name: 'library', prepare: async (page) => void (await page.goto(`${BASE_URL}/`)) },
	{
		name: 'program',
		prepare: async (page) => void (await page.goto(`${BASE_URL}/programs/gentle-relief/`))
	},
	{
		name: 'player',
		prepare: async (page) => {
			await page.clock.install();
			await page.goto(`${BASE_URL}/play/?program=daily-core-strength`);
			await page.getByRole('button', { name: 'Start' }).click();
			await page.clock.runFor(14_000);
		}
	},
	// The four looks of the player (issue 18): get-ready, a paced rep, a rest, a hold (left and
	// right side), in Daily core strength: get-ready 0–8 s, cat stretch 8–56 s, rest 56–76 s,
	// bird-dog's get-ready 76–84 s, its first hold (left) 84–91 s, rest, the right hold 94–101 s.
	...(
		[
			['player-prepare', 3_000],
			['player-paced', 10_000],
			['player-rest', 60_000],
			['player-hold', 87_000],
			['player-hold-right', 97_000]
		] as const
	).map(([name, ms]): Shot => ({
		name,
		prepare: async (page) => {
			await page.clock.install();
			await page.goto(`${BASE_URL}/play/?program=daily-core-strength`);
			await page.getByRole('button', { name: 'Start' }).click();
			await page.clock.runFor(ms);
		}
	})),
	{
		name: 'player-self-paced',
		prepare: async (page) => {
			await page.clock.install();
			await page.goto(`${BASE_URL}/play/?program=desk-break`);
			await page.getByRole('button', { name: 'Start' }).click();
			for (let i = 0; i < 30; i++) {
				await page.clock.runFor(5_000);
				if (await page.getByRole('button', { name: 'Rep done' }).isVisible()) break;
			}
			await page.getByRole('button', { name: 'Rep done' }).click();
		}
	},
	{
		name: 'summary',
		prepare: async (page) => {
			await page.clock.install();
			await page.goto(`${BASE_URL}/play/?program=gentle-relief`);
			await page.getByRole('button', { name: 'Start' }).click();
			await page.clock.runFor(8_000);
			await page.getByRole('button', { name: 'Skip' }).click();
			await page.getByRole('button', { name: 'End session' }).click();
			await page.getByRole('alertdialog').getByRole('button', { name: 'End session' }).click();
			await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
		},
		fullPage: true
	},
	{
		name: 'resume',
		prepare: async (page) => {
			await page.clock.install();
			await page.goto(`${BASE_URL}/play/?program=daily-core-strength`);
			await page.getByRole('button', { name: 'Start' }).click();
			await page.clock.runFor(40_000);
			await page.getByRole('button', { name: 'Pause' }).click();
			await page.clock.runFor(12 * 60_000);
			await page.reload();
			await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
		}
	},
	{
		name: 'elsewhere',
		prepare: async (page) => {
			const other = await page.context().newPage();
			await other.goto(`${BASE_URL}/play/?program=desk-break`);
			await other.getByRole('button', { name: 'Start' }).click();
			await other.getByRole('button', { name: 'End session' }).waitFor();
			await page.goto(`${BASE_URL}/play/?program=desk-break`);
			await page.getByRole('button', { name: 'Continue here' }).waitFor();
		}
	},
	{ name: 'history', prepare: async (page) => void (await page.goto(`${BASE_URL}/history/`)) },
	{ name: 'settings', prepare: async (page) => void (await page.goto(`${BASE_URL}/settings/`)) },
	{ name: 'import', prepare: async (page) => void (await page.goto(`${BASE_URL}/import/`)) }
];

const wanted = process.argv.slice(2);
const browserInfo = await findBrowser();
const browser = await chromium.launch(
	browserInfo && browserInfo.source !== 'playwright' ? { executablePath: browserInfo.path } : {}
);
mkdirSync(OUT, { recursive: true });
for (const shot of SHOTS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
	for (const size of SIZES) {
		for (const scheme of ['light', 'dark'] as const) {
			const context = await browser.newContext({
				viewport: { width: size.width, height: size.height },
				colorScheme: scheme,
				// Poses without their move, so each picture shows the step's pose.
				reducedMotion: 'reduce',
				serviceWorkers: 'block'
			});
			const page = await context.newPage();
			try {
				await shot.prepare(page);
				await page.waitForTimeout(300);
				const file = `${OUT}/${shot.name}-${size.name}-${scheme}.png`;
				await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
				console.log(file);
			} catch (error) {
				console.error(`${shot.name} ${size.name} ${scheme}: ${(error as Error).message}`);
			}
			await context.close();
		}
	}
}
await browser.close();
