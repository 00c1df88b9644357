import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { programJsonSchemaText } from '../src/lib/program/json-schema';
import type { ProgramIndexEntry } from '../src/lib/program/types';
import {
	failureMessage,
	generatePrograms,
	loadPrograms,
	programsPlugin,
	type ProgramsPaths
} from './programs-plugin';

let root: string;
let paths: ProgramsPaths;

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-programs-'));
	paths = { programsDir: path.join(root, 'programs'), staticDir: path.join(root, 'static') };
	fs.mkdirSync(paths.programsDir);
});

afterEach(() => {
	fs.rmSync(root, { recursive: true, force: true });
});

function writeProgram(file: string, fields: Record<string, unknown> = {}): void {
	const id = file.replace(/\.json$/, '');
	const program = {
		format: 1,
		id,
		title: `Title ${id}`,
		exercises: [{ id: 'tilt', name: 'Tilt', instructions: ['Tilt.'], reps: 5 }],
		...fields
	};
	fs.writeFileSync(path.join(paths.programsDir, file), JSON.stringify(program));
}

const readJson = (...parts: string[]) =>
	JSON.parse(fs.readFileSync(path.join(paths.staticDir, ...parts), 'utf8')) as unknown;

describe('generatePrograms', () => {
	it('writes an empty index and the schema when there are no programs', () => {
		fs.rmSync(paths.programsDir, { recursive: true });
		const result = generatePrograms(paths);
		expect(result.ok).toBe(true);
		expect(readJson('programs', 'index.json')).toEqual([]);
		expect(readJson('programs', 'catalogue.v1.json')).toEqual([]);
		expect(fs.readFileSync(path.join(paths.staticDir, 'program.schema.json'), 'utf8')).toBe(
			programJsonSchemaText()
		);
	});

	it('publishes each program with defaults filled in, and an index in library order', () => {
		writeProgram('zeta.json', { title: 'Zeta', summary: 'Last by title.' });
		writeProgram('alpha.json', { title: 'Alpha' });
		writeProgram('second.json', { title: 'Second', 'x-order': 2 });
		writeProgram('first.json', {
			title: 'First',
			'x-order': 1,
			schedule: { timesPerDay: 2 },
			progression: { levels: 3 },
			exercises: [{ id: 'hold', name: 'Hold', instructions: ['Hold.'], hold: 10, reps: 2 }]
		});
		const result = generatePrograms(paths);
		expect(result.errors).toEqual([]);
		const index = readJson('programs', 'index.json') as ProgramIndexEntry[];
		expect(index.map((entry) => entry.id)).toEqual(['first', 'second', 'alpha', 'zeta']);
		expect(index[0]).toEqual({
			id: 'first',
			title: 'First',
			exerciseCount: 1,
			totalMs: (5 + 10 + 10) * 1000,
			hasSelfPaced: false,
			schedule: { timesPerDay: 2, daysPerWeek: 7 },
			progression: { levels: 3, sessionsToAdvance: 2 }
		});
		expect(index[3]).toEqual({
			id: 'zeta',
			title: 'Zeta',
			summary: 'Last by title.',
			exerciseCount: 1,
			totalMs: 5000 + 5 * 4000,
			hasSelfPaced: true,
			schedule: { timesPerDay: 1, daysPerWeek: 7 }
		});
		expect(readJson('programs', 'alpha.json')).toMatchObject({
			id: 'alpha',
			version: 1,
			language: 'en',
			prepareSeconds: 5,
			exercises: [{ cautions: [], sets: 1, sides: 'none', restBetweenSets: 30 }]
		});
		expect(result.index).toEqual(index);
	});

	it('writes only files whose content changed, and removes programs that are gone', () => {
		writeProgram('one.json');
		writeProgram('two.json');
		const first = generatePrograms(paths);
		expect(first.written.map((file) => path.relative(paths.staticDir, file)).sort()).toEqual([
			'program.schema.json',
			path.join('programs', 'catalogue.v1.json'),
			path.join('programs', 'index.json'),
			path.join('programs', 'one.json'),
			path.join('programs', 'two.json')
		]);
		expect(generatePrograms(paths).written).toEqual([]);

		writeProgram('two.json', { title: 'Renamed' });
		fs.rmSync(path.join(paths.programsDir, 'one.json'));
		const third = generatePrograms(paths);
		// The catalogue lists the programs that use each exercise: "one" is gone, "two" renamed.
		expect(third.written.map((file) => path.basename(file)).sort()).toEqual([
			'catalogue.v1.json',
			'index.json',
			'two.json'
		]);
		expect(third.removed.map((file) => path.basename(file))).toEqual(['one.json']);
		expect(fs.readdirSync(path.join(paths.staticDir, 'programs')).sort()).toEqual([
			'catalogue.v1.json',
			'index.json',
			'two.json'
		]);
	});

	it('fails with every problem of every file and publishes nothing', () => {
		writeProgram('good.json');
		writeProgram('bad.json', {
			title: '',
			exercises: [{ id: 'x', name: 'X', instructions: ['x'], hodl: 3 }]
		});
		fs.writeFileSync(path.join(paths.programsDir, 'broken.json'), '{ "format": 1,');
		const result = generatePrograms(paths);
		expect(result.ok).toBe(false);
		expect(result.errors).toEqual([
			'programs/bad.json: title: must not be empty',
			'programs/bad.json: exercises[0].hodl: unknown field "hodl": did you mean "hold"?',
			'programs/broken.json: (root): is not valid JSON: line 1, column 15: the file ends too early: a closing "}" is missing'
		]);
		expect(fs.existsSync(path.join(paths.staticDir, 'programs'))).toBe(false);
		expect(failureMessage(result.errors).split('\n')).toEqual([
			'The built-in programs have 3 problems (check one file with `npm run validate -- programs/<file>.json`):',
			...result.errors.map((line) => `  ${line}`)
		]);
	});

	it('writes the exercise catalogue: each exercise once, with the programs that use it', () => {
		writeProgram('walk.json', { title: 'Walk', 'x-order': 1 });
		writeProgram('stroll.json', {
			title: 'Stroll',
			exercises: [
				{ id: 'tilt', name: 'Tilt', instructions: ['Tilt.'], reps: 8 },
				{ id: 'reach', name: 'Reach', instructions: ['Reach up.'], duration: 30 }
			]
		});
		const result = generatePrograms(paths);
		expect(result.ok).toBe(true);
		const catalogue = readJson('programs', 'catalogue.v1.json');
		expect(catalogue).toEqual(result.catalogue);
		expect(catalogue).toEqual([
			{
				key: 'reach',
				id: 'reach',
				name: 'Reach',
				instructions: ['Reach up.'],
				cautions: [],
				usedBy: [{ programId: 'stroll', programTitle: 'Stroll' }],
				dose: {
					sets: 1,
					reps: 1,
					sides: 'none',
					duration: 30,
					restBetweenReps: 0,
					restBetweenSets: 30
				}
			},
			{
				key: 'tilt',
				id: 'tilt',
				name: 'Tilt',
				instructions: ['Tilt.'],
				cautions: [],
				// Library order: "walk" has x-order 1, so its dose (5 reps) is the example.
				usedBy: [
					{ programId: 'walk', programTitle: 'Walk' },
					{ programId: 'stroll', programTitle: 'Stroll' }
				],
				dose: { sets: 1, reps: 5, sides: 'none', restBetweenReps: 0, restBetweenSets: 30 }
			}
		]);
	});

	it('fails on a catalogue problem and publishes nothing', () => {
		writeProgram('walk.json');
		writeProgram('stroll.json', {
			exercises: [{ id: 'tilt', name: 'Pelvic tilt', instructions: ['Tilt.'] }]
		});
		const result = generatePrograms(paths);
		expect(result.ok).toBe(false);
		expect(result.errors).toEqual([
			'programs/walk.json: exercises[0].name: is “Tilt”, but the exercise “tilt” is called ' +
				'“Pelvic tilt” in stroll, exercises[0]: an exercise id names one exercise in all the ' +
				'built-in programs; give this one another id, or the same name (exercise catalogue)'
		]);
		expect(fs.existsSync(path.join(paths.staticDir, 'programs'))).toBe(false);
	});

	it('requires the file name to be the id, ids to be unique, and keeps "index" for the list', () => {
		writeProgram('walk.json');
		writeProgram('copy.json', { id: 'walk' });
		writeProgram('index.json');
		expect(generatePrograms(paths).errors).toEqual([
			'programs/copy.json: id: is "walk", so the file must be named "walk.json" (a built-in program’s file name is its id)',
			'programs/index.json: id: "index" is reserved for the app’s own files; give your program another id',
			'programs/walk.json: id: "walk" is already the id of programs/copy.json'
		]);
	});

	it('lists the advice for the built-in programs, without failing', () => {
		writeProgram('holds.json', {
			exercises: [{ id: 'hold', name: 'Hold', instructions: ['Hold.'], reps: 4, hold: 10 }]
		});
		const result = generatePrograms(paths);
		expect(result.ok).toBe(true);
		expect(result.advice).toEqual([
			'programs/holds.json: exercises[0]: 4 holds of 10 s play back to back with no rest; ' +
				'add "restBetweenReps" (e.g. 5) so the person can relax between them, or write ' +
				'"restBetweenReps": 0 if no rest is meant'
		]);
	});

	it('refuses an oversize program file', () => {
		fs.writeFileSync(path.join(paths.programsDir, 'huge.json'), ' '.repeat(1_048_577));
		expect(generatePrograms(paths).errors).toEqual([
			'programs/huge.json: (root): the file is too large (1,048,577 bytes); a program file may be at most 1 MB (1,048,576 bytes)'
		]);
	});

	it('accepts the built-in programs of this repository, with no advice', () => {
		const loaded = loadPrograms('programs');
		expect(loaded.errors).toEqual([]);
		expect(loaded.advice).toEqual([]);
	});
});

describe('programsPlugin', () => {
	type Handler = (config: { root?: string }) => void;
	const configHandler = (plugin: ReturnType<typeof programsPlugin>) => {
		const hook = plugin.config as { order: string; handler: Handler };
		expect(hook.order).toBe('pre');
		return hook.handler;
	};

	const withoutVitest = (run: () => void) => {
		const saved = process.env.VITEST;
		delete process.env.VITEST;
		try {
			run();
		} finally {
			process.env.VITEST = saved;
		}
	};

	it('runs before SvelteKit lists the static files and generates in the config hook', () => {
		writeProgram('walk.json');
		const plugin = programsPlugin({ root });
		expect(plugin.enforce).toBe('pre');
		withoutVitest(() => configHandler(plugin)({}));
		expect(readJson('programs', 'index.json')).toMatchObject([{ id: 'walk' }]);
	});

	it('takes the project root from the Vite config', () => {
		writeProgram('walk.json');
		const plugin = programsPlugin();
		withoutVitest(() => configHandler(plugin)({ root }));
		expect(fs.existsSync(path.join(paths.staticDir, 'programs', 'walk.json'))).toBe(true);
	});

	it('fails the build on an invalid program', () => {
		writeProgram('walk.json', { format: 2 });
		const plugin = programsPlugin({ root });
		withoutVitest(() => {
			expect(() => configHandler(plugin)({})).toThrow(
				/programs\/walk\.json: format: must be 1 \(this app reads program format 1\), not 2/
			);
			const context = {
				error(message: string): never {
					throw new Error(`build failed: ${message}`);
				}
			};
			const buildStart = plugin.buildStart as (this: typeof context) => void;
			expect(() => buildStart.call(context)).toThrow(
				/^build failed: The built-in programs have 1 problem/
			);
		});
	});

	it('does nothing under Vitest', () => {
		writeProgram('walk.json', { format: 2 });
		const plugin = programsPlugin({ root });
		expect(process.env.VITEST).toBeTruthy();
		expect(() => configHandler(plugin)({})).not.toThrow();
		expect(fs.existsSync(paths.staticDir)).toBe(false);
	});

	it('regenerates in dev when a program file changes', () => {
		writeProgram('walk.json');
		const plugin = programsPlugin({ root });
		const listeners: Record<string, (file: string) => void> = {};
		const sent: unknown[] = [];
		const logged: string[] = [];
		const server = {
			watcher: {
				add: (folder: string) => logged.push(`watch ${folder}`),
				on: (event: string, listener: (file: string) => void) => (listeners[event] = listener)
			},
			ws: { send: (payload: unknown) => sent.push(payload) },
			config: {
				logger: {
					info: (m: string) => logged.push(m),
					error: (m: string) => logged.push(`error ${m}`)
				}
			}
		};
		withoutVitest(() => {
			(plugin.configureServer as unknown as (s: typeof server) => void)(server);
			writeProgram('stretch.json');
			listeners.add!(path.join(paths.programsDir, 'stretch.json'));
			listeners.change!(path.join(root, 'elsewhere', 'other.json'));
			writeProgram('stretch.json', { format: 3 });
			listeners.change!(path.join(paths.programsDir, 'stretch.json'));
		});
		expect(logged[0]).toBe(`watch ${paths.programsDir}`);
		expect(logged[1]).toBe('programs: published 2 built-in programs');
		expect(logged[2]).toMatch(/^error The built-in programs have 1 problem/);
		expect(sent[0]).toEqual({ type: 'full-reload' });
		expect(sent[1]).toMatchObject({ type: 'error' });
		expect(sent).toHaveLength(2);
	});
});
