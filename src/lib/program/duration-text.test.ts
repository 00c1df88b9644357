import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration-text';

describe('formatDuration', () => {
	it('says nothing can take no time, less than none, or forever', () => {
		for (const ms of [0, -5_000, Number.NaN, Infinity, -Infinity]) {
			expect(formatDuration(ms), String(ms)).toBe('0 s');
		}
	});

	it('gives seconds under a minute, minutes under an hour, then hours and minutes', () => {
		expect(formatDuration(45_000)).toBe('45 s');
		expect(formatDuration(59_400)).toBe('59 s');
		expect(formatDuration(59_600)).toBe('1 min');
		expect(formatDuration(7 * 60_000 + 20_000)).toBe('7 min');
		expect(formatDuration(59 * 60_000 + 40_000)).toBe('1 h');
		expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
		expect(formatDuration(2 * 3_600_000)).toBe('2 h');
	});
});
