// The build hook for the built-in programs: a Vite plugin that validates every programs/*.json
// and writes what the app fetches:
//   static/programs/<id>.json   each program, validated, every default filled in
//   static/programs/index.json  the library list (ProgramIndexEntry[]), in library order
//   static/programs/catalogue.v1.json  the exercise catalogue for the routine builder
//                               (CatalogueEntry[], src/lib/builder/catalogue.ts); its name is not
//                               a program id (ids have no "."), so no program can take it
//   static/program.schema.json  the JSON Schema for editors (generated from the valibot schema)
// static/programs/ is generated (gitignored); files are only written when their content changes.
//
// When: in Vite's `config` hook (ordered 'pre', and this plugin comes before sveltekit()), for
// both `vite build` and `vite dev`, because SvelteKit lists the static files, which the service
// worker precaches and prerendering may fetch, in its own 'pre' config hook, before `buildStart`.
// `buildStart` checks again (cheap, and it catches files edited while a watch build runs), and
// the dev server regenerates when a programs/*.json changes. Skipped under Vitest, so a program
// being edited never breaks the unit tests.
//
// Failing the build: any invalid program (every problem of every file is listed), a file name
// that differs from the program's id (programs/<id>.json), two files with the same id, or a
// catalogue problem (one exercise id for two different names, or one exercise under two ids). The
// validator itself refuses the ids reserved for the app's own files (src/lib/program/
// program-ids.ts: "index", the name of the list). Advice about a valid program is printed as a
// warning and never fails the build.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildCatalogue, CATALOGUE_PATH, type CatalogueEntry } from '../src/lib/builder/catalogue';
import { hasSelfPaced, programTotalMs } from '../src/lib/program/dose-length';
import { cardTranslations } from '../src/lib/program/localize';
import { PROGRAM_SCHEMA_FILE, programJsonSchemaText } from '../src/lib/program/json-schema';
import type { Program, ProgramIndexEntry } from '../src/lib/program/types';
import { moreProblemsText } from '../src/lib/validation/problems';
import { formatProblem, MAX_PROGRAM_BYTES, parseProgramText } from '../src/lib/program/validate';

export interface ProgramsPaths {
	/** Folder of the built-in program files (programs/). */
	programsDir: string;
	/** The app's static folder (static/). */
	staticDir: string;
}

export interface GenerateResult {
	ok: boolean;
	/** One line per problem: "programs/<file>: <path>: <message>". */
	errors: string[];
	/** One line per piece of advice about a valid program: "programs/<file>: <path>: <message>". */
	advice: string[];
	/** Files written because their content changed (absolute paths). */
	written: string[];
	/** Stale files removed from static/programs/. */
	removed: string[];
	index: ProgramIndexEntry[];
	/** The exercise catalogue written (empty when the build fails). */
	catalogue: CatalogueEntry[];
}

export interface LoadedProgram {
	file: string;
	program: Program;
}

const INDEX_FILE = 'index.json';
const CATALOGUE_FILE = path.posix.basename(CATALOGUE_PATH);

/** The library order key of a program: its "x-order" number when it has one. */
function orderOf(program: Program): number {
	const order = program['x-order'];
	return typeof order === 'number' && Number.isFinite(order) ? order : Infinity;
}

/** Library order: by "x-order" (programs without one last), then title, then id. */
export function compareForLibrary(a: Program, b: Program): number {
	const byOrder = orderOf(a) - orderOf(b);
	if (byOrder) return byOrder;
	return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the library lists about a program (static/programs/index.json). */
export function indexEntry(program: Program): ProgramIndexEntry {
	const { timesPerDay, daysPerWeek } = program.schedule;
	return {
		id: program.id,
		title: program.title,
		...(program.summary !== undefined ? { summary: program.summary } : {}),
		exerciseCount: program.exercises.length,
		totalMs: programTotalMs(program),
		hasSelfPaced: hasSelfPaced(program),
		schedule: { timesPerDay, daysPerWeek },
		...(program.language !== 'en' ? { language: program.language } : {}),
		...(cardTranslations(program) ? { cardTranslations: cardTranslations(program) } : {}),
		...(program.progression
			? {
					progression: {
						levels: program.progression.levels,
						sessionsToAdvance: program.progression.sessionsToAdvance
					}
				}
			: {})
	};
}

/** Reads and validates every programs/*.json; problems and advice name the file. */
export function loadPrograms(
	programsDir: string,
	label = 'programs'
): {
	programs: LoadedProgram[];
	errors: string[];
	advice: string[];
} {
	const programs: LoadedProgram[] = [];
	const errors: string[] = [];
	const advice: string[] = [];
	const files = fs.existsSync(programsDir)
		? fs
				.readdirSync(programsDir)
				.filter((name) => name.endsWith('.json'))
				.sort()
		: [];
	const fileOfId = new Map<string, string>();
	for (const file of files) {
		const shown = `${label}/${file}`;
		const full = path.join(programsDir, file);
		const size = fs.statSync(full).size;
		const result =
			size > MAX_PROGRAM_BYTES
				? parseProgramText('', size)
				: parseProgramText(fs.readFileSync(full, 'utf8'), size);
		if (!result.ok) {
			for (const problem of result.problems) errors.push(`${shown}: ${formatProblem(problem)}`);
			if (result.more > 0) errors.push(`${shown}: ${moreProblemsText(result.more)}`);
			continue;
		}
		for (const note of result.advice) advice.push(`${shown}: ${formatProblem(note)}`);
		const program = result.value;
		const expected = `${program.id}.json`;
		if (file !== expected) {
			errors.push(
				`${shown}: id: is "${program.id}", so the file must be named "${expected}" ` +
					'(a built-in program’s file name is its id)'
			);
		}
		const other = fileOfId.get(program.id);
		if (other) {
			errors.push(`${shown}: id: "${program.id}" is already the id of ${label}/${other}`);
		} else fileOfId.set(program.id, file);
		programs.push({ file, program });
	}
	return { programs, errors, advice };
}

function writeIfChanged(file: string, content: string, written: string[]): void {
	if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, content);
	written.push(file);
}

/** Validates the built-in programs and writes the schema, the programs, their index and the exercise catalogue. */
export function generatePrograms(paths: ProgramsPaths): GenerateResult {
	const written: string[] = [];
	const removed: string[] = [];
	writeIfChanged(path.join(paths.staticDir, PROGRAM_SCHEMA_FILE), programJsonSchemaText(), written);

	const label = 'programs';
	const { programs, errors, advice } = loadPrograms(paths.programsDir, label);
	const failed = (lines: string[]): GenerateResult => ({
		ok: false,
		errors: lines,
		advice,
		written,
		removed,
		index: [],
		catalogue: []
	});
	if (errors.length > 0) return failed(errors);

	const sorted = programs.map((loaded) => loaded.program).sort(compareForLibrary);
	const catalogue = buildCatalogue(sorted);
	if (!catalogue.ok) {
		return failed(
			catalogue.problems.map(
				(problem) =>
					`${label}/${problem.programId}.json: ${formatProblem(problem)} (exercise catalogue)`
			)
		);
	}
	const outDir = path.join(paths.staticDir, 'programs');
	const keep = new Set([INDEX_FILE, CATALOGUE_FILE]);
	for (const program of sorted) {
		const name = `${program.id}.json`;
		keep.add(name);
		writeIfChanged(path.join(outDir, name), `${JSON.stringify(program)}\n`, written);
	}
	const index = sorted.map(indexEntry);
	writeIfChanged(path.join(outDir, INDEX_FILE), `${JSON.stringify(index, null, '\t')}\n`, written);
	writeIfChanged(
		path.join(outDir, CATALOGUE_FILE),
		`${JSON.stringify(catalogue.entries)}\n`,
		written
	);
	for (const name of fs.readdirSync(outDir)) {
		if (name.endsWith('.json') && !keep.has(name)) {
			fs.rmSync(path.join(outDir, name));
			removed.push(path.join(outDir, name));
		}
	}
	return { ok: true, errors: [], advice, written, removed, index, catalogue: catalogue.entries };
}

/** The message that fails the build, listing every problem. */
export function failureMessage(errors: readonly string[]): string {
	return [
		`The built-in programs have ${errors.length} problem${errors.length === 1 ? '' : 's'} ` +
			'(check one file with `npm run validate -- programs/<file>.json`):',
		...errors.map((line) => `  ${line}`)
	].join('\n');
}

/** The warning that lists the advice about the built-in programs ('' when there is none). */
export function adviceMessage(advice: readonly string[]): string {
	if (advice.length === 0) return '';
	return [
		'Advice about the built-in programs (they are valid; see programs/README.md):',
		...advice.map((line) => `  ${line}`)
	].join('\n');
}

/** The Vite plugin: validates and publishes programs/*.json on build and in dev (see above). */
export function programsPlugin(options: Partial<ProgramsPaths> & { root?: string } = {}): Plugin {
	let paths: ProgramsPaths = {
		programsDir: path.resolve(options.root ?? process.cwd(), options.programsDir ?? 'programs'),
		staticDir: path.resolve(options.root ?? process.cwd(), options.staticDir ?? 'static')
	};
	const skip = () => Boolean(process.env.VITEST);
	const run = () => {
		const result = generatePrograms(paths);
		if (!result.ok) throw new Error(failureMessage(result.errors));
		return result;
	};

	const regenerate = (server: ViteDevServer) => {
		try {
			const result = run();
			if (result.written.length > 0 || result.removed.length > 0) {
				server.config.logger.info(`programs: published ${result.index.length} built-in programs`);
				const advice = adviceMessage(result.advice);
				if (advice) server.config.logger.warn(advice);
				server.ws.send({ type: 'full-reload' });
			}
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			server.config.logger.error(message);
			server.ws.send({ type: 'error', err: { message, stack: '' } });
		}
	};

	return {
		name: 'limber-programs',
		enforce: 'pre',
		config: {
			order: 'pre',
			handler(config) {
				if (skip()) return;
				if (config.root && !options.root) {
					paths = {
						programsDir: path.resolve(config.root, options.programsDir ?? 'programs'),
						staticDir: path.resolve(config.root, options.staticDir ?? 'static')
					};
				}
				const advice = adviceMessage(run().advice);
				if (advice) console.warn(advice);
			}
		},
		buildStart() {
			if (skip()) return;
			try {
				run();
			} catch (error) {
				this.error(error instanceof Error ? error.message : String(error));
			}
		},
		configureServer(server) {
			if (skip()) return;
			server.watcher.add(paths.programsDir);
			const onFile = (file: string) => {
				if (path.dirname(path.resolve(file)) === paths.programsDir && file.endsWith('.json')) {
					regenerate(server);
				}
			};
			server.watcher.on('add', onFile);
			server.watcher.on('change', onFile);
			server.watcher.on('unlink', onFile);
		}
	};
}
