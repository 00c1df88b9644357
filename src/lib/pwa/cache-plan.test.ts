import { describe, expect, it } from 'vitest';
import {
	cacheNameFor,
	hashList,
	hasExtension,
	isImmutable,
	isLeftToFallback,
	isOldCache,
	navigationKeys,
	pageKeys,
	NOT_PRECACHED,
	precacheUrls
} from './cache-plan';

describe('precacheUrls', () => {
	it('lists build files, static files, pages and the fallback once each, in that order', () => {
		const urls = precacheUrls({
			base: '',
			build: ['/_app/immutable/entry/start.abc.js', '/_app/version.json'],
			files: ['/favicon.svg', '/manifest.webmanifest'],
			prerendered: ['/', '/builder/', '/favicon.svg']
		});
		expect(urls).toEqual([
			'/_app/immutable/entry/start.abc.js',
			'/_app/version.json',
			'/favicon.svg',
			'/manifest.webmanifest',
			'/',
			'/builder/',
			'/200.html'
		]);
	});

	it('puts the fallback page under the base path', () => {
		const urls = precacheUrls({ base: '/limber', build: [], files: [], prerendered: [] });
		expect(urls).toEqual(['/limber/200.html']);
	});

	it('leaves out the files the app never fetches (the JSON Schema for program authors)', () => {
		expect(NOT_PRECACHED).toContain('/program.schema.json');
		const files = ['/favicon.svg', '/program.schema.json', '/programs/index.json'];
		expect(precacheUrls({ base: '', build: [], files, prerendered: [] })).toEqual([
			'/favicon.svg',
			'/programs/index.json',
			'/200.html'
		]);
		const based = precacheUrls({
			base: '/limber',
			build: [],
			files: files.map((file) => '/limber' + file),
			prerendered: []
		});
		expect(based).toEqual([
			'/limber/favicon.svg',
			'/limber/programs/index.json',
			'/limber/200.html'
		]);
	});
});

describe('pages left to the fallback', () => {
	it('leaves out the built-in programs’ pages and the secondary pages, which the fallback renders', () => {
		const urls = precacheUrls({
			base: '/limber',
			build: [],
			files: ['/limber/programs/desk-break.json', '/limber/programs/index.json'],
			prerendered: [
				'/limber/',
				'/limber/programs/desk-break/',
				'/limber/import/',
				'/limber/builder/'
			]
		});
		expect(urls).toEqual([
			'/limber/programs/desk-break.json',
			'/limber/programs/index.json',
			'/limber/',
			'/limber/builder/',
			'/limber/200.html'
		]);
		for (const page of ['/settings/', '/import/', '/history/', '/report/']) {
			expect(isLeftToFallback(`/limber${page}`, '/limber')).toBe(true);
			expect(navigationKeys(page, '').at(-1)).toBe('/200.html');
		}
		expect(isLeftToFallback('/limber/settings/', '')).toBe(false);
		expect(isLeftToFallback('/', '')).toBe(false);
		expect(isLeftToFallback('/programs/gentle-relief/', '')).toBe(true);
		expect(isLeftToFallback('/programs/gentle-relief.json', '')).toBe(false);
		expect(isLeftToFallback('/programs/', '')).toBe(false);
		expect(isLeftToFallback('/programs/a/b/', '')).toBe(false);
		expect(isLeftToFallback('/other/programs/a/', '')).toBe(false);
		// A program page is answered by the fallback page when it is not cached.
		expect(navigationKeys('/programs/desk-break/', '').at(-1)).toBe('/200.html');
	});
});

describe('cache names', () => {
	it('change when the precache list changes, even with the same version', () => {
		const a = cacheNameFor('0.1.0', ['/', '/_app/immutable/a.1.js']);
		const b = cacheNameFor('0.1.0', ['/', '/_app/immutable/a.2.js']);
		expect(a).toMatch(/^limber-0\.1\.0-[0-9a-z]+$/);
		expect(a).not.toBe(b);
		expect(cacheNameFor('0.1.0', ['/', '/_app/immutable/a.1.js'])).toBe(a);
	});

	it('hash the boundaries between items, not just the characters', () => {
		expect(hashList(['ab', 'c'])).not.toBe(hashList(['a', 'bc']));
	});

	it('treat only other caches of this app as old', () => {
		expect(isOldCache('limber-0.1.0-x', 'limber-0.2.0-y')).toBe(true);
		expect(isOldCache('limber-0.2.0-y', 'limber-0.2.0-y')).toBe(false);
		expect(isOldCache('someone-else', 'limber-0.2.0-y')).toBe(false);
	});
});

describe('isImmutable', () => {
	it('recognises content-hashed build files under the base path only', () => {
		expect(isImmutable('/_app/immutable/chunks/x.abc.js', '')).toBe(true);
		expect(isImmutable('/_app/version.json', '')).toBe(false);
		expect(isImmutable('/programs/gentle-start.json', '')).toBe(false);
		expect(isImmutable('/_app/immutable/x.js', '/limber')).toBe(false);
		expect(isImmutable('/limber/_app/immutable/x.js', '/limber')).toBe(true);
	});
});

describe('navigation keys', () => {
	it('adds the trailing slash that prerendered pages have', () => {
		expect(pageKeys('/history')).toEqual(['/history', '/history/']);
		expect(pageKeys('/history/')).toEqual(['/history/']);
		expect(pageKeys('/')).toEqual(['/']);
	});

	it('maps an explicit index.html to its directory page', () => {
		expect(pageKeys('/settings/index.html')).toEqual(['/settings/index.html', '/settings/']);
		expect(pageKeys('/index.html')).toEqual(['/index.html', '/']);
	});

	it('falls back to the SPA page only for extension-less paths, as the static host does', () => {
		expect(navigationKeys('/programs/my-import/', '')).toEqual([
			'/programs/my-import/',
			'/200.html'
		]);
		expect(navigationKeys('/programs/my-import', '')).toEqual([
			'/programs/my-import',
			'/programs/my-import/',
			'/200.html'
		]);
		expect(navigationKeys('/programs/missing.json', '')).toEqual(['/programs/missing.json']);
	});

	it('tells file paths from page paths', () => {
		expect(hasExtension('/manifest.webmanifest')).toBe(true);
		expect(hasExtension('/icons/icon-192.png')).toBe(true);
		expect(hasExtension('/play/')).toBe(false);
		expect(hasExtension('/v1.2/page')).toBe(false);
	});
});
