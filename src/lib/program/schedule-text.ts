// Plain-words descriptions of a program's prescribed schedule, in the words it is given: the
// first-load words of $lib/i18n/shell-words (`shellWords`, in the interface's language), since
// a program's card shows this on the library's first paint. Pure, so tests and node scripts
// can give it any language's words.
import type { Schedule } from './types';

type ScheduleKey =
	| 'shell_schedule'
	| 'shell_times_1'
	| 'shell_times_2'
	| 'shell_times_3'
	| 'shell_times_other'
	| 'shell_every_day';

/** The words a schedule is said with. */
export interface ScheduleWords {
	word(key: ScheduleKey, params?: Readonly<Record<string, string | number>>): string;
	/** `shell_days_a_week_one` or `_other`, as the language's plural rules say for `count`. */
	countedWord(key: 'shell_days_a_week', count: number): string;
}

/** "3 times a day, every day" / "once a day, 5 days a week" ("zweimal täglich, jeden Tag"). */
export function describeSchedule(schedule: Schedule, words: ScheduleWords): string {
	const n = schedule.timesPerDay;
	const times =
		n === 1
			? words.word('shell_times_1')
			: n === 2
				? words.word('shell_times_2')
				: n === 3
					? words.word('shell_times_3')
					: words.word('shell_times_other', { count: n });
	const days =
		schedule.daysPerWeek === 7
			? words.word('shell_every_day')
			: words.countedWord('shell_days_a_week', schedule.daysPerWeek);
	return words.word('shell_schedule', { times, days });
}

/** Sessions expected per week: the number adherence is measured against. */
export function sessionsPerWeek(schedule: Schedule): number {
	return schedule.timesPerDay * schedule.daysPerWeek;
}
