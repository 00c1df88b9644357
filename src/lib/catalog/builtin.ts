// The built-in programs' index (/programs/index.json), generated at build time. Kept small: the
// library's first load needs only the index, so this module checks what it fetches by its shape
// rather than with the validator (the build has validated every built-in program already). A
// program's own file is fetched by builtin-program.ts, which the first load does not carry.
import type { ProgramSummary } from './catalog';
import type { ProgramIndexEntry } from '$lib/program/types';

type Fetch = typeof fetch;

const INDEX_PATH = '/programs/index.json';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function isIndexEntry(value: unknown): value is ProgramIndexEntry {
	return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string';
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
