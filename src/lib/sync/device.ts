// Sync on this device: whether it is on, the person's server and login, this install's id, the
// last sync's result, and the LocalStore the replicator writes through. Everything is kept in
// `syncMeta` (database version 7), which no backup, export or log ever reads.
//
// Turning sync on starts recording every change (the write paths in $lib/storage), then makes an
// entry for everything already stored, in batches of separate transactions so that 10,000
// sessions never hold the page (or the database) for long. A change made meanwhile is recorded
// by its own write and is newer than the seeding: seeding leaves such an entry alone.
import { inTransaction, readDatabase, withDatabase } from '$lib/storage/database';
import type { StoredProgram, SyncEntry } from '$lib/storage/schema';
import { isValidSetting } from '$lib/storage/settings-schema';
import {
	asMorningPain,
	answersByDay,
	changedEntry,
	liveSessionDoc,
	nowIso,
	sessionDocFor,
	settingsGroupDoc,
	SYNC_META,
	SYNC_STORES,
	takeSeqs,
	UNKNOWN_TIME,
	type SyncEntryStore,
	type SyncMetaStore
} from '$lib/storage/sync-changes';
import type { SessionRecord } from '$lib/session/record';
import { isAccount, isStatus, type SyncAccount, type SyncStatus } from './device-records';
import {
	checkDocId,
	checkToDoc,
	deletionOf,
	isDeleted,
	parseDocId,
	routineToDoc,
	sessionToDoc,
	SETTINGS_GROUP_NAMES,
	type SyncDoc
} from './documents';
import { forgetRevisions, IdbStore } from './idb-store';
import type { LocalStore } from './local-store';
import { canonicalJson } from './merge';

export type { SyncAccount, SyncStatus } from './device-records';

/** Records per transaction when turning sync on (small enough to keep the page responsive). */
export const SEED_BATCH = 250;

/** The LocalStore over this device's database, for the replicator. */
export function idbLocalStore(): LocalStore {
	return new IdbStore();
}

/** This install's random id (made once, on first use). */
export async function getDeviceId(): Promise<string> {
	return withDatabase((db) =>
		inTransaction(db, ['syncMeta'], 'readwrite', async (tx) => {
			const stored: unknown = await tx.objectStore('syncMeta').get(SYNC_META.deviceId);
			if (typeof stored === 'string' && stored !== '') return stored;
			const id = crypto.randomUUID();
			await tx.objectStore('syncMeta').put(id, SYNC_META.deviceId);
			return id;
		})
	);
}

/** The person's server and login, if saved. */
export async function getSyncAccount(): Promise<SyncAccount | undefined> {
	const stored: unknown = await readDatabase(
		(db) => db.get('syncMeta', SYNC_META.account),
		undefined
	);
	return isAccount(stored) ? { ...stored } : undefined;
}

/** Saves the person's server and login (on this device only). */
export async function saveSyncAccount(account: SyncAccount): Promise<void> {
	const { address, user, password } = account;
	await withDatabase((db) =>
		inTransaction(db, ['syncMeta'], 'readwrite', async (tx) => {
			await tx.objectStore('syncMeta').put({ address, user, password }, SYNC_META.account);
		})
	);
}

/** Whether sync is on (changes are recorded). */
export async function isSyncOn(): Promise<boolean> {
	const stored: unknown = await readDatabase((db) => db.get('syncMeta', SYNC_META.on), undefined);
	return stored === true;
}

/** Where a seeding that has not finished started: its change number and time. */
interface SeedingFrom {
	since: number;
	now: string;
}

function isSeedingFrom(value: unknown): value is SeedingFrom {
	const v = value as Partial<SeedingFrom> | null;
	return (
		typeof v === 'object' && v !== null && typeof v.since === 'number' && typeof v.now === 'string'
	);
}

/**
 * on: creates an entry (pending) for everything already stored — sessions, imported/builder
 * routines, synced settings groups, morning answers — in batches that don't freeze the page for
 * 10,000 sessions; off: stops recording (entries kept). Turning on what is already on finishes a
 * seeding that was cut off (the page closed, a batch failed), and otherwise does nothing.
 */
export async function setSyncOn(on: boolean): Promise<void> {
	const from = await withDatabase((db) =>
		inTransaction(db, ['syncMeta'], 'readwrite', async (tx) => {
			const meta = tx.objectStore('syncMeta');
			const was = (await meta.get(SYNC_META.on)) === true;
			await meta.put(on, SYNC_META.on);
			if (!on) {
				await meta.delete(SYNC_META.seeding);
				return null;
			}
			const unfinished: unknown = await meta.get(SYNC_META.seeding);
			if (isSeedingFrom(unfinished)) return unfinished;
			if (was) return null;
			const counter: unknown = await meta.get(SYNC_META.counter);
			const started = { since: typeof counter === 'number' ? counter : 0, now: nowIso() };
			await meta.put(started, SYNC_META.seeding);
			return started;
		})
	);
	if (from === null) return;
	await seedEntries(from.since, from.now);
	await withDatabase((db) =>
		inTransaction(db, ['syncMeta'], 'readwrite', async (tx) => {
			const meta = tx.objectStore('syncMeta');
			const current: unknown = await meta.get(SYNC_META.seeding);
			if (isSeedingFrom(current) && current.since === from.since) {
				await meta.delete(SYNC_META.seeding);
			}
		})
	);
}

/** Whether sync is on and every stored record has its entry (a sync may run). */
export async function isSyncReady(): Promise<boolean> {
	return readDatabase(
		async (db) =>
			(await db.get('syncMeta', SYNC_META.on)) === true &&
			!isSeedingFrom(await db.get('syncMeta', SYNC_META.seeding)),
		false
	);
}

/** Deletes the stored credentials, turns sync off, forgets the checkpoint and revisions; local data stays. */
export async function forgetSyncServer(): Promise<void> {
	await withDatabase((db) =>
		inTransaction(db, [...SYNC_STORES], 'readwrite', async (tx) => {
			const meta = tx.objectStore('syncMeta');
			await meta.delete(SYNC_META.account);
			await meta.put(false, SYNC_META.on);
			await meta.delete(SYNC_META.checkpoint);
			await meta.delete(SYNC_META.status);
			await meta.delete(SYNC_META.seeding);
			await forgetRevisions(tx.objectStore('syncEntries'), meta);
		})
	);
}

/** What the last sync did, if one has run. */
export async function getSyncStatus(): Promise<SyncStatus | undefined> {
	const stored: unknown = await readDatabase(
		(db) => db.get('syncMeta', SYNC_META.status),
		undefined
	);
	return isStatus(stored) ? structuredClone(stored) : undefined;
}

/** Saves what the last sync did. */
export async function saveSyncStatus(status: SyncStatus): Promise<void> {
	const copy = structuredClone(status);
	await withDatabase((db) =>
		inTransaction(db, ['syncMeta'], 'readwrite', async (tx) => {
			await tx.objectStore('syncMeta').put(copy, SYNC_META.status);
		})
	);
}

/**
 * Writes seeded documents: an entry whose change number is above `since` was written after sync
 * was turned on and is left alone; one with the same content is left alone; the rest become
 * pending with new change numbers (keeping their revisions).
 */
async function putSeeded(
	entries: SyncEntryStore,
	meta: SyncMetaStore,
	since: number,
	build: (before: SyncEntry | undefined) => SyncDoc | null,
	before: SyncEntry | undefined
): Promise<void> {
	if (before && before.seq > since) return;
	const doc = build(before);
	if (doc === null) return;
	if (before && canonicalJson(before.doc) === canonicalJson(doc)) return;
	await entries.put(changedEntry(doc, before, await takeSeqs(meta)));
}

/**
 * The seeding when sync is turned on (`since`: the change number then; `now`: the time of a
 * change found made while sync was off). Stored things with no entry get documents dated by what
 * they carry (a session its end, a routine its import, a morning answer its day, a setting the
 * unknown time, so that any change really made elsewhere wins); things changed or deleted while
 * sync was off are dated `now`.
 */
async function seedEntries(since: number, now: string): Promise<void> {
	await seedSessions(since, now);
	await withDatabase((db) =>
		inTransaction(db, ['programs', 'settings', ...SYNC_STORES], 'readwrite', async (tx) => {
			const entries = tx.objectStore('syncEntries');
			const meta = tx.objectStore('syncMeta');
			const programs: StoredProgram[] = await tx.objectStore('programs').getAll();
			for (const routine of programs) {
				const id = `routine:${routine.program.id}`;
				const before = await entries.get(id);
				await putSeeded(
					entries,
					meta,
					since,
					(entry) => {
						const doc = entry?.doc;
						const live = doc && !isDeleted(doc) && doc.type === 'routine' ? doc : undefined;
						if (live && canonicalJson(live.routine) === canonicalJson(routine)) return null;
						return routineToDoc(routine, entry ? now : routine.importedAt);
					},
					before
				);
			}
			const settings = tx.objectStore('settings');
			for (const group of SETTINGS_GROUP_NAMES) {
				const id = `settings:${group}`;
				const before = await entries.get(id);
				if (before && before.seq > since) continue;
				const doc = await settingsGroupDoc(settings, group, before, [], now, UNKNOWN_TIME);
				if (doc === null) continue;
				if (before && canonicalJson(before.doc) === canonicalJson(doc)) continue;
				await entries.put(changedEntry(doc, before, await takeSeqs(meta)));
			}
			const stored: unknown = await settings.get('morningPain');
			const answers = answersByDay(
				stored !== undefined && isValidSetting('morningPain', stored) ? stored : []
			);
			for (const answer of answers.values()) {
				const id = checkDocId(answer.day);
				const before = await entries.get(id);
				await putSeeded(
					entries,
					meta,
					since,
					(entry) => {
						const doc = entry?.doc;
						const live = doc && !isDeleted(doc) && doc.type === 'check' ? doc : undefined;
						if (live && live.check.pain === answer.pain) return null;
						return checkToDoc(answer, entry ? now : `${answer.day}T00:00:00.000Z`);
					},
					before
				);
			}
		})
	);
	await seedDeletions(since, now);
}

/** Sessions in batches (by id): each batch read and its entries written in one transaction. */
async function seedSessions(since: number, now: string): Promise<void> {
	let after: string | null = null;
	for (;;) {
		const last: string | null = await withDatabase((db) =>
			inTransaction(db, ['sessions', ...SYNC_STORES], 'readwrite', async (tx) => {
				const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
				const batch: SessionRecord[] = await tx.objectStore('sessions').getAll(range, SEED_BATCH);
				const entries = tx.objectStore('syncEntries');
				const meta = tx.objectStore('syncMeta');
				for (const session of batch) {
					const id = `session:${session.id}`;
					const before = await entries.get(id);
					await putSeeded(
						entries,
						meta,
						since,
						(entry) => {
							const prior = liveSessionDoc(entry);
							if (prior && canonicalJson(prior.session) === canonicalJson(session)) return null;
							if (!entry) return sessionToDoc(session, session.endedAt);
							return sessionDocFor(session, undefined, entry, now);
						},
						before
					);
				}
				return batch.length < SEED_BATCH ? null : (batch[batch.length - 1]?.id ?? null);
			})
		);
		if (last === null) return;
		after = last;
		// Let the page breathe between batches.
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

/**
 * Entries of things removed while sync was off (a session, a routine, a morning answer no longer
 * stored) become deletions dated `now`, in batches of entries.
 */
async function seedDeletions(since: number, now: string): Promise<void> {
	let after: string | null = null;
	for (;;) {
		const last: string | null = await withDatabase((db) =>
			inTransaction(
				db,
				['sessions', 'programs', 'settings', ...SYNC_STORES],
				'readwrite',
				async (tx) => {
					const entries = tx.objectStore('syncEntries');
					const meta = tx.objectStore('syncMeta');
					const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
					const batch = await entries.getAll(range, SEED_BATCH);
					const days = answersByDay(
						asMorningPain(await tx.objectStore('settings').get('morningPain'))
					);
					for (const entry of batch) {
						if (entry.seq > since || isDeleted(entry.doc)) continue;
						const parsed = parseDocId(entry.doc._id);
						if (parsed === null) continue;
						let gone = false;
						if (parsed.type === 'session') {
							gone = (await tx.objectStore('sessions').getKey(parsed.key)) === undefined;
						} else if (parsed.type === 'routine') {
							gone = (await tx.objectStore('programs').getKey(parsed.key)) === undefined;
						} else if (parsed.type === 'check') {
							gone = !days.has(parsed.key);
						}
						if (!gone) continue;
						const doc = deletionOf(entry.doc._id, parsed.type, now);
						await entries.put(changedEntry(doc, entry, await takeSeqs(meta)));
					}
					return batch.length < SEED_BATCH ? null : (batch[batch.length - 1]?.doc._id ?? null);
				}
			)
		);
		if (last === null) return;
		after = last;
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}
