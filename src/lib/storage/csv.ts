// A spreadsheet of the session log for a clinician (pure): one row per exercise per session,
// RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import { OUTCOME_TEXT } from '$lib/session/outcome';
import type { ExerciseRecord, SessionRecord } from '$lib/session/record';

export interface CsvOptions {
	/** IANA time zone for dates and times; the device's own zone when absent. */
	timeZone?: string;
	/** Start with a byte-order mark, which Excel needs to read UTF-8 (default false). */
	bom?: boolean;
}

/** The header row, in column order. */
export const CSV_COLUMNS = [
	'date',
	'start time',
	'program',
	'program version',
	'level',
	'session',
	'session minutes',
	'exercise',
	'sets done',
	'sets planned',
	'reps done',
	'reps left',
	'reps right',
	'seconds',
	'outcome',
	'skip reason',
	'pain before',
	'pain after',
	'effort',
	'note'
] as const;

type Cell = string | number | undefined;

/** The sessions as CSV text (CRLF line ends), oldest session first. */
export function sessionsToCsv(
	sessions: readonly SessionRecord[],
	options: CsvOptions = {}
): string {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: options.timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	const rows: Cell[][] = [[...CSV_COLUMNS]];
	const ordered = [...sessions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
	for (const session of ordered) {
		const { day, time } = localParts(format, session.startedAt);
		const sessionCells: Cell[] = [
			day,
			time,
			session.programTitle,
			session.programVersion,
			session.level,
			session.completed ? 'completed' : 'partial',
			Math.round((session.durationSeconds / 60) * 10) / 10
		];
		const tail: Cell[] = [session.painBefore, session.painAfter, session.effort, session.note];
		if (session.exercises.length === 0) {
			rows.push([...sessionCells, ...exerciseCells(undefined), ...tail]);
		}
		for (const exercise of session.exercises) {
			rows.push([...sessionCells, ...exerciseCells(exercise), ...tail]);
		}
	}
	const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
	return options.bom ? '\ufeff' + text : text;
}

function exerciseCells(exercise: ExerciseRecord | undefined): Cell[] {
	if (!exercise) return new Array<Cell>(9).fill(undefined);
	const { none, left, right } = exercise.repsDone;
	const sided = left > 0 || right > 0;
	return [
		exercise.name,
		exercise.setsDone,
		exercise.setsPlanned,
		none + left + right,
		sided ? left : undefined,
		sided ? right : undefined,
		Math.round(exercise.seconds),
		OUTCOME_TEXT[exercise.outcome],
		exercise.skipReason
	];
}

function localParts(format: Intl.DateTimeFormat, iso: string): { day: string; time: string } {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return { day: iso, time: '' };
	const parts: Record<string, string> = {};
	for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
	return {
		day: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`
	};
}

/**
 * One cell: text a spreadsheet would treat as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe; then RFC 4180 quoting where needed.
 */
export function csvCell(value: Cell): string {
	if (value === undefined) return '';
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A file name for the CSV made at `now`, by the local calendar day. */
export function csvFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `limber-sessions-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
