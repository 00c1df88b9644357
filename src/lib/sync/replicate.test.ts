import { describe, expect, it } from 'vitest';
import { makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { SyncError } from './couch';
import {
	checkToDoc,
	deletionOf,
	routineToDoc,
	sessionToDoc,
	settingsToDocs,
	type SessionDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';
import { canonicalJson, contentOf } from './merge';
import { MemoryStore } from './memory-store';
import { MAX_PUSH_ROUNDS, replicate, type SyncOptions, type SyncProgress } from './replicate';
import { FakeCouch } from './test-fake-couch';

const CONTEXT = { today: '2025-03-31', builtinIds: new Set(['gentle-start']) };
const T = (day: number, hour = 9) =>
	`2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

let ids = 0;
function options(
	couch: FakeCouch,
	local: MemoryStore,
	extra: Partial<SyncOptions> = {}
): SyncOptions {
	return {
		target: { url: couch.base, user: couch.user, password: 'secret' },
		local,
		deviceId: 'device-a',
		context: CONTEXT,
		fetch: couch.fetch,
		newId: () => `session-${++ids}`,
		batchSize: 3,
		...extra
	};
}

function session(day: number, extra: Partial<Parameters<typeof makeSessionRecord>[0]> = {}) {
	return sessionToDoc(
		makeSessionRecord({ id: `s${day}`, startedAt: T(day), ...extra }),
		T(day, 10)
	);
}

/** The server's live documents' content (no revisions), by id. */
function serverContent(couch: FakeCouch): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [id, doc] of Object.entries(couch.liveDocs())) {
		out[id] = canonicalJson(contentOf(doc as unknown as SyncDoc));
	}
	return out;
}

/** The device's live documents' content, by id. */
function localContent(store: MemoryStore): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [id, entry] of [...store.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (!('_deleted' in entry.doc)) out[id] = canonicalJson(entry.doc);
	}
	return out;
}

describe('first sync', () => {
	it('pushes everything from this device in batches, then has nothing left to do', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		for (let day = 1; day <= 7; day++) local.write(session(day));
		local.write(routineToDoc({ program: makeStoredProgram(), importedAt: T(1) }, T(1)));
		for (const doc of settingsToDocs({ language: 'de', follows: {} }, {}, T(2))) local.write(doc);
		const progress: SyncProgress[] = [];
		const report = await replicate(options(couch, local, { onProgress: (p) => progress.push(p) }));
		expect(report).toMatchObject({ pulled: 0, pushed: 10, skipped: [], startedOver: true });
		expect(serverContent(couch)).toEqual(localContent(local));
		expect(progress.filter((p) => p.phase === 'push').map((p) => `${p.done}/${p.total}`)).toEqual([
			'3/10',
			'6/10',
			'9/10',
			'10/10'
		]);
		expect([...local.entries.values()].every((entry) => !entry.pending && entry.rev)).toBe(true);

		const again = await replicate(options(couch, local));
		// Its own pushed documents come back in _changes; they change nothing here.
		expect(again).toMatchObject({ changed: 0, pushed: 0, startedOver: false });
		couch.log.length = 0;
		const third = await replicate(options(couch, local));
		expect(third).toMatchObject({ pulled: 0, changed: 0, pushed: 0 });
		expect(couch.log.filter((line) => line.includes('_bulk_docs'))).toEqual([]);
	});

	it('pulls everything from the server in batches with progress, and saves checkpoints', async () => {
		const couch = new FakeCouch();
		for (let day = 1; day <= 8; day++)
			couch.put(session(day) as unknown as Record<string, unknown>);
		const local = new MemoryStore();
		const progress: SyncProgress[] = [];
		const report = await replicate(options(couch, local, { onProgress: (p) => progress.push(p) }));
		expect(report).toMatchObject({ pulled: 8, changed: 8, pushed: 0 });
		expect(localContent(local)).toEqual(serverContent(couch));
		expect(progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
			'pull 3/8',
			'pull 6/8',
			'pull 8/8'
		]);
		const changes = couch.log.filter((line) => line.includes('_changes'));
		expect(changes).toEqual([
			'GET /userdb-616e61/_changes?since=0&include_docs=true&limit=3',
			'GET /userdb-616e61/_changes?since=3-g1AAAAopaque&include_docs=true&limit=3',
			'GET /userdb-616e61/_changes?since=6-g1AAAAopaque&include_docs=true&limit=3'
		]);
		expect(couch.locals.get('_local/limber-device-a')).toMatchObject({
			pull: '8-g1AAAAopaque',
			push: 0
		});
		expect(local.checkpoint).toMatchObject({ pull: '8-g1AAAAopaque' });
	});
});

describe('an interrupted sync resumes from its checkpoint', () => {
	it('mid-pull: nothing lost, nothing applied twice', async () => {
		const couch = new FakeCouch();
		for (let day = 1; day <= 10; day++)
			couch.put(session(day) as unknown as Record<string, unknown>);
		const local = new MemoryStore();
		// Requests: GET db, GET _local, PUT _local, then _changes / PUT _local per batch.
		couch.failAfter = 8;
		await expect(replicate(options(couch, local))).rejects.toMatchObject({ kind: 'network' });
		const kept = local.entries.size;
		expect(kept).toBe(6);
		expect(local.checkpoint?.pull).toBe('6-g1AAAAopaque');

		couch.failAfter = undefined;
		couch.log.length = 0;
		const applied: string[] = [];
		const spy = local.applyPulled.bind(local);
		local.applyPulled = (docs, checkpoint) => {
			applied.push(...docs.map((doc) => doc._id));
			return spy(docs, checkpoint);
		};
		const report = await replicate(options(couch, local));
		expect(report.startedOver).toBe(false);
		expect(couch.log.find((line) => line.includes('_changes'))).toContain('since=6-g1AAAAopaque');
		expect(applied).toEqual(['session:s7', 'session:s8', 'session:s9', 'session:s10']);
		expect(localContent(local)).toEqual(serverContent(couch));
	});

	it('mid-push: the rest is pushed next time, nothing is written twice', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		for (let day = 1; day <= 9; day++) local.write(session(day));
		// GET db, GET _local, PUT _local, _changes, then POST _bulk_docs / PUT _local per batch.
		couch.failAfter = 7;
		await expect(replicate(options(couch, local))).rejects.toBeInstanceOf(SyncError);
		expect(Object.keys(couch.liveDocs())).toHaveLength(3);
		couch.failAfter = undefined;
		await replicate(options(couch, local));
		expect(serverContent(couch)).toEqual(localContent(local));
		// Each document has exactly one revision on the server: none was sent twice.
		expect([...couch.docs.values()].every((doc) => doc.rev.startsWith('1-'))).toBe(true);
	});

	it('a push carried out whose answer was lost: recognised when pulled, not written twice', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		for (let day = 1; day <= 3; day++) local.write(session(day));
		// GET db, GET _local, PUT _local, _changes, then POST _bulk_docs: stored, answer lost.
		couch.loseAnswerOf = 5;
		await expect(replicate(options(couch, local))).rejects.toMatchObject({ kind: 'network' });
		expect(Object.keys(couch.liveDocs())).toHaveLength(3);
		expect([...local.entries.values()].every((entry) => entry.pending && !entry.rev)).toBe(true);
		couch.loseAnswerOf = undefined;
		const report = await replicate(options(couch, local));
		expect(report).toMatchObject({ pulled: 3, changed: 0, pushed: 0, conflicts: 0, refused: [] });
		expect([...couch.docs.values()].every((doc) => doc.rev.startsWith('1-'))).toBe(true);
		expect([...local.entries.values()].every((entry) => !entry.pending && entry.rev)).toBe(true);
		expect(serverContent(couch)).toEqual(localContent(local));
	});
});

describe('bad documents on the server', () => {
	it('are skipped and reported with their id and problem; the rest is stored', async () => {
		const couch = new FakeCouch();
		couch.put(session(1) as unknown as Record<string, unknown>);
		const bad = session(2) as unknown as Record<string, unknown>;
		(bad.session as Record<string, unknown>).painBefore = 42;
		couch.put(bad);
		couch.put({
			_id: 'check:2025-04-02',
			type: 'check',
			updatedAt: T(1),
			check: { day: '2025-04-02', pain: 1 }
		});
		couch.put({ _id: '_design/readonly', validate_doc_update: 'function () {}' });
		const local = new MemoryStore();
		const report = await replicate(options(couch, local));
		expect(report.skipped).toEqual([
			{
				id: 'session:s2',
				problem: 'session.painBefore: must be a whole number from 0 to 10',
				problems: [{ path: 'session.painBefore', message: 'must be a whole number from 0 to 10' }]
			},
			expect.objectContaining({
				id: 'check:2025-04-02',
				problem: expect.stringMatching(/^check\.day: is after today/) as unknown
			})
		]);
		expect([...local.entries.keys()]).toEqual(['session:s1']);
		// Skipped once: the checkpoint moved past them.
		expect((await replicate(options(couch, local))).skipped).toEqual([]);
	});
});

describe('answers', () => {
	it('_bulk_docs answers are matched by id, whatever their order', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		for (let day = 1; day <= 3; day++) local.write(session(day));
		const reversing = (async (input: RequestInfo | URL, init?: RequestInit) => {
			const response = await couch.fetch(input, init);
			if (!String(input).endsWith('_bulk_docs')) return response;
			const answers = (await response.json()) as unknown[];
			return new Response(JSON.stringify(answers.reverse()), { status: 201 });
		}) as typeof fetch;
		await replicate({ ...options(couch, local), fetch: reversing });
		for (const [id, entry] of local.entries) {
			expect(entry.rev).toBe(couch.docs.get(id)?.rev);
		}
	});
});

describe('errors', () => {
	it('a wrong password: a clear error, and nothing changes anywhere', async () => {
		const couch = new FakeCouch();
		couch.put(session(1) as unknown as Record<string, unknown>);
		const local = new MemoryStore();
		local.write(session(2));
		const before = structuredClone([...local.entries]);
		const run = replicate({
			...options(couch, local),
			target: { url: couch.base, user: 'ana', password: 'wrong' }
		});
		await expect(run).rejects.toThrow(/Wrong user name or password/);
		await expect(run).rejects.toMatchObject({ kind: 'unauthorized' });
		expect([...local.entries]).toEqual(before);
		expect(local.checkpoint).toBeUndefined();
		expect(couch.log).toEqual(['GET /userdb-616e61']);
		expect(Object.keys(couch.liveDocs())).toEqual(['session:s1']);
	});

	it('no database for the user', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		const run = replicate({
			...options(couch, local),
			target: { url: couch.base + '/other', user: 'ana', password: 'secret' }
		});
		await expect(run).rejects.toMatchObject({ kind: 'no-database' });
	});

	it('a server that cannot be reached', async () => {
		const local = new MemoryStore();
		const run = replicate({
			...options(new FakeCouch(), local),
			fetch: () => Promise.reject(new TypeError('Failed to fetch'))
		});
		await expect(run).rejects.toMatchObject({ kind: 'network' });
	});

	it('a document the server refuses is reported and stays to be pushed', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		const routine = routineToDoc(
			{ program: makeStoredProgram('forbidden-one'), importedAt: T(1) },
			T(1)
		);
		local.write(routine);
		local.write(session(1));
		const report = await replicate(options(couch, local));
		expect(report.refused).toEqual([
			{ id: 'routine:forbidden-one', reason: 'forbidden: only the owner may write' }
		]);
		expect(report.pushed).toBe(1);
		expect(local.entries.get('routine:forbidden-one')?.pending).toBe(true);
		// The checkpoint stays before it, so the next sync sends it again (and only it).
		local.write(session(2));
		couch.log.length = 0;
		const next = await replicate(options(couch, local));
		expect(next.refused).toEqual(report.refused);
		expect(next.pushed).toBe(1);
		expect(couch.log.filter((line) => line.includes('_bulk_docs'))).toHaveLength(1);
		expect(Object.keys(couch.liveDocs())).toEqual(['session:s1', 'session:s2']);
		expect([...couch.docs.values()].every((doc) => doc.rev.startsWith('1-'))).toBe(true);
	});
});

describe('two devices converge', () => {
	function devices() {
		const couch = new FakeCouch();
		const a = new MemoryStore();
		const b = new MemoryStore();
		const syncA = () => replicate(options(couch, a, { deviceId: 'a' }));
		const syncB = () => replicate(options(couch, b, { deviceId: 'b' }));
		return { couch, a, b, syncA, syncB };
	}

	it('sessions, answers, settings, checks and deletions made on both', async () => {
		const { couch, a, b, syncA, syncB } = devices();
		const shared = session(1);
		a.write(shared);
		a.write(session(2));
		a.write(settingsToDocs({ language: 'de', textSize: 'large' }, {}, T(1))[0]!);
		await syncA();
		await syncB();
		expect(localContent(b)).toEqual(localContent(a));

		// Offline on both: answers to the same session, settings, a check, a deletion.
		const onA = structuredClone(b.doc(shared._id) as SessionDoc);
		onA.session.note = 'tight hamstrings';
		onA.answeredAt.note = T(3);
		a.write(onA);
		const onB = structuredClone(b.doc(shared._id) as SessionDoc);
		onB.session.painAfter = 1;
		onB.answeredAt.painAfter = T(4);
		b.write(onB);
		a.write({
			_id: 'settings:display',
			type: 'settings',
			values: { language: 'fr', textSize: 'large' },
			changedAt: { language: T(5), textSize: T(1) }
		});
		b.write({
			_id: 'settings:display',
			type: 'settings',
			values: { language: 'de', textSize: 'normal' },
			changedAt: { language: T(1), textSize: T(6) }
		});
		b.write(checkToDoc({ day: '2025-03-05', pain: 3 }, T(5)));
		b.write(deletionOf('session:s2', 'session', T(7)));
		a.write(session(3));

		await syncA();
		// B pulls A's versions first and merges them, so its push meets no conflict.
		expect((await syncB()).conflicts).toBe(0);
		await syncA();
		await syncB();

		expect(localContent(a)).toEqual(localContent(b));
		expect(serverContent(couch)).toEqual(localContent(a));
		const merged = a.doc(shared._id) as SessionDoc;
		expect(merged.session).toMatchObject({ note: 'tight hamstrings', painAfter: 1 });
		expect((a.doc('settings:display') as SettingsDoc).values).toEqual({
			language: 'fr',
			textSize: 'normal'
		});
		expect(a.doc('session:s2')).toMatchObject({ _deleted: true });
		expect(a.doc('check:2025-03-05')).toBeDefined();
		expect(b.doc('session:s3')).toBeDefined();
		expect([...a.entries.values(), ...b.entries.values()].some((e) => e.pending)).toBe(false);
	});

	it('a deletion on one device wins over an older answer on the other; a newer one brings it back', async () => {
		const { a, b, syncA, syncB } = devices();
		a.write(session(1));
		a.write(session(2));
		await syncA();
		await syncB();
		a.write(deletionOf('session:s1', 'session', T(20)));
		a.write(deletionOf('session:s2', 'session', T(20)));
		const older = structuredClone(b.doc('session:s1') as SessionDoc);
		older.session.note = 'before the deletion';
		older.answeredAt.note = T(19);
		b.write(older);
		const newer = structuredClone(b.doc('session:s2') as SessionDoc);
		newer.session.note = 'after the deletion';
		newer.answeredAt.note = T(21);
		b.write(newer);
		await syncA();
		await syncB();
		await syncA();
		expect(a.doc('session:s1')).toMatchObject({ _deleted: true });
		expect(b.doc('session:s1')).toMatchObject({ _deleted: true });
		expect((a.doc('session:s2') as SessionDoc).session.note).toBe('after the deletion');
		expect(localContent(a)).toEqual(localContent(b));
	});

	it('a routine edited on both: the higher version wins everywhere', async () => {
		const { a, b, syncA, syncB } = devices();
		const routine = (version: number, title: string, at: string) =>
			routineToDoc(
				{ program: { ...makeStoredProgram('mine', title), version }, importedAt: T(1) },
				at
			);
		a.write(routine(1, 'First', T(1)));
		await syncA();
		await syncB();
		a.write(routine(3, 'Three', T(2)));
		b.write(routine(2, 'Two, later', T(5)));
		await syncB();
		await syncA();
		await syncB();
		expect(b.doc('routine:mine')).toMatchObject({ routine: { program: { title: 'Three' } } });
		expect(localContent(a)).toEqual(localContent(b));
	});

	it('a write that lands between pull and push: 409, pulled, merged, pushed again', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		local.write({
			_id: 'settings:display',
			type: 'settings',
			values: { language: 'de', textSize: 'large' },
			changedAt: { language: T(5), textSize: T(5) }
		});
		const inner = couch.fetch;
		let meddled = false;
		const otherDevice = ((input: RequestInfo | URL, init?: RequestInit) => {
			if (String(input).endsWith('_bulk_docs') && !meddled) {
				meddled = true;
				couch.put({
					_id: 'settings:display',
					type: 'settings',
					values: { language: 'fr', textSize: 'normal' },
					changedAt: { language: T(6), textSize: T(4) }
				});
			}
			return inner(input, init);
		}) as typeof fetch;
		const report = await replicate({ ...options(couch, local), fetch: otherDevice });
		expect(report).toMatchObject({ conflicts: 1, pushed: 1, pulled: 1 });
		const expected = {
			_id: 'settings:display',
			type: 'settings',
			values: { language: 'fr', textSize: 'large' },
			changedAt: { language: T(6), textSize: T(5) }
		};
		expect(local.doc('settings:display')).toEqual(expected);
		expect(serverContent(couch)).toEqual({ 'settings:display': canonicalJson(expected) });
		expect(local.entries.get('settings:display')).toMatchObject({ pending: false });
		expect(local.entries.get('settings:display')?.rev).toMatch(/^2-/);
	});

	it('a server that keeps changing gives up after a few rounds with a clear error', async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		local.write(checkToDoc({ day: '2025-03-05', pain: 3 }, T(5)));
		// Another writer changes the same document before each of this device's pushes.
		const inner = couch.fetch;
		const meddling = ((input: RequestInfo | URL, init?: RequestInit) => {
			if (String(input).endsWith('_bulk_docs')) {
				couch.put({
					_id: 'check:2025-03-05',
					type: 'check',
					updatedAt: T(1),
					check: { day: '2025-03-05', pain: 9 }
				});
			}
			return inner(input, init);
		}) as typeof fetch;
		const run = replicate({ ...options(couch, local), fetch: meddling });
		await expect(run).rejects.toMatchObject({ kind: 'conflicts' });
		expect(couch.docs.get('check:2025-03-05')?.body.check).toEqual({ day: '2025-03-05', pain: 9 });
		expect(couch.log.filter((line) => line.includes('_bulk_docs'))).toHaveLength(MAX_PUSH_ROUNDS);
	});
});

describe('a conflict the pull cannot resolve', () => {
	it("the server's version fails the checks: the change here is held back and reported, not retried in a loop", async () => {
		const couch = new FakeCouch();
		const local = new MemoryStore();
		local.write(session(1));
		await replicate(options(couch, local));
		// Another writer stores a version this device will not take in (skipped when pulled)...
		const bad = session(1) as unknown as Record<string, unknown>;
		(bad.session as Record<string, unknown>).painBefore = 42;
		couch.put(bad);
		// ...while this device answers the session again and records another one.
		const mine = structuredClone(local.doc('session:s1') as SessionDoc);
		mine.session.note = 'mine';
		mine.answeredAt.note = T(9);
		local.write(mine);
		local.write(session(2));

		couch.log.length = 0;
		const report = await replicate(options(couch, local));
		expect(report.skipped.map((skip) => skip.id)).toEqual(['session:s1']);
		expect(report.conflicts).toBe(1);
		expect(report.refused).toEqual([
			{
				id: 'session:s1',
				reason:
					"conflict: the server's version could not be taken in: session.painBefore: must be a whole number from 0 to 10"
			}
		]);
		expect(report.pushed).toBe(1);
		expect(couch.docs.get('session:s2')).toBeDefined();
		expect(couch.log.filter((line) => line.includes('_bulk_docs'))).toHaveLength(1);
		expect(local.entries.get('session:s1')).toMatchObject({ pending: true });

		// Next time (the bad version no longer in _changes): one conflict, then held back again.
		const again = await replicate(options(couch, local));
		expect(again.conflicts).toBe(1);
		expect(again.refused).toEqual([
			{ id: 'session:s1', reason: "conflict: the server's version could not be taken in" }
		]);
		expect((local.doc('session:s1') as SessionDoc).session.note).toBe('mine');
	});
});

describe('what moved, by type', () => {
	function devices() {
		const couch = new FakeCouch();
		const a = new MemoryStore();
		const b = new MemoryStore();
		const syncA = () => replicate(options(couch, a, { deviceId: 'a' }));
		const syncB = () => replicate(options(couch, b, { deviceId: 'b' }));
		return { a, b, syncA, syncB };
	}

	it('counts documents changed here by pulls and documents pushed, deletions under their type', async () => {
		const { a, b, syncA, syncB } = devices();
		for (let day = 1; day <= 3; day++) a.write(session(day));
		a.write(routineToDoc({ program: makeStoredProgram(), importedAt: T(1) }, T(1)));
		for (const doc of settingsToDocs({ language: 'de', beeps: false }, {}, T(2))) a.write(doc);
		a.write(checkToDoc({ day: '2025-03-03', pain: 4 }, T(3)));
		expect((await syncA()).moved).toEqual({ sessions: 3, routines: 1, settings: 2, checks: 1 });
		expect((await syncB()).moved).toEqual({ sessions: 3, routines: 1, settings: 2, checks: 1 });

		b.write(deletionOf('routine:my-routine', 'routine', T(4)));
		b.write(deletionOf('session:s1', 'session', T(4)));
		expect((await syncB()).moved).toEqual({ sessions: 1, routines: 1, settings: 0, checks: 0 });
		// A's own documents come back unchanged, and a deletion of what it never had is no change.
		const pulled = await syncA();
		expect(pulled.moved).toEqual({ sessions: 1, routines: 1, settings: 0, checks: 0 });
		expect((await syncA()).moved).toEqual({ sessions: 0, routines: 0, settings: 0, checks: 0 });
	});

	it('a document merged on pull and pushed again counts twice', async () => {
		const { a, b, syncA, syncB } = devices();
		for (const doc of settingsToDocs({ language: 'de', textSize: 'normal' }, {}, T(1)))
			a.write(doc);
		await syncA();
		await syncB();
		for (const doc of settingsToDocs(
			{ language: 'fr', textSize: 'normal' },
			{ textSize: T(1) },
			T(5)
		))
			a.write(doc);
		await syncA();
		for (const doc of settingsToDocs(
			{ language: 'de', textSize: 'large' },
			{ language: T(1) },
			T(6)
		))
			b.write(doc);
		const report = await syncB();
		expect(report).toMatchObject({ changed: 1, pushed: 1 });
		expect(report.moved).toEqual({ sessions: 0, routines: 0, settings: 2, checks: 0 });
		expect((b.doc('settings:display') as SettingsDoc).values).toEqual({
			language: 'fr',
			textSize: 'large'
		});
	});
});

describe('starting over', () => {
	it('when the server database is new, everything is pushed again without old revisions', async () => {
		const first = new FakeCouch();
		const local = new MemoryStore();
		local.write(session(1));
		await replicate(options(first, local));
		const second = new FakeCouch();
		const report = await replicate(options(second, local));
		expect(report).toMatchObject({ startedOver: true, pushed: 1, refused: [] });
		expect(serverContent(second)).toEqual(localContent(local));
	});
});
