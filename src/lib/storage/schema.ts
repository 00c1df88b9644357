// The IndexedDB schema (current version) and the shapes of the records it holds.
// Older shapes are described in docs/storage.md and in tests/fixtures/db/.
import type { DBSchema, IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { dateTime, oneOf, optional, record } from '../validation/schemas';
import type { Checkpoint, DiscardedCheckpoint } from '$lib/player/checkpoint';
import type { Program } from '$lib/program/types';
import type { SessionRecord } from '$lib/session/record';
import type { SyncDoc } from '$lib/sync/documents';

export { DB_NAME } from './db-name';
/** Bump with a new `if (oldVersion < N)` step in migrations.ts and a fixture of the old shape. */
export const DB_VERSION = 7;

/** The key under which versions 1–4 kept their one checkpoint (version 5 keys them by session). */
export const LEGACY_CHECKPOINT_KEY = 'current';

/** The fixed key of the single record in `sessionDigests` (all digests, packed). */
export const DIGESTS_KEY = 'all';

export type { Checkpoint, DiscardedCheckpoint } from '$lib/player/checkpoint';

/**
 * An imported program as stored (keyed by program.id), and as a backup carries it: the program
 * itself is checked by the program validator, the rest by this schema.
 */
export const StoredProgramSchema = record({
	program: v.unknown(),
	/** When it was imported (ISO 8601). */
	importedAt: dateTime(),
	source: optional(oneOf(['file', 'paste', 'link', 'builder']))
});

/** How a program came to this device: an imported file, pasted text, a share link, or made in the builder. */
export type ProgramSource = 'file' | 'paste' | 'link' | 'builder';

/** An imported program as stored: valid (validateProgram) and playable. */
export type StoredProgram = Omit<v.InferOutput<typeof StoredProgramSchema>, 'program'> & {
	program: Program;
};

/**
 * What History needs of one session (its summary and its list), without the exercises: a few
 * hundred bytes instead of about a kilobyte, kept in step with the session on every write.
 */
export interface SessionDigest {
	id: string;
	startedAt: string;
	programId: string;
	programTitle: string;
	durationSeconds: number;
	completed: boolean;
	/** Whether it counts as exercise done (countsAsDone in $lib/adherence/session-index). */
	counts: boolean;
	painBefore?: number;
	painAfter?: number;
	effort?: SessionRecord['effort'];
	/** The session's note, cut to DIGEST_NOTE_LENGTH characters (History's list shows it). */
	note?: string;
}

/**
 * Every session's digest in one record, as parallel columns (entry i of each array belongs to
 * the same session), sorted by startedAt then id as the by-startedAt index sorts. IndexedDB
 * reads one record of plain arrays about 25 times faster than 10,000 small records.
 */
export interface PackedDigests {
	/** Bumped when the columns change; a record of another format is rebuilt (2: effort, note). */
	format: 2;
	ids: string[];
	startedAt: string[];
	programIds: string[];
	programTitles: string[];
	durationSeconds: number[];
	/** Bit 1: completed; bit 2: counts. */
	flags: number[];
	/** The rating, or null when the session has none. */
	painBefore: (number | null)[];
	painAfter: (number | null)[];
	efforts: (string | null)[];
	notes: (string | null)[];
}

export interface LimberSchema extends DBSchema {
	sessions: {
		key: string;
		value: SessionRecord;
		indexes: { 'by-startedAt': string; 'by-programId': string };
	};
	programs: { key: string; value: StoredProgram };
	/** Version 5: one record per unfinished (or finished but not yet stored) session, keyed by its id. */
	checkpoint: { key: string; value: Checkpoint | DiscardedCheckpoint };
	/** One record per setting, keyed by the setting's name (values checked on read). */
	settings: { key: string; value: unknown };
	/** Version 4: one record under DIGESTS_KEY, derived from `sessions` and written with it. */
	sessionDigests: { key: string; value: PackedDigests };
	/** Version 6: the routine builder's unsaved routines, keyed by draft id (see drafts.ts). */
	drafts: { key: string; value: StoredDraft };
	/** Version 7: one entry per sync document, keyed by its id (`doc._id`); see sync-changes.ts. */
	syncEntries: { key: string; value: SyncEntry; indexes: { 'by-seq': number } };
	/** Version 7: sync's own records on this device, by name (SYNC_META; values checked on read). */
	syncMeta: { key: string; value: unknown };
}

/**
 * A document as this device keeps it for sync (the LocalEntry of $lib/sync/local-store): its
 * content, the server's revision it is based on, the change number, whether it is to be pushed.
 */
export interface SyncEntry {
	doc: SyncDoc;
	rev?: string;
	seq: number;
	pending: boolean;
}

/** Where a draft came from: a new routine, a copy of a program, or a stored routine edited. */
export type DraftMode = 'new' | 'copy' | 'edit';

/**
 * A routine being made or changed in the builder, as the person left it: the program may be
 * invalid (a field cleared, no exercise yet), so it is kept as it is and checked when read.
 */
export interface StoredDraft {
	id: string;
	mode: DraftMode;
	/** For 'edit': the stored program it changes; for 'copy': the program it was copied from. */
	sourceId?: string;
	/** For 'edit': the version of the stored program when the changes began. */
	baseVersion?: number;
	/** The program as edited so far (a Program in shape, its values not yet valid). */
	program: Program;
	/** When it was last changed (ISO 8601). */
	updatedAt: string;
}

export type LimberDatabase = IDBPDatabase<LimberSchema>;
export type StoreName =
	| 'sessions'
	| 'programs'
	| 'checkpoint'
	| 'settings'
	| 'sessionDigests'
	| 'drafts'
	| 'syncEntries'
	| 'syncMeta';
