// The session recorder: what happens to a session once it has ended. Its life cycle:
//
//   ended ──store()──▶ stored ──answer()──▶ answered (the same record, updated)
//     │                  ▲
//     └─ failed ─Retry───┘
//
// store() first keeps the finished record where a reload finds it: in the session's checkpoint
// (strict), or, when IndexedDB cannot be written at all (another tab upgraded it, a private
// mode), in localStorage. Then it stores the record, if no record with its id is stored yet, and
// removes the checkpoint, in one transaction. If storing fails (a full disk, a closed
// connection), the record waits where it was kept: Retry on screen, or the next time the app
// opens, recoverFinishedSessions() stores it. The summary's answers update the stored record by
// id; they never add a second one, and answers given while the record was not stored yet are
// applied once it is. After a store or an answer the program's level is moved on, persistence is
// requested once, and advice is kept for the summary to show.
import { tryLocalDay } from '$lib/adherence/days';
import { followChoice } from '$lib/adherence/follow';
import type { Locale } from '$lib/i18n/locale';
import type { Program } from '$lib/program/types';
import { requestPersistence } from '$lib/pwa/persistence';
import { assessSession } from '$lib/safety/pain-rule';
import { settings } from '$lib/settings.svelte';
import { loadCheckpoints, saveCheckpoint, type Checkpoint } from '$lib/storage/checkpoint';
import { answerSession, storeNewSession } from '$lib/storage/sessions';
import { hasAnswers, withAnswers, type SessionAnswers } from '$lib/session/answers';
import { progressLevel } from './levels';
import type { SessionRecord } from '$lib/session/record';

export type StoreStatus = 'storing' | 'stored' | 'failed';
export type AnswerStatus = 'none' | 'saving' | 'saved' | 'failed';
/** Where a record that is not stored yet waits: where a reload finds it, or only in memory. */
export type Kept = 'checkpoint' | 'local' | 'memory';

/** localStorage keys of finished records that IndexedDB could not take at all. */
export const UNSAVED_PREFIX = 'limber-unsaved-session:';

export interface RecorderOptions {
	/** The program as defined (not at a level), for progression; null when it is gone. */
	program: Program | null;
	/** The session's last checkpoint, to keep the finished record in until it is stored. */
	checkpoint?: Checkpoint;
	/** The record comes from that checkpoint as stored (a recovery): it is kept there already. */
	recovered?: boolean;
	/** Wall-clock time source (tests). */
	wallNow?: () => number;
	/** Where records go when IndexedDB cannot take them (tests; default localStorage). */
	fallback?: Pick<Storage, 'setItem' | 'removeItem'> | null;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function browserStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** A finished session on its way into the log, observable by the summary screen. */
export class SessionRecorder {
	record: SessionRecord = $state.raw() as SessionRecord;
	status: StoreStatus = $state('storing');
	answerStatus: AnswerStatus = $state('none');
	/** Until it is stored: where the record waits. */
	kept: Kept = $state('memory');
	/** Why the last store or answer failed, or ''. */
	problem = $state('');
	/** Advice to show: the pain rule's and the level's, after the latest answer. */
	advice: string[] = $state([]);

	readonly #program: Program | null;
	readonly #checkpoint: Checkpoint | undefined;
	#inCheckpoint: boolean;
	readonly #wallNow: () => number;
	readonly #fallback: Pick<Storage, 'setItem' | 'removeItem'> | null;
	#storing: Promise<boolean> | null = null;
	/** Answers given before the record was stored, applied once it is. */
	#pending: SessionAnswers | null = null;
	/** The language of the advice: the one the answers were given in. */
	#locale: Locale = 'en';

	constructor(record: SessionRecord, options: RecorderOptions) {
		this.record = record;
		this.#program = options.program;
		this.#checkpoint = options.checkpoint;
		this.#wallNow = options.wallNow ?? (() => Date.now());
		this.#fallback = options.fallback === undefined ? browserStorage() : options.fallback;
		this.#inCheckpoint = Boolean(options.recovered && options.checkpoint?.record);
		if (this.#inCheckpoint) this.kept = 'checkpoint';
	}

	/** Stores the record (again, after a failure); resolves to whether it is stored now. */
	store(): Promise<boolean> {
		this.#storing ??= this.#store().finally(() => (this.#storing = null));
		return this.#storing;
	}

	/** Adds the summary's answers to the record (stored, or kept with it until it is); the advice
	 *  that follows is in `locale`. */
	async answer(answers: SessionAnswers, locale: Locale = 'en'): Promise<boolean> {
		if (!hasAnswers(answers)) return true;
		this.#locale = locale;
		this.answerStatus = 'saving';
		this.problem = '';
		try {
			if (this.status === 'storing') await this.#storing;
			if (this.status !== 'stored') {
				this.record = withAnswers(this.record, answers);
				this.#pending = { ...this.#pending, ...answers };
				if (!(await this.store())) throw new Error(this.problem);
			} else {
				this.record = await answerSession(this.record.id, answers);
			}
			this.answerStatus = 'saved';
			this.advice = await this.#afterAnswers();
			return true;
		} catch (error) {
			this.problem = messageOf(error);
			this.answerStatus = 'failed';
			return false;
		}
	}

	async #store(): Promise<boolean> {
		this.status = 'storing';
		this.problem = '';
		// First the record goes where a reload finds it, so a failed store below (or a battery
		// that dies now) loses nothing.
		await this.#keep();
		try {
			this.record = await storeNewSession(this.record);
			if (this.#pending) {
				// Answered while it waited (or stored meanwhile by another tab without them).
				this.record = await answerSession(this.record.id, this.#pending);
				this.#pending = null;
				this.answerStatus = 'saved';
				this.advice = await this.#afterAnswers();
			}
		} catch (error) {
			this.problem = messageOf(error);
			this.status = 'failed';
			return false;
		}
		this.#fallback?.removeItem(UNSAVED_PREFIX + this.record.id);
		this.status = 'stored';
		await this.#afterStore();
		return true;
	}

	async #keep(): Promise<void> {
		const base = this.#checkpoint;
		const record = this.record;
		// A recovered record is in its checkpoint already (unless answers were added since).
		if (this.#inCheckpoint && base?.record === record) return;
		if (base) {
			try {
				await saveCheckpoint({ ...base, sessionId: record.id, savedAt: this.#wallNow(), record });
				this.kept = 'checkpoint';
				return;
			} catch {
				// IndexedDB cannot take even this: try localStorage below.
			}
		}
		try {
			if (!this.#fallback) throw new Error('no localStorage');
			this.#fallback.setItem(UNSAVED_PREFIX + record.id, JSON.stringify(record));
			this.kept = 'local';
		} catch {
			if (this.kept !== 'checkpoint') this.kept = 'memory';
		}
	}

	async #afterStore(): Promise<void> {
		await settings.load();
		if (!settings.values.persistRequested) {
			void requestPersistence().then(() => settings.set('persistRequested', true));
		}
		// Playing a routine follows it (from this session's day, unless already followed).
		const { programId, startedAt } = this.record;
		const day = tryLocalDay(startedAt);
		if (day) {
			await settings.update('follows', (follows) => {
				const current = Object.hasOwn(follows, programId) ? follows[programId] : undefined;
				const next = followChoice(current, day);
				return next === current ? follows : { ...follows, [programId]: next };
			});
		}
		try {
			await this.#moveLevel();
		} catch {
			// The session is stored; the level simply stays where it was.
		}
	}

	async #afterAnswers(): Promise<string[]> {
		const locale = this.#locale;
		const advice: string[] = [];
		const { painBefore, painAfter } = this.record;
		const pain = assessSession({ painBefore, painAfter }, locale);
		if (pain.acceptable !== null || painAfter !== undefined) advice.push(pain.message);
		try {
			const level = await this.#moveLevel(locale);
			if (level) advice.push(level);
		} catch {
			// The answers are stored; the level stays where it was.
		}
		return advice;
	}

	/** Moves the program's level on; its message, or '' when there is no progression. */
	async #moveLevel(locale: Locale = 'en'): Promise<string> {
		if (!this.#program) return '';
		const result = await progressLevel(this.#program, locale);
		return result?.message ?? '';
	}
}

/** Finished records waiting in localStorage (IndexedDB could not take them when they ended). */
function unsavedIn(storage: Storage | null): SessionRecord[] {
	if (!storage) return [];
	const records: SessionRecord[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (!key?.startsWith(UNSAVED_PREFIX)) continue;
		try {
			const record = JSON.parse(storage.getItem(key) ?? '') as SessionRecord;
			if (record.id === key.slice(UNSAVED_PREFIX.length)) records.push(record);
		} catch {
			// Not a record: leave it.
		}
	}
	return records;
}

/** Runs `body` while holding the device's recovery lock (Web Locks), so two tabs never recover
 * at once; without Web Locks it just runs (storeNewSession keeps a double store harmless). */
async function exclusively<T>(body: () => Promise<T>): Promise<T> {
	const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
	if (!locks) return body();
	return locks.request('limber-recover', body) as Promise<T>;
}

/**
 * Stores every finished session still waiting in a checkpoint or in localStorage (its store
 * failed, or the page went away first); resolves to the records now stored. Never throws: what
 * cannot be stored now stays where it waits, for the next try.
 */
export async function recoverFinishedSessions(
	findProgram: (id: string) => Promise<Program | null> = () => Promise.resolve(null),
	fallback: Storage | null = browserStorage()
): Promise<SessionRecord[]> {
	return exclusively(async () => {
		const stored: SessionRecord[] = [];
		let checkpoints: Checkpoint[] = [];
		try {
			checkpoints = await loadCheckpoints();
		} catch {
			// Nothing to read now; localStorage may still hold some.
		}
		const waiting: { record: SessionRecord; checkpoint?: Checkpoint }[] = checkpoints
			.filter((checkpoint) => checkpoint.record)
			.map((checkpoint) => ({ record: checkpoint.record!, checkpoint }));
		for (const record of unsavedIn(fallback)) {
			if (!waiting.some((w) => w.record.id === record.id)) waiting.push({ record });
		}
		for (const { record, checkpoint } of waiting) {
			const program = await findProgram(record.programId).catch(() => null);
			const recorder = new SessionRecorder(record, {
				program,
				checkpoint,
				recovered: true,
				fallback
			});
			if (await recorder.store()) stored.push(recorder.record);
		}
		return stored;
	});
}
