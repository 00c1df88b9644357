// An in-memory CouchDB for the replicator's tests, behind a fake `fetch`: one user's database
// with `_changes` (opaque sequences, each document once at its latest change, `pending`),
// `_bulk_docs` with new_edits: true (409-style conflicts per document), `_local` documents with
// their own revisions, and HTTP Basic auth. Requests are logged; `failAfter` makes the n-th
// request and every later one fail as a dropped connection does; `loseAnswerOf` carries out the
// n-th request but loses its answer.
import { basicAuth, userDbName } from './couch';

interface Stored {
	id: string;
	rev: string;
	seq: number;
	body: Record<string, unknown>;
	deleted: boolean;
}

export class FakeCouch {
	readonly base = 'https://couch.test';
	readonly db: string;
	readonly docs = new Map<string, Stored>();
	readonly locals = new Map<string, Record<string, unknown>>();
	readonly log: string[] = [];
	#seq = 0;
	#auth: string;
	/** When set, request number `failAfter` (1-based) and all later ones fail. */
	failAfter: number | undefined;
	/** When set, request number `loseAnswerOf` is carried out but its answer never arrives. */
	loseAnswerOf: number | undefined;
	#requests = 0;

	constructor(
		readonly user = 'ana',
		password = 'secret'
	) {
		this.db = userDbName(user);
		this.#auth = basicAuth(user, password);
	}

	/** Writes a document as another client would (new_edits: true, no revision check). */
	put(doc: Record<string, unknown>): string {
		const id = doc._id as string;
		const before = this.docs.get(id);
		return this.#store(id, doc, before);
	}

	/** The documents as a client would read them: live ones by id (content, with _rev). */
	liveDocs(): Record<string, Record<string, unknown>> {
		const out: Record<string, Record<string, unknown>> = {};
		for (const doc of [...this.docs.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
			if (!doc.deleted) out[doc.id] = { ...doc.body, _id: doc.id, _rev: doc.rev };
		}
		return out;
	}

	#store(id: string, doc: Record<string, unknown>, before: Stored | undefined): string {
		const generation = before ? Number(before.rev.split('-')[0]) + 1 : 1;
		const rev = `${generation}-${Math.random().toString(16).slice(2, 10)}`;
		const body = structuredClone(doc);
		delete body._rev;
		delete body._id;
		this.docs.set(id, { id, rev, seq: ++this.#seq, body, deleted: body._deleted === true });
		return rev;
	}

	/** The fake `fetch`. */
	readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		await Promise.resolve();
		const response = this.#answer(input, init);
		if (this.#requests === this.loseAnswerOf) throw new TypeError('Failed to fetch');
		return response;
	}) as typeof fetch;

	#answer(input: RequestInfo | URL, init?: RequestInit): Response {
		this.#requests++;
		const url = new URL(String(input));
		const method = init?.method ?? 'GET';
		this.log.push(`${method} ${url.pathname}${url.search}`);
		if (this.failAfter !== undefined && this.#requests >= this.failAfter) {
			throw new TypeError('Failed to fetch');
		}
		const headers = new Headers(init?.headers);
		if (headers.get('Authorization') !== this.#auth) {
			return json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
		}
		const prefix = `/${this.db}`;
		if (!url.pathname.startsWith(prefix)) {
			return json(404, { error: 'not_found', reason: 'Database does not exist.' });
		}
		const path = decodeURIComponent(url.pathname.slice(prefix.length).replace(/^\//, ''));
		const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
		if (path === '' && method === 'GET') {
			return json(200, { db_name: this.db, update_seq: this.#seqText(this.#seq) });
		}
		if (path.startsWith('_local/')) return this.#local(path, method, body);
		if (path === '_changes' && method === 'GET') return this.#changes(url.searchParams);
		if (path === '_bulk_docs' && method === 'POST') return this.#bulkDocs(body);
		return json(404, { error: 'not_found', reason: 'missing' });
	}

	#seqText(seq: number): string {
		return `${seq}-g1AAAAopaque`;
	}

	#local(path: string, method: string, body: Record<string, unknown>): Response {
		const before = this.locals.get(path);
		if (method === 'GET') {
			return before ? json(200, before) : json(404, { error: 'not_found', reason: 'missing' });
		}
		if (before && before._rev !== body._rev) {
			return json(409, { error: 'conflict', reason: 'Document update conflict.' });
		}
		const generation = before ? Number(String(before._rev).split('-')[1]) + 1 : 1;
		const rev = `0-${generation}`;
		this.locals.set(path, { ...body, _id: path, _rev: rev });
		return json(201, { ok: true, id: path, rev });
	}

	#changes(params: URLSearchParams): Response {
		const since = Number((params.get('since') ?? '0').split('-')[0]);
		const limit = Number(params.get('limit') ?? Infinity);
		const after = [...this.docs.values()].filter((doc) => doc.seq > since);
		after.sort((a, b) => a.seq - b.seq);
		const rows = after.slice(0, limit);
		const results = rows.map((doc) => {
			const row: Record<string, unknown> = {
				seq: this.#seqText(doc.seq),
				id: doc.id,
				changes: [{ rev: doc.rev }]
			};
			if (doc.deleted) row.deleted = true;
			if (params.get('include_docs') === 'true') {
				row.doc = { _id: doc.id, _rev: doc.rev, ...doc.body };
			}
			return row;
		});
		const last = rows.at(-1)?.seq ?? since;
		return json(200, {
			results,
			last_seq: this.#seqText(last),
			pending: after.length - rows.length
		});
	}

	#bulkDocs(body: Record<string, unknown>): Response {
		const docs = (body.docs ?? []) as Record<string, unknown>[];
		const answers = docs.map((doc) => {
			const id = doc._id as string;
			const before = this.docs.get(id);
			const rev = doc._rev as string | undefined;
			const ok = before
				? rev === before.rev || (before.deleted && rev === undefined)
				: rev === undefined;
			if (!ok) return { id, error: 'conflict', reason: 'Document update conflict.' };
			if (id.startsWith('routine:forbidden')) {
				return { id, error: 'forbidden', reason: 'only the owner may write' };
			}
			return { ok: true, id, rev: this.#store(id, doc, before) };
		});
		return json(201, answers);
	}
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json' }
	});
}
