import { describe, expect, it } from 'vitest';
import {
	agreedCheckpoint,
	readRemoteCheckpoint,
	replicationId,
	startingCheckpoint,
	writeRemoteCheckpoint
} from './checkpoint';
import { basicAuth, CouchClient, reasonOf, SyncError, userDbName } from './couch';
import { FakeCouch } from './test-fake-couch';

describe('userDbName', () => {
	it('is couch_peruser’s name: "userdb-" and the UTF-8 bytes in hex', () => {
		expect(userDbName('ana')).toBe('userdb-616e61');
		expect(userDbName('José')).toBe('userdb-4a6f73c3a9');
		expect(userDbName('a.b@x')).toBe('userdb-612e624078');
	});
});

describe('basicAuth', () => {
	it('encodes user:password in UTF-8 base64', () => {
		expect(basicAuth('ana', 'secret')).toBe('Basic YW5hOnNlY3JldA==');
		const header = basicAuth('José', 'pässwörd:x');
		const bytes = Uint8Array.from(atob(header.slice('Basic '.length)), (c) => c.charCodeAt(0));
		expect(new TextDecoder().decode(bytes)).toBe('José:pässwörd:x');
	});
});

describe('CouchClient', () => {
	it('addresses the user’s database under the server (trailing slashes and prefixes kept)', async () => {
		const seen: { url: string; init: RequestInit | undefined }[] = [];
		const fetchSpy = ((url: string, init?: RequestInit) => {
			seen.push({ url, init });
			return Promise.resolve(new Response('{"ok":true}', { status: 200 }));
		}) as unknown as typeof fetch;
		const client = new CouchClient(
			{ url: 'https://example.org/couch//', user: 'ana', password: 'pw' },
			fetchSpy
		);
		await client.request('GET', '');
		await client.request('POST', '_bulk_docs', { docs: [] });
		expect(seen.map((s) => s.url)).toEqual([
			'https://example.org/couch/userdb-616e61',
			'https://example.org/couch/userdb-616e61/_bulk_docs'
		]);
		const headers = seen[1]!.init!.headers as Record<string, string>;
		expect(headers.Authorization).toBe(basicAuth('ana', 'pw'));
		expect(headers['Content-Type']).toBe('application/json');
		expect(seen[1]!.init!.credentials).toBe('omit');
		expect(seen[1]!.init!.body).toBe('{"docs":[]}');
	});

	it('turns statuses into errors a person can act on', async () => {
		const answering = (status: number, body: string) =>
			new CouchClient({ url: 'https://x', user: 'a', password: 'b' }, (() =>
				Promise.resolve(new Response(body, { status }))) as unknown as typeof fetch);
		await expect(answering(401, '{}').request('GET', '')).rejects.toMatchObject({
			kind: 'unauthorized',
			message: expect.stringMatching(/^Wrong user name or password/) as unknown
		});
		await expect(
			answering(403, '{"error":"forbidden","reason":"no"}').request('GET', '')
		).rejects.toMatchObject({
			kind: 'forbidden',
			message: expect.stringContaining('forbidden: no') as unknown
		});
		await expect(answering(500, 'oops').request('GET', '_changes')).rejects.toMatchObject({
			kind: 'server'
		});
		await expect(answering(200, 'not json').request('GET', '')).rejects.toBeInstanceOf(SyncError);
		expect((await answering(404, '{}').request('GET', 'x', undefined, [404])).status).toBe(404);
	});

	it('a request with no answer in time is a network error', async () => {
		const hanging = ((_url: string, init?: RequestInit) =>
			new Promise<Response>((_resolve, reject) => {
				init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
			})) as unknown as typeof fetch;
		const client = new CouchClient({ url: 'https://x', user: 'a', password: 'b' }, hanging, 20);
		await expect(client.request('GET', '')).rejects.toMatchObject({
			kind: 'network',
			message: expect.stringContaining('no answer within 0 s') as unknown
		});
	});

	it('reasonOf reads CouchDB error bodies', () => {
		expect(reasonOf({ error: 'conflict', reason: 'Document update conflict.' })).toBe(
			'conflict: Document update conflict.'
		);
		expect(reasonOf(null)).toBe('');
		expect(reasonOf({ reason: 7 })).toBe('');
	});
});

describe('checkpoints', () => {
	const client = (couch: FakeCouch) =>
		new CouchClient({ url: couch.base, user: couch.user, password: 'secret' }, couch.fetch);

	it('are written to and read from _local/limber-<device>, with their revision', async () => {
		const couch = new FakeCouch();
		const id = replicationId('dev1');
		expect(id).toBe('limber-dev1');
		expect(await readRemoteCheckpoint(client(couch), id)).toEqual({
			checkpoint: null,
			rev: undefined
		});
		const first = { session: 's', pull: '4-abc', push: 2 };
		const rev = await writeRemoteCheckpoint(client(couch), id, first, undefined);
		expect(await readRemoteCheckpoint(client(couch), id)).toEqual({ checkpoint: first, rev });
		const second = { ...first, pull: '9-def' };
		const rev2 = await writeRemoteCheckpoint(client(couch), id, second, rev);
		expect(rev2).not.toBe(rev);
		// Overwriting without the current revision is a conflict (as in CouchDB).
		await expect(writeRemoteCheckpoint(client(couch), id, first, rev)).rejects.toMatchObject({
			kind: 'server'
		});
		expect(couch.log.at(-1)).toBe('PUT /userdb-616e61/_local/limber-dev1');
	});

	it('a damaged one reads as none (sync starts over)', async () => {
		const couch = new FakeCouch();
		couch.locals.set('_local/limber-d', { _rev: '0-1', session: 's', pull: 3, push: -1 });
		expect(await readRemoteCheckpoint(client(couch), 'limber-d')).toEqual({
			checkpoint: null,
			rev: '0-1'
		});
	});

	it('the device’s copy is used only when the server holds the same session', () => {
		const local = { session: 'a', pull: '5', push: 3 };
		expect(agreedCheckpoint(local, { ...local, pull: '6' })).toBe(local);
		expect(agreedCheckpoint(local, { ...local, session: 'b' })).toBeNull();
		expect(agreedCheckpoint(undefined, local)).toBeNull();
		expect(agreedCheckpoint(local, null)).toBeNull();
		expect(startingCheckpoint('x')).toEqual({ session: 'x', pull: '0', push: 0 });
	});
});
