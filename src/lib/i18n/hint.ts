// The two names the page's bootstrap ($lib/server/paint-first) and the first-load words
// ($lib/i18n/shell-words) share. A module of its own so the first load carries nothing more.

/**
 * Where this device remembers the last interface language it showed (localStorage), so that the
 * next page load knows it before any script runs. Only a hint: the `language` setting is the truth.
 */
export const LANGUAGE_HINT_KEY = 'limber-language';

/**
 * The class on <html> that keeps a page's English words hidden while the words of another
 * language load (set by the bootstrap before the first paint, removed by shell-words).
 */
export const LANGUAGE_WAIT_CLASS = 'i18n-wait';
