import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from './find-browser.js';

function fakeBin(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'browser-'));
	mkdirSync(dir, { recursive: true });
	const file = join(dir, name);
	writeFileSync(file, '#!/bin/sh\n');
	chmodSync(file, 0o755);
	return dir;
}

describe('findBrowser', () => {
	it('prefers CHROME_PATH when it exists', async () => {
		const dir = fakeBin('my-chrome');
		const found = await findBrowser({ CHROME_PATH: join(dir, 'my-chrome'), PATH: '' });
		expect(found).toEqual({ path: join(dir, 'my-chrome'), source: 'CHROME_PATH' });
	});

	it('reports nothing when CHROME_PATH points nowhere', async () => {
		expect(await findBrowser({ CHROME_PATH: '/nope/chrome', PATH: '/usr/bin' })).toBeNull();
	});

	it('finds a system chromium on the PATH when no other is given', async () => {
		const dir = fakeBin('chromium-browser');
		const found = await findBrowser({ PATH: `/definitely/missing:${dir}` });
		// Playwright's own browser wins when installed; otherwise the one on our PATH.
		expect(found).not.toBeNull();
		if (found?.source !== 'playwright')
			expect(found).toEqual({ path: join(dir, 'chromium-browser'), source: 'system' });
	});
});
