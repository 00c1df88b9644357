// The session list on History: newest first, shown a page at a time, changed in place by
// delete and undo so that the summary and the list stay as stored without reading again.
import { compareDigests } from '$lib/storage/digests';
import type { SessionDigest } from '$lib/storage/schema';

/** Sessions shown at first and added by each "Show more". */
export const PAGE_SIZE = 30;

export interface ListPage<T> {
	/** The sessions to show. */
	items: T[];
	/** How many more there are after them. */
	more: number;
}

/** The first `shown` sessions of a list (at least none), and how many are left after them. */
export function listPage<T>(list: readonly T[], shown: number): ListPage<T> {
	const count = Math.max(0, Math.min(list.length, Math.floor(shown)));
	return { items: list.slice(0, count), more: list.length - count };
}

/** The list without the session with this id (after a delete). */
export function withoutSession<T extends { id: string }>(list: readonly T[], id: string): T[] {
	return list.filter((session) => session.id !== id);
}

/**
 * A newest-first list with a session put in its place (after an undo), by start time and then
 * id as storage orders them; one with the same id is replaced.
 */
export function withSession(
	list: readonly SessionDigest[],
	digest: SessionDigest
): SessionDigest[] {
	const next = withoutSession(list, digest.id);
	let low = 0;
	let high = next.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (compareDigests(next[mid]!, digest) > 0) low = mid + 1;
		else high = mid;
	}
	next.splice(low, 0, digest);
	return next;
}
