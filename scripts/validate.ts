// `npm run validate -- FILE...`: checks program files against the program format, exactly as the
// app does on import. Prints "FILE: ok" and then one "FILE: advice: <path>: <message>" line per
// piece of advice (which never makes a file invalid), or one "FILE: <path>: <message>" line per
// problem (at most 100, then "FILE: and N more problems").
// Exit code: 0 when every file is valid, 1 when any is not, 2 when no file was given.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { moreProblemsText } from '../src/lib/validation/problems';
import type { ProgramResult } from '../src/lib/program/types';
import { formatProblem, MAX_PROGRAM_BYTES, parseProgramText } from '../src/lib/program/validate';

export const USAGE = [
	'Usage: npm run validate -- FILE...',
	'',
	'Checks each program file (JSON, format 1) and prints "FILE: ok" (then any advice, as',
	'"FILE: advice: <path>: <message>") or the problems found as "FILE: <path>: <message>".',
	'Exits with 0 when every file is valid (advice or not), else 1.',
	'The format is described in programs/README.md.'
].join('\n');

/** What the command needs from the outside world (replaced in tests). */
export interface ValidateIo {
	/** Resolves a file argument to an absolute path. */
	resolve(file: string): string;
	/** The file's size in bytes; throws like fs.statSync when it cannot be read. */
	size(file: string): number;
	readFile(file: string): Uint8Array;
}

export interface ValidateRun {
	code: 0 | 1 | 2;
	/** Lines for standard output. */
	out: string[];
	/** Lines for standard error. */
	err: string[];
}

/** npm runs scripts in the package folder; INIT_CWD is where the person typed the command. */
const nodeIo: ValidateIo = {
	resolve: (file) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file),
	size: (file) => {
		const stat = fs.statSync(file);
		if (stat.isDirectory()) throw new Error('is a folder, not a file');
		return stat.size;
	},
	readFile: (file) => fs.readFileSync(file)
};

function readError(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	if (code === 'ENOENT') return 'file not found';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	return error instanceof Error ? error.message : String(error);
}

/** Checks the bytes of a program file: size first, then UTF-8, then JSON, then the format. */
export function validateFileBytes(bytes: Uint8Array): ProgramResult {
	if (bytes.length > MAX_PROGRAM_BYTES) return parseProgramText('', bytes.length);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return {
			ok: false,
			problems: [{ path: '(root)', message: 'is not UTF-8 text (save the file as UTF-8)' }],
			more: 0
		};
	}
	return parseProgramText(text, bytes.length);
}

/** Checks one file by name; a file that cannot be read is reported as a problem. */
export function validateFile(file: string, io: ValidateIo = nodeIo): ProgramResult {
	try {
		const absolute = io.resolve(file);
		const size = io.size(absolute);
		if (size > MAX_PROGRAM_BYTES) return parseProgramText('', size);
		return validateFileBytes(io.readFile(absolute));
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: '(root)', message: `cannot be read: ${readError(error)}` }],
			more: 0
		};
	}
}

/** Runs the command on its arguments and returns the exit code and the lines to print. */
export function runValidate(args: readonly string[], io: ValidateIo = nodeIo): ValidateRun {
	if (args.includes('--help') || args.includes('-h')) return { code: 0, out: [USAGE], err: [] };
	const files = args.filter((arg) => arg !== '--');
	if (files.length === 0) return { code: 2, out: [], err: [USAGE] };
	const out: string[] = [];
	let allValid = true;
	for (const file of files) {
		const result = validateFile(file, io);
		if (result.ok) {
			out.push(`${file}: ok`);
			for (const advice of result.advice) out.push(`${file}: advice: ${formatProblem(advice)}`);
		} else {
			allValid = false;
			for (const problem of result.problems) out.push(`${file}: ${formatProblem(problem)}`);
			if (result.more > 0) out.push(`${file}: ${moreProblemsText(result.more)}`);
		}
	}
	return { code: allValid ? 0 : 1, out, err: [] };
}

const invokedDirectly =
	typeof process.argv[1] === 'string' &&
	import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (invokedDirectly) {
	const run = runValidate(process.argv.slice(2));
	for (const line of run.out) process.stdout.write(`${line}\n`);
	for (const line of run.err) process.stderr.write(`${line}\n`);
	process.exitCode = run.code;
}
