// The backup file, format version 1 (pure): building it from stored data, and reading one back
// with a strict validator that never throws and lists every problem as `<JSON path>: <what>`
// (at most MAX_PROBLEMS, the rest counted in `more`, as for programs).
//
// A backup's programs obey the same rules as the Import page's: the program validator, then the
// import rule for ids (program-ids.ts: no built-in program's id). The validator is pure, so what
// it needs to know about the device comes in as a BackupContext: the built-in programs' ids and
// today's date (a morning answer from a later day would hold progression back for ever).
import { capProblems } from '$lib/program/problems';
import { builtinIdProblem } from '$lib/program/program-ids';
import type { Problem, ValidationResult } from '$lib/program/types';
import { utf8ByteLength, validateProgram } from '$lib/program/validate';
import type { SessionRecord } from '$lib/session/record';
import {
	ROOT_PATH,
	addProblem,
	checkArray,
	checkDateTime,
	checkKnownKeys,
	checkNoProtoKeys,
	checkObject,
	checkOneOf,
	checkRequired,
	checkString,
	childPath,
	isRecord
} from './checks';
import type { ProgramSource, StoredProgram } from './schema';
import { checkSessionRecord } from './session-check';
import {
	DEVICE_ONLY_SETTINGS,
	checkSettingsObject,
	isSettingKey,
	type SettingKey,
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

export interface Backup {
	format: typeof BACKUP_FORMAT;
	formatVersion: typeof BACKUP_FORMAT_VERSION;
	/** When the file was made (ISO 8601). */
	exportedAt: string;
	app: { version: string };
	/** Oldest first. */
	sessions: SessionRecord[];
	/** Imported programs (built-in ones come with the app). */
	programs: StoredProgram[];
	/** Stored settings, without the ones that only describe the device. */
	settings: Partial<Settings>;
}

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
		return fail([{ path: ROOT_PATH, message: 'must be the text of a backup file' }]);
	}
	if (typeof byteLength === 'number' && byteLength > MAX_BACKUP_BYTES) {
		return fail([{ path: ROOT_PATH, message: tooLargeMessage(byteLength) }]);
	}
	// Every character is at least one byte: only measure exactly when it could matter.
	if (text.length * 3 > MAX_BACKUP_BYTES) {
		const bytes = text.length > MAX_BACKUP_BYTES ? text.length : utf8Length(text);
		if (bytes > MAX_BACKUP_BYTES)
			return fail([{ path: ROOT_PATH, message: tooLargeMessage(bytes) }]);
	}
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return fail([{ path: ROOT_PATH, message: 'the file is empty' }]);
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fail([
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
		return fail([{ path: ROOT_PATH, message: `could not be checked (${detail})` }]);
	}
}

function validate(input: unknown, context: BackupContext): ValidationResult<Backup> {
	const foreign = foreignFileProblem(input);
	if (foreign) return fail([foreign]);
	const doc = input as Record<string, unknown>;

	const problems: Problem[] = [];
	/** Problems the programs' own validator counted but did not list. */
	let unlisted = 0;
	checkNoProtoKeys(doc, '', problems);
	checkKnownKeys(
		doc,
		['format', 'formatVersion', 'exportedAt', 'app', 'sessions', 'programs', 'settings'],
		'',
		problems
	);
	const exportedAt = checkRequired(doc, 'exportedAt', '', problems)
		? checkDateTime(doc.exportedAt, 'exportedAt', problems)
		: undefined;

	let appVersion: string | undefined;
	if (checkRequired(doc, 'app', '', problems) && checkObject(doc.app, 'app', problems)) {
		checkKnownKeys(doc.app, ['version'], 'app', problems);
		if (
			checkRequired(doc.app, 'version', 'app', problems) &&
			checkString(doc.app.version, 'app.version', problems, 1, BACKUP_LIMITS.appVersionLength)
		) {
			appVersion = doc.app.version;
		}
	}

	const sessions: SessionRecord[] = [];
	if (
		checkRequired(doc, 'sessions', '', problems) &&
		checkArray(doc.sessions, 'sessions', problems, BACKUP_LIMITS.sessions)
	) {
		const seen = new Map<string, number>();
		doc.sessions.forEach((item, i) => {
			const path = childPath('sessions', i);
			const record = checkSessionRecord(item, path, problems);
			if (!record) return;
			const first = seen.get(record.id);
			if (first !== undefined) {
				addProblem(problems, childPath(path, 'id'), `is the same as sessions[${first}].id`);
			} else {
				seen.set(record.id, i);
				sessions.push(record);
			}
		});
	}

	const programs: StoredProgram[] = [];
	if (
		checkRequired(doc, 'programs', '', problems) &&
		checkArray(doc.programs, 'programs', problems, BACKUP_LIMITS.programs)
	) {
		const seen = new Map<string, number>();
		doc.programs.forEach((item, i) => {
			const path = childPath('programs', i);
			const entry = checkProgramEntry(item, path, problems, context, (more) => (unlisted += more));
			if (!entry) return;
			const first = seen.get(entry.program.id);
			if (first !== undefined) {
				addProblem(problems, `${path}.program.id`, `is the same as programs[${first}].program.id`);
			} else {
				seen.set(entry.program.id, i);
				programs.push(entry);
			}
		});
	}

	let settings: Partial<Settings> = {};
	if (checkRequired(doc, 'settings', '', problems)) {
		if (checkSettingsObject(doc.settings, 'settings', problems)) {
			settings = copySettings(doc.settings);
			checkMorningDays(settings, context.today, problems);
		}
	}

	if (problems.length > 0) return fail(problems, unlisted);
	return {
		ok: true,
		value: {
			format: BACKUP_FORMAT,
			formatVersion: BACKUP_FORMAT_VERSION,
			exportedAt: exportedAt!,
			app: { version: appVersion! },
			sessions,
			programs,
			settings
		}
	};
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

const SOURCES: readonly ProgramSource[] = ['file', 'paste'];

/**
 * One entry of `programs`: the same rules as the Import page (the program validator, then no
 * built-in program's id). `unlisted` receives the problems the program validator only counted.
 */
function checkProgramEntry(
	value: unknown,
	path: string,
	problems: Problem[],
	context: BackupContext,
	unlisted: (more: number) => void
): StoredProgram | undefined {
	if (!checkObject(value, path, problems)) return undefined;
	const before = problems.length;
	checkKnownKeys(value, ['program', 'importedAt', 'source'], path, problems);
	let program: StoredProgram['program'] | undefined;
	if (checkRequired(value, 'program', path, problems)) {
		const result = validateProgram(value.program);
		if (result.ok) {
			const taken = builtinIdProblem(result.value.id, context.builtinIds);
			if (taken) addProblem(problems, `${path}.program.id`, taken);
			else program = result.value;
		} else {
			for (const problem of result.problems) {
				problems.push({
					path: nestPath(`${path}.program`, problem.path),
					message: problem.message
				});
			}
			unlisted(result.more);
		}
	}
	const importedAt = checkRequired(value, 'importedAt', path, problems)
		? checkDateTime(value.importedAt, childPath(path, 'importedAt'), problems)
		: undefined;
	if (value.source !== undefined)
		checkOneOf(value.source, SOURCES, childPath(path, 'source'), problems);
	if (problems.length > before || !program || !importedAt) return undefined;
	const entry: StoredProgram = { program, importedAt };
	if (value.source !== undefined) entry.source = value.source as ProgramSource;
	return entry;
}

/** Puts a program validator's path (relative to the program) under a prefix. */
function nestPath(prefix: string, inner: string): string {
	if (inner === '' || inner.startsWith('(')) return prefix;
	if (inner.startsWith('[')) return prefix + inner;
	return `${prefix}.${inner}`;
}

/** Morning answers from a day after today (a clock that ran ahead) are refused. */
function checkMorningDays(settings: Partial<Settings>, today: string, problems: Problem[]): void {
	(settings.morningPain ?? []).forEach((entry, i) => {
		if (entry.day > today) {
			addProblem(
				problems,
				`settings.morningPain[${i}].day`,
				`is after today (${today}): a morning answer cannot come from a later day ` +
					'(was the clock of the device that made the backup wrong?)'
			);
		}
	});
}

function copySettings(value: Record<string, unknown>): Partial<Settings> {
	const copy: Partial<Record<SettingKey, unknown>> = {};
	for (const [key, item] of Object.entries(value)) {
		if (isSettingKey(key)) copy[key] = structuredClone(item);
	}
	return copy as Partial<Settings>;
}

/** A refusal listing at most MAX_PROBLEMS problems; `more` counts the rest. */
function fail(problems: Problem[], more = 0): { ok: false; problems: Problem[]; more: number } {
	return { ok: false, ...capProblems(problems, more) };
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
