// The interface language as the pages read it: the person's `language` setting, or with
// 'auto' (the default) the browser's preferred languages ($lib/i18n/locale). Until the settings
// have loaded it is English, as the prerendered pages are, so hydration meets the same words it
// finds; the page then follows the setting (and other tabs' changes of it).
import { BASE_LOCALE, resolveLocale, type Locale } from '$lib/i18n/locale';
import { settings } from '$lib/settings.svelte';

/** The interface's language now (reactive in components: it reads the settings). */
export function interfaceLocale(): Locale {
	if (!settings.loaded) return BASE_LOCALE;
	const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
	return resolveLocale(settings.values.language, preferred);
}
