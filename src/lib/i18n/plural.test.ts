import { describe, expect, it } from 'vitest';
import { formatNumber, pluralForm } from './plural';

describe('pluralForm', () => {
	it('follows each language’s rule, not "n === 1"', () => {
		expect([0, 1, 2].map((n) => pluralForm(n, 'en'))).toEqual(['other', 'one', 'other']);
		expect([0, 1, 2].map((n) => pluralForm(n, 'de'))).toEqual(['other', 'one', 'other']);
		expect([0, 1, 2].map((n) => pluralForm(n, 'es'))).toEqual(['other', 'one', 'other']);
		// French: 0 and 1 take the singular ("0 répétition").
		expect([0, 1, 2].map((n) => pluralForm(n, 'fr'))).toEqual(['one', 'one', 'other']);
	});

	it('maps every other CLDR category to "other"', () => {
		expect(pluralForm(1_000_000, 'fr')).toBe('other');
		expect(pluralForm(5, 'ru')).toBe('other');
	});
});

describe('formatNumber', () => {
	it('writes numbers the locale’s way', () => {
		expect(formatNumber(12, 'de')).toBe('12');
		expect(formatNumber(1.5, 'de')).toBe('1,5');
		expect(formatNumber(1.5, 'en')).toBe('1.5');
		expect(formatNumber(12345, 'de')).toBe('12.345');
	});
});
