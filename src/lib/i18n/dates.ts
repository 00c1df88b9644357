// Dates and times in the interface's language, through Intl.DateTimeFormat (pure but for
// `browserDateLocale`, which reads the browser's preferred languages). A page in English in an
// en-GB browser writes "11 June", in en-US "June 11": the browser's own tag is used when it is a
// form of the interface's language, else the language itself. See docs/i18n.md.
import { localeOf, type Locale } from './locale';

/** The tag to format dates with: the first preferred tag of `locale`'s language, else `locale`. */
export function dateLocale(locale: Locale, preferred: readonly string[] = []): string {
	for (const tag of preferred) {
		if (localeOf(tag) !== locale) continue;
		try {
			return Intl.DateTimeFormat.supportedLocalesOf(tag)[0] ?? locale;
		} catch {
			return locale;
		}
	}
	return locale;
}

/** dateLocale with the browser's preferred languages (none on the server). */
export function browserDateLocale(locale: Locale): string {
	return dateLocale(locale, typeof navigator === 'undefined' ? [] : navigator.languages);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${tag}|${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, options);
		formats.set(key, format);
	}
	return format;
}

/**
 * A calendar day ('YYYY-MM-DD') in words, e.g. { day: 'numeric', month: 'short' } → "11 Jun"
 * (en-GB), "11. Juni" (de). Read at local noon, so no zone moves it to another day.
 */
export function formatDay(day: string, tag: string, options: Intl.DateTimeFormatOptions): string {
	return formatOf(tag, options).format(new Date(`${day}T12:00:00`));
}

/** A moment (epoch ms or an ISO 8601 date-time) in the device's zone, e.g. "Mi., 11. Juni 2025, 18:00". */
export function formatInstant(
	instant: number | string,
	tag: string,
	options: Intl.DateTimeFormatOptions
): string {
	return formatOf(tag, options).format(new Date(instant));
}

/** The seven weekdays from Monday, short and long ("Mo", "Montag"). */
export function weekdayNames(tag: string): { short: string; long: string }[] {
	// 5 January 2026 is a Monday.
	return Array.from({ length: 7 }, (_, i) => {
		const day = `2026-01-${String(5 + i).padStart(2, '0')}`;
		return {
			short: formatDay(day, tag, { weekday: 'short' }),
			long: formatDay(day, tag, { weekday: 'long' })
		};
	});
}
