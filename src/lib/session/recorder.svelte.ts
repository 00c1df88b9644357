// The session recorder: what happens to a session once it has ended. Its life cycle:
//
//   ended ──store()──▶ stored ──answer()──▶ answered (the same record, updated)
//     │                  ▲
//     └─ failed ─Retry───┘
//
// store() first writes the session's checkpoint with the finished record in it (strict), then
// stores the record and removes that checkpoint in one transaction. If storing fails (a full
// disk, another tab upgraded the database, a closed connection), the checkpoint still holds the
// record: Retry on screen, or a reload, stores it (recoverFinishedSessions). The summary's
// answers update the stored record by id; they never add a second one. After a store or an
// answer the program's level is moved on, persistence is requested once, and advice is kept for
// the summary to show.
import type { Program } from '$lib/program/types';
import { requestPersistence } from '$lib/pwa/persistence';
import { assessSession } from '$lib/safety/pain-rule';
import { settings } from '$lib/settings.svelte';
import { loadCheckpoints, saveCheckpoint, type Checkpoint } from '$lib/storage/checkpoint';
import { answerSession, saveSession } from '$lib/storage/sessions';
import { hasAnswers, withAnswers, type SessionAnswers } from './answers';
import { progressLevel } from './levels';
import type { SessionRecord } from './record';

export type StoreStatus = 'storing' | 'stored' | 'failed';
export type AnswerStatus = 'none' | 'saving' | 'saved' | 'failed';

export interface RecorderOptions {
	/** The program as defined (not at a level), for progression; null when it is gone. */
	program: Program | null;
	/** The session's last checkpoint, to keep the finished record in until it is stored. */
	checkpoint?: Checkpoint;
	/** Wall-clock time source (tests). */
	wallNow?: () => number;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A finished session on its way into the log, observable by the summary screen. */
export class SessionRecorder {
	record: SessionRecord = $state.raw() as SessionRecord;
	status: StoreStatus = $state('storing');
	answerStatus: AnswerStatus = $state('none');
	/** Why the last store or answer failed, or ''. */
	problem = $state('');
	/** Advice to show: the pain rule's and the level's, after the latest answer. */
	advice: string[] = $state([]);

	readonly #program: Program | null;
	readonly #checkpoint: Checkpoint | undefined;
	readonly #wallNow: () => number;
	#storing: Promise<boolean> | null = null;

	constructor(record: SessionRecord, options: RecorderOptions) {
		this.record = record;
		this.#program = options.program;
		this.#checkpoint = options.checkpoint;
		this.#wallNow = options.wallNow ?? (() => Date.now());
	}

	/** Stores the record (again, after a failure); resolves to whether it is stored now. */
	store(): Promise<boolean> {
		this.#storing ??= this.#store().finally(() => (this.#storing = null));
		return this.#storing;
	}

	/** Adds the summary's answers to the record (stored, or kept with it until it is). */
	async answer(answers: SessionAnswers): Promise<boolean> {
		if (!hasAnswers(answers)) return true;
		this.answerStatus = 'saving';
		this.problem = '';
		try {
			if (this.status === 'storing') await this.#storing;
			if (this.status === 'stored') {
				this.record = await answerSession(this.record.id, answers);
			} else {
				this.record = withAnswers(this.record, answers);
				if (!(await this.store())) throw new Error(this.problem);
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
		// First the checkpoint keeps the finished record, so a failed store below (or a battery
		// that dies now) loses nothing: a reload finds it and stores it.
		await this.#keepInCheckpoint();
		try {
			await saveSession(this.record);
		} catch (error) {
			this.problem = messageOf(error);
			this.status = 'failed';
			return false;
		}
		this.status = 'stored';
		await this.#afterStore();
		return true;
	}

	async #keepInCheckpoint(): Promise<void> {
		const base = this.#checkpoint;
		if (!base) return;
		const record = this.record;
		try {
			await saveCheckpoint({ ...base, sessionId: record.id, savedAt: this.#wallNow(), record });
		} catch {
			// The record is still here, on screen, with Retry.
		}
	}

	async #afterStore(): Promise<void> {
		await settings.load();
		if (!settings.values.persistRequested) {
			void requestPersistence().then(() => settings.set('persistRequested', true));
		}
		try {
			await this.#moveLevel();
		} catch {
			// The session is stored; the level simply stays where it was.
		}
	}

	async #afterAnswers(): Promise<string[]> {
		const advice: string[] = [];
		const { painBefore, painAfter } = this.record;
		const pain = assessSession({ painBefore, painAfter });
		if (pain.acceptable !== null || painAfter !== undefined) advice.push(pain.message);
		try {
			const level = await this.#moveLevel();
			if (level) advice.push(level);
		} catch {
			// The answers are stored; the level stays where it was.
		}
		return advice;
	}

	/** Moves the program's level on; its message, or '' when there is no progression. */
	async #moveLevel(): Promise<string> {
		if (!this.#program) return '';
		const result = await progressLevel(this.#program);
		return result?.message ?? '';
	}
}

/**
 * Stores every finished session still waiting in a checkpoint (its store failed, or the page
 * went away first); resolves to the records stored. Never throws: what cannot be stored now
 * stays in its checkpoint for the next try.
 */
export async function recoverFinishedSessions(
	findProgram: (id: string) => Promise<Program | null> = () => Promise.resolve(null)
): Promise<SessionRecord[]> {
	const stored: SessionRecord[] = [];
	let checkpoints: Checkpoint[];
	try {
		checkpoints = await loadCheckpoints();
	} catch {
		return stored;
	}
	for (const checkpoint of checkpoints) {
		if (!checkpoint.record) continue;
		const program = await findProgram(checkpoint.programId).catch(() => null);
		const recorder = new SessionRecorder(checkpoint.record, { program, checkpoint });
		if (await recorder.store()) stored.push(recorder.record);
	}
	return stored;
}
