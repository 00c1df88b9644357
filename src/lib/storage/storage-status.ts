// The storage connection's status, for the UI to show (no Svelte here: a tiny observable with
// the store contract, so a component may also read it as `$storageStatus`).
import { storageErrorMessage } from './errors';

export type StorageStatusKind =
	/** Not opened yet (or closed on purpose). */
	| 'idle'
	| 'opening'
	| 'ready'
	/** Waiting for another tab with an older version to close. */
	| 'blocked'
	/** Another tab upgraded the database: this page must be reloaded. */
	| 'outdated'
	/** IndexedDB cannot be used here: reads return nothing, writes fail. */
	| 'unavailable'
	/** Opening failed for another reason; the next operation tries again. */
	| 'failed';

export interface StorageStatus {
	kind: StorageStatusKind;
	/** A plain-language sentence for the person, or null when there is nothing to say. */
	message: string | null;
}

export type StorageStatusListener = (status: StorageStatus) => void;

function messageFor(kind: StorageStatusKind): string | null {
	switch (kind) {
		case 'blocked':
		case 'outdated':
		case 'unavailable':
			return storageErrorMessage(kind);
		case 'failed':
			return storageErrorMessage('unknown');
		default:
			return null;
	}
}

let current: StorageStatus = { kind: 'idle', message: null };
const listeners = new Set<StorageStatusListener>();

/** The storage status right now. */
export function getStorageStatus(): StorageStatus {
	return current;
}

/** Calls `listener` now and on every change; returns the function that stops it. */
export function subscribeStorageStatus(listener: StorageStatusListener): () => void {
	listeners.add(listener);
	listener(current);
	return () => {
		listeners.delete(listener);
	};
}

/** The status as a store-contract object (`subscribe` only). */
export const storageStatus = { subscribe: subscribeStorageStatus };

/** False once IndexedDB turned out to be unusable: the UI says history cannot be kept. */
export function isStorageAvailable(): boolean {
	return current.kind !== 'unavailable';
}

/** Changes the status and tells every listener (used by the database module). */
export function setStorageStatus(kind: StorageStatusKind): void {
	if (current.kind === kind) return;
	current = { kind, message: messageFor(kind) };
	for (const listener of [...listeners]) {
		try {
			listener(current);
		} catch (error) {
			// One broken listener must not stop the others or the storage code.
			console.error(error);
		}
	}
}
