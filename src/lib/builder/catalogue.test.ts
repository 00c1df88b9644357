import { describe, expect, it } from 'vitest';
import { compareForLibrary, loadPrograms } from '../../../scripts/programs-plugin';
import { validateProgram } from '../program/validate';
import type { Program } from '../program/types';
import {
	buildCatalogue,
	exerciseFromEntry,
	readCatalogue,
	searchCatalogue,
	searchForm,
	type CatalogueEntry
} from './catalogue';

/** A validated program from a short description (defaults filled in by the validator). */
function program(id: string, exercises: Record<string, unknown>[], title = id): Program {
	const result = validateProgram({ format: 1, id, title, exercises });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

const tilt = {
	id: 'pelvic-tilt',
	name: 'Pelvic tilts',
	instructions: ['Lie on your back.', 'Tilt your pelvis.'],
	cautions: ['Keep it small.'],
	image: 'illustrations/pelvic-tilt.svg',
	'x-image-alt': 'A person lying on their back.',
	'x-other': 'not in the catalogue',
	reps: 10,
	hold: 2,
	restBetweenReps: 4
};
const breathing = {
	id: 'breathing',
	name: 'Slow breathing',
	instructions: ['Lie down.', 'Breathe slowly.'],
	reps: 5,
	phases: [
		{ cue: 'In', seconds: 4, 'x-tone': 'low' },
		{ cue: 'Out', seconds: 6 }
	]
};

const built = (...programs: Program[]) => {
	const result = buildCatalogue(programs);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.entries;
};

describe('buildCatalogue', () => {
	it('lists each exercise once, with its texts, the programs that use it and an example dose', () => {
		const entries = built(
			program('first', [tilt, breathing], 'First'),
			program('second', [{ ...tilt, reps: 20, hold: 5 }], 'Second')
		);
		expect(entries).toEqual([
			{
				key: 'pelvic-tilt',
				id: 'pelvic-tilt',
				name: 'Pelvic tilts',
				instructions: ['Lie on your back.', 'Tilt your pelvis.'],
				cautions: ['Keep it small.'],
				image: 'illustrations/pelvic-tilt.svg',
				imageAlt: 'A person lying on their back.',
				usedBy: [
					{ programId: 'first', programTitle: 'First' },
					{ programId: 'second', programTitle: 'Second' }
				],
				dose: {
					sets: 1,
					reps: 10,
					sides: 'none',
					hold: 2,
					restBetweenReps: 4,
					restBetweenSets: 30
				}
			},
			{
				key: 'breathing',
				id: 'breathing',
				name: 'Slow breathing',
				instructions: ['Lie down.', 'Breathe slowly.'],
				cautions: [],
				usedBy: [{ programId: 'first', programTitle: 'First' }],
				dose: {
					sets: 1,
					reps: 5,
					sides: 'none',
					phases: [
						{ cue: 'In', seconds: 4 },
						{ cue: 'Out', seconds: 6 }
					],
					restBetweenReps: 0,
					restBetweenSets: 30
				}
			}
		]);
	});

	it('sorts by name, then key, whatever the order of the programs', () => {
		const names = (entries: CatalogueEntry[]) => entries.map((entry) => entry.name);
		const a = program('a', [
			{ id: 'z', name: 'zebra stretch', instructions: ['Z.'] },
			{ id: 'e', name: 'Éclair lift', instructions: ['E.'] }
		]);
		const b = program('b', [{ id: 'm', name: 'Middle', instructions: ['M.'] }]);
		expect(names(built(a, b))).toEqual(['Éclair lift', 'Middle', 'zebra stretch']);
		expect(names(built(b, a))).toEqual(['Éclair lift', 'Middle', 'zebra stretch']);
	});

	it('keeps variants of one exercise (same id and name, other texts) apart, with their own keys', () => {
		const lying = program('gentle', [breathing], 'Gentle');
		const seated = program(
			'desk',
			[{ ...breathing, instructions: ['Sit upright.', 'Breathe slowly.'] }],
			'Desk'
		);
		const again = program('again', [breathing], 'Again');
		const entries = built(lying, seated, again);
		expect(entries.map((entry) => [entry.key, entry.usedBy.map((use) => use.programId)])).toEqual([
			['breathing@desk', ['desk']],
			['breathing@gentle', ['gentle', 'again']]
		]);
		expect(new Set(entries.map((entry) => entry.id))).toEqual(new Set(['breathing']));
	});

	it('lists a program once for an exercise it uses twice', () => {
		const twice = program('twice', [tilt, { ...tilt, id: 'pelvic-tilt' }].slice(0, 1));
		const entries = built(twice, twice);
		expect(entries[0]!.usedBy).toEqual([{ programId: 'twice', programTitle: 'twice' }]);
	});

	it('fails on one id for two different names', () => {
		const result = buildCatalogue([
			program('one', [tilt]),
			program('two', [breathing, { ...tilt, name: 'Pelvic rocks' }])
		]);
		expect(result).toEqual({
			ok: false,
			problems: [
				{
					programId: 'two',
					path: 'exercises[1].name',
					message:
						'is “Pelvic rocks”, but the exercise “pelvic-tilt” is called “Pelvic tilts” in one, ' +
						'exercises[0]: an exercise id names one exercise in all the built-in programs; give ' +
						'this one another id, or the same name'
				}
			]
		});
	});

	it('fails on the same exercise under two ids', () => {
		const result = buildCatalogue([
			program('one', [tilt]),
			program('two', [{ ...tilt, id: 'tilts', reps: 3 }])
		]);
		expect(result).toEqual({
			ok: false,
			problems: [
				{
					programId: 'two',
					path: 'exercises[0].id',
					message:
						'is “tilts”, but the same exercise (the same name, instructions, cautions and image) ' +
						'is “pelvic-tilt” in one, exercises[0]: give both the same id'
				}
			]
		});
	});

	it('lists every problem of every program', () => {
		const result = buildCatalogue([
			program('one', [tilt, breathing]),
			program('two', [
				{ ...tilt, name: 'Other' },
				{ ...breathing, id: 'breath' }
			])
		]);
		expect(result.ok ? [] : result.problems.map((p) => `${p.programId}: ${p.path}`)).toEqual([
			'two: exercises[0].name',
			'two: exercises[1].id'
		]);
	});

	it('is empty for no programs', () => {
		expect(buildCatalogue([])).toEqual({ ok: true, entries: [] });
	});

	it('builds from the built-in programs of this repository', () => {
		const loaded = loadPrograms('programs');
		const programs = loaded.programs.map((p) => p.program).sort(compareForLibrary);
		const result = buildCatalogue(programs);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const keys = result.entries.map((entry) => entry.key);
		expect(new Set(keys).size).toBe(keys.length);
		const exerciseCount = programs.reduce((n, p) => n + p.exercises.length, 0);
		expect(result.entries.length).toBeLessThan(exerciseCount);
		// Every built-in exercise is in it, under its own id, with its own texts.
		for (const p of programs) {
			for (const exercise of p.exercises) {
				const entry = result.entries.find(
					(e) =>
						e.id === exercise.id &&
						e.usedBy.some((use) => use.programId === p.id) &&
						JSON.stringify(e.instructions) === JSON.stringify(exercise.instructions)
				);
				expect(entry, `${p.id}/${exercise.id}`).toBeDefined();
				expect(entry!.name).toBe(exercise.name);
				expect(entry!.imageAlt).toBe(exercise['x-image-alt']);
			}
		}
	});
});

describe('exerciseFromEntry', () => {
	it('makes an exercise the validator accepts, with the texts and the example dose', () => {
		const [entry] = built(program('one', [tilt]));
		const exercise = exerciseFromEntry(entry!);
		expect(exercise).toEqual({
			id: 'pelvic-tilt',
			name: 'Pelvic tilts',
			instructions: ['Lie on your back.', 'Tilt your pelvis.'],
			cautions: ['Keep it small.'],
			image: 'illustrations/pelvic-tilt.svg',
			'x-image-alt': 'A person lying on their back.',
			sets: 1,
			reps: 10,
			sides: 'none',
			hold: 2,
			restBetweenReps: 4,
			restBetweenSets: 30
		});
		exercise.instructions.push('changed');
		expect(entry!.instructions).toHaveLength(2);
		const result = validateProgram({ format: 1, id: 'new', title: 'New', exercises: [exercise] });
		expect(result.ok).toBe(true);
	});

	it('carries the poses and what the player shows and says, which the validator accepts', () => {
		const bridge = {
			id: 'bridge',
			name: 'Bridge',
			instructions: ['Lie on your back.'],
			images: ['illustrations/ball-bridge-down.svg', 'illustrations/ball-bridge-up.svg'],
			startCue: 'On your back',
			holdCue: 'Lift your hips and hold',
			releaseCue: 'Lower slowly',
			sideNames: { left: 'Left leg up', right: 'Right leg up' },
			sides: 'each',
			hold: 5
		};
		const cat = {
			...breathing,
			id: 'cat',
			name: 'Cat',
			phases: [{ cue: 'Round', seconds: 4, image: 'illustrations/cat-stretch-rounded.svg' }]
		};
		const [bridgeEntry, catEntry] = built(program('one', [bridge, cat]));
		const exercise = exerciseFromEntry(bridgeEntry!);
		expect(exercise).toMatchObject({
			images: bridge.images,
			startCue: 'On your back',
			holdCue: 'Lift your hips and hold',
			releaseCue: 'Lower slowly',
			sideNames: { left: 'Left leg up', right: 'Right leg up' }
		});
		expect(exerciseFromEntry(catEntry!).phases?.[0]?.image).toBe(
			'illustrations/cat-stretch-rounded.svg'
		);
		expect(validateProgram({ format: 1, id: 'x', title: 'X', exercises: [exercise] }).ok).toBe(
			true
		);
	});

	it('copies the phases', () => {
		const [entry] = built(program('one', [breathing]));
		const exercise = exerciseFromEntry(entry!);
		expect(exercise.phases).toEqual(entry!.dose.phases);
		expect(exercise.phases).not.toBe(entry!.dose.phases);
	});
});

describe('readCatalogue', () => {
	it('accepts the built catalogue and refuses other shapes', () => {
		const entries = built(program('one', [tilt, breathing]));
		expect(readCatalogue(JSON.parse(JSON.stringify(entries)))).toEqual(entries);
		expect(readCatalogue([])).toEqual([]);
		for (const bad of [
			null,
			{},
			[1],
			[{ ...entries[0], name: 3 }],
			[{ ...entries[0], dose: null }]
		]) {
			expect(readCatalogue(bad)).toBeNull();
		}
	});
});

describe('searchCatalogue', () => {
	const entries = built(
		program('one', [
			tilt,
			breathing,
			{
				id: 'bird-dog',
				name: 'Bird-dog',
				instructions: ['Kneel on all fours.', 'Reach one arm forward.'],
				reps: 5
			},
			{
				id: 'wall-tilt',
				name: 'Pelvic tilts against a wall',
				instructions: ['Stand with your back to a wall.'],
				reps: 5
			},
			{
				id: 'floor-tilt',
				name: 'Floor pelvic tilts',
				instructions: ['Lie with your feet against a wall.'],
				reps: 5
			},
			{
				id: 'cafe',
				name: 'Café stretch',
				instructions: ['Sit at a table and breathe out while you lean.'],
				reps: 3
			}
		])
	);
	const keys = (query: string) => searchCatalogue(entries, query).map((entry) => entry.key);

	it('gives every entry, in order, for an empty query', () => {
		expect(keys('')).toEqual(entries.map((entry) => entry.key));
		expect(keys('  ,. ')).toEqual(entries.map((entry) => entry.key));
	});

	it('matches the beginnings of words, ignoring case and accents', () => {
		expect(keys('tilt')).toEqual(['floor-tilt', 'pelvic-tilt', 'wall-tilt']);
		expect(keys('PELVIC')).toEqual(['floor-tilt', 'pelvic-tilt', 'wall-tilt']);
		expect(keys('cafe')).toEqual(['cafe']);
		expect(keys('CAFÉ')).toEqual(['cafe']);
		expect(keys('bird-dog')).toEqual(['bird-dog']);
		expect(keys('dog')).toEqual(['bird-dog']);
		expect(keys('og')).toEqual([]);
	});

	it('needs every word of the query, in the name or the instructions', () => {
		expect(keys('pelvic stand')).toEqual(['wall-tilt']);
		expect(keys('pelvic kneel')).toEqual([]);
		expect(keys('kneel')).toEqual(['bird-dog']);
	});

	it('ranks name matches before instruction matches', () => {
		// "breathe" begins the name word "breathing" and the instruction word "breathe".
		expect(keys('breath')).toEqual(['breathing', 'cafe']);
		// "wall" is in one name and in another's instructions; the name wins though it sorts later.
		expect(keys('wall')).toEqual(['wall-tilt', 'floor-tilt']);
		// Two words in the name beat one in the name and one in the instructions.
		expect(keys('pelvic wall')).toEqual(['wall-tilt', 'floor-tilt']);
		// Instruction matches alone keep the catalogue's order.
		expect(keys('back')).toEqual(['pelvic-tilt', 'wall-tilt']);
	});

	it('writes text as search compares it', () => {
		expect(searchForm('Rückenübung Café')).toBe('ruckenubung cafe');
	});
});
