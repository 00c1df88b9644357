// describeDose in German, Spanish and French (the English is in dose.test.ts): the plurals
// follow the locale (French "0 série", "1 répétition"), units stay symbols, German keeps its
// capitals inside a paced dose, French spaces its colon.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '$lib/i18n/locale';
import { makeExercise } from '$lib/test-factories';
import { describeDose } from './dose';
import type { Exercise } from './types';

const NBSP = '\u00a0';
const TRANSLATED: Locale[] = ['de', 'es', 'fr'];

function exercise(fields: Partial<Exercise> = {}): Exercise {
	return makeExercise({ id: 'e', name: 'E', instructions: ['x'], ...fields });
}

const paced = exercise({
	reps: 5,
	phases: [
		{ cue: 'Einatmen', seconds: 5 },
		{ cue: 'Pause', seconds: 1 },
		{ cue: 'Ausatmen', seconds: 3 }
	]
});

describe('describeDose in other languages', () => {
	it('describes holds, in German', () => {
		expect(describeDose(exercise({ sets: 2, reps: 10, hold: 5, sides: 'each' }), 'de')).toBe(
			'2 Sätze × 10 Wiederholungen, 5 s halten, pro Seite'
		);
		expect(describeDose(exercise({ hold: 150 }), 'de')).toBe(
			'1 Satz × 1 Wiederholung, 2 min 30 s halten'
		);
	});

	it('keeps a German cue’s capitals in a paced dose', () => {
		expect(describeDose(paced, 'de')).toBe(
			'1 Satz × 5 Wiederholungen, im Takt: Einatmen 5 s · Pause 1 s · Ausatmen 3 s'
		);
	});

	it('describes paced reps, in French, with the cue in the sentence', () => {
		const french = exercise({
			reps: 5,
			phases: [
				{ cue: 'Inspirez', seconds: 5 },
				{ cue: 'Expirez', seconds: 3 }
			]
		});
		expect(describeDose(french, 'fr')).toBe(
			`1 série × 5 répétitions, en rythme${NBSP}: inspirez 5 s · expirez 3 s`
		);
	});

	it('uses the French singular for 0 and 1, the plural from 2', () => {
		expect(describeDose(exercise({ sets: 0, reps: 0, hold: 5 }), 'fr')).toBe(
			'0 série × 0 répétition, tenez 5 s'
		);
		expect(describeDose(exercise({ sets: 2, reps: 1, hold: 5 }), 'fr')).toBe(
			'2 séries × 1 répétition, tenez 5 s'
		);
		expect(describeDose(exercise({ sets: 0, reps: 0, hold: 5 }))).toBe('0 sets × 0 reps, hold 5 s');
	});

	it('describes timed bouts, in Spanish', () => {
		expect(describeDose(exercise({ duration: 45, sides: 'each' }), 'es')).toBe('45 s, a cada lado');
		expect(describeDose(exercise({ duration: 300, sets: 3 }), 'es')).toBe('3 series × 5 min');
	});

	it('describes self-paced reps, in each language', () => {
		const alternate = exercise({ reps: 10, sides: 'alternate' });
		expect(describeDose(alternate, 'es')).toBe('10 repeticiones a su ritmo, alternando los lados');
		expect(describeDose(alternate, 'de')).toBe(
			'10 Wiederholungen im eigenen Tempo, Seiten abwechselnd'
		);
		expect(describeDose(exercise({ reps: 8, sets: 2 }), 'fr')).toBe(
			'2 séries × 8 répétitions à votre rythme'
		);
		expect(describeDose(exercise(), 'es')).toBe('1 repetición a su ritmo');
	});

	it('fills in every parameter, in every language', () => {
		const doses = [
			exercise({ sets: 3, reps: 12, hold: 10, sides: 'alternate' }),
			paced,
			exercise({ duration: 4000, sets: 2 }),
			exercise({ reps: 1, sides: 'each' })
		];
		for (const locale of LOCALES) {
			for (const dose of doses) expect(describeDose(dose, locale)).not.toMatch(/[{}]|undefined/);
		}
		for (const locale of TRANSLATED) {
			expect(describeDose(doses[0]!, locale)).not.toBe(describeDose(doses[0]!));
		}
	});
});
