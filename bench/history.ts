// Benchmark section "history": History with 10,000 sessions in the browser's real IndexedDB.
// The sessions come from the app's own seed helper (src/lib/storage/seed.ts: two a day, ending
// today) and are written in Node-built batches through page.evaluate straight into the database
// the app created on a first visit, followed by their packed digests (src/lib/storage/digests.ts),
// as the app's own writes keep them. Then, five times: a full navigation to /history/ until the
// summary (the streak) is on screen, timed inside the page from the navigation's start to the
// frame after it appears; and three times: "Export backup (JSON)" clicked until the download
// starts. Figures are medians.
import { chromium, type Page } from '@playwright/test';
import type { SessionRecord } from '../src/lib/session/record';
import { digestOf, packDigests } from '../src/lib/storage/digests';
import { DIGESTS_KEY, type PackedDigests } from '../src/lib/storage/schema';
import { generateSessions } from '../src/lib/storage/seed';
import type { BenchSection, Row } from './section';
import { chromiumPath, median, round, startApp } from './app-build';

const SESSIONS = 10_000;
const BATCH = 2_000;
const NAVIGATIONS = 5;
const EXPORTS = 3;
const SUMMARY_TARGET_MS = 200;
const EXPORT_TARGET_MS = 1000;

/** Writes records into the app's database (which the first visit created and upgraded). */
async function putSessions(page: Page, records: SessionRecord[]): Promise<void> {
	await page.evaluate(async (batch) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('limber');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		try {
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('sessions', 'readwrite');
				const store = tx.objectStore('sessions');
				for (const record of batch) store.put(record);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
		} finally {
			db.close();
		}
	}, records);
}

/** Writes the packed digests of every session (one record), as the app's writes keep them. */
async function putDigests(page: Page, packed: PackedDigests): Promise<void> {
	await page.evaluate(
		async ({ record, key }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			try {
				await new Promise<void>((resolve, reject) => {
					const tx = db.transaction('sessionDigests', 'readwrite');
					tx.objectStore('sessionDigests').put(record, key);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
			} finally {
				db.close();
			}
		},
		{ record: packed, key: DIGESTS_KEY }
	);
}

/** How many sessions, and how many digests, are stored. */
async function countStored(page: Page): Promise<{ sessions: number; digests: number }> {
	return page.evaluate(
		(key) =>
			new Promise<{ sessions: number; digests: number }>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['sessions', 'sessionDigests']);
					const count = tx.objectStore('sessions').count();
					const packed = tx.objectStore('sessionDigests').get(key);
					tx.oncomplete = () => {
						db.close();
						const ids = (packed.result as { ids?: unknown[] } | undefined)?.ids;
						resolve({ sessions: count.result, digests: ids?.length ?? 0 });
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		DIGESTS_KEY
	);
}

// Given as text: tsx wraps named functions in a helper the page does not have.
const WATCH_SUMMARY = `
	new MutationObserver((_, observer) => {
		if (!document.getElementById('streak-heading')) return;
		observer.disconnect();
		// The frame after it is in the DOM: when it is painted.
		requestAnimationFrame(() => (window.__summaryAt = performance.now()));
	}).observe(document, { childList: true, subtree: true });
`;

// The history section: opening History and exporting a backup with 10,000 sessions stored.
export const historySection: BenchSection = {
	name: 'history',
	async run() {
		const executablePath = await chromiumPath();
		const app = await startApp();
		const browser = await chromium.launch({
			executablePath,
			headless: true,
			args: ['--no-sandbox']
		});
		try {
			const context = await browser.newContext({ acceptDownloads: true });
			const page = await context.newPage();
			// The first visit creates the database (the settings it reads open and upgrade it).
			await page.goto(`${app.url}/`);
			await page.getByRole('button', { name: 'OK, got it' }).waitFor();
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
				timeout: 60_000
			});

			// Two sessions a day for 5,000 days, up to today (local time).
			const days = Math.ceil(SESSIONS / 2);
			const first = new Date();
			first.setHours(0, 0, 0, 0);
			first.setDate(first.getDate() - (days - 1));
			const sessions = generateSessions(SESSIONS, first, 2024);
			for (let from = 0; from < sessions.length; from += BATCH) {
				await putSessions(page, sessions.slice(from, from + BATCH));
			}
			await putDigests(page, packDigests(sessions.map(digestOf)));
			const stored = await countStored(page);
			if (stored.sessions !== SESSIONS || stored.digests !== SESSIONS) {
				throw new Error(
					`expected ${SESSIONS} sessions and digests, found ${JSON.stringify(stored)}`
				);
			}

			// In every page from now on: when the History summary (streak) first shows.
			await page.addInitScript({ content: WATCH_SUMMARY });
			const summaryTimes: number[] = [];
			let streak = '';
			for (let i = 0; i < NAVIGATIONS; i++) {
				await page.goto(`${app.url}/history/`);
				await page.waitForFunction(
					() => (window as unknown as { __summaryAt?: number }).__summaryAt !== undefined
				);
				summaryTimes.push(
					await page.evaluate(() => (window as unknown as { __summaryAt: number }).__summaryAt)
				);
				streak = ((await page.locator('.big').first().textContent()) ?? '')
					.replace(/\s+/g, ' ')
					.trim();
			}

			const exportTimes: number[] = [];
			let bytes = 0;
			const button = page.getByRole('button', { name: 'Export backup (JSON)' });
			for (let i = 0; i < EXPORTS; i++) {
				await button.waitFor();
				await page.waitForFunction(() =>
					[...document.querySelectorAll('button')].some(
						(b) => b.textContent.trim() === 'Export backup (JSON)' && !b.disabled
					)
				);
				const downloading = page.waitForEvent('download', { timeout: 60_000 });
				const clicked = performance.now();
				await button.click();
				const download = await downloading;
				exportTimes.push(performance.now() - clicked);
				const path = await download.path();
				const { stat } = await import('node:fs/promises');
				bytes = (await stat(path)).size;
			}

			const summary = round(median(summaryTimes));
			const exported = round(median(exportTimes));
			const rows: Row[] = [
				{
					metric: 'sessions stored (seed helper, real IndexedDB)',
					value: SESSIONS,
					note: `streak shown: ${streak}`
				},
				{
					metric: 'navigation to /history/ → summary (streak) visible',
					value: summary,
					unit: 'ms',
					target: `≤ ${SUMMARY_TARGET_MS} ms`,
					pass: summary <= SUMMARY_TARGET_MS,
					note: `median of ${NAVIGATIONS}, from the navigation's start (in the page)`
				},
				{
					metric: 'Export backup (JSON): click → download',
					value: exported,
					unit: 'ms',
					target: `≤ ${EXPORT_TARGET_MS} ms`,
					pass: exported <= EXPORT_TARGET_MS,
					note: `median of ${EXPORTS}; file ${(bytes / 1048576).toFixed(1)} MB`
				}
			];
			return rows;
		} finally {
			await browser.close();
			await app.stop();
		}
	}
};
