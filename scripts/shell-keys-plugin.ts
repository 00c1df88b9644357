// Shorter keys for the first-load words in the built app (docs/i18n.md, "First-load words").
//
// messages/shell/<locale>.json keys read well in the catalogue ("shell_library_intro"), but
// English's table and every `word('shell_…')` call are part of every page's first load, where
// each key is bytes that only name a word. So the build gives each key a name of a letter or
// two, the same in every language's file and in the code: a plural pair keeps its `_one` /
// `_other` ending (countedWord composes it). The catalogue, Paraglide's messages (`m.shell_…`),
// the dev server and the unit tests keep the full keys.
//
// Two transforms, both in `vite build` only: the JSON files before Vite's JSON plugin reads
// them, and every string literal in the app's own code (src/, compiled Svelte included) that
// is exactly a shell key, after the other plugins. A literal that equals a key anywhere in src/
// names that word (words.ts's `case 'shell_schedule':` as much as a `word()` call), so all of
// them change together.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PLURAL = /_(one|other)$/;

/** The short name of every key (and of each plural pair's stem), in the catalogue's order. */
export function shortKeys(keys: readonly string[]): Map<string, string> {
	const names = new Map<string, string>();
	const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
	const next = () => {
		let n = names.size;
		let name = '';
		do {
			name = letters[n % letters.length] + name;
			n = Math.floor(n / letters.length) - 1;
		} while (n >= 0);
		return name;
	};
	const stems = new Map<string, string>();
	for (const key of keys) {
		if (key === '$schema') continue;
		const plural = key.match(PLURAL);
		const stem = plural ? key.slice(0, -plural[0].length) : null;
		if (stem && keys.includes(`${stem}_one`) && keys.includes(`${stem}_other`)) {
			if (!stems.has(stem)) {
				const short = next();
				names.set(stem, short);
				stems.set(stem, short);
			}
			names.set(key, `${stems.get(stem)}${plural![0]}`);
		} else names.set(key, next());
	}
	return names;
}

/** A catalogue file's text with its keys shortened (and without `$schema`). */
export function shortenJson(text: string, names: ReadonlyMap<string, string>): string {
	const table = JSON.parse(text) as Record<string, string>;
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(table)) {
		if (key !== '$schema') out[names.get(key) ?? key] = value;
	}
	return JSON.stringify(out);
}

/** Code with every string literal that is exactly a known key replaced by its short name. */
export function shortenLiterals(code: string, names: ReadonlyMap<string, string>): string {
	return code.replace(/(["'`])(shell_\w+)\1/g, (whole, quote: string, key: string) => {
		const short = names.get(key);
		return short === undefined ? whole : `${quote}${short}${quote}`;
	});
}

const SHELL_JSON = /\/messages\/shell\/[a-z]+\.json$/;
/** The app's own modules: src/, not Paraglide's generated messages or anything installed. */
const APP_CODE = /\/src\/(?!lib\/paraglide\/).*\.(ts|js|svelte)$/;

export function shellKeysPlugin(english = 'messages/shell/en.json'): Plugin[] {
	let names: Map<string, string> | null = null;
	const load = () =>
		(names ??= shortKeys(Object.keys(JSON.parse(readFileSync(english, 'utf8')) as object)));
	return [
		{
			name: 'limber:shell-keys-json',
			apply: 'build',
			enforce: 'pre',
			transform(code, id) {
				const path = id.split('?')[0]!.split('\\').join('/');
				if (!SHELL_JSON.test(path)) return null;
				return { code: shortenJson(code, load()), map: null }; // (positions move within a line only)
			}
		},
		{
			name: 'limber:shell-keys-code',
			apply: 'build',
			enforce: 'post',
			transform(code, id) {
				const path = id.split('?')[0]!.split('\\').join('/');
				if (!APP_CODE.test(path) || !code.includes('shell_')) return null;
				const shortened = shortenLiterals(code, load());
				return shortened === code ? null : { code: shortened, map: null };
			}
		}
	];
}
