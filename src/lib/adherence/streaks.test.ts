import { describe, expect, it } from 'vitest';
import { addDays } from './days';
import { countsAsDone, indexSessions } from './session-index';
import { dayStreak, weekStreak } from './streaks';
import { exerciseRecord, sessionRecord } from '$lib/test-factories';

function run(from: string, count: number): string[] {
	return Array.from({ length: count }, (_, index) => addDays(from, index));
}

describe('countsAsDone', () => {
	it('counts a session with at least one exercise done, complete or not', () => {
		expect(countsAsDone(sessionRecord('2024-05-01T08:00:00Z'))).toBe(true);
		const partial = sessionRecord('2024-05-01T08:00:00Z', {
			completed: false,
			exercises: [exerciseRecord(), exerciseRecord({ skipped: true })]
		});
		expect(countsAsDone(partial)).toBe(true);
	});

	it('counts reps done even when no set was finished', () => {
		const started = exerciseRecord({ setsDone: 0, repsDone: { none: 0, left: 3, right: 0 } });
		expect(countsAsDone({ exercises: [started] })).toBe(true);
	});

	it('does not count a session in which every exercise was skipped or nothing was done', () => {
		const skipped = sessionRecord('2024-05-01T08:00:00Z', {
			completed: true,
			exercises: [exerciseRecord({ skipped: true }), exerciseRecord({ skipped: true })]
		});
		expect(countsAsDone(skipped)).toBe(false);
		expect(countsAsDone({ exercises: [] })).toBe(false);
	});
});

describe('indexSessions', () => {
	it('works out each local day once and leaves out invalid start times', () => {
		const index = indexSessions(
			[
				sessionRecord('2024-03-31T23:30:00Z'),
				sessionRecord('garbage'),
				sessionRecord('2024-03-31T22:30:00Z', { exercises: [] })
			],
			'Europe/London'
		);
		expect(index.invalid).toBe(1);
		expect(index.sessions.map((entry) => [entry.day, entry.counts])).toEqual([
			['2024-04-01', true],
			['2024-03-31', false]
		]);
		expect(index.sessions[0]?.startedMs).toBe(Date.parse('2024-03-31T23:30:00Z'));
	});
});

describe('dayStreak', () => {
	it('is zero without any sessions', () => {
		expect(dayStreak([], '2024-05-10')).toEqual({
			current: 0,
			best: 0,
			doneToday: false,
			lastActiveDay: null
		});
	});

	it('counts days in a row up to today', () => {
		const streak = dayStreak(run('2024-05-06', 5), '2024-05-10');
		expect(streak).toEqual({
			current: 5,
			best: 5,
			doneToday: true,
			lastActiveDay: '2024-05-10'
		});
	});

	it('keeps the streak while today has no session yet but yesterday had', () => {
		const streak = dayStreak(run('2024-05-06', 4), '2024-05-10');
		expect(streak.current).toBe(4);
		expect(streak.doneToday).toBe(false);
	});

	it('breaks the streak once a whole day passes without a session', () => {
		const streak = dayStreak(run('2024-05-06', 3), '2024-05-10');
		expect(streak.current).toBe(0);
		expect(streak.best).toBe(3);
		expect(streak.lastActiveDay).toBe('2024-05-08');
	});

	it('finds the best run anywhere in the past, ignoring duplicates and order', () => {
		const days = [...run('2024-04-01', 6), ...run('2024-05-08', 3), '2024-04-03', '2024-04-20'];
		days.reverse();
		const streak = dayStreak(days, '2024-05-10');
		expect(streak.current).toBe(3);
		expect(streak.best).toBe(6);
	});

	it('ignores days after today (a clock that was wrong)', () => {
		const streak = dayStreak([...run('2024-05-08', 3), '2024-05-12', '2024-05-13'], '2024-05-10');
		expect(streak.current).toBe(3);
		expect(streak.best).toBe(3);
		expect(streak.lastActiveDay).toBe('2024-05-10');
	});

	it('runs straight through the DST weekends in local days', () => {
		// A session every night at 00:30 London time, 25 March to 3 April 2024. From 1 April that is
		// 23:30 UTC on the day before (BST), while 31 March 00:30 is still GMT.
		const sessions = run('2024-03-25', 10).map((day) => {
			const offset = day >= '2024-04-01' ? '+01:00' : '+00:00';
			return sessionRecord(`${day}T00:30:00${offset}`);
		});
		const index = indexSessions(sessions, 'Europe/London');
		expect(index.sessions.map((entry) => entry.day)).toEqual(run('2024-03-25', 10));
		const streak = dayStreak(
			index.sessions.map((entry) => entry.day),
			'2024-04-03'
		);
		expect(streak.current).toBe(10);
		expect(streak.doneToday).toBe(true);
		// Read in UTC instead, the BST nights fall on the day before and today looks empty.
		const utc = indexSessions(sessions, 'UTC').sessions.map((entry) => entry.day);
		expect(utc).not.toContain('2024-04-03');
		expect(dayStreak(utc, '2024-04-03').current).toBe(9);
	});

	it('counts local days in Pacific/Kiritimati (UTC+14)', () => {
		// 10:00 UTC is midnight in Kiritimati; these three sessions are on three local days.
		const sessions = [
			sessionRecord('2024-06-01T10:30:00Z'),
			sessionRecord('2024-06-02T09:30:00Z'),
			sessionRecord('2024-06-02T10:30:00Z')
		];
		const days = indexSessions(sessions, 'Pacific/Kiritimati').sessions.map((entry) => entry.day);
		expect(days).toEqual(['2024-06-02', '2024-06-02', '2024-06-03']);
		expect(dayStreak(days, '2024-06-03').current).toBe(2);
	});
});

describe('weekStreak', () => {
	it('counts weeks in a row that had enough active days', () => {
		// Weeks start Monday 6, 13, 20 May 2024; three days in each.
		const days = ['2024-05-06', '2024-05-08', '2024-05-10'].flatMap((day) => [
			day,
			addDays(day, 7),
			addDays(day, 14)
		]);
		const streak = weekStreak(days, '2024-05-26', 3);
		expect(streak).toEqual({
			current: 3,
			best: 3,
			daysPerWeek: 3,
			daysThisWeek: 3,
			thisWeekMet: true
		});
	});

	it('does not break the streak while this week is still open', () => {
		const days = [...run('2024-05-06', 3), ...run('2024-05-13', 3), '2024-05-20'];
		const streak = weekStreak(days, '2024-05-22', 3);
		expect(streak.current).toBe(2);
		expect(streak.thisWeekMet).toBe(false);
		expect(streak.daysThisWeek).toBe(1);
	});

	it('breaks on a past week that fell short and remembers the best run', () => {
		const days = [
			...run('2024-04-01', 7),
			...run('2024-04-08', 7),
			...run('2024-04-15', 6), // one short of 7
			...run('2024-04-22', 7)
		];
		const streak = weekStreak(days, '2024-04-30', 7);
		expect(streak.current).toBe(1);
		expect(streak.best).toBe(2);
	});

	it('uses the given first day of the week', () => {
		// Saturday 11 and Sunday 12 May: the same Monday-week, different Sunday-weeks.
		const days = ['2024-05-11', '2024-05-12'];
		expect(weekStreak(days, '2024-05-12', 2).current).toBe(1);
		expect(weekStreak(days, '2024-05-12', 2, 7).current).toBe(0);
	});

	it('keeps the target between 1 and 7', () => {
		expect(weekStreak(['2024-05-06'], '2024-05-06', 0).daysPerWeek).toBe(1);
		expect(weekStreak(['2024-05-06'], '2024-05-06', 12).daysPerWeek).toBe(7);
	});
});
