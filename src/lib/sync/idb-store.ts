// The device's side of sync in IndexedDB (version 7's `syncEntries` and `syncMeta`), with the
// same rules as the in-memory reference (memory-store.ts). Pulled documents are written into the
// app's own stores — sessions with their digests, routines, settings by key, the morning answers
// — in the one transaction that stores their entries and the checkpoint, so a failure leaves
// nothing half-taken; then the open pages are told (the sessions, programs and settings channels)
// so History, the library and Settings show them without a reload. The app's own changes are
// recorded by the write paths in $lib/storage (sync-changes.ts).
import { inTransaction, readDatabase, withDatabase } from '$lib/storage/database';
import { readDigestsForWrite, writeDigests } from '$lib/storage/digest-store';
import { digestOf, putDigest, removeDigest } from '$lib/storage/digests';
import { announceProgramsChanged, announceSettingsChanged } from '$lib/storage/change-events';
import { announceSessionsChanged } from '$lib/storage/session-events';
import type { SyncEntry } from '$lib/storage/schema';
import { isValidSetting, type MorningPain, type SettingKey } from '$lib/storage/settings-schema';
import {
	answersByDay,
	asMorningPain,
	SYNC_META,
	SYNC_STORES,
	takeSeqs,
	type SyncEntryStore,
	type SyncMetaStore
} from '$lib/storage/sync-changes';
import { isCheckpoint } from './device-records';
import type { SyncCheckpoint } from './checkpoint';
import {
	docToStored,
	isDeleted,
	parseDocId,
	SETTINGS_GROUPS,
	type SettingsGroup,
	type SyncDoc
} from './documents';
import { resolvePulled, type LocalEntry, type LocalStore } from './local-store';

/** What a batch of pulled documents changed in the app's stores (for telling the pages). */
interface Touched {
	sessions: boolean;
	programs: boolean;
	settings: Set<SettingKey>;
}

/** A LocalStore over the app's IndexedDB database. */
export class IdbStore implements LocalStore {
	getMany(ids: readonly string[]): Promise<Map<string, LocalEntry>> {
		return readDatabase(async (db) => {
			const tx = db.transaction('syncEntries', 'readonly');
			const found = await Promise.all(ids.map((id) => tx.store.get(id)));
			await tx.done;
			const entries = new Map<string, LocalEntry>();
			found.forEach((entry, i) => {
				if (entry) entries.set(ids[i]!, entry);
			});
			return entries;
		}, new Map());
	}

	async applyPulled(docs: readonly SyncDoc[], checkpoint: SyncCheckpoint): Promise<number> {
		const touched: Touched = { sessions: false, programs: false, settings: new Set() };
		const changed = await withDatabase((db) =>
			inTransaction(
				db,
				['sessions', 'sessionDigests', 'programs', 'settings', ...SYNC_STORES],
				'readwrite',
				async (tx) => {
					const entries = tx.objectStore('syncEntries');
					const meta = tx.objectStore('syncMeta');
					const sessions = tx.objectStore('sessions');
					const digestStore = tx.objectStore('sessionDigests');
					const programs = tx.objectStore('programs');
					const settings = tx.objectStore('settings');
					let digests: Awaited<ReturnType<typeof readDigestsForWrite>> | null = null;
					let morning: Map<string, MorningPain> | null = null;
					let count = 0;
					for (const remote of docs) {
						const before = await entries.get(remote._id);
						const write = resolvePulled(before, remote);
						const entry: SyncEntry = {
							doc: write.doc,
							rev: write.rev,
							seq: write.pending ? await takeSeqs(meta) : (before?.seq ?? 0),
							pending: write.pending
						};
						await entries.put(entry);
						if (!write.changed) continue;
						count++;
						const parsed = parseDocId(write.doc._id);
						if (parsed === null) continue;
						const doc = write.doc;
						if (isDeleted(doc)) {
							// A deletion removes the record (a deleted settings group, which the app
							// never makes, leaves the settings as they are).
							if (parsed.type === 'session') {
								digests ??= await readDigestsForWrite(sessions, digestStore);
								await sessions.delete(parsed.key);
								removeDigest(digests, parsed.key);
								touched.sessions = true;
							} else if (parsed.type === 'routine') {
								await programs.delete(parsed.key);
								touched.programs = true;
							} else if (parsed.type === 'check') {
								morning ??= answersByDay(asMorningPain(await settings.get('morningPain')));
								morning.delete(parsed.key);
							}
							continue;
						}
						const stored = docToStored(doc);
						switch (stored.type) {
							case 'session':
								digests ??= await readDigestsForWrite(sessions, digestStore);
								await sessions.put(stored.session);
								putDigest(digests, digestOf(stored.session));
								touched.sessions = true;
								break;
							case 'routine':
								await programs.put(stored.routine);
								touched.programs = true;
								break;
							case 'settings': {
								// Only the group's own keys (never a device-only one), each checked.
								const group = parsed.key as SettingsGroup;
								const keys: readonly SettingKey[] = Object.hasOwn(SETTINGS_GROUPS, group)
									? SETTINGS_GROUPS[group]
									: [];
								for (const key of keys) {
									if (!Object.hasOwn(stored.settings, key)) continue;
									const value: unknown = stored.settings[key];
									if (!isValidSetting(key, value)) continue;
									await settings.put(value, key);
									touched.settings.add(key);
								}
								break;
							}
							case 'check':
								morning ??= answersByDay(asMorningPain(await settings.get('morningPain')));
								morning.set(stored.check.day, stored.check);
								break;
						}
					}
					if (digests) await writeDigests(digestStore, digests);
					if (morning) {
						const list = [...morning.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
						await settings.put(list, 'morningPain');
						touched.settings.add('morningPain');
					}
					await meta.put({ ...checkpoint }, SYNC_META.checkpoint);
					return count;
				},
				'strict'
			)
		);
		if (touched.sessions) announceSessionsChanged();
		if (touched.programs) announceProgramsChanged();
		announceSettingsChanged([...touched.settings]);
		return changed;
	}

	changesSince(since: number, limit: number): Promise<LocalEntry[]> {
		if (limit <= 0) return Promise.resolve([]);
		return readDatabase(
			(db) =>
				db.getAllFromIndex('syncEntries', 'by-seq', IDBKeyRange.lowerBound(since, true), limit),
			[]
		);
	}

	countPending(since: number): Promise<number> {
		return readDatabase(async (db) => {
			const tx = db.transaction('syncEntries', 'readonly');
			let count = 0;
			let cursor = await tx.store.index('by-seq').openCursor(IDBKeyRange.lowerBound(since, true));
			while (cursor) {
				if (cursor.value.pending) count++;
				cursor = await cursor.continue();
			}
			await tx.done;
			return count;
		}, 0);
	}

	async markPushed(
		pushed: readonly { id: string; rev: string; seq: number }[],
		checkpoint: SyncCheckpoint
	): Promise<void> {
		await withDatabase((db) =>
			inTransaction(db, [...SYNC_STORES], 'readwrite', async (tx) => {
				const entries = tx.objectStore('syncEntries');
				for (const { id, rev, seq } of pushed) {
					const entry = await entries.get(id);
					if (!entry) continue;
					entry.rev = rev;
					if (entry.seq === seq) entry.pending = false;
					await entries.put(entry);
				}
				await tx.objectStore('syncMeta').put({ ...checkpoint }, SYNC_META.checkpoint);
			})
		);
	}

	async getCheckpoint(): Promise<SyncCheckpoint | undefined> {
		const stored: unknown = await readDatabase(
			(db) => db.get('syncMeta', SYNC_META.checkpoint),
			undefined
		);
		return isCheckpoint(stored) ? { ...stored } : undefined;
	}

	async startOver(checkpoint: SyncCheckpoint): Promise<void> {
		await withDatabase((db) =>
			inTransaction(db, [...SYNC_STORES], 'readwrite', async (tx) => {
				await forgetRevisions(tx.objectStore('syncEntries'), tx.objectStore('syncMeta'));
				await tx.objectStore('syncMeta').put({ ...checkpoint }, SYNC_META.checkpoint);
			})
		);
	}
}

/**
 * Forgets every entry's revision and marks it to be pushed with a new change number (in the
 * order of the old ones), inside a write transaction over both sync stores.
 */
export async function forgetRevisions(entries: SyncEntryStore, meta: SyncMetaStore): Promise<void> {
	const count = await entries.count();
	let seq = await takeSeqs(meta, count);
	let cursor = await entries.index('by-seq').openCursor();
	const updated: SyncEntry[] = [];
	while (cursor) {
		updated.push(cursor.value);
		cursor = await cursor.continue();
	}
	for (const entry of updated) {
		delete entry.rev;
		entry.pending = true;
		entry.seq = seq++;
		await entries.put(entry);
	}
}
