import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '$lib/session/record';
import { addDays } from './days';
import { summarize } from './summarize';
import { exerciseRecord, sessionRecord } from '$lib/test-factories';
import type { ScheduledProgram } from './weekly';

const relief: ScheduledProgram = {
	id: 'gentle-relief',
	title: 'Gentle relief',
	schedule: { timesPerDay: 2, daysPerWeek: 7 }
};
const core: ScheduledProgram = {
	id: 'daily-core',
	title: 'Daily core strength',
	schedule: { timesPerDay: 1, daysPerWeek: 3 }
};

describe('summarize', () => {
	it('brings streaks, adherence, history, pain and the calendar together', () => {
		// Auckland, today Wednesday 15 May 2024 (NZST, UTC+12).
		const zone = 'Pacific/Auckland';
		const now = '2024-05-15T09:00:00+12:00';
		const sessions: SessionRecord[] = [
			sessionRecord('2024-05-13T07:00:00+12:00', { painBefore: 6, painAfter: 4 }),
			sessionRecord('2024-05-13T19:00:00+12:00', { painBefore: 5, painAfter: 4 }),
			sessionRecord('2024-05-13T21:00:00+12:00'), // third that day: capped
			sessionRecord('2024-05-14T07:00:00+12:00', { painBefore: 4, painAfter: 3 }),
			sessionRecord('2024-05-12T23:30:00+12:00', {
				programId: core.id,
				programTitle: core.title
			}),
			sessionRecord('2024-05-14T08:00:00+12:00', {
				exercises: [exerciseRecord({ skipped: true })],
				painBefore: 8
			}),
			sessionRecord('2024-04-30T08:00:00+12:00'),
			sessionRecord('not a time')
		];
		const summary = summarize(sessions, [relief, core], now, zone);

		expect(summary.today).toBe('2024-05-15');
		expect(summary.timeZone).toBe(zone);
		expect(summary.invalidSessions).toBe(1);
		expect(summary.totalSessions).toBe(6);
		expect(summary.streak).toEqual({
			current: 3,
			best: 3,
			doneToday: false,
			lastActiveDay: '2024-05-14'
		});

		expect(summary.thisWeek.weekStart).toBe('2024-05-13');
		expect(summary.thisWeek.perProgram.map((program) => program.text)).toEqual([
			'3 of 14 sessions this week',
			'0 of 3 sessions this week'
		]);
		expect(summary.weeks).toHaveLength(4);
		expect(summary.weeks[3]).toBe(summary.thisWeek);
		expect(summary.weeks[2]?.perProgram.map((program) => program.done)).toEqual([0, 1]);
		// Each routine counts from its first session only: core from 12 May, relief from 30 April.
		expect(summary.weeks[1]?.perProgram.map((program) => program.programId)).toEqual([
			'gentle-relief'
		]);
		expect(summary.weeks[1]?.perProgram.map((program) => program.done)).toEqual([1]);
		expect(summary.weeks[0]?.perProgram).toEqual([]);

		expect(summary.weeklyStreaks.map((streak) => [streak.programId, streak.current])).toEqual([
			['gentle-relief', 0],
			['daily-core', 0]
		]);

		// The skipped session still carries a pain rating, and it is part of the trend.
		expect(summary.pain.sessions).toHaveLength(4);
		expect(summary.pain.days.map((day) => day.day)).toEqual(['2024-05-13', '2024-05-14']);
		expect(summary.pain.text).toContain('pain before sessions went from 5.5 to 6');

		expect(summary.calendar).toEqual({
			month: '2024-05',
			days: { '2024-05-12': 1, '2024-05-13': 3, '2024-05-14': 1 }
		});
	});

	it('takes another calendar month, week start and pain period', () => {
		const sessions = [
			sessionRecord('2024-04-30T08:00:00Z', { painBefore: 3, painAfter: 2 }),
			sessionRecord('2024-05-12T08:00:00Z', { painBefore: 5, painAfter: 5 })
		];
		const summary = summarize(sessions, [relief], Date.parse('2024-05-15T12:00:00Z'), 'UTC', {
			month: '2024-04',
			weekStartsOn: 7,
			weeks: 2,
			painDays: 7
		});
		expect(summary.calendar).toEqual({ month: '2024-04', days: { '2024-04-30': 1 } });
		expect(summary.weeks.map((week) => week.weekStart)).toEqual(['2024-05-05', '2024-05-12']);
		expect(summary.thisWeek.perProgram[0]?.done).toBe(1);
		expect(summary.pain.from).toBe('2024-05-09');
		expect(summary.pain.sessions.map((point) => point.before)).toEqual([5]);
	});

	it('works on an empty log', () => {
		const summary = summarize([], [relief], '2024-05-15T12:00:00Z', 'UTC');
		expect(summary.streak.current).toBe(0);
		expect(summary.thisWeek.perProgram).toEqual([]);
		expect(summary.weeklyStreaks).toEqual([]);
		expect(summary.pain.text).toBe('No pain ratings were recorded in the last 4 weeks.');
		expect(summary.calendar.days).toEqual({});
	});

	it('summarises 10,000 sessions', () => {
		// Two or three sessions a day for about 11 years, ending today, in London.
		const zone = 'Europe/London';
		const programs = [relief, core];
		const sessions: SessionRecord[] = [];
		let day = '2024-12-31';
		while (sessions.length < 10_000) {
			const index = sessions.length;
			const program = index % 3 === 0 ? core : relief;
			sessions.push(
				sessionRecord(`${day}T${String(6 + (index % 3) * 6).padStart(2, '0')}:15:00Z`, {
					programId: program.id,
					programTitle: program.title,
					painBefore: index % 5 === 0 ? undefined : 3 + (index % 4),
					painAfter: index % 7 === 0 ? undefined : 2 + (index % 3)
				})
			);
			if (index % 3 === 2) day = addDays(day, -1);
		}
		const summary = summarize(sessions, programs, '2024-12-31T20:00:00Z', zone);
		expect(summary.totalSessions).toBe(10_000);
		expect(summary.streak.current).toBe(3334);
		expect(summary.streak.doneToday).toBe(true);
		expect(summary.weeks).toHaveLength(4);
		expect(summary.thisWeek.perProgram.map((program) => program.programId)).toEqual([
			'gentle-relief',
			'daily-core'
		]);
		expect(summary.weeklyStreaks.find((streak) => streak.programId === core.id)?.current).toBe(476);
		expect(summary.pain.days).toHaveLength(28);
		expect(Object.keys(summary.calendar.days)).toHaveLength(31);
	});
});

describe('adherence only for routines followed, from the day they started', () => {
	it('leaves out routines never played or followed, and weeks before the first session', () => {
		const desk: ScheduledProgram = {
			id: 'desk-break',
			title: 'Desk break',
			schedule: { timesPerDay: 3, daysPerWeek: 7 }
		};
		// Today Thursday 16 May 2024; relief first played on Wednesday 8 May.
		const sessions = [
			sessionRecord('2024-05-08T08:00:00Z'),
			sessionRecord('2024-05-14T08:00:00Z'),
			sessionRecord('2024-05-15T08:00:00Z')
		];
		const summary = summarize(sessions, [relief, core, desk], '2024-05-16T12:00:00Z', 'UTC');
		expect(
			summary.weeks.map((week) => week.perProgram.map((p) => [p.programId, p.done, p.expected]))
		).toEqual([
			[],
			[],
			// Followed from Wednesday: five days of that week, 2 × 5.
			[['gentle-relief', 1, 10]],
			[['gentle-relief', 2, 14]]
		]);
	});

	it('adds a routine the person chose to follow, from that day, and drops one they stopped', () => {
		const sessions = [sessionRecord('2024-04-24T08:00:00Z')];
		const summary = summarize(sessions, [relief, core], '2024-05-16T12:00:00Z', 'UTC', {
			follows: {
				'daily-core': { since: '2024-05-15' },
				'gentle-relief': { since: '2024-04-24', until: '2024-05-07' }
			}
		});
		expect(
			summary.weeks.map((week) => week.perProgram.map((p) => [p.programId, p.expected]))
		).toEqual([
			[['gentle-relief', 10]], // from its first session, Wednesday 24 April: 2 × 5
			[['gentle-relief', 14]],
			// Stopped on Tuesday 7 May: Monday only.
			[['gentle-relief', 2]],
			// Core from Wednesday 15 May: min(3, 5 days) × 1.
			[['daily-core', 3]]
		]);
		expect(summary.weeklyStreaks.map((streak) => streak.programId)).toEqual([]);
	});
});

describe('a device clock set back after a session', () => {
	it('counts the session as today instead of breaking the streak', async () => {
		const session = sessionRecord('2026-01-01T00:20:00+01:00');
		// The clock was set back an hour: it now says 23:30 on the day before.
		const now = Date.parse('2025-12-31T23:30:00+01:00');
		const summary = summarize([session], [], now, 'Europe/Berlin');
		expect(summary.today).toBe('2026-01-01');
		expect(summary.streak.current).toBe(1);
		expect(summary.streak.doneToday).toBe(true);
	});

	it('does not move today for a session dated days ahead (a clock that was wrong then)', async () => {
		const summary = summarize(
			[sessionRecord('2026-01-09T08:00:00Z')],
			[],
			Date.parse('2026-01-01T08:00:00Z'),
			'UTC'
		);
		expect(summary.today).toBe('2026-01-01');
	});
});

describe('today and the periods around it', () => {
	it('reads now as a number, a date text or a Date alike', () => {
		const sessions = [sessionRecord('2024-05-14T08:00:00Z')];
		const at = '2024-05-16T23:30:00Z';
		for (const now of [Date.parse(at), at, new Date(at)]) {
			const summary = summarize(sessions, [relief], now, 'UTC');
			expect(summary.today, String(now)).toBe('2024-05-16');
		}
	});

	it('moves today to a session at most two days ahead of the clock, the latest of them', () => {
		const now = Date.parse('2026-01-01T08:00:00Z');
		const at = (ms: number) => sessionRecord(new Date(now + ms).toISOString());
		const day = 86_400_000;
		expect(summarize([at(2 * day)], [], now, 'UTC').today).toBe('2026-01-03');
		expect(summarize([at(2 * day + 1)], [], now, 'UTC').today).toBe('2026-01-01');
		expect(summarize([at(day), at(2 * day), at(day + 1)], [], now, 'UTC').today).toBe('2026-01-03');
	});

	it('rates pain only from the sessions of the pain period up to today', () => {
		const rated = (startedAt: string, painBefore: number) =>
			sessionRecord(startedAt, { painBefore, painAfter: painBefore });
		const summary = summarize(
			[
				rated('2024-05-01T08:00:00Z', 9), // before the 7-day period
				rated('2024-05-10T08:00:00Z', 4),
				rated('2024-05-16T08:00:00Z', 2),
				rated('2024-05-17T08:00:00Z', 8) // tomorrow (within the clock's two days, so today moves)
			],
			[relief],
			'2024-05-16T06:00:00Z',
			'UTC',
			{ painDays: 7 }
		);
		expect(summary.today).toBe('2024-05-17');
		expect(summary.pain.days.map((d) => [d.day, d.before])).toEqual([
			['2024-05-16', 2],
			['2024-05-17', 8]
		]);
		const earlier = summarize(
			[rated('2024-05-10T08:00:00Z', 4), rated('2024-05-16T08:00:00Z', 2)],
			[relief],
			'2024-05-16T12:00:00Z',
			'UTC',
			{ painDays: 7 }
		);
		expect(earlier.pain.days.map((d) => d.day)).toEqual(['2024-05-10', '2024-05-16']);
	});

	it('keeps a weekly streak only for routines still followed today', () => {
		const sessions = [sessionRecord('2024-05-14T08:00:00Z')];
		const streaksWith = (until: string | undefined) =>
			summarize(sessions, [relief], '2024-05-16T12:00:00Z', 'UTC', {
				follows: {
					'gentle-relief': until ? { since: '2024-05-01', until } : { since: '2024-05-01' }
				}
			}).weeklyStreaks.map((s) => s.programId);
		expect(streaksWith(undefined)).toEqual(['gentle-relief']);
		expect(streaksWith('2024-05-17')).toEqual(['gentle-relief']);
		expect(streaksWith('2024-05-16')).toEqual([]);
		expect(streaksWith('2024-05-15')).toEqual([]);
	});
});
