// The `sessionDigests` store inside a transaction: every writer of `sessions` reads the packed
// digests here, changes them with the functions of digests.ts and writes them back with
// writeDigests, all in its own transaction, so sessions and digests change together or not at all.
import type { IDBPObjectStore, StoreNames } from 'idb';
import { digestOf, isPackedDigests, packDigests } from './digests';
import { DIGESTS_KEY, type LimberSchema, type PackedDigests } from './schema';

type Stores = ArrayLike<StoreNames<LimberSchema>>;
type SessionStore<M extends IDBTransactionMode> = IDBPObjectStore<
	LimberSchema,
	Stores,
	'sessions',
	M
>;
type DigestStore<M extends IDBTransactionMode> = IDBPObjectStore<
	LimberSchema,
	Stores,
	'sessionDigests',
	M
>;

/**
 * The stored packed digests, or, when the record is missing or unusable, digests rebuilt from
 * every stored session (slow, but only once: the caller writes the result back).
 */
export async function readDigestsForWrite(
	sessions: SessionStore<'readwrite' | 'versionchange'>,
	digests: DigestStore<'readwrite' | 'versionchange'>
): Promise<PackedDigests> {
	const stored: unknown = await digests.get(DIGESTS_KEY);
	if (isPackedDigests(stored)) return stored;
	return digestsFromSessions(sessions);
}

/** Packs the digests of every session in the store. */
export async function digestsFromSessions(
	sessions: SessionStore<IDBTransactionMode>
): Promise<PackedDigests> {
	const records = await sessions.getAll();
	return packDigests(records.map(digestOf));
}

/** Writes the packed digests back (the request, for the caller to await or collect). */
export function writeDigests(
	digests: DigestStore<'readwrite' | 'versionchange'>,
	packed: PackedDigests
): Promise<string> {
	return digests.put(packed, DIGESTS_KEY);
}
