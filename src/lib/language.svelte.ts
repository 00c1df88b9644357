// The interface language as the pages read it: the person's `language` setting, or with
// 'auto' (the default) the browser's preferred languages ($lib/i18n/locale). Until the settings
// have loaded it is the first-load words' language ($lib/i18n/shell-words): English while the
// page hydrates, as the prerendered pages are, so hydration meets the words it finds, then the
// language this device showed last; the page then follows the setting (and other tabs' changes).
import { resolveLocale, type Locale } from '$lib/i18n/locale';
import { shellLocale } from '$lib/i18n/shell-words.svelte';
import { settings } from '$lib/settings.svelte';

/** The interface's language now (reactive in components: it reads the settings). */
export function interfaceLocale(): Locale {
	// Settings that could not be read are the defaults, not the person's: keep the device's language.
	if (!settings.loaded || settings.problem) return shellLocale();
	const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
	return resolveLocale(settings.values.language, preferred);
}
