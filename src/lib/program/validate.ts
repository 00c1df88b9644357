// Program validation: unknown input → a Program with every default filled in (and its advice,
// advice.ts), or the problems found, each as { path, message } (path like `exercises[2].hold`;
// problems about the whole file use the path "(root)"). Never throws. At most MAX_PROBLEMS
// problems are listed and the rest counted (`more`).
//
// Four passes, all of them run so that one mistake does not hide another:
// 1. snapshot: a defensive copy of the input as plain JSON data. It reads each value once, so a
//    Proxy or an odd prototype cannot change answers between passes; it drops and reports the
//    keys `__proto__`, `constructor` and `prototype`, values that are not JSON (functions,
//    symbols, bigints), cycles, nesting deeper than MAX_DEPTH and lists or objects too large to
//    be part of a program.
// 2. structure, walking the schema and the copy together: every key that is not in the schema
//    and does not start with "x-" (with a suggestion when it looks like a typo), and every list
//    of the format that is longer than the format allows, which is reported once and cut to
//    that length in the copy (its extra items must go anyway).
// 3. the valibot schema (schema.ts): types, bounds, required fields, defaults.
// 4. rules across fields: one dose form, duration vs reps, unique exercise ids, progression,
//    reserved program ids (program-ids.ts), translations against the program (exercise ids,
//    list lengths, no translation of a text the program lacks); and, once everything else is
//    valid, the dose bounds at the highest progression level and the 4-hour limit.
//
// Linear in the size of the input, whatever it holds, and the schema's own work is bounded by
// the format's limits (pass 2 cuts the lists first). A problem is matched against the paths that
// silence the schema's reports through a trie (one step per path segment); typo suggestions are
// looked for only for the first MAX_SUGGESTIONS unknown keys, each against the format's few dozen
// field names; problems are grouped without a sort and only the listed ones are written out.
// `npm run bench -- validator` times the worst inputs.
import * as v from 'valibot';
import { adviseProgram } from './advice';
import { programTotalMs } from './dose-length';
import { formatDuration } from './duration-text';
import { findJsonSyntaxError } from './json-syntax';
import {
	formatPath,
	formatProblem,
	isRecord,
	MAX_PROBLEMS,
	ROOT_PATH,
	type Segment
} from '../validation/problems';
import { problemsFromIssues } from '../validation/schemas';
import { isReservedProgramId } from './program-ids';
import { reservedIdMessage } from './id-rules';
import { applyLevel, maxLevel } from './progression';
import {
	ExerciseSchema,
	PhaseSchema,
	PROGRAM_LIMITS,
	ProgramSchema,
	ProgressionSchema,
	ProgressSchema,
	ScheduleSchema,
	ExerciseTranslationSchema,
	TranslationSchema
} from './schema';
import type { Problem, Program, ProgramResult } from './types';

export { formatPath, formatProblem, MAX_PROBLEMS, ROOT_PATH } from '../validation/problems';

/** The largest program file accepted, in UTF-8 bytes (1 MB). */
export const MAX_PROGRAM_BYTES = 1_048_576;
/** The longest a program may play, counting get-ready and rest time (4 hours). */
export const MAX_PROGRAM_MS = 4 * 60 * 60 * 1000;
/** Limits of the snapshot: far above anything a valid program needs. */
export const MAX_DEPTH = 64;
export const MAX_LIST_ITEMS = 10_000;
export const MAX_OBJECT_KEYS = 10_000;
/** Typo suggestions ("did you mean …?") are looked for only for this many unknown keys. */
export const MAX_SUGGESTIONS = 20;
export const MAX_VALUES = 1_000_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Found {
	path: Segment[];
	message: string;
	/** Set when the schema's own reports at or under this path would only repeat the problem. */
	blocks?: true;
}

const hasOwn = (value: Record<string, unknown>, key: string) =>
	Object.prototype.hasOwnProperty.call(value, key);

const errorText = (error: unknown) =>
	error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

// ---------------------------------------------------------------------------------------------
// 1. Snapshot

class TooLarge extends Error {}

interface Snapshot {
	value: unknown;
	problems: Found[];
}

const DROP = Symbol('drop');

function snapshot(input: unknown): Snapshot {
	const problems: Found[] = [];
	const ancestors = new Set<object>();
	let count = 0;
	// The path of the value being copied, one shared stack (a copy is made only for a problem).
	const path: Segment[] = [];
	const report = (message: string) => problems.push({ path: [...path], message, blocks: true });

	const copy = (value: unknown, depth: number): unknown => {
		count++;
		if (count > MAX_VALUES) throw new TooLarge();
		switch (typeof value) {
			case 'string':
			case 'number':
			case 'boolean':
			case 'undefined':
				return value;
			case 'function':
			case 'symbol':
			case 'bigint':
				report(`is not JSON data (it is a ${typeof value})`);
				return DROP;
			case 'object':
				break;
		}
		if (value === null) return null;
		const object = value as object;
		if (depth >= MAX_DEPTH) {
			report(`is nested more than ${MAX_DEPTH} levels deep`);
			return DROP;
		}
		if (ancestors.has(object)) {
			report('contains itself (a cycle), so it is not JSON data');
			return DROP;
		}
		ancestors.add(object);
		try {
			if (Array.isArray(object)) {
				const length = object.length;
				if (length > MAX_LIST_ITEMS) {
					report(`is a list of ${length} items, far more than any list in a program may have`);
					return [];
				}
				const out: unknown[] = [];
				for (let index = 0; index < length; index++) {
					path.push(index);
					try {
						let item: unknown;
						try {
							item = (object as unknown[])[index];
						} catch (error) {
							report(`could not be read (${errorText(error)})`);
							out.push(null);
							continue;
						}
						const copied = copy(item, depth + 1);
						out.push(copied === DROP ? null : copied);
					} finally {
						path.pop();
					}
				}
				return out;
			}
			const keys = Object.keys(object);
			if (keys.length > MAX_OBJECT_KEYS) {
				report(`has ${keys.length} fields, far more than any object in a program may have`);
				return {};
			}
			const out: Record<string, unknown> = {};
			for (const key of keys) {
				path.push(key);
				try {
					if (FORBIDDEN_KEYS.has(key)) {
						report(`"${key}" is not allowed as a field name`);
						continue;
					}
					let item: unknown;
					try {
						item = (object as Record<string, unknown>)[key];
					} catch (error) {
						report(`could not be read (${errorText(error)})`);
						continue;
					}
					// Like JSON: a field set to undefined is a field left out.
					if (item === undefined) continue;
					const copied = copy(item, depth + 1);
					if (copied !== DROP) out[key] = copied;
				} finally {
					path.pop();
				}
			}
			return out;
		} finally {
			ancestors.delete(object);
		}
	};

	try {
		const value = copy(input, 0);
		return { value: value === DROP ? undefined : value, problems };
	} catch (error) {
		if (error instanceof TooLarge) {
			return {
				value: undefined,
				problems: [
					{
						path: [],
						message: `is too large to be a program (more than ${MAX_VALUES.toLocaleString('en-US')} values)`
					}
				]
			};
		}
		return {
			value: undefined,
			problems: [{ path: [], message: `could not be read (${errorText(error)})` }]
		};
	}
}

// ---------------------------------------------------------------------------------------------
// 2. Schema issues

/** A set of paths as a trie: "is this path at or under one of them" costs one step a segment. */
interface PathTrie {
	end: boolean;
	children: Map<Segment, PathTrie>;
}

const pathTrie = (): PathTrie => ({ end: false, children: new Map() });

function addPath(trie: PathTrie, path: readonly Segment[]): void {
	let node = trie;
	for (const segment of path) {
		let child = node.children.get(segment);
		if (!child) {
			child = pathTrie();
			node.children.set(segment, child);
		}
		node = child;
	}
	node.end = true;
}

/** Whether the path, or a path it lies under, is in the trie. */
function covers(trie: PathTrie, path: readonly Segment[]): boolean {
	let node = trie;
	for (const segment of path) {
		if (node.end) return true;
		const child = node.children.get(segment);
		if (!child) return false;
		node = child;
	}
	return node.end;
}

/**
 * The schema's issues as problems (the one mapper: repeats left out), leaving out those at or
 * under a blocked path.
 */
function schemaProblems(
	issues: readonly v.BaseIssue<unknown>[] | undefined,
	blocked: PathTrie
): Found[] {
	return problemsFromIssues(issues, { skip: (path) => covers(blocked, path) }).map(
		({ path, problem }) => ({ path, message: problem.message })
	);
}

// ---------------------------------------------------------------------------------------------
// 3. Unknown keys

interface SchemaNode {
	type: string;
	entries?: Record<string, SchemaNode>;
	item?: SchemaNode;
	/** A record's value schema (the translations, and a translation's exercises). */
	value?: SchemaNode;
	wrapped?: SchemaNode;
	message?: unknown;
	pipe?: readonly { type: string; requirement?: unknown; message?: unknown }[];
}

/** Where each object of the format lives, for "belongs elsewhere" hints. */
const PLACES = new Map<unknown, string>([
	[ProgramSchema, 'at the top level of the program'],
	[ExerciseSchema, 'inside an exercise'],
	[PhaseSchema, 'inside a phase (in "phases")'],
	[ScheduleSchema, 'inside "schedule"'],
	[ProgressionSchema, 'inside "progression"'],
	[ProgressSchema, 'inside an exercise’s "progress"']
]);

/**
 * The same for the objects of a translation, looked at first for a key inside a translation
 * (a "name" at the top of a translation belongs in an exercise's translation, not an exercise).
 */
const TRANSLATION_PLACES = new Map<unknown, string>([
	[TranslationSchema, 'at the top level of a translation'],
	[ExerciseTranslationSchema, 'inside an exercise’s translation (in the translation’s "exercises")']
]);

/** Edit distance with adjacent transpositions (so "hodl" is one edit from "hold"). */
function editDistance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		rows.push([i]);
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				rows[0]!.push(j);
				continue;
			}
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			}
			rows[i]!.push(best);
		}
	}
	return rows[a.length]![b.length]!;
}

const normalizeKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** The known key a mistyped key most likely meant, or null when none is close. */
export function suggestKey(key: string, known: readonly string[]): string | null {
	if (key.length > 64) return null;
	const normal = normalizeKey(key);
	const same = known.find((candidate) => normalizeKey(candidate) === normal);
	if (same) return same;
	const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const distance = editDistance(normal, normalizeKey(candidate));
		if (distance <= allowed && distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/**
 * The message for an unknown key: where it belongs when it is a field of another object (a
 * lookup per object of the format), else, while the walk has suggestions left, the known field
 * it most likely meant.
 */
function unknownKeyMessage(
	key: string,
	node: SchemaNode,
	walk: StructureWalk,
	inTranslation: boolean
): string {
	const shown = key.length > 40 ? `${key.slice(0, 37)}…` : key;
	const places = inTranslation
		? [...TRANSLATION_PLACES, ...PLACES]
		: [...PLACES, ...TRANSLATION_PLACES];
	const elsewhere = places.filter(([schema]) => schema !== node);
	for (const [schema, place] of elsewhere) {
		if (hasOwn((schema as SchemaNode).entries ?? {}, key)) {
			return `unknown field "${shown}" here: it belongs ${place}`;
		}
	}
	if (walk.suggestions > 0) {
		walk.suggestions--;
		const suggestion = suggestKey(key, Object.keys(node.entries ?? {}));
		if (suggestion) return `unknown field "${shown}": did you mean "${suggestion}"?`;
		// Inside a translation only a translation's fields are worth suggesting.
		const near = inTranslation
			? elsewhere.filter(([schema]) => TRANSLATION_PLACES.has(schema))
			: elsewhere;
		for (const [schema, place] of near) {
			const there = suggestKey(key, Object.keys((schema as SchemaNode).entries ?? {}));
			if (there) return `unknown field "${shown}": did you mean "${there}"? (it belongs ${place})`;
		}
	}
	return `unknown field "${shown}" (for notes of your own, start the field name with "x-")`;
}

function unwrap(node: SchemaNode): SchemaNode {
	let current = node;
	while (current.wrapped && (current.type === 'optional' || current.type === 'exact_optional')) {
		current = current.wrapped;
	}
	return current;
}

interface StructureWalk {
	out: Found[];
	/** Lists longer than the format allows (reported before anything inside them). */
	lists: Found[];
	/** How many more unknown keys may get a typo suggestion. */
	suggestions: number;
}

/** A format list's largest size (its max_length check) and that check's message. */
function listMaximum(node: SchemaNode): { max: number; message: unknown } | undefined {
	for (const action of node.pipe ?? []) {
		if (action.type === 'max_length' && typeof action.requirement === 'number') {
			return { max: action.requirement, message: action.message };
		}
	}
	return undefined;
}

/** A map's largest number of keys (its max_entries check) and that check's message. */
function entriesMaximum(node: SchemaNode): { max: number; message: unknown } | undefined {
	for (const action of node.pipe ?? []) {
		if (action.type === 'max_entries' && typeof action.requirement === 'number') {
			return { max: action.requirement, message: action.message };
		}
	}
	return undefined;
}

/**
 * Walks the schema and the data together: reports unknown keys, and lists where the schema
 * expects an object (valibot's looseObject would accept a list there), using that object's own
 * message so the wording stays in schema.ts.
 *
 * It also cuts a list of the format that is longer than the format allows (10,000 phases where
 * 8 are allowed) down to that size, in the snapshot (the validator's own copy), and reports the
 * list once with the schema's own message. The items past the maximum must go anyway, so they
 * are not checked: this keeps the schema's work within the format's own limits, whatever the
 * size of the file (the snapshot has already reported anything in them that is not JSON data).
 */
function structureProblems(
	schema: SchemaNode,
	value: unknown,
	path: Segment[],
	walk: StructureWalk,
	inTranslation = false
): void {
	const node = unwrap(schema);
	const objectLike = node.entries !== undefined || node.type === 'record';
	if (objectLike && Array.isArray(value)) {
		const message =
			typeof node.message === 'function'
				? String(node.message({ input: value, expected: 'Object' }))
				: 'must be an object in curly braces { … }, not a list';
		walk.out.push({ path, message, blocks: true });
	} else if (node.entries && isRecord(value)) {
		for (const key of Object.keys(value)) {
			const entry = hasOwn(node.entries, key) ? node.entries[key] : undefined;
			if (entry) structureProblems(entry, value[key], [...path, key], walk, inTranslation);
			else if (!key.startsWith('x-')) {
				walk.out.push({
					path: [...path, key],
					message: unknownKeyMessage(key, node, walk, inTranslation)
				});
			}
		}
	} else if (node.type === 'record' && node.value && isRecord(value)) {
		// A map (translations by tag, exercise translations by id): too many keys are reported
		// here, where they are counted even when some value is wrong (valibot's check is not).
		const limit = entriesMaximum(node);
		const count = Object.keys(value).length;
		if (limit && count > limit.max) {
			walk.lists.push({
				path,
				message:
					typeof limit.message === 'function'
						? String(limit.message({ input: value, requirement: limit.max }))
						: `must have at most ${limit.max} entries (this one has ${count})`
			});
		}
		// Everything under a map is part of a translation (the format's only maps).
		for (const key of Object.keys(value)) {
			structureProblems(node.value, value[key], [...path, key], walk, true);
		}
	} else if (node.type === 'array' && node.item && Array.isArray(value)) {
		const limit = listMaximum(node);
		if (limit && value.length > limit.max) {
			walk.lists.push({
				path,
				message:
					typeof limit.message === 'function'
						? String(limit.message({ input: value, requirement: limit.max }))
						: `must have at most ${limit.max} items (this one has ${value.length})`
			});
			value.length = limit.max;
		}
		value.forEach((item, index) =>
			structureProblems(node.item!, item, [...path, index], walk, inTranslation)
		);
	}
}

// ---------------------------------------------------------------------------------------------
// 4. Rules across fields

const DOSE_KEYS = ['hold', 'phases', 'duration'] as const;

function crossFieldProblems(root: unknown): Found[] {
	const out: Found[] = [];
	if (!isRecord(root) || !Array.isArray(root.exercises)) return out;
	const hasProgression = hasOwn(root, 'progression');
	const firstIndexOfId = new Map<string, number>();
	if (typeof root.id === 'string' && isReservedProgramId(root.id)) {
		out.push({ path: ['id'], message: reservedIdMessage(root.id) });
	}

	root.exercises.forEach((exercise: unknown, index) => {
		if (!isRecord(exercise)) return;
		const at = (...rest: Segment[]): Segment[] => ['exercises', index, ...rest];

		const forms = DOSE_KEYS.filter((key) => hasOwn(exercise, key));
		for (const key of forms.slice(1)) {
			out.push({
				path: at(key),
				message:
					`cannot be combined with "${forms[0]}": give only one of "hold", "phases" or ` +
					`"duration" (or none of them for self-paced reps)`
			});
		}

		if (Array.isArray(exercise.images)) {
			const firstAt = new Map<unknown, number>();
			exercise.images.forEach((image: unknown, i) => {
				const first = firstAt.get(image);
				if (first === undefined) firstAt.set(image, i);
				else {
					out.push({
						path: at('images', i),
						message: `is already images[${first}]: list each pose once (a phase can return to a pose with its "image")`
					});
				}
			});
		}

		if (hasOwn(exercise, 'duration') && typeof exercise.reps === 'number' && exercise.reps > 1) {
			out.push({
				path: at('reps'),
				message:
					'must be 1 or left out when the exercise has a "duration" (one timed bout per set); ' +
					'use "sets" for more bouts'
			});
		}

		if (typeof exercise.id === 'string') {
			const first = firstIndexOfId.get(exercise.id);
			if (first === undefined) firstIndexOfId.set(exercise.id, index);
			else {
				out.push({
					path: at('id'),
					message: `"${exercise.id}" is already the id of exercises[${first}]; each exercise needs its own id`
				});
			}
		}

		const progress = exercise.progress;
		if (isRecord(progress)) {
			if (!hasProgression) {
				out.push({
					path: at('progress'),
					message:
						'only works when the program has "progression" at the top level, ' +
						'e.g. "progression": { "levels": 5 }'
				});
			}
			if (hasOwn(progress, 'hold') && !hasOwn(exercise, 'hold')) {
				out.push({
					path: at('progress', 'hold'),
					message: 'only works with a "hold" dose, and this exercise has no "hold"'
				});
			}
			if (hasOwn(progress, 'duration') && !hasOwn(exercise, 'duration')) {
				out.push({
					path: at('progress', 'duration'),
					message: 'only works with a "duration" dose, and this exercise has no "duration"'
				});
			}
			if (hasOwn(progress, 'reps') && hasOwn(exercise, 'duration')) {
				out.push({
					path: at('progress', 'reps'),
					message:
						'cannot be used with a "duration" dose (a timed exercise is one bout per set); ' +
						'use "progress.duration" instead'
				});
			}
		}
	});
	return out;
}

// Translations, checked against the program they translate (the schema has checked each text).

/** "4 entries", "1 entry". */
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** What a translation's text must match in the program: a list's length, or that it exists. */
interface Original {
	/** Where the original is, for messages: "program" or "exercise". */
	owner: 'program' | 'exercise';
	/** The object holding the original field as written (before defaults). */
	source: Record<string, unknown>;
}

/**
 * How a text of the format is translated: `text` (one string or object, here sideNames), `list`
 * (as many entries as the original), `defaultList` (a list left out of the original is empty);
 * `required` texts are always in a valid original (one missing is reported elsewhere).
 */
type TextKind = 'text' | 'requiredText' | 'list' | 'requiredList' | 'defaultList';

/** The problem of one translated field against its original, if any. */
function translatedField(
	key: string,
	translated: unknown,
	kind: TextKind,
	{ owner, source }: Original
): string | null {
	const written = hasOwn(source, key) ? source[key] : undefined;
	const original = kind === 'defaultList' && written === undefined ? [] : written;
	if (original === undefined) {
		return kind === 'requiredText' || kind === 'requiredList'
			? null
			: `has nothing to translate: the ${owner} has no "${key}"`;
	}
	if (kind === 'text' || kind === 'requiredText') return null;
	if (!Array.isArray(translated) || !Array.isArray(original)) return null;
	if (original.length === 0 && translated.length > 0) {
		return `must be empty or left out: the ${owner} has no "${key}" to translate`;
	}
	if (translated.length !== original.length) {
		return `must have ${entries(original.length)}, like the ${owner}’s ${key}`;
	}
	return null;
}

const PROGRAM_TEXTS: ReadonlyArray<readonly [string, TextKind]> = [
	['title', 'requiredText'],
	['summary', 'text'],
	['safety', 'defaultList']
];

const EXERCISE_TEXTS: ReadonlyArray<readonly [string, TextKind]> = [
	['name', 'requiredText'],
	['instructions', 'requiredList'],
	['cautions', 'defaultList'],
	['startCue', 'text'],
	['holdCue', 'text'],
	['releaseCue', 'text'],
	['sideNames', 'text'],
	['phases', 'list'],
	['x-image-alt', 'text']
];

/**
 * Each translation against the program: exercise ids that are not in the program, lists whose
 * length differs from the original's, and texts the program does not have. Works on the file as
 * written, whatever else is wrong with it (what cannot be compared is left to the other passes).
 */
function translationProblems(root: unknown): Found[] {
	const out: Found[] = [];
	if (!isRecord(root) || !isRecord(root.translations)) return out;
	const exercises = new Map<string, Record<string, unknown>>();
	if (Array.isArray(root.exercises)) {
		for (const exercise of root.exercises) {
			if (isRecord(exercise) && typeof exercise.id === 'string' && !exercises.has(exercise.id)) {
				exercises.set(exercise.id, exercise);
			}
		}
	}
	const ids = [...exercises.keys()];
	let suggestions = MAX_SUGGESTIONS;
	const program: Original = { owner: 'program', source: root };

	for (const [tag, translation] of Object.entries(root.translations)) {
		if (!isRecord(translation)) continue;
		const at = (...rest: Segment[]): Segment[] => ['translations', tag, ...rest];
		for (const [key, kind] of PROGRAM_TEXTS) {
			if (!hasOwn(translation, key)) continue;
			const message = translatedField(key, translation[key], kind, program);
			if (message) out.push({ path: at(key), message });
		}
		if (!isRecord(translation.exercises)) continue;
		for (const [id, texts] of Object.entries(translation.exercises)) {
			const exercise = exercises.get(id);
			if (!exercise) {
				let message = 'is not the id of an exercise in this program';
				if (suggestions > 0) {
					suggestions--;
					const near = suggestKey(id, ids);
					if (near) message += `: did you mean "${near}"?`;
				}
				out.push({ path: at('exercises', id), message });
				continue;
			}
			if (!isRecord(texts)) continue;
			const original: Original = { owner: 'exercise', source: exercise };
			for (const [key, kind] of EXERCISE_TEXTS) {
				if (!hasOwn(texts, key)) continue;
				const message = translatedField(key, texts[key], kind, original);
				if (message) out.push({ path: at('exercises', id, key), message });
			}
		}
	}
	return out;
}

/** Checks that need a valid program: dose bounds at the highest level and the 4-hour limit. */
function lengthProblems(program: Program): Found[] {
	const limit = `${MAX_PROGRAM_MS / 3_600_000} hours`;
	const total = programTotalMs(program);
	if (total > MAX_PROGRAM_MS) {
		return [
			{
				path: [],
				message:
					`plays for ${formatDuration(total)} in total, counting get-ready and rest time; ` +
					`a program may play for at most ${limit}: shorten it or split it into two programs`
			}
		];
	}
	if (!program.progression) return [];

	const out: Found[] = [];
	const top = maxLevel(program);
	const raised = applyLevel(program, top);
	const bounds = [
		['reps', PROGRAM_LIMITS.reps.max, 'reps'],
		['hold', PROGRAM_LIMITS.hold.max, 'seconds of hold'],
		['duration', PROGRAM_LIMITS.duration.max, 'seconds of duration']
	] as const;
	raised.exercises.forEach((exercise, index) => {
		const progress = program.exercises[index]?.progress;
		if (!progress) return;
		for (const [key, max, noun] of bounds) {
			const value = exercise[key];
			if (progress[key] && value !== undefined && value > max) {
				out.push({
					path: ['exercises', index, 'progress', key],
					message:
						`raises the dose to ${value} ${noun} at level ${top} (the highest); ` +
						`at most ${max} are allowed: lower this value or "progression.levels"`
				});
			}
		}
	});
	if (out.length > 0) return out;

	const raisedTotal = programTotalMs(raised);
	if (raisedTotal > MAX_PROGRAM_MS) {
		out.push({
			path: ['progression'],
			message:
				`at level ${top} (the highest) the program plays for ${formatDuration(raisedTotal)}, ` +
				`counting get-ready and rest time; it may play for at most ${limit} at every level: ` +
				'lower "levels" or the exercises’ "progress" values'
		});
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Putting it together

type Failure = Extract<ProgramResult, { ok: false }>;

/**
 * Problems about the whole file first, then the program's fields, then each exercise's, each
 * group in the order found; at most MAX_PROBLEMS listed, the rest counted. Grouped without
 * sorting the problems, and only the listed ones get their path written out. (Each pass reports
 * a path once, and schemaProblems drops the schema's repeats; the listed ones are checked again.)
 */
function finish(found: Found[]): Failure {
	const groups = new Map<number, Found[]>();
	for (const problem of found) {
		const path = problem.path;
		const group =
			path.length === 0
				? -2
				: path[0] === 'exercises' && typeof path[1] === 'number'
					? path[1]
					: -1;
		const members = groups.get(group);
		if (members) members.push(problem);
		else groups.set(group, [problem]);
	}
	const listed = new Set<string>();
	const problems: Problem[] = [];
	let more = 0;
	for (const group of [...groups.keys()].sort((a, b) => a - b)) {
		for (const problem of groups.get(group)!) {
			if (problems.length === MAX_PROBLEMS) {
				more++;
				continue;
			}
			const formatted = { path: formatPath(problem.path), message: problem.message };
			const key = formatProblem(formatted);
			if (listed.has(key)) continue;
			listed.add(key);
			problems.push(formatted);
		}
	}
	return { ok: false, problems, more };
}

function check(input: unknown): ProgramResult {
	const snap = snapshot(input);
	if (snap.value === undefined && snap.problems.length > 0) return finish(snap.problems);

	// The walk first: it cuts lists that are longer than the format allows.
	const walk: StructureWalk = { out: [], lists: [], suggestions: MAX_SUGGESTIONS };
	structureProblems(ProgramSchema as unknown as SchemaNode, snap.value, [], walk);
	const structure = walk.out;
	const result = v.safeParse(ProgramSchema, snap.value);
	// Every snapshot problem, and a list where an object belongs, replace the schema's reports
	// at and under their path (such as "is missing" for each field of that object).
	const blocked = pathTrie();
	for (const problem of [...snap.problems, ...structure]) {
		if (problem.blocks) addPath(blocked, problem.path);
	}

	// Array spreads, not push(...list): a list of problems can be longer than an argument list.
	const found: Found[] = [
		...walk.lists,
		...snap.problems,
		...schemaProblems(result.issues, blocked),
		...structure,
		...crossFieldProblems(snap.value),
		...translationProblems(snap.value)
	];

	if (found.length === 0 && result.success) {
		const program = result.output as Program;
		const tooLong = lengthProblems(program);
		if (tooLong.length === 0) {
			return { ok: true, value: program, advice: adviseProgram(program, snap.value) };
		}
		found.push(...tooLong);
	}
	if (found.length === 0) {
		// Not expected: the schema failed without saying where.
		found.push({ path: [], message: 'is not a valid program' });
	}
	return finish(found);
}

/**
 * Validates any value as a program: the program with defaults filled in and its advice, or the
 * problems found (at most MAX_PROBLEMS listed, `more` counting the rest).
 */
export function validateProgram(input: unknown): ProgramResult {
	try {
		return check(input);
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: ROOT_PATH, message: `could not be checked (${errorText(error)})` }],
			more: 0
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Text

/** The UTF-8 length of a text in bytes (lone surrogates count as the 3-byte replacement). */
export function utf8ByteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
}

const withSeparators = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const rootProblem = (message: string): ProgramResult => ({
	ok: false,
	problems: [{ path: ROOT_PATH, message }],
	more: 0
});

/**
 * Parses and validates the text of a program file. `byteLength` is the file's size when known
 * (e.g. File.size); otherwise the text's UTF-8 length is measured. Files over MAX_PROGRAM_BYTES
 * are refused before parsing.
 */
export function parseProgramText(text: string, byteLength?: number): ProgramResult {
	try {
		if (typeof text !== 'string') return rootProblem('is not text');
		const measured =
			typeof byteLength === 'number' && Number.isFinite(byteLength) && byteLength >= 0
				? byteLength
				: utf8ByteLength(text);
		// A UTF-8 length is never smaller than the number of UTF-16 code units.
		const bytes = Math.max(measured, text.length);
		if (bytes > MAX_PROGRAM_BYTES) {
			return rootProblem(
				`the file is too large (${withSeparators(bytes)} bytes); a program file may be ` +
					`at most 1 MB (${withSeparators(MAX_PROGRAM_BYTES)} bytes)`
			);
		}
		const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
		let data: unknown;
		try {
			data = JSON.parse(body);
		} catch (error) {
			const found = findJsonSyntaxError(body);
			return rootProblem(
				found
					? `is not valid JSON: line ${found.line}, column ${found.column}: ${found.message}`
					: `is not valid JSON (${errorText(error)})`
			);
		}
		return validateProgram(data);
	} catch (error) {
		return rootProblem(`could not be read (${errorText(error)})`);
	}
}
