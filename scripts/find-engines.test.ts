import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEngines, HOW_TO_GET_ENGINES } from './find-engines.js';

/** A folder with executables of these names (empty scripts). */
function fakeBins(...names: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'engines-'));
	for (const name of names) {
		const file = join(dir, name);
		writeFileSync(file, '#!/bin/sh\n');
		chmodSync(file, 0o755);
	}
	return dir;
}

describe('findEngines', () => {
	it('finds firefox-esr, WebKitWebDriver, MiniBrowser and Xvfb', () => {
		const dir = fakeBins('firefox-esr', 'WebKitWebDriver', 'Xvfb', 'MiniBrowser');
		const found = findEngines({ PATH: dir }, ['/nope/MiniBrowser', join(dir, 'MiniBrowser')]);
		expect(found).toEqual({
			wanted: ['firefox', 'webkit'],
			firefox: { path: join(dir, 'firefox-esr') },
			webkit: {
				driver: join(dir, 'WebKitWebDriver'),
				browser: join(dir, 'MiniBrowser'),
				display: null,
				xvfb: join(dir, 'Xvfb')
			},
			missing: []
		});
	});

	it('uses a display that is there instead of starting Xvfb', () => {
		const dir = fakeBins('firefox', 'WebKitWebDriver', 'MiniBrowser');
		const found = findEngines({ PATH: dir, DISPLAY: ':0' }, [join(dir, 'MiniBrowser')]);
		expect(found.webkit).toMatchObject({ display: ':0', xvfb: null });
		expect(found.firefox?.path).toBe(join(dir, 'firefox'));
		expect(found.missing).toEqual([]);
	});

	it('takes FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH over the PATH', () => {
		const own = fakeBins('ff', 'wkd', 'mb');
		const path = fakeBins('firefox-esr', 'WebKitWebDriver', 'Xvfb');
		const found = findEngines(
			{
				PATH: path,
				FIREFOX_PATH: join(own, 'ff'),
				WEBKIT_DRIVER_PATH: join(own, 'wkd'),
				MINIBROWSER_PATH: join(own, 'mb')
			},
			[]
		);
		expect(found.firefox?.path).toBe(join(own, 'ff'));
		expect(found.webkit).toMatchObject({ driver: join(own, 'wkd'), browser: join(own, 'mb') });
	});

	it('says what is missing, by name, when an override points nowhere', () => {
		const path = fakeBins('firefox-esr', 'WebKitWebDriver', 'Xvfb', 'MiniBrowser');
		const found = findEngines(
			{ PATH: path, FIREFOX_PATH: '/nope/firefox', WEBKIT_DRIVER_PATH: '/nope/wkd' },
			[join(path, 'MiniBrowser')]
		);
		expect(found.firefox).toBeNull();
		expect(found.webkit).toBeNull();
		expect(found.missing).toEqual([
			'Firefox: FIREFOX_PATH=/nope/firefox does not exist',
			'WebKit: WEBKIT_DRIVER_PATH=/nope/wkd does not exist'
		]);
	});

	it('on a machine with none of them, lists everything missing', () => {
		const found = findEngines({ PATH: fakeBins() }, []);
		expect(found.missing).toEqual([
			'Firefox: no firefox-esr or firefox on the PATH',
			'WebKit: no WebKitWebDriver on the PATH',
			'WebKit: no MiniBrowser (webkit2gtk-4.1)',
			'WebKit: no X display (DISPLAY) and no Xvfb to start one'
		]);
		expect(HOW_TO_GET_ENGINES).toContain('sudo apt-get install firefox-esr webkit2gtk-driver xvfb');
		expect(HOW_TO_GET_ENGINES).toContain('SKIP_ENGINES=1');
	});

	it('ENGINES picks one engine, and only its parts are required', () => {
		const found = findEngines({ PATH: fakeBins('firefox-esr'), ENGINES: 'firefox' }, []);
		expect(found.wanted).toEqual(['firefox']);
		expect(found.webkit).toBeNull();
		expect(found.missing).toEqual([]);
		expect(findEngines({ PATH: '', ENGINES: 'safari' }, []).missing).toEqual([
			'ENGINES=safari: "safari" is not an engine (firefox, webkit)'
		]);
	});
});

describe('npm run test:engines on a machine without the engines', () => {
	const run = (env: NodeJS.ProcessEnv) =>
		spawnSync(process.execPath, ['scripts/test-engines.js'], {
			env: { PATH: fakeBins(), ...env },
			encoding: 'utf8'
		});

	it('fails, saying what is missing and how to install it', () => {
		const result = run({});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Firefox: no firefox-esr or firefox on the PATH');
		expect(result.stderr).toContain('sudo apt-get install firefox-esr webkit2gtk-driver xvfb');
	});

	it('is skipped only when SKIP_ENGINES=1 says so', () => {
		const result = run({ SKIP_ENGINES: '1' });
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('engines: skipped (SKIP_ENGINES=1)');
	});
});
