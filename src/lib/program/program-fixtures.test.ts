// The program fixtures (tests/fixtures/programs): every valid one passes, every invalid one is
// rejected with the field at fault named, and the JSON Schema in static/program.schema.json
// agrees with the validator on all of them (except the rules a JSON Schema cannot express).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema, type JsonSchemaNode } from '$lib/test-factories';
import { programJsonSchemaText } from './json-schema';
import type { Problem } from './types';
import { formatProblem, MAX_PROGRAM_BYTES, parseProgramText } from './validate';

const FIXTURES = 'tests/fixtures/programs';
const SCHEMA_FILE = 'static/program.schema.json';

const read = (kind: string, name: string) =>
	fs.readFileSync(path.join(FIXTURES, kind, name), 'utf8');
const list = (kind: string) =>
	fs
		.readdirSync(path.join(FIXTURES, kind))
		.filter((name) => name.endsWith('.json'))
		.sort();

/** Each invalid fixture: the problems it must produce ([path, start of message]). */
const EXPECTED: Record<string, Array<[string, string]>> = {
	'not-json.json': [
		['(root)', 'is not valid JSON: line 4, column 2: a comma "," or "}" was expected']
	],
	'truncated.json': [['(root)', 'is not valid JSON: line 6, column 28: the file ends too early']],
	'wrong-format.json': [['format', 'must be 1 (this app reads program format 1), not 2']],
	'missing-required.json': [
		['title', 'is missing (it is required)'],
		['exercises[0].instructions', 'is missing (it is required)']
	],
	'empty-exercises.json': [['exercises', 'must have at least 1 exercise']],
	'two-dose-forms.json': [['exercises[0].duration', 'cannot be combined with "hold"']],
	'negative-number.json': [
		['exercises[0].restBetweenSets', 'must be a whole number of seconds between 0 and 600, not -10']
	],
	'huge-number.json': [
		['exercises[0].hold', 'must be a whole number of seconds between 1 and 3600, not 100000']
	],
	'not-a-whole-number.json': [
		['exercises[0].hold', 'must be a whole number of seconds between 1 and 3600, not 2.5']
	],
	'string-for-number.json': [
		['exercises[0].reps', 'must be a whole number between 1 and 200, not "10"']
	],
	'unknown-key.json': [['exercises[0].hodl', 'unknown field "hodl": did you mean "hold"?']],
	'bad-id.json': [
		['exercises[0].id', 'must be an id of lowercase letters a–z, digits and single hyphens']
	],
	'duplicate-ids.json': [['exercises[1].id', '"cat-stretch" is already the id of exercises[0]']],
	'duration-with-reps.json': [
		['exercises[0].reps', 'must be 1 or left out when the exercise has a "duration"']
	],
	'top-level-array.json': [['(root)', 'must be a program in curly braces { … }, not a list']],
	'proto-key.json': [
		['__proto__', '"__proto__" is not allowed as a field name'],
		['exercises[0].constructor', '"constructor" is not allowed as a field name']
	],
	'too-long.json': [['(root)', 'plays for 6 h in total']],
	'bad-image-path.json': [['exercises[0].image', 'must be a path inside the app’s files']],
	'encoded-image-path.json': [['exercises[0].image', 'must be a path inside the app’s files']],
	'reserved-id.json': [['id', '"index" is reserved for the app’s own files']],
	'bad-language.json': [['language', 'must be a language tag like "en"']],
	'bad-progression.json': [
		['progression.levels', 'must be a whole number between 2 and 20, not 1']
	],
	'progress-without-progression.json': [
		['exercises[0].progress', 'only works when the program has "progression"']
	],
	'progression-over-limit.json': [
		['exercises[0].progress.reps', 'raises the dose to 340 reps at level 20 (the highest)']
	],
	'bad-translation-tag.json': [['translations.de_DE', 'is not a language tag']],
	'translation-unknown-exercise.json': [
		[
			'translations.de.exercises["cat-strech"]',
			'is not the id of an exercise in this program: did you mean "cat-stretch"?'
		]
	],
	'translation-length.json': [
		[
			'translations.de.exercises["cat-stretch"].instructions',
			'must have 2 entries, like the exercise’s instructions'
		]
	]
};

/**
 * Fixtures the JSON Schema cannot reject, with the reason. Everything else that the validator
 * rejects, the schema must reject too.
 */
const VALIDATOR_ONLY: Record<string, string> = {
	'not-json.json': 'not JSON at all: there is nothing for a schema to check',
	'truncated.json': 'not JSON at all: there is nothing for a schema to check',
	'duplicate-ids.json': 'uniqueness of a field across the items of a list is not expressible',
	'too-long.json': 'the total length is computed from the whole program',
	'progress-without-progression.json': 'a rule between an exercise and the top level',
	'progression-over-limit.json': 'the dose at the highest level is computed',
	'translation-unknown-exercise.json': 'a key of one object checked against the ids in a list',
	'translation-length.json': 'the length of one list checked against another’s'
};

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchemaNode;

function expectRejected(problems: Problem[], expected: Array<[string, string]>) {
	const shown = problems.map(formatProblem).join('\n');
	expect(problems, shown).toHaveLength(expected.length);
	expected.forEach(([pathName, message], index) => {
		expect(problems[index]?.path, shown).toBe(pathName);
		expect(problems[index]?.message.startsWith(message), shown).toBe(true);
	});
}

describe('program fixtures', () => {
	it('has an expectation for every invalid fixture and a fixture for every expectation', () => {
		expect(list('invalid')).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(list('valid'))('valid/%s is accepted by the validator and the schema', (name) => {
		const text = read('valid', name);
		const result = parseProgramText(text);
		expect(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n')).toBe(true);
		expect(checkJsonSchema(schema, JSON.parse(text))).toEqual([]);
	});

	it.each(list('invalid'))('invalid/%s is rejected with the field named', (name) => {
		const result = parseProgramText(read('invalid', name));
		expect(result.ok).toBe(false);
		if (!result.ok) expectRejected(result.problems, EXPECTED[name]!);
	});

	it.each(list('invalid'))(
		'invalid/%s: the schema agrees, or the rule is validator-only',
		(name) => {
			const reason = VALIDATOR_ONLY[name];
			const text = read('invalid', name);
			if (reason) {
				let parsed: unknown;
				try {
					parsed = JSON.parse(text);
				} catch {
					return; // not JSON: nothing for the schema to see
				}
				expect(checkJsonSchema(schema, parsed), reason).toEqual([]);
				return;
			}
			const errors = checkJsonSchema(schema, JSON.parse(text));
			expect(errors.length).toBeGreaterThan(0);
			// The schema's errors point at the same place as the validator's first problem.
			const pointer = (jsonPath: string) =>
				jsonPath === '(root)'
					? ''
					: '/' +
						jsonPath
							.replace(/\[(\d+)\]/g, '.$1')
							.split('.')
							.filter(Boolean)
							.join('/');
			const first = EXPECTED[name]![0]![0];
			const target = pointer(first);
			expect(
				errors.some((error) => error.pointer === target || target.startsWith(`${error.pointer}/`)),
				JSON.stringify(errors)
			).toBe(true);
		}
	);

	it('rejects an oversize file before parsing', () => {
		const valid = read('valid', 'minimal.json');
		const oversize = valid.replace(
			'"Minimal"',
			`"Minimal", "x-pad": "${'x'.repeat(MAX_PROGRAM_BYTES)}"`
		);
		const result = parseProgramText(oversize);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expectRejected(result.problems, [['(root)', 'the file is too large']]);
		}
		// The same content is otherwise valid: only its size is at fault.
		expect(checkJsonSchema(schema, JSON.parse(oversize))).toEqual([]);
	});
});

describe('static/program.schema.json', () => {
	it('is exactly what the generator produces from the valibot schema', () => {
		expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(programJsonSchemaText());
	});

	it('closes every object except for x- keys and allows $schema', () => {
		const base = JSON.parse(read('valid', 'minimal.json')) as Record<string, unknown>;
		expect(
			checkJsonSchema(schema, { ...base, $schema: 'program.schema.json', 'x-any': [1] })
		).toEqual([]);
		expect(checkJsonSchema(schema, { ...base, extra: 1 })).toEqual([
			{ pointer: '/extra', message: 'property "extra" is not allowed' }
		]);
	});

	it('checks translations: language tags, at most 20, closed objects', () => {
		const base = JSON.parse(read('valid', 'translated.json')) as Record<string, unknown>;
		const translations = base.translations as Record<string, unknown>;
		const withTranslations = (value: unknown) =>
			checkJsonSchema(schema, { ...base, translations: value });
		expect(withTranslations(translations)).toEqual([]);
		expect(withTranslations({ 'zh-Hant-TW': {}, 'es-419': {} })).toEqual([]);
		expect(withTranslations({ DE: {} }).map((error) => error.pointer)).toEqual([
			'/translations/DE'
		]);
		const many = Object.fromEntries(
			Array.from({ length: 21 }, (_, i) => [`a${String.fromCharCode(97 + i)}`, {}])
		);
		expect(withTranslations(many)).toEqual([
			{ pointer: '/translations', message: 'too many properties' }
		]);
		expect(withTranslations({ de: { exercises: { 'cat-stretch': { hold: 5 } } } })).toEqual([
			{
				pointer: '/translations/de/exercises/cat-stretch/hold',
				message: 'property "hold" is not allowed'
			}
		]);
		expect(withTranslations({ de: { exercises: { Cat: {} } } }).map((e) => e.pointer)).toEqual([
			'/translations/de/exercises/Cat'
		]);
	});

	it('describes every property for editors', () => {
		const undocumented: string[] = [];
		const walk = (node: unknown, at: string) => {
			if (!node || typeof node !== 'object') return;
			const properties = (node as { properties?: Record<string, unknown> }).properties;
			for (const [key, child] of Object.entries(properties ?? {})) {
				if (!(child as { description?: string }).description) undocumented.push(`${at}/${key}`);
				walk(child, `${at}/${key}`);
			}
			walk((node as { items?: unknown }).items, `${at}/items`);
		};
		walk(schema, '');
		expect(undocumented).toEqual([]);
	});
});
