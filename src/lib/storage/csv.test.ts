import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvFileName, csvHeader, sessionsToCsv } from './csv';
import { makeExerciseRecord, makeSessionRecord } from '$lib/test-factories';

/** A small RFC 4180 reader, to check that the output parses back into the same cells. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += char;
	}
	expect(cell).toBe('');
	expect(row).toEqual([]);
	return rows;
}

describe('sessionsToCsv', () => {
	it('writes a header and one row per exercise per session, oldest session first', () => {
		const later = makeSessionRecord({
			id: 'later',
			startedAt: '2025-03-15T18:05:00.000Z',
			durationSeconds: 750,
			completed: false,
			level: 2,
			painBefore: 6,
			painAfter: 4,
			effort: 'too hard',
			note: 'Stopped early',
			exercises: [
				makeExerciseRecord(),
				makeExerciseRecord({
					exerciseId: 'bird-dog',
					name: 'Bird-dog',
					repsDone: { none: 0, left: 5, right: 4 },
					seconds: 61.6,
					setsDone: 1,
					skipped: true,
					skipReason: 'pain',
					outcome: 'skipped'
				})
			]
		});
		const earlier = makeSessionRecord({ id: 'earlier', startedAt: '2025-03-14T08:00:00.000Z' });
		const rows = parseCsv(sessionsToCsv([later, earlier], { timeZone: 'Europe/Berlin' }));
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		expect(rows.slice(1)).toEqual([
			[
				'2025-03-14',
				'09:00',
				'Gentle start',
				'1',
				'',
				'completed',
				'11.7',
				'Pelvic tilts',
				'2',
				'2',
				'20',
				'',
				'',
				'95',
				'done',
				'',
				'5',
				'3',
				'about right',
				''
			],
			[
				'2025-03-15',
				'19:05',
				'Gentle start',
				'1',
				'2',
				'partial',
				'12.5',
				'Pelvic tilts',
				'2',
				'2',
				'20',
				'',
				'',
				'95',
				'done',
				'',
				'6',
				'4',
				'too hard',
				'Stopped early'
			],
			[
				'2025-03-15',
				'19:05',
				'Gentle start',
				'1',
				'2',
				'partial',
				'12.5',
				'Bird-dog',
				'1',
				'2',
				'9',
				'5',
				'4',
				'62',
				'skipped',
				'pain',
				'6',
				'4',
				'too hard',
				'Stopped early'
			]
		]);
	});

	it('uses the local day of the given time zone', () => {
		const session = makeSessionRecord({ startedAt: '2025-03-14T23:30:00.000Z' });
		const rows = (zone: string) => parseCsv(sessionsToCsv([session], { timeZone: zone }))[1]!;
		expect(rows('UTC').slice(0, 2)).toEqual(['2025-03-14', '23:30']);
		expect(rows('Asia/Tokyo').slice(0, 2)).toEqual(['2025-03-15', '08:30']);
		expect(rows('America/New_York').slice(0, 2)).toEqual(['2025-03-14', '19:30']);
	});

	it('writes one row for a session without exercises', () => {
		const rows = parseCsv(
			sessionsToCsv([makeSessionRecord({ exercises: [] })], { timeZone: 'UTC' })
		);
		expect(rows).toHaveLength(2);
		expect(rows[1]!.slice(7, 16)).toEqual(['', '', '', '', '', '', '', '', '']);
		expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
	});

	it('quotes commas, quotes and line breaks (RFC 4180) and uses CRLF', () => {
		const note = 'Sore, then "better"\nafter the walk';
		const text = sessionsToCsv([makeSessionRecord({ note, programTitle: 'Back, hips' })], {
			timeZone: 'UTC'
		});
		expect(text).toContain('"Sore, then ""better""\nafter the walk"');
		expect(text).toContain('"Back, hips"');
		expect(text.endsWith('\r\n')).toBe(true);
		const rows = parseCsv(text);
		expect(rows[1]!.at(-1)).toBe(note);
		expect(rows[1]![2]).toBe('Back, hips');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		const text = sessionsToCsv(
			[
				makeSessionRecord({
					note: '=HYPERLINK("http://evil.example","click")',
					programTitle: '+1 stretch',
					exercises: [
						makeExerciseRecord({ name: '@SUM(A1)' }),
						makeExerciseRecord({ name: '-5 reps' })
					]
				})
			],
			{ timeZone: 'UTC' }
		);
		const rows = parseCsv(text);
		expect(rows[1]!.at(-1)).toBe('\'=HYPERLINK("http://evil.example","click")');
		expect(rows[1]![2]).toBe("'+1 stretch");
		expect(rows[1]![7]).toBe("'@SUM(A1)");
		expect(rows[2]![7]).toBe("'-5 reps");
	});

	it('adds a byte-order mark only when asked', () => {
		expect(sessionsToCsv([]).startsWith('date,')).toBe(true);
		expect(sessionsToCsv([], { bom: true }).startsWith('\ufeffdate,')).toBe(true);
	});
});

describe('csvCell', () => {
	it('quotes only when needed and guards every formula start', () => {
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(12)).toBe('12');
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('\rx')).toBe('"\'\rx"');
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('=1,2')).toBe('"\'=1,2"');
	});

	it('names the file by the local day', () => {
		expect(csvFileName(new Date(2025, 0, 9, 10))).toBe('limber-sessions-2025-01-09.csv');
	});
});

describe("the header row in the person's language", () => {
	it('is English by default: the column names', () => {
		expect(csvHeader()).toEqual([...CSV_COLUMNS]);
	});

	it('is German with locale "de", and the cells stay machine-readable', () => {
		const session = makeSessionRecord({
			startedAt: '2025-03-15T18:05:00.000Z',
			durationSeconds: 750,
			effort: 'too hard'
		});
		const english = parseCsv(sessionsToCsv([session], { timeZone: 'Europe/Berlin' }));
		const german = parseCsv(sessionsToCsv([session], { timeZone: 'Europe/Berlin', locale: 'de' }));
		expect(german[0]?.slice(0, 7)).toEqual([
			'Datum',
			'Startzeit',
			'Programm',
			'Programmversion',
			'Stufe',
			'Training',
			'Trainingsminuten'
		]);
		expect(german[0]).toHaveLength(CSV_COLUMNS.length);
		expect(german[0]).toContain('Schmerz vorher');
		// ISO dates, 24-hour times, "12.5" with a point, the recorded codes: as in English.
		expect(german.slice(1)).toEqual(english.slice(1));
		expect(german[1]?.slice(0, 7)).toEqual([
			'2025-03-15',
			'19:05',
			'Gentle start',
			'1',
			'',
			'completed',
			'12.5'
		]);
	});

	it('has a header in each language, none of them English', () => {
		for (const locale of ['de', 'es', 'fr'] as const) {
			const header = csvHeader(locale);
			expect(new Set(header).size).toBe(CSV_COLUMNS.length);
			for (const [i, name] of header.entries()) expect(name).not.toBe(CSV_COLUMNS[i]);
		}
		expect(csvHeader('fr')[15]).toBe('Raison du passage');
	});
});
