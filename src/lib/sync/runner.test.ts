// The runner: when a sync runs (only while on, never while a session is on screen, one at a time
// with one more after it when asked meanwhile) and what it leaves for Settings to show. Real
// storage (fake-indexeddb) and the real replicator; the server is the in-memory fake CouchDB
// behind `fetch`, which also answers the built-in programs' list.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSessionRecord } from '$lib/test-factories';
import { sessionActivity } from '$lib/pwa/session-activity.svelte';
import { countSessions, storeNewSession } from '$lib/storage/sessions';
import { sessionToDoc } from './documents';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { getSyncStatus, saveSyncAccount, setSyncOn } from './device';
import { PLAYER_LOCK } from '$lib/pwa/device-busy';
import { SYNC_LOCK, syncActivity, syncNow } from './runner.svelte';
import { FakeCouch } from './test-fake-couch';

let couch: FakeCouch;

beforeEach(async () => {
	useFreshStorage('runner');
	couch = new FakeCouch('ana', 'secret');
	vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
		const url = String(input instanceof Request ? input.url : input);
		if (url.startsWith(couch.base)) return couch.fetch(input, init);
		if (url.endsWith('programs/index.json')) return Promise.resolve(Response.json([]));
		return Promise.reject(new TypeError(`no such address in this test: ${url}`));
	});
	await saveSyncAccount({ address: couch.base, user: 'ana', password: 'secret' });
	await setSyncOn(true);
	syncActivity.status = undefined;
	syncActivity.waiting = false;
});

afterEach(() => {
	sessionActivity.playing = false;
	vi.unstubAllGlobals();
	releaseStorage();
});

const sessionDocs = () => Object.keys(couch.liveDocs()).filter((id) => id.startsWith('session:'));

describe('syncNow', () => {
	it('syncs, and keeps what moved for Settings (shown and stored)', async () => {
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		await syncNow();
		expect(sessionDocs()).toEqual(['session:one']);
		expect(syncActivity.status).toMatchObject({ ok: true, moved: { sessions: 1 } });
		expect(await getSyncStatus()).toEqual(syncActivity.status);
		expect(syncActivity.running).toBe(false);
	});

	it('does nothing while sync is off', async () => {
		await setSyncOn(false);
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		await syncNow();
		expect(couch.log).toEqual([]);
		expect(syncActivity.status).toBeUndefined();
	});

	it('waits while a session is on screen, and syncs once it is over', async () => {
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		sessionActivity.playing = true;
		await syncNow();
		expect(couch.log).toEqual([]);
		expect(syncActivity.waiting).toBe(true);

		sessionActivity.playing = false;
		await syncNow();
		expect(syncActivity.waiting).toBe(false);
		expect(sessionDocs()).toEqual(['session:one']);
	});

	it('a session coming on screen mid-sync stops it at the next batch; it goes on later', async () => {
		for (let i = 0; i < 150; i++) {
			const id = `r${String(i).padStart(3, '0')}`;
			couch.put({
				...sessionToDoc(makeSessionRecord({ id }), '2025-06-11T10:00:00.000Z'),
				_id: `session:${id}`
			});
		}
		const serve = couch.fetch;
		vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
			const url = String(input instanceof Request ? input.url : input);
			if (url.endsWith('programs/index.json')) return Response.json([]);
			const answer = await serve(input, init);
			// The person presses Start as the first batch arrives.
			if (url.includes('_changes')) sessionActivity.playing = true;
			return answer;
		});
		await syncNow();
		expect(await countSessions()).toBe(100);
		expect(syncActivity.waiting).toBe(true);
		expect(syncActivity.status).toBeUndefined();

		sessionActivity.playing = false;
		vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
			const url = String(input instanceof Request ? input.url : input);
			return url.endsWith('programs/index.json')
				? Promise.resolve(Response.json([]))
				: serve(input, init);
		});
		await syncNow();
		expect(await countSessions()).toBe(150);
		expect(syncActivity.status).toMatchObject({ ok: true });
	});

	it('a wrong password ends in a status that says so, and nothing on the server', async () => {
		await saveSyncAccount({ address: couch.base, user: 'ana', password: 'wrong' });
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		await syncNow();
		expect(syncActivity.status).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
		expect((await getSyncStatus())?.error?.kind).toBe('unauthorized');
		expect(couch.liveDocs()).toEqual({});
	});

	it('asked during a sync: one more sync after it, which takes the newer change', async () => {
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		const first = syncNow();
		await storeNewSession(
			makeSessionRecord({
				id: 'two',
				startedAt: '2025-06-12T08:00:00.000Z',
				endedAt: '2025-06-12T08:10:00.000Z'
			})
		);
		const second = syncNow();
		const third = syncNow();
		await Promise.all([first, second, third]);
		expect(sessionDocs()).toEqual(['session:one', 'session:two']);
		// The first sync, and one more for both requests made while it ran (each sync begins by
		// asking for the database).
		expect(couch.log.filter((line) => /^GET \/userdb-[0-9a-f]+$/.test(line))).toHaveLength(2);
	});
});

/**
 * Web Locks as far as the runner uses them: exclusive and shared requests, `ifAvailable`, a queue
 * granted in order as locks are let go, and `query()`. What another tab holds is a request whose
 * callback waits until the test lets go.
 */
class FakeLocks {
	readonly held = new Map<string, { mode: LockMode; count: number }>();
	readonly #waiting: { name: string; mode: LockMode; grant: () => void }[] = [];

	#free(name: string, mode: LockMode): boolean {
		const holder = this.held.get(name);
		return !holder || (holder.mode === 'shared' && mode === 'shared');
	}

	#take(name: string, mode: LockMode): void {
		const holder = this.held.get(name);
		if (holder) holder.count++;
		else this.held.set(name, { mode, count: 1 });
	}

	#release(name: string): void {
		const holder = this.held.get(name)!;
		if (--holder.count > 0) return;
		this.held.delete(name);
		for (const waiter of [...this.#waiting]) {
			if (!this.#free(waiter.name, waiter.mode)) continue;
			this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
			this.#take(waiter.name, waiter.mode);
			waiter.grant();
		}
	}

	async request(
		name: string,
		optionsOrCallback: LockOptions | ((lock: Lock | null) => unknown),
		callback?: (lock: Lock | null) => unknown
	): Promise<unknown> {
		const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
		const work = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback!;
		const mode = options.mode ?? 'exclusive';
		if (this.#free(name, mode)) this.#take(name, mode);
		else if (options.ifAvailable) return work(null);
		else await new Promise<void>((grant) => this.#waiting.push({ name, mode, grant }));
		try {
			return await work({ name, mode } as Lock);
		} finally {
			this.#release(name);
		}
	}

	async query(): Promise<LockManagerSnapshot> {
		return { held: [...this.held].map(([name, { mode }]) => ({ name, mode })), pending: [] };
	}

	/** Another tab takes `name` and keeps it until the returned function is called. */
	holdElsewhere(name: string): () => void {
		let letGo!: () => void;
		void this.request(name, () => new Promise<void>((done) => (letGo = done)));
		return () => letGo();
	}
}

describe('syncNow with other tabs (Web Locks)', () => {
	let locks: FakeLocks;
	beforeEach(() => {
		locks = new FakeLocks();
		vi.stubGlobal('navigator', { locks });
	});

	it('another tab is syncing: this one syncs once that tab lets go of the sync lock', async () => {
		const letGo = locks.holdElsewhere(SYNC_LOCK);
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		await syncNow();
		expect(sessionDocs()).toEqual([]);
		letGo();
		await vi.waitFor(() => expect(sessionDocs()).toEqual(['session:one']));
		expect(locks.held.size).toBe(0);
	});

	it('a session plays in another tab: this one waits, and syncs once it is over', async () => {
		const letGo = locks.holdElsewhere(PLAYER_LOCK);
		await storeNewSession(makeSessionRecord({ id: 'one' }));
		await syncNow();
		expect(syncActivity.waiting).toBe(true);
		expect(couch.log).toEqual([]);
		letGo();
		await vi.waitFor(() => expect(sessionDocs()).toEqual(['session:one']));
		expect(syncActivity.waiting).toBe(false);
	});
});
