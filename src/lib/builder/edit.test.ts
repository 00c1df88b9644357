import { describe, expect, it } from 'vitest';
import {
	addExercise,
	copyProgram,
	copyTitle,
	customExercise,
	DEFAULT_RELEASE_SECONDS,
	doseFields,
	doseForms,
	duplicateExercise,
	forSaving,
	idForSaving,
	linesOf,
	moveExercise,
	nearLimit,
	newProgram,
	problemsAt,
	removeExercise,
	restoreExercise,
	slugify,
	uniqueId,
	withDoseForm
} from './edit';
import { doseForm } from '../program/dose';
import { validateProgram } from '../program/validate';
import type { Exercise, Program } from '../program/types';

function exercise(id: string, extra: Partial<Exercise> = {}): Exercise {
	return {
		id,
		name: id.toUpperCase(),
		instructions: ['Do it.'],
		cautions: [],
		sets: 1,
		reps: 10,
		sides: 'none',
		restBetweenReps: 0,
		restBetweenSets: 30,
		...extra
	};
}

function program(...ids: string[]): Program {
	return { ...newProgram(), title: 'Mine', exercises: ids.map((id) => exercise(id)) };
}

const ids = (p: Program) => p.exercises.map((e) => e.id);

describe('slugify and uniqueId', () => {
	it.each([
		['Pelvic tilts (lying)', 'pelvic-tilts-lying'],
		['  Über   Dehnung!! ', 'uber-dehnung'],
		['Cat stretch', 'cat-stretch'],
		['---', ''],
		['', '']
	])('slugify(%j) is %j', (text, slug) => {
		expect(slugify(text)).toBe(slug);
	});

	it('cuts to the id length without a trailing hyphen', () => {
		const slug = slugify(`${'a'.repeat(63)} b`);
		expect(slug).toBe('a'.repeat(63));
		expect(slugify('ab cd', 3)).toBe('ab');
	});

	it('numbers a taken id, skips reserved ones and falls back for an empty title', () => {
		expect(uniqueId('Mine', new Set())).toBe('mine');
		expect(uniqueId('Mine', new Set(['mine', 'mine-2']))).toBe('mine-3');
		expect(uniqueId('index', new Set())).toBe('index-2');
		expect(uniqueId('', new Set())).toBe('routine');
		expect(uniqueId('!!', new Set(['exercise']), 'exercise')).toBe('exercise-2');
		const long = 'x'.repeat(64);
		const next = uniqueId(long, new Set([long]));
		expect(next).toBe(`${'x'.repeat(62)}-2`);
		expect(next.length).toBe(64);
	});
});

describe('new routines and copies', () => {
	it('starts empty with the format defaults, and only lacks a title and an exercise', () => {
		const result = validateProgram(newProgram());
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path)).toEqual(['title', 'exercises']);
	});

	it('copies with a new id, "(my version)" and version 1, leaving the original alone', () => {
		const original = { ...program('a', 'b'), id: 'daily', title: 'Daily', version: 4 };
		const copy = copyProgram(original, new Set(['daily', 'daily-my-version']));
		expect(copy.id).toBe('daily-my-version-2');
		expect(copy.title).toBe('Daily (my version)');
		expect(copy.version).toBe(1);
		copy.exercises[0]!.name = 'changed';
		expect(original.exercises[0]!.name).toBe('A');
		expect(original.version).toBe(4);
	});

	it('a copy leaves the original’s translations behind (it is the person’s own, in one language)', () => {
		const original = {
			...program('a', 'b'),
			translations: { de: { title: 'Täglich' } }
		};
		expect('translations' in copyProgram(original, new Set())).toBe(false);
		// A copy of a routine in German says so in German.
		const german = copyProgram({ ...original, title: 'Täglich', language: 'de' }, new Set());
		expect(german.title).toBe('Täglich (meine Version)');
		expect(original.translations).toEqual({ de: { title: 'Täglich' } });
	});

	it('keeps the title within 80 characters and does not add the suffix twice', () => {
		expect(copyTitle('t'.repeat(80))).toBe(`${'t'.repeat(67)} (my version)`);
		expect(copyTitle('t'.repeat(80)).length).toBe(80);
		expect(copyTitle('Mine (my version)')).toBe('Mine (my version)');
		expect(copyTitle('Le mien', 'fr')).toBe('Le mien (ma version)');
		expect(copyTitle('Le mien (ma version)', 'fr')).toBe('Le mien (ma version)');
	});

	it('saves a new routine under an id from its title, a stored one under its own id', () => {
		const p = { ...program('a'), id: 'my-routine', title: 'Back routine' };
		expect(idForSaving(p, false, new Set(['back-routine']))).toBe('back-routine-2');
		expect(idForSaving({ ...p, id: 'kept' }, true, new Set(['kept']))).toBe('kept');
		expect(forSaving(p, 'back-routine', 3)).toMatchObject({ id: 'back-routine', version: 4 });
		expect(forSaving(p, 'back-routine')).toMatchObject({ version: 1 });
	});
});

describe('the list of exercises', () => {
	it('adds with an id of its own', () => {
		const next = addExercise(program('a'), exercise('a'));
		expect(ids(next)).toEqual(['a', 'a-2']);
		expect(validateProgram(next).ok).toBe(true);
	});

	it('moves within the list, clamping the places', () => {
		const p = program('a', 'b', 'c');
		expect(ids(moveExercise(p, 2, 0))).toEqual(['c', 'a', 'b']);
		expect(ids(moveExercise(p, 0, 1))).toEqual(['b', 'a', 'c']);
		expect(ids(moveExercise(p, 0, 99))).toEqual(['b', 'c', 'a']);
		expect(moveExercise(p, 1, 1)).toBe(p);
		expect(ids(p)).toEqual(['a', 'b', 'c']);
	});

	it('removes, and Undo puts the exercise back in its place', () => {
		const p = program('a', 'b', 'c');
		const { program: without, removed } = removeExercise(p, 1);
		expect(ids(without)).toEqual(['a', 'c']);
		expect(removed).toEqual({ exercise: p.exercises[1], index: 1 });
		expect(ids(restoreExercise(without, removed!))).toEqual(['a', 'b', 'c']);
		expect(removeExercise(p, 5)).toEqual({ program: p, removed: null });
	});

	it('restores with a fresh id when the old one was taken since', () => {
		const { program: without, removed } = removeExercise(program('a', 'b'), 1);
		const taken = addExercise(without, exercise('b'));
		expect(ids(restoreExercise(taken, removed!))).toEqual(['a', 'b-2', 'b']);
	});

	it('duplicates right after itself with an id of its own', () => {
		const next = duplicateExercise(program('a', 'b'), 0);
		expect(ids(next)).toEqual(['a', 'a-2', 'b']);
		expect(next.exercises[1]!.name).toBe('A');
		next.exercises[1]!.instructions.push('more');
		expect(next.exercises[0]!.instructions).toEqual(['Do it.']);
	});
});

describe('custom exercises', () => {
	it('takes one step per line, drops empty lines, and is valid with a dose of 10 reps', () => {
		const made = customExercise({
			name: ' Knee hugs ',
			steps: 'Lie on your back.\r\n\n  Hug one knee.  \nLet go.',
			cautions: '\n',
			image: 'illustrations/cat.svg',
			imageAlt: 'A cat'
		});
		expect(made).toMatchObject({
			id: 'knee-hugs',
			name: 'Knee hugs',
			instructions: ['Lie on your back.', 'Hug one knee.', 'Let go.'],
			cautions: [],
			reps: 10,
			image: 'illustrations/cat.svg',
			'x-image-alt': 'A cat'
		});
		expect(doseForm(made)).toBe('selfPaced');
		expect(validateProgram({ ...newProgram(), title: 'T', exercises: [made] }).ok).toBe(true);
	});

	it('gives an id even to a name with no letters, and no picture when none is chosen', () => {
		const made = customExercise({ name: '★', steps: 'x', cautions: '' });
		expect(made.id).toBe('exercise');
		expect(made).not.toHaveProperty('image');
		expect(linesOf(' a \n\n b ')).toEqual(['a', 'b']);
	});
});

describe('withDoseForm', () => {
	const base = exercise('a');

	it('starts a hold at 10 s with a 5 s release when there was none', () => {
		const hold = withDoseForm(base, 'hold');
		expect(hold).toMatchObject({ hold: 10, restBetweenReps: DEFAULT_RELEASE_SECONDS, reps: 10 });
		expect(withDoseForm({ ...base, restBetweenReps: 8 }, 'hold').restBetweenReps).toBe(8);
	});

	it('makes a timed bout one per set, and counted reps again when it leaves', () => {
		const timed = withDoseForm(base, 'duration');
		expect(timed).toMatchObject({ duration: 60, reps: 1 });
		expect(timed).not.toHaveProperty('hold');
		const back = withDoseForm(timed, 'selfPaced');
		expect(back.reps).toBe(10);
		expect(back).not.toHaveProperty('duration');
	});

	it('gives paced steps two phases, and keeps one dose form only', () => {
		const paced = withDoseForm(withDoseForm(base, 'hold'), 'phases');
		expect(paced.phases).toEqual([
			{ cue: 'Move', seconds: 3 },
			{ cue: 'Return', seconds: 3 }
		]);
		expect(paced).not.toHaveProperty('hold');
		expect(doseForm(paced)).toBe('phases');
	});

	it('returns the same exercise when the form does not change, and drops progress that no longer fits', () => {
		const held = { ...base, hold: 5, progress: { hold: 2, reps: 1 } };
		expect(withDoseForm(held, 'hold')).toBe(held);
		expect(withDoseForm(held, 'selfPaced').progress).toEqual({ reps: 1 });
		expect(withDoseForm(held, 'duration')).not.toHaveProperty('progress');
	});

	it('every form gives an exercise the validator accepts', () => {
		for (const form of ['hold', 'phases', 'selfPaced', 'duration'] as const) {
			const p = { ...newProgram(), title: 'T', exercises: [withDoseForm(base, form)] };
			expect(validateProgram(p).ok, form).toBe(true);
		}
	});
});

describe('the builder’s words for a dose', () => {
	it('names the dose forms and their fields in English by default', () => {
		expect(doseForms().map((f) => f.label)).toEqual([
			'Hold',
			'Paced steps',
			'At my own pace',
			'For a time'
		]);
		expect(doseFields('hold').map((f) => [f.field, f.label, f.unit])).toEqual([
			['hold', 'Hold for', 's'],
			['reps', 'Times', 'times'],
			['restBetweenReps', 'Relax between', 's']
		]);
	});

	it('names them in German when asked', () => {
		expect(doseForms('de').map((f) => f.label)).toEqual([
			'Halten',
			'Schritte im Takt',
			'In meinem Tempo',
			'Eine Zeit lang'
		]);
		expect(doseFields('phases', 'de').map((f) => f.label)).toEqual([
			'Durchgänge durch diese Schritte',
			'Pause dazwischen'
		]);
	});

	it('starts paced steps with cues in the routine’s language, and a new routine in the language given', () => {
		const base = exercise('a');
		expect(withDoseForm(base, 'phases').phases).toEqual([
			{ cue: 'Move', seconds: 3 },
			{ cue: 'Return', seconds: 3 }
		]);
		expect(withDoseForm(base, 'phases', 'fr').phases?.map((p) => p.cue)).toEqual([
			'Bougez',
			'Revenez'
		]);
		expect(newProgram().language).toBe('en');
		expect(newProgram('de').language).toBe('de');
		expect(validateProgram({ ...newProgram('de'), title: 'T', exercises: [base] }).ok).toBe(true);
	});
});

describe('problems beside a field', () => {
	const problems = [
		{ path: 'exercises[0].hold', message: 'h' },
		{ path: 'exercises[0].instructions[2]', message: 'i' },
		{ path: 'exercises[0].instructions', message: 'list' },
		{ path: 'exercises[0].holdx', message: 'other' }
	];

	it('takes the field itself, and the items of a list field', () => {
		expect(problemsAt(problems, 'exercises[0].hold').map((p) => p.message)).toEqual(['h']);
		expect(problemsAt(problems, 'exercises[0].instructions').map((p) => p.message)).toEqual([
			'list'
		]);
		expect(problemsAt(problems, 'exercises[0].instructions', true).map((p) => p.message)).toEqual([
			'i',
			'list'
		]);
	});

	it('shows the count from 80 % of the limit', () => {
		expect(nearLimit('a'.repeat(63), 80)).toBe(false);
		expect(nearLimit('a'.repeat(64), 80)).toBe(true);
	});
});
