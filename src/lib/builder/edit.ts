// What the routine builder does to a program, as pure functions: each takes a program (or an
// exercise) and returns a new one, leaving the old untouched, so that Undo is keeping the old
// value. The builder edits a `Program` and nothing else; whether the result is valid is the
// validator's business (validateProgram), never decided here.
import { BASE_LOCALE, localeOf, type Locale } from '../i18n/locale';
import * as m from '../paraglide/messages';
import { fitTranslations } from '../program/localize';
import { PROGRAM_DEFAULTS, PROGRAM_LIMITS } from '../program/schema';
import { doseForm } from '../program/dose-length';
import { isReservedProgramId } from '../program/program-ids';
import type { DoseForm, Exercise, Phase, Problem, Program } from '../program/types';
import { exerciseFromEntry, type CatalogueEntry } from './catalogue';
import { fitProgress } from './phrases';

/** The release rest a hold gets when a person first chooses "Hold" (the "relax 5 s"). */
export const DEFAULT_RELEASE_SECONDS = 5;
/** The first values of each dose form when a person switches to it. */
export const DOSE_STARTS = {
	hold: 10,
	duration: 60,
	reps: 10,
	/** Paced steps: "Move" 3 s, "Return" 3 s (in the routine's language: startPhases). */
	phaseSeconds: 3
} as const;

/** The paced steps an exercise starts with, their cues in `locale` (the routine's language). */
export function startPhases(locale: Locale = BASE_LOCALE): Phase[] {
	return [
		{ cue: m.builder_phase_move({}, { locale }), seconds: DOSE_STARTS.phaseSeconds },
		{ cue: m.builder_phase_return({}, { locale }), seconds: DOSE_STARTS.phaseSeconds }
	];
}

/** A slug of some text for an id: "Pelvic tilts (lying)" → "pelvic-tilts-lying"; "" when none. */
export function slugify(text: string, maxLength: number = PROGRAM_LIMITS.idLength): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * `base` if it is free, else `base-2`, `base-3` …, cut so that the whole stays within the id
 * length; never a reserved id.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>, fallback = 'routine'): string {
	const start = slugify(base) || fallback;
	const free = (id: string) => !taken.has(id) && !isReservedProgramId(id);
	if (free(start)) return start;
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const id = `${start.slice(0, PROGRAM_LIMITS.idLength - suffix.length).replace(/-+$/, '')}${suffix}`;
		if (free(id)) return id;
	}
}

/**
 * An empty routine: the format's defaults, a title to fill in and no exercises yet, in
 * `language` (the builder passes the interface's: the person writes its texts in it).
 */
export function newProgram(language: string = PROGRAM_DEFAULTS.language): Program {
	return {
		format: 1,
		id: 'my-routine',
		version: 1,
		title: '',
		language,
		schedule: {
			timesPerDay: PROGRAM_DEFAULTS.timesPerDay,
			daysPerWeek: PROGRAM_DEFAULTS.daysPerWeek
		},
		prepareSeconds: PROGRAM_DEFAULTS.prepareSeconds,
		restBetweenExercises: PROGRAM_DEFAULTS.restBetweenExercises,
		safety: [],
		exercises: []
	};
}

/** A deep copy (programs are plain JSON values). */
export function cloneProgram(program: Program): Program {
	return structuredClone(program);
}

/**
 * The title of a person's copy: "<title> (my version)", in `locale` (the routine's language:
 * "(ma version)" in French), cut to the format's title length.
 */
export function copyTitle(title: string, locale: Locale = BASE_LOCALE): string {
	const suffix = ` (${m.builder_my_version({}, { locale })})`;
	if (title.endsWith(suffix)) return title;
	return `${title.slice(0, PROGRAM_LIMITS.titleLength - suffix.length).trimEnd()}${suffix}`;
}

/**
 * A copy of a program to change: a new id, "(my version)" in its title (in the program's
 * language when Limber speaks it), version 1. The builder copies a routine localized to the
 * interface's language (localizeProgram), so the copy is in the words the person saw.
 */
export function copyProgram(program: Program, takenIds: ReadonlySet<string>): Program {
	const copy = cloneProgram(program);
	copy.id = uniqueId(`${program.id}-my-version`, takenIds);
	copy.title = copyTitle(program.title, localeOf(program.language) ?? BASE_LOCALE);
	copy.version = 1;
	// A copy is the person's own routine, in the language they edit it in: the original's
	// translations (of its title, its exercises) would say something else as soon as it changes.
	delete copy.translations;
	return copy;
}

/**
 * The id a routine is saved under: its own when it is already stored (editing in place), else
 * one made from its title that no built-in or stored program has.
 */
export function idForSaving(
	program: Program,
	stored: boolean,
	takenIds: ReadonlySet<string>
): string {
	return stored ? program.id : uniqueId(program.title, takenIds);
}

/** The program as saved: the given id, and one more than the stored version when there is one. */
export function forSaving(program: Program, id: string, storedVersion?: number): Program {
	// Translations that no longer fit the edited routine are dropped (see fitTranslations).
	return { ...fitTranslations(cloneProgram(program)), id, version: (storedVersion ?? 0) + 1 };
}

const exerciseIds = (program: Program) => new Set(program.exercises.map((exercise) => exercise.id));

/** Adds an exercise at the end, with an id no other exercise of the program has. */
export function addExercise(program: Program, exercise: Exercise): Program {
	const added = {
		...structuredClone(exercise),
		id: uniqueId(exercise.id, exerciseIds(program), 'exercise')
	};
	return { ...program, exercises: [...program.exercises, added] };
}

/** Adds an exercise of the catalogue, with the dose of the first program that uses it. */
export function addCatalogueExercise(program: Program, entry: CatalogueEntry): Program {
	return addExercise(program, exerciseFromEntry(entry));
}

/** What a person writes for an exercise of their own. */
export interface CustomExerciseInput {
	name: string;
	/** One step per line; empty lines are left out. */
	steps: string;
	/** One caution per line; empty lines are left out. */
	cautions: string;
	/** One of the catalogue's pictures, or none. */
	image?: string;
	imageAlt?: string;
}

/** The lines of a text box, trimmed, without empty ones. */
export function linesOf(text: string): string[] {
	return text
		.split(/\r\n|\r|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/** An exercise of a person's own, done at their own pace 10 times until they set a dose. */
export function customExercise(input: CustomExerciseInput): Exercise {
	const exercise: Exercise = {
		id: slugify(input.name) || 'exercise',
		name: input.name.trim(),
		instructions: linesOf(input.steps),
		cautions: linesOf(input.cautions),
		sets: PROGRAM_DEFAULTS.sets,
		reps: DOSE_STARTS.reps,
		sides: PROGRAM_DEFAULTS.sides,
		restBetweenReps: PROGRAM_DEFAULTS.restBetweenReps,
		restBetweenSets: PROGRAM_DEFAULTS.restBetweenSets
	};
	if (input.image) {
		exercise.image = input.image;
		if (input.imageAlt) exercise['x-image-alt'] = input.imageAlt;
	}
	return exercise;
}

/** Moves the exercise at `from` to `to` (both clamped to the list). */
export function moveExercise(program: Program, from: number, to: number): Program {
	const exercises = [...program.exercises];
	const last = exercises.length - 1;
	const source = Math.max(0, Math.min(from, last));
	const target = Math.max(0, Math.min(to, last));
	if (source === target || exercises.length < 2) return program;
	const [moved] = exercises.splice(source, 1);
	if (moved) exercises.splice(target, 0, moved);
	return { ...program, exercises };
}

/** One removed exercise and where it was, for Undo. */
export interface Removed {
	exercise: Exercise;
	index: number;
}

/** Removes the exercise at `index`; returns the program and what Undo needs. */
export function removeExercise(
	program: Program,
	index: number
): { program: Program; removed: Removed | null } {
	const exercise = program.exercises[index];
	if (!exercise) return { program, removed: null };
	return {
		program: { ...program, exercises: program.exercises.filter((_, i) => i !== index) },
		removed: { exercise, index }
	};
}

/** Puts a removed exercise back where it was (with a fresh id if that one was taken since). */
export function restoreExercise(program: Program, removed: Removed): Program {
	const exercise = {
		...removed.exercise,
		id: uniqueId(removed.exercise.id, exerciseIds(program), 'exercise')
	};
	const exercises = [...program.exercises];
	exercises.splice(Math.min(removed.index, exercises.length), 0, exercise);
	return { ...program, exercises };
}

/** A copy of the exercise at `index`, right after it, with an id of its own. */
export function duplicateExercise(program: Program, index: number): Program {
	const exercise = program.exercises[index];
	if (!exercise) return program;
	const copy = {
		...structuredClone(exercise),
		id: uniqueId(exercise.id, exerciseIds(program), 'exercise')
	};
	const exercises = [...program.exercises];
	exercises.splice(index + 1, 0, copy);
	return { ...program, exercises };
}

/** The four dose forms in the order the builder offers them. */
export const DOSE_FORM_ORDER: readonly DoseForm[] = ['hold', 'phases', 'selfPaced', 'duration'];

/** A dose form's plain-words name, in `locale`. */
export function doseFormLabel(form: DoseForm, locale: Locale = BASE_LOCALE): string {
	const options = { locale };
	switch (form) {
		case 'hold':
			return m.builder_form_hold({}, options);
		case 'phases':
			return m.builder_form_phases({}, options);
		case 'selfPaced':
			return m.builder_form_self_paced({}, options);
		case 'duration':
			return m.builder_form_duration({}, options);
	}
}

/** The four dose forms in the order the builder offers them, with their names in `locale`. */
export function doseForms(locale: Locale = BASE_LOCALE): { form: DoseForm; label: string }[] {
	return DOSE_FORM_ORDER.map((form) => ({ form, label: doseFormLabel(form, locale) }));
}

/** One number of a dose, as the builder asks for it. */
export interface DoseFieldSpec {
	field: 'hold' | 'reps' | 'restBetweenReps';
	label: string;
	/** 's' (seconds) or 'times'. */
	unit: 's' | 'times';
	min: number;
	max: number;
}

const reps = (label: string): DoseFieldSpec => ({
	field: 'reps',
	label,
	unit: 'times',
	...PROGRAM_LIMITS.reps
});
const between = (label: string): DoseFieldSpec => ({
	field: 'restBetweenReps',
	label,
	unit: 's',
	...PROGRAM_LIMITS.restSeconds
});

/**
 * The fields of a dose form in plain words (in `locale`), in the order they read: "Hold for __
 * s, __ times, relax __ s between"; "__ times through these steps"; "at my own pace: __ times".
 * (A timed bout is minutes and seconds, asked for apart.)
 */
export function doseFields(
	form: Exclude<DoseForm, 'duration'>,
	locale: Locale = BASE_LOCALE
): DoseFieldSpec[] {
	const options = { locale };
	switch (form) {
		case 'hold':
			return [
				{
					field: 'hold',
					label: m.builder_field_hold_for({}, options),
					unit: 's',
					...PROGRAM_LIMITS.hold
				},
				reps(m.builder_field_times({}, options)),
				between(m.builder_field_relax_between({}, options))
			];
		case 'phases':
			return [
				reps(m.builder_field_times_through({}, options)),
				between(m.builder_field_rest_between({}, options))
			];
		case 'selfPaced':
			return [reps(m.builder_form_self_paced({}, options))];
	}
}

/**
 * The exercise with another dose form, keeping what it can: a hold starts at 10 s with a 5 s
 * release between reps (when it had none), paced steps at "Move 3 s, Return 3 s" (their cues in
 * `locale`, the routine's language), a timed bout
 * at 1 minute (one bout per set), self-paced reps at the reps it had.
 */
export function withDoseForm(
	exercise: Exercise,
	form: DoseForm,
	locale: Locale = BASE_LOCALE
): Exercise {
	if (doseForm(exercise) === form) return exercise;
	const next: Exercise = { ...exercise };
	const fromDuration = next.duration !== undefined;
	delete next.hold;
	delete next.phases;
	delete next.duration;
	if (fromDuration && form !== 'duration') next.reps = DOSE_STARTS.reps;
	switch (form) {
		case 'hold':
			next.hold = DOSE_STARTS.hold;
			if (next.restBetweenReps === 0) next.restBetweenReps = DEFAULT_RELEASE_SECONDS;
			break;
		case 'phases':
			next.phases = startPhases(locale);
			break;
		case 'duration':
			next.duration = DOSE_STARTS.duration;
			next.reps = 1;
			break;
		case 'selfPaced':
			break;
	}
	fitProgress(next);
	return next;
}

/** The exercise with a new list of paced steps. */
export function withPhases(exercise: Exercise, phases: Phase[]): Exercise {
	return { ...exercise, phases };
}

/**
 * The problems to show beside one field: those at its path, and for a list field (steps,
 * cautions, phases, safety notes) those inside it too.
 */
export function problemsAt(problems: readonly Problem[], path: string, list = false): Problem[] {
	return problems.filter(
		(problem) =>
			problem.path === path ||
			(list && (problem.path.startsWith(`${path}[`) || problem.path.startsWith(`${path}.`)))
	);
}

/** Whether a text is close enough to its limit for the builder to show the count (80 %). */
export function nearLimit(text: string, limit: number): boolean {
	return text.length >= Math.floor(limit * 0.8);
}
