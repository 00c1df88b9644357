// A program as a file to hand on: `<id>.json`, the format of programs/README.md, pretty-printed
// (tabs, one field per line, a final newline) and pointing at the app's JSON Schema so that an
// editor can check it.
import type { Program } from '../program/types';

export interface ProgramFile {
	name: string;
	text: string;
}

/** The file of a program, with `$schema` first (any `$schema` it had is replaced). */
export function programFile(program: Program, schemaUrl: string): ProgramFile {
	const { $schema: _old, ...rest } = program;
	return {
		name: `${program.id}.json`,
		text: `${JSON.stringify({ $schema: schemaUrl, ...rest }, null, '\t')}\n`
	};
}

/** The path of the outline of a QR code's dark modules, one unit per module, after a quiet zone. */
export function qrPath(matrix: readonly (readonly boolean[])[], quiet = 4): string {
	let d = '';
	matrix.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
		});
	});
	return d;
}
