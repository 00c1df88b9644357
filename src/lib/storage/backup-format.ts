// The backup file, format version 1 (pure): building it from stored data, and reading one back
// with a strict validator that never throws and lists every problem as `<JSON path>: <what>`
// (at most MAX_PROBLEMS, the rest counted in `more`, as for programs).
//
// A backup's programs obey the same rules as the Import page's: the program validator, then the
// import rule for ids (program-ids.ts: no built-in program's id). The validator is pure, so what
// it needs to know about the device comes in as a BackupContext: the built-in programs' ids and
// today's date (a morning answer from a later day would hold progression back for ever).
import * as v from 'valibot';
import { builtinIdProblem } from '$lib/program/id-rules';
import type { Program } from '$lib/program/types';
import { utf8ByteLength, validateProgram } from '$lib/program/validate';
import { SessionRecordSchema, type SessionRecord } from '$lib/session/record';
import {
	isRecord,
	nestPath,
	refusal,
	ROOT_PATH,
	type Problem,
	type ValidationResult
} from '$lib/validation/problems';
import {
	dateTime,
	list,
	problemsFromIssues,
	protoKeyProblems,
	record,
	text
} from '$lib/validation/schemas';
import { StoredProgramSchema, type StoredProgram } from './schema';
import {
	DEVICE_ONLY_SETTINGS,
	isSettingKey,
	SettingsPatchSchema,
	type Settings
} from './settings-schema';

/** Formats a problem as `<path>: <message>` (the same as for programs). */
export { formatProblem } from '$lib/program/validate';

export const BACKUP_FORMAT = 'limber-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The largest backup file accepted, in bytes (UTF-8), checked before parsing. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

export const BACKUP_LIMITS = {
	sessions: 100_000,
	programs: 500,
	appVersionLength: 50
} as const;

export const NOT_A_BACKUP = 'This is not a Limber backup';

/** The backup file, format version 1 (its programs are checked on top, see validateBackup). */
const BackupSchema = record({
	format: v.literal(BACKUP_FORMAT),
	formatVersion: v.literal(BACKUP_FORMAT_VERSION),
	/** When the file was made (ISO 8601). */
	exportedAt: dateTime(),
	app: record({ version: text(1, BACKUP_LIMITS.appVersionLength) }),
	/** Oldest first. */
	sessions: list(SessionRecordSchema, BACKUP_LIMITS.sessions),
	/** Imported programs (built-in ones come with the app). */
	programs: list(StoredProgramSchema, BACKUP_LIMITS.programs),
	/** Stored settings, without the ones that only describe the device. */
	settings: SettingsPatchSchema
});

type CheckedBackup = v.InferOutput<typeof BackupSchema>;

/** A backup as read and checked: its programs are whole programs (validated). */
export type Backup = Omit<CheckedBackup, 'programs'> & { programs: StoredProgram[] };

/** What reading a backup needs to know about this device. */
export interface BackupContext {
	/** Today's local day ('YYYY-MM-DD'): morning answers from later days are refused. */
	today: string;
	/** The ids of the built-in programs: a backup may not bring a program under one of them. */
	builtinIds: ReadonlySet<string>;
}

/** What a backup is made from. */
export interface BackupContents {
	sessions: SessionRecord[];
	programs: StoredProgram[];
	settings: Partial<Settings>;
}

/** Builds the backup object from stored data (pure; `now` is epoch ms). */
export function buildBackup(contents: BackupContents, now: number, appVersion: string): Backup {
	const settings: Partial<Settings> = {};
	for (const [key, value] of Object.entries(contents.settings)) {
		if (isSettingKey(key) && !DEVICE_ONLY_SETTINGS.includes(key)) {
			(settings as Record<string, unknown>)[key] = value;
		}
	}
	return {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: new Date(now).toISOString(),
		app: { version: appVersion },
		sessions: [...contents.sessions].sort((a, b) =>
			a.startedAt === b.startedAt ? compare(a.id, b.id) : compare(a.startedAt, b.startedAt)
		),
		programs: [...contents.programs].sort((a, b) => compare(a.program.id, b.program.id)),
		settings
	};
}

/** The backup as JSON text (compact: one line per session keeps large histories small). */
export function serializeBackup(backup: Backup): string {
	const lines = [
		'{',
		`"format":${JSON.stringify(backup.format)},`,
		`"formatVersion":${backup.formatVersion},`,
		`"exportedAt":${JSON.stringify(backup.exportedAt)},`,
		`"app":${JSON.stringify(backup.app)},`,
		`"sessions":[${joinLines(backup.sessions)}],`,
		`"programs":[${joinLines(backup.programs)}],`,
		`"settings":${JSON.stringify(backup.settings)}`,
		'}'
	];
	return lines.join('\n') + '\n';
}

function joinLines(items: unknown[]): string {
	return items.length === 0
		? ''
		: '\n' + items.map((item) => JSON.stringify(item)).join(',\n') + '\n';
}

/** A file name for a backup made at `now`, by the local calendar day. */
export function backupFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `limber-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** The UTF-8 size of a string in bytes (the program validator's measure). */
export const utf8Length = utf8ByteLength;

/** A size in MB for messages. */
function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The message for a file that is larger than a backup may be. */
export function tooLargeMessage(bytes: number): string {
	return `the file is ${megabytes(bytes)}; a Limber backup may be at most ${megabytes(MAX_BACKUP_BYTES)}`;
}

/**
 * Reads a backup file's text: size limit (before parsing), JSON syntax, then validateBackup.
 * `byteLength` is the file's size when known (File.size); otherwise the text is measured.
 * Never throws.
 */
export function parseBackup(
	text: string,
	context: BackupContext,
	byteLength?: number
): ValidationResult<Backup> {
	if (typeof text !== 'string') {
		return refusal([{ path: ROOT_PATH, message: 'must be the text of a backup file' }]);
	}
	if (typeof byteLength === 'number' && byteLength > MAX_BACKUP_BYTES) {
		return refusal([{ path: ROOT_PATH, message: tooLargeMessage(byteLength) }]);
	}
	// Every character is at least one byte: only measure exactly when it could matter.
	if (text.length * 3 > MAX_BACKUP_BYTES) {
		const bytes = text.length > MAX_BACKUP_BYTES ? text.length : utf8Length(text);
		if (bytes > MAX_BACKUP_BYTES)
			return refusal([{ path: ROOT_PATH, message: tooLargeMessage(bytes) }]);
	}
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return refusal([{ path: ROOT_PATH, message: 'the file is empty' }]);
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return refusal([
			{
				path: ROOT_PATH,
				message: `is not valid JSON, so it may be cut off or damaged (${detail})`
			}
		]);
	}
	return validateBackup(parsed, context);
}

/** Checks a parsed backup strictly and returns a clean copy; never throws. */
export function validateBackup(input: unknown, context: BackupContext): ValidationResult<Backup> {
	try {
		return validate(input, context);
	} catch (error) {
		// Defensive: a bug here must not take the import page down with it.
		const detail = error instanceof Error ? error.message : String(error);
		return refusal([{ path: ROOT_PATH, message: `could not be checked (${detail})` }]);
	}
}

function validate(input: unknown, context: BackupContext): ValidationResult<Backup> {
	const foreign = foreignFileProblem(input);
	if (foreign) return refusal([foreign]);
	const problems: Problem[] = protoKeyProblems(input);
	/** Problems the programs' own validator counted but did not list. */
	let unlisted = 0;

	const result = v.safeParse(BackupSchema, input, { abortEarly: false });
	for (const found of problemsFromIssues(result.issues)) problems.push(found.problem);

	// Sessions and programs are each listed once (by id).
	const doc = input as Record<string, unknown>;
	if (Array.isArray(doc.sessions)) {
		const ids = doc.sessions.map((item) => (isRecord(item) ? item.id : undefined));
		problems.push(...duplicateProblems(ids, 'sessions', 'id'));
	}
	// Each program obeys the Import page's rules: the program validator, then no built-in id.
	const programs: Program[] = [];
	if (Array.isArray(doc.programs) && doc.programs.length <= BACKUP_LIMITS.programs) {
		doc.programs.forEach((entry, i) => {
			if (!isRecord(entry) || !Object.hasOwn(entry, 'program')) return;
			const at = `programs[${i}].program`;
			const checked = validateProgram(entry.program);
			if (!checked.ok) {
				for (const problem of checked.problems) {
					problems.push({ path: nestPath(at, problem.path), message: problem.message });
				}
				unlisted += checked.more;
				return;
			}
			const taken = builtinIdProblem(checked.value.id, context.builtinIds);
			if (taken) problems.push({ path: `${at}.id`, message: taken });
			else programs[i] = checked.value;
		});
		const ids = doc.programs.map((_, i) => programs[i]?.id);
		problems.push(...duplicateProblems(ids, 'programs', 'program.id'));
	}
	if (result.success) problems.push(...morningDayProblems(result.output.settings, context.today));

	if (problems.length > 0 || !result.success) return refusal(problems, unlisted);
	const checked = result.output;
	return {
		ok: true,
		value: {
			...checked,
			programs: checked.programs.map((entry, i) => {
				const stored: StoredProgram = { program: programs[i]!, importedAt: entry.importedAt };
				if (entry.source !== undefined) stored.source = entry.source;
				return stored;
			}),
			settings: copySettings(checked.settings)
		}
	};
}

/** A problem for each item whose key repeats an earlier item's: "is the same as sessions[0].id". */
function duplicateProblems(keys: readonly unknown[], list: string, field: string): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<unknown, number>();
	keys.forEach((key, i) => {
		if (typeof key !== 'string') return;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, i);
		else {
			problems.push({
				path: `${list}[${i}].${field}`,
				message: `is the same as ${list}[${first}].${field}`
			});
		}
	});
	return problems;
}

/** The single problem for a file that is not a Limber backup at all (or a newer one). */
function foreignFileProblem(input: unknown): Problem | null {
	if (!isRecord(input)) {
		return { path: ROOT_PATH, message: `${NOT_A_BACKUP}: it holds no backup data.` };
	}
	if (input.format !== BACKUP_FORMAT) {
		if (input.format === 1 && 'exercises' in input) {
			return {
				path: ROOT_PATH,
				message: `${NOT_A_BACKUP}: it looks like an exercise program. Import it on the Import page instead.`
			};
		}
		return {
			path: ROOT_PATH,
			message: `${NOT_A_BACKUP}: it does not say "format": "${BACKUP_FORMAT}".`
		};
	}
	const version = input.formatVersion;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
		return {
			path: 'formatVersion',
			message: `this backup was made by a newer version of Limber (backup format ${version}); update Limber, then import it again`
		};
	}
	if (version !== BACKUP_FORMAT_VERSION) {
		return { path: 'formatVersion', message: `must be ${BACKUP_FORMAT_VERSION}` };
	}
	return null;
}

/** Morning answers from a day after today (a clock that ran ahead) are refused. */
function morningDayProblems(settings: Partial<Settings>, today: string): Problem[] {
	const problems: Problem[] = [];
	(settings.morningPain ?? []).forEach((entry, i) => {
		if (entry.day > today) {
			problems.push({
				path: `settings.morningPain[${i}].day`,
				message:
					`is after today (${today}): a morning answer cannot come from a later day ` +
					'(was the clock of the device that made the backup wrong?)'
			});
		}
	});
	return problems;
}

/** The settings that were given (no absent keys), as a copy of their own. */
function copySettings(value: Partial<Settings>): Partial<Settings> {
	const copy: Record<string, unknown> = {};
	// Typed as no-undefined, but a key set to undefined is still skipped.
	for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
		if (isSettingKey(key) && item !== undefined) copy[key] = structuredClone(item);
	}
	return copy as Partial<Settings>;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
