// WebKitGTK through WebdriverIO: Debian's webkit2gtk-driver gives WebKitWebDriver, which drives
// MiniBrowser (started with --automation) over classic WebDriver. It needs an X server: the
// one in DISPLAY, else an Xvfb started here and stopped on close. One session at a time; each
// automation session starts with empty website data.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { remote } from 'webdriverio';
import { callSource, type EngineDriver, type PageFunction } from './driver';

export interface WebKitPaths {
	driver: string;
	browser: string;
	/** The X display to use, or null to start Xvfb. */
	display: string | null;
	xvfb: string | null;
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

/** Starts Xvfb on a free display; resolves with ":N" once it accepts clients. */
async function startXvfb(xvfb: string): Promise<{ display: string; process: ChildProcess }> {
	const child = spawn(
		xvfb,
		['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
		{
			stdio: ['ignore', 'ignore', 'pipe', 'pipe']
		}
	);
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const display = await new Promise<string>((done, fail) => {
		let out = '';
		const fd3 = child.stdio[3] as NodeJS.ReadableStream | null;
		fd3?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('\n')) done(`:${out.trim()}`);
		});
		child.once('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
		setTimeout(() => fail(new Error(`Xvfb did not start in 10 s: ${stderr.trim()}`)), 10_000);
	});
	return { display, process: child };
}

/** Waits until the WebDriver server answers /status. */
async function waitForDriver(port: number, driver: ChildProcess): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/status`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	throw new Error('WebKitWebDriver did not answer in 15 s');
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Starts (Xvfb,) WebKitWebDriver and a MiniBrowser session. */
export async function launchWebKit(paths: WebKitPaths): Promise<EngineDriver> {
	const started: ChildProcess[] = [];
	const stopAll = () => {
		for (const child of started.reverse()) child.kill();
	};
	try {
		let display = paths.display;
		if (!display) {
			if (!paths.xvfb) throw new Error('no DISPLAY and no Xvfb');
			const x = await startXvfb(paths.xvfb);
			started.push(x.process);
			display = x.display;
		}
		const port = await freePort();
		const driver = spawn(paths.driver, [`--port=${port}`], {
			env: { ...process.env, DISPLAY: display },
			stdio: 'ignore'
		});
		started.push(driver);
		await waitForDriver(port, driver);
		// WebKitGTK's own capability is not in WebdriverIO's types, hence a variable.
		const capabilities = {
			browserName: 'MiniBrowser',
			'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
			// WebKitWebDriver speaks classic WebDriver only: ask for no BiDi session.
			'wdio:enforceWebDriverClassic': true
		};
		const browser = await remote({
			hostname: '127.0.0.1',
			port,
			path: '/',
			logLevel: 'error',
			connectionRetryCount: 1,
			capabilities
		});
		await browser.setWindowSize(1024, 768);
		const caps = browser.capabilities as { browserVersion?: string };
		return {
			name: 'webkit',
			version: `WebKitGTK ${caps.browserVersion ?? '?'}`,
			async goto(url) {
				await browser.url(url);
			},
			async reload() {
				await browser.refresh();
			},
			async evaluate<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T> {
				// Asynchronous script: works the same whether the function returns a promise or not.
				const outcome: Outcome = await browser.executeAsync(
					`const done = arguments[arguments.length - 1];
					Promise.resolve()
						.then(() => ${callSource(fn, args)})
						.then(
							(value) => done({ ok: true, value: value === undefined ? null : value }),
							(error) => done({ ok: false, error: String((error && error.stack) || error) })
						);`
				);
				if (!outcome.ok) throw new Error(`in the page: ${outcome.error}`);
				return outcome.value as T;
			},
			async click(selector) {
				await browser.$(selector).click();
			},
			// Classic WebDriver has no console events.
			errors: async () => [],
			async close() {
				try {
					await browser.deleteSession();
				} finally {
					stopAll();
				}
			}
		};
	} catch (error) {
		stopAll();
		throw error;
	}
}
