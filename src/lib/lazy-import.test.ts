import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyImport, RETRY_DELAY_MS, retryImport } from './lazy-import';

/** A loader that fails its first `failures` calls the way Firefox does, then resolves. */
function flakyLoader(failures: number) {
	let calls = 0;
	const load = vi.fn(async () => {
		calls++;
		if (calls <= failures) {
			throw new TypeError(
				'error loading dynamically imported module: http://x/_app/immutable/chunks/a.js'
			);
		}
		return { default: 'the part' };
	});
	return load;
}

describe('retryImport', () => {
	it('loads once when the first try works', async () => {
		const load = flakyLoader(0);
		const wait = vi.fn(async () => {});
		await expect(retryImport(load, { wait })).resolves.toEqual({ default: 'the part' });
		expect(load).toHaveBeenCalledTimes(1);
		expect(wait).not.toHaveBeenCalled();
	});

	it('tries once more, after a pause, when the first try fails', async () => {
		const load = flakyLoader(1);
		const wait = vi.fn(async () => {});
		const onFailure = vi.fn();
		await expect(retryImport(load, { wait, onFailure })).resolves.toEqual({
			default: 'the part'
		});
		expect(load).toHaveBeenCalledTimes(2);
		expect(wait).toHaveBeenCalledExactlyOnceWith(RETRY_DELAY_MS);
		expect(onFailure).not.toHaveBeenCalled();
	});

	it('gives up after the second failure: tells onFailure, then rejects with that error', async () => {
		const load = flakyLoader(5);
		const onFailure = vi.fn();
		const result = retryImport(load, { wait: async () => {}, onFailure, delayMs: 10 });
		await expect(result).rejects.toThrow('error loading dynamically imported module');
		expect(load).toHaveBeenCalledTimes(2);
		expect(onFailure).toHaveBeenCalledOnce();
	});

	it('waits with a real timer by default', async () => {
		vi.useFakeTimers();
		try {
			const load = flakyLoader(1);
			const result = retryImport(load);
			await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1);
			expect(load).toHaveBeenCalledTimes(1);
			await vi.advanceTimersByTimeAsync(1);
			await expect(result).resolves.toEqual({ default: 'the part' });
			expect(load).toHaveBeenCalledTimes(2);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('lazyImport', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	it('a part that loads on the second try reports nothing', async () => {
		vi.useFakeTimers();
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const result = lazyImport(flakyLoader(1));
		await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		await expect(result).resolves.toEqual({ default: 'the part' });
		expect(errors).not.toHaveBeenCalled();
	});

	// The notice itself (DOM, with its Reload button) is checked in Chromium:
	// tests/e2e/lazy-import.test.ts.
	it('a part that fails twice is reported (the page notice) and rejects', async () => {
		vi.useFakeTimers();
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const load = flakyLoader(2);
		const result = lazyImport(load);
		const settled = expect(result).rejects.toThrow(TypeError);
		await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		await settled;
		expect(load).toHaveBeenCalledTimes(2);
		expect(errors).toHaveBeenCalledOnce();
	});
});

describe('every lazily loaded part of the app', () => {
	const SRC = join(import.meta.dirname, '..');
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return files(path);
			return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
		});

	it('goes through lazyImport (no bare import() in src/)', () => {
		const bare: string[] = [];
		let found = 0;
		for (const file of files(SRC)) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/(?<!typeof )\bimport\(\s*['"]([^'"]+)['"]/g)) {
				found++;
				// The import sits inside a lazyImport(() => …) call a few lines above it.
				const before = text.slice(Math.max(0, match.index - 200), match.index);
				if (!before.includes('lazyImport(')) bare.push(`${relative(SRC, file)}: ${match[1]}`);
			}
		}
		expect(found).toBeGreaterThanOrEqual(6);
		expect(bare).toEqual([]);
	});
});
