import { describe, expect, it, vi } from 'vitest';
import {
	constructorPhases,
	constructorPhasesFillingOneMegabyte,
	maximalValidProgram,
	typoKeys
} from '$lib/test-factories';
import { MAX_PROBLEMS } from '../validation/problems';
import { RESERVED_PROGRAM_IDS } from './program-ids';
import type { Problem, Program, ValidationResult } from './types';
type Advice = Problem;
import {
	formatPath,
	formatProblem,
	MAX_DEPTH,
	MAX_PROGRAM_BYTES,
	MAX_SUGGESTIONS,
	parseProgramText,
	ROOT_PATH,
	suggestKey,
	utf8ByteLength,
	validateProgram
} from './validate';

type Json = Record<string, unknown>;

/** A minimal valid program as a person would write it (no defaults). */
function raw(overrides: Json = {}, exercise: Json = {}): Json {
	return {
		format: 1,
		id: 'test-program',
		title: 'Test program',
		exercises: [
			{ id: 'cat-stretch', name: 'Cat stretch', instructions: ['Kneel.'], hold: 5, ...exercise }
		],
		...overrides
	};
}

function problemsOf(result: ValidationResult<Program>): Problem[] {
	if (result.ok) throw new Error('expected the program to be rejected');
	return result.problems;
}

function lines(input: unknown): string[] {
	return problemsOf(validateProgram(input)).map(formatProblem);
}

function valid(input: unknown): Program {
	const result = validateProgram(input);
	if (!result.ok)
		throw new Error(`expected a valid program:\n${result.problems.map(formatProblem).join('\n')}`);
	return result.value;
}

describe('validateProgram: valid programs and defaults', () => {
	it('fills in every default of the format', () => {
		const program = valid({
			format: 1,
			id: 'minimal',
			title: 'Minimal',
			exercises: [{ id: 'tilt', name: 'Tilt', instructions: ['Tilt.'] }]
		});
		expect(program).toEqual({
			format: 1,
			id: 'minimal',
			version: 1,
			title: 'Minimal',
			language: 'en',
			schedule: { timesPerDay: 1, daysPerWeek: 7 },
			prepareSeconds: 5,
			restBetweenExercises: 15,
			safety: [],
			exercises: [
				{
					id: 'tilt',
					name: 'Tilt',
					instructions: ['Tilt.'],
					cautions: [],
					sets: 1,
					reps: 1,
					sides: 'none',
					restBetweenReps: 0,
					restBetweenSets: 30
				}
			]
		});
	});

	it('fills in a partly given schedule and the progression default', () => {
		const program = valid(
			raw({ schedule: { timesPerDay: 3 }, progression: { levels: 4 } }, { progress: { hold: 1 } })
		);
		expect(program.schedule).toEqual({ timesPerDay: 3, daysPerWeek: 7 });
		expect(program.progression).toEqual({ levels: 4, sessionsToAdvance: 2 });
		expect(program.exercises[0]?.progress).toEqual({ hold: 1 });
	});

	it('keeps the values that were given and every x- key at every level', () => {
		const input = raw(
			{
				$schema: './program.schema.json',
				version: 7,
				language: 'pt-BR',
				summary: 'Short.',
				'x-order': 2,
				schedule: { timesPerDay: 2, daysPerWeek: 5, 'x-why': 'weekdays' },
				progression: { levels: 3, sessionsToAdvance: 1, 'x-note': 1 }
			},
			{
				'x-video': { url: 'none' },
				sides: 'each',
				phases: undefined,
				progress: { hold: 2, 'x-p': true }
			}
		);
		const program = valid(input);
		expect(program.$schema).toBe('./program.schema.json');
		expect(program['x-order']).toBe(2);
		expect(program.version).toBe(7);
		expect(program.language).toBe('pt-BR');
		expect(program.schedule).toEqual({ timesPerDay: 2, daysPerWeek: 5, 'x-why': 'weekdays' });
		expect(program.progression).toEqual({ levels: 3, sessionsToAdvance: 1, 'x-note': 1 });
		expect(program.exercises[0]?.['x-video']).toEqual({ url: 'none' });
		expect(program.exercises[0]?.progress).toEqual({ hold: 2, 'x-p': true });
		expect(program.exercises[0]).not.toHaveProperty('phases');
	});

	it('returns a copy: later changes to the input do not reach the program, and the input is untouched', () => {
		const input = raw({ safety: ['Careful.'] });
		const before = JSON.stringify(input);
		const program = valid(input);
		expect(JSON.stringify(input)).toBe(before);
		(input.safety as string[]).push('Changed');
		(input.exercises as Json[])[0]!.name = 'Changed';
		expect(program.safety).toEqual(['Careful.']);
		expect(program.exercises[0]?.name).toBe('Cat stretch');
	});

	it('accepts each dose form, none of them (self-paced) and every sides value', () => {
		for (const dose of [
			{ hold: 3 },
			{ phases: [{ cue: 'In', seconds: 2 }] },
			{ duration: 60 },
			{}
		]) {
			for (const sides of ['none', 'each', 'alternate']) {
				const exercise = { id: 'e', name: 'E', instructions: ['Go.'], sides, ...dose };
				expect(validateProgram(raw({ exercises: [exercise] })).ok).toBe(true);
			}
		}
	});

	it('accepts the guidance fields and keeps them', () => {
		const program = valid(
			raw(
				{},
				{
					sides: 'alternate',
					startCue: 'Hands and knees, back level',
					holdCue: 'Reach out and hold',
					releaseCue: 'Lower slowly',
					sideNames: { left: 'Left arm reaches', right: 'Right arm reaches' },
					image: 'illustrations/bird-dog.svg',
					images: ['illustrations/bird-dog-start.svg', 'illustrations/bird-dog-reach.svg']
				}
			)
		);
		expect(program.exercises[0]).toMatchObject({
			startCue: 'Hands and knees, back level',
			holdCue: 'Reach out and hold',
			releaseCue: 'Lower slowly',
			sideNames: { left: 'Left arm reaches', right: 'Right arm reaches' },
			images: ['illustrations/bird-dog-start.svg', 'illustrations/bird-dog-reach.svg']
		});
		const paced = valid(
			raw({}, { hold: undefined, phases: [{ cue: 'Round', seconds: 4, image: 'cat-round.svg' }] })
		);
		expect(paced.exercises[0]?.phases?.[0]?.image).toBe('cat-round.svg');
	});

	it('accepts image paths inside the static files', () => {
		for (const image of [
			'cat.svg',
			'illustrations/cat-stretch.svg',
			'a/b/c_d.png',
			'x/.hidden/y.png',
			'Illustrations/Bird-Dog.2.SVG'
		]) {
			expect(validateProgram(raw({}, { image })).ok, image).toBe(true);
		}
	});

	it('accepts language tags of the simple BCP 47 shape', () => {
		for (const language of ['en', 'de-DE', 'zh-Hant-TW', 'es-419', 'sgn-BE-FR', 'en-x-clinic']) {
			expect(validateProgram(raw({ language })).ok, language).toBe(true);
		}
	});
});

describe('validateProgram: every problem, each with its path', () => {
	it('uses the path and wording of the contract example', () => {
		const input = raw({
			exercises: [
				{ id: 'a', name: 'A', instructions: ['a'] },
				{ id: 'b', name: 'B', instructions: ['b'] },
				{ id: 'c', name: 'C', instructions: ['c'], hold: 0 }
			]
		});
		expect(lines(input)).toEqual([
			'exercises[2].hold: must be a whole number of seconds between 1 and 3600, not 0'
		]);
	});

	it('lists every problem, not just the first, root problems first then by exercise', () => {
		const input = raw({
			format: 2,
			title: '',
			hodl: 1,
			exercises: [
				{ id: 'Bad Id', name: 'A', instructions: [], sets: 0, reps: 'ten', extra: 1, other: 2 },
				{ id: 'b', name: 'B', instructions: ['b'], hold: 5, duration: 10 }
			]
		});
		expect(lines(input)).toEqual([
			'format: must be 1 (this app reads program format 1), not 2',
			'title: must not be empty',
			'hodl: unknown field "hodl": did you mean "hold"? (it belongs inside an exercise)',
			'exercises[0].id: must be an id of lowercase letters a–z, digits and single hyphens, like "cat-stretch", not "Bad Id"',
			'exercises[0].instructions: must have at least 1 instruction',
			'exercises[0].sets: must be a whole number between 1 and 20, not 0',
			'exercises[0].reps: must be a whole number between 1 and 200, not "ten"',
			'exercises[0].extra: unknown field "extra" (for notes of your own, start the field name with "x-")',
			'exercises[0].other: unknown field "other" (for notes of your own, start the field name with "x-")',
			'exercises[1].duration: cannot be combined with "hold": give only one of "hold", "phases" or "duration" (or none of them for self-paced reps)'
		]);
	});

	it('names every missing required field', () => {
		expect(lines({ exercises: [{}] })).toEqual([
			'format: is missing (it is required)',
			'id: is missing (it is required)',
			'title: is missing (it is required)',
			'exercises[0].id: is missing (it is required)',
			'exercises[0].name: is missing (it is required)',
			'exercises[0].instructions: is missing (it is required)'
		]);
		expect(lines(raw({}, { phases: [{}] }))).toContain(
			'exercises[0].phases[0].cue: is missing (it is required)'
		);
		expect(lines(raw({ progression: {} }))).toEqual([
			'progression.levels: is missing (it is required)'
		]);
	});

	const cases: Array<[string, Json, string]> = [
		['format', { format: '1' }, 'format: must be 1 (this app reads program format 1), not "1"'],
		['id pattern', { id: 'gentle_start' }, 'id: must be an id of lowercase letters'],
		['id hyphens', { id: 'a--b' }, 'id: must be an id of lowercase letters'],
		[
			'id length',
			{ id: 'a'.repeat(65) },
			'id: must be at most 64 characters long (this one has 65)'
		],
		['version 0', { version: 0 }, 'version: must be a whole number, 1 or more, not 0'],
		['version 1.5', { version: 1.5 }, 'version: must be a whole number, 1 or more, not 1.5'],
		['title type', { title: 12 }, 'title: must be text in double quotes, not 12'],
		[
			'title length',
			{ title: 'x'.repeat(81) },
			'title: must be at most 80 characters long (this one has 81)'
		],
		['summary', { summary: 'x'.repeat(301) }, 'summary: must be at most 300 characters long'],
		[
			'language',
			{ language: 'english' },
			'language: must be a language tag like "en", "de-DE" or "pt-BR", not "english"'
		],
		[
			'language long',
			{ language: 'en-' + 'abcdefgh-'.repeat(4) + 'x' },
			'language: must be at most 35 characters long'
		],
		[
			'schedule type',
			{ schedule: 'daily' },
			'schedule: must be a schedule in curly braces { … }, not "daily"'
		],
		[
			'timesPerDay',
			{ schedule: { timesPerDay: 11 } },
			'schedule.timesPerDay: must be a whole number between 1 and 10, not 11'
		],
		[
			'daysPerWeek',
			{ schedule: { daysPerWeek: 0 } },
			'schedule.daysPerWeek: must be a whole number between 1 and 7, not 0'
		],
		[
			'prepareSeconds',
			{ prepareSeconds: 61 },
			'prepareSeconds: must be a whole number of seconds between 0 and 60, not 61'
		],
		[
			'restBetweenExercises',
			{ restBetweenExercises: -1 },
			'restBetweenExercises: must be a whole number of seconds between 0 and 600, not -1'
		],
		[
			'safety type',
			{ safety: 'Careful' },
			'safety: must be a list in square brackets [ … ] of safety notes, not "Careful"'
		],
		[
			'safety count',
			{ safety: Array(11).fill('x') },
			'safety: must have at most 10 safety notes (this one has 11)'
		],
		[
			'safety item',
			{ safety: ['ok', 'x'.repeat(301)] },
			'safety[1]: must be at most 300 characters long'
		],
		['safety item type', { safety: [null] }, 'safety[0]: must be text in double quotes, not null'],
		[
			'exercises type',
			{ exercises: {} },
			'exercises: must be a list in square brackets [ … ] of exercises, not an object'
		],
		['exercises empty', { exercises: [] }, 'exercises: must have at least 1 exercise'],
		[
			'exercise type',
			{ exercises: ['cat'] },
			'exercises[0]: must be an exercise in curly braces { … }, not "cat"'
		],
		[
			'progression levels',
			{ progression: { levels: 21 } },
			'progression.levels: must be a whole number between 2 and 20, not 21'
		],
		[
			'sessionsToAdvance',
			{ progression: { levels: 2, sessionsToAdvance: 0 } },
			'progression.sessionsToAdvance: must be a whole number between 1 and 10, not 0'
		]
	];
	it.each(cases)('program field: %s', (_name, overrides, expected) => {
		const found = lines(raw(overrides));
		expect(
			found.some((line) => line.startsWith(expected)),
			found.join('\n')
		).toBe(true);
	});

	it('rejects more than 50 exercises', () => {
		const exercises = Array.from({ length: 51 }, (_, i) => ({
			id: `e${i}`,
			name: 'E',
			instructions: ['x']
		}));
		expect(lines(raw({ exercises }))).toEqual([
			'exercises: must have at most 50 exercises (this one has 51)'
		]);
	});

	const exerciseCases: Array<[string, Json, string]> = [
		['name empty', { name: '' }, 'exercises[0].name: must not be empty'],
		[
			'name long',
			{ name: 'n'.repeat(81) },
			'exercises[0].name: must be at most 80 characters long'
		],
		[
			'instructions count',
			{ instructions: Array(13).fill('x') },
			'exercises[0].instructions: must have at most 12 instructions (this one has 13)'
		],
		[
			'instruction long',
			{ instructions: ['x'.repeat(201)] },
			'exercises[0].instructions[0]: must be at most 200 characters long'
		],
		[
			'cautions count',
			{ cautions: Array(7).fill('x') },
			'exercises[0].cautions: must have at most 6 cautions'
		],
		[
			'caution long',
			{ cautions: ['x'.repeat(201)] },
			'exercises[0].cautions[0]: must be at most 200 characters long'
		],
		[
			'image scheme',
			{ image: 'https://example.org/a.svg' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image data',
			{ image: 'data:image/svg+xml,<svg/>' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image root',
			{ image: '/illustrations/a.svg' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image dotdot',
			{ image: 'illustrations/../../secret.svg' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image leading dotdot',
			{ image: '../a.svg' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image backslash',
			{ image: 'illustrations\\a.svg' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		[
			'image query',
			{ image: 'a.svg?x=1' },
			'exercises[0].image: must be a path inside the app’s files'
		],
		['image empty', { image: '' }, 'exercises[0].image: must be a path inside the app’s files'],
		[
			'image long',
			{ image: 'a'.repeat(201) },
			'exercises[0].image: must be at most 200 characters long'
		],
		['sets', { sets: 21 }, 'exercises[0].sets: must be a whole number between 1 and 20, not 21'],
		['reps', { reps: 201 }, 'exercises[0].reps: must be a whole number between 1 and 200, not 201'],
		[
			'reps zero',
			{ reps: 0 },
			'exercises[0].reps: must be a whole number between 1 and 200, not 0'
		],
		[
			'sides',
			{ sides: 'both' },
			'exercises[0].sides: must be "none", "each" or "alternate", not "both"'
		],
		[
			'hold big',
			{ hold: 3601 },
			'exercises[0].hold: must be a whole number of seconds between 1 and 3600, not 3601'
		],
		[
			'hold fraction',
			{ hold: 2.5 },
			'exercises[0].hold: must be a whole number of seconds between 1 and 3600, not 2.5'
		],
		[
			'hold bool',
			{ hold: true },
			'exercises[0].hold: must be a whole number of seconds between 1 and 3600, not true'
		],
		[
			'restBetweenReps',
			{ restBetweenReps: 601 },
			'exercises[0].restBetweenReps: must be a whole number of seconds between 0 and 600'
		],
		[
			'restBetweenSets',
			{ restBetweenSets: -5 },
			'exercises[0].restBetweenSets: must be a whole number of seconds between 0 and 600, not -5'
		],
		[
			'restAfter',
			{ restAfter: 1e9 },
			'exercises[0].restAfter: must be a whole number of seconds between 0 and 600, not 1000000000'
		],
		[
			'progress type',
			{ progress: 3 },
			'exercises[0].progress: must be a progress object in curly braces { … }, not 3'
		],
		[
			'progress hold',
			{ progress: { hold: 61 } },
			'exercises[0].progress.hold: must be a whole number of seconds between 0 and 60, not 61'
		],
		['images empty', { images: [] }, 'exercises[0].images: must have at least 1 image'],
		[
			'images too many',
			{ images: Array.from({ length: 7 }, (_, i) => `p${i}.svg`) },
			'exercises[0].images: must have at most 6 images (this one has 7)'
		],
		[
			'images web address',
			{ images: ['a.svg', 'https://example.org/b.svg'] },
			'exercises[0].images[1]: must be a path inside the app’s files'
		],
		[
			'phase image',
			{ hold: undefined, phases: [{ cue: 'In', seconds: 3, image: '../up.svg' }] },
			'exercises[0].phases[0].image: must be a path inside the app’s files'
		],
		['holdCue empty', { holdCue: '' }, 'exercises[0].holdCue: must not be empty'],
		[
			'images repeated',
			{ images: ['down.svg', 'up.svg', 'down.svg'] },
			'exercises[0].images[2]: is already images[0]'
		],
		[
			'releaseCue too long',
			{ releaseCue: 'x'.repeat(81) },
			'exercises[0].releaseCue: must be at most 80 characters long (this one has 81)'
		],
		[
			'startCue type',
			{ startCue: 5 },
			'exercises[0].startCue: must be text in double quotes, not 5'
		],
		[
			'sideNames missing right',
			{ sides: 'each', sideNames: { left: 'Left leg in front' } },
			'exercises[0].sideNames.right: is missing (it is required)'
		],
		[
			'sideNames type',
			{ sides: 'each', sideNames: 'left arm' },
			'exercises[0].sideNames: must be a pair of side names in curly braces { … }'
		],
		[
			'sideNames unknown key',
			{ sides: 'each', sideNames: { left: 'L', right: 'R', up: 'U' } },
			'exercises[0].sideNames.up:'
		]
	];
	it.each(exerciseCases)('exercise field: %s', (_name, fields, expected) => {
		const found = lines(raw({ progression: { levels: 2 } }, fields));
		expect(
			found.some((line) => line.startsWith(expected)),
			found.join('\n')
		).toBe(true);
	});

	const doseCases: Array<[string, Json, string]> = [
		[
			'phases empty',
			{ hold: undefined, phases: [] },
			'exercises[0].phases: must have at least 1 phase'
		],
		[
			'phases count',
			{ hold: undefined, phases: Array(9).fill({ cue: 'a', seconds: 1 }) },
			'exercises[0].phases: must have at most 8 phases (this one has 9)'
		],
		[
			'phase cue',
			{ hold: undefined, phases: [{ cue: 'c'.repeat(41), seconds: 1 }] },
			'exercises[0].phases[0].cue: must be at most 40 characters long'
		],
		[
			'phase seconds',
			{ hold: undefined, phases: [{ cue: 'In', seconds: 0 }] },
			'exercises[0].phases[0].seconds: must be a whole number of seconds between 1 and 600, not 0'
		],
		[
			'phase seconds big',
			{ hold: undefined, phases: [{ cue: 'In', seconds: 601 }] },
			'exercises[0].phases[0].seconds: must be a whole number of seconds between 1 and 600'
		],
		[
			'phase type',
			{ hold: undefined, phases: ['In'] },
			'exercises[0].phases[0]: must be a phase in curly braces { … }, not "In"'
		],
		[
			'duration zero',
			{ hold: undefined, duration: 0 },
			'exercises[0].duration: must be a whole number of seconds between 1 and 7200, not 0'
		],
		[
			'duration big',
			{ hold: undefined, duration: 7201 },
			'exercises[0].duration: must be a whole number of seconds between 1 and 7200, not 7201'
		]
	];
	it.each(doseCases)('dose: %s', (_name, fields, expected) => {
		const found = lines(raw({}, fields));
		expect(
			found.some((line) => line.startsWith(expected)),
			found.join('\n')
		).toBe(true);
	});

	it('reports a huge number readably', () => {
		expect(lines(raw({}, { hold: JSON.parse('1e400') }))).toEqual([
			'exercises[0].hold: must be a whole number of seconds between 1 and 3600, not an enormous number'
		]);
	});
});

describe('validateProgram: rules across fields', () => {
	it('allows at most one of hold, phases and duration', () => {
		const phases = [{ cue: 'In', seconds: 2 }];
		expect(lines(raw({}, { hold: 5, phases, duration: 9 }))).toEqual([
			'exercises[0].phases: cannot be combined with "hold": give only one of "hold", "phases" or "duration" (or none of them for self-paced reps)',
			'exercises[0].duration: cannot be combined with "hold": give only one of "hold", "phases" or "duration" (or none of them for self-paced reps)'
		]);
		expect(lines(raw({}, { hold: undefined, phases, duration: 9 }))[0]).toMatch(
			/^exercises\[0\]\.duration: cannot be combined with "phases"/
		);
	});

	it('rejects duration with reps above 1, accepts reps 1 or none', () => {
		expect(lines(raw({}, { hold: undefined, duration: 30, reps: 3 }))).toEqual([
			'exercises[0].reps: must be 1 or left out when the exercise has a "duration" (one timed bout per set); use "sets" for more bouts'
		]);
		expect(validateProgram(raw({}, { hold: undefined, duration: 30, reps: 1 })).ok).toBe(true);
		expect(validateProgram(raw({}, { hold: undefined, duration: 30 })).ok).toBe(true);
	});

	it('rejects duplicate exercise ids at the later exercise', () => {
		const exercise = (id: string) => ({ id, name: id, instructions: ['x'] });
		expect(
			lines(raw({ exercises: [exercise('a'), exercise('b'), exercise('a'), exercise('a')] }))
		).toEqual([
			'exercises[2].id: "a" is already the id of exercises[0]; each exercise needs its own id',
			'exercises[3].id: "a" is already the id of exercises[0]; each exercise needs its own id'
		]);
	});

	it('rejects a program that plays longer than 4 hours, accepts exactly 4 hours', () => {
		const long = (restAfter: number) =>
			raw({
				prepareSeconds: 0,
				exercises: [
					{ id: 'a', name: 'A', instructions: ['x'], duration: 7200, restAfter },
					{ id: 'b', name: 'B', instructions: ['x'], duration: 7200 - restAfter }
				]
			});
		expect(validateProgram(long(0)).ok).toBe(true);
		expect(validateProgram(long(600)).ok).toBe(true);
		const over = raw({
			prepareSeconds: 1,
			exercises: [
				{ id: 'a', name: 'A', instructions: ['x'], duration: 7200 },
				{ id: 'b', name: 'B', instructions: ['x'], duration: 7200 }
			]
		});
		expect(lines(over)).toEqual([
			'(root): plays for 4 h in total, counting get-ready and rest time; a program may play for at most 4 hours: shorten it or split it into two programs'
		]);
	});

	it('counts self-paced reps at their estimate toward the 4-hour limit', () => {
		// 20 sets × 200 reps × 2 sides × 4 s = 32000 s, far over 4 hours.
		const found = lines(raw({}, { hold: undefined, sets: 20, reps: 200, sides: 'alternate' }));
		expect(found).toHaveLength(1);
		// 5 s get ready + 20 × (2 × 200 × 4 s) + 19 × 30 s rest = 32575 s.
		expect(found[0]).toMatch(/^\(root\): plays for 9 h 3 min in total/);
	});

	it('checks the total only once everything else is valid', () => {
		const found = lines(raw({ title: '' }, { hold: 3600, sets: 20 }));
		expect(found).toEqual(['title: must not be empty']);
	});
});

describe('validateProgram: progression', () => {
	it('requires progression on the program for an exercise progress', () => {
		expect(lines(raw({}, { progress: { hold: 1 } }))).toEqual([
			'exercises[0].progress: only works when the program has "progression" at the top level, e.g. "progression": { "levels": 5 }'
		]);
	});

	it('matches each progress field to the dose form', () => {
		const withLevels = (fields: Json) => lines(raw({ progression: { levels: 3 } }, fields));
		expect(withLevels({ hold: undefined, progress: { hold: 2 } })).toEqual([
			'exercises[0].progress.hold: only works with a "hold" dose, and this exercise has no "hold"'
		]);
		expect(withLevels({ progress: { duration: 2 } })).toEqual([
			'exercises[0].progress.duration: only works with a "duration" dose, and this exercise has no "duration"'
		]);
		expect(withLevels({ hold: undefined, duration: 30, progress: { reps: 1 } })).toEqual([
			'exercises[0].progress.reps: cannot be used with a "duration" dose (a timed exercise is one bout per set); use "progress.duration" instead'
		]);
		expect(
			validateProgram(raw({ progression: { levels: 3 } }, { progress: { reps: 2, hold: 1 } })).ok
		).toBe(true);
	});

	it('keeps every dose within bounds at the highest level', () => {
		const exercises = [
			{ id: 'a', name: 'A', instructions: ['x'], reps: 101, hold: 1, progress: { reps: 10 } },
			{ id: 'b', name: 'B', instructions: ['x'], hold: 3500, progress: { hold: 11 } },
			{ id: 'c', name: 'C', instructions: ['x'], duration: 7000, progress: { duration: 21 } }
		];
		expect(lines(raw({ progression: { levels: 11 }, exercises }))).toEqual([
			'exercises[0].progress.reps: raises the dose to 201 reps at level 11 (the highest); at most 200 are allowed: lower this value or "progression.levels"',
			'exercises[1].progress.hold: raises the dose to 3610 seconds of hold at level 11 (the highest); at most 3600 are allowed: lower this value or "progression.levels"',
			'exercises[2].progress.duration: raises the dose to 7210 seconds of duration at level 11 (the highest); at most 7200 are allowed: lower this value or "progression.levels"'
		]);
		const within = [
			{ id: 'a', name: 'A', instructions: ['x'], reps: 100, hold: 1, progress: { reps: 10 } },
			{ id: 'b', name: 'B', instructions: ['x'], hold: 3500, progress: { hold: 10 } }
		];
		expect(validateProgram(raw({ progression: { levels: 11 }, exercises: within })).ok).toBe(true);
	});

	it('applies the 4-hour limit at the highest level', () => {
		// Level 1: 3 × 4000 s = 3 h 20 min; level 3: 3 × 5000 s = 4 h 10 min.
		const input = raw(
			{ prepareSeconds: 0, progression: { levels: 3 } },
			{ hold: undefined, duration: 4000, sets: 3, restBetweenSets: 0, progress: { duration: 500 } }
		);
		expect(lines(input)).toEqual([
			'progression: at level 3 (the highest) the program plays for 4 h 10 min, counting get-ready and rest time; it may play for at most 4 hours at every level: lower "levels" or the exercises’ "progress" values'
		]);
		const twoLevels = { ...input, progression: { levels: 2 } };
		expect(validateProgram(twoLevels).ok).toBe(true);
	});
});

describe('validateProgram: unknown and forbidden keys', () => {
	it('names every unknown key, suggesting the likely one', () => {
		const found = lines(
			raw(
				{ Title: 'x', schedul: {} },
				{ hodl: 5, Reps: 2, rest_between_sets: 3, restBetweenExercises: 4, levels: 2, zzz: 1 }
			)
		);
		expect(found).toEqual([
			'Title: unknown field "Title": did you mean "title"?',
			'schedul: unknown field "schedul": did you mean "schedule"?',
			'exercises[0].hodl: unknown field "hodl": did you mean "hold"?',
			'exercises[0].Reps: unknown field "Reps": did you mean "reps"?',
			'exercises[0].rest_between_sets: unknown field "rest_between_sets": did you mean "restBetweenSets"?',
			'exercises[0].restBetweenExercises: unknown field "restBetweenExercises" here: it belongs at the top level of the program',
			'exercises[0].levels: unknown field "levels" here: it belongs inside "progression"',
			'exercises[0].zzz: unknown field "zzz" (for notes of your own, start the field name with "x-")'
		]);
	});

	it('checks unknown keys inside nested objects too', () => {
		expect(
			lines(
				raw(
					{ schedule: { timesPerWeek: 2 }, progression: { level: 3 } },
					{ hold: undefined, phases: [{ cue: 'In', seconds: 2, second: 1 }] }
				)
			)
		).toEqual([
			'progression.levels: is missing (it is required)',
			'schedule.timesPerWeek: unknown field "timesPerWeek" (for notes of your own, start the field name with "x-")',
			'progression.level: unknown field "level": did you mean "levels"?',
			'exercises[0].phases[0].second: unknown field "second": did you mean "seconds"?'
		]);
	});

	it('accepts only keys that start with "x-" itself as notes of one’s own', () => {
		const hint = '(for notes of your own, start the field name with "x-")';
		expect(
			lines(
				raw(
					{ xtra: 1, x: 2, 'X-note': 3, 'x-fine': 4, schedule: { xwhy: 'weekdays' } },
					{ xvideo: 'none', x_video: 'none', 'x-video': 'fine' }
				)
			)
		).toEqual([
			`xtra: unknown field "xtra" ${hint}`,
			`x: unknown field "x" ${hint}`,
			`["X-note"]: unknown field "X-note" ${hint}`,
			`schedule.xwhy: unknown field "xwhy" ${hint}`,
			`exercises[0].xvideo: unknown field "xvideo" ${hint}`,
			`exercises[0].x_video: unknown field "x_video" ${hint}`
		]);
	});

	it('formats odd keys as bracketed paths', () => {
		expect(lines(raw({ 'my key': 1 }))).toEqual([
			'["my key"]: unknown field "my key" (for notes of your own, start the field name with "x-")'
		]);
	});

	it('suggests keys only when they are close', () => {
		expect(suggestKey('hodl', ['hold', 'reps'])).toBe('hold');
		expect(suggestKey('restbetweensets', ['restBetweenSets'])).toBe('restBetweenSets');
		expect(suggestKey('instrucitons', ['instructions'])).toBe('instructions');
		expect(suggestKey('colour', ['hold', 'reps', 'sets'])).toBeNull();
		expect(suggestKey('x'.repeat(100), ['x'])).toBeNull();
	});

	it('rejects __proto__, constructor and prototype keys without polluting anything', () => {
		const text = JSON.stringify(raw({}, { hold: 5 }))
			.replace(
				'{',
				'{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'
			)
			.replace(
				'"hold":5',
				'"hold":5,"prototype":{"polluted":"yes"},"x-n":{"__proto__":{"polluted":"yes"}}'
			);
		const input: unknown = JSON.parse(text);
		expect(Object.prototype.hasOwnProperty.call(input, '__proto__')).toBe(true);
		const result = validateProgram(input);
		expect(problemsOf(result).map(formatProblem)).toEqual([
			'__proto__: "__proto__" is not allowed as a field name',
			'constructor: "constructor" is not allowed as a field name',
			'exercises[0].prototype: "prototype" is not allowed as a field name',
			'exercises[0]["x-n"].__proto__: "__proto__" is not allowed as a field name'
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(parseProgramText(text).ok).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('validateProgram: image paths', () => {
	const IMAGE_PROBLEM =
		'must be a path inside the app’s files made of letters, digits, "-", "_", "." and "/", ' +
		'like "illustrations/cat-stretch.svg" (no web address, no leading "/", no ".." or "%")';

	it('refuses percent-encoded, spaced, non-ASCII and escaping paths', () => {
		for (const image of [
			'%2e%2e/%2e%2e/etc/passwd',
			'illustrations/%2e%2e/x.svg',
			'illustr%61tions/cat.svg',
			'%2F/etc/passwd',
			'a/b/c d.png',
			'café.svg',
			'../x.svg',
			'a/../x.svg',
			'./x.svg',
			'a/./x.svg',
			'/etc/passwd',
			'a//b.svg',
			'a/',
			'https://example.org/x.svg',
			'data:image/svg+xml,x',
			'a\\b.svg',
			'a?b.svg',
			'a#b.svg',
			'a\u0000b.svg',
			''
		]) {
			expect(lines(raw({}, { image })), JSON.stringify(image)).toEqual([
				`exercises[0].image: ${IMAGE_PROBLEM}, not ${JSON.stringify(image.length > 30 ? `${image.slice(0, 27)}…` : image)}`
			]);
		}
	});
});

describe('validateProgram: reserved ids', () => {
	it('refuses the ids of the app’s own files at `id`', () => {
		expect([...RESERVED_PROGRAM_IDS]).toContain('index');
		for (const id of RESERVED_PROGRAM_IDS) {
			expect(lines(raw({ id }))).toEqual([
				`id: "${id}" is reserved for the app’s own files; give your program another id`
			]);
		}
		// Only whole ids: a program or an exercise may still use the word.
		expect(validateProgram(raw({ id: 'index-2' })).ok).toBe(true);
		expect(validateProgram(raw({}, { id: 'index' })).ok).toBe(true);
	});
});

describe('validateProgram: hostile input stays linear and bounded', () => {
	it(`lists at most ${MAX_PROBLEMS} problems and counts the rest`, () => {
		expect(MAX_PROBLEMS).toBe(100);
		const result = parseProgramText(constructorPhases(1));
		if (result.ok) throw new Error('expected problems');
		expect(result.problems).toHaveLength(MAX_PROBLEMS);
		// Every forbidden key (10,000), the list itself, and the fields missing from the 8 phases
		// the format allows; the phases past the 8th are not checked further (they must go).
		expect(result.more).toBe(10_000 + 1 + 8 * 2 - MAX_PROBLEMS);
		// A list that is too long comes first, then what is inside it.
		expect(result.problems.slice(0, 3)).toEqual([
			{ path: 'exercises[0].phases', message: 'must have at most 8 phases (this one has 10000)' },
			{
				path: 'exercises[0].phases[0].constructor',
				message: '"constructor" is not allowed as a field name'
			},
			{
				path: 'exercises[0].phases[1].constructor',
				message: '"constructor" is not allowed as a field name'
			}
		]);
	});

	it('checks only the items a list may have, and every forbidden key', () => {
		const phases = [
			...Array.from({ length: 8 }, () => ({ cue: 'In', seconds: 2 })),
			{ cue: 'Out', seconds: 'two', constructor: 1 }
		];
		expect(lines(raw({}, { hold: undefined, phases }))).toEqual([
			'exercises[0].phases: must have at most 8 phases (this one has 9)',
			'exercises[0].phases[8].constructor: "constructor" is not allowed as a field name'
		]);
		const exercises = Array.from({ length: 51 }, (_, i) => ({
			id: 'same',
			name: 'E',
			instructions: ['x'],
			hodl: i
		}));
		const found = lines(raw({ exercises }));
		expect(found[0]).toBe('exercises: must have at most 50 exercises (this one has 51)');
		expect(found).toContain(
			'exercises[49].hodl: unknown field "hodl"' +
				' (for notes of your own, start the field name with "x-")'
		);
		expect(found.some((line) => line.startsWith('exercises[50]'))).toBe(false);
	});

	it('counts the problems of the largest files, with none listed twice', () => {
		for (const [text, total] of [
			[constructorPhases(3), 3 * (10_000 + 1 + 8 * 2)],
			[constructorPhasesFillingOneMegabyte(), undefined]
		] as const) {
			const result = parseProgramText(text);
			if (result.ok) throw new Error('expected problems');
			expect(result.problems).toHaveLength(MAX_PROBLEMS);
			if (total) expect(result.problems.length + result.more).toBe(total);
			else expect(result.more).toBeGreaterThan(50_000);
			const listed = result.problems.map(formatProblem);
			expect(new Set(listed).size).toBe(listed.length);
		}
	});

	it(`suggests a field only for the first ${MAX_SUGGESTIONS} unknown keys`, () => {
		expect(MAX_SUGGESTIONS).toBe(20);
		const result = parseProgramText(typoKeys(10_000));
		if (result.ok) throw new Error('expected problems');
		expect(result.problems.length + result.more).toBe(10_000);
		const suggested = (problems: Problem[]) =>
			problems.filter((p) => p.message.includes('did you mean'));
		expect(suggested(result.problems.slice(0, MAX_SUGGESTIONS)).length).toBeGreaterThan(15);
		expect(suggested(result.problems.slice(MAX_SUGGESTIONS))).toEqual([]);
		expect(result.problems[0]).toEqual({
			path: 'exercises[0].i0',
			message: 'unknown field "i0": did you mean "id"?'
		});
		expect(result.problems[MAX_SUGGESTIONS]?.message).toMatch(
			/^unknown field "[^"]+" \(for notes of your own, start the field name with "x-"\)$/
		);
	});

	it('still says where a misplaced field belongs, for every unknown key', () => {
		const many: Json = {};
		for (let i = 0; i < 40; i++) many[`zz${i}`] = i;
		const found = lines(raw({}, { ...many, restBetweenExercises: 5 }));
		expect(found.at(-1)).toBe(
			'exercises[0].restBetweenExercises: unknown field "restBetweenExercises" here: it belongs at the top level of the program'
		);
	});

	it('accepts the largest valid program the format allows', () => {
		const result = parseProgramText(maximalValidProgram());
		expect(result.ok && result.value.exercises).toHaveLength(50);
	});
});

describe('validateProgram: advice', () => {
	function adviceOf(input: unknown): Advice[] {
		const result = validateProgram(input);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		return result.advice;
	}

	it('points out holds that play back to back with no rest between them', () => {
		expect(adviceOf(raw({}, { reps: 10, hold: 10 }))).toEqual([
			{
				path: 'exercises[0]',
				message:
					'10 holds of 10 s play back to back with no rest; add "restBetweenReps" (e.g. 5) so ' +
					'the person can relax between them, or write "restBetweenReps": 0 if no rest is meant'
			}
		]);
		expect(adviceOf(raw({}, { reps: 3, hold: 20, sides: 'each' }))[0]?.message).toMatch(
			/^3 holds of 20 s on each side play back to back with no rest;/
		);
		expect(adviceOf(raw({}, { reps: 2, hold: 5, sides: 'alternate' }))[0]?.message).toMatch(
			/^4 holds of 5 s, left and right in turn, play back to back with no rest;/
		);
		expect(adviceOf(raw({}, { reps: 1, hold: 5, sides: 'alternate' }))[0]?.message).toMatch(
			/^2 holds of 5 s, left and right in turn, play back to back with no rest;/
		);
	});

	it('gives no advice when a rest is given (even 0) or only one hold plays at a time', () => {
		expect(adviceOf(raw({}, { reps: 10, hold: 10, restBetweenReps: 5 }))).toEqual([]);
		expect(adviceOf(raw({}, { reps: 10, hold: 10, restBetweenReps: 0 }))).toEqual([]);
		expect(adviceOf(raw({}, { reps: 1, hold: 30 }))).toEqual([]);
		expect(adviceOf(raw({}, { reps: 1, hold: 30, sides: 'each' }))).toEqual([]);
		expect(adviceOf(raw({}, { hold: undefined, reps: 10 }))).toEqual([]);
		expect(adviceOf(raw({}, { hold: undefined, duration: 30, sets: 3 }))).toEqual([]);
		expect(
			adviceOf(raw({}, { hold: undefined, reps: 5, phases: [{ cue: 'In', seconds: 3 }] }))
		).toEqual([]);
	});

	it('gives advice per exercise, in order, and never refuses the file', () => {
		const input = raw({
			exercises: [
				{ id: 'a', name: 'A', instructions: ['A.'], reps: 2, hold: 5 },
				{ id: 'b', name: 'B', instructions: ['B.'], reps: 2, hold: 5, restBetweenReps: 3 },
				{ id: 'c', name: 'C', instructions: ['C.'], reps: 4, hold: 8 }
			]
		});
		const result = validateProgram(input);
		expect(result.ok).toBe(true);
		expect(adviceOf(input).map((advice) => advice.path)).toEqual(['exercises[0]', 'exercises[2]']);
		expect(parseProgramText(JSON.stringify(input))).toMatchObject({
			ok: true,
			advice: [{ path: 'exercises[0]' }, { path: 'exercises[2]' }]
		});
	});
});

describe('validateProgram: anything at all', () => {
	it('rejects every top-level value that is not an object', () => {
		const cases: Array<[unknown, string]> = [
			[[raw()], '(root): must be a program in curly braces { … }, not a list'],
			['{}', '(root): must be a program in curly braces { … }, not "{}"'],
			[null, '(root): must be a program in curly braces { … }, not null'],
			[42, '(root): must be a program in curly braces { … }, not 42'],
			[true, '(root): must be a program in curly braces { … }, not true'],
			[undefined, '(root): must be a program in curly braces { … }, not nothing']
		];
		for (const [input, expected] of cases) expect(lines(input)).toEqual([expected]);
	});

	it('reports values that are not JSON data', () => {
		const input = raw({ 'x-f': () => 1, 'x-s': Symbol('s'), 'x-b': BigInt(1) }, { hold: () => 5 });
		expect(lines(input)).toEqual([
			'["x-f"]: is not JSON data (it is a function)',
			'["x-s"]: is not JSON data (it is a symbol)',
			'["x-b"]: is not JSON data (it is a bigint)',
			'exercises[0].hold: is not JSON data (it is a function)'
		]);
	});

	it('reports cycles and nesting deeper than the limit', () => {
		const cyclic = raw();
		cyclic['x-self'] = cyclic;
		expect(lines(cyclic)).toEqual([
			'["x-self"]: contains itself (a cycle), so it is not JSON data'
		]);
		let deep: unknown = 1;
		for (let i = 0; i < 200_000; i++) deep = [deep];
		const found = lines(raw({ 'x-deep': deep }));
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(new RegExp(`is nested more than ${MAX_DEPTH} levels deep$`));
		expect(lines(deep)).toEqual([
			'(root): must be a program in curly braces { … }, not a list',
			expect.stringMatching(/^\[0\](\[0\]){63}: is nested more than 64 levels deep$/)
		]);
	});

	it('handles huge and sparse lists quickly', () => {
		const started = performance.now();
		expect(lines(raw({ exercises: new Array(1e9) }))).toEqual([
			'exercises: is a list of 1000000000 items, far more than any list in a program may have'
		]);
		const many = Array.from({ length: 5000 }, (_, i) => ({
			id: `e${i}`,
			name: 'E',
			instructions: ['x']
		}));
		expect(lines(raw({ exercises: many }))).toEqual([
			'exercises: must have at most 50 exercises (this one has 5000)'
		]);
		const wide: Json = {};
		for (let i = 0; i < 20_000; i++) wide[`k${i}`] = i;
		expect(lines(raw({ 'x-wide': wide }))[0]).toMatch(/has 20000 fields, far more than/);
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('copes with Proxies, null prototypes, odd prototypes and throwing accessors', () => {
		const base = raw();
		expect(validateProgram(new Proxy(base, {})).ok).toBe(true);

		const bare = Object.assign(Object.create(null) as Json, base);
		expect(validateProgram(bare).ok).toBe(true);

		const inherited = Object.create(raw()) as Json;
		expect(lines(inherited)).toContain('format: is missing (it is required)');

		class Holder {
			format = 1;
			id = 'held';
			title = 'Held';
			exercises = [{ id: 'a', name: 'A', instructions: ['x'] }];
		}
		expect(validateProgram(new Holder()).ok).toBe(true);

		const throwingGet = new Proxy(base, {
			get() {
				throw new Error('trap');
			}
		});
		expect(lines(throwingGet)).toContain('format: could not be read (trap)');

		const throwingKeys = new Proxy(base, {
			ownKeys() {
				throw new Error('no keys');
			}
		});
		expect(lines(throwingKeys)).toEqual(['(root): could not be read (no keys)']);

		const { proxy, revoke } = Proxy.revocable(base, {});
		revoke();
		expect(problemsOf(validateProgram(proxy))[0]?.path).toBe(ROOT_PATH);

		const getter = raw();
		Object.defineProperty(getter, 'title', {
			enumerable: true,
			get() {
				throw new Error('boom');
			}
		});
		expect(lines(getter)).toEqual(['title: could not be read (boom)']);

		let reads = 0;
		const changing = raw();
		Object.defineProperty(changing, 'title', {
			enumerable: true,
			get: () => (++reads === 1 ? 'First read' : 12)
		});
		const program = valid(changing);
		expect(program.title).toBe('First read');
		expect(reads).toBe(1);
	});

	it('never throws on random JSON values, and is idempotent on what it accepts', () => {
		const random = seeded(20241121);
		const randomValue = (depth: number): unknown => {
			const r = random();
			if (depth > 4 || r < 0.3)
				return pick(random, [null, true, false, 0, -1, 2.5, 1e300, '', 'x', 'é😀']);
			if (r < 0.55)
				return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(depth + 1));
			const object: Json = {};
			const keys = [
				'format',
				'id',
				'title',
				'exercises',
				'hold',
				'x-a',
				'__proto__',
				'reps',
				'sides'
			];
			for (let i = Math.floor(random() * 5); i > 0; i--)
				object[pick(random, keys)] = randomValue(depth + 1);
			return object;
		};
		for (let i = 0; i < 500; i++) {
			const value = randomValue(0);
			const result = validateProgram(value);
			assertShape(result);
		}
		// Mutations of a valid program: replace one node at random.
		const template = JSON.stringify(
			raw({ safety: ['a'], schedule: { timesPerDay: 2 } }, { sides: 'each', phases: undefined })
		);
		let accepted = 0;
		for (let i = 0; i < 800; i++) {
			const program = JSON.parse(template) as Json;
			mutate(program, random, randomValue);
			const result = validateProgram(program);
			assertShape(result);
			if (result.ok) {
				accepted++;
				const again = validateProgram(JSON.parse(JSON.stringify(result.value)));
				expect(again).toEqual(result);
			}
		}
		expect(accepted).toBeGreaterThan(10);
		expect(({} as Json).polluted).toBeUndefined();
	});
});

describe('parseProgramText', () => {
	it('parses and validates', () => {
		const result = parseProgramText(JSON.stringify(raw()));
		expect(result.ok).toBe(true);
	});

	it('accepts a byte-order mark', () => {
		expect(parseProgramText(`\uFEFF${JSON.stringify(raw())}`).ok).toBe(true);
	});

	it('reports JSON syntax errors with line and column', () => {
		const text = '{\n\t"format": 1,\n\t"id": "a"\n\t"title": "b"\n}';
		expect(problemsOf(parseProgramText(text))).toEqual([
			{
				path: ROOT_PATH,
				message:
					'is not valid JSON: line 4, column 2: a comma "," or "}" was expected here (is a comma missing before this?)'
			}
		]);
		expect(problemsOf(parseProgramText(''))[0]?.message).toBe(
			'is not valid JSON: line 1, column 1: the file is empty'
		);
	});

	it('refuses more than 1 MB before parsing, counting UTF-8 bytes', () => {
		expect(MAX_PROGRAM_BYTES).toBe(1_048_576);
		const parse = vi.spyOn(JSON, 'parse');
		try {
			const ascii = `${JSON.stringify(raw())}${' '.repeat(MAX_PROGRAM_BYTES)}`;
			const wide = `"${'é'.repeat(600_000)}"`; // 600,002 characters, 1,200,002 bytes
			for (const text of [ascii, wide]) {
				const found = problemsOf(parseProgramText(text));
				expect(found).toHaveLength(1);
				expect(formatProblem(found[0]!)).toMatch(
					/^\(root\): the file is too large \([\d,]+ bytes\); a program file may be at most 1 MB \(1,048,576 bytes\)$/
				);
			}
			expect(formatProblem(problemsOf(parseProgramText(`"${'é'.repeat(600_000)}"`))[0]!)).toContain(
				'(1,200,002 bytes)'
			);
			expect(parse).not.toHaveBeenCalled();
			// The byte length given by the caller (e.g. File.size) is believed.
			expect(problemsOf(parseProgramText('{}', MAX_PROGRAM_BYTES + 1))[0]?.message).toMatch(
				/too large/
			);
			expect(parse).not.toHaveBeenCalled();
		} finally {
			parse.mockRestore();
		}
	});

	it('accepts a file of exactly 1 MB', () => {
		const body = JSON.stringify(raw());
		const text = body + ' '.repeat(MAX_PROGRAM_BYTES - body.length);
		expect(utf8ByteLength(text)).toBe(MAX_PROGRAM_BYTES);
		expect(parseProgramText(text).ok).toBe(true);
	});

	it('measures UTF-8 like TextEncoder', () => {
		for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€é', '\uD800', '\uDC00x', 'x\uD800']) {
			expect(utf8ByteLength(text), JSON.stringify(text)).toBe(
				new TextEncoder().encode(text).length
			);
		}
	});

	it('never throws on text that is not a string', () => {
		expect(problemsOf(parseProgramText(42 as unknown as string))[0]?.path).toBe(ROOT_PATH);
	});
});

describe('formatPath and formatProblem', () => {
	it('writes JSON paths', () => {
		expect(formatPath([])).toBe('(root)');
		expect(formatPath(['title'])).toBe('title');
		expect(formatPath(['exercises', 2, 'hold'])).toBe('exercises[2].hold');
		expect(formatPath(['exercises', 0, 'phases', 1, 'cue'])).toBe('exercises[0].phases[1].cue');
		expect(formatPath(['x-order'])).toBe('["x-order"]');
		expect(formatPath(['$schema'])).toBe('$schema');
		expect(formatPath(['exercises', 0, 'a "b"'])).toBe('exercises[0]["a \\"b\\""]');
	});

	it('joins path and message', () => {
		expect(formatProblem({ path: 'exercises[2].hold', message: 'must be 1' })).toBe(
			'exercises[2].hold: must be 1'
		);
	});
});

// ---------------------------------------------------------------------------------------------

function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

function assertShape(result: ValidationResult<Program>): void {
	if (result.ok) {
		expect(typeof result.value).toBe('object');
		return;
	}
	expect(result.problems.length).toBeGreaterThan(0);
	for (const problem of result.problems) {
		expect(typeof problem.path).toBe('string');
		expect(problem.path.length).toBeGreaterThan(0);
		expect(typeof problem.message).toBe('string');
		expect(problem.message.length).toBeGreaterThan(0);
	}
}

/** Replaces (or deletes) one randomly chosen node of a JSON tree. */
function mutate(root: Json, random: () => number, make: (depth: number) => unknown): void {
	const containers: Array<[Json | unknown[], string | number]> = [];
	const walk = (node: unknown) => {
		if (Array.isArray(node)) {
			node.forEach((child, index) => {
				containers.push([node, index]);
				walk(child);
			});
		} else if (node && typeof node === 'object') {
			for (const [key, child] of Object.entries(node)) {
				containers.push([node as Json, key]);
				walk(child);
			}
		}
	};
	walk(root);
	const [parent, key] = pick(random, containers);
	const choice = random();
	if (choice < 0.15 && !Array.isArray(parent)) delete parent[key as string];
	else if (choice < 0.5) (parent as Json)[key as string] = make(3);
	else
		(parent as Json)[key as string] = pick(random, [
			0,
			1,
			5,
			61,
			601,
			-1,
			2.5,
			'x',
			'',
			null,
			[],
			{}
		]);
}
