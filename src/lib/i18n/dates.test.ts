import { describe, expect, it } from 'vitest';
import { dateLocale, formatDay, formatInstant, weekdayNames } from './dates';

describe('dateLocale', () => {
	it("takes the browser's own tag for the interface's language, else the language", () => {
		expect(dateLocale('en', ['en-GB', 'de-DE'])).toBe('en-GB');
		expect(dateLocale('de', ['en-GB', 'de-AT'])).toBe('de-AT');
		expect(dateLocale('fr', ['en-GB', 'de-AT'])).toBe('fr');
		expect(dateLocale('es')).toBe('es');
	});
});

describe('formatDay and formatInstant', () => {
	it('write a day and a moment in the language given', () => {
		expect(formatDay('2025-06-11', 'en-GB', { day: 'numeric', month: 'short' })).toBe('11 Jun');
		expect(formatDay('2025-06-11', 'de-DE', { day: 'numeric', month: 'long' })).toBe('11. Juni');
		expect(formatDay('2025-06-11', 'fr', { weekday: 'long', day: 'numeric', month: 'long' })).toBe(
			'mercredi 11 juin'
		);
		expect(
			formatInstant('2025-06-11T16:00:00Z', 'de-DE', {
				weekday: 'short',
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
				timeZone: 'Europe/Berlin'
			})
		).toBe('Mi., 11. Juni 2025, 18:00');
	});

	it('names the weekdays from Monday', () => {
		const german = weekdayNames('de-DE');
		expect(german).toHaveLength(7);
		expect(german[0]).toEqual({ short: 'Mo', long: 'Montag' });
		expect(german[6]).toEqual({ short: 'So', long: 'Sonntag' });
		expect(weekdayNames('en-GB')[2]).toEqual({ short: 'Wed', long: 'Wednesday' });
	});
});
