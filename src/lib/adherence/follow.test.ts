import { describe, expect, it } from 'vitest';
import { followChoice, followedOn, followPeriods, stopChoice } from './follow';
import type { ProgramDayCounts } from './weekly';

function played(days: Record<string, string[]>): ProgramDayCounts {
	return new Map(
		Object.entries(days).map(([id, list]) => [
			id,
			{ title: id, titleMs: 0, days: new Map(list.map((day) => [day, 1])) }
		])
	);
}

describe('followPeriods', () => {
	it('follows a routine from its first session, without any choice stored', () => {
		expect(followPeriods({}, played({ a: ['2025-03-05', '2025-03-02'] }))).toEqual(
			new Map([['a', { since: '2025-03-02' }]])
		);
	});

	it('follows a routine chosen on its page from that day, or from an earlier session', () => {
		expect(followPeriods({ a: { since: '2025-03-10' } }, played({}))).toEqual(
			new Map([['a', { since: '2025-03-10' }]])
		);
		expect(followPeriods({ a: { since: '2025-03-10' } }, played({ a: ['2025-03-04'] }))).toEqual(
			new Map([['a', { since: '2025-03-04' }]])
		);
	});

	it('ends on the day they stopped, until they play it again on a later day', () => {
		const stopped = { a: { since: '2025-03-01', until: '2025-03-08' } };
		expect(followPeriods(stopped, played({ a: ['2025-03-02', '2025-03-08'] }))).toEqual(
			new Map([['a', { since: '2025-03-01', until: '2025-03-08' }]])
		);
		expect(followPeriods(stopped, played({ a: ['2025-03-02', '2025-03-11'] }))).toEqual(
			new Map([['a', { since: '2025-03-11' }]])
		);
	});

	it('ignores a key such as __proto__ in the stored choices', () => {
		const choices = JSON.parse('{"__proto__": {"since": "2025-01-01"}}') as Record<string, never>;
		expect([...followPeriods(choices, played({})).keys()]).toEqual(['__proto__']);
	});
});

describe('followedOn', () => {
	it('is true from since, up to the day before until', () => {
		const period = { since: '2025-03-03', until: '2025-03-06' };
		expect(
			['2025-03-02', '2025-03-03', '2025-03-05', '2025-03-06'].map((d) => followedOn(period, d))
		).toEqual([false, true, true, false]);
		expect(followedOn(undefined, '2025-03-03')).toBe(false);
		expect(followedOn({ since: '2025-03-03' }, '2099-01-01')).toBe(true);
	});
});

describe('the choices the buttons store', () => {
	it('"Follow this routine" starts today, or keeps a follow already running', () => {
		expect(followChoice(undefined, '2025-03-03')).toEqual({ since: '2025-03-03' });
		expect(followChoice({ since: '2025-03-01' }, '2025-03-03')).toEqual({ since: '2025-03-01' });
		expect(followChoice({ since: '2025-03-01', until: '2025-03-02' }, '2025-03-03')).toEqual({
			since: '2025-03-03'
		});
	});

	it('"Stop following" ends it today', () => {
		expect(stopChoice({ since: '2025-03-01' }, '2025-03-05')).toEqual({
			since: '2025-03-01',
			until: '2025-03-05'
		});
		expect(stopChoice(undefined, '2025-03-05')).toEqual({
			since: '2025-03-05',
			until: '2025-03-05'
		});
	});
});
