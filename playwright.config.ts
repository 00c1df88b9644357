import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.js';

const browser = await findBrowser();
const port = Number(process.env.E2E_PORT ?? 4173);
const buildDir = process.env.BUILD_DIR ?? 'build';

// The CouchDB-protocol test server for the sync tests: .ci/run starts one and sets
// LIMBER_COUCH_URL; otherwise it is started here (on LIMBER_COUCH_PORT, default 5985) and the
// address passed on to the test workers, which inherit this process's environment.
const couchPort = Number(process.env.LIMBER_COUCH_PORT ?? 5985);
const startCouch = !process.env.LIMBER_COUCH_URL;
if (startCouch) process.env.LIMBER_COUCH_URL = `http://127.0.0.1:${couchPort}`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions:
			browser && browser.source !== 'playwright' ? { executablePath: browser.path } : {},
		trace: 'retain-on-failure',
		serviceWorkers: 'allow'
	},
	webServer: [
		{
			command: `npm run build && node scripts/serve.js --dir ${buildDir} --port ${port}`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 240_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		...(startCouch
			? [
					{
						command: `node scripts/couch-test-server.js --port ${couchPort}`,
						url: `http://127.0.0.1:${couchPort}/_up`,
						reuseExistingServer: !process.env.CI,
						timeout: 30_000,
						stdout: 'ignore' as const,
						stderr: 'pipe' as const
					}
				]
			: [])
	]
});
