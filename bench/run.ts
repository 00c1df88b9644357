// The one benchmark entry (`npm run bench`, or `npm run bench -- timer` for some sections):
// runs the registered sections in order, prints a table per section and merges the rows into
// bench/results.json by section name (sections not run keep their earlier results).
// To add a section: write a module exporting a BenchSection (bench/section.ts) and list it below.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchSection, Row } from './section';
import { historySection } from './history';
import { lighthouseSection } from './lighthouse';
import { offlineSection } from './offline';
import { playerCpuSection } from './player-cpu';
import { timerSection } from './timer';
import { validatorSection } from './validator';

/** Every benchmark section, in the order they run. */
export const sections: BenchSection[] = [
	timerSection,
	lighthouseSection,
	offlineSection,
	historySection,
	validatorSection,
	playerCpuSection
];

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

interface SectionResult {
	updatedAt: string;
	durationMs: number;
	rows: Row[];
}

type Results = Record<string, SectionResult>;

async function readResults(): Promise<Results> {
	try {
		const parsed: unknown = JSON.parse(await readFile(RESULTS, 'utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as Results) : {};
	} catch {
		return {};
	}
}

function cell(value: unknown): string {
	if (value === undefined) return '';
	if (typeof value === 'boolean') return value ? 'yes' : 'NO';
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
	return String(value);
}

// Formats rows as a plain-text table (metric, value, unit, target, ok, note).
export function formatTable(rows: Row[]): string {
	const header = ['metric', 'value', 'unit', 'target', 'ok', 'note'];
	const body = rows.map((r) => [r.metric, r.value, r.unit, r.target, r.pass, r.note].map(cell));
	const widths = header.map((h, i) =>
		Math.max(h.length, ...body.map((line) => line[i]?.length ?? 0))
	);
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
			.join(' | ')
			.trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
	if (unknown.length > 0) {
		console.error(
			`Unknown section(s): ${unknown.join(', ')}. Known: ${sections.map((s) => s.name).join(', ')}`
		);
		process.exitCode = 2;
		return;
	}
	const chosen = wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : sections;
	const results = await readResults();
	let failed = false;
	for (const section of chosen) {
		const started = performance.now();
		const rows = await section.run();
		const durationMs = Math.round(performance.now() - started);
		results[section.name] = { updatedAt: new Date().toISOString(), durationMs, rows };
		failed ||= rows.some((row) => row.pass === false);
		console.log(`\n## ${section.name} (${(durationMs / 1000).toFixed(1)} s)\n`);
		console.log(formatTable(rows));
	}
	await writeFile(RESULTS, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`\nResults written to ${RESULTS}`);
	if (failed) console.log('Some rows missed their target (ok = NO).');
}

await main();
