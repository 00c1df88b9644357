import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shortenJson, shortenLiterals, shortKeys } from './shell-keys-plugin';

const english = JSON.parse(readFileSync('messages/shell/en.json', 'utf8')) as Record<
	string,
	string
>;

describe('the first-load words’ short keys', () => {
	it('give every key its own short name, and a plural pair one stem with its endings', () => {
		const names = shortKeys(['shell_a', 'shell_b_one', 'shell_b_other', 'shell_c']);
		expect(names.get('shell_a')).toBe('a');
		expect(names.get('shell_b')).toBe('b');
		expect(names.get('shell_b_one')).toBe('b_one');
		expect(names.get('shell_b_other')).toBe('b_other');
		expect(names.get('shell_c')?.length).toBe(1);
	});

	it('are distinct for the whole catalogue, beyond one letter too', () => {
		const keys = Array.from({ length: 60 }, (_, i) => `shell_k${i}`);
		const names = [...shortKeys(keys).values()];
		expect(new Set(names).size).toBe(60);
		expect(names.every((name) => /^[a-zA-Z]{1,2}$/.test(name))).toBe(true);
		const catalogue = shortKeys(Object.keys(english));
		expect(new Set(catalogue.values()).size).toBe(catalogue.size);
	});

	it('rename a language file’s keys and keep its words', () => {
		const names = shortKeys(Object.keys(english));
		const short = JSON.parse(shortenJson(JSON.stringify(english), names)) as Record<string, string>;
		expect(Object.keys(short)).toHaveLength(Object.keys(english).length);
		expect(short[names.get('shell_library_intro')!]).toBe(english.shell_library_intro);
		expect(Object.keys(short).some((key) => key.startsWith('shell_'))).toBe(false);
	});

	it('replace only string literals that are exactly a key', () => {
		const names = shortKeys(['shell_x', 'shell_days_one', 'shell_days_other']);
		const code =
			"word('shell_x'); word(\"shell_x\", p); countedWord('shell_days', n); m.shell_x(); 'shell_unknown'; 'shell_x y'";
		expect(shortenLiterals(code, names)).toBe(
			"word('a'); word(\"a\", p); countedWord('b', n); m.shell_x(); 'shell_unknown'; 'shell_x y'"
		);
	});
});
