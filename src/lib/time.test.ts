import { describe, expect, it } from 'vitest';
import { daysInMonth, isDay, isoTime, parseIsoDateTime } from './time';

describe('calendar days', () => {
	it('accepts real days only', () => {
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2023-02-29')).toBe(false);
		expect(isDay('2024-13-01')).toBe(false);
		expect(isDay('2024-00-10')).toBe(false);
		expect(isDay('2024-04-31')).toBe(false);
		expect(isDay('2024-1-1')).toBe(false);
		expect(isDay(20240101)).toBe(false);
	});

	it('knows how long each month is, leap years included', () => {
		expect([1, 2, 3, 4, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30, 31]);
		expect(daysInMonth(2023, 2)).toBe(28);
		expect(daysInMonth(1900, 2)).toBe(28);
		expect(daysInMonth(2000, 2)).toBe(29);
	});
});

describe('ISO 8601 date-times', () => {
	it('parses them with a zone and refuses impossible ones', () => {
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

	it('writes epoch ms in the UTC form that sorts as text', () => {
		expect(isoTime(Date.UTC(2025, 2, 14, 8, 30))).toBe('2025-03-14T08:30:00.000Z');
	});
});
