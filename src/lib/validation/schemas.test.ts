import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	bool,
	check,
	dateTime,
	day,
	list,
	map,
	number,
	oneOf,
	optional,
	protoKeyProblems,
	record,
	text,
	wholeNumber
} from './schemas';

const Person = record({
	name: text(1, 10),
	age: wholeNumber(0, 120),
	height: optional(number(0.5, 2.5)),
	active: bool(),
	kind: optional(oneOf(['a', 'b'])),
	born: optional(day()),
	seen: optional(dateTime()),
	pets: optional(list(record({ name: text(1, 5) }), 2))
});

const problems = (schema: v.GenericSchema, input: unknown, prefix?: string) => {
	const result = check(schema, input, prefix);
	return result.ok ? [] : result.problems;
};

describe('check and the building blocks', () => {
	it('returns the clean output, times in UTC form', () => {
		expect(
			check(Person, { name: 'Ann', age: 40, active: true, seen: '2025-03-14T09:30:00+01:00' })
		).toEqual({
			ok: true,
			value: { name: 'Ann', age: 40, active: true, seen: '2025-03-14T08:30:00.000Z' }
		});
	});

	it('lists every problem with its path, unknown keys first, in plain words', () => {
		expect(
			problems(
				Person,
				{
					name: '',
					age: 12.5,
					height: 3,
					active: 'yes',
					kind: 'c',
					born: '2025-02-30',
					seen: 'yesterday',
					pets: [{ name: 'Rex', bark: true }, 'cat'],
					colour: 'red',
					mood: 1
				},
				'people[0]'
			)
		).toEqual([
			{ path: 'people[0].colour', message: 'is not a known field' },
			{ path: 'people[0].mood', message: 'is not a known field' },
			{ path: 'people[0].name', message: 'must be 1 to 10 characters long' },
			{ path: 'people[0].age', message: 'must be a whole number from 0 to 120' },
			{ path: 'people[0].height', message: 'must be a number from 0.5 to 2.5' },
			{ path: 'people[0].active', message: 'must be true or false, not "yes"' },
			{ path: 'people[0].kind', message: 'must be one of "a", "b"' },
			{ path: 'people[0].born', message: 'must be a calendar day written YYYY-MM-DD' },
			{
				path: 'people[0].seen',
				message:
					'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
			},
			{ path: 'people[0].pets[0].bark', message: 'is not a known field' },
			{ path: 'people[0].pets[1]', message: 'must be an object, not "cat"' }
		]);
	});

	it('says a missing field is required, a list is not an object, null is not absent', () => {
		expect(problems(Person, { name: 'Ann', active: true, kind: null })).toEqual([
			{ path: 'age', message: 'is required' },
			{ path: 'kind', message: 'must be one of "a", "b"' }
		]);
		expect(problems(Person, [1])).toEqual([
			{ path: '(root)', message: 'must be an object, not a list' }
		]);
	});

	it('does not look into a list longer than it may be', () => {
		const schema = list(wholeNumber(0, 1), 2);
		expect(problems(schema, [5, 5, 5])).toEqual([
			{ path: '(root)', message: 'may hold at most 2 entries, not 3' }
		]);
		expect(problems(schema, 'x')).toEqual([{ path: '(root)', message: 'must be a list, not "x"' }]);
	});

	it('checks a map: its size, its keys (__proto__ too) and each value', () => {
		const schema = map(wholeNumber(0, 9), { max: 2, what: 'programs' });
		expect(problems(schema, { a: 1, b: 10 })).toEqual([
			{ path: 'b', message: 'must be a whole number from 0 to 9' }
		]);
		expect(problems(schema, { a: 1, b: 2, c: 3 })).toEqual([
			{ path: '(root)', message: 'may hold at most 2 programs' }
		]);
		expect(problems(schema, JSON.parse('{"__proto__": 1, "": 2}'))).toEqual([
			{ path: '__proto__', message: 'is not a usable program id' },
			{ path: '[""]', message: 'is not a usable program id' }
		]);
	});

	it('never throws: a check that breaks is a problem at the root', () => {
		const broken = v.custom(() => {
			throw new Error('boom');
		});
		expect(check(broken, 1)).toEqual({
			ok: false,
			problems: [{ path: '(root)', message: 'could not be checked (boom)' }],
			more: 0
		});
	});
});

describe('protoKeyProblems', () => {
	it('finds __proto__ keys at any depth, as JSON.parse leaves them', () => {
		const found = protoKeyProblems(JSON.parse('{"a":[{"__proto__":{"x":1}}],"__proto__":null}'));
		expect(found.map((p) => p.path).sort()).toEqual(['__proto__', 'a[0].__proto__']);
	});

	it('ends on a value that contains itself', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic.self = [cyclic];
		expect(protoKeyProblems(cyclic)).toEqual([
			{ path: 'self[0]', message: 'contains itself, so it is not JSON data' }
		]);
	});
});
