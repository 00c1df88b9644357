// Sync's record of this device's own changes, kept in `syncEntries` and `syncMeta` (version 7).
// Every write path of the app (sessions, routines, settings, the morning answers) calls these
// functions inside its own transaction, so the change and its sync entry land together or not
// at all. Nothing is recorded while sync is off (the `on` record is not `true`); turning it on
// makes an entry for everything already stored ($lib/sync/device). The documents are built with
// $lib/sync/documents, with the times the merge rules compare: when each answer was given, when
// each setting was set, when something was deleted.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { SessionRecord } from '$lib/session/record';
import {
	checkDocId,
	checkToDoc,
	deletionOf,
	groupOf,
	isDeleted,
	routineDocId,
	routineToDoc,
	sessionToDoc,
	settingsDocId,
	settingsToDocs,
	SETTINGS_GROUPS,
	type AnswerField,
	type SessionDoc,
	type SettingsDoc,
	type SettingsGroup,
	type SyncDoc
} from '$lib/sync/documents';
import type { LimberSchema, StoredProgram, SyncEntry } from './schema';
import {
	isValidSetting,
	type MorningPain,
	type SettingKey,
	type Settings
} from './settings-schema';

/** The two stores of sync, to add to a write transaction's store list. */
export const SYNC_STORES = ['syncEntries', 'syncMeta'] as const;

/** The records of `syncMeta`, by key. */
export const SYNC_META = {
	/** `true` while sync is on (changes are recorded). */
	on: 'on',
	/** The last change number given (a whole number; 0 when absent). */
	counter: 'counter',
	/** The sync checkpoint ($lib/sync/checkpoint). */
	checkpoint: 'checkpoint',
	/** This install's random id. */
	deviceId: 'deviceId',
	/** The server address, user name and password (device-only: never exported or logged). */
	account: 'account',
	/** What the last sync did. */
	status: 'status',
	/**
	 * While turning sync on has not finished making the entries for what was already stored:
	 * `{ since, now }` (the change number and time it started with), so that it can go on after
	 * the page was closed or a batch failed. No sync runs until it is gone.
	 */
	seeding: 'seeding'
} as const;

/** The time given to a value whose time is unknown (stored before sync was on): older than any change. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

type Stores = ArrayLike<StoreNames<LimberSchema>>;
export type SyncEntryStore = IDBPObjectStore<LimberSchema, Stores, 'syncEntries', 'readwrite'>;
export type SyncMetaStore = IDBPObjectStore<LimberSchema, Stores, 'syncMeta', 'readwrite'>;
type SettingsStore = IDBPObjectStore<LimberSchema, Stores, 'settings', 'readwrite'>;

/** The sync stores of one write transaction. */
export interface SyncStores {
	entries: SyncEntryStore;
	meta: SyncMetaStore;
}

/** The sync stores of a write transaction that includes them. */
export function syncStoresOf(tx: {
	objectStore(name: 'syncEntries'): SyncEntryStore;
	objectStore(name: 'syncMeta'): SyncMetaStore;
}): SyncStores {
	return { entries: tx.objectStore('syncEntries'), meta: tx.objectStore('syncMeta') };
}

/** Whether changes are being recorded (sync is on). */
export async function isRecording(meta: SyncMetaStore): Promise<boolean> {
	return (await meta.get(SYNC_META.on)) === true;
}

/** Takes `count` change numbers; resolves to the first (they follow on from it). */
export async function takeSeqs(meta: SyncMetaStore, count = 1): Promise<number> {
	const stored: unknown = await meta.get(SYNC_META.counter);
	const last = typeof stored === 'number' && Number.isSafeInteger(stored) ? stored : 0;
	await meta.put(last + count, SYNC_META.counter);
	return last + 1;
}

/** The entry for a local change: pending, with change number `seq`, based on the revision it had. */
export function changedEntry(doc: SyncDoc, before: SyncEntry | undefined, seq: number): SyncEntry {
	const entry: SyncEntry = { doc, seq, pending: true };
	if (before?.rev !== undefined) entry.rev = before.rev;
	return entry;
}

/**
 * Records one change while sync is on: `build` makes the document from the entry stored before
 * (null: nothing to record). Does nothing while sync is off.
 */
export async function recordChange(
	stores: SyncStores,
	id: string,
	build: (before: SyncEntry | undefined) => SyncDoc | null | Promise<SyncDoc | null>
): Promise<void> {
	if (!(await isRecording(stores.meta))) return;
	const before = await stores.entries.get(id);
	const doc = await build(before);
	if (doc === null) return;
	const seq = await takeSeqs(stores.meta);
	await stores.entries.put(changedEntry(doc, before, seq));
}

/** The current time, as the documents carry it. */
export function nowIso(): string {
	return new Date().toISOString();
}

const SESSION_ANSWERS = ['painAfter', 'effort', 'note'] as const;

function answerOf(session: SessionRecord, field: AnswerField): unknown {
	if (field.startsWith('skipReason:')) {
		return session.exercises[Number(field.slice('skipReason:'.length))]?.skipReason;
	}
	return session[field as (typeof SESSION_ANSWERS)[number]];
}

/** The session document stored in an entry, if it holds a live one. */
export function liveSessionDoc(entry: SyncEntry | undefined): SessionDoc | undefined {
	return entry && !isDeleted(entry.doc) && entry.doc.type === 'session' ? entry.doc : undefined;
}

/**
 * A session's document after a change made at `now`: an answer that differs from `previous`
 * (the record before the change; else the entry's) is dated `now` (a removed one too: removing
 * an answer counts as giving it), an unchanged one keeps its time.
 */
export function sessionDocFor(
	record: SessionRecord,
	previous: SessionRecord | undefined,
	before: SyncEntry | undefined,
	now: string
): SessionDoc {
	const prior = liveSessionDoc(before);
	const old = previous ?? prior?.session;
	const fields: AnswerField[] = [...SESSION_ANSWERS];
	const exercises = Math.max(record.exercises.length, old?.exercises.length ?? 0);
	for (let i = 0; i < exercises; i++) fields.push(`skipReason:${i}`);
	const answeredAt: Partial<Record<AnswerField, string>> = {};
	for (const field of fields) {
		const value = answerOf(record, field);
		const was = old ? answerOf(old, field) : undefined;
		const priorTime = prior?.answeredAt[field];
		if (old !== undefined && JSON.stringify(value) !== JSON.stringify(was)) answeredAt[field] = now;
		else if (priorTime !== undefined) answeredAt[field] = priorTime;
		else if (value !== undefined) answeredAt[field] = now;
	}
	return sessionToDoc(record, now, answeredAt);
}

/** Records a session stored or changed (`previous`: the record it replaces, if any). */
export function recordSession(
	stores: SyncStores,
	record: SessionRecord,
	previous: SessionRecord | undefined,
	now = nowIso()
): Promise<void> {
	return recordChange(stores, `session:${record.id}`, (before) =>
		sessionDocFor(record, previous, before, now)
	);
}

/** Records a deletion of the document `id` (of `type`) at `now`. */
export function recordDeletion(
	stores: SyncStores,
	id: string,
	type: SyncDoc['type'],
	now = nowIso()
): Promise<void> {
	return recordChange(stores, id, () => deletionOf(id, type, now));
}

/** Records a routine saved (imported, made in the builder, or put back). */
export function recordRoutine(
	stores: SyncStores,
	record: StoredProgram,
	now = nowIso()
): Promise<void> {
	return recordChange(stores, routineDocId(record.program.id), () => routineToDoc(record, now));
}

/** The settings document of a group as stored now (null when the group holds no setting). */
export async function settingsGroupDoc(
	settings: Pick<SettingsStore, 'get'>,
	group: SettingsGroup,
	before: SyncEntry | undefined,
	changed: readonly SettingKey[],
	now: string,
	unknownTime: string
): Promise<SettingsDoc | null> {
	const values: Partial<Record<SettingKey, unknown>> = {};
	for (const key of SETTINGS_GROUPS[group] as readonly SettingKey[]) {
		const value: unknown = await settings.get(key);
		if (value !== undefined && isValidSetting(key, value)) values[key] = value;
	}
	const prior =
		before && !isDeleted(before.doc) && before.doc.type === 'settings' ? before.doc : undefined;
	const times: Partial<Record<SettingKey, string>> = {};
	for (const key of Object.keys(values) as SettingKey[]) {
		const same =
			prior !== undefined &&
			Object.hasOwn(prior.values, key) &&
			JSON.stringify(prior.values[key]) === JSON.stringify(values[key]);
		const priorTime = prior?.changedAt[key];
		if (changed.includes(key)) times[key] = now;
		else if (same && priorTime !== undefined) times[key] = priorTime;
		else times[key] = prior ? now : unknownTime;
	}
	const [doc] = settingsToDocs(values as Partial<Settings>, times, unknownTime).filter(
		(found) => found._id === settingsDocId(group)
	);
	return doc ?? null;
}

/**
 * Records a setting just written (read back from `settings` in the same transaction): its
 * group's document, or for `morningPain` the check documents of the days that changed.
 * Device-only settings are never recorded.
 */
export async function recordSetting(
	stores: SyncStores,
	settings: Pick<SettingsStore, 'get'>,
	key: SettingKey,
	previous: unknown,
	now = nowIso()
): Promise<void> {
	if (key === 'morningPain') {
		const next: unknown = await settings.get(key);
		await recordMorningAnswers(stores, asMorningPain(previous), asMorningPain(next), now);
		return;
	}
	const group = groupOf(key);
	if (group === null) return;
	await recordChange(stores, settingsDocId(group), (before) =>
		settingsGroupDoc(settings, group, before, [key], now, UNKNOWN_TIME)
	);
}

/** The morning answers of a stored value (an unusable one holds none). */
export function asMorningPain(value: unknown): MorningPain[] {
	return value !== undefined && isValidSetting('morningPain', value) ? value : [];
}

/** The last answer of each day. */
export function answersByDay(list: readonly MorningPain[]): Map<string, MorningPain> {
	const byDay = new Map<string, MorningPain>();
	for (const entry of list) byDay.set(entry.day, entry);
	return byDay;
}

/** Records the days whose morning answer was given, changed or removed. */
async function recordMorningAnswers(
	stores: SyncStores,
	before: readonly MorningPain[],
	after: readonly MorningPain[],
	now: string
): Promise<void> {
	const was = answersByDay(before);
	const is = answersByDay(after);
	for (const [day, answer] of is) {
		if (was.get(day)?.pain === answer.pain) continue;
		await recordChange(stores, checkDocId(day), () => checkToDoc(answer, now));
	}
	for (const day of was.keys()) {
		if (!is.has(day)) await recordDeletion(stores, checkDocId(day), 'check', now);
	}
}
