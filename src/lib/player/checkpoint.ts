// A playing session's checkpoint: its place, written as it plays, so a reload can resume it (and,
// once it has ended, its record until that is stored). The shape the player writes and storage
// keeps (storage/checkpoint.ts).
import type { SessionRecord } from '$lib/session/record';
import type { EngineSnapshot } from './engine-types';

/**
 * A session's place, so a reload can resume it; one per session, keyed by its id (version 5).
 * Once the session has ended it also holds the finished record, until that record is stored.
 */
export interface Checkpoint {
	/** The session's id from its start: the id its record will carry. */
	sessionId: string;
	programId: string;
	programVersion: number;
	level?: number;
	/** When the session started (ISO 8601), carried into its SessionRecord. */
	startedAt: string;
	/** Wall-clock ms when this checkpoint was written. */
	savedAt: number;
	snapshot: EngineSnapshot;
	painBefore?: number;
	/** The get-ready length the session plays with (Settings may replace the routine's own): a
	 * resumed session keeps it. Absent in checkpoints written before that setting: the
	 * routine's own. See $lib/player/prepare. */
	prepareSeconds?: number;
	/** The finished session's record, kept here until it is stored in `sessions`. */
	record?: SessionRecord;
	/** The tab that plays the session (its PlayerLock id): a tab that lost it cannot write. */
	owner?: string;
}

/** What Discard leaves under a session's key: no checkpoint is ever written for it again
 * (a tab that was frozen while it played cannot bring it back). */
export interface DiscardedCheckpoint {
	sessionId: string;
	discardedAt: number;
}
