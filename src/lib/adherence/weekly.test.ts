import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '$lib/session/record';
import { indexSessions } from './session-index';
import { exerciseRecord, sessionRecord } from '$lib/test-factories';
import {
	adherenceText,
	countByProgramDay,
	programsInPeriod,
	thisWeekAdherence,
	weeklyHistory,
	type ScheduledProgram
} from './weekly';

const relief: ScheduledProgram = {
	id: 'gentle-relief',
	title: 'Gentle relief',
	schedule: { timesPerDay: 2, daysPerWeek: 5 }
};
const core: ScheduledProgram = {
	id: 'daily-core',
	title: 'Daily core strength',
	schedule: { timesPerDay: 1, daysPerWeek: 4 }
};
const desk: ScheduledProgram = {
	id: 'desk-break',
	title: 'Desk break',
	schedule: { timesPerDay: 3, daysPerWeek: 5 }
};

function counts(sessions: SessionRecord[], zone = 'UTC') {
	return countByProgramDay(indexSessions(sessions, zone));
}

function relieved(startedAt: string, extra: Partial<SessionRecord> = {}): SessionRecord {
	return sessionRecord(startedAt, { programId: relief.id, programTitle: relief.title, ...extra });
}

function cored(startedAt: string): SessionRecord {
	return sessionRecord(startedAt, { programId: core.id, programTitle: core.title });
}

describe('adherenceText', () => {
	it('says how many of the planned sessions were done', () => {
		expect(adherenceText(6, 10, 'this week')).toBe('6 of 10 sessions this week');
		expect(adherenceText(0, 1, 'this week')).toBe('0 of 1 session this week');
		expect(adherenceText(1, 7, 'last week')).toBe('1 of 7 sessions last week');
		expect(adherenceText(5, 3, 'this week')).toBe('5 sessions this week (3 planned)');
		expect(adherenceText(1, null, 'this week')).toBe('1 session this week');
	});
});

describe('thisWeekAdherence', () => {
	it('counts this week’s sessions against timesPerDay × daysPerWeek', () => {
		const sessions = [
			relieved('2024-05-13T08:00:00Z'),
			relieved('2024-05-13T18:00:00Z'),
			relieved('2024-05-14T08:00:00Z'),
			relieved('2024-05-16T08:00:00Z'),
			cored('2024-05-15T07:00:00Z'),
			relieved('2024-05-12T08:00:00Z') // Sunday: last week
		];
		const week = thisWeekAdherence(counts(sessions), [relief, core], '2024-05-16');
		expect(week.weekStart).toBe('2024-05-13');
		expect(week.weekEnd).toBe('2024-05-19');
		expect(week.perProgram).toEqual([
			{
				programId: 'gentle-relief',
				title: 'Gentle relief',
				done: 4,
				expected: 10,
				sessions: 4,
				schedule: { timesPerDay: 2, daysPerWeek: 5 },
				text: '4 of 10 sessions this week'
			},
			{
				programId: 'daily-core',
				title: 'Daily core strength',
				done: 1,
				expected: 4,
				sessions: 1,
				schedule: { timesPerDay: 1, daysPerWeek: 4 },
				text: '1 of 4 sessions this week'
			}
		]);
		expect(week.totalDone).toBe(5);
		expect(week.totalExpected).toBe(14);
	});

	it('caps each day at timesPerDay', () => {
		const sessions = [1, 2, 3, 4, 5].map((hour) => relieved(`2024-05-14T0${hour}:00:00Z`));
		const week = thisWeekAdherence(counts(sessions), [relief], '2024-05-16');
		expect(week.perProgram[0]?.done).toBe(2);
		expect(week.perProgram[0]?.sessions).toBe(5);
		expect(week.perProgram[0]?.text).toBe('2 of 10 sessions this week');
	});

	it('does not count sessions in which nothing was done', () => {
		const sessions = [
			relieved('2024-05-14T08:00:00Z', { exercises: [exerciseRecord({ skipped: true })] }),
			relieved('2024-05-15T08:00:00Z')
		];
		const week = thisWeekAdherence(counts(sessions), [relief], '2024-05-16');
		expect(week.perProgram[0]?.done).toBe(1);
	});

	it('includes the routines followed: played ones, and ones the person chose to follow', () => {
		const sessions = [cored('2024-04-24T08:00:00Z'), relieved('2024-05-06T08:00:00Z')];
		// Today Thursday 16 May; the four weeks start Monday 22 April.
		const week = thisWeekAdherence(counts(sessions), [relief, core, desk], '2024-05-16', {
			follows: { 'desk-break': { since: '2024-05-13' } }
		});
		expect(week.perProgram.map((program) => [program.programId, program.text])).toEqual([
			['gentle-relief', '0 of 10 sessions this week'],
			['daily-core', '0 of 4 sessions this week'],
			['desk-break', '0 of 15 sessions this week']
		]);
		// A routine followed stays in, even when its last session was weeks ago (0 of 4 is true)…
		const short = thisWeekAdherence(counts(sessions), [relief, core], '2024-05-16', {
			weeks: 2
		});
		expect(short.perProgram.map((program) => program.programId)).toEqual([
			'gentle-relief',
			'daily-core'
		]);
		// …until the person stops following it.
		const stopped = thisWeekAdherence(counts(sessions), [relief, core], '2024-05-16', {
			follows: { 'daily-core': { since: '2024-04-24', until: '2024-05-10' } }
		});
		expect(stopped.perProgram.map((program) => program.programId)).toEqual(['gentle-relief']);
	});

	it('reports a program that is no longer installed without an expected count', () => {
		const sessions = [
			sessionRecord('2024-05-14T08:00:00Z', { programId: 'old', programTitle: 'Old name' }),
			sessionRecord('2024-05-15T08:00:00Z', { programId: 'old', programTitle: 'New name' }),
			sessionRecord('2024-05-15T09:00:00Z', { programId: 'old', programTitle: 'New name' }),
			relieved('2024-05-15T08:00:00Z')
		];
		const week = thisWeekAdherence(counts(sessions), [relief], '2024-05-16');
		expect(week.perProgram[1]).toEqual({
			programId: 'old',
			title: 'New name',
			done: 3,
			expected: null,
			sessions: 3,
			schedule: null,
			text: '3 sessions this week'
		});
		// Totals only cover programs whose schedule is known.
		expect(week.totalDone).toBe(1);
		expect(week.totalExpected).toBe(10);
	});

	it('puts the Europe/London spring-forward Sunday night in the right week', () => {
		const zone = 'Europe/London';
		const sessions = [
			relieved('2024-03-25T00:30:00+00:00'), // Monday 25 March, first minutes
			relieved('2024-03-31T23:30:00+01:00'), // Sunday 31 March, BST evening
			relieved('2024-04-01T00:30:00+01:00') // Monday 1 April: next week
		];
		const week = thisWeekAdherence(counts(sessions, zone), [relief], '2024-03-31');
		expect(week.weekStart).toBe('2024-03-25');
		expect(week.perProgram[0]?.done).toBe(2);
		const next = thisWeekAdherence(counts(sessions, zone), [relief], '2024-04-01');
		expect(next.weekStart).toBe('2024-04-01');
		expect(next.perProgram[0]?.done).toBe(1);
	});

	it('puts the Europe/London autumn Sunday in the right week', () => {
		const zone = 'Europe/London';
		const sessions = [
			relieved('2024-10-27T00:30:00+01:00'), // before the change, still BST
			relieved('2024-10-27T23:30:00+00:00'), // after the change, GMT
			relieved('2024-10-21T00:10:00+01:00') // Monday 21 October
		];
		const week = thisWeekAdherence(counts(sessions, zone), [relief], '2024-10-27');
		expect(week.weekStart).toBe('2024-10-21');
		expect(week.perProgram[0]?.sessions).toBe(3);
	});

	it('handles America/New_York and Pacific/Auckland weeks', () => {
		const ny = [
			relieved('2024-03-10T23:30:00-04:00'), // Sunday after spring-forward
			relieved('2024-03-11T00:30:00-04:00') // Monday
		];
		const nyWeek = thisWeekAdherence(counts(ny, 'America/New_York'), [relief], '2024-03-10');
		expect(nyWeek.weekStart).toBe('2024-03-04');
		expect(nyWeek.perProgram[0]?.sessions).toBe(1);

		const akl = [
			relieved('2024-04-07T00:30:00+13:00'), // Sunday, before NZDT ends at 03:00
			relieved('2024-04-07T23:30:00+12:00'), // Sunday evening, NZST
			relieved('2024-04-08T00:30:00+12:00') // Monday
		];
		const aklCounts = counts(akl, 'Pacific/Auckland');
		const aklWeek = thisWeekAdherence(aklCounts, [relief], '2024-04-07');
		expect(aklWeek.weekStart).toBe('2024-04-01');
		expect(aklWeek.perProgram[0]?.sessions).toBe(2);
		expect(aklWeek.perProgram[0]?.done).toBe(2);
		// The same sessions read in UTC all land on 6 or 7 April, in one week.
		const utcWeek = thisWeekAdherence(counts(akl, 'UTC'), [relief], '2024-04-07');
		expect(utcWeek.perProgram[0]?.sessions).toBe(3);
	});
});

describe('weeklyHistory', () => {
	it('returns the last N weeks, oldest first, with totals', () => {
		const sessions = [
			relieved('2024-04-23T08:00:00Z'),
			cored('2024-04-30T08:00:00Z'),
			cored('2024-05-01T08:00:00Z'),
			relieved('2024-05-14T08:00:00Z'),
			relieved('2024-05-14T09:00:00Z'),
			relieved('2024-04-01T08:00:00Z') // before the four weeks
		];
		const history = weeklyHistory(counts(sessions), [relief, core], '2024-05-16');
		expect(history.map((week) => week.weekStart)).toEqual([
			'2024-04-22',
			'2024-04-29',
			'2024-05-06',
			'2024-05-13'
		]);
		// Core is followed from its first session, Tuesday 30 April: not before.
		expect(history.map((week) => [week.totalDone, week.totalExpected])).toEqual([
			[1, 10],
			[2, 14],
			[0, 14],
			[2, 14]
		]);
		expect(history[0]?.perProgram.map((program) => program.text)).toEqual([
			'1 of 10 sessions in the week starting 2024-04-22'
		]);
		expect(history[2]?.perProgram[0]?.text).toBe('0 of 10 sessions last week');
		expect(history[3]?.perProgram[0]?.text).toBe('2 of 10 sessions this week');
	});

	it('can start weeks on Sunday', () => {
		const history = weeklyHistory(
			counts([relieved('2024-05-12T08:00:00Z')]),
			[relief],
			'2024-05-16',
			{
				weeks: 1,
				weekStartsOn: 7
			}
		);
		expect(history).toHaveLength(1);
		expect(history[0]?.weekStart).toBe('2024-05-12');
		expect(history[0]?.weekEnd).toBe('2024-05-18');
		expect(history[0]?.perProgram[0]?.done).toBe(1);
	});

	it('orders known programs as given, then unknown ones by title', () => {
		const sessions = [
			sessionRecord('2024-05-14T08:00:00Z', { programId: 'zz', programTitle: 'Beta' }),
			sessionRecord('2024-05-14T08:00:00Z', { programId: 'aa', programTitle: 'Alpha' }),
			cored('2024-05-14T08:00:00Z'),
			relieved('2024-05-14T08:00:00Z')
		];
		const [week] = weeklyHistory(counts(sessions), [core, relief], '2024-05-16', { weeks: 1 });
		expect(week?.perProgram.map((program) => program.programId)).toEqual([
			'daily-core',
			'gentle-relief',
			'aa',
			'zz'
		]);
	});

	it('finds the routines followed in a period', () => {
		const periods = new Map([
			['daily-core', { since: '2024-05-01' }],
			['gentle-relief', { since: '2024-05-20' }],
			['desk-break', { since: '2024-04-01', until: '2024-05-02' }]
		]);
		expect([...programsInPeriod(periods, '2024-05-01', '2024-05-07')]).toEqual([
			'daily-core',
			'desk-break'
		]);
		expect([...programsInPeriod(periods, '2024-05-02', '2024-05-19')]).toEqual(['daily-core']);
	});
});

describe('weekly adherence with schedules it cannot use', () => {
	it('counts a program with a missing or broken schedule without an expected count', () => {
		const broken = [
			undefined,
			{ timesPerDay: 0, daysPerWeek: 5 },
			{ timesPerDay: 1.5, daysPerWeek: 5 },
			{ timesPerDay: 1, daysPerWeek: 0 },
			{ timesPerDay: 1, daysPerWeek: 8 },
			{ timesPerDay: 1, daysPerWeek: 2.5 }
		];
		for (const schedule of broken) {
			const program = { ...relief, schedule } as ScheduledProgram;
			const week = thisWeekAdherence(
				counts([relieved('2024-05-14T08:00:00Z'), relieved('2024-05-14T09:00:00Z')]),
				[program],
				'2024-05-16'
			);
			const label = JSON.stringify(schedule);
			expect(week.perProgram[0], label).toMatchObject({
				done: 2,
				expected: null,
				schedule: null,
				text: '2 sessions this week'
			});
			expect(week.totalExpected, label).toBe(0);
		}
		// The edges of a valid schedule are kept.
		for (const schedule of [
			{ timesPerDay: 1, daysPerWeek: 1 },
			{ timesPerDay: 1, daysPerWeek: 7 }
		]) {
			const week = thisWeekAdherence(
				counts([relieved('2024-05-14T08:00:00Z')]),
				[{ ...relief, schedule }],
				'2024-05-16'
			);
			expect(week.perProgram[0]?.schedule).toEqual(schedule);
		}
	});

	it('says "planned" when more sessions were done than planned', () => {
		expect(adherenceText(3, 2, 'this week')).toBe('3 sessions this week (2 planned)');
		expect(adherenceText(2, 2, 'this week')).toBe('2 of 2 sessions this week');
	});

	it('lists a program given twice once, and programs no longer installed by title, then id', () => {
		const gone = (id: string, title: string) =>
			sessionRecord('2024-05-14T08:00:00Z', { programId: id, programTitle: title });
		const week = thisWeekAdherence(
			counts([
				relieved('2024-05-14T08:00:00Z'),
				gone('zz', 'Same'),
				gone('aa', 'Same'),
				gone('mm', 'Alpha')
			]),
			[relief, relief],
			'2024-05-16'
		);
		expect(week.perProgram.map((p) => [p.programId, p.title])).toEqual([
			['gentle-relief', 'Gentle relief'],
			['mm', 'Alpha'],
			['aa', 'Same'],
			['zz', 'Same']
		]);
	});
});
