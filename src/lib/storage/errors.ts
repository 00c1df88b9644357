// Typed storage errors with messages a person can act on. Every repository rejects with a
// StorageError, never with a raw DOMException, so the UI can switch on `kind`. An error's own
// `message` is English (it is also what logs and tests see); the UI shows
// storageErrorMessage(kind, locale) in the person's language.
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';

export type StorageErrorKind =
	/** The device (or the browser's share of it) is out of space. Retrying later may work. */
	| 'quota'
	/** IndexedDB cannot be used in this browser mode (for example some private windows). */
	| 'unavailable'
	/** Another tab holds an older version of the database open, so this tab cannot upgrade it. */
	| 'blocked'
	/** Another tab upgraded the database; this page must be reloaded to use it. */
	| 'outdated'
	/** A stored record failed validation when it was read back. */
	| 'damaged'
	/** Anything else. */
	| 'unknown';

/** The sentence for each kind, in messages/safety (`storage_` keys). */
const MESSAGES: Record<StorageErrorKind, (locale: Locale) => string> = {
	quota: (locale) => m.storage_quota({}, { locale }),
	unavailable: (locale) => m.storage_unavailable({}, { locale }),
	blocked: (locale) => m.storage_blocked({}, { locale }),
	outdated: (locale) => m.storage_outdated({}, { locale }),
	damaged: (locale) => m.storage_damaged({}, { locale }),
	unknown: (locale) => m.storage_unknown({}, { locale })
};

/** The error every storage function rejects with. */
export class StorageError extends Error {
	readonly kind: StorageErrorKind;

	constructor(
		kind: StorageErrorKind,
		message: string = storageErrorMessage(kind),
		options?: ErrorOptions
	) {
		super(message, options);
		this.name = 'StorageError';
		this.kind = kind;
	}
}

/** The plain-language message for a kind of storage error, in `locale`. */
export function storageErrorMessage(kind: StorageErrorKind, locale: Locale = 'en'): string {
	return MESSAGES[kind](locale);
}

/**
 * A problem's sentence in `locale`: one of the standard storage sentences (an error's English
 * `message`) becomes its translation; any other text is returned as it is.
 */
export function storageProblemText(message: string, locale: Locale = 'en'): string {
	if (locale === 'en') return message;
	const kind = (Object.keys(MESSAGES) as StorageErrorKind[]).find(
		(kind) => storageErrorMessage(kind) === message
	);
	return kind ? storageErrorMessage(kind, locale) : message;
}

/** Tells whether a value is a StorageError (optionally of one kind). */
export function isStorageError(error: unknown, kind?: StorageErrorKind): error is StorageError {
	return error instanceof StorageError && (kind === undefined || error.kind === kind);
}

function errorName(error: unknown): string {
	if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') {
		return error.name;
	}
	return '';
}

/** Whether an error means the device ran out of space (every browser's spelling of it). */
export function isQuotaError(error: unknown): boolean {
	const name = errorName(error);
	if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
	// Old WebKit reports the legacy numeric code only.
	return error instanceof DOMException && error.code === 22;
}

/**
 * Whether an error looks like a connection the browser dropped underneath us (WebKit throws
 * these from transactions after the page was in the background): worth one reopen and retry.
 */
export function isLostConnectionError(error: unknown): boolean {
	const name = errorName(error);
	return name === 'InvalidStateError' || name === 'UnknownError';
}

/** Turns anything thrown by IndexedDB into a StorageError with a plain-language message. */
export function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	if (isQuotaError(error)) return new StorageError('quota', undefined, { cause: error });
	if (errorName(error) === 'VersionError') {
		return new StorageError('outdated', undefined, { cause: error });
	}
	return new StorageError('unknown', undefined, { cause: error });
}
