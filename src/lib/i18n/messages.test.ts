// The message catalogue is complete: messages/<locale>.json and messages/<part>/<locale>.json for every locale has the same keys
// as English, each translation uses exactly the English message's {parameters}, no message is
// empty, and no translation is left in English except where the words are the same in that
// language (listed below, with the reason). See docs/i18n.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, LOCALES, type Locale } from './locale';

/** Translations allowed to equal the English, by key: the languages, and why. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly Locale[]>> = {
	// "Pause" is the German and the French word too.
	player_pause: ['de', 'fr'],
	// No words: the exercise's name and its first instruction (French spaces its colon).
	player_image_alt: ['de', 'es'],
	// "minutes" is the French word too (the unit beside a number box in the builder).
	builder_unit_minutes: ['fr'],
	// "routine(s)" is the French word too (Settings → Sync, what a sync moved).
	sync_moved_routines_one: ['fr'],
	sync_moved_routines_other: ['fr']
};

const ROOT = join(import.meta.dirname, '../../..');

/** The catalogue's files, one pattern per part of the app ("./messages/{locale}.json",
 *  "./messages/history/{locale}.json"…), as the inlang project lists them. */
const PATTERNS: string[] = (() => {
	const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang/settings.json'), 'utf8')) as {
		'plugin.inlang.messageFormat': { pathPattern: string | string[] };
	};
	const pattern = settings['plugin.inlang.messageFormat'].pathPattern;
	return Array.isArray(pattern) ? pattern : [pattern];
})();

function loadFile(path: string): Record<string, string> {
	const json = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
	const messages: Record<string, string> = {};
	for (const [key, value] of Object.entries(json)) {
		if (key === '$schema') continue;
		if (typeof value !== 'string') throw new Error(`${path}: ${key} is not a string`);
		messages[key] = value;
	}
	return messages;
}

function filesOf(locale: Locale): Record<string, string>[] {
	return PATTERNS.map((pattern) => loadFile(pattern.replace('{locale}', locale)));
}

/** Keys found in more than one of a language's files (Paraglide would keep one of them). */
function duplicateKeys(files: Record<string, string>[]): string[] {
	const seen = new Set<string>();
	const twice: string[] = [];
	for (const file of files) {
		for (const key of Object.keys(file)) {
			if (seen.has(key)) twice.push(key);
			seen.add(key);
		}
	}
	return twice;
}

/** Every message of a language, from all its files. */
function load(locale: Locale): Record<string, string> {
	return Object.assign({}, ...filesOf(locale)) as Record<string, string>;
}

/** The {parameters} of a message, sorted, each once. */
function parameters(message: string): string[] {
	return [
		...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1]!))
	].sort();
}

type Catalogue = Record<string, string>;

/** Keys one catalogue has and the other has not, both ways ("-key": missing, "+key": extra). */
function keyDifferences(en: Catalogue, other: Catalogue): string[] {
	return [
		...Object.keys(en)
			.filter((key) => !(key in other))
			.map((key) => `-${key}`),
		...Object.keys(other)
			.filter((key) => !(key in en))
			.map((key) => `+${key}`)
	];
}

function parameterMismatches(en: Catalogue, other: Catalogue): string[] {
	return Object.keys(en).filter(
		(key) => key in other && parameters(other[key]!).join() !== parameters(en[key]!).join()
	);
}

function emptyKeys(messages: Catalogue): string[] {
	return Object.keys(messages).filter((key) => messages[key]!.trim() === '');
}

function untranslated(en: Catalogue, other: Catalogue, locale: Locale): string[] {
	return Object.keys(en).filter(
		(key) => other[key] === en[key] && !(SAME_AS_ENGLISH[key] ?? []).includes(locale)
	);
}

const english = load(BASE_LOCALE);
const others = LOCALES.filter((locale) => locale !== BASE_LOCALE);

describe('the message catalogue', () => {
	it('has messages, and none of them empty in English', () => {
		expect(Object.keys(english).length).toBeGreaterThan(0);
		expect(emptyKeys(english)).toEqual([]);
	});

	it.each(LOCALES)('defines each %s key in one file only', (locale) => {
		expect(duplicateKeys(filesOf(locale))).toEqual([]);
	});

	it('allows English words only for keys and languages that exist', () => {
		for (const [key, locales] of Object.entries(SAME_AS_ENGLISH)) {
			expect(english, key).toHaveProperty(key);
			for (const locale of locales) expect(others).toContain(locale);
		}
	});

	describe.each(others)('%s', (locale) => {
		const messages = load(locale);

		it('has the same keys as English', () => {
			expect(keyDifferences(english, messages)).toEqual([]);
		});

		it('uses the same {parameters} in each message as English', () => {
			expect(parameterMismatches(english, messages)).toEqual([]);
		});

		it('has no empty message', () => {
			expect(emptyKeys(messages)).toEqual([]);
		});

		it('leaves nothing in English but the words listed as the same', () => {
			expect(untranslated(english, messages, locale)).toEqual([]);
		});
	});

	it('finds each kind of fault in a broken catalogue (the checks themselves work)', () => {
		const en = { a: 'Rep {rep} of {reps}', b: 'Hold', c: 'Rest', player_pause: 'Pause' };
		const de = { a: 'Wiederholung {rep} von {total}', b: 'Hold', d: ' ', player_pause: 'Pause' };
		expect(keyDifferences(en, de)).toEqual(['-c', '+d']);
		expect(parameterMismatches(en, de)).toEqual(['a']);
		expect(emptyKeys(de)).toEqual(['d']);
		expect(untranslated(en, de, 'de')).toEqual(['b']);
		expect(untranslated(en, de, 'es')).toEqual(['b', 'player_pause']);
		expect(parameters('{ name } and {name}, {count}')).toEqual(['count', 'name']);
		expect(duplicateKeys([{ a: 'x', b: 'y' }, { b: 'z' }, { c: 'w' }])).toEqual(['b']);
	});
});
