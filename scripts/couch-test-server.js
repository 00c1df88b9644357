// A CouchDB-protocol server for the sync tests, on 127.0.0.1 only: express-pouchdb (PouchDB's
// implementation of CouchDB's HTTP API) over PouchDB, in memory, or on disk under --dir so that
// its data survives a restart (the "server stopped mid-sync" tests stop and start it).
//
// What it adds to express-pouchdb: one server admin (HTTP Basic auth, checked against `_users`
// and the admin, as CouchDB does: a wrong password is 401), CORS for any local origin
// (http://localhost:<port>, http://127.0.0.1:<port>) with the Authorization header, and quiet
// logs. couch_peruser is not in express-pouchdb: tests/e2e/helpers/couch.ts creates the user's
// `userdb-<hex>` database and its `_security` itself. express-pouchdb enforces `_security`
// (members may read and write, anyone else gets 401 or 403).
//
// Usage: node scripts/couch-test-server.js [--port 5985] [--dir <folder>]
// Env: LIMBER_COUCH_PORT (the port, default 5985), LIMBER_COUCH_ADMIN ("name:password", default
// "admin:limber-test-admin"). It prints "couch-test-server: listening on <url>" once it answers,
// and stops on SIGTERM or SIGINT.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { devNull } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

/** The server admin, unless LIMBER_COUCH_ADMIN says otherwise. */
export const DEFAULT_ADMIN = { name: 'admin', password: 'limber-test-admin' };
export const DEFAULT_PORT = 5985;

/** @returns {{ name: string, password: string }} */
export function adminFromEnv(env = process.env) {
	const value = env.LIMBER_COUCH_ADMIN;
	if (!value) return DEFAULT_ADMIN;
	const colon = value.indexOf(':');
	if (colon <= 0) throw new Error('LIMBER_COUCH_ADMIN must be "name:password"');
	return { name: value.slice(0, colon), password: value.slice(colon + 1) };
}

/** Whether a browser origin is this machine's (any port, http or https). */
export function isLocalOrigin(/** @type {string} */ origin) {
	return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin);
}

/**
 * CORS for local origins, as CouchDB's [cors] section with `origins` set to the app's origin
 * and `credentials = false` would answer. Returns true when the request was a preflight (answered).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function applyCors(req, res) {
	const origin = req.headers.origin;
	if (typeof origin !== 'string' || !isLocalOrigin(origin)) return false;
	res.setHeader('Access-Control-Allow-Origin', origin);
	res.setHeader('Vary', 'Origin');
	res.setHeader('Access-Control-Expose-Headers', 'cache-control, content-type, etag, server');
	if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
		res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
		res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type');
		res.setHeader('Access-Control-Max-Age', '600');
		res.statusCode = 204;
		res.end();
		return true;
	}
	return false;
}

/**
 * Starts a server; resolves once it listens.
 * @param {{ port?: number, dir?: string, admin?: { name: string, password: string } }} options
 * `port` 0 picks a free one; without `dir` the data is in memory.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startCouchTestServer(options = {}) {
	const admin = options.admin ?? DEFAULT_ADMIN;
	/** @type {any} */
	const PouchDB = require('pouchdb');
	/** @type {any} */
	const expressPouchDB = require('express-pouchdb');
	/** @type {any} */
	let Pouch;
	if (options.dir) {
		const dir = resolve(options.dir);
		mkdirSync(dir, { recursive: true });
		Pouch = PouchDB.defaults({ prefix: dir + '/' });
	} else {
		PouchDB.plugin(require('pouchdb-adapter-memory'));
		Pouch = PouchDB.defaults({ adapter: 'memory' });
	}
	const app = expressPouchDB(Pouch, {
		mode: 'fullCouchDB',
		inMemoryConfig: true,
		logPath: devNull,
		overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] }
	});
	app.couchConfig.set('log', 'level', 'error', () => {});
	await new Promise((done) => app.couchConfig.set('admins', admin.name, admin.password, done));
	const server = createServer((req, res) => {
		if (applyCors(req, res)) return;
		if (req.url === '/_up') {
			res.setHeader('Content-Type', 'application/json');
			res.end('{"status":"ok"}');
			return;
		}
		app(req, res);
	});
	server.keepAliveTimeout = 1000;
	await new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => done(undefined));
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		close: () =>
			new Promise((done) => {
				server.close(() => done());
				server.closeAllConnections();
			})
	};
}

async function main() {
	const { values } = parseArgs({
		options: { port: { type: 'string' }, dir: { type: 'string' } }
	});
	const port = Number(values.port ?? process.env.LIMBER_COUCH_PORT ?? DEFAULT_PORT);
	const server = await startCouchTestServer({ port, dir: values.dir, admin: adminFromEnv() });
	console.log(`couch-test-server: listening on ${server.url}`);
	// Nothing to save: in memory it is gone anyway; on disk, LevelDB has written what it took.
	const stop = () => process.exit(0);
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error) => {
		console.error(`couch-test-server: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	});
}
