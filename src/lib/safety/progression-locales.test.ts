// The progression's messages in German, Spanish and French (the English is in
// progression.test.ts): exact sentences, the plural following the count (French "1 séance",
// German "1 Einheit"), every parameter filled in.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '$lib/i18n/locale';
import { nextLevel, type LevelSession, type ProgressionInput } from './progression';

const NBSP = '\u00a0';
const TRANSLATED: Locale[] = ['de', 'es', 'fr'];

const good = (day: string, level: number): LevelSession => ({
	day,
	level,
	painBefore: 3,
	painAfter: 3
});
const flared = (day: string, level: number): LevelSession => ({
	day,
	level,
	painBefore: 2,
	painAfter: 6
});

function input(overrides: Partial<ProgressionInput>): ProgressionInput {
	return { level: 2, levels: 4, sessionsToAdvance: 2, recentSessions: [], ...overrides };
}

/** One input for each message the progression can give. */
const CASES: ProgressionInput[] = [
	input({}),
	input({ sessionsToAdvance: 1 }),
	input({ recentSessions: [good('2024-05-14', 2), good('2024-05-13', 2)] }),
	input({ sessionsToAdvance: 1, recentSessions: [good('2024-05-14', 2)] }),
	input({ level: 4, recentSessions: [good('2024-05-14', 4), good('2024-05-13', 4)] }),
	input({ recentSessions: [good('2024-05-14', 2)] }),
	input({ sessionsToAdvance: 3, recentSessions: [good('2024-05-14', 2)] }),
	input({ recentSessions: [{ day: '2024-05-14', level: 2 }] }),
	input({ level: 3, recentSessions: [flared('2024-05-14', 3)] }),
	input({
		level: 3,
		recentSessions: [good('2024-05-14', 3)],
		morningChecks: [{ day: '2024-05-15', rose: true }]
	}),
	input({ level: 1, recentSessions: [flared('2024-05-14', 1)] }),
	input({
		level: 1,
		recentSessions: [good('2024-05-14', 1)],
		morningChecks: [{ day: '2024-05-15', rose: true }]
	}),
	input({ level: 2, recentSessions: [flared('2024-05-14', 3)] })
];

describe('nextLevel in other languages', () => {
	it('moves up, in German, with the plural of the count', () => {
		const sessions = [good('2024-05-14', 2), good('2024-05-13', 2)];
		expect(nextLevel(input({ recentSessions: sessions }), 'de').message).toBe(
			'2 Einheiten in Folge auf Stufe 2 sind innerhalb der Schmerzregel geblieben, daher geht die nächste Einheit auf Stufe 3 hoch: jedes Mal ein wenig mehr. Sie können jederzeit eine leichtere Stufe wählen.'
		);
		expect(nextLevel(input({ sessionsToAdvance: 1, recentSessions: sessions }), 'de').message).toBe(
			'1 Einheit auf Stufe 2 ist innerhalb der Schmerzregel geblieben, daher geht die nächste Einheit auf Stufe 3 hoch: jedes Mal ein wenig mehr. Sie können jederzeit eine leichtere Stufe wählen.'
		);
	});

	it('eases back after a flare-up, in Spanish', () => {
		const result = nextLevel(input({ level: 3, recentSessions: [flared('2024-05-14', 3)] }), 'es');
		expect(result).toMatchObject({ level: 2, reason: 'drop' });
		expect(result.message).toBe(
			'En su última sesión el dolor aumentó más de lo que permite la regla del dolor, así que la próxima sesión vuelve al nivel 2. Las crisis de dolor son frecuentes y suelen calmarse; siga moviéndose con suavidad en lugar de parar.'
		);
	});

	it('counts the sessions still needed, in French: "1 séance" and "2 séances"', () => {
		expect(nextLevel(input({ recentSessions: [good('2024-05-14', 2)] }), 'fr').message).toBe(
			`Restez au niveau 2${NBSP}: encore 1 séance dans la règle de la douleur avant de passer au niveau supérieur.`
		);
		expect(
			nextLevel(input({ sessionsToAdvance: 3, recentSessions: [good('2024-05-14', 2)] }), 'fr')
				.message
		).toBe(
			`Restez au niveau 2${NBSP}: encore 2 séances d’affilée dans la règle de la douleur avant de passer au niveau supérieur.`
		);
	});

	it('keeps the advice to contact a professional at the easiest level, in French', () => {
		expect(nextLevel(input({ level: 1, recentSessions: [flared('2024-05-14', 1)] }), 'fr')).toEqual(
			{
				level: 1,
				reason: 'min',
				message: `Lors de votre dernière séance, la douleur a augmenté plus que ne le permet la règle de la douleur. Vous êtes déjà au niveau le plus facile${NBSP}: gardez une séance douce, faites moins de répétitions si nécessaire et continuez à bouger plutôt que de vous arrêter. Si la douleur continue d’empirer, contactez votre médecin ou votre kinésithérapeute.`
			}
		);
	});

	it('decides the same level whatever the language', () => {
		for (const case_ of CASES) {
			const { message: english, ...decision } = nextLevel(case_);
			for (const locale of TRANSLATED) {
				const { message, ...rest } = nextLevel(case_, locale);
				expect(rest).toEqual(decision);
				expect(message).not.toBe(english);
			}
		}
	});

	it('fills in every parameter, in every language', () => {
		const messages = new Set<string>();
		for (const locale of LOCALES) {
			for (const case_ of CASES) {
				const { message } = nextLevel(case_, locale);
				expect(message).not.toMatch(/[{}]|undefined|NaN/);
				messages.add(message);
			}
		}
		// Each case gives its own message in each language.
		expect(messages.size).toBe(CASES.length * LOCALES.length);
	});
});
