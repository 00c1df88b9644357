// Benchmark section "validator": how long the program validator takes on its worst inputs, in
// Node, through parseProgramText (the import page's and `npm run validate`'s entry point): text
// in, program or problems out. The inputs (src/lib/test-factories/hostile-programs.ts) are the issue's
// hostile cases and the largest valid programs the format allows. Each case is run once to warm
// up, then five times; the figure is the median (a case whose first run misses the target is
// not run again). The target for every case is well under a second.
import { problemTotal } from '../src/lib/validation/problems';
import { parseProgramText, utf8ByteLength } from '../src/lib/program/validate';
import {
	constructorPhases,
	constructorPhasesFillingOneMegabyte,
	maximalValidProgram,
	paddedValidProgram,
	typoKeys
} from '../src/lib/test-factories/hostile-programs';
import type { BenchSection, Row } from './section';

const TARGET_MS = 1000;
const RUNS = 5;

interface Case {
	name: string;
	text: () => string;
}

const CASES: Case[] = [
	{ name: '10,000 phases {"constructor":1}', text: () => constructorPhases(1) },
	{ name: '3 × 10,000 phases {"constructor":1}', text: () => constructorPhases(3) },
	{ name: '10,000 typo-like unknown keys', text: () => typoKeys(10_000) },
	{ name: '10,000 typo-like unknown keys of 60 characters', text: () => typoKeys(10_000, 60) },
	{ name: 'largest valid program (50 exercises at every limit)', text: maximalValidProgram },
	{ name: '1 MB of phases {"constructor":1}', text: constructorPhasesFillingOneMegabyte },
	{ name: '1 MB valid program (an x- note)', text: paddedValidProgram }
];

/** Problems found in total: those listed plus the ones only counted. */
function problemCount(result: ReturnType<typeof parseProgramText>): string {
	if (result.ok) return 'valid';
	const total = problemTotal(result);
	return result.more > 0 ? `${total} (${result.problems.length} listed)` : String(total);
}

function time(text: string): { ms: number; result: ReturnType<typeof parseProgramText> } {
	const started = performance.now();
	const result = parseProgramText(text);
	return { ms: performance.now() - started, result };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function run(): Promise<Row[]> {
	const rows: Row[] = [];
	for (const item of CASES) {
		const text = item.text();
		const size = `${Math.round(utf8ByteLength(text) / 1024)} KB`;
		const first = time(text);
		// A slow case (the quadratic validator took tens of seconds) is not run again: its first
		// run is the figure.
		const slow = first.ms > TARGET_MS;
		const times = slow ? [first.ms] : Array.from({ length: RUNS }, () => time(text).ms);
		const ms = Math.round(median(times) * 10) / 10;
		rows.push({
			metric: `${item.name} (${size}): validation time`,
			value: ms,
			unit: 'ms',
			target: `< ${TARGET_MS} ms`,
			pass: ms < TARGET_MS,
			note: slow ? 'one run' : `median of ${RUNS} runs after a warm-up run`
		});
		rows.push({ metric: `${item.name}: problems`, value: problemCount(first.result) });
	}
	return Promise.resolve(rows);
}

/** The validator section of `npm run bench`. */
export const validatorSection: BenchSection = { name: 'validator', run };
