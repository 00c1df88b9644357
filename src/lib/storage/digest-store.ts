// The `sessionDigests` store inside a transaction: every writer of `sessions` reads the packed
// digests here, changes them with the functions of digests.ts and writes them back with
// writeDigests, all in its own transaction, so sessions and digests change together or not at all.
import type { IDBPObjectStore, StoreNames } from 'idb';
import { digestOf, isPackedDigests, packDigests, putDigest } from './digests';
import type { SessionRecord } from '$lib/session/record';
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

/** Puts a session and changes its digest, inside a write transaction over both stores. */
export async function putWithDigest(
	sessions: SessionStore<'readwrite'>,
	digests: DigestStore<'readwrite'>,
	record: SessionRecord
): Promise<void> {
	const packed = await readDigestsForWrite(sessions, digests);
	putDigest(packed, digestOf(record));
	await both(sessions.put(record), () => writeDigests(digests, packed));
}

/**
 * Waits for a request and a second one made after it. If making the second throws (a full disk
 * can make put() throw at once), the first one's rejection is already observed: the transaction
 * is aborted by inTransaction and the thrown error is what the caller sees.
 */
export async function both(first: Promise<unknown>, second: () => Promise<unknown>): Promise<void> {
	first.catch(() => {});
	await Promise.all([first, second()]);
}
