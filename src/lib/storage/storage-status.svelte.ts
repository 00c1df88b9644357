// The storage connection's status, for the UI to show: a runes object that the database module
// sets and any component reads (`storageStatus.kind`, `storageStatus.message`).
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

/** The status of this page's storage connection. */
class StorageStatusState implements StorageStatus {
	kind: StorageStatusKind = $state('idle');
	/** A plain-language sentence for the person, or null when there is nothing to say. */
	readonly message: string | null = $derived(messageFor(this.kind));
}

/** The one status object (components read it; the database module sets it). */
export const storageStatus = new StorageStatusState();

/** The storage status right now, as a plain value. */
export function getStorageStatus(): StorageStatus {
	return { kind: storageStatus.kind, message: storageStatus.message };
}

/** False once IndexedDB turned out to be unusable: the UI says history cannot be kept. */
export function isStorageAvailable(): boolean {
	return storageStatus.kind !== 'unavailable';
}

/** Changes the status (used by the database module). */
export function setStorageStatus(kind: StorageStatusKind): void {
	storageStatus.kind = kind;
}
