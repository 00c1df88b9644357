import { describe, expect, it } from 'vitest';
import {
	RED_FLAG_ADVICE,
	RED_FLAGS,
	assessRedFlags,
	needsRedFlagCheck,
	type Urgency
} from './red-flags';

function idsWith(urgency: Urgency): string[] {
	return RED_FLAGS.filter((flag) => flag.urgency === urgency).map((flag) => flag.id);
}

describe('RED_FLAGS', () => {
	it('asks about loss of bladder or bowel control as an emergency', () => {
		const flag = RED_FLAGS.find((item) => item.id === 'bladder-bowel');
		expect(flag?.label).toContain('loss of bladder or bowel control');
		expect(flag?.urgency).toBe('emergency');
	});

	it('covers every sign of the safety brief, each once', () => {
		expect(idsWith('emergency')).toEqual([
			'bladder-bowel',
			'saddle-numbness',
			'both-legs',
			'chest-pain',
			'serious-injury'
		]);
		expect(idsWith('urgent')).toEqual(['fever', 'weight-loss', 'night-pain']);
		expect(idsWith('soon')).toEqual(['one-leg-pain', 'one-leg-weakness']);
		expect(new Set(RED_FLAGS.map((flag) => flag.id)).size).toBe(RED_FLAGS.length);
		for (const flag of RED_FLAGS) expect(flag.label.length).toBeGreaterThan(5);
	});
});

describe('assessRedFlags', () => {
	it('gives the all-clear when nothing is ticked', () => {
		const result = assessRedFlags([]);
		expect(result.urgency).toBeNull();
		expect(result.flags).toEqual([]);
		expect(result.advice).toBe(RED_FLAG_ADVICE.none);
		expect(result.advice.steps[0]).toMatch(/start your session/);
	});

	it('sends an emergency to the emergency number and stops exercise', () => {
		const result = assessRedFlags(['bladder-bowel']);
		expect(result.urgency).toBe('emergency');
		expect(result.advice.steps.join(' ')).toMatch(/emergency number/);
		expect(result.advice.steps.join(' ')).toMatch(/emergency department/);
		expect(result.advice.steps).toContain('Do not exercise.');
	});

	it('asks for a doctor or urgent care today for urgent signs', () => {
		const result = assessRedFlags(['night-pain']);
		expect(result.urgency).toBe('urgent');
		expect(result.advice.heading).toMatch(/today/);
		expect(result.advice.steps.join(' ')).toMatch(/urgent care/);
	});

	it('asks for an appointment soon and no session for one-leg signs', () => {
		const result = assessRedFlags(['one-leg-pain']);
		expect(result.urgency).toBe('soon');
		expect(result.advice.steps.join(' ')).toMatch(/doctor or physiotherapist in the next few days/);
		expect(result.advice.steps.join(' ')).toMatch(/Don't do this session/);
	});

	it('picks the most urgent of several signs and lists them most urgent first', () => {
		const result = assessRedFlags(['one-leg-weakness', 'fever', 'chest-pain']);
		expect(result.urgency).toBe('emergency');
		expect(result.flags.map((flag) => flag.id)).toEqual([
			'chest-pain',
			'fever',
			'one-leg-weakness'
		]);
		expect(assessRedFlags(new Set(['one-leg-pain', 'weight-loss'])).urgency).toBe('urgent');
	});

	it('ignores ids that are not on the list', () => {
		expect(assessRedFlags(['headache']).urgency).toBeNull();
		expect(assessRedFlags(['headache', 'one-leg-pain']).urgency).toBe('soon');
	});
});

describe('needsRedFlagCheck', () => {
	it('asks once per local day', () => {
		expect(needsRedFlagCheck({}, '2024-05-15')).toBe(true);
		expect(needsRedFlagCheck({ lastRedFlagCheckDay: null }, '2024-05-15')).toBe(true);
		expect(needsRedFlagCheck({ lastRedFlagCheckDay: '2024-05-14' }, '2024-05-15')).toBe(true);
		expect(needsRedFlagCheck({ lastRedFlagCheckDay: '2024-05-15' }, '2024-05-15')).toBe(false);
	});

	it('asks again when the last check seems to be in the future', () => {
		expect(needsRedFlagCheck({ lastRedFlagCheckDay: '2024-05-16' }, '2024-05-15')).toBe(true);
	});

	it('never asks when turned off', () => {
		expect(needsRedFlagCheck({ redFlagCheck: false }, '2024-05-15')).toBe(false);
		expect(needsRedFlagCheck({ redFlagCheckEnabled: false }, '2024-05-15')).toBe(false);
		expect(needsRedFlagCheck({ redFlagCheck: true, lastRedFlagCheckDay: null }, '2024-05-15')).toBe(
			true
		);
		expect(
			needsRedFlagCheck(
				{ redFlagCheckEnabled: true, lastRedFlagCheckDay: '2024-05-14' },
				'2024-05-15'
			)
		).toBe(true);
	});
});
