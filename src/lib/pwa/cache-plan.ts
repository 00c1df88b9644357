// Pure decisions for the service worker (src/service-worker/index.ts): which URLs to precache,
// what the cache is called, which cached page answers a navigation. No worker or DOM APIs here,
// so the rules are unit tested in Node and shared with the e2e precache check.

/** Every cache this app creates starts with this prefix; other caches are never touched. */
export const CACHE_PREFIX = 'limber-';

/** The SPA fallback page written by adapter-static (see svelte.config.js). */
export const FALLBACK_PAGE = '/200.html';

export interface PrecacheInput {
	/** Deployment base path ('' at the site root), as `$service-worker` reports it. */
	base: string;
	/** Files Vite generated (already prefixed with base). */
	build: readonly string[];
	/** Files from static/ (already prefixed with base). */
	files: readonly string[];
	/** Prerendered pages (already prefixed with base). */
	prerendered: readonly string[];
}

/**
 * Static files the app never fetches itself, so not stored for offline use: the program format's
 * JSON Schema is for the editors of people who write programs (they fetch it online, by its
 * address). It stays on the server like every other file.
 */
export const NOT_PRECACHED: readonly string[] = ['/program.schema.json'];

/**
 * Secondary pages, opened from the library rather than first: with a worker installed they are
 * rendered by the fallback page (as imported programs' pages are), so their prerendered HTML
 * (about 10 KB gzip together) is not stored twice. The price: opened through the worker, they
 * paint once the script has run rather than from their HTML (the library still paints from its
 * own). See docs/quality.md, "Precache".
 */
export const SECONDARY_PAGES: readonly string[] = [
	'/settings/',
	'/import/',
	'/history/',
	'/report/'
];

/**
 * Whether a prerendered page is left to the SPA fallback once a worker is installed: a built-in
 * program's page (`/programs/<id>/`: it is the program file, precached as such, written out as
 * HTML, about 4 KB gzip each, twice the file; the fallback page renders it from the file, as it
 * renders an imported program's page, offline too), and the SECONDARY_PAGES.
 */
export function isLeftToFallback(url: string, base: string): boolean {
	if (SECONDARY_PAGES.some((page) => url === base + page)) return true;
	return url.startsWith(`${base}/programs/`) && /^[a-z0-9-]+\/$/.test(url.slice(base.length + 10));
}

/**
 * Lists every URL the worker must store on install: build, static files, pages and the
 * fallback, less NOT_PRECACHED and the pages left to the fallback.
 */
export function precacheUrls({ base, build, files, prerendered }: PrecacheInput): string[] {
	const left = new Set(NOT_PRECACHED.map((path) => base + path));
	const pages = prerendered.filter((url) => !isLeftToFallback(url, base));
	const all = [...build, ...files, ...pages, base + FALLBACK_PAGE];
	return [...new Set(all)].filter((url) => !left.has(url));
}

/** A short, stable hash of a list of strings (djb2, base 36): names a cache after its content. */
export function hashList(items: readonly string[]): string {
	let hash = 5381;
	for (const item of items) {
		for (let i = 0; i < item.length; i++) hash = ((hash * 33) ^ item.charCodeAt(i)) >>> 0;
		hash = ((hash * 33) ^ 10) >>> 0;
	}
	return hash.toString(36);
}

/** Names the cache for one build: the app version plus a hash of its precache list. */
export function cacheNameFor(version: string, urls: readonly string[]): string {
	return `${CACHE_PREFIX}${version}-${hashList(urls)}`;
}

/** Tells whether a cache belongs to this app but to another build (deleted on activate). */
export function isOldCache(name: string, current: string): boolean {
	return name.startsWith(CACHE_PREFIX) && name !== current;
}

/** Tells whether a URL path is a content-hashed build file that never changes under its name. */
export function isImmutable(pathname: string, base: string): boolean {
	return pathname.startsWith(`${base}/_app/immutable/`);
}

/** Tells whether the last segment of a path has a file extension (like a static host checks). */
export function hasExtension(pathname: string): boolean {
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	return /\.[a-z0-9]+$/i.test(last);
}

/**
 * Lists the cache keys that may hold the page for a navigation to `pathname`, best first:
 * the path as given, then its trailing-slash form (`/history` → `/history/`,
 * `/history/index.html` → `/history/`). Search parameters never reach this function.
 */
export function pageKeys(pathname: string): string[] {
	const keys = [pathname];
	if (pathname.endsWith('/index.html')) keys.push(pathname.slice(0, -'index.html'.length));
	else if (!pathname.endsWith('/') && !hasExtension(pathname)) keys.push(pathname + '/');
	return [...new Set(keys)];
}

/**
 * Lists the cache keys to try, in order, for a navigation: the page itself, then — for
 * extension-less paths, which a static host answers with the SPA fallback — the fallback page.
 */
export function navigationKeys(pathname: string, base: string): string[] {
	const keys = pageKeys(pathname);
	if (!hasExtension(pathname)) keys.push(base + FALLBACK_PAGE);
	return keys;
}
