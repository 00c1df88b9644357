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
import { BASE_LOCALE, type Locale } from '$lib/i18n/locale';
import { formatNumber } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { expandTimeline } from '$lib/program/timeline';
import { fitTranslations } from '$lib/program/localize';
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
	/** What the last move, copy or removal did, for the page's status line. */
	announcement = $state('');
	/** The interface's language: of the announcements and the preview (the page keeps it up to date). */
	locale: Locale = $state(BASE_LOCALE);
	/** Whether the draft is in IndexedDB yet (a new routine or a copy is kept from its first change). */
	stored: boolean;
	/** Called once, when the draft is first written (the page then names it in its address). */
	onstored: ((id: string) => void) | undefined;
	/** Saved or thrown away: nothing is written to the draft any more. */
	#closed = false;

	// A plain copy through JSON, as the program will be saved (no undefined fields, and only the
	// translations that still fit it: the builder edits one language and cannot show the others).
	readonly snapshot = $derived(
		JSON.parse(JSON.stringify(fitTranslations(this.program as Program))) as Program
	);
	readonly result = $derived(validateProgram(this.snapshot));
	readonly problems: Problem[] = $derived(this.result.ok ? [] : this.result.problems);
	readonly advice: Advice[] = $derived(this.result.ok ? this.result.advice : []);
	readonly timeline = $derived(this.result.ok ? expandTimeline(this.result.value) : null);
	readonly rows: PreviewRow[] = $derived(
		this.result.ok && this.timeline
			? previewRows(this.result.value, this.timeline, this.locale)
			: []
	);

	#timer: ReturnType<typeof setTimeout> | undefined;
	#writing: Promise<void> = Promise.resolve();

	readonly baseVersion: number | undefined;

	constructor(draft: StoredDraft, stored = true) {
		this.draftId = draft.id;
		this.mode = draft.mode;
		this.sourceId = draft.sourceId;
		this.baseVersion = draft.baseVersion;
		this.program = draft.program;
		this.stored = stored;
	}

	/** Replaces the program (each edit function returns a new one) and keeps the draft. */
	set(program: Program): void {
		this.program = program;
		this.changed();
	}

	/** Call after a field bound to the program changed: the draft is written shortly after. */
	changed(): void {
		if (this.#closed) return;
		this.draftWritten = false;
		if (this.save.kind === 'saved' || this.save.kind === 'failed') this.save = { kind: 'idle' };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.writeDraft(), DRAFT_WRITE_DELAY_MS);
	}

	/** Writes the draft now (also on leaving the page). */
	async writeDraft(): Promise<void> {
		clearTimeout(this.#timer);
		if (this.#closed) return;
		const draft: StoredDraft = {
			id: this.draftId,
			mode: this.mode,
			...(this.sourceId !== undefined ? { sourceId: this.sourceId } : {}),
			...(this.baseVersion !== undefined ? { baseVersion: this.baseVersion } : {}),
			program: this.snapshot,
			updatedAt: isoTime(Date.now())
		};
		this.#writing = this.#writing.then(async () => {
			if (this.#closed) return;
			try {
				await putDraft(draft);
				this.draftWritten = true;
				this.draftError = '';
				if (!this.stored) {
					this.stored = true;
					this.onstored?.(this.draftId);
				}
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

	#n = (value: number) => formatNumber(value, this.locale);
	#name = (index: number) =>
		this.snapshot.exercises[index]?.name ||
		m.builder_exercise_number({ number: this.#n(index + 1) }, { locale: this.locale });

	move(from: number, to: number): void {
		const name = this.#name(from);
		this.set(moveExercise(this.snapshot, from, to));
		const count = this.snapshot.exercises.length;
		const at = Math.max(0, Math.min(to, count - 1));
		this.announcement = m.builder_moved(
			{ name, place: this.#n(at + 1), count: this.#n(count) },
			{ locale: this.locale }
		);
	}

	duplicate(index: number): void {
		const name = this.#name(index);
		this.set(duplicateExercise(this.snapshot, index));
		this.announcement = m.builder_copied(
			{ name, number: this.#n(index + 2) },
			{ locale: this.locale }
		);
	}

	remove(index: number): void {
		const name = this.#name(index);
		const { program, removed } = removeExercise(this.snapshot, index);
		this.removed = removed;
		this.set(program);
		this.announcement = m.builder_removed({ name }, { locale: this.locale });
	}

	undoRemove(): void {
		if (!this.removed) return;
		const removed = this.removed;
		this.removed = null;
		this.set(restoreExercise(this.snapshot, removed));
		const name = removed.exercise.name || m.builder_the_exercise({}, { locale: this.locale });
		const place = Math.min(removed.index, this.snapshot.exercises.length - 1) + 1;
		this.announcement = m.builder_put_back(
			{ name, number: this.#n(place) },
			{ locale: this.locale }
		);
	}

	/**
	 * Saves the routine as an imported program (a new id from its title the first time, one more
	 * version each time) and removes the draft. Refused while the validator finds a problem.
	 */
	async saveProgram(
		takenIds: ReadonlySet<string> | (() => Promise<ReadonlySet<string>>)
	): Promise<Program | null> {
		// Refused while invalid, and while a save is under way (a double tap saves once).
		if (!this.result.ok || this.save.kind === 'saving' || this.#closed) return null;
		this.save = { kind: 'saving' };
		try {
			const taken = typeof takenIds === 'function' ? await takenIds() : takenIds;
			const storedId = this.mode === 'edit' ? this.sourceId : undefined;
			const stored = storedId ? await getImportedProgramEntry(storedId) : undefined;
			const id = idForSaving(this.result.value, storedId !== undefined, taken);
			const program = forSaving(
				this.result.value,
				storedId ?? id,
				stored?.ok ? stored.program.version : undefined
			);
			clearTimeout(this.#timer);
			await this.#writing;
			await saveDraftAsProgram(program, this.draftId);
			this.#closed = true;
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
		this.#closed = true;
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
	| { kind: 'new'; language?: string };

/** The draft id of editing a stored program in place: one per program, so it is found again. */
export const editDraftId = (programId: string) => `edit:${programId}`;

/**
 * Opens the draft a request names (null when it is gone), or makes one: a stored routine's
 * draft is found again or made and stored; a new routine or a copy is stored from its first
 * change (`stored: false`), so opening the builder and leaving leaves nothing behind.
 */
export async function openDraft(
	request: EditorRequest
): Promise<{ draft: StoredDraft; stored: boolean } | null> {
	const now = isoTime(Date.now());
	let draft: StoredDraft;
	switch (request.kind) {
		case 'draft': {
			const found = await getDraft(request.id);
			return found ? { draft: found, stored: true } : null;
		}
		case 'edit': {
			const existing = await getDraft(editDraftId(request.program.id));
			if (existing) return { draft: existing, stored: true };
			draft = {
				id: editDraftId(request.program.id),
				mode: 'edit',
				sourceId: request.program.id,
				baseVersion: request.program.version,
				program: cloneProgram(request.program),
				updatedAt: now
			};
			await putDraft(draft);
			return { draft, stored: true };
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
			draft = {
				id: newDraftId(),
				mode: 'new',
				program: newProgram(request.language),
				updatedAt: now
			};
			break;
	}
	return { draft, stored: false };
}

const KEY = Symbol('routine editor');

export function setEditor(editor: RoutineEditor): void {
	setContext(KEY, editor);
}

export function getEditor(): RoutineEditor {
	return getContext<RoutineEditor>(KEY);
}
