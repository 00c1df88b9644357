import { describe, expect, it, vi } from 'vitest';
import { formatBytes, readStorageInfo, requestPersistence } from './persistence';

describe('requestPersistence', () => {
	it('does not ask again when storage is already persistent', async () => {
		const persist = vi.fn(async () => true);
		expect(await requestPersistence({ persisted: async () => true, persist })).toBe(true);
		expect(persist).not.toHaveBeenCalled();
	});

	it('asks and reports the browser answer', async () => {
		expect(
			await requestPersistence({ persisted: async () => false, persist: async () => true })
		).toBe(true);
		expect(
			await requestPersistence({ persisted: async () => false, persist: async () => false })
		).toBe(false);
	});

	it('resolves to false when unsupported or when the browser throws', async () => {
		expect(await requestPersistence(undefined)).toBe(false);
		expect(await requestPersistence({})).toBe(false);
		expect(
			await requestPersistence({
				persisted: async () => false,
				persist: async () => {
					throw new Error('denied');
				}
			})
		).toBe(false);
	});
});

describe('readStorageInfo', () => {
	it('reports persistence and usage', async () => {
		const info = await readStorageInfo({
			persisted: async () => true,
			estimate: async () => ({ usage: 1234, quota: 5_000_000 })
		});
		expect(info).toEqual({ supported: true, persisted: true, usage: 1234, quota: 5_000_000 });
	});

	it('reports unknowns as null and unsupported storage as such', async () => {
		expect(await readStorageInfo(undefined)).toEqual({
			supported: false,
			persisted: null,
			usage: null,
			quota: null
		});
		const info = await readStorageInfo({
			estimate: async () => {
				throw new Error('no');
			}
		});
		expect(info).toEqual({ supported: true, persisted: null, usage: null, quota: null });
	});
});

describe('formatBytes', () => {
	it('uses the largest unit that keeps the number at least 1, powers of 1000', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(999)).toBe('999 B');
		expect(formatBytes(1000)).toBe('1.0 kB');
		expect(formatBytes(1234)).toBe('1.2 kB');
		expect(formatBytes(35_400_000)).toBe('35 MB');
		expect(formatBytes(2_100_000_000)).toBe('2.1 GB');
	});

	it('rounds at the unit boundaries without printing "1000"', () => {
		expect(formatBytes(9_960)).toBe('10 kB');
		expect(formatBytes(999_600)).toBe('1.0 MB');
	});

	it('shows a dash for values that are not byte counts', () => {
		expect(formatBytes(-1)).toBe('—');
		expect(formatBytes(Number.NaN)).toBe('—');
	});
});
