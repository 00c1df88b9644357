// A small replicator between this device (a LocalStore) and the person's database on their own
// CouchDB, speaking CouchDB's replication protocol over an injected `fetch`:
//
// 1. GET the database (a wrong password or a missing database fails here, before anything
//    changes), then the checkpoint (`_local/<replication id>`; see checkpoint.ts).
// 2. Pull: `_changes?since=<checkpoint>&include_docs=true&limit=<batch>` until nothing is left.
//    Each batch is checked (validate-pulled.ts; bad documents are skipped and reported), merged
//    with what is stored (merge.ts) and stored with the checkpoint in one transaction; then the
//    checkpoint is saved on the server.
// 3. Push: the local changes after the push checkpoint, with `_bulk_docs` under the normal rules
//    (new_edits: true): each document carries the revision it is based on. A 409 means someone
//    else wrote it first: pull again (which merges their version in), then push what is still
//    pending. The server thus never holds conflicting branches.
import {
	agreedCheckpoint,
	readRemoteCheckpoint,
	replicationId,
	startingCheckpoint,
	writeRemoteCheckpoint,
	type SyncCheckpoint
} from './checkpoint';
import { CouchClient, reasonOf, SyncError, type SyncTarget } from './couch';
import { parseDocId, type DocType, type SyncDoc } from './documents';
import { resolvePulled, type LocalEntry, type LocalStore } from './local-store';
import { validatePulled, type SkippedDoc } from './validate-pulled';
import type { BackupContext } from '$lib/storage/backup-format';

/** How far a sync has come: documents pulled or pushed so far, of how many. */
export interface SyncProgress {
	phase: 'pull' | 'push';
	done: number;
	total: number;
}

export interface SyncOptions {
	target: SyncTarget;
	local: LocalStore;
	/** This install's id (random, kept on the device): names its checkpoint on the server. */
	deviceId: string;
	/** What the backup validator needs to know about this device. */
	context: BackupContext;
	fetch: typeof fetch;
	/** A new random id (a session id when sync starts over). */
	newId: () => string;
	/** Documents per request (default 100). */
	batchSize?: number;
	/** How long one request may take before the sync stops with a network error (default 60 s). */
	timeoutMs?: number;
	onProgress?: (progress: SyncProgress) => void;
}

/** A document the server refused to store (other than a conflict). */
export interface RefusedDoc {
	id: string;
	reason: string;
}

/** How many documents of each type moved: changed here by pulls, or pushed (deletions too). */
export type MovedCounts = Record<'sessions' | 'routines' | 'settings' | 'checks', number>;

const MOVED_KEY: Record<DocType, keyof MovedCounts> = {
	session: 'sessions',
	routine: 'routines',
	settings: 'settings',
	check: 'checks'
};

/** What a sync did. */
export interface SyncReport {
	/** Documents received from the server. */
	pulled: number;
	/** Documents that changed on this device because of them. */
	changed: number;
	/** Documents the server took from this device. */
	pushed: number;
	/** Pulled documents that failed the checks: not stored. */
	skipped: SkippedDoc[];
	/** Documents the server would not store (kept here, sent again next time). */
	refused: RefusedDoc[];
	/** Pushes the server refused as conflicts (each then pulled, merged and pushed again). */
	conflicts: number;
	/** Whether sync started over (first sync, or the server's database is not the one it was). */
	startedOver: boolean;
	/**
	 * Per type, the documents that changed here because of pulls plus those pushed (a deletion
	 * counts under its type; a document pulled, merged and pushed again counts twice): what the
	 * person is told moved ("12 sessions, 1 routine").
	 */
	moved: MovedCounts;
}

/** How many times a push is retried after conflicts (each after pulling again). */
export const MAX_PUSH_ROUNDS = 5;

/** Syncs this device with the server both ways. Rejects with a SyncError. */
export async function replicate(options: SyncOptions): Promise<SyncReport> {
	const run = new Replication(options);
	return run.run();
}

interface ChangeRow {
	seq: unknown;
	id: string;
	changes?: { rev: string }[];
	deleted?: boolean;
	doc?: unknown;
}

class Replication {
	readonly #options: SyncOptions;
	readonly #client: CouchClient;
	readonly #local: LocalStore;
	readonly #batch: number;
	readonly #checkpointId: string;
	#checkpoint: SyncCheckpoint = startingCheckpoint('');
	#remoteRev: string | undefined;
	readonly #report: SyncReport = {
		pulled: 0,
		changed: 0,
		pushed: 0,
		skipped: [],
		refused: [],
		conflicts: 0,
		startedOver: false,
		moved: { sessions: 0, routines: 0, settings: 0, checks: 0 }
	};

	constructor(options: SyncOptions) {
		this.#options = options;
		this.#client = new CouchClient(options.target, options.fetch, options.timeoutMs);
		this.#local = options.local;
		this.#batch = Math.max(1, Math.floor(options.batchSize ?? 100));
		this.#checkpointId = replicationId(options.deviceId);
	}

	async run(): Promise<SyncReport> {
		// The database itself first: 401, 403 and 404 are reported before anything changes.
		const info = await this.#client.request('GET', '', undefined, [404]);
		if (info.status === 404) throw new SyncError('no-database', reasonOf(info.body));
		const remote = await readRemoteCheckpoint(this.#client, this.#checkpointId);
		this.#remoteRev = remote.rev;
		const agreed = agreedCheckpoint(await this.#local.getCheckpoint(), remote.checkpoint);
		if (agreed) this.#checkpoint = agreed;
		else {
			this.#checkpoint = startingCheckpoint(this.#options.newId());
			this.#report.startedOver = true;
			await this.#local.startOver(this.#checkpoint);
			await this.#saveRemoteCheckpoint();
		}
		await this.#pull();
		await this.#push();
		return this.#report;
	}

	/** Why a document that keeps meeting a conflict is held back. */
	#stuckReason(id: string): string {
		const skipped = this.#report.skipped.find((skip) => skip.id === id);
		const why = skipped ? `: ${skipped.problem}` : '';
		return `conflict: the server's version could not be taken in${why}`;
	}

	#countMoved(id: string): void {
		const type = parseDocId(id)?.type;
		if (type) this.#report.moved[MOVED_KEY[type]]++;
	}

	async #saveRemoteCheckpoint(): Promise<void> {
		this.#remoteRev = await writeRemoteCheckpoint(
			this.#client,
			this.#checkpointId,
			this.#checkpoint,
			this.#remoteRev
		);
	}

	/** Pulls every change after the pull checkpoint, a batch at a time. */
	async #pull(): Promise<void> {
		let done = 0;
		for (;;) {
			const since = encodeURIComponent(this.#checkpoint.pull);
			const { body } = await this.#client.request(
				'GET',
				`_changes?since=${since}&include_docs=true&limit=${this.#batch}`
			);
			const { results, lastSeq, pending } = readChanges(body);
			if (results.length === 0) break;
			const inputs = results.map(
				(row) =>
					row.doc ?? { _id: row.id, _rev: row.changes?.[0]?.rev, _deleted: row.deleted === true }
			);
			const checked = validatePulled(inputs, this.#options.context);
			this.#report.skipped.push(...checked.skipped);
			const checkpoint = { ...this.#checkpoint, pull: lastSeq };
			// Which of them will change what is stored here, by the rule the store applies.
			const before = await this.#local.getMany(checked.docs.map((doc) => doc._id));
			const changing = checked.docs.filter(
				(doc) => resolvePulled(before.get(doc._id), doc).changed
			);
			this.#report.changed += await this.#local.applyPulled(checked.docs, checkpoint);
			for (const doc of changing) this.#countMoved(doc._id);
			this.#checkpoint = checkpoint;
			this.#report.pulled += checked.docs.length;
			await this.#saveRemoteCheckpoint();
			done += results.length;
			const left = pending ?? (results.length < this.#batch ? 0 : this.#batch);
			this.#options.onProgress?.({ phase: 'pull', done, total: done + left });
			if (pending === 0 || (pending === undefined && results.length < this.#batch)) break;
		}
	}

	/**
	 * Pushes the local changes after the push checkpoint; after a conflict, pulls and goes on.
	 * The saved checkpoint stops before the first document refused in this sync (so it is sent
	 * again next time); `cursor` is how far this sync has looked.
	 */
	async #push(): Promise<void> {
		let done = 0;
		let total = await this.#local.countPending(this.#checkpoint.push);
		let cursor = this.#checkpoint.push;
		let held = Infinity;
		const refused = new Set<string>();
		// The revision each document was based on when it met a conflict in this sync.
		const conflictedAt = new Map<string, string | undefined>();
		const refuse = (entry: LocalEntry, reason: string) => {
			refused.add(entry.doc._id);
			held = Math.min(held, entry.seq);
			this.#report.refused.push({ id: entry.doc._id, reason });
		};
		for (let round = 1; ;) {
			const entries = await this.#local.changesSince(cursor, this.#batch);
			if (entries.length === 0) return;
			const sending: LocalEntry[] = [];
			for (const entry of entries) {
				if (!entry.pending || refused.has(entry.doc._id)) continue;
				// Pulling after its conflict brought no newer version of it (the server's failed the
				// checks, so it was skipped): sending it again would only meet the same conflict.
				const id = entry.doc._id;
				if (conflictedAt.has(id) && conflictedAt.get(id) === entry.rev) {
					refuse(entry, this.#stuckReason(id));
				} else sending.push(entry);
			}
			const conflicts: LocalEntry[] = [];
			const pushed: { id: string; rev: string; seq: number }[] = [];
			if (sending.length > 0) {
				const { body } = await this.#client.request('POST', '_bulk_docs', {
					docs: sending.map(toCouch)
				});
				const answers = answersById(body);
				sending.forEach((entry) => {
					const answer = answers.get(entry.doc._id) ?? {};
					if (typeof answer.rev === 'string' && answer.error === undefined) {
						pushed.push({ id: entry.doc._id, rev: answer.rev, seq: entry.seq });
					} else if (answer.error === 'conflict') {
						conflicts.push(entry);
						conflictedAt.set(entry.doc._id, entry.rev);
					} else refuse(entry, reasonOf(answer) || 'no answer from the server');
				});
			}
			// After a conflict, look again from the first one (once pulled and merged).
			const last = entries.at(-1)!.seq;
			cursor = conflicts.length > 0 ? Math.min(...conflicts.map((e) => e.seq)) - 1 : last;
			const push = Math.max(this.#checkpoint.push, Math.min(cursor, held - 1));
			this.#checkpoint = { ...this.#checkpoint, push };
			await this.#local.markPushed(pushed, this.#checkpoint);
			await this.#saveRemoteCheckpoint();
			this.#report.pushed += pushed.length;
			for (const { id } of pushed) this.#countMoved(id);
			done += pushed.length;
			this.#options.onProgress?.({ phase: 'push', done, total: Math.max(total, done) });
			if (conflicts.length > 0) {
				this.#report.conflicts += conflicts.length;
				if (++round > MAX_PUSH_ROUNDS) throw new SyncError('conflicts');
				await this.#pull();
				total = done + (await this.#local.countPending(cursor));
			}
		}
	}
}

/** What `_bulk_docs` answered for each document, by id. */
function answersById(body: unknown): Map<string, { rev?: unknown; error?: unknown }> {
	const answers = new Map<string, { rev?: unknown; error?: unknown }>();
	for (const answer of Array.isArray(body) ? (body as unknown[]) : []) {
		if (typeof answer !== 'object' || answer === null) continue;
		const { id } = answer as { id?: unknown };
		if (typeof id === 'string') answers.set(id, answer as { rev?: unknown; error?: unknown });
	}
	return answers;
}

/** A document as sent to the server: its content and the revision it is based on. */
function toCouch(entry: LocalEntry): SyncDoc {
	const doc = { ...entry.doc };
	if (entry.rev !== undefined) doc._rev = entry.rev;
	else delete doc._rev;
	return doc;
}

/** The rows of a `_changes` answer, its last sequence, and how many changes are left. */
function readChanges(body: unknown): {
	results: ChangeRow[];
	lastSeq: string;
	pending: number | undefined;
} {
	const answer = (typeof body === 'object' && body !== null ? body : {}) as {
		results?: unknown;
		last_seq?: unknown;
		pending?: unknown;
	};
	if (!Array.isArray(answer.results) || answer.last_seq === undefined) {
		throw new SyncError('server', '_changes: not a list of changes');
	}
	const results = (answer.results as unknown[]).filter(
		(row): row is ChangeRow =>
			typeof row === 'object' && row !== null && typeof (row as ChangeRow).id === 'string'
	);
	return {
		results,
		lastSeq: String(answer.last_seq as string | number),
		pending: typeof answer.pending === 'number' ? answer.pending : undefined
	};
}
