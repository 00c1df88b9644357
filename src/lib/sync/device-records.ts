// The shapes of sync's own records on this device (`syncMeta`), checked when read: a damaged
// record reads as absent rather than breaking a page.
import type { SyncCheckpoint } from './checkpoint';

/** The person's server and login, kept on this device only (never in a backup or a log). */
export interface SyncAccount {
	address: string;
	user: string;
	password: string;
}

/** What the last sync did (saved by the sync runner, shown in Settings). */
export interface SyncStatus {
	/** When it ended (ISO 8601). */
	at: string;
	ok: boolean;
	pulled: number;
	changed: number;
	pushed: number;
	skipped: { id: string; problem: string }[];
	refused: { id: string; reason: string }[];
	/** Progress counts or other numbers the runner keeps (by name). */
	moved?: Record<string, number>;
	error?: { kind: string; message: string };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Whether a stored value is a checkpoint. */
export function isCheckpoint(value: unknown): value is SyncCheckpoint {
	return (
		isObject(value) &&
		typeof value.session === 'string' &&
		typeof value.pull === 'string' &&
		isCount(value.push)
	);
}

/** Whether a stored value is an account. */
export function isAccount(value: unknown): value is SyncAccount {
	return (
		isObject(value) &&
		typeof value.address === 'string' &&
		typeof value.user === 'string' &&
		typeof value.password === 'string'
	);
}

function isList<T>(
	value: unknown,
	item: (entry: Record<string, unknown>) => boolean
): value is T[] {
	return Array.isArray(value) && value.every((entry) => isObject(entry) && item(entry));
}

/** Whether a stored value is a sync status. */
export function isStatus(value: unknown): value is SyncStatus {
	if (!isObject(value)) return false;
	const { at, ok, pulled, changed, pushed, skipped, refused, moved, error } = value;
	return (
		typeof at === 'string' &&
		typeof ok === 'boolean' &&
		isCount(pulled) &&
		isCount(changed) &&
		isCount(pushed) &&
		isList(skipped, (e) => typeof e.id === 'string' && typeof e.problem === 'string') &&
		isList(refused, (e) => typeof e.id === 'string' && typeof e.reason === 'string') &&
		(moved === undefined ||
			(isObject(moved) && Object.values(moved).every((n) => typeof n === 'number'))) &&
		(error === undefined ||
			(isObject(error) && typeof error.kind === 'string' && typeof error.message === 'string'))
	);
}
