// Plain-words descriptions of a program's prescribed schedule.
import type { Schedule } from './types';

const TIMES = ['', 'once', 'twice', 'three times'];

/** "3 times a day, every day" / "once a day, 5 days a week". */
export function describeSchedule(schedule: Schedule): string {
	const perDay = TIMES[schedule.timesPerDay] ?? `${schedule.timesPerDay} times`;
	const days =
		schedule.daysPerWeek === 7
			? 'every day'
			: `${schedule.daysPerWeek} ${schedule.daysPerWeek === 1 ? 'day' : 'days'} a week`;
	return `${perDay} a day, ${days}`;
}

/** Sessions expected per week: the number adherence is measured against. */
export function sessionsPerWeek(schedule: Schedule): number {
	return schedule.timesPerDay * schedule.daysPerWeek;
}
