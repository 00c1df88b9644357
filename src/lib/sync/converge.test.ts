// Three devices make random changes (sessions stored, answered, deleted and put back; settings;
// morning checks; routines) and sync in a random order, some syncs cut off part-way. Once every
// device has synced twice more with no changes in between, all three and the server hold the
// same documents and nothing is left to push. Seeded, so a failure can be replayed.
import { describe, expect, it } from 'vitest';
import { makeExerciseRecord, makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import {
	checkToDoc,
	deletionOf,
	isDeleted,
	routineToDoc,
	sessionToDoc,
	type SessionDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';
import { canonicalJson, contentOf } from './merge';
import { MemoryStore } from './memory-store';
import { replicate } from './replicate';
import { FakeCouch } from './test-fake-couch';

/** A small seeded random number generator (mulberry32). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function contentById(docs: Iterable<[string, SyncDoc]>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [id, doc] of [...docs].sort(([a], [b]) => (a < b ? -1 : 1))) {
		out[id] = canonicalJson(contentOf(doc));
	}
	return out;
}

function serverDocs(couch: FakeCouch): [string, SyncDoc][] {
	return [...couch.docs.values()].map((doc) => [
		doc.id,
		{ ...doc.body, _id: doc.id } as unknown as SyncDoc
	]);
}

async function scenario(seed: number): Promise<number> {
	const next = random(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
	const couch = new FakeCouch();
	const devices = ['a', 'b', 'c'].map((id) => ({ id, store: new MemoryStore() }));
	let clock = 0;
	// Times mostly move on, but devices' clocks disagree a little (ties and reversals happen).
	const now = () => {
		clock += 1;
		const minutes = clock * 10 + Math.floor(next() * 25) - 12;
		return new Date(Date.UTC(2025, 2, 1) + minutes * 60_000).toISOString();
	};
	const sessionIds = ['s1', 's2', 's3', 's4'];

	const change = (store: MemoryStore) => {
		const kind = pick(['session', 'answer', 'delete', 'settings', 'check', 'routine']);
		const at = now();
		if (kind === 'session') {
			const id = pick(sessionIds);
			const record = makeSessionRecord({
				id,
				startedAt: '2025-03-01T08:00:00.000Z',
				exercises: [
					makeExerciseRecord(),
					makeExerciseRecord({ skipped: true, outcome: 'skipped', setsDone: 0 })
				]
			});
			delete record.painAfter;
			delete record.effort;
			store.write(sessionToDoc(record, at));
		} else if (kind === 'answer') {
			const id = `session:${pick(sessionIds)}`;
			const doc = store.doc(id);
			if (!doc || isDeleted(doc)) return;
			const answered = structuredClone(doc) as SessionDoc;
			const field = pick(['painAfter', 'effort', 'note', 'skipReason:1'] as const);
			if (field === 'painAfter') answered.session.painAfter = Math.floor(next() * 11);
			else if (field === 'effort') answered.session.effort = pick(['too easy', 'too hard']);
			else if (field === 'note') {
				if (next() < 0.3) delete answered.session.note;
				else answered.session.note = `note ${Math.floor(next() * 100)}`;
			} else answered.session.exercises[1]!.skipReason = pick(['pain', 'time']);
			answered.answeredAt[field] = at;
			answered.updatedAt = at > answered.updatedAt ? at : answered.updatedAt;
			store.write(answered);
		} else if (kind === 'delete') {
			const id = pick([...sessionIds.map((s) => `session:${s}`), 'check:2025-03-02']);
			const doc = store.doc(id);
			if (doc && !isDeleted(doc)) store.write(deletionOf(id, doc.type, at));
		} else if (kind === 'settings') {
			const doc = (store.doc('settings:display') as SettingsDoc | undefined) ?? {
				_id: 'settings:display',
				type: 'settings' as const,
				values: {},
				changedAt: {}
			};
			const changed = structuredClone(doc);
			if (next() < 0.5) {
				changed.values.language = pick(['de', 'fr', 'es']);
				changed.changedAt.language = at;
			} else {
				changed.values.textSize = pick(['normal', 'large']);
				changed.changedAt.textSize = at;
			}
			store.write(changed);
		} else if (kind === 'check') {
			const day = pick(['2025-03-02', '2025-03-03']);
			store.write(checkToDoc({ day, pain: Math.floor(next() * 11) }, at));
		} else {
			const version = 1 + Math.floor(next() * 3);
			const program = { ...makeStoredProgram('mine', `Mine ${Math.floor(next() * 50)}`), version };
			store.write(routineToDoc({ program, importedAt: '2025-03-01T00:00:00.000Z' }, at));
		}
	};

	let conflicts = 0;
	const sync = async (device: (typeof devices)[number], cutAfter?: number) => {
		couch.failAfter = cutAfter;
		try {
			const report = await replicate({
				target: { url: couch.base, user: couch.user, password: 'secret' },
				local: device.store,
				deviceId: device.id,
				context: { today: '2025-12-31', builtinIds: new Set() },
				fetch: couch.fetch,
				newId: () => `session-${device.id}-${Math.floor(next() * 1e9)}`,
				batchSize: 2
			});
			conflicts += report.conflicts;
		} catch (error) {
			if (cutAfter === undefined) throw error;
		} finally {
			couch.failAfter = undefined;
		}
	};

	for (let step = 0; step < 60; step++) {
		const device = pick(devices);
		const roll = next();
		if (roll < 0.55) change(device.store);
		else if (roll < 0.75) {
			// Two devices at once: their requests interleave, so pushes meet 409s.
			const other = devices[(devices.indexOf(device) + 1) % devices.length]!;
			change(device.store);
			change(other.store);
			await Promise.all([sync(device), sync(other)]);
		} else await sync(device, next() < 0.3 ? 3 + Math.floor(next() * 8) : undefined);
	}
	for (let round = 0; round < 2; round++) for (const device of devices) await sync(device);

	const server = contentById(serverDocs(couch));
	for (const device of devices) {
		const local = contentById([...device.store.entries].map(([id, e]) => [id, e.doc]));
		expect(local, `device ${device.id}, seed ${seed}`).toEqual(server);
		expect([...device.store.entries.values()].filter((e) => e.pending)).toEqual([]);
	}
	return conflicts;
}

describe('devices converge whatever the order', () => {
	let conflicts = 0;
	for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
		it(`seed ${seed}`, async () => {
			conflicts += await scenario(seed);
		});
	}
	it('the scenarios did meet conflicts at push time', () => {
		expect(conflicts).toBeGreaterThan(5);
	});
});
