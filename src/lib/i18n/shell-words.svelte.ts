// The words of every page's first paint: the header, the library, a program's card and facts,
// the error page. Paraglide compiles each message with all four languages in it, which would
// make the first load (and so English) bigger; these few words instead come straight from their
// catalogue, messages/shell/<locale>.json: English is in the first load (as the words were before),
// another language is fetched as its own small file once the page runs. The completeness test
// checks these files like every other (docs/i18n.md, "First-load words").
//
// How a page opens in German: the bootstrap (paint-first.ts) sets <html lang="de"> from the
// device's last language (LANGUAGE_HINT_KEY) or the browser's, and hides the page's English
// words (LANGUAGE_WAIT_CLASS); the layout then calls useShellLocale(hintedLocale()), which loads
// de.json, switches these words and the interface locale, and shows the page. Hydration itself
// always meets the English the page was prerendered with.
//
// Self-contained on purpose: what this module imports joins the first load, with every export
// that any later chunk uses from it ($lib/i18n/locale and plural are for those).
import english from '../../../messages/shell/en.json';
import { LANGUAGE_WAIT_CLASS } from './hint';
import { lazyImport } from '$lib/lazy-import';
import { fill } from './fill';
import type { Locale } from './locale';

export type ShellKey = Exclude<keyof typeof english, '$schema'>;
type Table = Readonly<Record<string, string>>;

/** The other languages' words, each its own small file fetched when needed. */
const loaders: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<{ default: Table }>>> = {
	de: () => lazyImport(() => import('../../../messages/shell/de.json')),
	es: () => lazyImport(() => import('../../../messages/shell/es.json')),
	fr: () => lazyImport(() => import('../../../messages/shell/fr.json'))
};

let current = $state.raw<{ locale: Locale; table: Table }>({ locale: 'en', table: english });
let wanted: Locale = 'en';

/** The words as a pure function takes them (describeSchedule). */
export const shellWords = { word, countedWord };

export { fill };

/** The language these words are in now (reactive). */
export function shellLocale(): Locale {
	return current.locale;
}

/** A first-load word in the current language, with its {parameters} filled in (reactive). */
export function word(key: ShellKey, params?: Readonly<Record<string, string | number>>): string {
	return fill(current.table[key] ?? english[key], params);
}

/** A counted word: `<key>_one` or `<key>_other`, as Intl.PluralRules says for `count`. */
export function countedWord(key: 'shell_days_a_week', count: number): string {
	const form = new Intl.PluralRules(current.locale).select(count) === 'one' ? 'one' : 'other';
	return word(`${key}_${form}`, { count });
}

/**
 * Shows the first-load words in `locale` (loading its file first), sets <html lang> and shows
 * a page the bootstrap hid while waiting. A later call wins over an earlier one still loading;
 * if the file cannot be loaded the page shows its English words.
 */
export async function useShellLocale(locale: Locale): Promise<void> {
	wanted = locale;
	try {
		if (locale !== current.locale) {
			const table = locale === 'en' ? english : (await loaders[locale]()).default;
			if (wanted !== locale) return;
			current = { locale, table };
		}
	} catch {
		// The file could not be loaded (lazyImport showed the notice): the words stay as they are.
	} finally {
		// (No document outside a browser, e.g. in unit tests.)
		const root = (globalThis as { document?: Document }).document?.documentElement;
		if (root && wanted === locale) {
			root.lang = current.locale;
			root.classList.remove(LANGUAGE_WAIT_CLASS);
		}
	}
}

/** The language the bootstrap chose for this page before it painted (<html lang>), or English. */
export function hintedLocale(): Locale {
	const lang = (globalThis as { document?: Document }).document?.documentElement.lang ?? '';
	return lang in loaders ? (lang as Locale) : 'en';
}
