import { describe, expect, it } from 'vitest';
import { fetchBuiltinIds, fetchBuiltinIndex } from './builtin';
import { fetchBuiltinProgram } from './builtin-program';
import { makeProgram } from '$lib/test-factories';
import type { ProgramIndexEntry } from '$lib/program/types';

const entry = (id: string): ProgramIndexEntry => ({
	id,
	title: `Title of ${id}`,
	exerciseCount: 1,
	totalMs: 60_000,
	hasSelfPaced: false,
	schedule: { timesPerDay: 1, daysPerWeek: 7 }
});

/** A static host with the given files (JSON bodies), recording every path requested. */
function host(files: Record<string, unknown>) {
	const requested: string[] = [];
	const fetchFn = (async (input: RequestInfo | URL) => {
		const path = String(input);
		requested.push(path);
		if (!(path in files)) return new Response('<!doctype html><p>SPA fallback', { status: 404 });
		const body = files[path];
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
			headers: { 'content-type': 'application/json' }
		});
	}) as typeof fetch;
	return { fetchFn, requested };
}

const gentle = makeProgram({ id: 'gentle-relief', title: 'Gentle relief' });
const index = [entry('gentle-relief'), entry('desk-break')];

describe('fetchBuiltinProgram', () => {
	it('fetches a built-in program listed in the index', async () => {
		const { fetchFn, requested } = host({
			'/programs/index.json': index,
			'/programs/gentle-relief.json': gentle
		});
		expect(await fetchBuiltinProgram(fetchFn, 'gentle-relief')).toEqual(gentle);
		expect(requested).toEqual(['/programs/index.json', '/programs/gentle-relief.json']);
	});

	it('never returns the index (or any non-program) as a program', async () => {
		const { fetchFn, requested } = host({
			'/programs/index.json': index,
			'/programs/desk-break.json': [entry('desk-break')]
		});
		// "index" is reserved: not even looked up.
		expect(await fetchBuiltinProgram(fetchFn, 'index')).toBeNull();
		expect(requested).toEqual([]);
		// Listed, but what comes back is not a program with that id.
		expect(await fetchBuiltinProgram(fetchFn, 'desk-break')).toBeNull();
		const other = host({
			'/programs/index.json': index,
			'/programs/desk-break.json': gentle
		});
		expect(await fetchBuiltinProgram(other.fetchFn, 'desk-break')).toBeNull();
		const html = host({ '/programs/index.json': index, '/programs/desk-break.json': '<html>' });
		expect(await fetchBuiltinProgram(html.fetchFn, 'desk-break')).toBeNull();
	});

	it('looks an id up in the index before requesting its file', async () => {
		const { fetchFn, requested } = host({ '/programs/index.json': index });
		expect(await fetchBuiltinProgram(fetchFn, 'my-imported-plan')).toBeNull();
		expect(requested).toEqual(['/programs/index.json']);
	});

	it('is null, without a request, for ids that cannot be a program’s', async () => {
		const { fetchFn, requested } = host({ '/programs/index.json': index });
		for (const id of ['', 'Not A Slug', '../x', 'index']) {
			expect(await fetchBuiltinProgram(fetchFn, id)).toBeNull();
		}
		expect(requested).toEqual([]);
	});

	it('is null when the index cannot be read (offline, not cached)', async () => {
		const failing = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await fetchBuiltinProgram(failing, 'gentle-relief')).toBeNull();
		expect(await fetchBuiltinProgram(host({}).fetchFn, 'gentle-relief')).toBeNull();
	});
});

describe('fetchBuiltinIndex and fetchBuiltinIds', () => {
	it('lists the built-in programs and their ids', async () => {
		const { fetchFn } = host({ '/programs/index.json': index });
		expect((await fetchBuiltinIndex(fetchFn)).map((summary) => summary.id)).toEqual([
			'gentle-relief',
			'desk-break'
		]);
		expect(await fetchBuiltinIds(fetchFn)).toEqual(new Set(['gentle-relief', 'desk-break']));
	});

	it('refuses an index that is not a list of programs', async () => {
		for (const body of [{ id: 'x' }, [{ title: 'no id' }], '<html>']) {
			const { fetchFn } = host({ '/programs/index.json': body });
			await expect(fetchBuiltinIndex(fetchFn)).rejects.toThrow(/built-in programs/);
		}
		await expect(fetchBuiltinIds(host({}).fetchFn)).rejects.toThrow(/built-in programs \(404\)/);
	});
});
