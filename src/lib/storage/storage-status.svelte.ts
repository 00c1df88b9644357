// The storage connection's status, for the UI to show: a runes object that the database module
// sets and any component reads (`storageStatus.kind`, `storageStatus.message` in English, or
// `storageMessage(storageStatus.kind, locale)` in the person's language).
import type { Locale } from '$lib/i18n/locale';
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

/** The sentence for a status in `locale`, or null when there is nothing to say. */
export function storageMessage(kind: StorageStatusKind, locale: Locale = 'en'): string | null {
	switch (kind) {
		case 'blocked':
		case 'outdated':
		case 'unavailable':
			return storageErrorMessage(kind, locale);
		case 'failed':
			return storageErrorMessage('unknown', locale);
		default:
			return null;
	}
}

/** The status of this page's storage connection. */
class StorageStatusState implements StorageStatus {
	kind: StorageStatusKind = $state('idle');
	/** A plain-language sentence for the person (English), or null when there is nothing to say;
	 *  storageMessage(kind, locale) gives it in another language. */
	readonly message: string | null = $derived(storageMessage(this.kind));
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
