// A spreadsheet of the session log for a clinician (pure): one row per exercise per session,
// RFC 4180 quoting, and no cell a spreadsheet would run as a formula. The header row is in the
// person's language; the cells stay machine-readable in every language: ISO dates, 24-hour
// times, numbers with a '.', and the recorded codes for the session, the outcome, the skip
// reason and the effort (docs/i18n.md, "History, report and CSV").
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import { OUTCOME_TEXT } from '$lib/session/outcome';
import type { ExerciseRecord, SessionRecord } from '$lib/session/record';

export interface CsvOptions {
	/** IANA time zone for dates and times; the device's own zone when absent. */
	timeZone?: string;
	/** Start with a byte-order mark, which Excel needs to read UTF-8 (default false). */
	bom?: boolean;
	/** The language of the header row (default English, the column names below). */
	locale?: Locale;
}

/** The header row in English, in column order: the columns' names. */
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

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const HEADERS: Record<CsvColumn, (inputs: object, options: { locale: Locale }) => string> = {
	date: m.history_csv_date,
	'start time': m.history_csv_start_time,
	program: m.history_csv_program,
	'program version': m.history_csv_program_version,
	level: m.history_csv_level,
	session: m.history_csv_session,
	'session minutes': m.history_csv_session_minutes,
	exercise: m.history_csv_exercise,
	'sets done': m.history_csv_sets_done,
	'sets planned': m.history_csv_sets_planned,
	'reps done': m.history_csv_reps_done,
	'reps left': m.history_csv_reps_left,
	'reps right': m.history_csv_reps_right,
	seconds: m.history_csv_seconds,
	outcome: m.history_csv_outcome,
	'skip reason': m.history_csv_skip_reason,
	'pain before': m.history_csv_pain_before,
	'pain after': m.history_csv_pain_after,
	effort: m.history_csv_effort,
	note: m.history_csv_note
};

/** The header row in `locale`, in column order. */
export function csvHeader(locale: Locale = 'en'): string[] {
	return CSV_COLUMNS.map((column) => HEADERS[column]({}, { locale }));
}

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
	const rows: Cell[][] = [csvHeader(options.locale)];
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
