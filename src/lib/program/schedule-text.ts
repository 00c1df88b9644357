// Plain-words descriptions of a program's prescribed schedule, in the interface's language (the
// first-load words of $lib/i18n/shell-words: a program's card shows this on the library's first
// paint).
import { countedWord, word } from '$lib/i18n/shell-words.svelte';
import type { Schedule } from './types';

/** "3 times a day, every day" / "once a day, 5 days a week" ("zweimal täglich, jeden Tag"). */
export function describeSchedule(schedule: Schedule): string {
	const n = schedule.timesPerDay;
	const times =
		n === 1
			? word('shell_times_1')
			: n === 2
				? word('shell_times_2')
				: n === 3
					? word('shell_times_3')
					: word('shell_times_other', { count: n });
	const days =
		schedule.daysPerWeek === 7
			? word('shell_every_day')
			: countedWord('shell_days_a_week', schedule.daysPerWeek);
	return word('shell_schedule', { times, days });
}

/** Sessions expected per week: the number adherence is measured against. */
export function sessionsPerWeek(schedule: Schedule): number {
	return schedule.timesPerDay * schedule.daysPerWeek;
}
