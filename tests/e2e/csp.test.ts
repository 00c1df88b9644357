// Content Security Policy gate: every page of the build carries kit's CSP as a <meta> tag, script-src
// allows only this origin and the hashes of kit's own inline scripts, and no screen of the app
// triggers a single violation. connect-src: the built policy allows any HTTPS origin and this
// device's loopback (the person's sync server is known only at run time); each page's bootstrap
// narrows it at once to the app's own origin, and the sync server's while sync is on — so with
// sync off no screen sends a single request to another origin (docs/sync.md).
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from './helpers/build';
import { installClock, openHistoryWithSession, SCREENS } from './helpers/screens';

interface Violation {
	directive: string;
	blocked: string;
	sample: string;
	source: string;
	line: number;
}

/** The built policy's connect-src, which every page's bootstrap narrows (see the top). */
const BUILT_CONNECT_SRC = ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/** Parses a policy into its directives: name → values. */
function directives(policy: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) map.set(name.toLowerCase(), values);
	}
	return map;
}

/** The policy of the page's <meta http-equiv="content-security-policy">, or null. */
function metaPolicy(html: string): string | null {
	const tag = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i);
	return tag?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"') ?? null;
}

function htmlFiles(dir: string, into: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) htmlFiles(full, into);
		else if (entry.name.endsWith('.html')) into.push(full);
	}
	return into;
}

/** Checks the directives this app promises. */
function expectStrictPolicy(policy: string, where: string): void {
	const map = directives(policy);
	const scripts = map.get('script-src') ?? [];
	expect(scripts[0], `${where}: script-src starts with 'self'`).toBe("'self'");
	for (const value of scripts.slice(1)) {
		expect(value, `${where}: script-src has only hashes besides 'self'`).toMatch(
			/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/
		);
	}
	expect(scripts, `${where}: no inline script`).not.toContain("'unsafe-inline'");
	expect(scripts, `${where}: no eval`).not.toContain("'unsafe-eval'");
	expect(map.get('default-src'), where).toEqual(["'self'"]);
	expect(map.get('object-src'), where).toEqual(["'none'"]);
	expect(map.get('base-uri'), where).toEqual(["'self'"]);
	expect(map.get('connect-src'), where).toEqual(BUILT_CONNECT_SRC);
	expect(map.get('img-src'), where).toEqual(["'self'", 'data:']);
	expect(map.get('media-src'), where).toEqual(["'self'", 'blob:']);
	expect(map.get('worker-src'), where).toEqual(["'self'"]);
	expect(map.get('manifest-src'), where).toEqual(["'self'"]);
	expect(map.get('form-action'), where).toEqual(["'self'"]);
	// Inline handlers: only Svelte's event replay, by its hash.
	expect(map.get('script-src-attr'), where).toEqual([
		"'unsafe-hashes'",
		`'sha256-${createHash('sha256').update('this.__e=event').digest('base64')}'`
	]);
	// Styles: files from this origin, plus style attributes (never <style> elements).
	expect(map.get('style-src'), where).toEqual(["'self'"]);
	expect(map.get('style-src-attr'), where).toEqual(["'unsafe-inline'"]);
	expect(map.has('style-src-elem'), where).toBe(false);
}

/** Collects every CSP violation of the page, across navigations, into the returned list. */
async function recordViolations(page: Page): Promise<Violation[]> {
	const seen: Violation[] = [];
	await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
		seen.push(violation);
	});
	await page.addInitScript(() => {
		const w = window as unknown as {
			__cspViolations: Violation[];
			__reportCspViolation: (v: Violation) => void;
		};
		w.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (event) => {
			const violation = {
				directive: event.effectiveDirective,
				blocked: event.blockedURI,
				sample: event.sample,
				source: event.sourceFile,
				line: event.lineNumber
			};
			w.__cspViolations.push(violation);
			void w.__reportCspViolation(violation);
		});
	});
	return seen;
}

/** Every request the page (and its service worker) makes, by URL. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.context().on('request', (request) => urls.push(request.url()));
	return urls;
}

/** The SHA-256 sources of the page's inline scripts that run (not JSON data blocks). */
function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const [, attributes = '', body = ''] of html.matchAll(
		/<script([^>]*)>([\s\S]*?)<\/script>/g
	)) {
		if (/\ssrc=/.test(attributes) || /type="application\/json"/.test(attributes)) continue;
		hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
	}
	return hashes;
}

test('every page of the build carries the strict policy', () => {
	const files = htmlFiles(buildDir);
	expect(files.length).toBeGreaterThanOrEqual(8);
	for (const file of files) {
		const html = readFileSync(file, 'utf8');
		const policy = metaPolicy(html);
		expect(policy, `${file} has a CSP meta tag`).not.toBeNull();
		expectStrictPolicy(policy as string, file);
		// The hashes are exactly those of the page's inline scripts as written (the paint-first
		// rewrite swaps in its own): none missing, none stale.
		const inline = inlineScriptHashes(html);
		expect(inline.length, `${file} has SvelteKit's bootstrap`).toBeGreaterThan(0);
		const allowed = (directives(policy as string).get('script-src') ?? []).slice(1);
		expect(allowed.sort(), file).toEqual(inline.sort());
	}
});

test('the policy is enforced: injected inline code is blocked and reported', async ({ page }) => {
	const violations = await recordViolations(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
	const ran = await page.evaluate(async () => {
		const w = window as unknown as { __ran: string[] };
		w.__ran = [];
		const script = document.createElement('script');
		script.textContent = 'window.__ran.push("script")';
		document.body.append(script);
		const image = document.createElement('img');
		image.setAttribute('onerror', 'window.__ran.push("handler")');
		image.src = '/no-such-image.png';
		document.body.append(image);
		const style = document.createElement('style');
		style.textContent = 'body { display: none }';
		document.head.append(style);
		await new Promise((done) => image.addEventListener('error', done));
		return { ran: w.__ran, display: getComputedStyle(document.body).display };
	});
	expect(ran).toEqual({ ran: [], display: 'block' });
	await expect
		.poll(() => violations.map((v) => v.directive).sort())
		.toEqual(['script-src-attr', 'script-src-elem', 'style-src-elem']);
});

for (const screen of SCREENS) {
	test(`${screen.name}: no CSP violation, no request to another origin`, async ({
		page,
		baseURL
	}) => {
		const urls = recordRequests(page);
		const violations = await recordViolations(page);
		await installClock(page);
		await screen.reach(page);
		const policies = await page
			.locator('meta[http-equiv="content-security-policy" i]')
			.evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content') ?? ''));
		expect(policies, 'the built policy, then the narrowing one').toHaveLength(2);
		expectStrictPolicy(policies[0] ?? '', screen.name);
		expect(policies[1]).toBe("connect-src 'self'");
		// Late reports (an image or a style applied after the last step) get a moment to arrive.
		await page.clock.resume();
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
		expect(violations).toEqual([]);
		expect(
			await page.evaluate(
				() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations
			)
		).toEqual([]);
		// Sync is off: nothing this screen asked for went anywhere but the app's own origin.
		const origin = new URL(baseURL ?? '').origin;
		expect(urls.length).toBeGreaterThan(0);
		expect(
			urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin)
		).toEqual([]);
	});
}

test('History: exports and a restored backup cause no CSP violation', async ({ page }) => {
	const violations = await recordViolations(page);
	await installClock(page);
	await openHistoryWithSession(page);
	for (const name of ['Export backup (JSON)', 'Export sessions (CSV)']) {
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name }).click();
		await downloading;
	}
	await page.getByLabel('Backup file').setInputFiles('tests/fixtures/backups/valid.json');
	await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toHaveCount(1);
	await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(4);
	expect(violations).toEqual([]);
});

test('with sync off, a request to another origin is refused by the narrowed policy', async ({
	page
}) => {
	const urls = recordRequests(page);
	const violations = await recordViolations(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
	// Both allowed by the built policy (HTTPS, this device), refused by the page's narrowed one.
	const outcomes = await page.evaluate(async () => {
		const tries = ['https://couch.example.org/', 'http://127.0.0.1:9/'];
		return Promise.all(
			tries.map((url) =>
				fetch(url).then(
					() => 'sent',
					() => 'refused'
				)
			)
		);
	});
	expect(outcomes).toEqual(['refused', 'refused']);
	await expect
		.poll(() => violations.filter((v) => v.directive === 'connect-src').map((v) => v.blocked))
		.toEqual(['https://couch.example.org/', 'http://127.0.0.1:9/']);
	expect(urls.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
});

test("with sync on, the page may reach the sync server's origin and no other", async ({ page }) => {
	const violations = await recordViolations(page);
	await page.addInitScript(() => localStorage.setItem('limber-sync-origin', 'http://127.0.0.1:9'));
	await page.goto('/settings/');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	const narrowing = await page
		.locator('meta[http-equiv="content-security-policy" i]')
		.last()
		.getAttribute('content');
	expect(narrowing).toBe("connect-src 'self' http://127.0.0.1:9");
	await page.evaluate(async () => {
		// Port 9 (discard) is closed: the first fails on the network, the second by the policy.
		for (const url of ['http://127.0.0.1:9/', 'https://couch.example.org/']) {
			await fetch(url).catch(() => null);
		}
	});
	await expect
		.poll(() => violations.filter((v) => v.directive === 'connect-src').map((v) => v.blocked))
		.toEqual(['https://couch.example.org/']);
});
