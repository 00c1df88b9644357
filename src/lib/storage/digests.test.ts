import { describe, expect, it } from 'vitest';
import { countsAsDone } from '$lib/adherence/session-index';
import { summarize } from '$lib/adherence/summarize';
import type { SessionRecord } from '$lib/session/record';
import {
	compareDigests,
	digestCount,
	DIGEST_NOTE_LENGTH,
	digestOf,
	emptyDigests,
	isPackedDigests,
	packDigests,
	putDigest,
	putDigests,
	removeDigest,
	unpackDigests
} from './digests';
import type { SessionDigest } from './schema';
import { generateSessions } from './seed';
import { makeExerciseRecord, makeSessionRecord } from '$lib/test-factories';

function digest(id: string, startedAt: string, more: Partial<SessionDigest> = {}): SessionDigest {
	return {
		id,
		startedAt,
		programId: 'gentle-start',
		programTitle: 'Gentle start',
		durationSeconds: 600,
		completed: true,
		counts: true,
		...more
	};
}

describe('digestOf', () => {
	it('keeps what History reads and leaves the exercises out', () => {
		const session = makeSessionRecord({ note: 'A long note', effort: 'too hard', level: 2 });
		expect(digestOf(session)).toEqual({
			id: 'session-1',
			startedAt: '2025-03-14T08:00:00.000Z',
			programId: 'gentle-start',
			programTitle: 'Gentle start',
			durationSeconds: 700,
			completed: true,
			counts: true,
			painBefore: 5,
			painAfter: 3,
			effort: 'too hard',
			note: 'A long note'
		});
	});

	it('keeps the start of a long note, and no effort it does not know', () => {
		const note = 'é'.repeat(400);
		const digest = digestOf(makeSessionRecord({ note, effort: 'bogus' as never }));
		expect(Array.from(digest.note!)).toHaveLength(DIGEST_NOTE_LENGTH);
		expect(digest.note!.endsWith('…')).toBe(true);
		expect('effort' in digest).toBe(false);
		const packed = packDigests([digest]);
		expect(unpackDigests(packed)[0]).toEqual(digest);
	});

	it('counts a session as done only when some exercise was done (countsAsDone)', () => {
		const skipped = makeExerciseRecord({
			setsDone: 0,
			repsDone: { none: 0, left: 0, right: 0 },
			skipped: true
		});
		const oneRep = makeExerciseRecord({ setsDone: 0, repsDone: { none: 0, left: 1, right: 0 } });
		expect(digestOf(makeSessionRecord({ exercises: [skipped] })).counts).toBe(false);
		expect(digestOf(makeSessionRecord({ exercises: [] })).counts).toBe(false);
		expect(
			digestOf(makeSessionRecord({ exercises: [skipped, oneRep], completed: false }))
		).toMatchObject({ counts: true, completed: false });
	});

	it('leaves out missing ratings and keeps a 0', () => {
		const unrated = digestOf(makeSessionRecord({ painBefore: undefined, painAfter: 0 }));
		expect('painBefore' in unrated).toBe(false);
		expect(unrated.painAfter).toBe(0);
	});

	it('never throws on an odd old record', () => {
		const odd = {
			id: 'odd',
			startedAt: 12,
			exercises: [null, 'x', { setsDone: 1 }],
			painBefore: '4'
		} as unknown as SessionRecord;
		expect(digestOf(odd)).toEqual({
			id: 'odd',
			startedAt: '',
			programId: '',
			programTitle: '',
			durationSeconds: 0,
			completed: false,
			counts: true
		});
		const noExercises = { id: 'bare', exercises: 'none' } as unknown as SessionRecord;
		expect(digestOf(noExercises).counts).toBe(false);
	});
});

describe('packDigests and unpackDigests', () => {
	it('round-trip, newest first, ties by id as the index orders them', () => {
		const a = digest('a', '2025-01-02T08:00:00.000Z', { painBefore: 4, painAfter: 2 });
		const b = digest('b', '2025-01-01T08:00:00.000Z', { completed: false, counts: false });
		const c = digest('c', '2025-01-02T08:00:00.000Z', { painAfter: 0 });
		const packed = packDigests([a, b, c]);
		expect(packed.ids).toEqual(['b', 'a', 'c']);
		expect(packed.flags).toEqual([0, 3, 3]);
		expect(packed.painBefore).toEqual([null, 4, null]);
		expect(unpackDigests(packed)).toEqual([c, a, b]);
		expect(digestCount(packed)).toBe(3);
	});

	it('packs nothing into empty columns', () => {
		expect(packDigests([])).toEqual(emptyDigests());
		expect(unpackDigests(emptyDigests())).toEqual([]);
	});

	it('survives a structured clone (what IndexedDB stores)', () => {
		const packed = packDigests([digest('x', '2025-01-01T08:00:00.000Z', { painBefore: 7 })]);
		expect(unpackDigests(structuredClone(packed))).toEqual(unpackDigests(packed));
	});
});

describe('putDigest, putDigests and removeDigest', () => {
	it('inserts in order wherever the session falls, and replaces one with the same id', () => {
		const packed = packDigests([
			digest('1', '2025-01-01T08:00:00.000Z'),
			digest('3', '2025-01-03T08:00:00.000Z')
		]);
		putDigest(packed, digest('4', '2025-01-04T08:00:00.000Z'));
		putDigest(packed, digest('0', '2024-12-31T08:00:00.000Z'));
		putDigest(packed, digest('2', '2025-01-02T08:00:00.000Z'));
		expect(packed.ids).toEqual(['0', '1', '2', '3', '4']);

		// Saved again with another start time and pain: moved, not duplicated.
		putDigest(packed, digest('1', '2025-01-05T08:00:00.000Z', { painAfter: 1 }));
		expect(packed.ids).toEqual(['0', '2', '3', '4', '1']);
		expect(unpackDigests(packed)[0]).toMatchObject({ id: '1', painAfter: 1 });
		expect(isPackedDigests(packed)).toBe(true);
	});

	it('removes by id and says whether there was one', () => {
		const packed = packDigests([
			digest('a', '2025-01-01T08:00:00.000Z'),
			digest('b', '2025-01-02T08:00:00.000Z', { painBefore: 3 })
		]);
		expect(removeDigest(packed, 'a')).toBe(true);
		expect(removeDigest(packed, 'a')).toBe(false);
		expect(unpackDigests(packed)).toEqual([
			digest('b', '2025-01-02T08:00:00.000Z', { painBefore: 3 })
		]);
		expect(isPackedDigests(packed)).toBe(true);
	});

	it('adds many at once in order, the later of two with one id winning', () => {
		const stored = packDigests([
			digest('a', '2025-01-01T08:00:00.000Z'),
			digest('c', '2025-01-03T08:00:00.000Z')
		]);
		const next = putDigests(stored, [
			digest('b', '2025-01-02T08:00:00.000Z'),
			digest('a', '2025-01-04T08:00:00.000Z', { durationSeconds: 1 }),
			digest('d', '2024-12-01T08:00:00.000Z'),
			digest('d', '2024-12-02T08:00:00.000Z')
		]);
		expect(next.ids).toEqual(['d', 'b', 'c', 'a']);
		expect(next.startedAt[0]).toBe('2024-12-02T08:00:00.000Z');
		expect(next.durationSeconds[3]).toBe(1);
	});
});

describe('isPackedDigests', () => {
	it('accepts only the current format with columns of one length', () => {
		const packed = packDigests([digest('a', '2025-01-01T08:00:00.000Z')]);
		expect(isPackedDigests(packed)).toBe(true);
		// Format 1 (before effort and note) is rebuilt from the sessions.
		expect(isPackedDigests({ ...packed, format: 1 })).toBe(false);
		expect(isPackedDigests({ ...packed, notes: undefined })).toBe(false);
		expect(isPackedDigests({ ...packed, flags: [] })).toBe(false);
		expect(isPackedDigests({ ...packed, painAfter: undefined })).toBe(false);
		expect(isPackedDigests(undefined)).toBe(false);
		expect(isPackedDigests([digest('a', '2025-01-01T08:00:00.000Z')])).toBe(false);
	});
});

describe('compareDigests', () => {
	it('orders by start time as text, then by id', () => {
		const list = [
			digest('b', '2025-01-01T08:00:00.000Z'),
			digest('a', '2025-01-01T08:00:00.000Z'),
			digest('z', '2024-01-01T08:00:00.000Z')
		].sort(compareDigests);
		expect(list.map((d) => d.id)).toEqual(['z', 'a', 'b']);
	});
});

describe('the History summary from digests', () => {
	it('is the same as from the whole records', () => {
		const sessions = generateSessions(400, new Date('2025-01-01T00:00:00Z'), 7);
		// A few odd ones: no exercise done, no ratings, an unreadable start time.
		sessions[5] = { ...sessions[5]!, exercises: [], completed: false };
		sessions[6] = { ...sessions[6]!, painBefore: undefined, painAfter: undefined };
		sessions[7] = { ...sessions[7]!, startedAt: 'not a time' };
		const digests = unpackDigests(packDigests(sessions.map(digestOf)));
		const programs = [
			{ id: 'gentle-start', title: 'Gentle start', schedule: { timesPerDay: 2, daysPerWeek: 7 } },
			{
				id: 'ball-routine',
				title: 'Exercise ball routine',
				schedule: { timesPerDay: 1, daysPerWeek: 1 }
			}
		];
		for (const zone of ['Europe/Berlin', 'America/Los_Angeles']) {
			const now = Date.parse('2025-07-15T12:00:00Z');
			const fromRecords = summarize(sessions, programs, now, zone, { month: '2025-06' });
			const fromDigests = summarize(digests, programs, now, zone, { month: '2025-06' });
			expect(fromDigests).toEqual(fromRecords);
			expect(fromDigests.invalidSessions).toBe(1);
			expect(fromDigests.totalSessions).toBeLessThan(399);
		}
	});

	it('uses the worked-out counts of a digest in countsAsDone', () => {
		expect(countsAsDone({ counts: true })).toBe(true);
		expect(countsAsDone({ counts: false })).toBe(false);
	});
});
