// Finds a Chromium for the end-to-end tests and the benchmark:
// CHROME_PATH, else Playwright's own Chromium, else a system Chromium on the PATH.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Returns `{ path, source }` of a usable Chromium, or null when there is none. */
export async function findBrowser(env = process.env) {
	if (env.CHROME_PATH) {
		return existsSync(env.CHROME_PATH) ? { path: env.CHROME_PATH, source: 'CHROME_PATH' } : null;
	}
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return { path: own, source: 'playwright' };
	} catch {
		// Playwright's browser is not installed: fall through to the system one.
	}
	for (const dir of (env.PATH ?? '').split(delimiter)) {
		for (const name of SYSTEM_NAMES) {
			const candidate = join(dir, name);
			if (dir && existsSync(candidate)) return { path: candidate, source: 'system' };
		}
	}
	return null;
}

export const HOW_TO_GET_A_BROWSER = `No Chromium found for the end-to-end tests. Any one of these works:
  - npx playwright install chromium        (Playwright's own build)
  - sudo apt-get install chromium          (Debian/Ubuntu system package)
  - CHROME_PATH=/path/to/chrome npm test   (a Chromium or Chrome you already have)`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const found = await findBrowser();
	if (!found) {
		console.error(HOW_TO_GET_A_BROWSER);
		if (process.env.CHROME_PATH)
			console.error(`(CHROME_PATH=${process.env.CHROME_PATH} does not exist)`);
		process.exit(1);
	}
	console.log(`e2e browser: ${found.path} (${found.source})`);
}
