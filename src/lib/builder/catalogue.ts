// The exercise catalogue: every exercise of the built-in programs, once, for the routine builder
// to pick from. Built at build time from programs/*.json (scripts/programs-plugin.ts writes it
// to /programs/catalogue.v1.json), so the texts have one source: the program files.
//
// One entry per exercise id and wording. The same exercise appears in several programs with
// different doses; its texts (name, instructions, cautions, image and its "x-image-alt") are
// what make it that exercise, so:
// - the same id with the same texts is one entry, listing every program that uses it, with the
//   dose of the first (library order) as an example;
// - the same id and name with other texts (a seated and a lying "Slow breathing") are variants:
//   one entry each, keyed "<id>@<first program>" so that each key is unique;
// - refused (the build fails): one id for two different names (an id reused for another
//   exercise), and the same texts under two ids (one exercise that should have one id).
// Entries are sorted by name, then key. See docs/decisions.md, "Routine builder".
import type { Exercise, Program, SideNames } from '../program/types';

/** An example dose: the exercise's dose fields as the first program that uses it writes them. */
export type CatalogueDose = Pick<
	Exercise,
	'sets' | 'reps' | 'sides' | 'hold' | 'phases' | 'duration' | 'restBetweenReps' | 'restBetweenSets'
>;

/** A built-in program that uses an exercise. */
export interface CatalogueUse {
	programId: string;
	programTitle: string;
}

/** One exercise of the catalogue. */
export interface CatalogueEntry {
	/** Unique in the catalogue: the exercise id, or "<id>@<program id>" for a variant. */
	key: string;
	/** The exercise id the program files use. */
	id: string;
	name: string;
	instructions: string[];
	cautions: string[];
	image?: string;
	/** The image's text alternative (the exercise's "x-image-alt"). */
	imageAlt?: string;
	/** Its poses, and what the player shows and says (see Exercise). */
	images?: string[];
	startCue?: string;
	holdCue?: string;
	releaseCue?: string;
	sideNames?: SideNames;
	/** The programs that use it, in library order. */
	usedBy: CatalogueUse[];
	dose: CatalogueDose;
}

/** A reason the catalogue cannot be built, about one exercise of one program. */
export interface CatalogueProblem {
	programId: string;
	/** JSON path in that program, e.g. `exercises[2].name`. */
	path: string;
	message: string;
}

export type CatalogueResult =
	{ ok: true; entries: CatalogueEntry[] } | { ok: false; problems: CatalogueProblem[] };

/** Where the built catalogue is published, under the app's base. */
export const CATALOGUE_PATH = '/programs/catalogue.v1.json';

type Guidance = Pick<Exercise, 'images' | 'startCue' | 'holdCue' | 'releaseCue' | 'sideNames'>;

interface Texts extends Guidance {
	name: string;
	instructions: string[];
	cautions: string[];
	image?: string;
	imageAlt?: string;
}

/** The guidance fields an exercise has, copied (absent ones stay absent). */
function guidanceOf(exercise: Guidance): Guidance {
	const out: Guidance = {};
	if (exercise.images) out.images = [...exercise.images];
	if (exercise.startCue !== undefined) out.startCue = exercise.startCue;
	if (exercise.holdCue !== undefined) out.holdCue = exercise.holdCue;
	if (exercise.releaseCue !== undefined) out.releaseCue = exercise.releaseCue;
	if (exercise.sideNames)
		out.sideNames = { left: exercise.sideNames.left, right: exercise.sideNames.right };
	return out;
}

function textsOf(exercise: Exercise): Texts {
	const alt = exercise['x-image-alt'];
	return {
		name: exercise.name,
		instructions: [...exercise.instructions],
		cautions: [...exercise.cautions],
		...(exercise.image !== undefined ? { image: exercise.image } : {}),
		...(typeof alt === 'string' ? { imageAlt: alt } : {}),
		...guidanceOf(exercise)
	};
}

/** A key that is equal exactly when the texts are. */
const textsKey = (texts: Texts) =>
	JSON.stringify([
		texts.name,
		texts.instructions,
		texts.cautions,
		texts.image,
		texts.imageAlt,
		guidanceOf(texts)
	]);

function doseOf(exercise: Exercise): CatalogueDose {
	return {
		sets: exercise.sets,
		reps: exercise.reps,
		sides: exercise.sides,
		...(exercise.hold !== undefined ? { hold: exercise.hold } : {}),
		...(exercise.phases !== undefined
			? {
					phases: exercise.phases.map(({ cue, seconds, image }) =>
						image === undefined ? { cue, seconds } : { cue, seconds, image }
					)
				}
			: {}),
		...(exercise.duration !== undefined ? { duration: exercise.duration } : {}),
		restBetweenReps: exercise.restBetweenReps,
		restBetweenSets: exercise.restBetweenSets
	};
}

interface Seen {
	programId: string;
	index: number;
}

const where = (seen: Seen) => `${seen.programId}, exercises[${seen.index}]`;

/**
 * Builds the catalogue from validated programs given in library order: one entry per exercise
 * id and wording, or the problems that stop it (see the top of this file).
 */
export function buildCatalogue(programs: readonly Program[]): CatalogueResult {
	const problems: CatalogueProblem[] = [];
	const nameOfId = new Map<string, { name: string; seen: Seen }>();
	const idOfTexts = new Map<string, { id: string; seen: Seen }>();
	const entries = new Map<string, CatalogueEntry & { first: Seen }>();
	const variantsOfId = new Map<string, string[]>();

	for (const program of programs) {
		program.exercises.forEach((exercise, index) => {
			const seen = { programId: program.id, index };
			const texts = textsOf(exercise);
			const named = nameOfId.get(exercise.id);
			if (named && named.name !== exercise.name) {
				problems.push({
					programId: program.id,
					path: `exercises[${index}].name`,
					message:
						`is “${exercise.name}”, but the exercise “${exercise.id}” is called ` +
						`“${named.name}” in ${where(named.seen)}: an exercise id names one exercise in ` +
						'all the built-in programs; give this one another id, or the same name'
				});
				return;
			}
			if (!named) nameOfId.set(exercise.id, { name: exercise.name, seen });

			const wording = textsKey(texts);
			const other = idOfTexts.get(wording);
			if (other && other.id !== exercise.id) {
				problems.push({
					programId: program.id,
					path: `exercises[${index}].id`,
					message:
						`is “${exercise.id}”, but the same exercise (the same name, instructions, ` +
						`cautions and image) is “${other.id}” in ${where(other.seen)}: give both the same id`
				});
				return;
			}
			if (!other) idOfTexts.set(wording, { id: exercise.id, seen });

			const variantKey = `${exercise.id}\n${wording}`;
			const entry = entries.get(variantKey);
			const use = { programId: program.id, programTitle: program.title };
			if (entry) {
				if (!entry.usedBy.some((u) => u.programId === program.id)) entry.usedBy.push(use);
				return;
			}
			entries.set(variantKey, {
				key: exercise.id,
				id: exercise.id,
				...texts,
				usedBy: [use],
				dose: doseOf(exercise),
				first: seen
			});
			const variants = variantsOfId.get(exercise.id) ?? [];
			variants.push(variantKey);
			variantsOfId.set(exercise.id, variants);
		});
	}
	if (problems.length > 0) return { ok: false, problems };

	for (const variants of variantsOfId.values()) {
		if (variants.length < 2) continue;
		for (const variantKey of variants) {
			const entry = entries.get(variantKey)!;
			entry.key = `${entry.id}@${entry.first.programId}`;
		}
	}
	const list = [...entries.values()].map(({ first: _first, ...entry }) => entry as CatalogueEntry);
	list.sort(
		(a, b) => a.name.localeCompare(b.name, 'en') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
	return { ok: true, entries: list };
}

/** A program exercise made from a catalogue entry: its texts and its example dose. */
export function exerciseFromEntry(entry: CatalogueEntry): Exercise {
	const { dose } = entry;
	return {
		id: entry.id,
		name: entry.name,
		instructions: [...entry.instructions],
		cautions: [...entry.cautions],
		...(entry.image !== undefined ? { image: entry.image } : {}),
		...(entry.imageAlt !== undefined ? { 'x-image-alt': entry.imageAlt } : {}),
		...guidanceOf(entry),
		sets: dose.sets,
		reps: dose.reps,
		sides: dose.sides,
		...(dose.hold !== undefined ? { hold: dose.hold } : {}),
		...(dose.phases !== undefined ? { phases: dose.phases.map((phase) => ({ ...phase })) } : {}),
		...(dose.duration !== undefined ? { duration: dose.duration } : {}),
		restBetweenReps: dose.restBetweenReps,
		restBetweenSets: dose.restBetweenSets
	};
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * The catalogue file's entries when it has the shape the builder relies on, else null (the build
 * has checked the texts already; this guards against a damaged or foreign file).
 */
export function readCatalogue(value: unknown): CatalogueEntry[] | null {
	if (!Array.isArray(value)) return null;
	const ok = value.every(
		(entry) =>
			isRecord(entry) &&
			typeof entry.key === 'string' &&
			typeof entry.id === 'string' &&
			typeof entry.name === 'string' &&
			isStrings(entry.instructions) &&
			isStrings(entry.cautions) &&
			Array.isArray(entry.usedBy) &&
			isRecord(entry.dose) &&
			typeof entry.dose.sets === 'number' &&
			typeof entry.dose.reps === 'number'
	);
	return ok ? (value as CatalogueEntry[]) : null;
}

// ---------------------------------------------------------------------------------------------
// Search

/** Text as search compares it: lowercase, without accents ("Rückenübung" → "ruckenubung"). */
export function searchForm(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordsOf = (text: string) =>
	searchForm(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

/**
 * The entries that match a query, best first: every word of the query must begin a word of the
 * entry's name or instructions (case and accents ignored). Entries whose name holds every query
 * word come first, then by how many query words the name holds, then in catalogue order. An
 * empty query gives every entry.
 */
export function searchCatalogue(
	entries: readonly CatalogueEntry[],
	query: string
): CatalogueEntry[] {
	const wanted = wordsOf(query);
	if (wanted.length === 0) return [...entries];
	const ranked: { entry: CatalogueEntry; inName: number; index: number }[] = [];
	entries.forEach((entry, index) => {
		const nameWords = wordsOf(entry.name);
		const instructionWords = wordsOf(entry.instructions.join(' '));
		let inName = 0;
		for (const word of wanted) {
			if (nameWords.some((candidate) => candidate.startsWith(word))) inName++;
			else if (!instructionWords.some((candidate) => candidate.startsWith(word))) return;
		}
		ranked.push({ entry, inName, index });
	});
	// The most query words in the name first (all of them: a name match), then catalogue order.
	ranked.sort((a, b) => b.inName - a.inName || a.index - b.index);
	return ranked.map((item) => item.entry);
}
