// The CouchDB-protocol test server from the tests' side (scripts/couch-test-server.js; .ci/run or
// playwright.config.ts starts the shared one and sets LIMBER_COUCH_URL): users with their own
// database as couch_peruser would make them, documents read and written as the server admin,
// and a server of a test's own that it can stop and start again (its data on disk survives).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basicAuth, userDbName } from '../../../src/lib/sync/couch';

const SCRIPT = fileURLToPath(new URL('../../../scripts/couch-test-server.js', import.meta.url));

/** The server admin the test server was started with (LIMBER_COUCH_ADMIN, "name:password"). */
export function couchAdmin(): { name: string; password: string } {
	const value = process.env.LIMBER_COUCH_ADMIN ?? 'admin:limber-test-admin';
	const colon = value.indexOf(':');
	return { name: value.slice(0, colon), password: value.slice(colon + 1) };
}

/** The shared test server's address, e.g. http://127.0.0.1:5985 (no trailing slash). */
export function couchUrl(): string {
	const url = process.env.LIMBER_COUCH_URL;
	if (url) return url.replace(/\/+$/, '');
	return `http://127.0.0.1:${process.env.LIMBER_COUCH_PORT ?? 5985}`;
}

/** A user on the server, with the database couch_peruser would give them. */
export interface CouchUser {
	/** The server's address the user was made on. */
	url: string;
	name: string;
	password: string;
	/** userdb-<hex of the name>. */
	db: string;
}

let made = 0;

/** A user name no other test (or earlier run against the same server) uses: `<prefix>-<random>`. */
export function uniqueUserName(prefix = 'tester'): string {
	return `${prefix}-${process.pid}-${++made}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A request to the server as its admin; resolves to the status and the JSON answer. */
export async function couchAsAdmin(
	method: string,
	path: string,
	body?: unknown,
	url = couchUrl()
): Promise<{ status: number; body: unknown }> {
	const admin = couchAdmin();
	const headers: Record<string, string> = {
		Accept: 'application/json',
		Authorization: basicAuth(admin.name, admin.password)
	};
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${url}/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function expectOk(
	what: string,
	answer: Promise<{ status: number; body: unknown }>
): Promise<unknown> {
	const { status, body } = await answer;
	if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body;
}

/**
 * Creates a user and their database `userdb-<hex>` whose `_security` lets only them (and the
 * admin) read and write, as couch_peruser does. `name` defaults to a unique one. Options: `url`,
 * another server (default couchUrl()); `database: false`, no database (couch_peruser off).
 */
export async function createCouchUser(
	name = uniqueUserName(),
	password = 'a long passphrase',
	options: { url?: string; database?: boolean } = {}
): Promise<CouchUser> {
	const url = options.url ?? couchUrl();
	const db = userDbName(name);
	const id = encodeURIComponent(`org.couchdb.user:${name}`);
	await expectOk(
		`creating user ${name}`,
		couchAsAdmin('PUT', `_users/${id}`, { name, password, roles: [], type: 'user' }, url)
	);
	if (options.database === false) return { url, name, password, db };
	await expectOk(`creating ${db}`, couchAsAdmin('PUT', db, undefined, url));
	const names = { names: [name], roles: [] };
	await expectOk(
		`securing ${db}`,
		couchAsAdmin('PUT', `${db}/_security`, { admins: names, members: names }, url)
	);
	return { url, name, password, db };
}

/** A document as the server holds it (with `_id` and `_rev`). */
export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string };

/**
 * Writes a document into the user's database as the admin (another device or tool writing).
 * Without `_rev`, the current revision is looked up so that it overwrites. Resolves to the new rev.
 */
export async function putDoc(user: CouchUser, doc: CouchDoc): Promise<string> {
	const body = { ...doc };
	if (body._rev === undefined) {
		const current = await getDoc(user, doc._id);
		if (current?._rev) body._rev = current._rev;
	}
	const answer = (await expectOk(
		`writing ${doc._id}`,
		couchAsAdmin('PUT', `${user.db}/${encodeURIComponent(doc._id)}`, body, user.url)
	)) as { rev: string };
	return answer.rev;
}

/** A document of the user's database (as the admin), or null when it is absent or deleted. */
export async function getDoc(user: CouchUser, id: string): Promise<CouchDoc | null> {
	const { status, body } = await couchAsAdmin(
		'GET',
		`${user.db}/${encodeURIComponent(id)}`,
		undefined,
		user.url
	);
	if (status === 404) return null;
	if (status >= 300) throw new Error(`reading ${id}: ${status} ${JSON.stringify(body)}`);
	return body as CouchDoc;
}

/** Every live document of the user's database (not `_design/` ones), by id. */
export async function allDocs(user: CouchUser): Promise<Record<string, CouchDoc>> {
	const body = (await expectOk(
		`listing ${user.db}`,
		couchAsAdmin('GET', `${user.db}/_all_docs?include_docs=true`, undefined, user.url)
	)) as { rows: { id: string; doc: CouchDoc }[] };
	const docs: Record<string, CouchDoc> = {};
	for (const row of body.rows) if (!row.id.startsWith('_design/')) docs[row.id] = row.doc;
	return docs;
}

/** Deletes a document of the user's database as the admin (a plain tombstone). */
export async function deleteDoc(user: CouchUser, id: string): Promise<void> {
	const current = await getDoc(user, id);
	if (!current?._rev) return;
	await expectOk(
		`deleting ${id}`,
		couchAsAdmin(
			'DELETE',
			`${user.db}/${encodeURIComponent(id)}?rev=${current._rev}`,
			undefined,
			user.url
		)
	);
}

/** A test server of a test's own, in its own process, its data in a temporary folder. */
export interface OwnCouchServer {
	/** http://127.0.0.1:<port>: the same address after every restart. */
	readonly url: string;
	readonly port: number;
	/** Whether it is running now. */
	readonly running: boolean;
	/** Stops the server process (SIGKILL: open connections are cut, as a crash does). */
	stop(): Promise<void>;
	/** Starts it again on the same port with the same data. */
	start(): Promise<void>;
	/** Stops it and removes its data. */
	dispose(): Promise<void>;
}

function launch(port: number, dir: string): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(process.execPath, [SCRIPT, '--port', String(port), '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, LIMBER_COUCH_ADMIN: `${couchAdmin().name}:${couchAdmin().password}` }
	});
	return new Promise((done, fail) => {
		let out = '';
		let err = '';
		const timer = setTimeout(
			() => fail(new Error(`couch test server did not start: ${err}`)),
			20_000
		);
		child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
		child.stdout!.on('data', (chunk: Buffer) => {
			out += String(chunk);
			const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				done({ child, port: Number(match[1]) });
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`couch test server exited (${code}): ${err}`));
		});
	});
}

/** Starts a server of the test's own on a free port (stop it with dispose() when done). */
export async function startOwnCouchServer(): Promise<OwnCouchServer> {
	const dir = mkdtempSync(join(tmpdir(), 'limber-couch-'));
	let { child, port } = await launch(0, dir);
	let current: ChildProcess | null = child;
	async function stop(): Promise<void> {
		const running = current;
		if (!running) return;
		current = null;
		if (running.exitCode !== null || running.signalCode !== null) return;
		await new Promise<void>((done) => {
			running.once('exit', () => done());
			running.kill('SIGKILL');
		});
	}
	return {
		get url() {
			return `http://127.0.0.1:${port}`;
		},
		get port() {
			return port;
		},
		get running() {
			return current !== null;
		},
		stop,
		async start() {
			if (current) return;
			({ child, port } = await launch(port, dir));
			current = child;
		},
		async dispose() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
