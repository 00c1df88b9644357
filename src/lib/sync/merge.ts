// The conflict rules of sync as pure functions: given two versions of one document (this
// device's and the server's), the one to keep. Every rule is commutative (merge(a, b) has the
// same content as merge(b, a)) and idempotent (merge(a, a) is a), so two devices that have seen
// the same versions keep the same document whatever order they saw them in. Ties fall to the
// version whose content sorts last as canonical JSON: arbitrary, but the same everywhere.
//
// - A deletion wins over every edit made at or before it; an edit made after it brings the
//   document back (a session put back with Undo, a routine saved again).
// - Sessions are written once and then only gain answers: the answers are joined, and for each
//   answer the one given last wins (removing an answer counts as giving it).
// - Routines: the higher program version wins, then the later change.
// - Settings: each setting on its own, the one set last wins.
// - Morning checks: the later answer for the day wins.
import {
	isDeleted,
	type AnswerField,
	type CheckDoc,
	type DeletedDoc,
	type LiveDoc,
	type RoutineDoc,
	type SessionDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';
import type { SettingKey, Settings } from '$lib/storage/settings-schema';
import type { SessionRecord } from '$lib/session/record';

/** The JSON text of a value with every object's keys sorted (for comparing content). */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (typeof value === 'object' && value !== null) {
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const item = (value as Record<string, unknown>)[key];
			if (item !== undefined) sorted[key] = sortKeys(item);
		}
		return sorted;
	}
	return value;
}

/** A document's content without its revision (what merging and comparing look at). */
export function contentOf(doc: SyncDoc): Omit<SyncDoc, '_rev'> {
	const { _rev: _ignored, ...content } = doc;
	return content;
}

/** Whether two documents hold the same content (revisions aside). */
export function sameContent(a: SyncDoc, b: SyncDoc): boolean {
	return canonicalJson(contentOf(a)) === canonicalJson(contentOf(b));
}

/** The one of two versions whose content sorts last: the tie-break every device agrees on. */
function tieBreak<T extends SyncDoc>(a: T, b: T): T {
	return canonicalJson(contentOf(a)) >= canonicalJson(contentOf(b)) ? a : b;
}

/** Compares two ISO times (absent is older than any time). */
function compareTimes(a: string | undefined, b: string | undefined): number {
	if (a === b) return 0;
	if (a === undefined) return -1;
	if (b === undefined) return 1;
	return a < b ? -1 : 1;
}

/** When a live document last changed: the latest time it carries. */
export function changedAt(doc: LiveDoc): string | undefined {
	switch (doc.type) {
		case 'settings':
			return latest(Object.values(doc.changedAt));
		case 'session':
			return latest([doc.updatedAt, ...Object.values(doc.answeredAt)]);
		default:
			return doc.updatedAt;
	}
}

function latest(times: readonly (string | undefined)[]): string | undefined {
	let found: string | undefined;
	for (const time of times) if (compareTimes(time, found) > 0) found = time;
	return found;
}

/**
 * The version of a document to keep, from two versions of it (same id). The result has no
 * `_rev`: which revision it is stored under is the replicator's business.
 */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
	const merged = mergeContent(a, b);
	return contentOf(merged) as SyncDoc;
}

function mergeContent(a: SyncDoc, b: SyncDoc): SyncDoc {
	if (isDeleted(a) && isDeleted(b)) return mergeDeletions(a, b);
	if (isDeleted(a)) return deletionOrEdit(a, b as LiveDoc);
	if (isDeleted(b)) return deletionOrEdit(b, a);
	if (a.type !== b.type) return tieBreak<SyncDoc>(a, b);
	switch (a.type) {
		case 'session':
			return mergeSessions(a, b as SessionDoc);
		case 'routine':
			return mergeRoutines(a, b as RoutineDoc);
		case 'settings':
			return mergeSettings(a, b as SettingsDoc);
		case 'check':
			return mergeChecks(a, b as CheckDoc);
	}
}

/** Two deletions: the later one (an unknown time counts as the latest). */
function mergeDeletions(a: DeletedDoc, b: DeletedDoc): DeletedDoc {
	if (a.deletedAt === undefined || b.deletedAt === undefined) {
		if (a.deletedAt === b.deletedAt) return tieBreak(a, b);
		return a.deletedAt === undefined ? a : b;
	}
	const order = compareTimes(a.deletedAt, b.deletedAt);
	return order === 0 ? tieBreak(a, b) : order > 0 ? a : b;
}

/** A deletion wins over an edit made at or before it; a later edit wins over the deletion. */
export function deletionOrEdit(deletion: DeletedDoc, edit: LiveDoc): SyncDoc {
	if (deletion.deletedAt === undefined) return deletion;
	return compareTimes(changedAt(edit), deletion.deletedAt) > 0 ? edit : deletion;
}

const SESSION_ANSWERS = ['painAfter', 'effort', 'note'] as const;

/**
 * Two versions of a session: the answers are joined, each one from the version that gave it
 * last (on a tie, the version that holds a value). What the player wrote is the same in both;
 * if it is not (it never should be), the tie-break picks one.
 */
export function mergeSessions(a: SessionDoc, b: SessionDoc): SessionDoc {
	const [base, other] = canonicalJson(bodyOf(a)) >= canonicalJson(bodyOf(b)) ? [a, b] : [b, a];
	const session: SessionRecord = structuredClone(base.session);
	const answeredAt: Partial<Record<AnswerField, string>> = {};
	const dateFrom = (field: AnswerField, winner: SessionDoc) => {
		const at = winner.answeredAt[field];
		if (at !== undefined) answeredAt[field] = at;
	};
	for (const field of SESSION_ANSWERS) {
		const winner = answerWinner(base, other, field, (doc) => doc.session[field]);
		dateFrom(field, winner);
		const value = winner.session[field];
		if (value === undefined) delete session[field];
		else (session as Record<string, unknown>)[field] = value;
	}
	session.exercises.forEach((exercise, i) => {
		const field: AnswerField = `skipReason:${i}`;
		const winner = answerWinner(base, other, field, (doc) => doc.session.exercises[i]?.skipReason);
		dateFrom(field, winner);
		const reason = winner.session.exercises[i]?.skipReason;
		if (reason === undefined || !exercise.skipped) delete exercise.skipReason;
		else exercise.skipReason = reason;
	});
	const updatedAt = compareTimes(a.updatedAt, b.updatedAt) >= 0 ? a.updatedAt : b.updatedAt;
	return { _id: a._id, type: 'session', updatedAt, answeredAt, session };
}

/** A session without its answers and times: what the player wrote. */
function bodyOf(doc: SessionDoc): unknown {
	const { painAfter: _p, effort: _e, note: _n, ...rest } = doc.session;
	return {
		...rest,
		exercises: rest.exercises.map(({ skipReason: _s, ...exercise }) => exercise)
	};
}

function answerWinner(
	a: SessionDoc,
	b: SessionDoc,
	field: AnswerField,
	value: (doc: SessionDoc) => unknown
): SessionDoc {
	const order = compareTimes(a.answeredAt[field], b.answeredAt[field]);
	if (order !== 0) return order > 0 ? a : b;
	const x = value(a);
	const y = value(b);
	if (x === undefined) return y === undefined ? a : b;
	if (y === undefined) return a;
	return canonicalJson(x) >= canonicalJson(y) ? a : b;
}

/** Two versions of a routine: the higher program version, then the later change. */
export function mergeRoutines(a: RoutineDoc, b: RoutineDoc): RoutineDoc {
	const va = a.routine.program.version;
	const vb = b.routine.program.version;
	if (va !== vb) return va > vb ? a : b;
	const order = compareTimes(a.updatedAt, b.updatedAt);
	return order === 0 ? tieBreak(a, b) : order > 0 ? a : b;
}

/** Two versions of a group of settings: each setting from the version that set it last. */
export function mergeSettings(a: SettingsDoc, b: SettingsDoc): SettingsDoc {
	const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)] as SettingKey[]);
	const values: Record<string, unknown> = {};
	const times: Partial<Record<SettingKey, string>> = {};
	for (const key of [...keys].sort()) {
		const inA = Object.hasOwn(a.values, key);
		const inB = Object.hasOwn(b.values, key);
		let from: SettingsDoc;
		if (!inA || !inB) from = inA ? a : b;
		else {
			const order = compareTimes(a.changedAt[key], b.changedAt[key]);
			if (order !== 0) from = order > 0 ? a : b;
			else from = canonicalJson(a.values[key]) >= canonicalJson(b.values[key]) ? a : b;
		}
		values[key] = structuredClone(from.values[key]);
		const at = from.changedAt[key];
		if (at !== undefined) times[key] = at;
	}
	return { _id: a._id, type: 'settings', values: values as Partial<Settings>, changedAt: times };
}

/** Two answers to one morning's check: the later one. */
export function mergeChecks(a: CheckDoc, b: CheckDoc): CheckDoc {
	const order = compareTimes(a.updatedAt, b.updatedAt);
	return order === 0 ? tieBreak(a, b) : order > 0 ? a : b;
}
