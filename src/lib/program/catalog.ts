// Where programs come from: built-in ones are static files generated at build time
// (/programs/index.json and /programs/<id>.json); imported ones live in IndexedDB.
import { expandTimeline } from './timeline';
import type { Program, ProgramIndexEntry } from './types';

/** A library card's data: the index entry of a built-in program, or the same for an imported one. */
export interface ProgramSummary extends ProgramIndexEntry {
	imported: boolean;
}

type Fetch = typeof fetch;

/** Summarises a program for its library card. */
export function summarizeProgram(program: Program, imported: boolean): ProgramSummary {
	const timeline = expandTimeline(program);
	return {
		id: program.id,
		title: program.title,
		summary: program.summary,
		exerciseCount: program.exercises.length,
		totalMs: timeline.totalMs,
		hasSelfPaced: timeline.hasSelfPaced,
		schedule: program.schedule,
		progression: program.progression,
		imported
	};
}

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

/** Any program on this device by id: built-in first, then imported (browser only). */
export async function findProgram(
	fetchFn: Fetch,
	id: string
): Promise<{ program: Program; imported: boolean } | null> {
	const builtin = await fetchBuiltinProgram(fetchFn, id);
	if (builtin) return { program: builtin, imported: false };
	if (typeof indexedDB === 'undefined') return null;
	const { getImportedProgram } = await import('$lib/storage/programs');
	const program = await getImportedProgram(id);
	return program ? { program, imported: true } : null;
}
