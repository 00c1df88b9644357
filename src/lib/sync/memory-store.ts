// The device's side of sync kept in memory: the reference implementation of LocalStore that the
// replicator's tests run against (the IndexedDB one will keep the same rules). `write` is how the
// app records a change of its own.
import type { SyncCheckpoint } from './checkpoint';
import type { SyncDoc } from './documents';
import { contentOf } from './merge';
import { resolvePulled, type LocalEntry, type LocalStore } from './local-store';

/** A LocalStore in memory. */
export class MemoryStore implements LocalStore {
	readonly entries = new Map<string, LocalEntry>();
	checkpoint: SyncCheckpoint | undefined;
	#seq = 0;

	/** Records a change made on this device (to be pushed). */
	write(doc: SyncDoc): void {
		const before = this.entries.get(doc._id);
		const entry: LocalEntry = {
			doc: structuredClone(contentOf(doc)) as SyncDoc,
			seq: ++this.#seq,
			pending: true
		};
		if (before?.rev !== undefined) entry.rev = before.rev;
		this.entries.set(doc._id, entry);
	}

	/** The document's content as stored here, or undefined. */
	doc(id: string): SyncDoc | undefined {
		return this.entries.get(id)?.doc;
	}

	getMany(ids: readonly string[]): Promise<Map<string, LocalEntry>> {
		const found = new Map<string, LocalEntry>();
		for (const id of ids) {
			const entry = this.entries.get(id);
			if (entry) found.set(id, structuredClone(entry));
		}
		return Promise.resolve(found);
	}

	applyPulled(docs: readonly SyncDoc[], checkpoint: SyncCheckpoint): Promise<number> {
		let changed = 0;
		for (const remote of docs) {
			const before = this.entries.get(remote._id);
			const write = resolvePulled(before, remote);
			if (write.changed) changed++;
			this.entries.set(remote._id, {
				doc: structuredClone(write.doc),
				rev: write.rev,
				seq: write.pending ? ++this.#seq : (before?.seq ?? 0),
				pending: write.pending
			});
		}
		this.checkpoint = { ...checkpoint };
		return Promise.resolve(changed);
	}

	changesSince(since: number, limit: number): Promise<LocalEntry[]> {
		const found = [...this.entries.values()]
			.filter((entry) => entry.seq > since)
			.sort((a, b) => a.seq - b.seq)
			.slice(0, limit);
		return Promise.resolve(structuredClone(found));
	}

	countPending(since: number): Promise<number> {
		let count = 0;
		for (const entry of this.entries.values()) if (entry.pending && entry.seq > since) count++;
		return Promise.resolve(count);
	}

	markPushed(
		pushed: readonly { id: string; rev: string; seq: number }[],
		checkpoint: SyncCheckpoint
	): Promise<void> {
		for (const { id, rev, seq } of pushed) {
			const entry = this.entries.get(id);
			if (!entry) continue;
			entry.rev = rev;
			if (entry.seq === seq) entry.pending = false;
		}
		this.checkpoint = { ...checkpoint };
		return Promise.resolve();
	}

	getCheckpoint(): Promise<SyncCheckpoint | undefined> {
		return Promise.resolve(this.checkpoint && { ...this.checkpoint });
	}

	startOver(checkpoint: SyncCheckpoint): Promise<void> {
		for (const entry of this.entries.values()) {
			delete entry.rev;
			entry.pending = true;
			entry.seq = ++this.#seq;
		}
		this.checkpoint = { ...checkpoint };
		return Promise.resolve();
	}
}
