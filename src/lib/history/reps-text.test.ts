import { describe, expect, it } from 'vitest';
import { repsText } from './reps-text';

const reps = (none: number, left: number, right: number, repsPlanned: number) => ({
	repsDone: { none, left, right },
	repsPlanned
});

describe('repsText', () => {
	it('counts the reps done of those planned, in English by default', () => {
		expect(repsText(reps(3, 0, 0, 6))).toBe('3 of 6 reps');
		expect(repsText(reps(0, 0, 0, 1))).toBe('0 of 1 rep');
	});

	it('counts per side once any rep was done on a side', () => {
		expect(repsText(reps(0, 3, 2, 6))).toBe('left 3, right 2 of 6 reps each side');
		expect(repsText(reps(0, 1, 0, 1))).toBe('left 1, right 0 of 1 rep each side');
		// Reps without a side are left out then, as the summary always did.
		expect(repsText(reps(4, 0, 1, 6))).toBe('left 0, right 1 of 6 reps each side');
	});

	it('follows the plural of the planned count and writes numbers in the language', () => {
		expect(repsText(reps(2, 0, 0, 10), 'de')).toBe('2 von 10 Wiederholungen');
		expect(repsText(reps(0, 0, 0, 1), 'de')).toBe('0 von 1 Wiederholung');
		// French: 0 and 1 are singular.
		expect(repsText(reps(0, 0, 0, 0), 'fr')).toBe('0 sur 0 répétition');
		expect(repsText(reps(0, 1, 1, 1200), 'de')).toBe(
			'links 1, rechts 1 von 1.200 Wiederholungen je Seite'
		);
	});
});
