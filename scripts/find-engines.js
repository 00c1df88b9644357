// Finds the browser engines of the engines suite (tests/engines): Firefox, and WebKitGTK's
// WebDriver with the browser it drives (MiniBrowser) and an X server for it.
// - Firefox: FIREFOX_PATH, else firefox-esr or firefox on the PATH.
// - WebKit: WEBKIT_DRIVER_PATH, else WebKitWebDriver on the PATH; MINIBROWSER_PATH, else the
//   MiniBrowser of the webkit2gtk-4.1 (or 4.0) package; DISPLAY, else Xvfb on the PATH.
// ENGINES=firefox or ENGINES=webkit runs only one; SKIP_ENGINES=1 skips the suite.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ENGINE_NAMES = /** @type {const} */ (['firefox', 'webkit']);

/** @typedef {(typeof ENGINE_NAMES)[number]} EngineName */

const FIREFOX_NAMES = ['firefox-esr', 'firefox'];

/** Where Debian, Ubuntu and Fedora put WebKitGTK's MiniBrowser. */
export const MINIBROWSER_PATHS = [
	'/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
	'/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
	'/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
	'/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
	'/usr/libexec/webkit2gtk-4.1/MiniBrowser',
	'/usr/libexec/webkit2gtk-4.0/MiniBrowser'
];

/**
 * An executable on the PATH by one of `names`, or null.
 * @param {readonly string[]} names @param {NodeJS.ProcessEnv} env
 */
function onPath(names, env) {
	for (const dir of (env.PATH ?? '').split(delimiter)) {
		if (!dir) continue;
		for (const name of names) {
			const candidate = join(dir, name);
			if (existsSync(candidate)) return candidate;
		}
	}
	return null;
}

/**
 * A path from an environment variable (which must exist), else the first one found.
 * @param {string | undefined} fromEnv @param {() => string | null} search
 */
function pick(fromEnv, search) {
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
	return search();
}

/**
 * @typedef {object} Engines
 * @property {EngineName[]} wanted the engines to run (ENGINES, default both)
 * @property {{ path: string } | null} firefox
 * @property {{ driver: string, browser: string, display: string | null, xvfb: string | null } | null} webkit
 * @property {string[]} missing what is missing, in words, for each wanted engine
 */

/**
 * Finds what the wanted engines need.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {readonly string[]} [miniBrowserPaths] where to look for MiniBrowser
 * @returns {Engines}
 */
export function findEngines(env = process.env, miniBrowserPaths = MINIBROWSER_PATHS) {
	const asked = (env.ENGINES ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	/** @type {EngineName[]} */
	const wanted = asked.length
		? ENGINE_NAMES.filter((name) => asked.includes(name))
		: [...ENGINE_NAMES];
	/** @type {string[]} */
	const missing = [];
	for (const name of asked) {
		if (!(/** @type {readonly string[]} */ (ENGINE_NAMES).includes(name))) {
			missing.push(`ENGINES=${env.ENGINES}: "${name}" is not an engine (firefox, webkit)`);
		}
	}

	let firefox = null;
	if (wanted.includes('firefox')) {
		const path = pick(env.FIREFOX_PATH, () => onPath(FIREFOX_NAMES, env));
		if (path) firefox = { path };
		else
			missing.push(
				env.FIREFOX_PATH
					? `Firefox: FIREFOX_PATH=${env.FIREFOX_PATH} does not exist`
					: 'Firefox: no firefox-esr or firefox on the PATH'
			);
	}

	let webkit = null;
	if (wanted.includes('webkit')) {
		const driver = pick(env.WEBKIT_DRIVER_PATH, () => onPath(['WebKitWebDriver'], env));
		const browser = pick(
			env.MINIBROWSER_PATH,
			() => miniBrowserPaths.find((path) => existsSync(path)) ?? null
		);
		const display = env.DISPLAY || null;
		const xvfb = display ? null : onPath(['Xvfb'], env);
		if (!driver) {
			missing.push(
				env.WEBKIT_DRIVER_PATH
					? `WebKit: WEBKIT_DRIVER_PATH=${env.WEBKIT_DRIVER_PATH} does not exist`
					: 'WebKit: no WebKitWebDriver on the PATH'
			);
		}
		if (!browser) {
			missing.push(
				env.MINIBROWSER_PATH
					? `WebKit: MINIBROWSER_PATH=${env.MINIBROWSER_PATH} does not exist`
					: 'WebKit: no MiniBrowser (webkit2gtk-4.1)'
			);
		}
		if (!display && !xvfb) missing.push('WebKit: no X display (DISPLAY) and no Xvfb to start one');
		if (driver && browser && (display || xvfb)) webkit = { driver, browser, display, xvfb };
	}
	return { wanted, firefox, webkit, missing };
}

export const HOW_TO_GET_ENGINES = `The engines suite (npm run test:engines, part of npm test) runs the main journeys in
Firefox and in WebKit (WebKitGTK). On Debian or Ubuntu:
  sudo apt-get install firefox-esr webkit2gtk-driver xvfb
Elsewhere, point at what you have:
  FIREFOX_PATH=/path/to/firefox  WEBKIT_DRIVER_PATH=/path/to/WebKitWebDriver  MINIBROWSER_PATH=/path/to/MiniBrowser
Run one engine with ENGINES=firefox or ENGINES=webkit. To skip the suite on a machine that cannot
run it: SKIP_ENGINES=1 npm test (CI must not skip it).`;

/**
 * The engines to run, for a command line: exits 0 when SKIP_ENGINES=1, or 1 after saying what
 * is missing and how to get it.
 */
export function enginesOrExit() {
	if (process.env.SKIP_ENGINES === '1') {
		console.log('engines: skipped (SKIP_ENGINES=1)');
		process.exit(0);
	}
	const found = findEngines();
	if (found.missing.length > 0) {
		console.error(`engines: missing\n  - ${found.missing.join('\n  - ')}\n\n${HOW_TO_GET_ENGINES}`);
		process.exit(1);
	}
	return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const found = enginesOrExit();
	if (found.firefox) console.log(`engines: firefox ${found.firefox.path}`);
	if (found.webkit) {
		const { driver, browser, display, xvfb } = found.webkit;
		console.log(
			`engines: webkit ${driver} driving ${browser} on ${display ? `DISPLAY=${display}` : `${xvfb} (started by the suite)`}`
		);
	}
}
