import { describe, expect, it } from 'vitest';
import { makeExerciseRecord, makeSessionRecord } from '$lib/test-factories';
import { hasAnswers, withAnswers } from './answers';

describe('withAnswers', () => {
	const ended = makeSessionRecord({
		exercises: [makeExerciseRecord({ skipped: true }), makeExerciseRecord({ exerciseId: 'cat' })]
	});
	delete ended.painAfter;
	delete ended.effort;

	it('adds each answer given and leaves the rest of the record as it was', () => {
		const answered = withAnswers(ended, { painAfter: 0, note: 'ok' });
		expect(answered).toEqual({ ...ended, painAfter: 0, note: 'ok' });
		expect(answered).not.toBe(ended);
		expect(ended.painAfter).toBeUndefined();
	});

	it('gives a reason only to a skipped exercise, and removes one with null', () => {
		const once = withAnswers(ended, { skipReasons: { 0: 'equipment', 1: 'pain' } });
		expect(once.exercises.map((e) => e.skipReason)).toEqual(['equipment', undefined]);
		const cleared = withAnswers(once, { skipReasons: { 0: null } });
		expect(cleared.exercises[0]).toEqual(ended.exercises[0]);
		expect('skipReason' in cleared.exercises[0]!).toBe(false);
	});

	it('removes an answer with null, and a blank note', () => {
		const answered = withAnswers(ended, { painAfter: 4, effort: 'too easy', note: 'x' });
		const cleared = withAnswers(answered, { painAfter: null, effort: null, note: '   ' });
		expect(cleared).toEqual(ended);
		expect(Object.keys(cleared)).not.toContain('painAfter');
		expect(Object.keys(cleared)).not.toContain('note');
	});

	it('trims the note', () => {
		expect(withAnswers(ended, { note: '  sore knee \n' }).note).toBe('sore knee');
	});
});

describe('hasAnswers', () => {
	it('is true when anything is answered or removed, false for nothing', () => {
		expect(hasAnswers({})).toBe(false);
		expect(hasAnswers({ skipReasons: {} })).toBe(false);
		expect(hasAnswers({ painAfter: 0 })).toBe(true);
		expect(hasAnswers({ effort: null })).toBe(true);
		expect(hasAnswers({ skipReasons: { 2: 'time' } })).toBe(true);
	});
});
