// What the replicator needs of this device's side, as an interface (so that it is tested against
// an in-memory store, and the IndexedDB one can come later): every document that syncs, with the
// revision the server last gave it, a change number that grows with every local change, and
// whether it still has to be pushed. `resolvePulled` is the one rule for taking in a pulled
// document; a store applies it inside its own write transaction, so that a change the app makes
// at the same moment is merged rather than overwritten.
import type { SyncCheckpoint } from './checkpoint';
import { isDeleted, type SyncDoc } from './documents';
import { contentOf, mergeDocs, sameContent } from './merge';

/** A document as this device keeps it for sync. */
export interface LocalEntry {
	/** The document's content (no `_rev`). */
	doc: SyncDoc;
	/** The server's revision this content is based on; absent when never pushed or pulled. */
	rev?: string;
	/** This device's change number: grows with every change to be pushed. */
	seq: number;
	/** Whether the server does not have this content yet. */
	pending: boolean;
}

/** The device's side of sync. */
export interface LocalStore {
	/** The stored entries of these documents (absent ids are left out). */
	getMany(ids: readonly string[]): Promise<Map<string, LocalEntry>>;
	/**
	 * Takes in pulled documents (each one through resolvePulled against what is stored) and saves
	 * the checkpoint, all in one transaction. Resolves to how many documents changed here.
	 */
	applyPulled(docs: readonly SyncDoc[], checkpoint: SyncCheckpoint): Promise<number>;
	/** Entries changed after change number `since`, by change number, at most `limit`. */
	changesSince(since: number, limit: number): Promise<LocalEntry[]>;
	/** How many entries changed after `since` still have to be pushed. */
	countPending(since: number): Promise<number>;
	/**
	 * Records the revisions the server gave pushed documents (an entry changed again since it was
	 * sent, its `seq` no longer the one given, stays pending) and saves the checkpoint.
	 */
	markPushed(
		pushed: readonly { id: string; rev: string; seq: number }[],
		checkpoint: SyncCheckpoint
	): Promise<void>;
	/** The saved checkpoint, if any. */
	getCheckpoint(): Promise<SyncCheckpoint | undefined>;
	/**
	 * Starts over with another server database: forgets every revision, marks every entry to be
	 * pushed, and saves `checkpoint`.
	 */
	startOver(checkpoint: SyncCheckpoint): Promise<void>;
}

/** How a pulled document is stored: its content, the server's revision, and whether to push. */
export interface PulledWrite {
	doc: SyncDoc;
	rev: string;
	/** The merged content differs from the server's: it is a local change to push. */
	pending: boolean;
	/** Whether the stored content changes (what the app's own stores must take in). */
	changed: boolean;
}

/**
 * The rule for taking in a pulled document (`remote` carries its `_rev`). A document with no
 * change waiting here is replaced by the server's version, which was made from it (this device
 * pushed or pulled it, and the server's history goes on from there). One with a change waiting
 * is merged with the server's version, based on its revision, and still to be pushed when the
 * merge differs from it.
 */
export function resolvePulled(local: LocalEntry | undefined, remote: SyncDoc): PulledWrite {
	const rev = remote._rev ?? '';
	const incoming = contentOf(remote) as SyncDoc;
	if (!local) return { doc: incoming, rev, pending: false, changed: !isDeleted(incoming) };
	if (!local.pending) {
		return { doc: incoming, rev, pending: false, changed: !sameContent(incoming, local.doc) };
	}
	const merged = mergeDocs(local.doc, incoming);
	const pending = !sameContent(merged, incoming);
	return { doc: merged, rev, pending, changed: !sameContent(merged, local.doc) };
}
