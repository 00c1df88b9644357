import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { constructorPhases } from '../src/lib/test-factories/hostile-programs';
import { runValidate, USAGE, validateFileBytes, type ValidateIo } from './validate';

/** Files in memory, by name. */
function memoryIo(files: Record<string, string>): ValidateIo {
	return {
		resolve: (file) => file,
		size: (file) => Buffer.byteLength(files[file] ?? ''),
		readFile: (file) => new TextEncoder().encode(files[file] ?? '')
	};
}

const VALID = 'tests/fixtures/programs/valid';
const INVALID = 'tests/fixtures/programs/invalid';

describe('runValidate', () => {
	it('prints "FILE: ok" for valid files and exits 0', () => {
		const files = [`${VALID}/minimal.json`, `${VALID}/contract-example.json`];
		expect(runValidate(files)).toEqual({
			code: 0,
			out: files.map((file) => `${file}: ok`),
			err: []
		});
	});

	it('prints every problem as "FILE: <path>: <message>" and exits 1 when any file is invalid', () => {
		const run = runValidate([
			`${VALID}/minimal.json`,
			`${INVALID}/missing-required.json`,
			`${INVALID}/unknown-key.json`
		]);
		expect(run.code).toBe(1);
		expect(run.out).toEqual([
			`${VALID}/minimal.json: ok`,
			`${INVALID}/missing-required.json: title: is missing (it is required)`,
			`${INVALID}/missing-required.json: exercises[0].instructions: is missing (it is required)`,
			`${INVALID}/unknown-key.json: exercises[0].hodl: unknown field "hodl": did you mean "hold"?`
		]);
	});

	it('prints a valid file’s advice after "ok", and still exits 0', () => {
		const program = {
			format: 1,
			id: 'holds',
			title: 'Holds',
			exercises: [
				{ id: 'a', name: 'A', instructions: ['A.'], reps: 10, hold: 10 },
				{ id: 'b', name: 'B', instructions: ['B.'], reps: 10, hold: 10, restBetweenReps: 5 }
			]
		};
		const run = runValidate(['holds.json'], memoryIo({ 'holds.json': JSON.stringify(program) }));
		expect(run).toEqual({
			code: 0,
			out: [
				'holds.json: ok',
				'holds.json: advice: exercises[0]: 10 holds of 10 s play back to back with no rest; ' +
					'add "restBetweenReps" (e.g. 5) so the person can relax between them, or write ' +
					'"restBetweenReps": 0 if no rest is meant'
			],
			err: []
		});
	});

	it('lists at most 100 problems of a file, then how many more', () => {
		const run = runValidate(['hostile.json'], memoryIo({ 'hostile.json': constructorPhases(1) }));
		expect(run.code).toBe(1);
		expect(run.out).toHaveLength(101);
		expect(run.out[0]).toBe(
			'hostile.json: exercises[0].phases: must have at most 8 phases (this one has 10000)'
		);
		expect(run.out.at(-1)).toBe('hostile.json: and 9,917 more problems');
	});

	it('prints the usage and exits 2 without files', () => {
		expect(runValidate([])).toEqual({ code: 2, out: [], err: [USAGE] });
		expect(runValidate(['--'])).toEqual({ code: 2, out: [], err: [USAGE] });
		expect(runValidate(['--help']).code).toBe(0);
	});

	it('reports files that cannot be read', () => {
		const run = runValidate(['no/such/file.json', 'tests/fixtures']);
		expect(run.code).toBe(1);
		expect(run.out).toEqual([
			'no/such/file.json: (root): cannot be read: file not found',
			'tests/fixtures: (root): cannot be read: is a folder, not a file'
		]);
	});

	it('refuses an oversize file without reading it', () => {
		let reads = 0;
		const io: ValidateIo = {
			resolve: (file) => file,
			size: () => 5 * 1024 * 1024,
			readFile: () => {
				reads++;
				return new Uint8Array();
			}
		};
		const run = runValidate(['big.json'], io);
		expect(run.out).toEqual([
			'big.json: (root): the file is too large (5,242,880 bytes); a program file may be at most 1 MB (1,048,576 bytes)'
		]);
		expect(reads).toBe(0);
	});

	it('resolves relative names from where npm was started (INIT_CWD)', () => {
		const saved = process.env.INIT_CWD;
		process.env.INIT_CWD = path.resolve(VALID);
		try {
			expect(runValidate(['minimal.json']).out).toEqual(['minimal.json: ok']);
		} finally {
			if (saved === undefined) delete process.env.INIT_CWD;
			else process.env.INIT_CWD = saved;
		}
	});
});

describe('validateFileBytes', () => {
	it('rejects bytes that are not UTF-8', () => {
		const result = validateFileBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
		expect(result).toEqual({
			ok: false,
			problems: [{ path: '(root)', message: 'is not UTF-8 text (save the file as UTF-8)' }],
			more: 0
		});
	});

	it('accepts UTF-8 with a byte-order mark', () => {
		const text = fs.readFileSync(`${VALID}/minimal.json`);
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...text]);
		expect(validateFileBytes(withBom).ok).toBe(true);
	});
});

describe('npm run validate (the real command)', () => {
	const tsx = path.resolve('node_modules/.bin/tsx');
	const run = (args: string[], cwd = process.cwd()) =>
		spawnSync(tsx, [path.resolve('scripts/validate.ts'), ...args], {
			cwd,
			encoding: 'utf8',
			env: { ...process.env, INIT_CWD: cwd }
		});

	it('exits 0, 1 and 2 as documented', () => {
		const ok = run([`${VALID}/minimal.json`]);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toBe(`${VALID}/minimal.json: ok\n`);

		const bad = run([`${VALID}/minimal.json`, `${INVALID}/not-json.json`]);
		expect(bad.status).toBe(1);
		expect(bad.stdout).toContain(
			`${INVALID}/not-json.json: (root): is not valid JSON: line 4, column 2`
		);

		const usage = run([]);
		expect(usage.status).toBe(2);
		expect(usage.stderr).toContain('Usage: npm run validate -- FILE...');
	}, 30_000);

	it('works from another folder', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-validate-'));
		try {
			fs.copyFileSync(`${VALID}/minimal.json`, path.join(folder, 'mine.json'));
			const result = run(['mine.json'], folder);
			expect(result.stdout).toBe('mine.json: ok\n');
			expect(result.status).toBe(0);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	}, 30_000);
});
