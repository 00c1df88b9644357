// Problems and advice as every checker reports them, `{ path, message }`, and the one cap on
// how many a result lists: at most MAX_PROBLEMS, the rest only counted (`more`), so that a
// hostile file can never flood a page or a terminal. Used by the program validator, the backup
// validator, the Import and History pages and `npm run validate`.
import type { Problem } from './types';

/** How many problems a result lists; the rest are counted in its `more`. */
export const MAX_PROBLEMS = 100;

/** One problem (or piece of advice) as a line of text: "<path>: <message>". */
export function formatProblem(problem: Problem): string {
	return `${problem.path}: ${problem.message}`;
}

/** Keeps the first MAX_PROBLEMS problems and counts the rest (plus `more` already counted). */
export function capProblems(
	problems: readonly Problem[],
	more = 0
): { problems: Problem[]; more: number } {
	const listed = problems.slice(0, MAX_PROBLEMS);
	return { problems: listed, more: more + problems.length - listed.length };
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
