// The routine page's reminder form as the person edits it: each field's problem in plain words
// (shown next to the field), and the setting to store when there is none. Pure: no storage, no
// clock. The stored shape and its schema are in times.ts; see docs/reminders.md.
import * as v from 'valibot';
import type { Weekday } from '$lib/adherence/days';
import type { Locale } from '$lib/i18n/locale';
import { pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import {
	clockMinutes,
	clockTime,
	isClockTime,
	MAX_REMINDER_TIMES,
	ReminderSchema,
	type ReminderSetting
} from './times';

/** The form's values: times in the order the person sees them, possibly empty or repeated. */
export interface ReminderDraft {
	times: string[];
	days: Weekday[];
	on: boolean;
}

export type DraftCheck =
	| { ok: true; value: ReminderSetting }
	| {
			ok: false;
			/** One entry per time field: what is wrong with it, or null. */
			times: (string | null)[];
			/** What is wrong with the days, or null. */
			days: string | null;
	  };

/** What is wrong with one time field (given the fields before it), or null. */
function timeProblem(time: string, before: readonly string[], locale: Locale): string | null {
	if (time === '') return m.reminders_time_empty({}, { locale });
	if (!isClockTime(time)) return m.reminders_time_invalid({}, { locale });
	if (before.includes(time)) return m.reminders_time_repeated({}, { locale });
	return null;
}

function tooManyTimes(locale: Locale): string {
	const count = MAX_REMINDER_TIMES;
	return pluralForm(count, locale) === 'one'
		? m.reminders_time_too_many_one({ count }, { locale })
		: m.reminders_time_too_many_other({ count }, { locale });
}

/**
 * Checks the form: each time filled in and each once, at least one time and one day. When all is
 * well, the setting to store (times and days sorted, as the stored setting keeps them). The
 * problems are in `locale` (English unless told).
 */
export function checkReminderDraft(draft: ReminderDraft, locale: Locale = 'en'): DraftCheck {
	const times = draft.times.map((time, i) => timeProblem(time, draft.times.slice(0, i), locale));
	if (draft.times.length === 0) times.push(m.reminders_time_none({}, { locale }));
	if (draft.times.length > MAX_REMINDER_TIMES) times.push(tooManyTimes(locale));
	const days = draft.days.length === 0 ? m.reminders_days_none({}, { locale }) : null;
	if (days !== null || times.some((problem) => problem !== null)) return { ok: false, times, days };
	const value: ReminderSetting = {
		times: [...draft.times].sort((a, b) => clockMinutes(a) - clockMinutes(b)),
		days: [...new Set(draft.days)].sort((a, b) => a - b),
		on: draft.on
	};
	// The stored setting's own schema has the last word (it also bounds what a backup may hold).
	if (!v.is(ReminderSchema, value)) {
		return {
			ok: false,
			times: times.map(() => null),
			days: m.reminders_cannot_save({}, { locale })
		};
	}
	return { ok: true, value };
}

/** A time to offer for a new field: an hour after the latest valid one, not already listed. */
export function nextReminderTime(times: readonly string[]): string {
	const valid = times.filter(isClockTime).map(clockMinutes);
	const day = 24 * 60;
	const start = valid.length > 0 ? Math.max(...valid) + 60 : 8 * 60;
	// Hour after hour first, then minute after minute (only needed with very full lists).
	for (const step of [60, 1]) {
		for (let i = 0; i < day / step; i++) {
			const minute = (start + i * step) % day;
			if (!valid.includes(minute)) return clockTime(minute);
		}
	}
	return clockTime(start % day);
}
