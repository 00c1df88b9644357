import { describe, expect, it } from 'vitest';
import { makeExerciseRecord, makeProgram } from '$lib/test-factories';
import { missedText, reportRoutines, skipReasonText } from './report';

const session = {
	exercises: [
		makeExerciseRecord(),
		makeExerciseRecord({
			name: 'Bird-dog',
			repsDone: { none: 3, left: 0, right: 0 },
			repsPlanned: 6,
			outcome: 'partial'
		}),
		makeExerciseRecord({
			name: 'Superman',
			repsDone: { none: 0, left: 0, right: 0 },
			skipped: true,
			skipReason: 'pain',
			outcome: 'skipped'
		}),
		makeExerciseRecord({ name: 'Bridge', skipped: true, outcome: 'skipped' }),
		makeExerciseRecord({
			name: 'Triangle pose',
			repsDone: { none: 0, left: 0, right: 0 },
			outcome: 'not-reached'
		})
	]
};

describe('missedText', () => {
	it('says in English what a session did not do, exercise by exercise', () => {
		expect(missedText(session)).toBe(
			'Bird-dog: partly done (3 of 6 reps); Superman: skipped (pain); Bridge: skipped; Triangle pose: not reached'
		);
	});

	it('is empty when everything was done', () => {
		expect(missedText({ exercises: [makeExerciseRecord()] }, 'de')).toBe('');
	});

	it('speaks German, Spanish and French (French spaces its colons and semicolons)', () => {
		expect(missedText(session, 'de')).toBe(
			'Bird-dog: teilweise gemacht (3 von 6 Wiederholungen); Superman: übersprungen (Schmerzen); Bridge: übersprungen; Triangle pose: nicht erreicht'
		);
		expect(missedText(session, 'es')).toBe(
			'Bird-dog: hecho en parte (3 de 6 repeticiones); Superman: saltado (dolor); Bridge: saltado; Triangle pose: no alcanzado'
		);
		expect(missedText(session, 'fr')).toBe(
			'Bird-dog\u00a0: fait en partie (3 sur 6 répétitions)\u202f; Superman\u00a0: passé (douleur)\u202f; Bridge\u00a0: passé\u202f; Triangle pose\u00a0: pas atteint'
		);
	});

	it('counts reps per side, with the plural of the planned count', () => {
		const sided = {
			exercises: [
				makeExerciseRecord({
					name: 'Bird-dog',
					repsDone: { none: 0, left: 1, right: 0 },
					repsPlanned: 1,
					outcome: 'partial'
				})
			]
		};
		expect(missedText(sided)).toBe('Bird-dog: partly done (left 1, right 0 of 1 rep each side)');
		expect(missedText(sided, 'fr')).toBe(
			'Bird-dog\u00a0: fait en partie (gauche 1, droite 0 sur 1 répétition de chaque côté)'
		);
	});
});

describe('skipReasonText', () => {
	it('names each reason as the summary offered it', () => {
		expect(skipReasonText('time')).toBe('no time');
		expect(skipReasonText('equipment', 'de')).toBe('keine Ausrüstung');
		expect(skipReasonText('other', 'fr')).toBe('autre raison');
	});
});

describe('reportRoutines', () => {
	it("describes the prescribed schedule in the report's language", () => {
		const program = makeProgram({ schedule: { timesPerDay: 2, daysPerWeek: 5 } });
		const periods = new Map([[program.id, { since: '2025-05-20' }]]);
		const [english] = reportRoutines(periods, [program], {}, '2025-05-15', '2025-06-11');
		expect(english?.schedule).toBe('twice a day, 5 days a week');
		const [german] = reportRoutines(periods, [program], {}, '2025-05-15', '2025-06-11', 'de');
		expect(german?.schedule).toBe('zweimal täglich, 5 Tage pro Woche');
		expect(german?.since).toBe('2025-05-20');
	});
});
