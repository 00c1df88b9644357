import { describe, expect, it } from 'vitest';
import { askToBeClaimed, CLAIM_MESSAGE, isClaimFor, type ClaimContainer } from './claim';

const VERSION = '1733500000000';

function container(controller: unknown, withActive = true) {
	const posted: unknown[] = [];
	const active = withActive ? { postMessage: (message: unknown) => posted.push(message) } : null;
	const value: ClaimContainer = { controller, ready: Promise.resolve({ active }) };
	return { value, posted };
}

describe('askToBeClaimed', () => {
	it('asks the active worker to claim a page nothing controls, naming the page’s version', async () => {
		const { value, posted } = container(null);
		expect(await askToBeClaimed(value, VERSION)).toBe(true);
		expect(posted).toEqual([{ type: CLAIM_MESSAGE, version: VERSION }]);
	});

	it('asks nothing of a controlled page', async () => {
		const { value, posted } = container({ state: 'activated' });
		expect(await askToBeClaimed(value, VERSION)).toBe(false);
		expect(posted).toEqual([]);
	});

	it('reads the controller once the worker is ready, not before', async () => {
		let controller: unknown = null;
		let ready!: (value: Awaited<ClaimContainer['ready']>) => void;
		const posted: unknown[] = [];
		const value: ClaimContainer = {
			get controller() {
				return controller;
			},
			ready: new Promise((done) => (ready = done))
		};
		const asked = askToBeClaimed(value, VERSION);
		// The activate handler's own claim reached the page meanwhile.
		controller = { state: 'activated' };
		ready({ active: { postMessage: (message) => posted.push(message) } });
		expect(await asked).toBe(false);
		expect(posted).toEqual([]);
	});

	it('asks nothing when no worker is active', async () => {
		const { value, posted } = container(null, false);
		expect(await askToBeClaimed(value, VERSION)).toBe(false);
		expect(posted).toEqual([]);
	});
});

describe('isClaimFor', () => {
	it('accepts a request from a page of the worker’s own version', () => {
		expect(isClaimFor({ type: CLAIM_MESSAGE, version: VERSION }, VERSION)).toBe(true);
	});

	it('ignores a page of another version (loaded past the worker) and other messages', () => {
		expect(isClaimFor({ type: CLAIM_MESSAGE, version: 'newer' }, VERSION)).toBe(false);
		expect(isClaimFor({ type: CLAIM_MESSAGE }, VERSION)).toBe(false);
		expect(isClaimFor({ type: 'SKIP_WAITING', version: VERSION }, VERSION)).toBe(false);
		expect(isClaimFor(CLAIM_MESSAGE, VERSION)).toBe(false);
		expect(isClaimFor(null, VERSION)).toBe(false);
	});
});
