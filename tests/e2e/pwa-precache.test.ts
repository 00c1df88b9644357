import { expect, test } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildDir } from './helpers/build';
import { precacheListOf } from './helpers/precache';
import { isLeftToFallback, NOT_PRECACHED } from '../../src/lib/pwa/cache-plan';

// What a plain static host (no SPA fallback) has under a URL path: the file, or a folder's index.html.
function fileOnHost(pathname: string): string | null {
	const target = join(buildDir, decodeURIComponent(pathname));
	try {
		const stat = statSync(target);
		if (stat.isFile()) return target;
		if (stat.isDirectory() && statSync(join(target, 'index.html')).isFile()) return target;
	} catch {
		// missing
	}
	return null;
}

// The URL path of every file in the build, with pages as folders (/history/index.html → /history/).
function everyBuiltUrl(dir: string, into: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) everyBuiltUrl(full, into);
		// The .br and .gz beside each file are its encodings, sent by the host, not URLs of their own.
		else if (!/\.(br|gz)$/.test(entry.name)) {
			into.push('/' + relative(buildDir, full).split(sep).join('/'));
		}
	}
	return into.map((url) => url.replace(/(^|\/)index\.html$/, '$1'));
}

test('the service worker precaches every file of the build, and each one exists on a static host', async ({
	request
}) => {
	const list = await precacheListOf(buildDir);
	expect(new Set(list).size).toBe(list.length);

	// Everything except the worker itself, SvelteKit's version file (fetched only to poll) and
	// the files the app never fetches (the program JSON Schema, for authors' editors), and the
	// built-in programs' pages, which the fallback page renders from their precached files.
	const expected = everyBuiltUrl(buildDir).filter(
		(url) =>
			url !== '/service-worker.js' &&
			url !== '/_app/version.json' &&
			!NOT_PRECACHED.includes(url) &&
			!isLeftToFallback(url, '')
	);
	expect(NOT_PRECACHED.every((url) => fileOnHost(url) !== null)).toBe(true);
	expect(list).not.toContain('/program.schema.json');
	expect([...list].sort()).toEqual([...expected].sort());
	expect(list).toEqual(
		expect.arrayContaining([
			'/',
			'/200.html',
			'/manifest.webmanifest',
			'/icons/icon-192.png',
			'/apple-touch-icon.png'
		])
	);

	// One 404 would stop the worker from installing at all: fetch every URL from the server,
	// and make sure none is answered by the SPA fallback in place of a real file.
	for (const url of list) {
		expect(fileOnHost(url), `${url} exists in ${buildDir}/`).not.toBeNull();
		const response = await request.get(url);
		expect(response.status(), url).toBe(200);
	}
});
