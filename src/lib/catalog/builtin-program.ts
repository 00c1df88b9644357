// A built-in program's file (/programs/<id>.json), checked by its shape (the build validated it).
//
// An id is looked up in the index before its file is requested: an imported program's id is
// not in it, so its page never asks the server for a file that does not exist (a 404 and two
// console errors on every visit), and nothing but a listed program is ever fetched as one.
import { fetchBuiltinIds, isRecord } from './builtin';
import { isReservedProgramId, SLUG_PATTERN } from '$lib/program/program-ids';
import type { Program } from '$lib/program/types';

type Fetch = typeof fetch;

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
