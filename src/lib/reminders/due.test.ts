import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/adherence/days';
import { summarize } from '$lib/adherence/summarize';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import type { SessionRecord } from '$lib/session/record';
import { exerciseRecord, sessionRecord } from '$lib/test-factories';
import { dueToday, nextDue, openSlotStart, reminderSlotNow, todayList, type DueToday } from './due';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

function program(timesPerDay: number, daysPerWeek: number, id = 'gentle-relief'): ScheduledProgram {
	return { id, title: `Routine ${id}`, schedule: { timesPerDay, daysPerWeek } };
}

function played(routine: ScheduledProgram, startedAt: string, extra: Partial<SessionRecord> = {}) {
	return sessionRecord(startedAt, { programId: routine.id, programTitle: routine.title, ...extra });
}

/** `count` sessions on a local day, an hour apart from 07:00, at a fixed UTC offset. */
function sessionsOn(routine: ScheduledProgram, day: string, count: number, offset: string) {
	return Array.from({ length: count }, (_, i) =>
		played(routine, `${day}T${String(7 + i).padStart(2, '0')}:00:00${offset}`)
	);
}

// June 2025 (summer time in both zones): Monday 2 June to Sunday 8 June.
const MONDAY = '2025-06-02';
const SUMMER = { [BERLIN]: '+02:00', [NEW_YORK]: '-04:00' } as const;

describe.each([BERLIN, NEW_YORK] as const)('due today in %s', (zone) => {
	const offset = SUMMER[zone];
	const wednesdayEvening = `2025-06-04T21:00:00${offset}`;

	describe.each([1, 2, 3])('%i a day', (timesPerDay) => {
		it.each([3, 4, 5, 6, 7])('%i days a week: counts today up to the cap', (daysPerWeek) => {
			const routine = program(timesPerDay, daysPerWeek);
			for (let count = 0; count <= timesPerDay + 1; count++) {
				const sessions = sessionsOn(routine, '2025-06-04', count, offset);
				const due = dueToday(routine, sessions, { since: MONDAY }, wednesdayEvening, {
					timeZone: zone
				});
				const capped = Math.min(count, timesPerDay);
				expect(due).toMatchObject({
					day: '2025-06-04',
					kind: count >= timesPerDay ? 'done' : 'due',
					done: capped,
					of: timesPerDay,
					sessions: count,
					week: { done: capped, expected: timesPerDay * daysPerWeek },
					text: count >= timesPerDay ? 'done today' : `${count} of ${timesPerDay} today`
				});
			}
		});

		it.each([3, 4, 5, 6, 7])(
			'%i days a week: a rest day once the week’s days are met',
			(daysPerWeek) => {
				const routine = program(timesPerDay, daysPerWeek);
				const full: SessionRecord[] = [];
				for (let i = 0; i < Math.min(daysPerWeek, 6); i++) {
					full.push(...sessionsOn(routine, addDays(MONDAY, i), timesPerDay, offset));
				}
				const nextDay = addDays(MONDAY, Math.min(daysPerWeek, 6));
				const now = `${nextDay}T12:00:00${offset}`;
				const due = dueToday(routine, full, undefined, now, { timeZone: zone });
				// Seven days a week never rests: Sunday is still due after six full days.
				expect(due?.kind).toBe(daysPerWeek === 7 ? 'due' : 'rest-day');
				expect(due?.text).toBe(daysPerWeek === 7 ? `0 of ${timesPerDay} today` : 'rest day');
				// One session fewer in the week: not met, so today is due.
				expect(dueToday(routine, full.slice(1), undefined, now, { timeZone: zone })?.kind).toBe(
					'due'
				);
				// And a new week starts afresh on Monday.
				const monday = `${addDays(MONDAY, 7)}T08:00:00${offset}`;
				expect(dueToday(routine, full, undefined, monday, { timeZone: zone })).toMatchObject({
					kind: 'due',
					done: 0,
					week: { done: 0 }
				});
			}
		);
	});

	it('counts a session at 23:50 for its own day and one just after midnight for the next', () => {
		const routine = program(3, 7);
		const sessions = [
			played(routine, `2025-06-03T23:50:00${offset}`),
			played(routine, `2025-06-04T00:05:00${offset}`)
		];
		// The log as it stands at that moment (a session not yet started would, like History,
		// move "today" forward: a clock set back).
		const at = (time: string) => {
			const now = `${time}${offset}`;
			const past = sessions.filter((entry) => Date.parse(entry.startedAt) <= Date.parse(now));
			return dueToday(routine, past, undefined, now, { timeZone: zone });
		};
		expect(at('2025-06-03T23:55:00')).toMatchObject({ day: '2025-06-03', done: 1 });
		// At midnight the day starts afresh: 0 of 3; then only the 00:05 session is today's.
		expect(at('2025-06-04T00:00:00')).toMatchObject({ day: '2025-06-04', done: 0 });
		expect(at('2025-06-04T00:10:00')?.progress).toEqual({ count: 1, startedAt: [5] });
		expect(at('2025-06-05T00:00:00')).toMatchObject({ day: '2025-06-05', done: 0 });
		expect(at('2025-06-04T23:59:59')?.text).toBe('1 of 3 today');
	});
});

describe('due today across a daylight-saving change (Europe/Berlin)', () => {
	it('spring forward, Sunday 30 March 2025: a 23-hour day', () => {
		const routine = program(2, 7);
		const sessions = [
			played(routine, '2025-03-29T23:30:00+01:00'), // Saturday night
			played(routine, '2025-03-30T00:30:00+01:00'), // Sunday, before the change
			played(routine, '2025-03-30T23:30:00+02:00') // Sunday night, after it (21:30 UTC)
		];
		const sunday = dueToday(routine, sessions, undefined, '2025-03-30T23:45:00+02:00', {
			timeZone: BERLIN
		});
		expect(sunday).toMatchObject({ day: '2025-03-30', kind: 'done', done: 2, sessions: 2 });
		expect(sunday?.progress.startedAt).toEqual([30, 23 * 60 + 30]);
		const monday = dueToday(routine, sessions, undefined, '2025-03-31T00:05:00+02:00', {
			timeZone: BERLIN
		});
		expect(monday).toMatchObject({ day: '2025-03-31', kind: 'due', done: 0, week: { done: 0 } });
	});

	it('fall back, Sunday 26 October 2025: a 25-hour day that closes the week', () => {
		const routine = program(1, 3);
		const sessions = [
			played(routine, '2025-10-20T08:00:00+02:00'),
			played(routine, '2025-10-21T08:00:00+02:00'),
			// Sunday 23:30 in winter time is 22:30 UTC: still Sunday, not Monday.
			played(routine, '2025-10-26T23:30:00+01:00')
		];
		const sunday = dueToday(routine, sessions, undefined, '2025-10-26T23:40:00+01:00', {
			timeZone: BERLIN
		});
		expect(sunday).toMatchObject({ day: '2025-10-26', kind: 'done', week: { done: 3 } });
		// (That instant read with the summer offset still in force a day earlier is Monday 00:30.)
		const earlier = dueToday(
			routine,
			sessions.slice(0, 2),
			undefined,
			'2025-10-26T02:30:00+01:00',
			{
				timeZone: BERLIN
			}
		);
		expect(earlier).toMatchObject({ day: '2025-10-26', kind: 'due', done: 0 });
		const monday = dueToday(routine, sessions, undefined, '2025-10-27T08:00:00+01:00', {
			timeZone: BERLIN
		});
		expect(monday).toMatchObject({ day: '2025-10-27', kind: 'due', done: 0, week: { done: 0 } });
		// Done Monday and Tuesday of the new week and one more: Thursday rests.
		const week = [
			...sessions,
			played(routine, '2025-10-27T08:00:00+01:00'),
			played(routine, '2025-10-28T08:00:00+01:00'),
			played(routine, '2025-10-29T08:00:00+01:00')
		];
		expect(
			dueToday(routine, week, undefined, '2025-10-30T09:00:00+01:00', { timeZone: BERLIN })?.kind
		).toBe('rest-day');
	});
});

describe('due today in two time zones at once', () => {
	it('reads the same instants on each zone’s own calendar', () => {
		const routine = program(2, 7);
		// 03:00 UTC on Wednesday: 05:00 Wednesday in Berlin, 23:00 Tuesday in New York.
		const sessions = [played(routine, '2025-06-04T03:00:00Z')];
		const now = '2025-06-04T12:00:00Z';
		expect(dueToday(routine, sessions, undefined, now, { timeZone: BERLIN })).toMatchObject({
			day: '2025-06-04',
			done: 1,
			text: '1 of 2 today'
		});
		expect(dueToday(routine, sessions, undefined, now, { timeZone: NEW_YORK })).toMatchObject({
			day: '2025-06-04',
			done: 0,
			text: '0 of 2 today'
		});
		expect(
			dueToday(routine, sessions, undefined, '2025-06-04T03:30:00Z', { timeZone: NEW_YORK })
		).toMatchObject({ day: '2025-06-03', done: 1 });
	});
});

describe('which sessions count, as History counts them', () => {
	const routine = program(3, 5);
	const zone = BERLIN;
	const now = '2025-06-04T20:00:00+02:00';

	it('leaves out sessions with every exercise skipped, other routines and bad times', () => {
		const sessions = [
			played(routine, '2025-06-04T08:00:00+02:00'),
			played(routine, '2025-06-04T09:00:00+02:00', {
				exercises: [exerciseRecord({ skipped: true })]
			}),
			played(program(3, 5, 'daily-core'), '2025-06-04T10:00:00+02:00'),
			played(routine, 'not a time')
		];
		expect(dueToday(routine, sessions, undefined, now, { timeZone: zone })).toMatchObject({
			done: 1,
			sessions: 1
		});
	});

	it('agrees with History’s figures for this week', () => {
		const sessions = [
			...sessionsOn(routine, '2025-06-02', 5, '+02:00'), // capped at 3
			...sessionsOn(routine, '2025-06-03', 1, '+02:00'),
			...sessionsOn(routine, '2025-06-04', 2, '+02:00')
		];
		const follows = { [routine.id]: { since: '2025-06-03' } };
		const history = summarize(sessions, [routine], now, zone, { follows });
		const week = history.thisWeek.perProgram[0];
		const due = dueToday(routine, sessions, follows[routine.id], now, { timeZone: zone });
		expect(due?.week).toEqual({ done: week?.done, expected: week?.expected });
		expect(due?.week).toEqual({ done: 6, expected: 15 });
		expect(due?.day).toBe(history.today);
	});

	it('takes a session a little ahead of a clock set back as today, like History', () => {
		const sessions = [played(routine, '2025-06-05T08:00:00+02:00')];
		const due = dueToday(routine, sessions, undefined, now, { timeZone: zone });
		expect(due).toMatchObject({ day: '2025-06-05', done: 1 });
	});

	it('is null for a routine not followed today, or without a usable schedule', () => {
		expect(dueToday(routine, [], undefined, now, { timeZone: zone })).toBeNull();
		expect(
			dueToday(routine, [], { since: '2025-06-01', until: '2025-06-04' }, now, { timeZone: zone })
		).toBeNull();
		expect(dueToday(routine, [], { since: '2025-06-05' }, now, { timeZone: zone })).toBeNull();
		expect(dueToday(routine, [], { since: '2025-06-04' }, now, { timeZone: zone })).toMatchObject({
			kind: 'due',
			done: 0,
			text: '0 of 3 today'
		});
		const broken = { id: routine.id, title: 'x', schedule: { timesPerDay: 0, daysPerWeek: 3 } };
		expect(dueToday(broken, [], { since: '2025-06-01' }, now, { timeZone: zone })).toBeNull();
	});

	it('counts only the days followed in the week the routine was first followed', () => {
		// Followed from Saturday, 3 days a week: only Saturday and Sunday can count (2 × 1).
		const weekly = program(1, 3);
		const sessions = [played(weekly, '2025-06-07T08:00:00+02:00')];
		const sunday = dueToday(
			weekly,
			sessions,
			{ since: '2025-06-07' },
			'2025-06-08T09:00:00+02:00',
			{ timeZone: zone }
		);
		expect(sunday).toMatchObject({ kind: 'due', week: { done: 1, expected: 2 } });
	});
});

describe('today for every followed routine', () => {
	const relief = program(3, 7, 'gentle-relief');
	const core = program(1, 3, 'daily-core');
	const desk = program(2, 5, 'desk-break');
	const zone = BERLIN;

	it('lists followed routines in the library’s order, each once', () => {
		const sessions = [played(relief, '2025-06-04T08:10:00+02:00')];
		const list = todayList(
			[desk, relief, core, relief],
			sessions,
			{ [core.id]: { since: '2025-06-01' } },
			'2025-06-04T09:00:00+02:00',
			{ timeZone: zone }
		);
		expect(list.map((item) => [item.programId, item.text])).toEqual([
			['gentle-relief', '1 of 3 today'],
			['daily-core', '0 of 1 today']
		]);
	});
});

describe('the next one due', () => {
	const zone = BERLIN;
	const relief = program(3, 7, 'gentle-relief'); // 08:00, 13:00, 19:00
	const core = program(1, 7, 'daily-core'); // 08:00
	const desk = program(2, 7, 'desk-break'); // 08:00, 19:00
	const follows = Object.fromEntries(
		[relief, core, desk].map((routine) => [routine.id, { since: '2025-06-01' }])
	);

	function items(sessions: SessionRecord[], now: string): DueToday[] {
		return todayList([relief, core, desk], sessions, follows, now, { timeZone: zone });
	}

	it('before the first reminder: the first routine whose first reminder comes first', () => {
		const now = '2025-06-04T07:00:00+02:00';
		expect(nextDue(items([], now), {}, now, zone)?.programId).toBe('gentle-relief');
		// The person moved Daily core's reminder to 07:30: it comes first.
		const reminders = { [core.id]: { times: ['07:30'] } };
		expect(nextDue(items([], now), reminders, now, zone)?.programId).toBe('daily-core');
	});

	it('picks the open slot that started first, and skips routines done or done in their slot', () => {
		const now = '2025-06-04T13:30:00+02:00';
		// Gentle relief done at 08:05 (its 08:00 slot); its 13:00 slot is open since 13:00.
		// Daily core done. Desk break's 08:00 slot is open since 08:00: it has waited longest.
		let sessions = [
			played(relief, '2025-06-04T08:05:00+02:00'),
			played(core, '2025-06-04T09:00:00+02:00')
		];
		expect(nextDue(items(sessions, now), {}, now, zone)?.programId).toBe('desk-break');
		// Desk break played at 12:00: its morning slot is done, its next opens at 19:00.
		sessions = [...sessions, played(desk, '2025-06-04T12:00:00+02:00')];
		expect(nextDue(items(sessions, now), {}, now, zone)?.programId).toBe('gentle-relief');
		// Gentle relief played at 13:10: done in its slot; the next open slot is 19:00 for both,
		// and the tie goes to the library's order.
		sessions = [...sessions, played(relief, '2025-06-04T13:10:00+02:00')];
		const list = items(sessions, now);
		expect(list.map((item) => item.kind)).toEqual(['due', 'done', 'due']);
		expect(nextDue(list, {}, now, zone)?.programId).toBe('gentle-relief');
		expect(nextDue(list, { [desk.id]: { times: ['08:00', '18:00'] } }, now, zone)?.programId).toBe(
			'desk-break'
		);
	});

	it('is null when nothing is due', () => {
		const now = '2025-06-04T21:00:00+02:00';
		const sessions = [
			...sessionsOn(relief, '2025-06-04', 3, '+02:00'),
			...sessionsOn(core, '2025-06-04', 1, '+02:00'),
			...sessionsOn(desk, '2025-06-04', 2, '+02:00')
		];
		expect(nextDue(items(sessions, now), {}, now, zone)).toBeNull();
	});

	it('puts a due routine with no open slot left today after one with a slot', () => {
		const times = ['08:00', '13:00', '19:00'];
		// One session at 19:30: the first slot (by count) and the last (within it) are done.
		const progress = { count: 1, startedAt: [19 * 60 + 30] };
		expect(openSlotStart(times, progress, 19 * 60 + 40)).toBeNull();
		expect(openSlotStart(times, progress, 12 * 60)).toBe(13 * 60);
		expect(openSlotStart(times, { count: 0, startedAt: [] }, 7 * 60)).toBe(8 * 60);
	});
});

describe('the reminder to show now', () => {
	const zone = BERLIN;
	const relief = program(3, 7);
	const setting = {
		times: ['08:00', '13:00', '19:00'],
		days: [1, 3, 5] as (1 | 3 | 5)[],
		on: true
	};
	const at = (sessions: SessionRecord[], now: string) => {
		const item = dueToday(relief, sessions, { since: '2025-06-01' }, now, { timeZone: zone });
		if (!item) throw new Error('not followed');
		return reminderSlotNow(item, setting, now, zone);
	};

	it('shows the slot a Wednesday moment is in while it is not done', () => {
		expect(at([], '2025-06-04T07:59:00+02:00')).toBeNull();
		expect(at([], '2025-06-04T08:00:00+02:00')).toBe(0);
		expect(at([], '2025-06-04T13:05:00+02:00')).toBe(1);
	});

	it('never nags: nothing for a slot done, a day done, a day not chosen or reminders off', () => {
		const morning = [played(relief, '2025-06-04T08:05:00+02:00')];
		expect(at(morning, '2025-06-04T08:10:00+02:00')).toBeNull();
		expect(at(morning, '2025-06-04T13:00:00+02:00')).toBe(1);
		const lunch = [played(relief, '2025-06-04T13:10:00+02:00')];
		expect(at(lunch, '2025-06-04T13:20:00+02:00')).toBeNull();
		expect(
			at(sessionsOn(relief, '2025-06-04', 3, '+02:00'), '2025-06-04T19:00:00+02:00')
		).toBeNull();
		expect(at([], '2025-06-03T13:05:00+02:00')).toBeNull(); // Tuesday: not a chosen day
		const item = dueToday(relief, [], { since: '2025-06-01' }, '2025-06-04T13:05:00+02:00', {
			timeZone: zone
		});
		expect(item).not.toBeNull();
		expect(
			reminderSlotNow(item!, { ...setting, on: false }, '2025-06-04T13:05:00+02:00', zone)
		).toBeNull();
	});
});
