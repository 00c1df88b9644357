import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	adminFromEnv,
	DEFAULT_ADMIN,
	isLocalOrigin,
	startCouchTestServer
} from './couch-test-server.js';

const basic = (name: string, password: string) =>
	`Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const ADMIN = basic(DEFAULT_ADMIN.name, DEFAULT_ADMIN.password);

let server: Awaited<ReturnType<typeof startCouchTestServer>>;

beforeAll(async () => {
	server = await startCouchTestServer({ port: 0 });
});

afterAll(() => server.close());

describe('the CouchDB-protocol test server', () => {
	it('answers /_up and checks Basic auth: the admin in, a wrong password 401', async () => {
		expect(await (await fetch(`${server.url}/_up`)).json()).toEqual({ status: 'ok' });
		const admin = await fetch(`${server.url}/_all_dbs`, { headers: { Authorization: ADMIN } });
		expect(admin.status).toBe(200);
		const wrong = await fetch(`${server.url}/_all_dbs`, {
			headers: { Authorization: basic('admin', 'wrong') }
		});
		expect(wrong.status).toBe(401);
	});

	it("keeps a user's database to that user once its _security names them", async () => {
		const json = { Authorization: ADMIN, 'Content-Type': 'application/json' };
		for (const name of ['ana', 'bob']) {
			await fetch(`${server.url}/_users/org.couchdb.user:${name}`, {
				method: 'PUT',
				headers: json,
				body: JSON.stringify({ name, password: 'pw', roles: [], type: 'user' })
			});
		}
		await fetch(`${server.url}/userdb-616e61`, { method: 'PUT', headers: json });
		const names = { names: ['ana'], roles: [] };
		await fetch(`${server.url}/userdb-616e61/_security`, {
			method: 'PUT',
			headers: json,
			body: JSON.stringify({ admins: names, members: names })
		});
		const ana = await fetch(`${server.url}/userdb-616e61`, {
			headers: { Authorization: basic('ana', 'pw') }
		});
		expect(ana.status).toBe(200);
		const bob = await fetch(`${server.url}/userdb-616e61`, {
			headers: { Authorization: basic('bob', 'pw') }
		});
		expect(bob.status).toBe(401);
		expect((await fetch(`${server.url}/userdb-616e61`)).status).toBe(401);
	});

	it('answers a preflight from a local origin with Authorization allowed, and no other', async () => {
		const preflight = (origin: string) =>
			fetch(`${server.url}/userdb-616e61/_bulk_docs`, {
				method: 'OPTIONS',
				headers: {
					Origin: origin,
					'Access-Control-Request-Method': 'POST',
					'Access-Control-Request-Headers': 'authorization,content-type'
				}
			});
		const local = await preflight('http://localhost:4173');
		expect(local.status).toBe(204);
		expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
		expect(local.headers.get('access-control-allow-headers')).toContain('authorization');
		expect(local.headers.get('access-control-allow-methods')).toContain('POST');
		const remote = await preflight('https://elsewhere.example');
		expect(remote.headers.get('access-control-allow-origin')).toBeNull();
	});
});

describe('isLocalOrigin', () => {
	it('takes this machine at any port, nothing else', () => {
		for (const origin of ['http://localhost:4173', 'http://127.0.0.1:4191', 'https://[::1]:8443'])
			expect(isLocalOrigin(origin)).toBe(true);
		for (const origin of ['http://localhost.example', 'https://example.org', 'null', 'file://'])
			expect(isLocalOrigin(origin)).toBe(false);
	});
});

describe('adminFromEnv', () => {
	it('reads "name:password" (the password may hold colons), or the default', () => {
		expect(adminFromEnv({})).toEqual(DEFAULT_ADMIN);
		expect(adminFromEnv({ LIMBER_COUCH_ADMIN: 'root:a:b' })).toEqual({
			name: 'root',
			password: 'a:b'
		});
		expect(() => adminFromEnv({ LIMBER_COUCH_ADMIN: 'nocolon' })).toThrow(/name:password/);
	});
});
