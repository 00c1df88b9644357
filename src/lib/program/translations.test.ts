// The `translations` field of program format 1: what is valid, each problem with its exact path
// and message, and the advice about translations (untranslated texts, the program's own language).
import { describe, expect, it } from 'vitest';
import type { Program, ProgramResult } from './types';
import { formatProblem, validateProgram } from './validate';

type Json = Record<string, unknown>;

/** A program as a person would write it: two exercises with every kind of text, in English. */
function source(translations?: unknown, overrides: Json = {}): Json {
	return {
		format: 1,
		id: 'translated',
		title: 'Gentle start',
		summary: 'Two easy movements.',
		safety: ['Stop if the pain spreads down a leg.', 'Move slowly.'],
		exercises: [
			{
				id: 'cat-stretch',
				name: 'Cat stretch',
				instructions: ['Kneel on all fours.', 'Round your back.', 'Hold.', 'Let it sink.'],
				cautions: ['Keep the movement small.'],
				startCue: 'On all fours',
				holdCue: 'Round your back and hold',
				releaseCue: 'Let your back sink',
				sides: 'each',
				sideNames: { left: 'Left leg back', right: 'Right leg back' },
				hold: 5,
				restBetweenReps: 3,
				'x-image-alt': 'A person on all fours with a rounded back.'
			},
			{
				id: 'breathing',
				name: 'Slow breathing',
				instructions: ['Lie on your back.'],
				reps: 3,
				phases: [
					{ cue: 'Breathe in', seconds: 4 },
					{ cue: 'Breathe out', seconds: 6 }
				]
			}
		],
		...(translations === undefined ? {} : { translations }),
		...overrides
	};
}

/** A German translation of every text of `source()`. */
function german(): Json {
	return {
		title: 'Sanfter Start',
		summary: 'Zwei leichte Bewegungen.',
		safety: ['Hören Sie auf, wenn der Schmerz ins Bein zieht.', 'Bewegen Sie sich langsam.'],
		exercises: {
			'cat-stretch': {
				name: 'Katzenbuckel',
				instructions: [
					'Gehen Sie in den Vierfüßlerstand.',
					'Machen Sie den Rücken rund.',
					'Halten.',
					'Lassen Sie den Rücken sinken.'
				],
				cautions: ['Bleiben Sie in einem kleinen Bewegungsumfang.'],
				startCue: 'Vierfüßlerstand',
				holdCue: 'Rücken rund machen und halten',
				releaseCue: 'Rücken sinken lassen',
				sideNames: { left: 'Linkes Bein nach hinten', right: 'Rechtes Bein nach hinten' },
				'x-image-alt': 'Eine Person im Vierfüßlerstand mit rundem Rücken.'
			},
			breathing: {
				name: 'Langsames Atmen',
				instructions: ['Legen Sie sich auf den Rücken.'],
				phases: ['Einatmen', 'Ausatmen']
			}
		}
	};
}

function problems(result: ProgramResult): string[] {
	if (result.ok) throw new Error('expected the program to be rejected');
	return result.problems.map(formatProblem);
}

function accepted(input: unknown): Extract<ProgramResult, { ok: true }> {
	const result = validateProgram(input);
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result;
}

/** The German translation with one exercise's texts changed. */
function withCat(texts: Json): Json {
	const de = german();
	const exercises = de.exercises as Record<string, Json>;
	return { de: { ...de, exercises: { ...exercises, 'cat-stretch': texts } } };
}

describe('translations: valid files', () => {
	it('accepts a complete translation, keeps it as written and gives no advice', () => {
		const result = accepted(source({ de: german() }));
		expect(result.value.translations).toEqual({ de: german() });
		expect(result.advice).toEqual([]);
	});

	it('leaves every file without translations as it was', () => {
		const result = accepted(source());
		expect(result.value).not.toHaveProperty('translations');
		expect(result.advice).toEqual([]);
	});

	it('accepts any part of a translation, empty ones included', () => {
		accepted(source({ de: {} }));
		accepted(source({ de: { exercises: {} } }));
		accepted(source({ de: { exercises: { breathing: {} } } }));
		accepted(source({ fr: { title: 'Début en douceur' } }));
	});

	it('accepts tags with a region or a script, and up to 20 languages', () => {
		const tags = ['de', 'de-AT', 'pt-BR', 'es-419', 'zh-Hant', 'zh-Hant-TW', 'fil', 'gsw-CH'];
		accepted(source(Object.fromEntries(tags.map((tag) => [tag, { title: tag }]))));
		const twenty = Array.from({ length: 20 }, (_, i) => [`a${String.fromCharCode(97 + i)}`, {}]);
		accepted(source(Object.fromEntries(twenty)));
	});

	it('keeps x- fields in translations and their exercises', () => {
		const translations = {
			de: {
				'x-translator': 'A. Übersetzer',
				exercises: { breathing: { name: 'Atmen', 'x-note': 1, sideNames: undefined } }
			}
		};
		const result = accepted(source(translations));
		expect(result.value.translations?.de?.['x-translator']).toBe('A. Übersetzer');
	});

	it('allows empty safety and cautions lists where the program has none', () => {
		const program = source({ de: { safety: [], exercises: { breathing: { cautions: [] } } } });
		delete program.safety;
		accepted(program);
	});

	it('allows texts at their limits, as for the originals', () => {
		accepted(
			source({
				de: {
					title: 't'.repeat(80),
					summary: '',
					exercises: {
						'cat-stretch': { holdCue: 'h'.repeat(80), 'x-image-alt': 'a'.repeat(300) },
						breathing: { phases: ['', 'c'.repeat(40)] }
					}
				}
			})
		);
	});
});

describe('translations: problems, with their paths', () => {
	it('refuses a malformed language tag, suggesting the usual spelling', () => {
		const hint =
			'is not a language tag: name each translation by a tag like "de", "pt-BR" or "zh-Hant" ' +
			'(the language in 2 or 3 lower-case letters, then optionally a script and a region)';
		expect(
			problems(
				validateProgram(
					source({ de_DE: {}, 'pt-br': {}, DE: {}, german: {}, 'x-note': {}, e: {}, 'de-': {} })
				)
			)
		).toEqual([
			`translations.de_DE: ${hint}: did you mean "de-DE"?`,
			`translations["pt-br"]: ${hint}: did you mean "pt-BR"?`,
			`translations.DE: ${hint}: did you mean "de"?`,
			`translations.german: ${hint}`,
			`translations["x-note"]: ${hint}`,
			`translations.e: ${hint}`,
			`translations["de-"]: ${hint}`
		]);
	});

	it('refuses more than 20 languages, and still checks each of them', () => {
		const many = Object.fromEntries(
			Array.from({ length: 21 }, (_, i) => [`a${String.fromCharCode(97 + i)}`, {}])
		);
		expect(problems(validateProgram(source(many)))).toEqual([
			'translations: must have at most 20 languages (this one has 21)'
		]);
		expect(problems(validateProgram(source({ ...many, aa: { title: '' } })))).toEqual([
			'translations: must have at most 20 languages (this one has 21)',
			'translations.aa.title: must not be empty'
		]);
	});

	it('refuses translations that are not objects', () => {
		expect(problems(validateProgram(source([])))).toEqual([
			'translations: must be an object in curly braces { … } with a translation for each language tag, not a list'
		]);
		expect(problems(validateProgram(source('de')))).toEqual([
			'translations: must be an object in curly braces { … } with a translation for each language tag, not "de"'
		]);
		expect(problems(validateProgram(source({ de: 'Sanfter Start', fr: [] })))).toEqual([
			'translations.de: must be a translation in curly braces { … }, not "Sanfter Start"',
			'translations.fr: must be a translation in curly braces { … }, not a list'
		]);
		expect(
			problems(validateProgram(source({ de: { exercises: [] } }))).concat(
				problems(validateProgram(source({ de: { exercises: { breathing: 'Atmen' } } })))
			)
		).toEqual([
			'translations.de.exercises: must be an object in curly braces { … } with a translation for each exercise id, not a list',
			'translations.de.exercises.breathing: must be an exercise’s translation in curly braces { … }, not "Atmen"'
		]);
	});

	it('refuses an exercise id that is not in the program, suggesting a near one', () => {
		expect(
			problems(
				validateProgram(
					source({ de: { exercises: { 'cat-strech': { name: 'Katze' }, bridge: {}, Bridge: {} } } })
				)
			)
		).toEqual([
			'translations.de.exercises["cat-strech"]: is not the id of an exercise in this program: did you mean "cat-stretch"?',
			'translations.de.exercises.bridge: is not the id of an exercise in this program',
			'translations.de.exercises.Bridge: is not the id of an exercise in this program'
		]);
	});

	it('refuses lists whose length differs from the original’s', () => {
		expect(
			problems(
				validateProgram(
					source({
						de: {
							safety: ['Langsam.'],
							exercises: {
								'cat-stretch': { instructions: ['Eins.'], cautions: ['Eins.', 'Zwei.'] },
								breathing: { instructions: ['Eins.', 'Zwei.'], phases: ['Ein', 'Aus', 'Halten'] }
							}
						}
					})
				)
			)
		).toEqual([
			'translations.de.safety: must have 2 entries, like the program’s safety',
			'translations.de.exercises["cat-stretch"].instructions: must have 4 entries, like the exercise’s instructions',
			'translations.de.exercises["cat-stretch"].cautions: must have 1 entry, like the exercise’s cautions',
			'translations.de.exercises.breathing.instructions: must have 1 entry, like the exercise’s instructions',
			'translations.de.exercises.breathing.phases: must have 2 entries, like the exercise’s phases'
		]);
	});

	it('refuses a translation of a text the program does not have', () => {
		const program = source({
			de: {
				summary: 'Zusammenfassung',
				safety: ['Langsam.'],
				exercises: {
					breathing: {
						cautions: ['Vorsicht.'],
						startCue: 'Rückenlage',
						holdCue: 'Halten',
						releaseCue: 'Lösen',
						sideNames: { left: 'Links', right: 'Rechts' },
						'x-image-alt': 'Eine Person.'
					},
					'cat-stretch': { phases: ['Ein'] }
				}
			}
		});
		delete program.summary;
		delete program.safety;
		expect(problems(validateProgram(program))).toEqual([
			'translations.de.summary: has nothing to translate: the program has no "summary"',
			'translations.de.safety: must be empty or left out: the program has no "safety" to translate',
			'translations.de.exercises.breathing.cautions: must be empty or left out: the exercise has no "cautions" to translate',
			'translations.de.exercises.breathing.startCue: has nothing to translate: the exercise has no "startCue"',
			'translations.de.exercises.breathing.holdCue: has nothing to translate: the exercise has no "holdCue"',
			'translations.de.exercises.breathing.releaseCue: has nothing to translate: the exercise has no "releaseCue"',
			'translations.de.exercises.breathing.sideNames: has nothing to translate: the exercise has no "sideNames"',
			'translations.de.exercises.breathing["x-image-alt"]: has nothing to translate: the exercise has no "x-image-alt"',
			'translations.de.exercises["cat-stretch"].phases: has nothing to translate: the exercise has no "phases"'
		]);
	});

	it('checks each text like the original: types, lengths and limits', () => {
		expect(
			problems(
				validateProgram(
					source(
						withCat({
							name: '',
							instructions: 'Knien.',
							holdCue: 'h'.repeat(81),
							sideNames: { left: 'Links' },
							'x-image-alt': ''
						})
					)
				)
			)
		).toEqual([
			'translations.de.exercises["cat-stretch"].name: must not be empty',
			'translations.de.exercises["cat-stretch"].instructions: must be a list in square brackets [ … ] of instructions, not "Knien."',
			'translations.de.exercises["cat-stretch"].holdCue: must be at most 80 characters long (this one has 81)',
			'translations.de.exercises["cat-stretch"].sideNames.right: is missing (it is required)',
			'translations.de.exercises["cat-stretch"]["x-image-alt"]: must not be empty'
		]);
		expect(
			problems(
				validateProgram(
					source({
						de: {
							title: 5,
							exercises: { breathing: { phases: ['Ein', 'A'.repeat(41)] } }
						}
					})
				)
			)
		).toEqual([
			'translations.de.title: must be text in double quotes, not 5',
			'translations.de.exercises.breathing.phases[1]: must be at most 40 characters long (this one has 41)'
		]);
	});

	it('refuses unknown fields like elsewhere, with a hint where they belong', () => {
		expect(
			problems(
				validateProgram(
					source({
						de: {
							titel: 'Sanfter Start',
							name: 'Katze',
							exercises: { breathing: { instuctions: ['Eins.'], hold: 5, cue: 'Ein' } }
						}
					})
				)
			)
		).toEqual([
			'translations.de.titel: unknown field "titel": did you mean "title"?',
			'translations.de.name: unknown field "name" here: it belongs inside an exercise’s translation (in the translation’s "exercises")',
			'translations.de.exercises.breathing.instuctions: unknown field "instuctions": did you mean "instructions"?',
			'translations.de.exercises.breathing.hold: unknown field "hold" here: it belongs inside an exercise',
			'translations.de.exercises.breathing.cue: unknown field "cue" here: it belongs inside a phase (in "phases")'
		]);
	});

	it('reports translation problems with the program’s fields, before the exercises’', () => {
		const program = source({ de: { exercises: { bridge: {} } } });
		(program.exercises as Json[])[1]!.hold = 0;
		expect(problems(validateProgram(program))).toEqual([
			'translations.de.exercises.bridge: is not the id of an exercise in this program',
			'exercises[1].hold: must be a whole number of seconds between 1 and 3600, not 0',
			'exercises[1].phases: cannot be combined with "hold": give only one of "hold", "phases" or "duration" (or none of them for self-paced reps)'
		]);
	});
});

describe('translations: advice', () => {
	it('names the texts a translation leaves out, one advice per language', () => {
		const result = accepted(
			source({
				de: { title: 'Sanfter Start', exercises: { breathing: { name: 'Atmen' } } },
				fr: { ...german(), title: undefined }
			})
		);
		expect(result.advice).toEqual([
			{
				path: 'translations.de',
				message:
					'leaves 12 texts untranslated, shown as written in the program’s own language ("en"): ' +
					'summary, safety, exercises["cat-stretch"].name, exercises["cat-stretch"].instructions, ' +
					'exercises["cat-stretch"].cautions, and 7 more'
			},
			{
				path: 'translations.fr',
				message:
					'leaves 1 text untranslated, shown as written in the program’s own language ("en"): title'
			}
		]);
	});

	it('counts only texts the program has', () => {
		const program = source({ de: { title: 'Sanfter Start' } }, { safety: [], summary: '' });
		program.exercises = [{ id: 'tilt', name: 'Pelvic tilt', instructions: ['Tilt.'], reps: 5 }];
		expect(accepted(program).advice).toEqual([
			{
				path: 'translations.de',
				message:
					'leaves 2 texts untranslated, shown as written in the program’s own language ("en"): ' +
					'exercises.tilt.name, exercises.tilt.instructions'
			}
		]);
	});

	it('notes a translation into the program’s own language as never used', () => {
		const result = accepted(
			source({ de: german(), EN: undefined, en: { title: 'Gentle start' } }, { language: 'en' })
		);
		expect(result.advice).toEqual([
			{
				path: 'translations.en',
				message:
					'is never used: "en" is the program’s own language ("language"), so its own texts ' +
					'are shown; put these texts in the program itself, or remove this translation'
			}
		]);
		// The same language whatever the case of the program's tag; a region is another language.
		const german2 = accepted(source({ de: german(), 'en-GB': german() }, { language: 'de-de' }));
		expect(german2.advice.map((advice) => advice.path)).toEqual([]);
		const same = accepted(source({ 'de-DE': german() }, { language: 'de-de' }));
		expect(same.advice.map((advice) => advice.path)).toEqual(['translations["de-DE"]']);
	});
});

describe('translations: the program type', () => {
	it('types the validated translations', () => {
		const program: Program = accepted(source({ de: german() })).value;
		const cat = program.translations?.de?.exercises?.['cat-stretch'];
		expect(cat?.sideNames?.left).toBe('Linkes Bein nach hinten');
		expect(program.translations?.de?.exercises?.breathing?.phases).toEqual([
			'Einatmen',
			'Ausatmen'
		]);
	});
});
