import { describe, expect, it } from 'vitest';
import type { SessionDigest } from '$lib/storage/schema';
import { listPage, PAGE_SIZE, withoutSession, withSession } from './session-list';

function digest(id: string, startedAt: string): SessionDigest {
	return {
		id,
		startedAt,
		programId: 'gentle-start',
		programTitle: 'Gentle start',
		durationSeconds: 600,
		completed: true,
		counts: true
	};
}

/** 75 sessions, one a day, newest first. */
const log = Array.from({ length: 75 }, (_, i) =>
	digest(
		`s${String(74 - i).padStart(2, '0')}`,
		new Date(Date.UTC(2025, 0, 75 - i, 8)).toISOString()
	)
);

describe('listPage', () => {
	it('shows a page of 30, then 60, then the rest with nothing more', () => {
		const first = listPage(log, PAGE_SIZE);
		expect(first.items).toEqual(log.slice(0, 30));
		expect(first.more).toBe(45);
		const second = listPage(log, 2 * PAGE_SIZE);
		expect(second.items.map((s) => s.id)).toEqual(log.slice(0, 60).map((s) => s.id));
		expect(second.more).toBe(15);
		const third = listPage(log, 3 * PAGE_SIZE);
		expect(third.items).toHaveLength(75);
		expect(third.more).toBe(0);
	});

	it('copes with an empty list and odd counts', () => {
		expect(listPage([], PAGE_SIZE)).toEqual({ items: [], more: 0 });
		expect(listPage(log, -5)).toEqual({ items: [], more: 75 });
		expect(listPage(log, 2.7).items).toHaveLength(2);
	});
});

describe('delete and undo on the list', () => {
	it('a deleted session leaves the page, the next one moves up, and undo puts it back', () => {
		const target = log[29]!;
		const without = withoutSession(log, target.id);
		const page = listPage(without, PAGE_SIZE);
		expect(page.items).not.toContainEqual(target);
		expect(page.items[29]).toEqual(log[30]);
		expect(page.more).toBe(44);

		expect(withSession(without, target)).toEqual(log);
	});

	it('puts a restored session in its place by start time, ties by id as storage does', () => {
		const same = '2025-02-01T08:00:00.000Z';
		const list = [digest('b', same), digest('a', same), digest('z', '2025-01-01T08:00:00.000Z')];
		expect(withSession(list, digest('c', same)).map((s) => s.id)).toEqual(['c', 'b', 'a', 'z']);
		expect(withSession(list, digest('ab', same)).map((s) => s.id)).toEqual(['b', 'ab', 'a', 'z']);
		expect(withSession(list, digest('y', '2024-01-01T08:00:00.000Z')).at(-1)?.id).toBe('y');
		expect(withSession([], digest('only', same)).map((s) => s.id)).toEqual(['only']);
	});

	it('replaces a session with the same id instead of listing it twice', () => {
		const moved = digest(log[0]!.id, '2020-01-01T00:00:00.000Z');
		const next = withSession(log, moved);
		expect(next).toHaveLength(75);
		expect(next.at(-1)).toEqual(moved);
	});
});
