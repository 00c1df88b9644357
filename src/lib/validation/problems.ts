// Problems as every checker in the app reports them, `{ path, message }` with a JSON path, and
// what is shared around them: how a path is written, how a value is described in a message, and
// the one cap on how many a result lists (at most MAX_PROBLEMS, the rest only counted in
// `more`), so that a hostile file can never flood a page or a terminal. Used by the program
// validator, the schemas of stored and imported records (schemas.ts), the Import and History
// pages and `npm run validate`.

/** One problem with the input: where (a JSON path such as `exercises[2].hold`) and what. */
export interface Problem {
	/** JSON path of the value at fault, e.g. `exercises[2].hold`; "(root)" for the whole input. */
	path: string;
	message: string;
}

/** A checked value, or every problem found (at most MAX_PROBLEMS listed, `more` counted). */
export type ValidationResult<T> =
	{ ok: true; value: T } | { ok: false; problems: Problem[]; more: number };

/** The path of problems that concern the whole input rather than one field. */
export const ROOT_PATH = '(root)';

/** How many problems a result lists; the rest are counted in its `more`. */
export const MAX_PROBLEMS = 100;

/** One step of a path: an object's key or a list's index. */
export type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes a path as a JSON path: `exercises[2].hold`, `["x-note"]`; the empty path is "(root)". */
export function formatPath(path: readonly Segment[]): string {
	if (path.length === 0) return ROOT_PATH;
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
		else out += `[${JSON.stringify(segment)}]`;
	}
	return out;
}

/** Puts a path written by formatPath under a prefix path ("(root)" stands for the prefix). */
export function nestPath(prefix: string, inner: string): string {
	if (prefix === '' || prefix === ROOT_PATH) return inner;
	if (inner === '' || inner === ROOT_PATH) return prefix;
	return inner.startsWith('[') ? prefix + inner : `${prefix}.${inner}`;
}

/** One problem (or piece of advice) as a line of text: "<path>: <message>". */
export function formatProblem(problem: Problem): string {
	return `${problem.path}: ${problem.message}`;
}

/** Describes a value briefly for messages: `"ten"`, `-5`, `a list`, `an object`, `nothing`. */
export function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 30 ? `${value.slice(0, 27)}…` : value;
		return JSON.stringify(shown);
	}
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'NaN';
		return Number.isFinite(value) ? String(value) : 'an enormous number';
	}
	if (typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** Whether a value is a plain JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps the first MAX_PROBLEMS problems and counts the rest (plus `more` already counted). */
export function capProblems(
	problems: readonly Problem[],
	more = 0
): { problems: Problem[]; more: number } {
	const listed = problems.slice(0, MAX_PROBLEMS);
	return { problems: listed, more: more + problems.length - listed.length };
}

/** A refusal: at most MAX_PROBLEMS problems listed, the rest counted in `more`. */
export function refusal(
	problems: readonly Problem[],
	more = 0
): { ok: false; problems: Problem[]; more: number } {
	return { ok: false, ...capProblems(problems, more) };
}

/** A count for messages, with thousands separators: 1,234. */
export function countText(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The line that stands for problems left out of a list: "and 1,234 more problems". */
export function moreProblemsText(more: number): string {
	return `and ${countText(more)} more ${more === 1 ? 'problem' : 'problems'}`;
}

/** How many problems were found in all: those listed and those only counted. */
export function problemTotal(result: { problems: readonly Problem[]; more?: number }): number {
	return result.problems.length + (result.more ?? 0);
}
