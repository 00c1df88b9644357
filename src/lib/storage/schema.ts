// The IndexedDB schema (current version) and the shapes of the records it holds.
// Older shapes are described in docs/storage.md and in tests/fixtures/db/.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { EngineSnapshot } from '$lib/player/engine-types';
import type { Program } from '$lib/program/types';
import type { SessionRecord } from '$lib/session/record';

export const DB_NAME = 'limber';
/** Bump with a new `if (oldVersion < N)` step in migrations.ts and a fixture of the old shape. */
export const DB_VERSION = 3;

/** The fixed key of the single checkpoint record. */
export const CHECKPOINT_KEY = 'current';

export type ProgramSource = 'file' | 'paste';

/** An imported program as stored (keyed by program.id). */
export interface StoredProgram {
	program: Program;
	/** When it was imported (ISO 8601). */
	importedAt: string;
	source?: ProgramSource;
}

/** The playing session's snapshot, so a reload can resume it. */
export interface Checkpoint {
	programId: string;
	programVersion: number;
	level?: number;
	/** When the session started (ISO 8601), carried into its SessionRecord. */
	startedAt: string;
	/** Wall-clock ms when this checkpoint was written. */
	savedAt: number;
	snapshot: EngineSnapshot;
	painBefore?: number;
}

export interface LimberSchema extends DBSchema {
	sessions: {
		key: string;
		value: SessionRecord;
		indexes: { 'by-startedAt': string; 'by-programId': string };
	};
	programs: { key: string; value: StoredProgram };
	checkpoint: { key: string; value: Checkpoint };
	/** One record per setting, keyed by the setting's name (values checked on read). */
	settings: { key: string; value: unknown };
}

export type LimberDatabase = IDBPDatabase<LimberSchema>;
export type StoreName = 'sessions' | 'programs' | 'checkpoint' | 'settings';
