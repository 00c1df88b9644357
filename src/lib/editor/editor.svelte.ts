// The routine builder's state: one program being made or changed, kept as a draft in IndexedDB
// on every change, checked by the one validator and previewed with the player's own timeline.
// The program is a deep $state so that the fields can bind to it; everything shown about it
// (problems, advice, length, preview) is derived from a plain snapshot of it.
import { getContext, setContext } from 'svelte';
import {
	addCatalogueExercise,
	addExercise,
	cloneProgram,
	copyProgram,
	duplicateExercise,
	forSaving,
	idForSaving,
	moveExercise,
	newProgram,
	removeExercise,
	restoreExercise,
	type Removed
} from '$lib/builder/edit';
import type { CatalogueEntry } from '$lib/builder/catalogue';
import { previewRows, type PreviewRow } from '$lib/builder/preview';
import { expandTimeline } from '$lib/program/timeline';
import { validateProgram } from '$lib/program/validate';
import type { Advice, Exercise, Problem, Program } from '$lib/program/types';
import { deleteDraft, getDraft, putDraft, saveDraftAsProgram } from '$lib/storage/drafts';
import type { DraftMode, StoredDraft } from '$lib/storage/drafts';
import { getImportedProgramEntry } from '$lib/storage/programs';
import { isoTime } from '$lib/time';

/** How long after the last keystroke the draft is written (a reload loses at most this). */
export const DRAFT_WRITE_DELAY_MS = 250;

export type SaveState =
	| { kind: 'idle' }
	| { kind: 'saving' }
	| { kind: 'saved'; id: string; title: string; version: number }
	| { kind: 'failed'; message: string };

/** A new draft id: time and randomness, so two tabs never pick the same one. */
export function newDraftId(): string {
	const random = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
	return `d${Date.now().toString(36)}${random.toString(36)}`;
}

export class RoutineEditor {
	readonly draftId: string;
	readonly mode: DraftMode;
	readonly sourceId: string | undefined;
	program: Program = $state(newProgram());
	/** The last exercise removed, until Undo or the next removal. */
	removed: Removed | null = $state(null);
	save: SaveState = $state({ kind: 'idle' });
	/** Whether the latest change is written to the draft. */
	draftWritten = $state(true);
	draftError = $state('');

	// A plain copy through JSON, as the program will be saved (no undefined fields).
	readonly snapshot = $derived(JSON.parse(JSON.stringify(this.program)) as Program);
	readonly result = $derived(validateProgram(this.snapshot));
	readonly problems: Problem[] = $derived(this.result.ok ? [] : this.result.problems);
	readonly advice: Advice[] = $derived(this.result.ok ? this.result.advice : []);
	readonly timeline = $derived(this.result.ok ? expandTimeline(this.result.value) : null);
	readonly rows: PreviewRow[] = $derived(
		this.result.ok && this.timeline ? previewRows(this.result.value, this.timeline) : []
	);

	#timer: ReturnType<typeof setTimeout> | undefined;
	#writing: Promise<void> = Promise.resolve();

	constructor(draft: StoredDraft) {
		this.draftId = draft.id;
		this.mode = draft.mode;
		this.sourceId = draft.sourceId;
		this.program = draft.program;
	}

	/** Replaces the program (each edit function returns a new one) and keeps the draft. */
	set(program: Program): void {
		this.program = program;
		this.changed();
	}

	/** Call after a field bound to the program changed: the draft is written shortly after. */
	changed(): void {
		this.draftWritten = false;
		if (this.save.kind === 'saved' || this.save.kind === 'failed') this.save = { kind: 'idle' };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.writeDraft(), DRAFT_WRITE_DELAY_MS);
	}

	/** Writes the draft now (also on leaving the page). */
	async writeDraft(): Promise<void> {
		clearTimeout(this.#timer);
		const draft: StoredDraft = {
			id: this.draftId,
			mode: this.mode,
			...(this.sourceId !== undefined ? { sourceId: this.sourceId } : {}),
			program: this.snapshot,
			updatedAt: isoTime(Date.now())
		};
		this.#writing = this.#writing.then(async () => {
			try {
				await putDraft(draft);
				this.draftWritten = true;
				this.draftError = '';
			} catch (error) {
				this.draftError = error instanceof Error ? error.message : String(error);
			}
		});
		await this.#writing;
	}

	updateExercise(index: number, exercise: Exercise): void {
		this.set({
			...this.snapshot,
			exercises: this.snapshot.exercises.map((old, i) => (i === index ? exercise : old))
		});
	}

	add(exercise: Exercise): void {
		this.set(addExercise(this.snapshot, exercise));
	}

	addFromCatalogue(entry: CatalogueEntry): void {
		this.set(addCatalogueExercise(this.snapshot, entry));
	}

	move(from: number, to: number): void {
		this.set(moveExercise(this.snapshot, from, to));
	}

	duplicate(index: number): void {
		this.set(duplicateExercise(this.snapshot, index));
	}

	remove(index: number): void {
		const { program, removed } = removeExercise(this.snapshot, index);
		this.removed = removed;
		this.set(program);
	}

	undoRemove(): void {
		if (!this.removed) return;
		const removed = this.removed;
		this.removed = null;
		this.set(restoreExercise(this.snapshot, removed));
	}

	/**
	 * Saves the routine as an imported program (a new id from its title the first time, one more
	 * version each time) and removes the draft. Refused while the validator finds a problem.
	 */
	async saveProgram(takenIds: ReadonlySet<string>): Promise<Program | null> {
		if (!this.result.ok) return null;
		this.save = { kind: 'saving' };
		try {
			const storedId = this.mode === 'edit' ? this.sourceId : undefined;
			const stored = storedId ? await getImportedProgramEntry(storedId) : undefined;
			const id = idForSaving(this.result.value, storedId !== undefined, takenIds);
			const program = forSaving(
				this.result.value,
				storedId ?? id,
				stored?.ok ? stored.program.version : undefined
			);
			clearTimeout(this.#timer);
			await this.#writing;
			await saveDraftAsProgram(program, this.draftId);
			this.draftWritten = true;
			this.save = { kind: 'saved', id: program.id, title: program.title, version: program.version };
			return program;
		} catch (error) {
			this.save = {
				kind: 'failed',
				message: error instanceof Error ? error.message : String(error)
			};
			return null;
		}
	}

	/** Throws the draft away. */
	async discard(): Promise<void> {
		clearTimeout(this.#timer);
		await this.#writing;
		await deleteDraft(this.draftId);
	}
}

/** What the builder page was asked for: a draft to continue, a copy, an edit, or a new routine. */
export type EditorRequest =
	| { kind: 'draft'; id: string }
	| { kind: 'copy'; program: Program; takenIds: ReadonlySet<string> }
	| { kind: 'edit'; program: Program }
	| { kind: 'new' };

/** The draft id of editing a stored program in place: one per program, so it is found again. */
export const editDraftId = (programId: string) => `edit:${programId}`;

/** Opens (or makes and stores) the draft a request names; null when the draft is gone. */
export async function openDraft(request: EditorRequest): Promise<StoredDraft | null> {
	const now = isoTime(Date.now());
	let draft: StoredDraft;
	switch (request.kind) {
		case 'draft':
			return (await getDraft(request.id)) ?? null;
		case 'edit': {
			const existing = await getDraft(editDraftId(request.program.id));
			if (existing) return existing;
			draft = {
				id: editDraftId(request.program.id),
				mode: 'edit',
				sourceId: request.program.id,
				program: cloneProgram(request.program),
				updatedAt: now
			};
			break;
		}
		case 'copy':
			draft = {
				id: newDraftId(),
				mode: 'copy',
				sourceId: request.program.id,
				program: copyProgram(request.program, request.takenIds),
				updatedAt: now
			};
			break;
		case 'new':
			draft = { id: newDraftId(), mode: 'new', program: newProgram(), updatedAt: now };
			break;
	}
	await putDraft(draft);
	return draft;
}

const KEY = Symbol('routine editor');

export function setEditor(editor: RoutineEditor): void {
	setContext(KEY, editor);
}

export function getEditor(): RoutineEditor {
	return getContext<RoutineEditor>(KEY);
}
