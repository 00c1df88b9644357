// Persistent storage: ask the browser not to evict Limber's data (the session log), and
// report what it holds. Works with any object shaped like navigator.storage, for tests.

export type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function defaultStorage(): StorageLike | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks for persistent storage; call it after the first saved session. Resolves to whether
 * storage is persistent now (false when unsupported or refused; never throws).
 */
export async function requestPersistence(
	storage: StorageLike | undefined = defaultStorage()
): Promise<boolean> {
	try {
		if (await storage?.persisted?.()) return true;
		return (await storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

export interface StorageInfo {
	/** Whether the browser reports anything about storage at all. */
	supported: boolean;
	/** null when the browser cannot tell. */
	persisted: boolean | null;
	/** Bytes used and available to this site; null when unknown. */
	usage: number | null;
	quota: number | null;
}

/** Reads whether storage is persistent and how much of it is used (never throws). */
export async function readStorageInfo(
	storage: StorageLike | undefined = defaultStorage()
): Promise<StorageInfo> {
	const info: StorageInfo = {
		supported: Boolean(storage?.persisted || storage?.estimate),
		persisted: null,
		usage: null,
		quota: null
	};
	try {
		if (storage?.persisted) info.persisted = await storage.persisted();
	} catch {
		// unknown
	}
	try {
		const estimate = await storage?.estimate?.();
		info.usage = estimate?.usage ?? null;
		info.quota = estimate?.quota ?? null;
	} catch {
		// unknown
	}
	return info;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
/** French counts octets: "1,2 Mo". */
const FRENCH_UNITS = ['o', 'ko', 'Mo', 'Go', 'To'] as const;

/**
 * Formats a byte count for people: "0 B", "980 B", "1.2 MB", "35 MB", "2.1 GB" (powers of 1000),
 * with the locale's decimal separator ("1,2 MB" in German, "1,2 Mo" in French).
 */
export function formatBytes(bytes: number, locale: string = 'en'): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '—';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const units = locale === 'fr' ? FRENCH_UNITS : UNITS;
	const space = locale === 'fr' ? '\u00a0' : ' ';
	const separator =
		new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')
			?.value ?? '.';
	const decimal = (text: string) => text.replace('.', separator);
	if (unit === 0) return `${Math.round(value)}${space}${units[0]}`;
	// One decimal below 10 ("1.2 MB"), whole numbers above ("35 MB"); 9.96 rounds up to "10 MB".
	const text = value < 9.95 ? value.toFixed(1) : String(Math.round(value));
	if (text === '1000' && unit < UNITS.length - 1) {
		return `${decimal('1.0')}${space}${units[unit + 1]}`;
	}
	return `${decimal(text)}${space}${units[unit]}`;
}
