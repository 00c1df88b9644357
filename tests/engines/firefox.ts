// Firefox through puppeteer-core over WebDriver BiDi. Debian's firefox-esr has no geckodriver
// package, and Playwright's moz-firefox channel fails against ESR 153
// (emulation.setMediaFeaturesOverride); puppeteer-core 24 drives it (25 needs Node 22).
import puppeteer from 'puppeteer-core';
import { callSource, type EngineDriver, type PageFunction } from './driver';

/** Starts a headless Firefox with a fresh profile. */
export async function launchFirefox(executablePath: string): Promise<EngineDriver> {
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath,
		headless: true,
		// A tablet in landscape.
		defaultViewport: { width: 1024, height: 768 }
	});
	const page = await browser.newPage();
	const errors: string[] = [];
	const pending: Promise<void>[] = [];
	page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		// An Error argument prints as "JSHandle@error": read its message from the page instead.
		const described = Promise.all(
			message
				.args()
				.map((arg) =>
					arg
						.evaluate((value: unknown) =>
							value instanceof Error ? `${value.name}: ${value.message}` : String(value)
						)
						.catch(() => '(gone with its page)')
				)
		).then((parts) => `console: ${parts.join(' ') || message.text()}`);
		pending.push(described.then((text) => void errors.push(text)));
	});
	const version = await browser.version();
	return {
		name: 'firefox',
		version,
		async goto(url) {
			await page.goto(url, { waitUntil: 'load' });
		},
		async reload() {
			await page.reload({ waitUntil: 'load' });
		},
		async evaluate<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T> {
			return (await page.evaluate(callSource(fn, args))) as T;
		},
		async click(selector) {
			await page.click(selector);
		},
		async errors() {
			await Promise.all(pending);
			return [...errors];
		},
		async close() {
			await browser.close();
		}
	};
}
