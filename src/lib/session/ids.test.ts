import { describe, expect, it } from 'vitest';
import { createSessionId } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createSessionId', () => {
	it('uses crypto.randomUUID when there is one', () => {
		expect(createSessionId({ randomUUID: () => 'from-random-uuid' })).toBe('from-random-uuid');
		expect(createSessionId()).toMatch(UUID_V4);
	});

	it('falls back to getRandomValues outside secure contexts', () => {
		const id = createSessionId({
			getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
				(array as unknown as Uint8Array).fill(0xff);
				return array;
			}
		});
		expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
	});

	it('falls back to Math.random without crypto, still unique and well formed', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => createSessionId({})));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(UUID_V4);
	});
});
