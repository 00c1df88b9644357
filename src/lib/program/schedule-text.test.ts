import { afterEach, describe, expect, it } from 'vitest';
import { shellWords, useShellLocale } from '$lib/i18n/shell-words.svelte';
import { describeSchedule, sessionsPerWeek } from './schedule-text';

describe('describeSchedule', () => {
	it('says once, twice and three times in words', () => {
		expect(describeSchedule({ timesPerDay: 1, daysPerWeek: 7 }, shellWords)).toBe(
			'once a day, every day'
		);
		expect(describeSchedule({ timesPerDay: 2, daysPerWeek: 5 }, shellWords)).toBe(
			'twice a day, 5 days a week'
		);
		expect(describeSchedule({ timesPerDay: 3, daysPerWeek: 1 }, shellWords)).toBe(
			'three times a day, 1 day a week'
		);
	});

	it('uses digits from four times a day', () => {
		expect(describeSchedule({ timesPerDay: 10, daysPerWeek: 7 }, shellWords)).toBe(
			'10 times a day, every day'
		);
	});

	describe('in the interface language', () => {
		afterEach(() => useShellLocale('en'));

		it('speaks German, Spanish and French, with their plurals', async () => {
			await useShellLocale('de');
			expect(describeSchedule({ timesPerDay: 2, daysPerWeek: 7 }, shellWords)).toBe(
				'zweimal täglich, jeden Tag'
			);
			expect(describeSchedule({ timesPerDay: 4, daysPerWeek: 1 }, shellWords)).toBe(
				'4-mal täglich, 1 Tag pro Woche'
			);
			await useShellLocale('es');
			expect(describeSchedule({ timesPerDay: 1, daysPerWeek: 5 }, shellWords)).toBe(
				'una vez al día, 5 días a la semana'
			);
			await useShellLocale('fr');
			expect(describeSchedule({ timesPerDay: 3, daysPerWeek: 1 }, shellWords)).toBe(
				'trois fois par jour, 1 jour par semaine'
			);
		});
	});

	it('counts the sessions expected in a week', () => {
		expect(sessionsPerWeek({ timesPerDay: 2, daysPerWeek: 5 })).toBe(10);
	});
});
