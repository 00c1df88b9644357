import { describe, expect, it } from 'vitest';
import { describeSchedule, sessionsPerWeek } from './schedule-text';

describe('describeSchedule', () => {
	it('says once, twice and three times in words', () => {
		expect(describeSchedule({ timesPerDay: 1, daysPerWeek: 7 })).toBe('once a day, every day');
		expect(describeSchedule({ timesPerDay: 2, daysPerWeek: 5 })).toBe('twice a day, 5 days a week');
		expect(describeSchedule({ timesPerDay: 3, daysPerWeek: 1 })).toBe(
			'three times a day, 1 day a week'
		);
	});

	it('uses digits from four times a day', () => {
		expect(describeSchedule({ timesPerDay: 10, daysPerWeek: 7 })).toBe('10 times a day, every day');
	});

	it('counts the sessions expected in a week', () => {
		expect(sessionsPerWeek({ timesPerDay: 2, daysPerWeek: 5 })).toBe(10);
	});
});
