import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { sessionRecord } from '$lib/test-factories';
import {
	isLate,
	isReminderTag,
	isShowRemindersMessage,
	LATE_AFTER_MS,
	MAX_SHOWN,
	missedReminders,
	noticeTag,
	noticeText,
	reminderTarget,
	SHOW_AGAIN_AFTER_MS,
	showReminders,
	withShown,
	type ReminderNotice
} from './notice-text';
import {
	MAX_PLAN_ENTRIES,
	nextReminderCheck,
	PLAN_DAYS,
	QUIET_AFTER_SESSION_MS,
	ReminderPlanSchema,
	reminderPlan,
	remindersDue
} from './notices';
import type { ReminderSetting } from './times';

const BERLIN = 'Europe/Berlin';
const relief: ScheduledProgram = {
	id: 'gentle-relief',
	title: 'Gentle relief',
	schedule: { timesPerDay: 3, daysPerWeek: 7 }
};
const core: ScheduledProgram = {
	id: 'daily-core',
	title: 'Daily core',
	schedule: { timesPerDay: 1, daysPerWeek: 3 }
};
const follows = { 'gentle-relief': { since: '2025-06-01' }, 'daily-core': { since: '2025-06-01' } };
const threeADay: ReminderSetting = {
	times: ['08:00', '13:00', '19:00'],
	days: [1, 2, 3, 4, 5, 6, 7],
	on: true
};
const url = (id: string) => `https://limber.test/programs/${id}/`;
const ms = (iso: string) => Date.parse(iso);

function played(routine: ScheduledProgram, startedAt: string) {
	return sessionRecord(startedAt, { programId: routine.id, programTitle: routine.title });
}

describe('remindersDue', () => {
	const due = (
		sessions: ReturnType<typeof played>[],
		now: string,
		reminders = { [relief.id]: threeADay }
	) => remindersDue([relief, core], sessions, follows, reminders, now, url, { timeZone: BERLIN });

	it('gives the open slot of a routine whose reminder is on, with its words, page and times', () => {
		const [notice, ...rest] = due([], '2025-06-04T13:02:00+02:00');
		expect(rest).toEqual([]);
		expect(notice).toEqual({
			tag: 'limber-reminder gentle-relief 2025-06-04 13:00',
			programId: 'gentle-relief',
			title: 'Gentle relief',
			time: '13:00',
			progress: '0 of 3 today',
			done: 0,
			of: 3,
			url: 'https://limber.test/programs/gentle-relief/',
			at: ms('2025-06-04T13:00:00+02:00'),
			until: ms('2025-06-04T19:00:00+02:00')
		});
		// The last slot of the day closes at local midnight.
		expect(due([], '2025-06-04T23:59:00+02:00')[0]).toMatchObject({
			at: ms('2025-06-04T19:00:00+02:00'),
			until: ms('2025-06-05T00:00:00+02:00')
		});
	});

	it('never nags: nothing before the first time, for a slot done, reminders off or not followed', () => {
		expect(due([], '2025-06-04T07:59:00+02:00')).toEqual([]);
		expect(due([played(relief, '2025-06-04T13:10:00+02:00')], '2025-06-04T13:20:00+02:00')).toEqual(
			[]
		);
		expect(
			due([], '2025-06-04T13:20:00+02:00', { [relief.id]: { ...threeADay, on: false } })
		).toEqual([]);
		expect(
			remindersDue([relief], [], {}, { [relief.id]: threeADay }, '2025-06-04T13:20:00+02:00', url, {
				timeZone: BERLIN
			})
		).toEqual([]);
	});

	it('keeps quiet for a slot that opens within 30 minutes after a session ended', () => {
		expect(QUIET_AFTER_SESSION_MS).toBe(30 * 60 * 1000);
		// 12:55 to 13:08: counted for the 08:00 slot, and it ran into the 13:00 one.
		const late = { ...played(relief, '2025-06-04T12:55:00+02:00'), durationSeconds: 780 };
		expect(due([late], '2025-06-04T13:20:00+02:00')).toEqual([]);
		// 12:05 to 12:25: ended 35 minutes before 13:00, so 13:00 reminds.
		const earlier = { ...played(relief, '2025-06-04T12:05:00+02:00'), durationSeconds: 1200 };
		expect(due([earlier], '2025-06-04T13:20:00+02:00').map((n) => n.time)).toEqual(['13:00']);
		// A session that did not count (no exercise done) keeps nothing quiet.
		const empty = { ...late, exercises: [] };
		expect(due([empty], '2025-06-04T13:20:00+02:00').map((n) => n.time)).toEqual(['13:00']);
	});

	it('names a slot by its time: adding an earlier time keeps the tag of a slot shown', () => {
		const before = due([], '2025-06-04T13:30:00+02:00')[0]!.tag;
		const withTen = { ...threeADay, times: ['08:00', '10:00', '13:00', '19:00'] };
		const after = due([], '2025-06-04T13:30:00+02:00', { [relief.id]: withTen })[0]!.tag;
		expect(after).toBe(before);
	});

	it('keeps local reminder times on the days the clocks change, in two zones', () => {
		const sinceJanuary = { [relief.id]: { since: '2025-01-01' } };
		const due = (now: string, timeZone = BERLIN) =>
			remindersDue([relief], [], sinceJanuary, { [relief.id]: threeADay }, now, url, { timeZone });
		// Berlin goes forward on Sunday 30 March 2025 and back on 26 October.
		expect(due('2025-03-30T13:05:00+02:00')[0]).toMatchObject({
			at: ms('2025-03-30T13:00:00+02:00'),
			until: ms('2025-03-30T19:00:00+02:00')
		});
		expect(due('2025-10-26T08:30:00+01:00')[0]).toMatchObject({
			at: ms('2025-10-26T08:00:00+01:00')
		});
		// New York goes forward on Sunday 9 March 2025; midnight closes the last slot there.
		const ny = due('2025-03-09T20:00:00-04:00', 'America/New_York');
		expect(ny[0]).toMatchObject({
			tag: 'limber-reminder gentle-relief 2025-03-09 19:00',
			at: ms('2025-03-09T19:00:00-04:00'),
			until: ms('2025-03-10T00:00:00-04:00')
		});
	});

	it('one notice per routine, each with its own slot', () => {
		const reminders = {
			[relief.id]: threeADay,
			[core.id]: { times: ['12:00'], days: [3] as ReminderSetting['days'], on: true }
		};
		const tags = due([], '2025-06-04T13:30:00+02:00', reminders).map((n) => n.tag);
		expect(tags).toEqual([
			'limber-reminder gentle-relief 2025-06-04 13:00',
			'limber-reminder daily-core 2025-06-04 12:00'
		]);
	});
});

describe('nextReminderCheck', () => {
	it('is the next time of any reminder that is on, across days', () => {
		const reminders = {
			[relief.id]: threeADay,
			[core.id]: { times: ['12:00'], days: [3] as ReminderSetting['days'], on: true }
		};
		const check = (now: string) => nextReminderCheck(reminders, now, BERLIN);
		expect(check('2025-06-04T11:00:00+02:00')).toBe(ms('2025-06-04T12:00:00+02:00'));
		expect(check('2025-06-04T12:00:00+02:00')).toBe(ms('2025-06-04T13:00:00+02:00'));
		expect(check('2025-06-04T19:30:00+02:00')).toBe(ms('2025-06-05T08:00:00+02:00'));
	});

	it('is null when every reminder is off', () => {
		expect(nextReminderCheck({ [relief.id]: { ...threeADay, on: false } }, 0, BERLIN)).toBeNull();
		expect(nextReminderCheck({}, 0, BERLIN)).toBeNull();
	});

	it('keeps 08:00 local across the autumn change', () => {
		// Sunday 26 October 2025 Berlin goes from +02:00 to +01:00.
		expect(nextReminderCheck({ [relief.id]: threeADay }, '2025-10-25T20:00:00+02:00', BERLIN)).toBe(
			ms('2025-10-26T08:00:00+01:00')
		);
	});
});

describe('reminderPlan', () => {
	it('lists what would be shown over the coming days if nothing is done, earliest first', () => {
		const plan = reminderPlan(
			[relief],
			[],
			follows,
			{ [relief.id]: threeADay },
			'2025-06-04T13:30:00+02:00',
			url,
			{
				timeZone: BERLIN
			}
		);
		// The open 13:00 slot, 19:00 today, then three a day for the next days up to 7 days on.
		expect(plan.slice(0, 4).map((n) => [n.time, new Date(n.at).toISOString()])).toEqual([
			['13:00', '2025-06-04T11:00:00.000Z'],
			['19:00', '2025-06-04T17:00:00.000Z'],
			['08:00', '2025-06-05T06:00:00.000Z'],
			['13:00', '2025-06-05T11:00:00.000Z']
		]);
		expect(plan).toHaveLength(2 + 3 * PLAN_DAYS - 1);
		expect(plan.every((n, i) => i === 0 || n.at > plan[i - 1]!.at)).toBe(true);
		expect(v.is(ReminderPlanSchema, plan)).toBe(true);
	});

	it('leaves out slots the log already covers and rest days', () => {
		// A 3-days-a-week routine done Monday to Wednesday rests for the rest of the week.
		const sessions = ['2025-06-02', '2025-06-03', '2025-06-04'].map((day) =>
			played(core, `${day}T09:00:00+02:00`)
		);
		const reminders = {
			[core.id]: {
				times: ['12:00'],
				days: [1, 2, 3, 4, 5, 6, 7] as ReminderSetting['days'],
				on: true
			}
		};
		const plan = reminderPlan(
			[core],
			sessions,
			follows,
			reminders,
			'2025-06-04T10:00:00+02:00',
			url,
			{
				timeZone: BERLIN
			}
		);
		// Wednesday's slot is done; Thursday to Sunday rest; the next week asks again from Monday,
		// up to seven days on (next Wednesday 10:00, before its 12:00 reminder).
		expect(plan.map((n) => n.tag)).toEqual([
			'limber-reminder daily-core 2025-06-09 12:00',
			'limber-reminder daily-core 2025-06-10 12:00'
		]);
	});

	it('stops at its largest size', () => {
		const programs = Array.from({ length: 10 }, (_, i) => ({ ...relief, id: `r${i}` }));
		const reminders = Object.fromEntries(
			programs.map((p) => [
				p.id,
				{
					times: ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'],
					days: [1, 2, 3, 4, 5, 6, 7] as ReminderSetting['days'],
					on: true
				}
			])
		);
		const allFollowed = Object.fromEntries(programs.map((p) => [p.id, { since: '2025-06-01' }]));
		const plan = reminderPlan(
			programs,
			[],
			allFollowed,
			reminders,
			'2025-06-04T07:00:00+02:00',
			url,
			{
				timeZone: BERLIN
			}
		);
		expect(plan).toHaveLength(MAX_PLAN_ENTRIES);
	});
});

describe('notice words and tags', () => {
	const notice = { title: 'Gentle relief', time: '13:00', progress: '1 of 3 today' };

	it('on time and late', () => {
		expect(noticeText(notice)).toEqual({
			title: 'Time for Gentle relief',
			body: 'Your 13:00 session (1 of 3 today).'
		});
		expect(noticeText(notice, true)).toEqual({
			title: 'Missed: Gentle relief at 13:00',
			body: 'Not done yet (1 of 3 today). There is still time today.'
		});
	});

	it('late after 15 minutes', () => {
		expect(isLate({ at: 0 }, LATE_AFTER_MS)).toBe(false);
		expect(isLate({ at: 0 }, LATE_AFTER_MS + 1)).toBe(true);
	});

	it('a tap opens only a routine page of this app, else the library', () => {
		const origin = 'https://limber.test';
		const open = (url: unknown, base = '') => reminderTarget({ url }, origin, base);
		expect(open('https://limber.test/programs/gentle-relief/')).toBe(
			'https://limber.test/programs/gentle-relief/'
		);
		expect(open('/programs/desk-break/')).toBe('https://limber.test/programs/desk-break/');
		for (const bad of [
			'https://evil.test/programs/x/',
			'//evil.test/programs/x/',
			'javascript:alert(1)',
			'/settings/',
			'not a url at all %%%',
			42
		]) {
			expect(open(bad), String(bad)).toBe('https://limber.test/');
		}
		expect(reminderTarget(null, origin, '')).toBe('https://limber.test/');
		expect(open('https://limber.test/limber/programs/a/', '/limber')).toBe(
			'https://limber.test/limber/programs/a/'
		);
		expect(open('https://limber.test/programs/a/', '/limber')).toBe('https://limber.test/limber/');
	});

	it('tags name the routine, day and time', () => {
		expect(noticeTag('gentle-relief', '2025-06-04', '19:00')).toBe(
			'limber-reminder gentle-relief 2025-06-04 19:00'
		);
		expect(isReminderTag(noticeTag('a', '2025-06-04', '08:00'))).toBe(true);
		expect(isReminderTag('update-available')).toBe(false);
	});

	it("the worker shows the reminders due only when asked with the page's time", () => {
		const now = Date.parse('2025-06-11T13:00:30+02:00');
		expect(isShowRemindersMessage({ type: 'SHOW_REMINDERS', now })).toBe(true);
		expect(isShowRemindersMessage({ type: 'SHOW_REMINDERS', now: 0 })).toBe(true);
		for (const bad of [
			null,
			'SHOW_REMINDERS',
			{ type: 'SHOW_REMINDERS' },
			{ type: 'SHOW_REMINDERS', now: String(now) },
			{ type: 'SHOW_REMINDERS', now: Number.NaN },
			{ type: 'SHOW_REMINDERS', now: Infinity },
			{ type: 'SHOW_REMINDERS', now: -1 },
			{ type: 'SKIP_WAITING', now }
		]) {
			expect(isShowRemindersMessage(bad), JSON.stringify(bad)).toBe(false);
		}
	});
});

describe('missedReminders', () => {
	const entry = (programId: string, at: string, until: string, slot = 0): ReminderNotice => ({
		tag: noticeTag(programId, at.slice(0, 10), `${at.slice(11, 16)}#${slot}`),
		programId,
		title: programId,
		time: at.slice(11, 16),
		progress: '0 of 3 today',
		url: url(programId),
		at: ms(at),
		until: ms(until)
	});
	const plan = [
		entry('a', '2025-06-04T08:00:00Z', '2025-06-04T13:00:00Z', 0),
		entry('a', '2025-06-04T13:00:00Z', '2025-06-04T19:00:00Z', 1),
		entry('b', '2025-06-04T12:00:00Z', '2025-06-05T00:00:00Z'),
		entry('a', '2025-06-04T19:00:00Z', '2025-06-05T00:00:00Z', 2)
	];

	it('shows the open slot of each routine, once', () => {
		const now = ms('2025-06-04T14:00:00Z');
		expect(missedReminders(plan, [], now).map((n) => n.tag)).toEqual([plan[1]!.tag, plan[2]!.tag]);
		expect(missedReminders(plan, [plan[1]!.tag], now).map((n) => n.tag)).toEqual([plan[2]!.tag]);
	});

	it('shows nothing before a slot opens or after it closes', () => {
		expect(missedReminders(plan, [], ms('2025-06-04T07:59:00Z'))).toEqual([]);
		expect(missedReminders(plan, [], ms('2025-06-05T00:00:00Z'))).toEqual([]);
	});

	it('remembers shown tags once each, the newest kept', () => {
		expect(withShown(['x', 'y'], ['y', 'z', 'z'])).toEqual(['x', 'y', 'z']);
		const many = Array.from({ length: MAX_SHOWN }, (_, i) => `t${i}`);
		const next = withShown(many, ['new']);
		expect(next).toHaveLength(MAX_SHOWN);
		expect(next.at(-1)).toBe('new');
		expect(next[0]).toBe('t1');
	});
});

describe('showReminders', () => {
	const notice = (programId: string, time: string): ReminderNotice => ({
		tag: noticeTag(programId, '2025-06-04', time),
		programId,
		title: programId === 'a' ? 'Gentle relief' : 'Desk break',
		time,
		progress: '0 of 3 today',
		url: url(programId),
		at: ms(`2025-06-04T${time}:00Z`),
		until: ms('2025-06-04T19:00:00Z')
	});
	const due = [notice('a', '13:00'), notice('b', '12:00')];
	const now = ms('2025-06-04T13:00:30Z');

	/** A registration that drops the first `drops` notifications shown (as Chromium 150 may). */
	function registration(drops: number, listed = true) {
		const screen = new Map<string, string>();
		const shows: string[] = [];
		let dropped = 0;
		const holder = {
			showNotification(title: string, options: NotificationOptions) {
				shows.push(`${options.tag} ${title}`);
				if (dropped < drops) dropped++;
				else screen.set(options.tag!, title);
				return Promise.resolve();
			},
			...(listed && {
				getNotifications: () => Promise.resolve([...screen.keys()].map((tag) => ({ tag })))
			})
		};
		return { holder, shows, screen };
	}

	it('shows each reminder once, with its words and tag, when the system keeps them', async () => {
		const { holder, shows } = registration(0);
		const waits: number[] = [];
		await showReminders(holder, due, now, 'en', (ms) => (waits.push(ms), Promise.resolve()));
		expect(shows).toEqual([
			`${due[0]!.tag} Time for Gentle relief`,
			`${due[1]!.tag} Missed: Desk break at 12:00`
		]);
		expect(waits).toEqual([]);
	});

	it('shows again, once and after a pause, the reminders the system dropped', async () => {
		const { holder, shows, screen } = registration(1);
		const waits: number[] = [];
		await showReminders(holder, due, now, 'en', (ms) => (waits.push(ms), Promise.resolve()));
		expect(shows).toEqual([
			`${due[0]!.tag} Time for Gentle relief`,
			`${due[1]!.tag} Missed: Desk break at 12:00`,
			`${due[0]!.tag} Time for Gentle relief`
		]);
		expect(waits).toEqual([SHOW_AGAIN_AFTER_MS]);
		expect([...screen.keys()].sort()).toEqual([due[0]!.tag, due[1]!.tag].sort());
	});

	it('tries no more than twice, and shows once where the list cannot be read', async () => {
		const always = registration(10);
		await showReminders(always.holder, due.slice(0, 1), now, 'en', () => Promise.resolve());
		expect(always.shows).toHaveLength(2);
		const unlisted = registration(1, false);
		await showReminders(unlisted.holder, due.slice(0, 1), now, 'en', () => Promise.resolve());
		expect(unlisted.shows).toHaveLength(1);
	});
});
