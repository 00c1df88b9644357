import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { StorageError } from './errors';
import {
	checkStoredProgram,
	deleteImportedProgram,
	getImportedProgram,
	getImportedProgramEntry,
	hasImportedProgram,
	listImportedProgramEntries,
	listImportedPrograms,
	restoreImportedProgram,
	saveImportedProgram
} from './programs';
import { makeStoredProgram } from '$lib/test-factories';
import { releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => releaseStorage());

const importedAt = new Date('2025-02-01T10:00:00.000Z');

describe('imported programs', () => {
	it('saves, reads, lists and tells whether one exists', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('zeta', 'Zeta stretches'), 'file', importedAt);
		await saveImportedProgram(makeStoredProgram('alpha', 'Alpha routine'), 'paste', importedAt);
		expect(await getImportedProgram('zeta')).toEqual(makeStoredProgram('zeta', 'Zeta stretches'));
		expect(await getImportedProgram('missing')).toBeUndefined();
		expect(await hasImportedProgram('alpha')).toBe(true);
		expect(await hasImportedProgram('missing')).toBe(false);
		expect((await listImportedPrograms()).map((p) => p.id)).toEqual(['alpha', 'zeta']);
		expect(await getImportedProgramEntry('alpha')).toEqual({
			id: 'alpha',
			ok: true,
			program: makeStoredProgram('alpha', 'Alpha routine'),
			importedAt: '2025-02-01T10:00:00.000Z',
			source: 'paste'
		});
	});

	it('replaces a program saved again under the same id', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('mine', 'First'), 'file', importedAt);
		await saveImportedProgram(makeStoredProgram('mine', 'Second'), 'file', importedAt);
		expect((await listImportedPrograms()).map((p) => p.title)).toEqual(['Second']);
	});

	it('deletes and returns the stored record, which can be restored', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('mine'), 'file', importedAt);
		const deleted = await deleteImportedProgram('mine');
		expect(deleted).toEqual({
			program: makeStoredProgram('mine'),
			importedAt: '2025-02-01T10:00:00.000Z',
			source: 'file'
		});
		expect(await hasImportedProgram('mine')).toBe(false);
		expect(await deleteImportedProgram('mine')).toBeUndefined();
		await restoreImportedProgram(deleted!);
		expect(await hasImportedProgram('mine')).toBe(true);
	});

	it('reports a damaged stored record instead of crashing on it', async () => {
		useFreshStorage();
		await saveImportedProgram(makeStoredProgram('good', 'Good'), 'file', importedAt);
		const db = await openDatabase();
		const broken = makeStoredProgram('broken', 'Broken') as unknown as Record<string, unknown>;
		broken.exercises = [];
		await db.put('programs', {
			program: broken as never,
			importedAt: '2025-02-01T10:00:00.000Z'
		});

		// The list still works and leaves the damaged one out.
		expect((await listImportedPrograms()).map((p) => p.id)).toEqual(['good']);
		const entries = await listImportedProgramEntries();
		expect(entries.map((e) => [e.id, e.ok])).toEqual([
			['good', true],
			['broken', false]
		]);
		const damaged = entries[1]!;
		expect(damaged.ok === false && damaged.problems[0]?.path).toMatch(/^exercises/);

		const error = await getImportedProgram('broken').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).kind).toBe('damaged');
		expect((error as StorageError).message).toMatch(/“broken”.*damaged.*exercises/);
		expect(await hasImportedProgram('broken')).toBe(true);
		expect(await deleteImportedProgram('broken')).toBeDefined();
	});
});

describe('checkStoredProgram', () => {
	it('checks the import details as well as the program', () => {
		const program = makeStoredProgram('mine');
		expect(checkStoredProgram('mine', { program, importedAt: 'soon' })).toEqual({
			id: 'mine',
			ok: false,
			problems: [
				{
					path: 'importedAt',
					message:
						'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
				}
			]
		});
		expect(
			checkStoredProgram('other', { program, importedAt: '2025-01-01T00:00:00Z', source: 'fax' })
		).toMatchObject({
			ok: false,
			problems: [
				{ path: 'id', message: expect.stringMatching(/does not match/) },
				{ path: 'source', message: 'must be one of "file", "paste", "link", "builder"' }
			]
		});
		expect(checkStoredProgram('x', null)).toMatchObject({ ok: false });
		expect(checkStoredProgram('x', 'text')).toMatchObject({ ok: false });
	});
});

describe('without IndexedDB', () => {
	it('lists nothing', async () => {
		const { configureStorage } = await import('./database');
		configureStorage({ factory: null });
		expect(await listImportedPrograms()).toEqual([]);
		expect(await getImportedProgram('any')).toBeUndefined();
		expect(await hasImportedProgram('any')).toBe(false);
	});
});
