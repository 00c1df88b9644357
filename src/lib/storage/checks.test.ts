import { describe, expect, it } from 'vitest';
import { checkNoProtoKeys, childPath, isDay, parseIsoDateTime } from './checks';

describe('childPath', () => {
	it('writes JSON paths like the program validator', () => {
		expect(childPath('', 'sessions')).toBe('sessions');
		expect(childPath('sessions', 3)).toBe('sessions[3]');
		expect(childPath('sessions[3]', 'note')).toBe('sessions[3].note');
		expect(childPath('programLevels', 'my program')).toBe('programLevels["my program"]');
		expect(childPath('', 'x-note')).toBe('["x-note"]');
	});
});

describe('dates', () => {
	it('accepts real days only', () => {
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2023-02-29')).toBe(false);
		expect(isDay('2024-13-01')).toBe(false);
		expect(isDay('2024-1-1')).toBe(false);
		expect(isDay(20240101)).toBe(false);
	});

	it('parses ISO date-times with a zone and refuses impossible ones', () => {
		expect(parseIsoDateTime('2025-03-14T08:30:00.000Z')).toBe(Date.UTC(2025, 2, 14, 8, 30));
		expect(parseIsoDateTime('2025-03-14T08:30Z')).toBe(Date.UTC(2025, 2, 14, 8, 30));
		expect(parseIsoDateTime('2025-03-14T09:30:00+01:00')).toBe(Date.UTC(2025, 2, 14, 8, 30));
		expect(parseIsoDateTime('2025-03-14T03:30:00-05:00')).toBe(Date.UTC(2025, 2, 14, 8, 30));
		expect(parseIsoDateTime('2025-03-14T08:30:00.123456Z')).toBe(
			Date.UTC(2025, 2, 14, 8, 30, 0, 123)
		);
		for (const bad of [
			'2025-03-14T08:30:00',
			'2025-03-14',
			'2025-02-30T08:00:00Z',
			'2025-03-14T24:00:00Z',
			'2025-03-14T08:60:00Z',
			'2025-03-14T08:30:00+25:00',
			'14/03/2025 08:30',
			'',
			null,
			1741940000000
		]) {
			expect(parseIsoDateTime(bad)).toBeNull();
		}
	});
});

describe('checkNoProtoKeys', () => {
	it('finds __proto__ keys at any depth, as JSON.parse leaves them', () => {
		const problems: { path: string; message: string }[] = [];
		checkNoProtoKeys(JSON.parse('{"a":[{"__proto__":{"x":1}}],"__proto__":null}'), '', problems);
		expect(problems.map((p) => p.path).sort()).toEqual(['__proto__', 'a[0].__proto__']);
	});

	it('ends on a value that contains itself', () => {
		const problems: { path: string; message: string }[] = [];
		const cyclic: Record<string, unknown> = {};
		cyclic.self = [cyclic];
		checkNoProtoKeys(cyclic, '', problems);
		expect(problems).toEqual([
			{ path: 'self[0]', message: 'contains itself, so it is not JSON data' }
		]);
	});
});
