// The message catalogue is complete: messages/<locale>.json for every locale has the same keys
// as English, each translation uses exactly the English message's {parameters}, no message is
// empty, and no translation is left in English except where the words are the same in that
// language (listed below, with the reason). See docs/i18n.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, LOCALES, type Locale } from './locale';

const DIR = join(import.meta.dirname, '../../../messages');

/** Translations allowed to equal the English, by key: the languages, and why. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly Locale[]>> = {
	// "Pause" is the German and the French word too.
	player_pause: ['de', 'fr'],
	// No words: the exercise's name and its first instruction (French spaces its colon).
	player_image_alt: ['de', 'es']
};

function load(locale: Locale): Record<string, string> {
	const json = JSON.parse(readFileSync(join(DIR, `${locale}.json`), 'utf8')) as Record<
		string,
		unknown
	>;
	const messages: Record<string, string> = {};
	for (const [key, value] of Object.entries(json)) {
		if (key === '$schema') continue;
		if (typeof value !== 'string') throw new Error(`${locale}.json: ${key} is not a string`);
		messages[key] = value;
	}
	return messages;
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
	});
});
