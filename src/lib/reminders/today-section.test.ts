import { describe, expect, it } from 'vitest';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { sessionRecord } from '$lib/test-factories';
import { todaySection } from './today-section';

const BERLIN = 'Europe/Berlin';
const GENTLE: ScheduledProgram = {
	id: 'gentle-relief',
	title: 'Gentle relief',
	schedule: { timesPerDay: 3, daysPerWeek: 7 }
};
const CORE: ScheduledProgram = {
	id: 'daily-core-strength',
	title: 'Daily core strength',
	schedule: { timesPerDay: 1, daysPerWeek: 3 }
};
const DESK: ScheduledProgram = {
	id: 'desk-break',
	title: 'Desk break',
	schedule: { timesPerDay: 2, daysPerWeek: 5 }
};
const LIBRARY = [GENTLE, CORE, DESK];

const played = (program: ScheduledProgram, startedAt: string) =>
	sessionRecord(startedAt, { programId: program.id, programTitle: program.title });

// Wednesday 11 June 2025 in Berlin (summer time); its week starts Monday 9 June.
const EVENING = '2025-06-11T22:30:00+02:00';

describe('todaySection', () => {
	it('is null when nothing is followed (the library shows no Today section)', () => {
		expect(todaySection(LIBRARY, [], {}, {}, EVENING, { timeZone: BERLIN })).toBeNull();
	});

	it('is null when the only routine followed was stopped', () => {
		const follows = { 'gentle-relief': { since: '2025-06-01', until: '2025-06-10' } };
		expect(todaySection(LIBRARY, [], follows, {}, EVENING, { timeZone: BERLIN })).toBeNull();
	});

	it('a routine followed and not played: "0 of 3 today", and Start starts it', () => {
		const follows = { 'gentle-relief': { since: '2025-06-11' } };
		expect(todaySection(LIBRARY, [], follows, {}, EVENING, { timeZone: BERLIN })).toEqual({
			lines: [{ programId: 'gentle-relief', kind: 'due', text: 'Gentle relief: 0 of 3 today' }],
			next: { programId: 'gentle-relief', title: 'Gentle relief', text: '0 of 3 today' }
		});
	});

	it('one line per routine in the library order: due, done and rest day; Start the due one', () => {
		const sessions = [
			played(GENTLE, '2025-06-11T08:10:00+02:00'),
			played(CORE, '2025-06-11T07:00:00+02:00'),
			// Desk break: once on Monday, of a 5-days-a-week routine: not met yet, due today.
			played(DESK, '2025-06-09T09:00:00+02:00')
		];
		// Core strength: three days a week, met on Monday, Tuesday and (today) Wednesday.
		sessions.push(
			played(CORE, '2025-06-09T07:00:00+02:00'),
			played(CORE, '2025-06-10T07:00:00+02:00')
		);
		const section = todaySection(LIBRARY, sessions, {}, {}, EVENING, { timeZone: BERLIN });
		expect(section?.lines.map((line) => line.text)).toEqual([
			'Gentle relief: 1 of 3 today',
			'Daily core strength: done today',
			'Desk break: 0 of 2 today'
		]);
		// Both due, both waiting on their 19:00 slot (the default times): the tie goes to the
		// library's order.
		expect(section?.next?.programId).toBe('gentle-relief');
	});

	it('says "rest day" once the week is met on the days before today', () => {
		const sessions = ['09', '10', '11'].map((day) => played(CORE, `2025-06-${day}T07:00:00+02:00`));
		// Thursday: the three days of the week are met.
		const section = todaySection(LIBRARY, sessions, {}, {}, '2025-06-12T09:00:00+02:00', {
			timeZone: BERLIN
		});
		expect(section).toEqual({
			lines: [
				{
					programId: 'daily-core-strength',
					kind: 'rest-day',
					text: 'Daily core strength: rest day'
				}
			],
			next: null
		});
	});

	it('starts afresh after local midnight', () => {
		const follows = { 'gentle-relief': { since: '2025-06-11' } };
		const sessions = [played(GENTLE, '2025-06-11T22:31:00+02:00')];
		const before = todaySection(LIBRARY, sessions, follows, {}, '2025-06-11T23:59:00+02:00', {
			timeZone: BERLIN
		});
		const after = todaySection(LIBRARY, sessions, follows, {}, '2025-06-12T00:01:00+02:00', {
			timeZone: BERLIN
		});
		expect(before?.lines[0]?.text).toBe('Gentle relief: 1 of 3 today');
		expect(after?.lines[0]?.text).toBe('Gentle relief: 0 of 3 today');
	});

	it('has no Start when every routine is done today', () => {
		const sessions = ['07', '12', '18'].map((hour) =>
			played(GENTLE, `2025-06-11T${hour}:00:00+02:00`)
		);
		const section = todaySection([GENTLE], sessions, {}, {}, EVENING, { timeZone: BERLIN });
		expect(section?.lines[0]?.text).toBe('Gentle relief: done today');
		expect(section?.next).toBeNull();
	});
});
