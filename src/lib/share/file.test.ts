import { describe, expect, it } from 'vitest';
import { programFile, qrPath } from './file';
import { parseProgramText, validateProgram } from '../program/validate';

describe('programFile', () => {
	it('is <id>.json, pretty-printed, with $schema first, and reads back as the same program', () => {
		const result = validateProgram({
			format: 1,
			id: 'my-back',
			title: 'My back',
			$schema: 'old.json',
			exercises: [{ id: 'a', name: 'A', instructions: ['Do it'], hold: 10, reps: 3 }]
		});
		if (!result.ok) throw new Error('fixture must be valid');
		const file = programFile(result.value, 'https://example.org/program.schema.json');
		expect(file.name).toBe('my-back.json');
		expect(
			file.text.startsWith(
				'{\n\t"$schema": "https://example.org/program.schema.json",\n\t"format": 1,'
			)
		).toBe(true);
		expect(file.text.endsWith('}\n')).toBe(true);
		const read = parseProgramText(file.text);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { $schema, ...rest } = read.value;
		const { $schema: _old, ...original } = result.value;
		expect($schema).toBe('https://example.org/program.schema.json');
		expect(rest).toEqual(original);
	});
});

describe('qrPath', () => {
	it('draws one unit square per dark module, shifted by the quiet zone', () => {
		expect(
			qrPath([
				[true, false],
				[false, true]
			])
		).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
		expect(qrPath([[true]], 0)).toBe('M0 0h1v1h-1z');
		expect(qrPath([[false]])).toBe('');
	});
});
