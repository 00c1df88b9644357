import { describe, expect, it } from 'vitest';
import {
	capProblems,
	describe as describeValue,
	formatPath,
	MAX_PROBLEMS,
	moreProblemsText,
	nestPath,
	refusal
} from './problems';

describe('paths', () => {
	it('writes JSON paths: fields, list items, keys that are not identifiers, the root', () => {
		expect(formatPath([])).toBe('(root)');
		expect(formatPath(['sessions'])).toBe('sessions');
		expect(formatPath(['sessions', 3])).toBe('sessions[3]');
		expect(formatPath(['sessions', 3, 'note'])).toBe('sessions[3].note');
		expect(formatPath(['programLevels', 'my program'])).toBe('programLevels["my program"]');
		expect(formatPath(['x-note'])).toBe('["x-note"]');
	});

	it('puts an inner path under a prefix', () => {
		expect(nestPath('programs[0].program', 'exercises[2].hold')).toBe(
			'programs[0].program.exercises[2].hold'
		);
		expect(nestPath('programs[0].program', '["x-a b"]')).toBe('programs[0].program["x-a b"]');
		expect(nestPath('programs[0].program', '(root)')).toBe('programs[0].program');
		expect(nestPath('', 'id')).toBe('id');
	});
});

describe('describe', () => {
	it('says briefly what a value is', () => {
		expect(
			[undefined, null, 'ten', 'x'.repeat(40), 5, Number.NaN, Infinity, true, [], {}].map(
				describeValue
			)
		).toEqual([
			'nothing',
			'null',
			'"ten"',
			`"${'x'.repeat(27)}…"`,
			'5',
			'NaN',
			'an enormous number',
			'true',
			'a list',
			'an object'
		]);
	});
});

describe('the cap on problems', () => {
	it('lists at most MAX_PROBLEMS and counts the rest', () => {
		const many = Array.from({ length: MAX_PROBLEMS + 7 }, (_, i) => ({
			path: `a[${i}]`,
			message: 'x'
		}));
		expect(capProblems(many, 3)).toMatchObject({ more: 10 });
		expect(refusal(many)).toMatchObject({ ok: false, more: 7 });
		expect(refusal(many).problems).toHaveLength(MAX_PROBLEMS);
		expect(moreProblemsText(1234)).toBe('and 1,234 more problems');
		expect(moreProblemsText(1)).toBe('and 1 more problem');
	});
});
