// The built-in programs: static files generated at build time (/programs/index.json and
// /programs/<id>.json). Kept small: the library's first load needs only the index.
import type { ProgramSummary } from './catalog';
import type { Program, ProgramIndexEntry } from './types';

type Fetch = typeof fetch;

/** The built-in programs' summaries, in library order. */
export async function fetchBuiltinIndex(fetchFn: Fetch): Promise<ProgramSummary[]> {
	const response = await fetchFn('/programs/index.json');
	if (!response.ok) throw new Error(`Could not load the built-in programs (${response.status})`);
	const list = (await response.json()) as ProgramIndexEntry[];
	return list.map((entry) => ({ ...entry, imported: false }));
}

/** A built-in program by id, or null when there is no such built-in program. */
export async function fetchBuiltinProgram(fetchFn: Fetch, id: string): Promise<Program | null> {
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return null;
	try {
		const response = await fetchFn(`/programs/${id}.json`);
		if (!response.ok) return null;
		return (await response.json()) as Program;
	} catch {
		// Offline and not precached: it is not a built-in program.
		return null;
	}
}
