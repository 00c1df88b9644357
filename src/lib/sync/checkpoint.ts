// Where a sync stopped, so that the next one (or one that was interrupted) goes on from there:
// the server's update sequence pulled up to, and this device's change number pushed up to.
//
// The checkpoint is kept in two places, like CouchDB's own replicator does: on this device, saved
// in the same transaction as the pulled documents it covers (so it can never run ahead of them),
// and on the server as `_local/<replication id>` (a `_local` document never replicates and is
// not in `_changes`). Each holds the id of the sync session that wrote it. The device's copy is
// used only when the server's holds the same session: if the server's database was recreated,
// or this device was reset, or the person switched servers, the two disagree and sync starts
// over from the beginning (which merging makes safe: nothing is lost or stored twice).
import { CouchClient } from './couch';

/** Where a sync between this device and one server database stopped. */
export interface SyncCheckpoint {
	/** Set when a sync starts over; the device's and the server's copies must agree on it. */
	session: string;
	/** The server's update sequence pulled up to (opaque: passed back as it came). */
	pull: string;
	/** This device's change number pushed up to. */
	push: number;
}

/** The `_local` document id of this device's checkpoint in a server database. */
export function replicationId(deviceId: string): string {
	return `limber-${deviceId}`;
}

/** The checkpoint as the server holds it, and the revision to overwrite it with. */
export interface RemoteCheckpoint {
	checkpoint: SyncCheckpoint | null;
	rev: string | undefined;
}

function localPath(id: string): string {
	return `_local/${encodeURIComponent(id)}`;
}

/** Reads this device's checkpoint from the server (null when there is none or it is damaged). */
export async function readRemoteCheckpoint(
	client: CouchClient,
	id: string
): Promise<RemoteCheckpoint> {
	const { status, body } = await client.request('GET', localPath(id), undefined, [404]);
	if (status === 404 || typeof body !== 'object' || body === null) {
		return { checkpoint: null, rev: undefined };
	}
	const doc = body as Record<string, unknown>;
	const rev = typeof doc._rev === 'string' ? doc._rev : undefined;
	const ok =
		typeof doc.session === 'string' &&
		typeof doc.pull === 'string' &&
		typeof doc.push === 'number' &&
		Number.isInteger(doc.push) &&
		doc.push >= 0;
	return {
		checkpoint: ok
			? { session: doc.session as string, pull: doc.pull as string, push: doc.push as number }
			: null,
		rev
	};
}

/** Saves this device's checkpoint on the server; resolves to the new revision. */
export async function writeRemoteCheckpoint(
	client: CouchClient,
	id: string,
	checkpoint: SyncCheckpoint,
	rev: string | undefined
): Promise<string | undefined> {
	const doc: Record<string, unknown> = { ...checkpoint };
	if (rev !== undefined) doc._rev = rev;
	const { body } = await client.request('PUT', localPath(id), doc);
	const written = (body as { rev?: unknown } | null)?.rev;
	return typeof written === 'string' ? written : undefined;
}

/**
 * The checkpoint to go on from: the device's, when the server holds the same session; otherwise
 * null (start over).
 */
export function agreedCheckpoint(
	local: SyncCheckpoint | undefined,
	remote: SyncCheckpoint | null
): SyncCheckpoint | null {
	if (!local || !remote || local.session !== remote.session) return null;
	return local;
}

/** A fresh checkpoint: nothing pulled or pushed yet, under a new session id. */
export function startingCheckpoint(session: string): SyncCheckpoint {
	return { session, pull: '0', push: 0 };
}
