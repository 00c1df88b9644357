import { describe, expect, it } from 'vitest';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { sessionRecord } from '$lib/test-factories';
import { reminderRows, reminderText } from './settings-list';

const relief: ScheduledProgram = {
	id: 'gentle-relief',
	title: 'Gentle relief',
	schedule: { timesPerDay: 3, daysPerWeek: 7 }
};
const core: ScheduledProgram = {
	id: 'daily-core',
	title: 'Daily core',
	schedule: { timesPerDay: 1, daysPerWeek: 5 }
};
const desk: ScheduledProgram = {
	id: 'desk',
	title: 'Desk break',
	schedule: { timesPerDay: 2, daysPerWeek: 3 }
};
const NOW = '2025-06-04T12:00:00+02:00';
const options = { timeZone: 'Europe/Berlin' };

describe('reminderText', () => {
	it('says the times and the days in words', () => {
		expect(reminderText({ times: ['08:00'], days: [1, 2, 3, 4, 5, 6, 7] })).toBe(
			'08:00, every day'
		);
		expect(reminderText({ times: ['08:00', '19:00'], days: [1, 2, 3, 4, 5] })).toBe(
			'08:00 and 19:00, Monday to Friday'
		);
		expect(reminderText({ times: ['08:00', '13:00', '19:00'], days: [6, 7] })).toBe(
			'08:00, 13:00 and 19:00, at weekends'
		);
		expect(reminderText({ times: ['07:30'], days: [1, 3, 5] })).toBe(
			'07:30, on Monday, Wednesday and Friday'
		);
	});
});

describe('reminderRows', () => {
	it('lists routines followed (chosen or played) and routines with a setting, in library order', () => {
		const played = [
			sessionRecord('2025-06-03T09:00:00+02:00', { programId: desk.id, programTitle: desk.title })
		];
		const rows = reminderRows(
			[relief, core, desk],
			played,
			{ [core.id]: { since: '2025-06-01' } },
			{ [relief.id]: { times: ['09:00'], days: [1], on: true } },
			NOW,
			options
		);
		expect(rows).toEqual([
			{
				programId: relief.id,
				title: 'Gentle relief',
				schedule: relief.schedule,
				setting: { times: ['09:00'], days: [1], on: true },
				stored: true,
				text: '09:00, on Monday'
			},
			{
				programId: core.id,
				title: 'Daily core',
				schedule: core.schedule,
				setting: { times: ['08:00'], days: [1, 2, 3, 4, 5], on: false },
				stored: false,
				text: '08:00, Monday to Friday'
			},
			{
				programId: desk.id,
				title: 'Desk break',
				schedule: desk.schedule,
				setting: { times: ['08:00', '19:00'], days: [1, 3, 5], on: false },
				stored: false,
				text: '08:00 and 19:00, on Monday, Wednesday and Friday'
			}
		]);
	});

	it('leaves out routines neither followed nor set, and those stopped', () => {
		const rows = reminderRows(
			[relief, core],
			[],
			{ [core.id]: { since: '2025-06-01', until: '2025-06-02' } },
			{},
			NOW,
			options
		);
		expect(rows).toEqual([]);
	});
});
