// Session digests: the few fields History reads of each session, packed into one record of
// parallel columns (see PackedDigests in schema.ts). Pure: the repositories read the packed
// record, change it with these functions and write it back in the transaction that changes
// the sessions, so the two stores never disagree.
import type { SessionRecord } from '$lib/session/record';
// Relative, not $lib: the benchmark loads this module (through seed.ts) with tsx outside Vite,
// where $lib only resolves once .svelte-kit exists, which a fresh clone lacks.
import { countsAsDone } from '../adherence/session-index';
import { isRecord } from '../validation/problems';
import type { PackedDigests, SessionDigest } from './schema';

const COMPLETED = 1;
const COUNTS = 2;
/** History's list shows the start of a note; the whole note is in the record. */
export const DIGEST_NOTE_LENGTH = 160;
const EFFORTS = new Set(['too easy', 'about right', 'too hard']);

/** The digest of a stored session. Never throws, whatever an old or odd record holds. */
export function digestOf(record: SessionRecord): SessionDigest {
	const loose = record as unknown as Record<string, unknown>;
	const exercises = Array.isArray(loose.exercises) ? loose.exercises.filter(isRecord) : [];
	const digest: SessionDigest = {
		id: String(loose.id),
		startedAt: text(loose.startedAt),
		programId: text(loose.programId),
		programTitle: text(loose.programTitle),
		durationSeconds: typeof loose.durationSeconds === 'number' ? loose.durationSeconds : 0,
		completed: loose.completed === true,
		counts: countsAsDone({ exercises: exercises as unknown as SessionRecord['exercises'] })
	};
	if (typeof loose.painBefore === 'number') digest.painBefore = loose.painBefore;
	if (typeof loose.painAfter === 'number') digest.painAfter = loose.painAfter;
	if (typeof loose.effort === 'string' && EFFORTS.has(loose.effort)) {
		digest.effort = loose.effort as SessionDigest['effort'];
	}
	if (typeof loose.note === 'string' && loose.note !== '') digest.note = shortNote(loose.note);
	return digest;
}

/** A note as History's list shows it: cut at DIGEST_NOTE_LENGTH characters, with "…". */
export function shortNote(note: string): string {
	const chars = Array.from(note);
	return chars.length <= DIGEST_NOTE_LENGTH
		? note
		: `${chars
				.slice(0, DIGEST_NOTE_LENGTH - 1)
				.join('')
				.trimEnd()}…`;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** An empty packed record. */
export function emptyDigests(): PackedDigests {
	return {
		format: 2,
		ids: [],
		startedAt: [],
		programIds: [],
		programTitles: [],
		durationSeconds: [],
		flags: [],
		painBefore: [],
		painAfter: [],
		efforts: [],
		notes: []
	};
}

const COLUMNS = [
	'ids',
	'startedAt',
	'programIds',
	'programTitles',
	'durationSeconds',
	'flags',
	'painBefore',
	'painAfter',
	'efforts',
	'notes'
] as const;

/** Whether a stored value is a packed record this version can use (format and columns). */
export function isPackedDigests(value: unknown): value is PackedDigests {
	if (!isRecord(value) || value.format !== 2 || !Array.isArray(value.ids)) return false;
	const length = value.ids.length;
	return COLUMNS.every((name) => Array.isArray(value[name]) && value[name].length === length);
}

/** How many sessions a packed record describes. */
export function digestCount(packed: PackedDigests): number {
	return packed.ids.length;
}

/** Packs digests in the stored order (by startedAt, then id). */
export function packDigests(digests: readonly SessionDigest[]): PackedDigests {
	const sorted = [...digests].sort(compareDigests);
	const packed = emptyDigests();
	for (const digest of sorted) pushDigest(packed, packed.ids.length, digest);
	return packed;
}

/** The digests of a packed record, newest first (the order History lists them in). */
export function unpackDigests(packed: PackedDigests): SessionDigest[] {
	const digests: SessionDigest[] = new Array(packed.ids.length);
	for (let i = packed.ids.length - 1, out = 0; i >= 0; i--, out++) {
		const flags = packed.flags[i] ?? 0;
		const digest: SessionDigest = {
			id: packed.ids[i]!,
			startedAt: packed.startedAt[i]!,
			programId: packed.programIds[i]!,
			programTitle: packed.programTitles[i]!,
			durationSeconds: packed.durationSeconds[i]!,
			completed: (flags & COMPLETED) !== 0,
			counts: (flags & COUNTS) !== 0
		};
		const before = packed.painBefore[i];
		const after = packed.painAfter[i];
		if (typeof before === 'number') digest.painBefore = before;
		if (typeof after === 'number') digest.painAfter = after;
		const effort = packed.efforts[i];
		const note = packed.notes[i];
		if (typeof effort === 'string') digest.effort = effort as SessionDigest['effort'];
		if (typeof note === 'string') digest.note = note;
		digests[out] = digest;
	}
	return digests;
}

/**
 * Adds a session's digest to a packed record in place, replacing the digest with the same id
 * if there is one (a save of the same session again).
 */
export function putDigest(packed: PackedDigests, digest: SessionDigest): void {
	removeDigest(packed, digest.id);
	pushDigest(packed, insertionPoint(packed, digest), digest);
}

/**
 * Adds many digests at once (an import, a seed batch), replacing stored ones with the same ids;
 * returns the new packed record. One sort instead of a search per digest.
 */
export function putDigests(
	packed: PackedDigests,
	digests: readonly SessionDigest[]
): PackedDigests {
	const added = new Map(digests.map((digest) => [digest.id, digest]));
	const kept = unpackDigests(packed).filter((digest) => !added.has(digest.id));
	return packDigests([...kept, ...added.values()]);
}

/** Removes the digest with this id from a packed record in place; whether there was one. */
export function removeDigest(packed: PackedDigests, id: string): boolean {
	const at = packed.ids.indexOf(id);
	if (at < 0) return false;
	for (const name of COLUMNS) packed[name].splice(at, 1);
	return true;
}

/** Oldest first: by startedAt as text (as the index compares it), then by id. */
export function compareDigests(
	a: Pick<SessionDigest, 'startedAt' | 'id'>,
	b: Pick<SessionDigest, 'startedAt' | 'id'>
): number {
	if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where a digest goes so that the columns stay sorted (binary search; the newest is last). */
function insertionPoint(packed: PackedDigests, digest: SessionDigest): number {
	let low = 0;
	let high = packed.ids.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		const here = { startedAt: packed.startedAt[mid]!, id: packed.ids[mid]! };
		if (compareDigests(here, digest) < 0) low = mid + 1;
		else high = mid;
	}
	return low;
}

function pushDigest(packed: PackedDigests, at: number, digest: SessionDigest): void {
	const flags = (digest.completed ? COMPLETED : 0) | (digest.counts ? COUNTS : 0);
	const values: { [K in (typeof COLUMNS)[number]]: PackedDigests[K][number] } = {
		ids: digest.id,
		startedAt: digest.startedAt,
		programIds: digest.programId,
		programTitles: digest.programTitle,
		durationSeconds: digest.durationSeconds,
		flags,
		painBefore: digest.painBefore ?? null,
		painAfter: digest.painAfter ?? null,
		efforts: digest.effort ?? null,
		notes: digest.note ?? null
	};
	if (at === packed.ids.length) {
		for (const name of COLUMNS) (packed[name] as unknown[]).push(values[name]);
	} else {
		for (const name of COLUMNS) (packed[name] as unknown[]).splice(at, 0, values[name]);
	}
}
