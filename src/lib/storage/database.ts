// The one IndexedDB connection of this page. Its life cycle:
// - opened lazily by the first operation (openDatabase), upgrading the schema if needed;
// - `blocked` (another tab keeps an older version open): waiting operations fail with a
//   'blocked' StorageError while the open carries on, and the status tells the person to close
//   the other tabs; once they do, the connection becomes ready;
// - `versionchange` (another tab wants a newer version): this connection closes at once so
//   the other tab can upgrade, and the status becomes 'outdated' ("reload this page");
// - lost underneath us (the browser closed it, or WebKit throws InvalidStateError /
//   UnknownError from a transaction): the operation reopens once and runs again;
// - no IndexedDB at all (undefined, or open() failing as in some private modes): status
//   'unavailable'; reads resolve empty and writes reject with a clear StorageError.
import { wrap } from 'idb';
import { StorageError, isLostConnectionError, isQuotaError, toStorageError } from './errors';
import { migrate, type UpgradeTransaction } from './migrations';
import { DB_NAME, DB_VERSION, type LimberDatabase, type StoreName } from './schema';
import { getStorageStatus, setStorageStatus } from './storage-status.svelte';

export interface StorageOptions {
	/**
	 * The IndexedDB factory to use: undefined for the browser's own `indexedDB`, null to act
	 * as if IndexedDB did not exist (tests), or another factory (fake-indexeddb in tests).
	 */
	factory?: IDBFactory | null;
	/** Database name; tests may give each test its own. */
	name?: string;
}

interface Attempt {
	generation: number;
	opened: Promise<LimberDatabase>;
	/** Rejects with a 'blocked' StorageError if the open request is blocked. */
	blocked: Promise<never>;
	db: LimberDatabase | null;
}

let options: StorageOptions = {};
let generation = 0;
let attempt: Attempt | null = null;

/** Chooses the IndexedDB factory and database name, closing any open connection. */
export function configureStorage(next: StorageOptions = {}): void {
	closeDatabase();
	options = { ...next };
	setStorageStatus('idle');
}

/** Closes this page's connection (the next operation opens it again). */
export function closeDatabase(): void {
	generation++;
	const db = attempt?.db;
	attempt = null;
	db?.close();
	const kind = getStorageStatus().kind;
	if (kind === 'ready' || kind === 'opening' || kind === 'blocked') setStorageStatus('idle');
}

function resolveFactory(): IDBFactory | null {
	if (options.factory !== undefined) return options.factory;
	try {
		return (globalThis as { indexedDB?: IDBFactory | null }).indexedDB ?? null;
	} catch {
		// Some browsers throw a SecurityError just for looking (blocked cookies, sandboxed frames).
		return null;
	}
}

function unavailable(cause?: unknown): StorageError {
	setStorageStatus('unavailable');
	return new StorageError('unavailable', undefined, { cause });
}

function startOpen(): Attempt {
	const own = ++generation;
	let rejectBlocked: (error: unknown) => void = () => {};
	const blocked = new Promise<never>((_, reject) => {
		rejectBlocked = reject;
	});
	blocked.catch(() => {});
	const fail = (error: StorageError): Attempt => {
		const opened = Promise.reject(error);
		opened.catch(() => {});
		return { generation: own, opened, blocked, db: null };
	};

	const factory = resolveFactory();
	if (!factory) return fail(unavailable());
	let request: IDBOpenDBRequest;
	try {
		request = factory.open(options.name ?? DB_NAME, DB_VERSION);
	} catch (error) {
		return fail(unavailable(error));
	}
	setStorageStatus('opening');

	let upgradeError: unknown = null;
	request.addEventListener('upgradeneeded', (event) => {
		const db = wrap(request.result) as LimberDatabase;
		const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
		// A failed upgrade is reported by the open request; its transaction's rejection is expected.
		tx.done.catch(() => {});
		migrate(db, event.oldVersion, tx).catch((error: unknown) => {
			upgradeError = error;
			try {
				tx.abort();
			} catch {
				// Already finished: the open request reports the failure.
			}
		});
	});
	request.addEventListener('blocked', () => {
		if (own !== generation) return;
		setStorageStatus('blocked');
		rejectBlocked(new StorageError('blocked'));
	});

	const self: Attempt = { generation: own, opened: null!, blocked, db: null };
	self.opened = (wrap(request) as Promise<LimberDatabase>).then(
		(db) => {
			const raw = request.result;
			if (own !== generation) {
				// Closed or reconfigured while opening.
				raw.close();
				throw new StorageError('unknown');
			}
			raw.addEventListener('versionchange', () => {
				raw.close();
				if (attempt === self) attempt = null;
				setStorageStatus('outdated');
			});
			raw.addEventListener('close', () => {
				// Closed by the browser (storage cleared, disk trouble): reopen on the next use.
				if (attempt === self) {
					attempt = null;
					setStorageStatus('idle');
				}
			});
			self.db = db;
			setStorageStatus('ready');
			return db;
		},
		(error: unknown) => {
			if (attempt === self) attempt = null;
			if (own !== generation) throw new StorageError('unknown', undefined, { cause: error });
			const name = (error as { name?: string } | null)?.name;
			if (name === 'VersionError') {
				setStorageStatus('outdated');
				throw new StorageError('outdated', undefined, { cause: error });
			}
			if (upgradeError !== null || name === 'AbortError') {
				setStorageStatus('failed');
				throw new StorageError(
					'unknown',
					'Limber could not update the data stored on this device. Reload the page to try again.',
					{ cause: upgradeError ?? error }
				);
			}
			if (isQuotaError(error)) {
				setStorageStatus('failed');
				throw new StorageError('quota', undefined, { cause: error });
			}
			throw unavailable(error);
		}
	);
	self.opened.catch(() => {});
	return self;
}

/**
 * The open connection (opening and upgrading it on first use). Rejects with a StorageError:
 * 'unavailable', 'blocked', 'outdated', 'quota' or 'unknown'.
 */
export async function openDatabase(): Promise<LimberDatabase> {
	const kind = getStorageStatus().kind;
	if (kind === 'unavailable') throw new StorageError('unavailable');
	if (kind === 'outdated') throw new StorageError('outdated');
	attempt ??= startOpen();
	if (attempt.db) return attempt.db;
	return Promise.race([attempt.opened, attempt.blocked]);
}

function forget(db: LimberDatabase): void {
	if (attempt?.db === db) attempt = null;
	try {
		db.close();
	} catch {
		// Already gone.
	}
}

/**
 * Runs an operation with the connection. After a lost-connection error it reopens once and
 * runs the operation again; every IndexedDB failure comes out as a StorageError.
 */
export async function withDatabase<T>(operation: (db: LimberDatabase) => Promise<T>): Promise<T> {
	const db = await openDatabase();
	try {
		return await operation(db);
	} catch (error) {
		if (!isLostConnectionError(error) || getStorageStatus().kind === 'outdated') {
			throw storageFailure(error);
		}
		forget(db);
	}
	const again = await openDatabase();
	try {
		return await operation(again);
	} catch (error) {
		throw storageFailure(error);
	}
}

/** IndexedDB's own errors become StorageErrors; anything else (a bug, a TypeError) passes. */
function storageFailure(error: unknown): unknown {
	return error instanceof DOMException || isQuotaError(error) ? toStorageError(error) : error;
}

/** Like withDatabase, but resolves to `empty` when IndexedDB is unavailable in this browser. */
export async function readDatabase<T>(
	operation: (db: LimberDatabase) => Promise<T>,
	empty: T
): Promise<T> {
	try {
		return await withDatabase(operation);
	} catch (error) {
		if (error instanceof StorageError && error.kind === 'unavailable') return empty;
		throw error;
	}
}

type Tx<S extends StoreName[], M extends IDBTransactionMode> = ReturnType<
	typeof transactionOf<S, M>
>;

function transactionOf<S extends StoreName[], M extends IDBTransactionMode>(
	db: LimberDatabase,
	stores: S,
	mode: M,
	durability?: IDBTransactionDurability
) {
	return db.transaction(stores, mode, durability ? { durability } : undefined);
}

/**
 * Runs `body` in one transaction and resolves only after the transaction has completed. If
 * `body` throws (even synchronously, half-way through its writes), the transaction is aborted
 * so that none of its writes land.
 */
export async function inTransaction<S extends StoreName[], M extends IDBTransactionMode, T>(
	db: LimberDatabase,
	stores: S,
	mode: M,
	body: (tx: Tx<S, M>) => Promise<T>,
	durability?: IDBTransactionDurability
): Promise<T> {
	const tx = transactionOf(db, stores, mode, durability);
	const done = tx.done;
	done.catch(() => {});
	try {
		const result = await body(tx);
		await done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// It has already finished or aborted.
		}
		await done.catch(() => {});
		throw error;
	}
}
