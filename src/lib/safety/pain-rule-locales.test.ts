// The pain rule's advice in German, Spanish and French (the English is in pain-rule.test.ts):
// exact sentences, the numbers written the locale's way, every parameter filled in, and French
// typography (a no-break space before ":", a narrow no-break space before ";").
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '$lib/i18n/locale';
import { assessMorning, assessSession, ruleWords, type MorningInput } from './pain-rule';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const TRANSLATED: Locale[] = ['de', 'es', 'fr'];

/** Every kind of session the rule tells apart, and every kind of morning. */
const SESSIONS = [
	{ painBefore: 4 },
	{ painAfter: 2 },
	{ painAfter: 6 },
	{ painBefore: 4, painAfter: 3 },
	{ painBefore: 2, painAfter: 4 },
	{ painBefore: 2, painAfter: 6 }
];
const MORNINGS: MorningInput[] = [
	{ morningPain: 4 },
	{ morningPain: 5, previousBaseline: 3 },
	{ morningPain: 5, previousBaseline: 3, painAfterLastSession: 4 },
	{ morningPain: 5, painAfterLastSession: 4 },
	{ morningPain: 2, previousBaseline: 3 },
	{ morningPain: 2, previousBaseline: 3, painAfterLastSession: 4 },
	{ morningPain: 2, painAfterLastSession: 4 }
];

function texts(locale: Locale): string[] {
	return [
		...SESSIONS.map((session) => assessSession(session, locale).message),
		...MORNINGS.map((input) => assessMorning(input, locale).advice)
	];
}

describe('assessSession in other languages', () => {
	it('says that pain did not rise, in German', () => {
		expect(assessSession({ painBefore: 4, painAfter: 3 }, 'de').message).toBe(
			'Der Schmerz ging von 4/10 auf 3/10: kein Anstieg. Sanfte Bewegung hilft oft, machen Sie also auf dieser Stufe weiter.'
		);
	});

	it('writes a decimal rating the locale’s way', () => {
		expect(assessSession({ painBefore: 2.5, painAfter: 2 }, 'de').message).toMatch(
			/^Der Schmerz ging von 2,5\/10 auf 2\/10:/
		);
		expect(assessSession({ painBefore: 2.5, painAfter: 2 }, 'en').message).toMatch(
			/^Pain went from 2.5\/10 to 2\/10:/
		);
	});

	it('quotes the rule inside the limit sentence, in Spanish', () => {
		expect(assessSession({ painBefore: 2, painAfter: 4 }, 'es').message).toBe(
			'El dolor pasó de 2/10 a 4/10. Está dentro del límite habitual (hasta un 3/10, aproximadamente, o hasta 2 puntos por encima de su nivel de partida) y es aceptable siempre que se haya calmado mañana por la mañana. Entonces se le preguntará cómo nota la espalda.'
		);
		expect(ruleWords('es')).toBe(
			'hasta un 3/10, aproximadamente, o hasta 2 puntos por encima de su nivel de partida'
		);
	});

	it('spaces the colon in French, and keeps the advice to contact a professional', () => {
		expect(assessSession({ painAfter: 2 }, 'fr').message).toBe(
			`Douleur après la séance${NBSP}: 2/10. Jusqu’à environ 3/10, c’est acceptable, à condition qu’elle se soit calmée demain matin.`
		);
		const beyond = assessSession({ painBefore: 2, painAfter: 6 }, 'fr').message;
		expect(beyond).toMatch(/^La douleur est passée de 2\/10 à 6\/10, au-delà de la limite/);
		expect(beyond).toContain('contactez votre médecin ou votre kinésithérapeute.');
	});

	it('keeps the same judgement whatever the language', () => {
		for (const session of SESSIONS) {
			const { message: _en, ...english } = assessSession(session);
			for (const locale of TRANSLATED) {
				const { message, ...rest } = assessSession(session, locale);
				expect(rest).toEqual(english);
				expect(message).not.toBe(_en);
			}
		}
	});
});

describe('assessMorning in other languages', () => {
	it('reports a flare-up with both earlier ratings, in German', () => {
		const result = assessMorning(
			{ morningPain: 5, previousBaseline: 3, painAfterLastSession: 4 },
			'de'
		);
		expect(result).toMatchObject({ rose: true, comparedWith: 'baseline' });
		expect(result.advice).toBe(
			'Ihre Rückenschmerzen liegen heute Morgen bei 5/10, höher als vor Ihrer letzten Einheit (3/10; direkt nach der Einheit: 4/10). Machen Sie die heutige Einheit leichter: weniger Wiederholungen oder eine leichtere Stufe, wo es eine gibt. Solche Schmerzschübe sind häufig und klingen meist wieder ab; bleiben Sie sanft in Bewegung, statt ganz aufzuhören. Wenn die Schmerzen über mehrere Tage weiter zunehmen, wenden Sie sich an Ihre Arztpraxis oder Physiotherapie.'
		);
	});

	it('says pain has settled, in Spanish', () => {
		expect(assessMorning({ morningPain: 2, painAfterLastSession: 4 }, 'es').advice).toBe(
			'Esta mañana el dolor de espalda está en 2/10, no más alto que justo después de su última sesión (4/10): se ha calmado. Siga en su nivel actual.'
		);
	});

	it('takes the first rating as the starting point, in French', () => {
		expect(assessMorning({ morningPain: 4 }, 'fr').advice).toBe(
			`Merci. Votre douleur au dos est à 4/10 ce matin. Votre dernière séance n’a pas de note de douleur d’avant pour comparer${NBSP}: cette note devient donc votre point de départ.`
		);
	});

	it('puts a narrow no-break space before a French semicolon', () => {
		const advice = assessMorning(
			{ morningPain: 5, previousBaseline: 3, painAfterLastSession: 4 },
			'fr'
		).advice;
		expect(advice).toContain(`(3/10${NNBSP}; juste après la séance${NBSP}: 4/10)`);
		expect(advice).toContain(`se calment en général${NNBSP}; continuez`);
	});
});

describe('every advice sentence', () => {
	it('has its parameters filled in, in every language', () => {
		for (const locale of LOCALES) {
			for (const text of texts(locale)) expect(text).not.toMatch(/[{}]|undefined|NaN/);
		}
	});

	it('differs from the English in each translation', () => {
		const english = texts('en');
		for (const locale of TRANSLATED) {
			texts(locale).forEach((text, i) => expect(text).not.toBe(english[i]));
		}
	});

	it('follows French typography: no plain space before : ; ? !', () => {
		for (const text of texts('fr')) {
			expect(text).not.toMatch(/ [:;?!]/);
			expect(text).not.toMatch(/\S[;?!]/);
		}
	});
});
