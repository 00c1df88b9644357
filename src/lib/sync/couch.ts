// The HTTP edge of sync: where the person's CouchDB is, how requests are signed (HTTP Basic
// auth), the database name CouchDB's couch_peruser gives each user, and the errors a person can
// act on. `fetch` is injected, so tests put an in-memory CouchDB behind it.

/** Where to sync, and as whom. */
export interface SyncTarget {
	/** The server's address, e.g. "https://couch.example.org" (a path prefix is kept). */
	url: string;
	user: string;
	password: string;
}

/** What went wrong, in the kinds the Settings page explains differently. */
export type SyncErrorKind =
	'unauthorized' | 'forbidden' | 'no-database' | 'network' | 'server' | 'conflicts';

const MESSAGES: Record<SyncErrorKind, string> = {
	unauthorized: 'Wrong user name or password: the server did not accept them.',
	forbidden: 'This user may not read or write the database on the server.',
	'no-database':
		'The server has no database for this user. Is couch_peruser turned on, and the user created?',
	network: 'The server could not be reached. Check the address and the connection.',
	server: 'The server answered with an error.',
	conflicts: 'The server kept changing while syncing. Try again in a moment.'
};

/** An error of sync that the person can act on (its message says how). */
export class SyncError extends Error {
	readonly kind: SyncErrorKind;
	constructor(kind: SyncErrorKind, detail?: string) {
		super(detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind]);
		this.name = 'SyncError';
		this.kind = kind;
	}
}

/** The bytes of a string in UTF-8. */
function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/** The name couch_peruser gives a user's database: "userdb-" and the name's UTF-8 bytes in hex. */
export function userDbName(user: string): string {
	return 'userdb-' + Array.from(utf8(user), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The Authorization header for HTTP Basic auth (UTF-8, as CouchDB reads it). */
export function basicAuth(user: string, password: string): string {
	let binary = '';
	for (const byte of utf8(`${user}:${password}`)) binary += String.fromCharCode(byte);
	return `Basic ${btoa(binary)}`;
}

/** A JSON answer from the server. */
export interface CouchResponse {
	status: number;
	body: unknown;
}

/** Requests to one user's database. */
export class CouchClient {
	readonly #base: string;
	readonly #auth: string;
	readonly #fetch: typeof fetch;
	readonly #timeoutMs: number;

	/** `timeoutMs`: how long a request may take, its answer read, before it counts as lost. */
	constructor(target: SyncTarget, fetchImpl: typeof fetch, timeoutMs = 60_000) {
		const root = target.url.replace(/\/+$/, '');
		this.#base = `${root}/${encodeURIComponent(userDbName(target.user))}`;
		this.#auth = basicAuth(target.user, target.password);
		this.#fetch = fetchImpl;
		this.#timeoutMs = timeoutMs;
	}

	/**
	 * Sends a request to a path under the database ('' is the database itself) and reads its JSON
	 * answer. 401 and 403 become SyncErrors; so does a failure to reach the server. Statuses in
	 * `expected` are returned; any other 4xx or 5xx is a SyncError of kind 'server'.
	 */
	async request(
		method: 'GET' | 'PUT' | 'POST',
		path: string,
		body?: unknown,
		expected: readonly number[] = []
	): Promise<CouchResponse> {
		const headers: Record<string, string> = {
			Accept: 'application/json',
			Authorization: this.#auth
		};
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
		const seconds = Math.round(this.#timeoutMs / 1000);
		let response: Response;
		let parsed: unknown = null;
		try {
			response = await this.#fetch(path === '' ? this.#base : `${this.#base}/${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				credentials: 'omit',
				cache: 'no-store',
				signal: controller.signal
			});
			try {
				parsed = await response.json();
			} catch {
				if (controller.signal.aborted) throw new Error(`no answer within ${seconds} s`);
				if (response.ok) throw new SyncError('server', `${method} ${path}: not JSON`);
			}
		} catch (error) {
			if (error instanceof SyncError) throw error;
			const detail = controller.signal.aborted
				? `no answer within ${seconds} s`
				: error instanceof Error
					? error.message
					: String(error);
			throw new SyncError('network', detail);
		} finally {
			clearTimeout(timer);
		}
		if (expected.includes(response.status)) return { status: response.status, body: parsed };
		if (response.status === 401) throw new SyncError('unauthorized');
		if (response.status === 403) throw new SyncError('forbidden', reasonOf(parsed));
		if (!response.ok) {
			throw new SyncError(
				'server',
				`${method} ${path || '/'}: ${response.status} ${reasonOf(parsed)}`
			);
		}
		return { status: response.status, body: parsed };
	}
}

/** The `reason` of a CouchDB error body, or ''. */
export function reasonOf(body: unknown): string {
	if (typeof body !== 'object' || body === null) return '';
	const { error, reason } = body as { error?: unknown; reason?: unknown };
	return [error, reason].filter((part) => typeof part === 'string').join(': ');
}
