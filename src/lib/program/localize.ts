// A program in one language: which of its languages suits a person best, and the program with
// that language's texts. The player, the cues and the display read a plain Program, so
// localizing before play is all they need; the timeline and every id stay as they are.
//
// Tags are compared without regard to case ("pt-br" is "pt-BR"). The program's own `language`
// is one of its languages like the translations' tags, and wins over a translation filed under
// the same tag (advice.ts notes such a translation as never used).
import type { Exercise, ExerciseTranslation, Program, ProgramTranslation } from './types';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The primary language subtag of a tag, lower-case: "pt-BR" → "pt". */
const primary = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/**
 * What a library card needs of a program's translations: the title and summary in each language,
 * by primary tag ("de-AT" → "de"), from the translation the routine's page would choose for that
 * language (bestTranslation: "de" before "de-AT"), leaving out the program's own texts.
 */
export function cardTranslations(
	program: Program
): Record<string, { title?: string; summary?: string }> | undefined {
	const cards: Record<string, { title?: string; summary?: string }> = {};
	const translations = program.translations ?? {};
	for (const language of new Set(Object.keys(translations).map(primary))) {
		// The translation the routine's page and the player would choose for this language.
		const tag = bestTranslation(program, [language]);
		if (primary(tag) !== language || tag === program.language) continue;
		const texts = translations[tag];
		if (!texts || (texts.title === undefined && texts.summary === undefined)) continue;
		cards[language] = {
			...(texts.title !== undefined ? { title: texts.title } : {}),
			...(texts.summary !== undefined ? { summary: texts.summary } : {})
		};
	}
	return Object.keys(cards).length > 0 ? cards : undefined;
}

/** The program's languages: its own `language` first, then its translations' tags in order. */
export function programLanguages(program: Program): string[] {
	const languages = [program.language];
	for (const tag of Object.keys(program.translations ?? {})) {
		if (!languages.some((known) => same(known, tag))) languages.push(tag);
	}
	return languages;
}

/**
 * The program language that best suits a person who wants `wanted` (most preferred first, like
 * `navigator.languages`): for each wanted tag in turn, a language with that exact tag, else one
 * with the same primary language (the bare one, "de", before regional ones, "de-AT"). With no
 * match at all, the program's own language. Returns the tag as the program spells it.
 */
export function bestTranslation(program: Program, wanted: readonly string[]): string {
	const languages = programLanguages(program);
	for (const tag of wanted) {
		if (typeof tag !== 'string' || tag === '') continue;
		const exact = languages.find((language) => same(language, tag));
		if (exact) return exact;
		const base = primary(tag);
		if (base === '' || base === '*') continue;
		const bare = languages.find((language) => same(language, base));
		if (bare) return bare;
		const related = languages.find((language) => primary(language) === base);
		if (related) return related;
	}
	return program.language;
}

function localizeExercise(exercise: Exercise, texts: ExerciseTranslation | undefined): Exercise {
	if (!texts) return exercise;
	const out: Exercise = { ...exercise };
	if (texts.name !== undefined) out.name = texts.name;
	if (texts.instructions !== undefined) out.instructions = [...texts.instructions];
	if (texts.cautions !== undefined) out.cautions = [...texts.cautions];
	if (texts.startCue !== undefined) out.startCue = texts.startCue;
	if (texts.holdCue !== undefined) out.holdCue = texts.holdCue;
	if (texts.releaseCue !== undefined) out.releaseCue = texts.releaseCue;
	if (texts.sideNames !== undefined) out.sideNames = { ...texts.sideNames };
	if (texts['x-image-alt'] !== undefined) out['x-image-alt'] = texts['x-image-alt'];
	const cues = texts.phases;
	if (cues !== undefined && exercise.phases) {
		out.phases = exercise.phases.map((phase, index) =>
			cues[index] === undefined ? phase : { ...phase, cue: cues[index] }
		);
	}
	return out;
}

/**
 * The program in the language that best suits `locale` (see bestTranslation): each text is the
 * translation's where it gives one and the program's own elsewhere; `language` is the chosen tag;
 * timing, ids and everything else are unchanged. The result has no `translations`, so it is a
 * program in one language that localizing again cannot mix up. The input is left untouched.
 */
export function localizeProgram(program: Program, locale: string): Program {
	const tag = bestTranslation(program, [locale]);
	const { translations, ...rest } = program;
	const base: Program = { ...rest, language: tag };
	if (same(tag, program.language) || !translations) return base;
	const key = Object.keys(translations).find((candidate) => same(candidate, tag));
	const translation: ProgramTranslation | undefined =
		key === undefined ? undefined : translations[key];
	if (!translation) return base;
	const exercises = translation.exercises ?? {};
	return {
		...base,
		title: translation.title ?? program.title,
		...(translation.summary !== undefined ? { summary: translation.summary } : {}),
		safety: translation.safety ? [...translation.safety] : program.safety,
		exercises: program.exercises.map((exercise) =>
			localizeExercise(
				exercise,
				hasOwn(exercises, exercise.id) ? exercises[exercise.id] : undefined
			)
		)
	};
}

/** A translated list, kept only while it still has as many entries as the original. */
function fitList(translated: string[] | undefined, original: readonly unknown[] | undefined) {
	return translated && original && translated.length === original.length && original.length > 0
		? translated
		: undefined;
}

function fitExercise(
	translated: ExerciseTranslation,
	exercise: Exercise
): ExerciseTranslation | null {
	const fitted: ExerciseTranslation = {};
	for (const [key, value] of Object.entries(translated)) {
		if (key.startsWith('x-') && key !== 'x-image-alt') fitted[key as `x-${string}`] = value;
	}
	if (translated.name !== undefined) fitted.name = translated.name;
	const instructions = fitList(translated.instructions, exercise.instructions);
	if (instructions) fitted.instructions = instructions;
	const cautions = fitList(translated.cautions, exercise.cautions);
	if (cautions) fitted.cautions = cautions;
	const phases = fitList(translated.phases, exercise.phases);
	if (phases) fitted.phases = phases;
	for (const key of ['startCue', 'holdCue', 'releaseCue', 'x-image-alt'] as const) {
		if (translated[key] !== undefined && exercise[key] !== undefined) fitted[key] = translated[key];
	}
	if (translated.sideNames && exercise.sideNames) fitted.sideNames = translated.sideNames;
	return Object.keys(fitted).length > 0 ? fitted : null;
}

/**
 * The program with only the translated texts that still fit it, for a routine edited in the
 * builder: translations of exercises it no longer has, lists whose length changed and texts
 * whose original is gone are dropped (they would be refused, and the builder cannot show or fix
 * them); what is left falls back to the program's own words. Languages left empty go too.
 */
export function fitTranslations(program: Program): Program {
	if (!program.translations) return program;
	const byId = new Map(program.exercises.map((exercise) => [exercise.id, exercise]));
	const translations: Record<string, ProgramTranslation> = {};
	for (const [tag, translation] of Object.entries(program.translations)) {
		const fitted: ProgramTranslation = {};
		for (const [key, value] of Object.entries(translation)) {
			if (key.startsWith('x-')) fitted[key as `x-${string}`] = value;
		}
		if (translation.title !== undefined) fitted.title = translation.title;
		if (translation.summary !== undefined && program.summary !== undefined) {
			fitted.summary = translation.summary;
		}
		const safety = fitList(translation.safety, program.safety);
		if (safety) fitted.safety = safety;
		const exercises: Record<string, ExerciseTranslation> = {};
		for (const [id, exercise] of Object.entries(translation.exercises ?? {})) {
			const original = byId.get(id);
			const kept = original ? fitExercise(exercise, original) : null;
			if (kept) exercises[id] = kept;
		}
		if (Object.keys(exercises).length > 0) fitted.exercises = exercises;
		if (Object.keys(fitted).length > 0) translations[tag] = fitted;
	}
	const { translations: _dropped, ...rest } = program;
	return Object.keys(translations).length > 0 ? { ...rest, translations } : rest;
}
