import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_WRITE_DELAY_MS, editDraftId, openDraft, RoutineEditor } from './editor.svelte';
import { customExercise } from '$lib/builder/edit';
import { configureStorage } from '$lib/storage/database';
import { getDraft, isDraft, listDrafts, putDraft } from '$lib/storage/drafts';
import { getImportedProgramEntry, saveImportedProgram } from '$lib/storage/programs';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { makeProgram } from '$lib/test-factories';
import type { Program } from '$lib/program/types';

afterEach(() => {
	vi.useRealTimers();
	releaseStorage();
});

const tilts = customExercise({ name: 'Pelvic tilts', steps: 'Tilt.', cautions: '' });

async function newEditor(): Promise<RoutineEditor> {
	const opened = await openDraft({ kind: 'new' });
	if (!opened) throw new Error('no draft');
	return new RoutineEditor(opened.draft, opened.stored);
}

describe('opening drafts', () => {
	it('stores a new routine from its first change, then finds it again by its id', async () => {
		useFreshStorage();
		const opened = await openDraft({ kind: 'new' });
		expect(opened?.stored).toBe(false);
		expect(opened?.draft.mode).toBe('new');
		// Opening the builder and leaving leaves nothing behind.
		expect(await listDrafts()).toEqual([]);
		const editor = new RoutineEditor(opened!.draft, false);
		const named: string[] = [];
		editor.onstored = (id) => named.push(id);
		editor.program.title = 'Typed';
		editor.changed();
		await editor.writeDraft();
		expect(named).toEqual([editor.draftId]);
		expect(editor.stored).toBe(true);
		const again = await openDraft({ kind: 'draft', id: editor.draftId });
		expect(again?.stored).toBe(true);
		expect(again?.draft.program.title).toBe('Typed');
		expect(await openDraft({ kind: 'draft', id: 'gone' })).toBeNull();
	});

	it('copies a program with a new id, and edits a stored one through one draft per program', async () => {
		useFreshStorage();
		const original = makeProgram({ id: 'daily', title: 'Daily' });
		const copy = (
			await openDraft({ kind: 'copy', program: original, takenIds: new Set(['daily']) })
		)?.draft;
		expect(copy).toMatchObject({ mode: 'copy', sourceId: 'daily' });
		expect(copy?.program.id).toBe('daily-my-version');
		expect(copy?.program.title).toBe('Daily (my version)');

		const edit = (await openDraft({ kind: 'edit', program: original }))?.draft;
		expect(edit).toMatchObject({
			id: editDraftId('daily'),
			mode: 'edit',
			sourceId: 'daily',
			baseVersion: original.version
		});
		// Editing again continues the same draft, with what was typed.
		await putDraft({ ...edit!, program: { ...edit!.program, title: 'Typed' } });
		expect((await openDraft({ kind: 'edit', program: original }))?.draft.program.title).toBe(
			'Typed'
		);
		// The copy is not stored until it changes; the edit draft is.
		expect(await listDrafts()).toHaveLength(1);
	});

	it('reads only records with the shape of a draft', () => {
		expect(
			isDraft({
				id: 'd',
				mode: 'new',
				updatedAt: 'x',
				program: makeProgram({ id: 'a', title: 'A' })
			})
		).toBe(true);
		expect(
			isDraft({
				id: 'd',
				mode: 'other',
				updatedAt: 'x',
				program: makeProgram({ id: 'a', title: 'A' })
			})
		).toBe(false);
		expect(isDraft({ id: 'd', mode: 'new', updatedAt: 'x', program: { exercises: 'no' } })).toBe(
			false
		);
		expect(isDraft(null)).toBe(false);
	});
});

describe('RoutineEditor', () => {
	it('writes the draft shortly after each change, so a reload finds what was typed', async () => {
		useFreshStorage();
		const editor = await newEditor();
		await editor.writeDraft();
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		editor.program.title = 'My back';
		editor.changed();
		expect(editor.draftWritten).toBe(false);
		await vi.advanceTimersByTimeAsync(DRAFT_WRITE_DELAY_MS - 1);
		expect((await getDraft(editor.draftId))?.program.title).toBe('');
		await vi.advanceTimersByTimeAsync(1);
		vi.useRealTimers();
		await vi.waitFor(() => expect(editor.draftWritten).toBe(true));
		expect((await getDraft(editor.draftId))?.program.title).toBe('My back');
	});

	it('checks with the validator and previews with the timeline once valid', async () => {
		useFreshStorage();
		const editor = await newEditor();
		expect(editor.result.ok).toBe(false);
		expect(editor.problems.map((p) => p.path)).toEqual(['title', 'exercises']);
		expect(editor.timeline).toBeNull();
		editor.program.title = 'My back';
		editor.add({ ...tilts, hold: 10, reps: 3, restBetweenReps: 5 });
		expect(editor.problems).toEqual([]);
		expect(editor.timeline?.totalMs).toBe((5 + 10 * 3 + 5 * 2) * 1000);
		expect(editor.rows[0]?.what).toBe('Get ready: Pelvic tilts');
		editor.updateExercise(0, { ...editor.snapshot.exercises[0]!, hold: 5000 });
		expect(editor.problems.map((p) => p.path)).toEqual(['exercises[0].hold']);
		expect(await editor.saveProgram(new Set())).toBeNull();
		await editor.discard();
	});

	it('removes with Undo, moves and duplicates', async () => {
		useFreshStorage();
		const editor = await newEditor();
		await editor.writeDraft();
		editor.add(tilts);
		editor.add({ ...tilts, id: 'cat', name: 'Cat' });
		editor.duplicate(1);
		expect(editor.snapshot.exercises.map((e) => e.id)).toEqual(['pelvic-tilts', 'cat', 'cat-2']);
		editor.move(2, 0);
		expect(editor.snapshot.exercises.map((e) => e.id)).toEqual(['cat-2', 'pelvic-tilts', 'cat']);
		expect(editor.announcement).toBe('Moved Cat to place 1 of 3.');
		editor.remove(1);
		expect(editor.announcement).toBe('Removed Pelvic tilts.');
		expect(editor.removed?.exercise.id).toBe('pelvic-tilts');
		editor.undoRemove();
		expect(editor.announcement).toBe('Put Pelvic tilts back as exercise 2.');
		expect(editor.removed).toBeNull();
		expect(editor.snapshot.exercises.map((e) => e.id)).toEqual(['cat-2', 'pelvic-tilts', 'cat']);
		await editor.discard();
		expect(await listDrafts()).toEqual([]);
	});

	it('announces in the interface’s language, and writes a new routine in it', async () => {
		useFreshStorage();
		const opened = await openDraft({ kind: 'new', language: 'fr' });
		expect(opened?.draft.program.language).toBe('fr');
		const editor = new RoutineEditor(opened!.draft, opened!.stored);
		editor.locale = 'fr';
		editor.program.title = 'Mon dos';
		editor.add(tilts);
		editor.add({ ...tilts, id: 'cat', name: 'Chat' });
		editor.move(1, 0);
		expect(editor.announcement).toBe('Exercice déplacé\u00a0: Chat, à la place 1 sur 2.');
		editor.remove(0);
		expect(editor.announcement).toBe('Exercice retiré\u00a0: Chat.');
		editor.undoRemove();
		expect(editor.announcement).toBe('Exercice 1 remis\u00a0: Chat.');
		expect(editor.rows[0]?.what).toBe('Préparez-vous\u00a0: Chat');
		await editor.discard();
	});

	it('saves a new routine under an id from its title and removes its draft', async () => {
		useFreshStorage();
		const editor = await newEditor();
		editor.program.title = 'My back';
		editor.add(tilts);
		const saved = await editor.saveProgram(new Set(['my-back']));
		expect(saved).toMatchObject({ id: 'my-back-2', version: 1, title: 'My back' });
		expect(editor.save).toEqual({ kind: 'saved', id: 'my-back-2', title: 'My back', version: 1 });
		const entry = await getImportedProgramEntry('my-back-2');
		expect(entry?.ok && entry.program).toEqual(saved);
		expect(entry?.ok && entry.source).toBe('builder');
		expect(await getDraft(editor.draftId)).toBeUndefined();
	});

	it('saves a stored routine in place with its version one higher', async () => {
		useFreshStorage();
		const stored: Program = { ...makeProgram({ id: 'mine', title: 'Mine' }), version: 3 };
		await saveImportedProgram(stored, 'file');
		const opened = await openDraft({ kind: 'edit', program: stored });
		const editor = new RoutineEditor(opened!.draft, opened!.stored);
		editor.program.title = 'Mine, changed';
		const saved = await editor.saveProgram(new Set(['mine']));
		expect(saved).toMatchObject({ id: 'mine', version: 4, title: 'Mine, changed' });
		const entry = await getImportedProgramEntry('mine');
		expect(entry?.ok && entry.program.version).toBe(4);
	});

	it('saves once on a double tap, and writes no draft after saving or throwing away', async () => {
		useFreshStorage();
		const editor = await newEditor();
		editor.program.title = 'My back';
		editor.add(tilts);
		const [first, second] = await Promise.all([
			editor.saveProgram(new Set()),
			editor.saveProgram(new Set())
		]);
		expect(first?.id).toBe('my-back');
		expect(second).toBeNull();
		expect(await getImportedProgramEntry('my-back-2')).toBeUndefined();
		// A reload or a closed tab after Save writes nothing back.
		editor.changed();
		await editor.writeDraft();
		expect(await listDrafts()).toEqual([]);

		const other = await newEditor();
		other.program.title = 'Other';
		other.changed();
		await other.writeDraft();
		expect(await listDrafts()).toHaveLength(1);
		await other.discard();
		other.changed();
		await other.writeDraft();
		expect(await listDrafts()).toEqual([]);
	});

	it('says why a save failed and keeps the draft', async () => {
		const factory = useFreshStorage();
		const editor = await newEditor();
		editor.program.title = 'My back';
		editor.add(tilts);
		await editor.writeDraft();
		vi.spyOn(factory, 'open').mockImplementation(() => {
			throw new DOMException('The disk is full', 'QuotaExceededError');
		});
		releaseStorage();
		expect(await editor.saveProgram(new Set())).toBeNull();
		expect(editor.save.kind).toBe('failed');
		vi.restoreAllMocks();
		configureStorage({ factory, name: 'limber-test' });
		expect((await getDraft(editor.draftId))?.program.title).toBe('My back');
	});
});
