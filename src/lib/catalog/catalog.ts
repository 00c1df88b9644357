// Where programs come from: built-in ones are static files generated at build time
// (/programs/index.json and /programs/<id>.json); imported ones live in IndexedDB.
import { lazyImport } from '$lib/lazy-import';
import { expandTimeline } from '$lib/program/timeline';
import { cardTranslations } from '$lib/program/localize';
import { fetchBuiltinProgram } from './builtin-program';
import type { Program, ProgramIndexEntry } from '$lib/program/types';

export { fetchBuiltinIndex } from './builtin';
export { fetchBuiltinProgram } from './builtin-program';

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
		language: program.language,
		cardTranslations: cardTranslations(program),
		imported
	};
}

/** Any program on this device by id: built-in first, then imported (browser only). */
export async function findProgram(
	fetchFn: Fetch,
	id: string
): Promise<{ program: Program; imported: boolean } | null> {
	const builtin = await fetchBuiltinProgram(fetchFn, id);
	if (builtin) return { program: builtin, imported: false };
	if (typeof indexedDB === 'undefined') return null;
	const { getImportedProgram } = await lazyImport(() => import('$lib/storage/programs'));
	const program = await getImportedProgram(id);
	return program ? { program, imported: true } : null;
}
