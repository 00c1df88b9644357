// The languages Limber speaks, and which one a person gets. Pure: the browser's preferred
// languages and the person's choice come in. Messages are compiled by Paraglide from
// messages/<locale>.json into $lib/paraglide (docs/i18n.md).

export { LANGUAGE_HINT_KEY, LANGUAGE_WAIT_CLASS } from './hint';

/** The interface's languages, English (the base) first. */
export const LOCALES = ['en', 'de', 'es', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

/** The base language: what a missing message or an unknown choice falls back to. */
export const BASE_LOCALE: Locale = 'en';

/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
	en: 'English',
	de: 'Deutsch',
	es: 'Español',
	fr: 'Français'
};

/** The `language` setting: a language, or 'auto' (the browser's preferred language). */
export type LanguageChoice = Locale | 'auto';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The interface language for a BCP 47 tag ("de-AT" → "de"), or null when Limber has none. */
export function localeOf(tag: string | null | undefined): Locale | null {
	if (typeof tag !== 'string') return null;
	const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
	return isLocale(primary) ? primary : null;
}

/** The first of the browser's preferred languages that Limber speaks, else English. */
export function preferredLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const locale = localeOf(tag);
		if (locale) return locale;
	}
	return BASE_LOCALE;
}

/** The language a person gets: their choice, or with 'auto' the browser's preference. */
export function resolveLocale(choice: LanguageChoice, preferred: readonly string[]): Locale {
	return choice === 'auto' ? preferredLocale(preferred) : choice;
}

/**
 * The language the player speaks and shows for a routine: the routine's own (after it was
 * localized: the translation chosen) when Limber speaks it, else the interface's. So a routine
 * that exists only in English plays wholly in English, never half in another language.
 */
export function playerLocale(programLanguage: string, interfaceLocale: Locale): Locale {
	return localeOf(programLanguage) ?? interfaceLocale;
}
