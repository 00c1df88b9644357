// Checks the documents pulled from the server before anything is stored (pure). The record a
// document carries is checked by the backup validator itself (validateBackup, with the same
// context: today's day and the built-in programs' ids): the document is put into a backup of
// one item and the problems' paths are moved back under the document's field (`sessions[0].note`
// becomes `session.note`). What only documents have (the id, the type, the times sync keeps) is
// checked here with the same valibot building blocks. A document that fails is skipped and
// reported with its id and its problems; it is never stored.
import * as v from 'valibot';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	validateBackup,
	type Backup,
	type BackupContext
} from '$lib/storage/backup-format';
import { isSettingKey, type SettingKey } from '$lib/storage/settings-schema';
import {
	formatPath,
	formatProblem,
	isRecord,
	moreProblemsText,
	nestPath,
	refusal,
	ROOT_PATH,
	type Problem,
	type ValidationResult
} from '$lib/validation/problems';
import { check, dateTime, optional, protoKeyProblems, record, text } from '$lib/validation/schemas';
import {
	checkDocId,
	parseDocId,
	routineDocId,
	sessionDocId,
	SETTINGS_GROUPS,
	type CheckDoc,
	type DeletedDoc,
	type DocType,
	type RoutineDoc,
	type SessionDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';

/** A pulled document that was not stored, and why. */
export interface SkippedDoc {
	id: string;
	/** The first problem as `<JSON path>: <what is wrong>` (and how many more there are). */
	problem: string;
	/** Every problem found (at most MAX_PROBLEMS). */
	problems: Problem[];
}

/** The result of checking a batch of pulled documents. */
export interface PulledCheck {
	docs: SyncDoc[];
	skipped: SkippedDoc[];
}

/** Whether an id is a design document's (the server's own: neither data nor an error). */
export function isDesignDoc(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith('_design/');
}

/** Checks pulled documents: the good ones to merge, the bad ones to report. Never throws. */
export function validatePulled(inputs: readonly unknown[], context: BackupContext): PulledCheck {
	const docs: SyncDoc[] = [];
	const skipped: SkippedDoc[] = [];
	for (const input of inputs) {
		const id = isRecord(input) && typeof input._id === 'string' ? input._id : '(no id)';
		if (isDesignDoc(id)) continue;
		const result = validatePulledDoc(input, context);
		if (result.ok) docs.push(result.value);
		else {
			const first = result.problems[0] ?? { path: ROOT_PATH, message: 'is not valid' };
			const rest = result.problems.length - 1 + result.more;
			const problem = formatProblem(first) + (rest > 0 ? ` (${moreProblemsText(rest)})` : '');
			skipped.push({ id, problem, problems: result.problems });
		}
	}
	return { docs, skipped };
}

const rev = text(1, 200);
const id = text(1, 300);
/** Times by name (answers, settings): each an ISO date and time. */
const times = () =>
	v.pipe(
		v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
		v.record(v.string(), dateTime())
	);

const DeletedSchema = record({
	_id: id,
	_rev: rev,
	_deleted: v.literal(true, 'must be true'),
	type: optional(v.picklist(['session', 'routine', 'settings', 'check'])),
	deletedAt: optional(dateTime())
});

const SessionEnvelope = record({
	_id: id,
	_rev: rev,
	type: v.literal('session'),
	updatedAt: dateTime(),
	answeredAt: times(),
	session: v.unknown()
});

const RoutineEnvelope = record({
	_id: id,
	_rev: rev,
	type: v.literal('routine'),
	updatedAt: dateTime(),
	routine: v.unknown()
});

const SettingsEnvelope = record({
	_id: id,
	_rev: rev,
	type: v.literal('settings'),
	changedAt: times(),
	values: v.unknown()
});

const CheckEnvelope = record({
	_id: id,
	_rev: rev,
	type: v.literal('check'),
	updatedAt: dateTime(),
	check: v.unknown()
});

const ANSWER_FIELD = /^(painAfter|effort|note|skipReason:(0|[1-9]\d{0,2}))$/;

/** Checks one pulled document and returns a clean copy, or its problems. Never throws. */
export function validatePulledDoc(
	input: unknown,
	context: BackupContext
): ValidationResult<SyncDoc> {
	try {
		return validateDoc(input, context);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return refusal([{ path: ROOT_PATH, message: `could not be checked (${detail})` }]);
	}
}

function validateDoc(input: unknown, context: BackupContext): ValidationResult<SyncDoc> {
	if (!isRecord(input)) {
		return refusal([{ path: ROOT_PATH, message: 'must be an object (a CouchDB document)' }]);
	}
	const parsed = typeof input._id === 'string' ? parseDocId(input._id) : null;
	if (!parsed) {
		return refusal([
			{
				path: '_id',
				message:
					'is not the id of a Limber document ("session:…", "routine:…", "settings:…" or "check:…")'
			}
		]);
	}
	const proto = protoKeyProblems(input);
	if (proto.length > 0) return refusal(proto);
	if (input._deleted === true) return validateDeletion(input, parsed.type);
	if (input.type !== parsed.type) {
		return refusal([{ path: 'type', message: `must be "${parsed.type}", as the id says` }]);
	}
	switch (parsed.type) {
		case 'session':
			return validateSession(input, context);
		case 'routine':
			return validateRoutine(input, context);
		case 'settings':
			return validateSettings(input, parsed.key, context);
		case 'check':
			return validateCheck(input, context);
	}
}

function validateDeletion(
	input: Record<string, unknown>,
	type: DocType
): ValidationResult<SyncDoc> {
	const result = check(DeletedSchema, input);
	if (!result.ok) return result;
	if (result.value.type !== undefined && result.value.type !== type) {
		return refusal([{ path: 'type', message: `must be "${type}", as the id says` }]);
	}
	const doc: DeletedDoc = { _id: result.value._id, _rev: result.value._rev, _deleted: true, type };
	if (result.value.deletedAt !== undefined) doc.deletedAt = result.value.deletedAt;
	return { ok: true, value: doc };
}

/** The backup validator's verdict on one item, its problems moved from `listPath` to `field`. */
function viaBackup(
	items: { sessions?: unknown[]; programs?: unknown[]; settings?: unknown },
	listPath: string,
	field: string,
	context: BackupContext
): ValidationResult<Backup> {
	const backup = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: '2000-01-01T00:00:00.000Z',
		app: { version: 'sync' },
		sessions: items.sessions ?? [],
		programs: items.programs ?? [],
		settings: items.settings ?? {}
	};
	const result = validateBackup(backup, context);
	if (result.ok) return result;
	return refusal(
		result.problems.map((problem) => ({ ...problem, path: rebase(problem.path, listPath, field) })),
		result.more
	);
}

/** Moves a path from under `from` to under `to` (`sessions[0].note` → `session.note`). */
export function rebase(path: string, from: string, to: string): string {
	if (path === from) return to;
	if (path.startsWith(from + '.') || path.startsWith(from + '[')) {
		return nestPath(to, path.slice(from.length).replace(/^\./, ''));
	}
	return path;
}

/** The problems of several checks of one document together, or null when there are none. */
function combine(...results: ValidationResult<unknown>[]): ValidationResult<never> | null {
	const problems: Problem[] = [];
	let more = 0;
	for (const result of results) {
		if (!result.ok) {
			problems.push(...result.problems);
			more += result.more;
		}
	}
	return problems.length > 0 || more > 0 ? refusal(problems, more) : null;
}

function validateSession(
	input: Record<string, unknown>,
	context: BackupContext
): ValidationResult<SyncDoc> {
	const outer = check(SessionEnvelope, input);
	const inner = viaBackup({ sessions: [input.session] }, 'sessions[0]', 'session', context);
	const refused = combine(outer, inner, answerFieldProblems(input.answeredAt));
	if (refused) return refused;
	if (!outer.ok || !inner.ok) return refusal([]);
	const session = inner.value.sessions[0]!;
	if (outer.value._id !== sessionDocId(session.id)) {
		return refusal([{ path: 'session.id', message: `does not match the document id` }]);
	}
	const doc: SessionDoc = {
		_id: outer.value._id,
		_rev: outer.value._rev,
		type: 'session',
		updatedAt: outer.value.updatedAt,
		answeredAt: outer.value.answeredAt,
		session
	};
	return { ok: true, value: doc };
}

function answerFieldProblems(value: unknown): ValidationResult<unknown> {
	if (!isRecord(value)) return { ok: true, value };
	const problems = Object.keys(value)
		.filter((key) => !ANSWER_FIELD.test(key))
		.map((key) => ({
			path: formatPath(['answeredAt', key]),
			message: 'is not an answer of a session'
		}));
	return problems.length > 0 ? refusal(problems) : { ok: true, value };
}

function validateRoutine(
	input: Record<string, unknown>,
	context: BackupContext
): ValidationResult<SyncDoc> {
	const outer = check(RoutineEnvelope, input);
	const inner = viaBackup({ programs: [input.routine] }, 'programs[0]', 'routine', context);
	const refused = combine(outer, inner);
	if (refused) return refused;
	if (!outer.ok || !inner.ok) return refusal([]);
	const routine = inner.value.programs[0]!;
	if (outer.value._id !== routineDocId(routine.program.id)) {
		return refusal([{ path: 'routine.program.id', message: 'does not match the document id' }]);
	}
	const doc: RoutineDoc = {
		_id: outer.value._id,
		_rev: outer.value._rev,
		type: 'routine',
		updatedAt: outer.value.updatedAt,
		routine
	};
	return { ok: true, value: doc };
}

function validateSettings(
	input: Record<string, unknown>,
	group: string,
	context: BackupContext
): ValidationResult<SyncDoc> {
	if (!Object.hasOwn(SETTINGS_GROUPS, group)) {
		return refusal([{ path: '_id', message: `"${group}" is not a group of settings` }]);
	}
	const keys = SETTINGS_GROUPS[group as keyof typeof SETTINGS_GROUPS] as readonly SettingKey[];
	const outer = check(SettingsEnvelope, input);
	const inner = viaBackup({ settings: input.values }, 'settings', 'values', context);
	const problems: Problem[] = [];
	for (const field of ['values', 'changedAt'] as const) {
		const value = input[field];
		if (!isRecord(value)) continue;
		for (const key of Object.keys(value)) {
			if (keys.includes(key as SettingKey) || (field === 'values' && !isSettingKey(key))) continue;
			problems.push({
				path: formatPath([field, key]),
				message: `is not a setting of the group "${group}"`
			});
		}
	}
	if (isRecord(input.values) && isRecord(input.changedAt)) {
		for (const key of Object.keys(input.values)) {
			if (!Object.hasOwn(input.changedAt, key)) {
				problems.push({
					path: formatPath(['changedAt', key]),
					message: 'is required (when it was set)'
				});
			}
		}
	}
	const refused = combine(outer, inner, refusal(problems));
	if (refused) return refused;
	if (!outer.ok || !inner.ok) return refusal([]);
	const doc: SettingsDoc = {
		_id: outer.value._id,
		_rev: outer.value._rev,
		type: 'settings',
		values: inner.value.settings,
		changedAt: outer.value.changedAt
	};
	return { ok: true, value: doc };
}

function validateCheck(
	input: Record<string, unknown>,
	context: BackupContext
): ValidationResult<SyncDoc> {
	const outer = check(CheckEnvelope, input);
	const inner = viaBackup(
		{ settings: { morningPain: [input.check] } },
		'settings.morningPain[0]',
		'check',
		context
	);
	const refused = combine(outer, inner);
	if (refused) return refused;
	if (!outer.ok || !inner.ok) return refusal([]);
	const answer = inner.value.settings.morningPain?.[0];
	if (!answer) return refusal([{ path: 'check', message: 'is required' }]);
	if (outer.value._id !== checkDocId(answer.day)) {
		return refusal([{ path: 'check.day', message: 'does not match the document id' }]);
	}
	const doc: CheckDoc = {
		_id: outer.value._id,
		_rev: outer.value._rev,
		type: 'check',
		updatedAt: outer.value.updatedAt,
		check: answer
	};
	return { ok: true, value: doc };
}
