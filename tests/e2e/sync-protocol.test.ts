// The replicator (src/lib/sync/replicate.ts) against a real CouchDB-protocol server (the test
// server: express-pouchdb, see scripts/couch-test-server.js), with two in-memory stores as two
// devices. No page: this checks the protocol (sequences, `_local` checkpoints, `_bulk_docs`
// answers, 401s, a stop mid-sync), which the unit tests can only check against their fake.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { basicAuth, SyncError } from '../../src/lib/sync/couch';
import {
	checkToDoc,
	deletionOf,
	routineToDoc,
	type SessionDoc,
	sessionToDoc,
	settingsToDocs,
	type SyncDoc
} from '../../src/lib/sync/documents';
import { canonicalJson } from '../../src/lib/sync/merge';
import { MemoryStore } from '../../src/lib/sync/memory-store';
import { replicate, type SyncOptions, type SyncReport } from '../../src/lib/sync/replicate';
import { makeSessionRecord, makeStoredProgram } from '../../src/lib/test-factories/records';
import {
	allDocs,
	createCouchUser,
	getDoc,
	putDoc,
	startOwnCouchServer,
	type CouchDoc,
	type CouchUser
} from './helpers/couch';

const CONTEXT = { today: '2025-03-31', builtinIds: new Set(['gentle-relief']) };
const T = (day: number, hour = 9) =>
	`2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

let ids = 0;
function device(
	user: CouchUser,
	local: MemoryStore,
	deviceId: string,
	extra: Partial<SyncOptions> = {}
): SyncOptions {
	return {
		target: { url: user.url, user: user.name, password: user.password },
		local,
		deviceId,
		context: CONTEXT,
		fetch: (input, init) => fetch(input, init),
		newId: () => `sync-${process.pid}-${++ids}`,
		batchSize: 4,
		timeoutMs: 10_000,
		...extra
	};
}

function session(day: number, extra: Parameters<typeof makeSessionRecord>[0] = {}): SyncDoc {
	return sessionToDoc(
		makeSessionRecord({ id: `s${day}`, startedAt: T(day), ...extra }),
		T(day, 10)
	);
}

/** The live documents' content on a device, by id (canonical JSON). */
function localContent(store: MemoryStore): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [id, entry] of [...store.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (!('_deleted' in entry.doc)) out[id] = canonicalJson(entry.doc);
	}
	return out;
}

/** The live documents' content on the server, by id (canonical JSON, no `_rev`). */
async function serverContent(user: CouchUser): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const [id, doc] of Object.entries(await allDocs(user)).sort(([a], [b]) =>
		a < b ? -1 : 1
	)) {
		const { _rev: _, ...content } = doc;
		out[id] = canonicalJson(content);
	}
	return out;
}

function noneMoved(): SyncReport['moved'] {
	return { sessions: 0, routines: 0, settings: 0, checks: 0 };
}

test.describe('sync against the CouchDB-protocol test server', () => {
	test('first sync, then every kind of document round-trips between two devices', async () => {
		const user = await createCouchUser();
		const a = new MemoryStore();
		for (let day = 1; day <= 6; day++) a.write(session(day));
		a.write(routineToDoc({ program: makeStoredProgram(), importedAt: T(1) }, T(1)));
		for (const doc of settingsToDocs({ language: 'de', beeps: false }, {}, T(2))) a.write(doc);
		a.write(checkToDoc({ day: '2025-03-03', pain: 4 }, T(3)));

		const first = await replicate(device(user, a, 'a'));
		expect(first).toMatchObject({ pulled: 0, pushed: 10, skipped: [], refused: [] });
		expect(first.startedOver).toBe(true);
		expect(first.moved).toEqual({ sessions: 6, routines: 1, settings: 2, checks: 1 });
		expect(await serverContent(user)).toEqual(localContent(a));
		// The checkpoint is a _local document: on the server, not among the documents.
		expect(await getDoc(user, '_local/limber-a')).toMatchObject({ ...a.checkpoint });
		expect(Object.keys(await allDocs(user)).some((id) => id.startsWith('_local'))).toBe(false);

		// This server's _changes has numbers for sequences and no `pending` (CouchDB 2 and later
		// send opaque strings and `pending`): the replicator passes sequences back as strings and,
		// without `pending`, can only say "at least one more batch" until a batch comes back short.
		const raw = await fetch(`${user.url}/${user.db}/_changes?since=0&limit=4`, {
			headers: { Authorization: basicAuth(user.name, user.password) }
		});
		const changes = (await raw.json()) as { last_seq: unknown; pending?: unknown };
		expect(typeof changes.last_seq).toBe('number');
		expect(changes.pending).toBeUndefined();

		const b = new MemoryStore();
		const progress: string[] = [];
		const second = await replicate(
			device(user, b, 'b', { onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) })
		);
		expect(progress).toEqual(['pull 4/8', 'pull 8/12', 'pull 10/10']);
		expect(second).toMatchObject({ pulled: 10, changed: 10, pushed: 0, startedOver: true });
		expect(second.moved).toEqual({ sessions: 6, routines: 1, settings: 2, checks: 1 });
		expect(localContent(b)).toEqual(localContent(a));

		// Device b answers a session, changes a setting, deletes the routine and a check.
		b.write(session(2, { painAfter: 1, note: 'easier today' }));
		for (const doc of settingsToDocs({ language: 'fr' }, {}, T(5))) b.write(doc);
		b.write(deletionOf('routine:my-routine', 'routine', T(6)));
		b.write(deletionOf('check:2025-03-03', 'check', T(6)));
		const fromB = await replicate(device(user, b, 'b'));
		expect(fromB).toMatchObject({ pushed: 4, conflicts: 0, refused: [] });
		expect(fromB.moved).toEqual({ sessions: 1, routines: 1, settings: 1, checks: 1 });
		expect(await getDoc(user, 'routine:my-routine')).toBeNull();

		const toA = await replicate(device(user, a, 'a'));
		expect(toA).toMatchObject({ changed: 4, pushed: 0, startedOver: false });
		expect(toA.moved).toEqual({ sessions: 1, routines: 1, settings: 1, checks: 1 });
		expect(localContent(a)).toEqual(localContent(b));
		expect(localContent(a)).toEqual(await serverContent(user));
		expect(a.doc('routine:my-routine')).toMatchObject({ _deleted: true, type: 'routine' });
		expect(a.doc('session:s2')).toMatchObject({ session: { painAfter: 1, note: 'easier today' } });

		// Nothing left: a third sync moves nothing.
		const idle = await replicate(device(user, a, 'a'));
		expect(idle).toMatchObject({ pulled: 0, changed: 0, pushed: 0, startedOver: false });
		expect(idle.moved).toEqual(noneMoved());
	});

	test('a push refused as a conflict (409) is pulled, merged and pushed again', async () => {
		const user = await createCouchUser();
		const a = new MemoryStore();
		a.write(session(1));
		await replicate(device(user, a, 'a'));

		// The server's copy changes between this device's pull and its push: another device
		// answers "pain after" again while this one adds a note and changes its effort answer.
		const mine = structuredClone(a.doc('session:s1')) as SessionDoc;
		mine.session.note = 'easier today';
		mine.session.effort = 'too hard';
		mine.answeredAt = { ...mine.answeredAt, note: T(6), effort: T(6) };
		mine.updatedAt = T(6);
		a.write(mine);
		let raced = 0;
		const racing: typeof fetch = async (input, init) => {
			if (raced === 0 && String(input).endsWith('/_bulk_docs')) {
				raced++;
				const theirs = (await getDoc(user, 'session:s1')) as unknown as SessionDoc & CouchDoc;
				theirs.session.painAfter = 1;
				theirs.answeredAt = { ...theirs.answeredAt, painAfter: T(5) };
				theirs.updatedAt = T(5);
				await putDoc(user, theirs);
			}
			return fetch(input, init);
		};
		const report = await replicate(device(user, a, 'a', { fetch: racing }));
		expect(raced).toBe(1);
		expect(report).toMatchObject({ conflicts: 1, refused: [], skipped: [], pushed: 1 });
		expect(report.moved).toEqual({ ...noneMoved(), sessions: 2 });
		expect(localContent(a)).toEqual(await serverContent(user));
		expect((a.doc('session:s1') as SessionDoc).session).toMatchObject({
			painAfter: 1,
			effort: 'too hard',
			note: 'easier today'
		});
		const revision = (await getDoc(user, 'session:s1'))!._rev!;
		expect(Number(revision.split('-')[0])).toBe(3);
	});

	test('a sync cut off mid-pull by the server stopping resumes from its checkpoint', async () => {
		const server = await startOwnCouchServer();
		try {
			const user = await createCouchUser(undefined, undefined, { url: server.url });
			for (let day = 1; day <= 14; day++) await putDoc(user, session(day) as unknown as CouchDoc);
			const local = new MemoryStore();
			let changesCalls = 0;
			const stopping: typeof fetch = async (input, init) => {
				if (String(input).includes('/_changes')) changesCalls++;
				// The third batch's request never reaches a server.
				if (changesCalls === 3 && server.running) await server.stop();
				return fetch(input, init);
			};
			const cut = replicate(device(user, local, 'a', { fetch: stopping, batchSize: 5 }));
			await expect(cut).rejects.toBeInstanceOf(SyncError);
			await expect(cut).rejects.toMatchObject({ kind: 'network' });
			expect(local.entries.size).toBe(10);
			const saved = local.checkpoint!;
			expect(saved.pull).not.toBe('0');

			await server.start();
			const asked: string[] = [];
			const watching: typeof fetch = (input, init) => {
				asked.push(
					`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${new URL(String(input)).search}`
				);
				return fetch(input, init);
			};
			const resumed = await replicate(device(user, local, 'a', { fetch: watching, batchSize: 5 }));
			expect(resumed.startedOver).toBe(false);
			expect(resumed.pulled).toBe(4);
			expect(asked.find((line) => line.includes('_changes'))).toContain(
				`since=${encodeURIComponent(saved.pull)}&`
			);
			expect(localContent(local)).toEqual(await serverContent(user));
			expect(local.entries.size).toBe(14);
		} finally {
			await server.dispose();
		}
	});

	test('a bad document on the server is skipped and reported; the rest is stored', async () => {
		const user = await createCouchUser();
		await putDoc(user, session(1) as unknown as CouchDoc);
		const bad = session(2) as unknown as CouchDoc & { session: Record<string, unknown> };
		bad.session.painBefore = 42;
		await putDoc(user, bad);
		await putDoc(user, { _id: 'check:2025-03-02', type: 'check', updatedAt: T(2), check: 'x' });
		await putDoc(user, { _id: 'unknown-thing', type: 'note' });
		const local = new MemoryStore();
		const report = await replicate(device(user, local, 'a'));
		expect(report.skipped.map((skip) => [skip.id, skip.problem])).toEqual(
			expect.arrayContaining([
				['session:s2', 'session.painBefore: must be a whole number from 0 to 10'],
				['check:2025-03-02', expect.stringMatching(/^check/) as unknown]
			])
		);
		expect(report.skipped.map((skip) => skip.id).sort()).toEqual(
			['check:2025-03-02', 'session:s2', 'unknown-thing'].sort()
		);
		expect([...local.entries.keys()]).toEqual(['session:s1']);
		expect(report.moved).toEqual({ ...noneMoved(), sessions: 1 });
		// Skipped once: the checkpoint moved past them; nothing was written to the server.
		const again = await replicate(device(user, local, 'a'));
		expect(again).toMatchObject({ skipped: [], pushed: 0 });
		expect((await getDoc(user, 'session:s2'))?.session).toMatchObject({ painBefore: 42 });

		// A change here to the document whose server version was skipped meets a conflict the
		// pull cannot resolve: it is held back and reported, and the sync still ends well.
		local.write(session(2));
		local.write(session(3));
		const stuck = await replicate(device(user, local, 'a'));
		expect(stuck).toMatchObject({ conflicts: 1, pushed: 1 });
		expect(stuck.refused).toEqual([
			{ id: 'session:s2', reason: "conflict: the server's version could not be taken in" }
		]);
		expect(await getDoc(user, 'session:s3')).not.toBeNull();
		expect(local.entries.get('session:s2')).toMatchObject({ pending: true });
	});

	test('a wrong password is "unauthorized" before anything changes', async () => {
		const user = await createCouchUser();
		await putDoc(user, session(1) as unknown as CouchDoc);
		const local = new MemoryStore();
		local.write(session(2));
		const before = structuredClone([...local.entries]);
		const wrong = { ...user, password: 'not the password' };
		const attempt = replicate(device(wrong, local, 'a'));
		await expect(attempt).rejects.toBeInstanceOf(SyncError);
		await expect(attempt).rejects.toMatchObject({ kind: 'unauthorized' });
		expect([...local.entries]).toEqual(before);
		expect(local.checkpoint).toBeUndefined();
		expect(await getDoc(user, '_local/limber-a')).toBeNull();
		expect(Object.keys(await allDocs(user))).toEqual(['session:s1']);

		// A user the server has no database for (couch_peruser off): "no-database", nothing changed.
		const homeless = await createCouchUser(undefined, undefined, { database: false });
		const none = replicate(device(homeless, local, 'a'));
		await expect(none).rejects.toMatchObject({ kind: 'no-database' });
		expect([...local.entries]).toEqual(before);

		// Another user's database is closed to this one. CouchDB answers 403; express-pouchdb
		// answers 401 (see docs/sync.md), which the app would call a wrong password.
		const other = await createCouchUser();
		const response = await fetch(`${user.url}/${user.db}`, {
			headers: { Authorization: basicAuth(other.name, other.password) }
		});
		expect(response.status).toBe(401);
		const write = await fetch(`${user.url}/${user.db}/_bulk_docs`, {
			method: 'POST',
			headers: {
				Authorization: basicAuth(other.name, other.password),
				'Content-Type': 'application/json'
			},
			body: JSON.stringify({ docs: [session(3)] })
		});
		expect(await write.json()).toEqual([expect.objectContaining({ error: 'unauthorized' })]);
		expect(await getDoc(user, 'session:s3')).toBeNull();
	});

	test('a page from a local origin may call the server (CORS with Authorization)', async ({
		page
	}) => {
		const user = await createCouchUser();
		await putDoc(user, session(1) as unknown as CouchDoc);
		// A page from a local origin without the app's content security policy (which is for the
		// Settings work to open up): only CORS is checked here. It is served by a real server on
		// 127.0.0.1: a page that page.route() makes up has no address space, counts as public, and
		// Chromium's Local Network Access then refuses its requests to a loopback server.
		const pages = createServer((_req, res) => {
			res.setHeader('Content-Type', 'text/html');
			res.end('<!doctype html><title>cors</title>');
		});
		await new Promise<void>((done) => pages.listen(0, '127.0.0.1', done));
		const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
		try {
			await page.goto(`${origin}/`);
			const answers = await page.evaluate(
				async ({ url, db, auth }) => {
					const headers = { Accept: 'application/json', Authorization: auth };
					const info = await fetch(`${url}/${db}`, {
						headers,
						credentials: 'omit',
						cache: 'no-store'
					});
					const push = await fetch(`${url}/${db}/_bulk_docs`, {
						method: 'POST',
						headers: { ...headers, 'Content-Type': 'application/json' },
						body: JSON.stringify({ docs: [{ _id: 'check:2025-03-01', type: 'check' }] }),
						credentials: 'omit'
					});
					const local = await fetch(`${url}/${db}/_local/limber-browser`, {
						method: 'PUT',
						headers: { ...headers, 'Content-Type': 'application/json' },
						body: JSON.stringify({ session: 's', pull: '0', push: 0 }),
						credentials: 'omit'
					});
					const wrong = await fetch(`${url}/${db}`, {
						headers: { ...headers, Authorization: 'Basic ' + btoa('nobody:wrong') },
						credentials: 'omit'
					});
					return [info.status, push.status, local.status, wrong.status];
				},
				{ url: user.url, db: user.db, auth: basicAuth(user.name, user.password) }
			);
			expect(answers).toEqual([200, 201, 201, 401]);
		} finally {
			pages.closeAllConnections();
			await new Promise((done) => pages.close(done));
		}
	});
});
