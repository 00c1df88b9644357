// The program format, version 1, as one valibot schema: the single source of the validator
// (validate.ts), the JSON Schema for editors (json-schema.ts → static/program.schema.json) and,
// through the compile-time checks at the end of this file, the types in types.ts.
//
// What the schema alone cannot say lives in validate.ts: unknown keys (every object here is a
// looseObject so that `x-` keys survive; validate.ts rejects the other unknown keys by walking
// this schema), forbidden keys (`__proto__`, `constructor`, `prototype`), duplicate exercise ids,
// reserved program ids, "at most one dose form", `duration` with reps > 1, the progression rules
// and the 4-hour limit.
// The JSON Schema repeats the simple cross-field rules (dose forms, duration vs reps) through
// metadata so that editors flag them too.
//
// Translations (format notes). A program may carry `translations`: its texts in other languages,
// by language tag (TRANSLATION_TAG_PATTERN, at most 20), each with any of the program's texts and
// exercise texts under the exercise's id. The schema checks each text's type and length; validate.ts
// checks them against the program (exercise ids, the same number of list entries, no translation
// of a text the program does not have) and advice.ts notes texts left untranslated.
// localizeProgram() in localize.ts makes the program in one language.
//
// Progression (format notes). A program may carry `progression: { levels, sessionsToAdvance }`:
// `levels` (2–20) is how many dose levels exist, `sessionsToAdvance` (1–10, default 2) how many
// completed sessions at a level are needed before the app offers the next one. An exercise may
// carry `progress: { reps?, hold?, duration? }`: what each level above 1 adds to the dose as
// written (level 1 is the dose exactly as written; level n adds (n − 1) × progress). Rules:
// `progress` only in programs with `progression`; `progress.hold` only with a `hold` dose;
// `progress.duration` only with a `duration` dose; `progress.reps` never with `duration`; at
// the highest level every dose must still be within the bounds below and the whole program
// within 4 hours. applyLevel() in progression.ts computes the raised program.
import * as v from 'valibot';
import { describe } from '../validation/problems';
import { RESERVED_PROGRAM_IDS, SLUG_PATTERN } from './program-ids';
import type {
	Exercise,
	ExerciseProgress,
	ExerciseTranslation,
	Phase,
	Program,
	ProgramTranslation,
	Progression,
	Schedule,
	SideNames,
	Sides
} from './types';

/** Every bound of the format in one place (lengths in characters, times in seconds). */
export const PROGRAM_LIMITS = {
	idLength: 64,
	titleLength: 80,
	summaryLength: 300,
	languageLength: 35,
	timesPerDay: { min: 1, max: 10 },
	daysPerWeek: { min: 1, max: 7 },
	prepareSeconds: { min: 0, max: 60 },
	restSeconds: { min: 0, max: 600 },
	safetyItems: 10,
	safetyLength: 300,
	exercises: { min: 1, max: 50 },
	nameLength: 80,
	instructions: { min: 1, max: 12 },
	instructionLength: 200,
	cautions: 6,
	cautionLength: 200,
	imageLength: 200,
	images: { min: 1, max: 6 },
	guideCueLength: 80,
	sideNameLength: 40,
	sets: { min: 1, max: 20 },
	reps: { min: 1, max: 200 },
	hold: { min: 1, max: 3600 },
	phases: { min: 1, max: 8 },
	cueLength: 40,
	phaseSeconds: { min: 1, max: 600 },
	duration: { min: 1, max: 7200 },
	levels: { min: 2, max: 20 },
	sessionsToAdvance: { min: 1, max: 10 },
	progressReps: { min: 0, max: 20 },
	progressHold: { min: 0, max: 60 },
	progressDuration: { min: 0, max: 600 },
	translations: 20,
	imageAltLength: 300
} as const;

/** The defaults filled in by validation when a field is left out. */
export const PROGRAM_DEFAULTS = {
	version: 1,
	language: 'en',
	timesPerDay: 1,
	daysPerWeek: 7,
	prepareSeconds: 5,
	restBetweenExercises: 15,
	sessionsToAdvance: 2,
	sets: 1,
	reps: 1,
	sides: 'none',
	restBetweenReps: 0,
	restBetweenSets: 30
} as const;

/** A simple BCP 47 shape: a 2–3 letter language, then subtags of 1–8 letters or digits. */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The tag a translation is filed under: a BCP 47 tag in its usual spelling, so that one language
 * has one spelling: the language in 2–3 lower-case letters, then optionally a script (four
 * letters, the first a capital: "zh-Hant") and a region (two capitals or three digits: "pt-BR",
 * "es-419").
 */
export const TRANSLATION_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

/** A tag in the usual spelling of TRANSLATION_TAG_PATTERN ("pt_br" → "pt-BR"), or null. */
export function canonicalTranslationTag(tag: string): string | null {
	if (tag.length > 20) return null;
	const parts = tag.split(/[-_]/);
	const spelled = parts.map((part, index) => {
		if (index === 0) return part.toLowerCase();
		if (part.length === 4) return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
		return part.toUpperCase();
	});
	const canonical = spelled.join('-');
	return TRANSLATION_TAG_PATTERN.test(canonical) ? canonical : null;
}

/**
 * A relative path inside the app's static files, in a plain character set: segments of ASCII
 * letters, digits, "-", "_" and "." separated by single "/", none of them "." or "..". So no
 * scheme, no leading "/", no backslash, no "?" or "#", no spaces or control characters, and no
 * "%": a percent-encoded path such as "%2e%2e/etc/passwd" would be decoded by the browser into
 * one that leaves the app's files.
 */
export const IMAGE_PATH_PATTERN =
	/^(?!\.{1,2}(?:\/|$))(?!.*\/\.{1,2}(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

// ---------------------------------------------------------------------------------------------
// Message helpers: every message is a plain-words statement of what the value must be, followed
// by what was found, so that a physiotherapist can fix the file without knowing JSON Schema.

type Message = (issue: v.BaseIssue<unknown>) => string;

const not =
	(expectation: string): Message =>
	(issue) =>
		`${expectation}, not ${describe(issue.input)}`;

const lengthOf = (issue: v.BaseIssue<unknown>): number =>
	typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : 0;

function wholeNumber(
	range: { readonly min: number; readonly max: number },
	unit: 'seconds' | null,
	description: string
) {
	const what = unit ? `a whole number of ${unit}` : 'a whole number';
	const message = not(`must be ${what} between ${range.min} and ${range.max}`);
	return v.pipe(
		v.number(message),
		v.integer(message),
		v.minValue(range.min, message),
		v.maxValue(range.max, message),
		v.description(description)
	);
}

function text(min: 0 | 1, max: number, description: string) {
	const type = v.string(not('must be text in double quotes'));
	const tooLong = v.maxLength<string, number, Message>(
		max,
		(issue) => `must be at most ${max} characters long (this one has ${lengthOf(issue)})`
	);
	return min === 0
		? v.pipe(type, tooLong, v.description(description))
		: v.pipe(type, v.minLength(1, 'must not be empty'), tooLong, v.description(description));
}

/** A relative path inside the app's static files (see IMAGE_PATH_PATTERN). */
function imagePath(description: string) {
	return v.pipe(
		v.string(not('must be text in double quotes')),
		v.regex(
			IMAGE_PATH_PATTERN,
			not(
				'must be a path inside the app’s files made of letters, digits, "-", "_", "." ' +
					'and "/", like "illustrations/cat-stretch.svg" (no web address, no leading ' +
					'"/", no ".." or "%")'
			)
		),
		v.maxLength(
			PROGRAM_LIMITS.imageLength,
			(issue: v.BaseIssue<unknown>) =>
				`must be at most ${PROGRAM_LIMITS.imageLength} characters long (this one has ${lengthOf(issue)})`
		),
		v.description(description)
	);
}

function slug(description: string) {
	return v.pipe(
		v.string(not('must be text in double quotes')),
		v.regex(
			SLUG_PATTERN,
			not('must be an id of lowercase letters a–z, digits and single hyphens, like "cat-stretch"')
		),
		v.maxLength(
			PROGRAM_LIMITS.idLength,
			(issue: v.BaseIssue<unknown>) =>
				`must be at most ${PROGRAM_LIMITS.idLength} characters long (this one has ${lengthOf(issue)})`
		),
		v.description(description)
	);
}

function list<TItem extends v.GenericSchema>(
	item: TItem,
	range: { readonly min: number; readonly max: number },
	noun: { one: string; many: string },
	description: string
) {
	type Items = v.InferOutput<TItem>[];
	const count = (n: number) => `${n} ${n === 1 ? noun.one : noun.many}`;
	const type = v.array(item, not(`must be a list in square brackets [ … ] of ${noun.many}`));
	const tooMany = v.maxLength<Items, number, Message>(
		range.max,
		(issue) => `must have at most ${count(range.max)} (this one has ${lengthOf(issue)})`
	);
	const tooFew = v.minLength<Items, number, string>(
		range.min,
		`must have at least ${count(range.min)}`
	);
	return range.min === 0
		? v.pipe(type, tooMany, v.description(description))
		: v.pipe(type, tooFew, tooMany, v.description(description));
}

/**
 * An object whose unknown keys are kept (so `x-` keys survive; validate.ts rejects the rest) and
 * whose JSON Schema is closed except for `x-` keys.
 */
function extensibleObject<TEntries extends v.ObjectEntries>(
	entries: TEntries,
	noun: string,
	title: string,
	description: string,
	extraJsonSchema: Record<string, unknown> = {}
) {
	return v.pipe(
		v.looseObject(entries, (issue) =>
			issue.input === undefined && issue.expected.startsWith('"')
				? 'is missing (it is required)'
				: `must be ${noun} in curly braces { … }, not ${describe(issue.input)}`
		),
		v.metadata({
			title,
			description,
			additionalProperties: false,
			patternProperties: {
				'^x-': { description: 'Extension: kept and ignored by the app.' }
			},
			...extraJsonSchema
		})
	);
}

// ---------------------------------------------------------------------------------------------
// The schema.

/** One phase of a paced rep: the cue spoken at its start and how long it lasts. */
export const PhaseSchema = extensibleObject(
	{
		cue: text(0, PROGRAM_LIMITS.cueLength, 'Spoken and shown when the phase starts.'),
		seconds: wholeNumber(PROGRAM_LIMITS.phaseSeconds, 'seconds', 'How long the phase lasts.'),
		image: v.optional(
			imagePath(
				'The pose the picture moves to during this phase (default: the first phase moves to the last of "images", the last phase back to the first).'
			)
		)
	},
	'a phase',
	'Phase',
	'One phase of a paced rep, e.g. { "cue": "Breathe in", "seconds": 5 }.'
);

/** The prescription that adherence is measured against. */
export const ScheduleSchema = extensibleObject(
	{
		timesPerDay: v.optional(
			wholeNumber(PROGRAM_LIMITS.timesPerDay, null, 'Sessions per day.'),
			PROGRAM_DEFAULTS.timesPerDay
		),
		daysPerWeek: v.optional(
			wholeNumber(PROGRAM_LIMITS.daysPerWeek, null, 'Days per week.'),
			PROGRAM_DEFAULTS.daysPerWeek
		)
	},
	'a schedule',
	'Schedule',
	'How often the program is prescribed, e.g. { "timesPerDay": 2, "daysPerWeek": 7 }.'
);

/** What each level above 1 adds to an exercise's dose (progression). */
export const ProgressSchema = extensibleObject(
	{
		reps: v.optional(
			wholeNumber(PROGRAM_LIMITS.progressReps, null, 'Reps added per level above 1.')
		),
		hold: v.optional(
			wholeNumber(PROGRAM_LIMITS.progressHold, 'seconds', 'Hold seconds added per level above 1.')
		),
		duration: v.optional(
			wholeNumber(
				PROGRAM_LIMITS.progressDuration,
				'seconds',
				'Duration seconds added per level above 1.'
			)
		)
	},
	'a progress object',
	'Progress per level',
	'What each level above 1 adds to this exercise’s dose. Needs "progression" on the program.'
);

/** Program-level progression: how many dose levels and when to offer the next. */
export const ProgressionSchema = extensibleObject(
	{
		levels: wholeNumber(PROGRAM_LIMITS.levels, null, 'How many dose levels there are.'),
		sessionsToAdvance: v.optional(
			wholeNumber(
				PROGRAM_LIMITS.sessionsToAdvance,
				null,
				'Completed sessions at a level before the next level is offered.'
			),
			PROGRAM_DEFAULTS.sessionsToAdvance
		)
	},
	'a progression object',
	'Progression',
	'Optional dose levels; level 1 is the program as written.'
);

const SIDES = ['none', 'each', 'alternate'] as const;

/** What "left" and "right" mean for an exercise with sides, in the words shown and spoken. */
export const SideNamesSchema = extensibleObject(
	{
		left: text(
			1,
			PROGRAM_LIMITS.sideNameLength,
			'Shown and said for the left side, e.g. "Left arm reaches".'
		),
		right: text(
			1,
			PROGRAM_LIMITS.sideNameLength,
			'Shown and said for the right side, e.g. "Right arm reaches".'
		)
	},
	'a pair of side names',
	'Side names',
	'What each side means, e.g. { "left": "Left arm reaches", "right": "Right arm reaches" }.'
);

/** One exercise: what to do and its dose. */
export const ExerciseSchema = extensibleObject(
	{
		id: slug('Stable id, unique within the program, e.g. "cat-stretch".'),
		name: text(1, PROGRAM_LIMITS.nameLength, 'Heading while it plays; spoken as a cue.'),
		instructions: list(
			text(0, PROGRAM_LIMITS.instructionLength, 'One step.'),
			PROGRAM_LIMITS.instructions,
			{ one: 'instruction', many: 'instructions' },
			'The steps, shown as a numbered list.'
		),
		cautions: v.optional(
			list(
				text(0, PROGRAM_LIMITS.cautionLength, 'One caution.'),
				{ min: 0, max: PROGRAM_LIMITS.cautions },
				{ one: 'caution', many: 'cautions' },
				'When to stop or ease off.'
			),
			() => []
		),
		image: v.optional(
			imagePath('Still picture for the routine’s page: a path relative to the app’s static files.')
		),
		images: v.optional(
			list(
				imagePath('One pose.'),
				PROGRAM_LIMITS.images,
				{ one: 'image', many: 'images' },
				'Poses the player moves between: the first is the starting position, the last the end ' +
					'position (the held pose). Drawn for the left side; mirrored for the right.'
			)
		),
		startCue: v.optional(
			text(
				1,
				PROGRAM_LIMITS.guideCueLength,
				'Said during get-ready after the name: the starting position in a few words, e.g. "Lie on your back, knees bent".'
			)
		),
		holdCue: v.optional(
			text(
				1,
				PROGRAM_LIMITS.guideCueLength,
				'Shown and said when a hold, timed bout or self-paced set starts: the action, e.g. "Lift your hips and hold".'
			)
		),
		releaseCue: v.optional(
			text(
				1,
				PROGRAM_LIMITS.guideCueLength,
				'Shown and said when a hold or timed bout ends, e.g. "Lower slowly".'
			)
		),
		sideNames: v.optional(SideNamesSchema),
		sets: v.optional(wholeNumber(PROGRAM_LIMITS.sets, null, 'Sets.'), PROGRAM_DEFAULTS.sets),
		reps: v.optional(
			wholeNumber(PROGRAM_LIMITS.reps, null, 'Reps per set (per side when sides is not "none").'),
			PROGRAM_DEFAULTS.reps
		),
		sides: v.optional(
			v.pipe(
				v.picklist(SIDES, not('must be "none", "each" or "alternate"')),
				v.description(
					'"each": all reps left, then all right; "alternate": left, right, left, right …'
				)
			),
			PROGRAM_DEFAULTS.sides
		),
		hold: v.optional(
			wholeNumber(PROGRAM_LIMITS.hold, 'seconds', 'Dose form: every rep is a hold this long.')
		),
		phases: v.optional(
			list(
				PhaseSchema,
				PROGRAM_LIMITS.phases,
				{ one: 'phase', many: 'phases' },
				'Dose form: every rep is paced through these phases.'
			)
		),
		duration: v.optional(
			wholeNumber(PROGRAM_LIMITS.duration, 'seconds', 'Dose form: one timed bout per set.')
		),
		restBetweenReps: v.optional(
			wholeNumber(PROGRAM_LIMITS.restSeconds, 'seconds', 'Rest after each rep but the last.'),
			PROGRAM_DEFAULTS.restBetweenReps
		),
		restBetweenSets: v.optional(
			wholeNumber(PROGRAM_LIMITS.restSeconds, 'seconds', 'Rest between sets.'),
			PROGRAM_DEFAULTS.restBetweenSets
		),
		restAfter: v.optional(
			wholeNumber(
				PROGRAM_LIMITS.restSeconds,
				'seconds',
				'Rest after this exercise; overrides the program’s restBetweenExercises.'
			)
		),
		progress: v.optional(ProgressSchema)
	},
	'an exercise',
	'Exercise',
	'One exercise. Give at most one of hold, phases or duration; with none the reps are self-paced.',
	{
		// The simple cross-field rules, for editors (validate.ts checks them with better messages).
		not: {
			description: 'At most one of hold, phases and duration.',
			anyOf: [
				{ required: ['hold', 'phases'] },
				{ required: ['hold', 'duration'] },
				{ required: ['phases', 'duration'] }
			]
		},
		if: { required: ['duration'] },
		then: { properties: { reps: { const: 1 } } }
	}
);

/** An exercise's texts in another language (see TranslationSchema). */
export const ExerciseTranslationSchema = extensibleObject(
	{
		name: v.optional(text(1, PROGRAM_LIMITS.nameLength, 'The exercise’s "name".')),
		instructions: v.optional(
			list(
				text(0, PROGRAM_LIMITS.instructionLength, 'One step.'),
				PROGRAM_LIMITS.instructions,
				{ one: 'instruction', many: 'instructions' },
				'The exercise’s "instructions", as many and in the same order.'
			)
		),
		cautions: v.optional(
			list(
				text(0, PROGRAM_LIMITS.cautionLength, 'One caution.'),
				{ min: 0, max: PROGRAM_LIMITS.cautions },
				{ one: 'caution', many: 'cautions' },
				'The exercise’s "cautions", as many and in the same order.'
			)
		),
		startCue: v.optional(text(1, PROGRAM_LIMITS.guideCueLength, 'The exercise’s "startCue".')),
		holdCue: v.optional(text(1, PROGRAM_LIMITS.guideCueLength, 'The exercise’s "holdCue".')),
		releaseCue: v.optional(text(1, PROGRAM_LIMITS.guideCueLength, 'The exercise’s "releaseCue".')),
		sideNames: v.optional(SideNamesSchema),
		phases: v.optional(
			list(
				text(0, PROGRAM_LIMITS.cueLength, 'The cue of the phase in the same place.'),
				PROGRAM_LIMITS.phases,
				{ one: 'cue', many: 'cues' },
				'The "cue" of each of the exercise’s "phases", as many and in the same order.'
			)
		),
		'x-image-alt': v.optional(
			text(1, PROGRAM_LIMITS.imageAltLength, 'The exercise’s "x-image-alt" (the picture’s text).')
		)
	},
	'an exercise’s translation',
	'Exercise translation',
	'The texts of the exercise with this id, in the translation’s language; a text left out is shown as written in the exercise.'
);

/** The program's texts in another language: any of them; the rest show as written. */
export const TranslationSchema = extensibleObject(
	{
		title: v.optional(text(1, PROGRAM_LIMITS.titleLength, 'The program’s "title".')),
		summary: v.optional(text(0, PROGRAM_LIMITS.summaryLength, 'The program’s "summary".')),
		safety: v.optional(
			list(
				text(0, PROGRAM_LIMITS.safetyLength, 'One safety note.'),
				{ min: 0, max: PROGRAM_LIMITS.safetyItems },
				{ one: 'safety note', many: 'safety notes' },
				'The program’s "safety" notes, as many and in the same order.'
			)
		),
		exercises: v.optional(
			v.pipe(
				v.record(
					// Any key here: one that is not an exercise id of the program is reported by
					// validate.ts with a suggestion; the JSON Schema asks for an id's shape.
					v.pipe(
						v.string(),
						v.metadata({ pattern: SLUG_PATTERN.source, maxLength: PROGRAM_LIMITS.idLength })
					),
					ExerciseTranslationSchema,
					not('must be an object in curly braces { … } with a translation for each exercise id')
				),
				v.description(
					'Translations of exercises, each under the id of an exercise of this program, e.g. { "cat-stretch": { "name": "Katzenbuckel" } }.'
				)
			)
		)
	},
	'a translation',
	'Translation',
	'The program’s texts in one language. Give any of them; a text left out is shown as written.'
);

/** The message for a translation filed under something that is not a tag. */
const tagMessage: Message = (issue) => {
	const key = typeof issue.input === 'string' ? issue.input : '';
	const canonical = canonicalTranslationTag(key);
	return (
		'is not a language tag: name each translation by a tag like "de", "pt-BR" or "zh-Hant" ' +
		'(the language in 2 or 3 lower-case letters, then optionally a script and a region)' +
		(canonical ? `: did you mean "${canonical}"?` : '')
	);
};

/** Translations of the program's texts, by language tag. */
export const TranslationsSchema = v.pipe(
	v.record(
		v.pipe(v.string(tagMessage), v.regex(TRANSLATION_TAG_PATTERN, tagMessage)),
		TranslationSchema,
		not('must be an object in curly braces { … } with a translation for each language tag')
	),
	v.maxEntries(
		PROGRAM_LIMITS.translations,
		(issue: v.BaseIssue<unknown>) =>
			`must have at most ${PROGRAM_LIMITS.translations} languages (this one has ${Object.keys(issue.input as object).length})`
	),
	v.description(
		'The program’s texts in other languages, each under a language tag such as "de" or "pt-BR", e.g. { "de": { "title": "Sanfter Start" } }. Timing and ids are never translated.'
	)
);

/** A whole program file, format 1. */
export const ProgramSchema = extensibleObject(
	{
		$schema: v.optional(
			v.pipe(
				v.string(not('must be text in double quotes')),
				v.maxLength(2000, 'must be at most 2000 characters long'),
				v.description('Ignored by the app; lets editors find this JSON Schema.')
			)
		),
		format: v.pipe(
			v.literal(1, not('must be 1 (this app reads program format 1)')),
			v.description('The format version of this file: always 1.')
		),
		id: v.pipe(
			slug('Stable identity of the program, e.g. "gentle-start".'),
			// validate.ts refuses these ids with its own message (program-ids.ts).
			v.metadata({ not: { enum: [...RESERVED_PROGRAM_IDS] } })
		),
		version: v.optional(
			v.pipe(
				v.number(not('must be a whole number, 1 or more')),
				v.integer(not('must be a whole number, 1 or more')),
				v.minValue(1, not('must be a whole number, 1 or more')),
				v.maxValue(Number.MAX_SAFE_INTEGER, not('must be a whole number, 1 or more')),
				v.description('The program’s own revision, recorded with every session.')
			),
			PROGRAM_DEFAULTS.version
		),
		title: text(1, PROGRAM_LIMITS.titleLength, 'Shown in the library.'),
		summary: v.optional(text(0, PROGRAM_LIMITS.summaryLength, 'One or two sentences.')),
		language: v.optional(
			v.pipe(
				v.string(not('must be text in double quotes')),
				v.regex(LANGUAGE_PATTERN, not('must be a language tag like "en", "de-DE" or "pt-BR"')),
				v.maxLength(
					PROGRAM_LIMITS.languageLength,
					`must be at most ${PROGRAM_LIMITS.languageLength} characters long`
				),
				v.description('BCP 47 language tag; chooses the speech voice.')
			),
			PROGRAM_DEFAULTS.language
		),
		schedule: v.optional(ScheduleSchema, () => ({
			timesPerDay: PROGRAM_DEFAULTS.timesPerDay,
			daysPerWeek: PROGRAM_DEFAULTS.daysPerWeek
		})),
		prepareSeconds: v.optional(
			wholeNumber(
				PROGRAM_LIMITS.prepareSeconds,
				'seconds',
				'"Get ready" countdown before each exercise and before the second side.'
			),
			PROGRAM_DEFAULTS.prepareSeconds
		),
		restBetweenExercises: v.optional(
			wholeNumber(PROGRAM_LIMITS.restSeconds, 'seconds', 'Rest after each exercise but the last.'),
			PROGRAM_DEFAULTS.restBetweenExercises
		),
		safety: v.optional(
			list(
				text(0, PROGRAM_LIMITS.safetyLength, 'One safety note.'),
				{ min: 0, max: PROGRAM_LIMITS.safetyItems },
				{ one: 'safety note', many: 'safety notes' },
				'Shown before the first exercise.'
			),
			() => []
		),
		exercises: list(
			ExerciseSchema,
			PROGRAM_LIMITS.exercises,
			{ one: 'exercise', many: 'exercises' },
			'Played in this order.'
		),
		progression: v.optional(ProgressionSchema),
		translations: v.optional(TranslationsSchema)
	},
	'a program',
	'Limber exercise program (format 1)',
	'A home-exercise program for the Limber player. Guide: programs/README.md in the app’s repository.'
);

/** The program as validation returns it (defaults filled in), inferred from the schema. */
export type SchemaProgram = v.InferOutput<typeof ProgramSchema>;

// ---------------------------------------------------------------------------------------------
// Compile-time checks: the hand-written types in types.ts (the contract other modules import)
// and the types inferred from this schema must describe the same data, both ways. Index
// signatures (`x-` keys) are left out of the comparison; everything else must match.

type Known<T> = T extends readonly (infer I)[]
	? Known<I>[]
	: T extends object
		? {
				[K in keyof T as string extends K ? never : K extends `x-${string}` ? never : K]: Known<
					T[K]
				>;
			}
		: T;

type Assignable<A, B> = [A] extends [B] ? true : false;
/** Both ways assignable and the same keys (assignability alone lets an optional key go missing). */
type Same<A, B> = [Assignable<Known<A>, Known<B>>, Assignable<Known<B>, Known<A>>] extends [
	true,
	true
]
	? Assignable<keyof Known<A>, keyof Known<B>> extends true
		? Assignable<keyof Known<B>, keyof Known<A>>
		: false
	: false;
type Check<T extends true> = T;

type SchemaExercise = SchemaProgram['exercises'][number];
type SchemaTranslation = NonNullable<SchemaProgram['translations']>[string];

export type SchemaTypeChecks = [
	Check<Same<SchemaProgram, Program>>,
	Check<Same<SchemaExercise, Exercise>>,
	Check<Same<NonNullable<SchemaExercise['phases']>[number], Phase>>,
	Check<Same<SchemaProgram['schedule'], Schedule>>,
	Check<Same<NonNullable<SchemaProgram['progression']>, Progression>>,
	Check<Same<NonNullable<SchemaExercise['progress']>, ExerciseProgress>>,
	Check<Same<SchemaExercise['sides'], Sides>>,
	Check<Same<NonNullable<SchemaExercise['sideNames']>, SideNames>>,
	Check<Same<SchemaTranslation, ProgramTranslation>>,
	Check<Same<NonNullable<SchemaTranslation['exercises']>[string], ExerciseTranslation>>
];
