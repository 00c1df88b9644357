// The CouchDB documents that sync carries, and the mapping between them and the records the app
// stores (pure). One document per session, per imported or made routine, per group of settings
// and per morning pain check, each with an id that is the same on every device:
//
//   session:<session id>    { type: 'session', session: SessionRecord, updatedAt, answeredAt }
//   routine:<program id>    { type: 'routine', routine: StoredProgram, updatedAt }
//   settings:<group>        { type: 'settings', values: Partial<Settings>, changedAt }
//   check:<YYYY-MM-DD>      { type: 'check', check: MorningPain, updatedAt }
//
// A deletion is a CouchDB tombstone that keeps its type and when it happened:
//   { _id, _rev, _deleted: true, type, deletedAt }
//
// The times are what the merge rules (merge.ts) compare: when the document last changed, when
// each answer of a session was given, when each setting was set. The record itself sits under
// one field, so that it is exactly what a backup carries and the backup validators check it.
import type { SessionRecord } from '$lib/session/record';
import type { StoredProgram } from '$lib/storage/schema';
import {
	DEVICE_ONLY_SETTINGS,
	SETTING_KEYS,
	type MorningPain,
	type SettingKey,
	type Settings
} from '$lib/storage/settings-schema';

/** The kinds of document, by the prefix of their ids. */
export const DOC_TYPES = ['session', 'routine', 'settings', 'check'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/**
 * The settings that sync, in groups of one document each. Device-only settings
 * (DEVICE_ONLY_SETTINGS) never sync; `morningPain` syncs as one `check:<day>` document per
 * answer instead (two devices answering on different days must not overwrite each other).
 */
export const SETTINGS_GROUPS = {
	/** How the app reads: language and text size. */
	display: ['language', 'textSize'],
	/** How the player sounds and counts in. */
	player: ['beeps', 'voice', 'vibration', 'volume', 'speechRate', 'prepareSeconds'],
	/** The safety questions and what the person has already seen. */
	safety: ['redFlagCheck', 'lastRedFlagCheckDay', 'disclaimerSeen', 'lastMorningCheckDay'],
	/** Routines followed and the level reached in each. */
	progress: ['follows', 'programLevels'],
	/** Reminder times and days. */
	reminders: ['reminders'],
	/** When the last backup file was made. */
	backup: ['lastBackupAt']
} as const satisfies Record<string, readonly SettingKey[]>;

export type SettingsGroup = keyof typeof SETTINGS_GROUPS;
export const SETTINGS_GROUP_NAMES = Object.keys(SETTINGS_GROUPS) as SettingsGroup[];

/** Settings that never sync: those of this device, and the morning answers (check documents). */
export const UNSYNCED_SETTINGS: readonly SettingKey[] = [...DEVICE_ONLY_SETTINGS, 'morningPain'];

/** The group a setting syncs in, or null when it does not sync. */
export function groupOf(key: SettingKey): SettingsGroup | null {
	for (const group of SETTINGS_GROUP_NAMES) {
		if ((SETTINGS_GROUPS[group] as readonly SettingKey[]).includes(key)) return group;
	}
	return null;
}

/** The answers of a session that can be given or changed after it is stored. */
export type AnswerField = 'painAfter' | 'effort' | 'note' | `skipReason:${number}`;

/** What every live document has besides its record. */
interface DocBase {
	_id: string;
	/** The revision the server gave it; absent on a document never pushed. */
	_rev?: string;
}

/** A session: written once when it ends, then only its answers change. */
export interface SessionDoc extends DocBase {
	type: 'session';
	/** When the document last changed (stored, answered, or put back after a deletion). */
	updatedAt: string;
	/** When each answer was last given or removed, by field (exercise skip reasons by index). */
	answeredAt: Partial<Record<AnswerField, string>>;
	session: SessionRecord;
}

/** A routine the person imported or made. */
export interface RoutineDoc extends DocBase {
	type: 'routine';
	updatedAt: string;
	routine: StoredProgram;
}

/** One group of settings: the values this group holds and when each was set. */
export interface SettingsDoc extends DocBase {
	type: 'settings';
	values: Partial<Settings>;
	/** When each setting in `values` was last set (every key of `values` has a time). */
	changedAt: Partial<Record<SettingKey, string>>;
}

/** A morning pain check: one per local day. */
export interface CheckDoc extends DocBase {
	type: 'check';
	updatedAt: string;
	check: MorningPain;
}

/** A deletion (a CouchDB tombstone that keeps its type and time). */
export interface DeletedDoc extends DocBase {
	_deleted: true;
	type: DocType;
	/** When it was deleted; absent when deleted by some other tool (then it wins every merge). */
	deletedAt?: string;
}

export type LiveDoc = SessionDoc | RoutineDoc | SettingsDoc | CheckDoc;
export type SyncDoc = LiveDoc | DeletedDoc;

/** Whether a document is a deletion. */
export function isDeleted(doc: SyncDoc): doc is DeletedDoc {
	return '_deleted' in doc;
}

/** The document id of a session. */
export function sessionDocId(id: string): string {
	return `session:${id}`;
}

/** The document id of a routine (by its program id). */
export function routineDocId(programId: string): string {
	return `routine:${programId}`;
}

/** The document id of a group of settings. */
export function settingsDocId(group: SettingsGroup): string {
	return `settings:${group}`;
}

/** The document id of a morning check (by its local day). */
export function checkDocId(day: string): string {
	return `check:${day}`;
}

/** A document id split into its type and key, or null when it is not one of Limber's. */
export function parseDocId(id: string): { type: DocType; key: string } | null {
	const colon = id.indexOf(':');
	if (colon < 1) return null;
	const type = id.slice(0, colon);
	const key = id.slice(colon + 1);
	if (key === '' || !(DOC_TYPES as readonly string[]).includes(type)) return null;
	return { type: type as DocType, key };
}

/** A session's document. `answeredAt` defaults to `updatedAt` for every answer it holds. */
export function sessionToDoc(
	session: SessionRecord,
	updatedAt: string,
	answeredAt?: Partial<Record<AnswerField, string>>
): SessionDoc {
	return {
		_id: sessionDocId(session.id),
		type: 'session',
		updatedAt,
		answeredAt: answeredAt ? { ...answeredAt } : answerTimes(session, updatedAt),
		session: structuredClone(session)
	};
}

/** The answers a session holds, each dated `at`. */
export function answerTimes(
	session: SessionRecord,
	at: string
): Partial<Record<AnswerField, string>> {
	const times: Partial<Record<AnswerField, string>> = {};
	for (const field of ['painAfter', 'effort', 'note'] as const) {
		if (session[field] !== undefined) times[field] = at;
	}
	session.exercises.forEach((exercise, i) => {
		if (exercise.skipReason !== undefined) times[`skipReason:${i}`] = at;
	});
	return times;
}

/** A routine's document. */
export function routineToDoc(routine: StoredProgram, updatedAt: string): RoutineDoc {
	return {
		_id: routineDocId(routine.program.id),
		type: 'routine',
		updatedAt,
		routine: structuredClone(routine)
	};
}

/** A morning check's document. */
export function checkToDoc(check: MorningPain, updatedAt: string): CheckDoc {
	return { _id: checkDocId(check.day), type: 'check', updatedAt, check: { ...check } };
}

/**
 * The settings documents for stored settings: one per group that holds any setting. `changedAt`
 * says when each was set; a setting without a time is dated `fallback`. Settings that do not sync
 * are left out.
 */
export function settingsToDocs(
	settings: Partial<Settings>,
	changedAt: Partial<Record<SettingKey, string>>,
	fallback: string
): SettingsDoc[] {
	const docs: SettingsDoc[] = [];
	for (const group of SETTINGS_GROUP_NAMES) {
		const values: Record<string, unknown> = {};
		const times: Partial<Record<SettingKey, string>> = {};
		for (const key of SETTINGS_GROUPS[group]) {
			if (!Object.hasOwn(settings, key) || settings[key] === undefined) continue;
			values[key] = structuredClone(settings[key]);
			times[key] = changedAt[key] ?? fallback;
		}
		if (Object.keys(values).length === 0) continue;
		docs.push({
			_id: settingsDocId(group),
			type: 'settings',
			values: values as Partial<Settings>,
			changedAt: times
		});
	}
	return docs;
}

/** What a live document stands for in the app's stores. */
export type StoredThing =
	| { type: 'session'; session: SessionRecord }
	| { type: 'routine'; routine: StoredProgram }
	| { type: 'settings'; settings: Partial<Settings> }
	| { type: 'check'; check: MorningPain };

/** The record a live document carries, as the app stores it (a copy). */
export function docToStored(doc: LiveDoc): StoredThing {
	switch (doc.type) {
		case 'session':
			return { type: 'session', session: structuredClone(doc.session) };
		case 'routine':
			return { type: 'routine', routine: structuredClone(doc.routine) };
		case 'settings':
			return { type: 'settings', settings: structuredClone(doc.values) };
		case 'check':
			return { type: 'check', check: { ...doc.check } };
	}
}

/** The settings held by several settings documents, as one object. */
export function docsToSettings(docs: readonly SettingsDoc[]): Partial<Settings> {
	const settings: Record<string, unknown> = {};
	for (const doc of docs) Object.assign(settings, structuredClone(doc.values));
	return settings as Partial<Settings>;
}

/** The morning answers held by check documents, oldest first (as the `morningPain` setting). */
export function docsToMorningPain(docs: readonly CheckDoc[]): MorningPain[] {
	return docs.map((doc) => ({ ...doc.check })).sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** A tombstone for the document `id` of type `type`, deleted at `deletedAt`. */
export function deletionOf(id: string, type: DocType, deletedAt: string, rev?: string): DeletedDoc {
	const doc: DeletedDoc = { _id: id, _deleted: true, type, deletedAt };
	if (rev !== undefined) doc._rev = rev;
	return doc;
}

/** Every setting that syncs, checked against the schema's keys (used by tests). */
export const SYNCED_SETTINGS: readonly SettingKey[] = SETTING_KEYS.filter(
	(key) => groupOf(key) !== null
);
