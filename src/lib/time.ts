// Small time helpers shared by pages and runes classes (kept out of .svelte.ts files, where a
// Date would look like reactive state).

/** An epoch-milliseconds time as an ISO 8601 string (UTC). */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}
