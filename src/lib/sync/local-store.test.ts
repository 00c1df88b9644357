import { describe, expect, it } from 'vitest';
import { checkToDoc, deletionOf } from './documents';
import { resolvePulled, type LocalEntry } from './local-store';

const T = (hour: number) => `2025-03-14T${String(hour).padStart(2, '0')}:00:00.000Z`;
const remote = (pain: number, at: string, rev = '2-b') => ({
	...checkToDoc({ day: '2025-03-14', pain }, at),
	_rev: rev
});
const entry = (pending: boolean, pain: number, at: string): LocalEntry => ({
	doc: checkToDoc({ day: '2025-03-14', pain }, at),
	rev: '1-a',
	seq: 4,
	pending
});

describe('resolvePulled', () => {
	it('a new document is stored as it came, without its revision in the content', () => {
		expect(resolvePulled(undefined, remote(3, T(9)))).toEqual({
			doc: checkToDoc({ day: '2025-03-14', pain: 3 }, T(9)),
			rev: '2-b',
			pending: false,
			changed: true
		});
		const gone = resolvePulled(undefined, {
			...deletionOf('check:2025-03-14', 'check', T(1)),
			_rev: '3-c'
		});
		expect(gone).toMatchObject({ pending: false, changed: false });
	});

	it('nothing waiting here: the server’s version replaces ours, even an older-looking one', () => {
		// The server's history goes on from what this device sent; its version is the later one.
		expect(resolvePulled(entry(false, 5, T(10)), remote(3, T(9)))).toEqual({
			doc: checkToDoc({ day: '2025-03-14', pain: 3 }, T(9)),
			rev: '2-b',
			pending: false,
			changed: true
		});
		expect(resolvePulled(entry(false, 3, T(9)), remote(3, T(9)))).toMatchObject({
			changed: false,
			pending: false
		});
	});

	it('a change waiting here: merged, based on the server’s revision, pushed if it differs', () => {
		expect(resolvePulled(entry(true, 5, T(10)), remote(3, T(9)))).toEqual({
			doc: checkToDoc({ day: '2025-03-14', pain: 5 }, T(10)),
			rev: '2-b',
			pending: true,
			changed: false
		});
		expect(resolvePulled(entry(true, 5, T(8)), remote(3, T(9)))).toEqual({
			doc: checkToDoc({ day: '2025-03-14', pain: 3 }, T(9)),
			rev: '2-b',
			pending: false,
			changed: true
		});
	});
});
