import { describe, expect, it } from 'vitest';
import { askToBeClaimed, CLAIM_MESSAGE, type ClaimContainer } from './claim';

function container(controller: unknown, withActive = true) {
	const posted: unknown[] = [];
	const active = withActive ? { postMessage: (message: unknown) => posted.push(message) } : null;
	const value: ClaimContainer = { controller, ready: Promise.resolve({ active }) };
	return { value, posted };
}

describe('askToBeClaimed', () => {
	it('asks the active worker to claim a page nothing controls', async () => {
		const { value, posted } = container(null);
		expect(await askToBeClaimed(value)).toBe(true);
		expect(posted).toEqual([{ type: CLAIM_MESSAGE }]);
	});

	it('asks nothing of a controlled page', async () => {
		const { value, posted } = container({ state: 'activated' });
		expect(await askToBeClaimed(value)).toBe(false);
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
		const asked = askToBeClaimed(value);
		// The activate handler's own claim reached the page meanwhile.
		controller = { state: 'activated' };
		ready({ active: { postMessage: (message) => posted.push(message) } });
		expect(await asked).toBe(false);
		expect(posted).toEqual([]);
	});

	it('asks nothing when no worker is active', async () => {
		const { value, posted } = container(null, false);
		expect(await askToBeClaimed(value)).toBe(false);
		expect(posted).toEqual([]);
	});
});
