import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locale';
import { adviceIn, redFlagLabel, redFlagWords } from './red-flag-words';
import { RED_FLAG_ADVICE, RED_FLAG_QUESTION, RED_FLAGS } from './red-flags';

describe('the red-flag check in each language', () => {
	it('says in English exactly what red-flags.ts says', () => {
		for (const flag of RED_FLAGS) expect(redFlagLabel(flag, 'en')).toBe(flag.label);
		for (const urgency of ['emergency', 'urgent', 'soon'] as const) {
			expect(adviceIn(urgency, 'en')).toEqual(RED_FLAG_ADVICE[urgency]);
		}
		expect(adviceIn(null, 'en')).toEqual(RED_FLAG_ADVICE.none);
		expect(redFlagWords('en').question).toBe(RED_FLAG_QUESTION);
	});

	it('tells an emergency what to do in German, Spanish and French', () => {
		expect(adviceIn('emergency', 'de')).toEqual({
			heading: 'Holen Sie jetzt ärztliche Hilfe',
			steps: [
				'Rufen Sie den Notruf an oder gehen Sie sofort in die nächste Notaufnahme.',
				'Machen Sie keine Übungen.',
				'Sagen Sie dort, welche dieser Anzeichen Sie haben und seit wann.'
			]
		});
		expect(adviceIn('emergency', 'es').steps[0]).toBe(
			'Llame al número de emergencias o vaya ahora al servicio de urgencias más cercano.'
		);
		expect(adviceIn('emergency', 'fr').steps[0]).toBe(
			'Appelez le numéro d’urgence, ou allez maintenant aux urgences les plus proches.'
		);
	});

	it('has every sign, step and word in every language, none left in English', () => {
		for (const locale of LOCALES.filter((l) => l !== 'en')) {
			for (const flag of RED_FLAGS) {
				const text = redFlagLabel(flag, locale);
				expect(text.length, `${locale} ${flag.id}`).toBeGreaterThan(5);
				expect(text, `${locale} ${flag.id}`).not.toBe(flag.label);
			}
			for (const urgency of ['emergency', 'urgent', 'soon', null] as const) {
				const advice = adviceIn(urgency, locale);
				const english = adviceIn(urgency, 'en');
				expect(advice.steps).toHaveLength(english.steps.length);
				expect(advice.heading).not.toBe(english.heading);
				advice.steps.forEach((step, i) => expect(step).not.toBe(english.steps[i]));
			}
			const words = redFlagWords(locale);
			const english = redFlagWords('en');
			for (const key of Object.keys(words) as (keyof typeof words)[]) {
				expect(words[key], `${locale} ${key}`).not.toBe(english[key]);
			}
		}
	});
});
