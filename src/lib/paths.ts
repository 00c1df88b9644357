// Links to the app's pages (trailing slashes: every page is a folder with an index.html).
import { base } from '$app/paths';

/** The page of a program, built-in or imported. */
export function programPath(id: string): string {
	return `${base}/programs/${encodeURIComponent(id)}/`;
}

/** The player for a program. */
export function playPath(id: string): string {
	return `${base}/play/?program=${encodeURIComponent(id)}`;
}

/** A page by its path from the site root, e.g. pagePath('/history/'). */
export function pagePath(path: `/${string}`): string {
	return `${base}${path}`;
}
