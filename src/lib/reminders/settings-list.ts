// Settings' list of reminders: which routines it shows (each one followed today, and each one with
// a stored reminder setting), in the library's order, with each one's setting (stored, or the
// routine's defaults) and its times and days in words. Pure. See docs/reminders.md, "Settings".
import type { Instant } from '$lib/adherence/days';
import type { FollowChoice } from '$lib/adherence/follow';
import type { SummarySession } from '$lib/adherence/session-index';
import { validSchedule, type ScheduledProgram } from '$lib/adherence/weekly';
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locale';
import { todayList, type TodayOptions } from './due';
import { defaultReminder, weekdayName, type ReminderSetting } from './times';
import type { Schedule } from '$lib/program/types';

export interface ReminderRow {
	programId: string;
	title: string;
	/** The routine's schedule (the form's defaults come from it). */
	schedule: Schedule;
	setting: ReminderSetting;
	/** Whether the setting is stored (else it is the routine's defaults, turned off). */
	stored: boolean;
	/** "08:00, 13:00 and 19:00, every day". */
	text: string;
}

/**
 * Items joined the language's way: "a, b and c", "a, b und c", "a, b y c". English is written
 * without the serial comma (British English, as the rest of the app).
 */
export function joinWords(items: readonly string[], locale: string = 'en'): string {
	const tag = locale === 'en' ? 'en-GB' : locale;
	return new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }).format(items);
}

/** A setting's times and days in words: "08:00 and 19:00, Monday to Friday". */
export function reminderText(
	setting: Pick<ReminderSetting, 'times' | 'days'>,
	locale: Locale = 'en'
): string {
	const days = [...setting.days].sort((a, b) => a - b);
	const key = days.join(',');
	const times = joinWords(setting.times, locale);
	if (key === '1,2,3,4,5,6,7') return m.reminders_days_every({ times }, { locale });
	if (key === '1,2,3,4,5') return m.reminders_days_weekdays({ times }, { locale });
	if (key === '6,7') return m.reminders_days_weekends({ times }, { locale });
	const names = joinWords(
		days.map((day) => weekdayName(day, locale)),
		locale
	);
	return m.reminders_days_on({ times, days: names }, { locale });
}

/**
 * The routines Settings lists: those followed today and those with a stored reminder setting,
 * each once, in the order of `programs`. Routines without a usable schedule are left out.
 */
export function reminderRows(
	programs: readonly ScheduledProgram[],
	sessions: readonly SummarySession[],
	follows: Readonly<Record<string, FollowChoice>>,
	reminders: Readonly<Record<string, ReminderSetting>>,
	now: Instant,
	options: TodayOptions = {}
): ReminderRow[] {
	const followed = new Set(
		todayList(programs, sessions, follows, now, options).map((item) => item.programId)
	);
	const rows: ReminderRow[] = [];
	const seen = new Set<string>();
	for (const program of programs) {
		if (seen.has(program.id)) continue;
		seen.add(program.id);
		const schedule = validSchedule(program.schedule);
		const own = Object.hasOwn(reminders, program.id) ? reminders[program.id] : undefined;
		if (!schedule || (!own && !followed.has(program.id))) continue;
		const setting = own ?? defaultReminder(schedule);
		rows.push({
			programId: program.id,
			title: program.title,
			schedule,
			setting,
			stored: own !== undefined,
			text: reminderText(setting, options.locale)
		});
	}
	return rows;
}
