import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';

describe('findJsonSyntaxError', () => {
	const cases: Array<[string, string, number, number, string]> = [
		['empty', '', 1, 1, 'the file is empty'],
		['only spaces', '  \n ', 2, 2, 'the file is empty'],
		['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'a comma "," or "}" was expected here'],
		['trailing comma in object', '{"a": 1,\n}', 2, 1, 'there is a comma just before "}"'],
		['trailing comma in list', '[1, 2, ]', 1, 8, 'there is a comma just before "]"'],
		['unquoted key', '{ name: 1 }', 1, 3, 'field names must be in double quotes: write "name"'],
		[
			'single quotes value',
			'{"a": \'b\'}',
			1,
			7,
			'text must be in double quotes "…", not single quotes'
		],
		[
			'single quotes key',
			"{'a': 1}",
			1,
			2,
			'field names must be in double quotes "…", not single quotes'
		],
		['curly quotes', '{"a": “b”}', 1, 7, 'curly quotes “ ” are not allowed'],
		['comment', '{\n// note\n}', 2, 1, 'comments are not allowed in JSON'],
		['block comment', '[1 /* x */]', 1, 4, 'comments are not allowed in JSON'],
		['unclosed text', '{"a": "b\n}', 1, 7, 'this text is not closed before the end of the line'],
		['unclosed text at end', '{"a": "b', 1, 7, 'this text has no closing double quote'],
		['bad escape', '{"a": "C:\\path"}', 1, 10, 'a backslash \\ in text must start an escape'],
		['tab in text', '{"a": "x\ty"}', 1, 9, 'text may not contain control characters'],
		['missing colon', '{"a" 1}', 1, 6, 'a colon ":" was expected after the field name'],
		['missing value', '{"a": }', 1, 7, 'a value was expected before "}"'],
		['leading zero', '[01]', 1, 3, 'this is not a valid number'],
		['trailing dot', '[1.]', 1, 3, 'this is not a valid number'],
		['plus sign', '[+1]', 1, 2, 'unexpected "+": a value was expected here'],
		['bare minus', '[-]', 1, 2, 'this is not a valid number'],
		[
			'unknown word',
			'[yes]',
			1,
			2,
			'unknown word "yes": text must be in double quotes, e.g. "yes"'
		],
		['truncated object', '{"a": [1, 2', 1, 12, 'the file ends too early: a closing "]" is missing'],
		[
			'truncated after key',
			'{"a":',
			1,
			6,
			'the file ends too early: a value, "]" or "}" is missing at the end'
		],
		['mismatched bracket', '{"a": [1}', 1, 9, '"}" does not match the open "[" (expected "]")'],
		['extra closing', '{}}', 1, 3, 'there is more text after the end of the program'],
		['two values', '{} {}', 1, 4, 'there is more text after the end of the program'],
		['empty slot', '[1,,2]', 1, 4, 'unexpected ",": a value was expected here']
	];

	it.each(cases)('%s', (_name, text, line, column, message) => {
		expect(() => JSON.parse(text)).toThrow();
		const found = findJsonSyntaxError(text);
		expect(found).not.toBeNull();
		expect(found).toMatchObject({ line, column });
		expect(found?.message.startsWith(message), found?.message).toBe(true);
	});

	it('finds nothing wrong in valid JSON', () => {
		for (const text of [
			'{}',
			'[]',
			' { "a" : [ 1 , -2.5e+3 , true , false , null , "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9" ] } ',
			'"only text"',
			'0',
			'-0.0E-0',
			'{"":{"":[[]]}}',
			'"😀 \uD800"'
		]) {
			expect(findJsonSyntaxError(text), text).toBeNull();
		}
	});

	it('agrees with JSON.parse on random texts', () => {
		let state = 7;
		const random = () => {
			state = (state * 1103515245 + 12345) % 2147483648;
			return state / 2147483648;
		};
		const alphabet = [
			'{',
			'}',
			'[',
			']',
			',',
			':',
			'"',
			'a',
			'1',
			'-',
			'.',
			'e',
			' ',
			'\n',
			'true',
			'null',
			'\\',
			'0'
		];
		const samples = ['{"a": [1, 2.5, {"b": null}], "c": "d\\n"}', '[true, false, -1e5, "x"]'];
		for (let i = 0; i < 4000; i++) {
			let text: string;
			if (i % 2 === 0) {
				text = Array.from(
					{ length: 1 + Math.floor(random() * 12) },
					() => alphabet[Math.floor(random() * alphabet.length)]
				).join('');
			} else {
				const base = samples[i % samples.length]!;
				const at = Math.floor(random() * base.length);
				const insert = alphabet[Math.floor(random() * alphabet.length)]!;
				text =
					random() < 0.5
						? base.slice(0, at) + base.slice(at + 1)
						: base.slice(0, at) + insert + base.slice(at);
			}
			let parses = true;
			try {
				JSON.parse(text);
			} catch {
				parses = false;
			}
			expect(findJsonSyntaxError(text) === null, JSON.stringify(text)).toBe(parses);
		}
	});

	it('copes with very deep nesting without overflowing', () => {
		const depth = 200_000;
		expect(findJsonSyntaxError('['.repeat(depth) + ']'.repeat(depth))).toBeNull();
		expect(findJsonSyntaxError('['.repeat(depth))?.message).toMatch(/ends too early/);
	});
});

describe('lineAndColumn', () => {
	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
		expect(lineAndColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
	});
});
