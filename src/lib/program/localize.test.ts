import { describe, expect, it } from 'vitest';
import { holdExercise, makeProgram, phasesExercise } from '$lib/test-factories';
import { adviseProgram } from './advice';
import {
	bestTranslation,
	cardTranslations,
	fitTranslations,
	localizeProgram,
	programLanguages
} from './localize';
import { expandTimeline } from './timeline';
import type { Program } from './types';
import { validateProgram } from './validate';

/** An English program with a full German, a partial French and a Brazilian Portuguese title. */
function program(overrides: Partial<Program> = {}): Program {
	return makeProgram({
		title: 'Gentle start',
		summary: 'Two easy movements.',
		safety: ['Stop if the pain spreads down a leg.', 'Move slowly.'],
		exercises: [
			holdExercise(5, {
				id: 'cat-stretch',
				name: 'Cat stretch',
				instructions: ['Kneel.', 'Round your back.'],
				cautions: ['Keep it small.'],
				startCue: 'On all fours',
				holdCue: 'Round and hold',
				releaseCue: 'Let it sink',
				sides: 'each',
				sideNames: { left: 'Left leg back', right: 'Right leg back' },
				restBetweenReps: 3,
				'x-image-alt': 'A person on all fours.'
			}),
			phasesExercise(
				[
					['Breathe in', 4],
					['Breathe out', 6]
				],
				{ id: 'breathing', name: 'Slow breathing', instructions: ['Lie down.'], reps: 3 }
			)
		],
		translations: {
			de: {
				title: 'Sanfter Start',
				summary: 'Zwei leichte Bewegungen.',
				safety: ['Aufhören, wenn der Schmerz ins Bein zieht.', 'Langsam bewegen.'],
				exercises: {
					'cat-stretch': {
						name: 'Katzenbuckel',
						instructions: ['Knien.', 'Rücken rund machen.'],
						cautions: ['Klein bleiben.'],
						startCue: 'Vierfüßlerstand',
						holdCue: 'Rund machen und halten',
						releaseCue: 'Sinken lassen',
						sideNames: { left: 'Linkes Bein', right: 'Rechtes Bein' },
						'x-image-alt': 'Eine Person im Vierfüßlerstand.'
					},
					breathing: {
						name: 'Langsames Atmen',
						instructions: ['Hinlegen.'],
						phases: ['Einatmen', 'Ausatmen']
					}
				}
			},
			fr: {
				title: 'Début en douceur',
				exercises: { breathing: { phases: ['Inspirez', 'Expirez'] } }
			},
			'pt-BR': { title: 'Começo suave' }
		},
		...overrides
	});
}

describe('cardTranslations', () => {
	it("gives a card each language's title and summary, by primary tag, as the routine's page chooses", () => {
		const program = makeProgram({
			language: 'en-GB',
			translations: {
				'de-AT': { title: 'Servus' },
				de: { title: 'Hallo', summary: 'Kurz' },
				fr: { summary: 'Bref' },
				en: { title: 'Hello' },
				es: { safety: ['Pare si duele.'] }
			}
		});
		// "de" before "de-AT" (bestTranslation); "en" is a translation of this en-GB routine.
		expect(cardTranslations(program)).toEqual({
			de: { title: 'Hallo', summary: 'Kurz' },
			fr: { summary: 'Bref' },
			en: { title: 'Hello' }
		});
		expect(cardTranslations(program)?.de?.title).toBe(localizeProgram(program, 'de').title);
	});

	it('is absent when no translation has a title or a summary', () => {
		expect(cardTranslations(makeProgram())).toBeUndefined();
	});
});

describe('programLanguages', () => {
	it('lists the program’s own language first, then the translations’ tags', () => {
		expect(programLanguages(program())).toEqual(['en', 'de', 'fr', 'pt-BR']);
		expect(programLanguages(makeProgram())).toEqual(['en']);
	});

	it('lists a translation filed under the program’s own language once', () => {
		expect(programLanguages(program({ language: 'EN', translations: { en: {}, de: {} } }))).toEqual(
			['EN', 'de']
		);
	});
});

describe('bestTranslation', () => {
	it('takes an exact tag, whatever its case', () => {
		expect(bestTranslation(program(), ['de'])).toBe('de');
		expect(bestTranslation(program(), ['pt-br'])).toBe('pt-BR');
		expect(bestTranslation(program(), ['EN'])).toBe('en');
	});

	it('else a language with the same primary subtag, the bare one first', () => {
		expect(bestTranslation(program(), ['de-CH'])).toBe('de');
		expect(bestTranslation(program(), ['pt-PT'])).toBe('pt-BR');
		expect(bestTranslation(program(), ['en-GB'])).toBe('en');
		const regional = program({ translations: { 'de-AT': {}, 'de-DE': {}, de: {} } });
		expect(bestTranslation(regional, ['de-CH'])).toBe('de');
		expect(bestTranslation(regional, ['de-DE'])).toBe('de-DE');
		const noBare = program({ translations: { 'de-AT': {}, 'de-DE': {} } });
		expect(bestTranslation(noBare, ['de-CH'])).toBe('de-AT');
	});

	it('follows the order of preference, each wanted tag before the next', () => {
		expect(bestTranslation(program(), ['it', 'fr-CA', 'de'])).toBe('fr');
		expect(bestTranslation(program(), ['de-CH', 'fr'])).toBe('de');
	});

	it('else the program’s own language', () => {
		expect(bestTranslation(program(), ['it', 'ja-JP'])).toBe('en');
		expect(bestTranslation(program(), [])).toBe('en');
		expect(bestTranslation(program(), ['', '*'])).toBe('en');
		expect(bestTranslation(makeProgram({ language: 'de-DE' }), ['fr'])).toBe('de-DE');
	});

	it('prefers the program’s own texts to a translation under the same tag', () => {
		const pointless = program({ translations: { en: { title: 'Other' } } });
		expect(bestTranslation(pointless, ['en'])).toBe('en');
		expect(localizeProgram(pointless, 'en').title).toBe('Gentle start');
	});
});

describe('localizeProgram', () => {
	it('uses every text of a complete translation, and the chosen tag as the language', () => {
		const german = localizeProgram(program(), 'de-DE');
		const [cat, breathing] = german.exercises;
		expect(german.language).toBe('de');
		expect(german.title).toBe('Sanfter Start');
		expect(german.summary).toBe('Zwei leichte Bewegungen.');
		expect(german.safety).toEqual([
			'Aufhören, wenn der Schmerz ins Bein zieht.',
			'Langsam bewegen.'
		]);
		expect(cat).toMatchObject({
			id: 'cat-stretch',
			name: 'Katzenbuckel',
			instructions: ['Knien.', 'Rücken rund machen.'],
			cautions: ['Klein bleiben.'],
			startCue: 'Vierfüßlerstand',
			holdCue: 'Rund machen und halten',
			releaseCue: 'Sinken lassen',
			sideNames: { left: 'Linkes Bein', right: 'Rechtes Bein' },
			'x-image-alt': 'Eine Person im Vierfüßlerstand.'
		});
		expect(breathing?.phases).toEqual([
			{ cue: 'Einatmen', seconds: 4 },
			{ cue: 'Ausatmen', seconds: 6 }
		]);
	});

	it('falls back to the original text by text', () => {
		const french = localizeProgram(program(), 'fr');
		const original = program();
		expect(french.language).toBe('fr');
		expect(french.title).toBe('Début en douceur');
		expect(french.summary).toBe(original.summary);
		expect(french.safety).toEqual(original.safety);
		expect(french.exercises[0]).toEqual(original.exercises[0]);
		expect(french.exercises[1]?.name).toBe('Slow breathing');
		expect(french.exercises[1]?.phases?.map((phase) => phase.cue)).toEqual(['Inspirez', 'Expirez']);
	});

	it('returns the original texts when no translation suits', () => {
		const original = program();
		const { translations: _, ...withoutTranslations } = original;
		expect(localizeProgram(original, 'it')).toEqual(withoutTranslations);
		expect(localizeProgram(original, 'en-US')).toEqual(withoutTranslations);
		const plain = makeProgram();
		expect(localizeProgram(plain, 'de')).toEqual(plain);
	});

	it('keeps the timeline, the ids and everything but the texts', () => {
		const original = program();
		const german = localizeProgram(original, 'de');
		expect(german.exercises.map((exercise) => exercise.id)).toEqual(['cat-stretch', 'breathing']);
		const times = (p: Program) =>
			expandTimeline(p).steps.map((step) => [step.kind, step.start, step.end, step.side]);
		expect(times(german)).toEqual(times(original));
		const { translations: _, ...rest } = original;
		const strip = (p: Partial<Program>) =>
			JSON.parse(
				JSON.stringify(p, (key, value) => (typeof value === 'string' ? 'text' : value))
			) as unknown;
		expect(strip({ ...german, language: 'en' })).toEqual(strip(rest));
	});

	it('drops the translations: the result is a valid program in one language', () => {
		const german = localizeProgram(program(), 'de');
		expect(german).not.toHaveProperty('translations');
		const result = validateProgram(german);
		expect(result.ok).toBe(true);
		expect(result.ok && result.advice).toEqual([]);
		expect(adviseProgram(german)).toEqual([]);
		// Localizing again cannot mix languages: there is nothing left to choose from.
		expect(localizeProgram(german, 'fr')).toEqual(german);
	});

	it('leaves its input untouched', () => {
		const original = program();
		const before = JSON.stringify(original);
		const german = localizeProgram(original, 'de');
		german.exercises[1]!.phases![0]!.cue = 'changed';
		german.safety[0] = 'changed';
		expect(JSON.stringify(original)).toBe(before);
	});
});

describe('fitTranslations', () => {
	const program = (): Program =>
		JSON.parse(
			JSON.stringify({
				format: 1,
				id: 'fit',
				version: 1,
				title: 'Fit',
				language: 'en',
				schedule: { timesPerDay: 1, daysPerWeek: 7 },
				prepareSeconds: 5,
				restBetweenExercises: 10,
				safety: ['Stop if it hurts.'],
				exercises: [
					{
						id: 'tilt',
						name: 'Tilt',
						instructions: ['Lie down.', 'Tilt.'],
						holdCue: 'Hold',
						reps: 2,
						hold: 5,
						sets: 1,
						sides: 'none',
						restBetweenReps: 3,
						restBetweenSets: 0
					},
					{
						id: 'walk',
						name: 'Walk',
						instructions: ['Walk.'],
						duration: 30,
						sets: 1,
						reps: 1,
						sides: 'none',
						restBetweenReps: 0,
						restBetweenSets: 0
					}
				],
				translations: {
					de: {
						title: 'Passend',
						safety: ['Hör auf, wenn es weh tut.'],
						exercises: {
							tilt: { name: 'Kippen', instructions: ['Hinlegen.', 'Kippen.'], holdCue: 'Halten' },
							walk: { name: 'Gehen', instructions: ['Gehen.'] }
						}
					}
				}
			})
		) as Program;

	it('keeps a translation that fits as it is', () => {
		const p = program();
		expect(fitTranslations(p)).toEqual(p);
		expect(validateProgram(fitTranslations(p)).ok).toBe(true);
	});

	it('drops what no longer fits an edited routine, and the validator accepts the rest', () => {
		const p = program();
		p.exercises[0]!.instructions.push('Relax.');
		delete p.exercises[0]!.holdCue;
		p.exercises.splice(1, 1);
		p.safety = ['Stop if it hurts.', 'Breathe.'];
		expect(validateProgram(p).ok).toBe(false);
		const fitted = fitTranslations(p);
		expect(fitted.translations).toEqual({
			de: { title: 'Passend', exercises: { tilt: { name: 'Kippen' } } }
		});
		expect(validateProgram(fitted).ok).toBe(true);
	});

	it('drops a language left with nothing, and the field when none is left', () => {
		const p = program();
		p.translations = { fr: { exercises: { gone: { name: 'Parti' } } } };
		expect('translations' in fitTranslations(p)).toBe(false);
	});
});
