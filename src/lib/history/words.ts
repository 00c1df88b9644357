// The words History and the clinician report build from numbers (pure; `locale` defaults to
// English): a week's adherence, the pain summary that stands in for the chart, a prescribed
// schedule, the streak. $lib/adherence keeps its own English `text` fields: it is part of every
// page's bundle (through the reminders), which must not carry these messages (docs/i18n.md,
// "History, report and CSV"); the English here is word for word the same (words.test.ts).
import { daysBetween, dayNumber } from '$lib/adherence/days';
import type { PainTrend } from '$lib/adherence/pain';
import type { Locale } from '$lib/i18n/locale';
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { describeSchedule } from '$lib/program/schedule-text';
import type { Schedule } from '$lib/program/types';

/** "6 of 10 sessions this week": one routine's adherence in the week starting `weekStart`. */
export function adherenceText(
	entry: { done: number; expected: number | null },
	weekStart: string,
	thisWeekStart: string,
	locale: Locale = 'en'
): string {
	const options = { locale };
	const weeksAgo = Math.round(daysBetween(weekStart, thisWeekStart) / 7);
	const when =
		weeksAgo === 0
			? m.history_when_this_week({}, options)
			: weeksAgo === 1
				? m.history_when_last_week({}, options)
				: m.history_when_week_of(
						{
							date: new Intl.DateTimeFormat(locale, {
								day: 'numeric',
								month: 'long',
								timeZone: 'UTC'
							}).format(new Date(`${weekStart}T00:00:00Z`))
						},
						options
					);
	const { done, expected } = entry;
	const inputs = {
		done: formatNumber(done, locale),
		expected: formatNumber(expected ?? 0, locale),
		when
	};
	if (expected === null) {
		return pluralForm(done, locale) === 'one'
			? m.history_adherence_count_one(inputs, options)
			: m.history_adherence_count_other(inputs, options);
	}
	if (done > expected) {
		return pluralForm(done, locale) === 'one'
			? m.history_adherence_over_one(inputs, options)
			: m.history_adherence_over_other(inputs, options);
	}
	return pluralForm(expected, locale) === 'one'
		? m.history_adherence_of_one(inputs, options)
		: m.history_adherence_of_other(inputs, options);
}

/** A pain rating for display: one decimal at most, the locale's way ("5.2", "5,2", "4"). */
export function painNumber(value: number, locale: Locale = 'en'): string {
	const rounded = Math.round(value * 10) / 10;
	return formatNumber(Object.is(rounded, -0) ? 0 : rounded, locale);
}

type Period = { kind: 'today' } | { kind: 'weeks' | 'days'; count: number };

function periodOf(from: string, to: string): Period {
	const days = dayNumber(to) - dayNumber(from) + 1;
	if (days % 7 === 0) return { kind: 'weeks', count: days / 7 };
	return days === 1 ? { kind: 'today' } : { kind: 'days', count: days };
}

/**
 * The pain trend in plain words, in place of the chart for a screen reader: "Over the last 4
 * weeks, pain before sessions averaged 5 and after 3.5; pain before sessions went from 6 to 4.
 * On average, pain was 1.5 points lower after a session than before it."
 */
export function painText(trend: Omit<PainTrend, 'text'>, locale: Locale = 'en'): string {
	const options = { locale };
	const n = (value: number) => painNumber(value, locale);
	const period = periodOf(trend.from, trend.to);
	const count = period.kind === 'today' ? 0 : formatNumber(period.count, locale);
	const { averageBefore, averageAfter } = trend;
	if (averageBefore === null && averageAfter === null) {
		if (period.kind === 'today') return m.history_pain_none_today({}, options);
		if (period.kind === 'days') return m.history_pain_none_days({ count }, options);
		return period.count === 1
			? m.history_pain_none_week({}, options)
			: m.history_pain_none_weeks({ count }, options);
	}
	const opening =
		period.kind === 'today'
			? m.history_pain_opening_today({}, options)
			: period.kind === 'days'
				? m.history_pain_opening_days({ count }, options)
				: period.count === 1
					? m.history_pain_opening_week({}, options)
					: m.history_pain_opening_weeks({ count }, options);
	let first: string;
	if (averageBefore !== null && averageAfter !== null) {
		first = m.history_pain_average_both(
			{ opening, before: n(averageBefore), after: n(averageAfter) },
			options
		);
	} else if (averageBefore !== null) {
		first = m.history_pain_average_before({ opening, before: n(averageBefore) }, options);
	} else {
		first = m.history_pain_average_after({ opening, after: n(averageAfter as number) }, options);
	}
	const { firstBefore, lastBefore } = trend;
	const beforeDays = trend.days.filter((day) => day.before !== null).length;
	if (firstBefore !== null && lastBefore !== null && beforeDays > 1) {
		first +=
			n(firstBefore) === n(lastBefore)
				? m.history_pain_before_same({ value: n(lastBefore) }, options)
				: m.history_pain_before_went({ first: n(firstBefore), last: n(lastBefore) }, options);
	}
	const sentences = [`${first}.`];
	if (trend.averageChange !== null) {
		const change = trend.averageChange;
		const rounded = Math.round(Math.abs(change) * 10) / 10;
		const size = n(rounded);
		const one = pluralForm(rounded, locale) === 'one';
		if (rounded === 0) sentences.push(m.history_pain_change_same({}, options));
		else if (change < 0) {
			sentences.push(
				one
					? m.history_pain_change_lower_one({ size }, options)
					: m.history_pain_change_lower_other({ size }, options)
			);
		} else {
			sentences.push(
				one
					? m.history_pain_change_higher_one({ size }, options)
					: m.history_pain_change_higher_other({ size }, options)
			);
		}
	}
	return sentences.join(' ');
}

/**
 * A prescribed schedule in `locale`: describeSchedule with the library's own words for it (the
 * first-load words, messages/shell, here through Paraglide), so card and report say the same.
 */
export function scheduleText(schedule: Schedule, locale: Locale = 'en'): string {
	const options = { locale };
	const counted = (count: number) => ({ count: formatNumber(count, locale) });
	return describeSchedule(schedule, {
		word: (key, params = {}) => {
			switch (key) {
				case 'shell_schedule':
					return m.shell_schedule(
						{ times: String(params.times ?? ''), days: String(params.days ?? '') },
						options
					);
				case 'shell_times_1':
					return m.shell_times_1({}, options);
				case 'shell_times_2':
					return m.shell_times_2({}, options);
				case 'shell_times_3':
					return m.shell_times_3({}, options);
				case 'shell_times_other':
					return m.shell_times_other(counted(Number(params.count)), options);
				case 'shell_every_day':
					return m.shell_every_day({}, options);
			}
		},
		countedWord: (_key, count) =>
			pluralForm(count, locale) === 'one'
				? m.shell_days_a_week_one(counted(count), options)
				: m.shell_days_a_week_other(counted(count), options)
	});
}

/** "3 days" for the streak, "Best: 1 day". */
export function daysText(count: number, locale: Locale = 'en'): string {
	const inputs = { count: formatNumber(count, locale) };
	return pluralForm(count, locale) === 'one'
		? m.history_streak_days_one(inputs, { locale })
		: m.history_streak_days_other(inputs, { locale });
}

export function bestDaysText(count: number, locale: Locale = 'en'): string {
	const inputs = { count: formatNumber(count, locale) };
	return pluralForm(count, locale) === 'one'
		? m.history_streak_best_one(inputs, { locale })
		: m.history_streak_best_other(inputs, { locale });
}
