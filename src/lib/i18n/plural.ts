// Plurals and numbers for messages: a message with a count comes in two keys, `<key>_one` and
// `<key>_other`, and pluralKey picks one with Intl.PluralRules for the locale (French says
// "0 répétition", English "0 reps"). Numbers shown in a message go through Intl.NumberFormat.
// See docs/i18n.md.

/** The two forms our languages need: CLDR's "one", and "other" for every other category. */
export type PluralForm = 'one' | 'other';

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** Which form of a counted message `count` takes in `locale`. */
export function pluralForm(count: number, locale: string): PluralForm {
	let rule = rules.get(locale);
	if (!rule) {
		rule = new Intl.PluralRules(locale);
		rules.set(locale, rule);
	}
	return rule.select(count) === 'one' ? 'one' : 'other';
}

/** A whole or decimal number written the locale's way ("1,5" in German, "1 000" in French). */
export function formatNumber(value: number, locale: string): string {
	let format = numbers.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
		numbers.set(locale, format);
	}
	return format.format(value);
}
