// The built-in programs: static files generated at build time (/programs/index.json and
// /programs/<id>.json). Kept small: the library's first load needs only the index, so this
// module checks what it fetches by its shape rather than with the validator (the build has
// validated every built-in program already).
//
// An id is looked up in the index before its file is requested: an imported program's id is
// not in it, so its page never asks the server for a file that does not exist (a 404 and two
// console errors on every visit), and nothing but a listed program is ever fetched as one.
import type { ProgramSummary } from './catalog';
import { isReservedProgramId, SLUG_PATTERN } from '$lib/program/program-ids';
import type { Program, ProgramIndexEntry } from '$lib/program/types';

type Fetch = typeof fetch;

const INDEX_PATH = '/programs/index.json';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function isIndexEntry(value: unknown): value is ProgramIndexEntry {
	return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string';
}

/** The shape the pages rely on, of the program that was asked for. */
function isProgramFile(value: unknown, id: string): value is Program {
	return (
		isRecord(value) &&
		value.format === 1 &&
		value.id === id &&
		typeof value.title === 'string' &&
		isRecord(value.schedule) &&
		Array.isArray(value.safety) &&
		Array.isArray(value.exercises) &&
		value.exercises.length > 0 &&
		value.exercises.every(
			(exercise) =>
				isRecord(exercise) &&
				typeof exercise.id === 'string' &&
				typeof exercise.name === 'string' &&
				Array.isArray(exercise.instructions) &&
				Array.isArray(exercise.cautions)
		)
	);
}

/** The built-in programs' summaries, in library order. */
export async function fetchBuiltinIndex(fetchFn: Fetch): Promise<ProgramSummary[]> {
	const response = await fetchFn(INDEX_PATH);
	if (!response.ok) throw new Error(`Could not load the built-in programs (${response.status})`);
	const list: unknown = await response.json().catch(() => null);
	if (!Array.isArray(list) || !list.every(isIndexEntry)) {
		throw new Error('Could not load the built-in programs (their list is damaged)');
	}
	return list.map((entry) => ({ ...entry, imported: false }));
}

/** The ids of the built-in programs (for the rule that nothing imported may take one). */
export async function fetchBuiltinIds(fetchFn: Fetch): Promise<Set<string>> {
	return new Set((await fetchBuiltinIndex(fetchFn)).map((entry) => entry.id));
}

/** A built-in program by id, or null when there is no such built-in program. */
export async function fetchBuiltinProgram(fetchFn: Fetch, id: string): Promise<Program | null> {
	if (!SLUG_PATTERN.test(id) || isReservedProgramId(id)) return null;
	try {
		const ids = await fetchBuiltinIds(fetchFn);
		if (!ids.has(id)) return null;
		const response = await fetchFn(`/programs/${id}.json`);
		if (!response.ok) return null;
		const program: unknown = await response.json();
		return isProgramFile(program, id) ? program : null;
	} catch {
		// Offline and not precached, or not JSON: it is not a built-in program.
		return null;
	}
}
