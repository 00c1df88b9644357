import { describe, expect, it } from 'vitest';
import { createWakeLock, type WakeLockEnv } from './wake-lock.svelte';

/** A fake sentinel the test can release "from the system side". */
class FakeSentinel {
	released = false;
	listeners = new Set<() => void>();
	addEventListener(_type: string, fn: () => void) {
		this.listeners.add(fn);
	}
	removeEventListener(_type: string, fn: () => void) {
		this.listeners.delete(fn);
	}
	release() {
		this.released = true;
		return Promise.resolve();
	}
	systemRelease() {
		this.released = true;
		for (const fn of [...this.listeners]) fn();
	}
}

class FakeDocument {
	visibilityState: 'visible' | 'hidden' = 'visible';
	listeners = new Set<() => void>();
	addEventListener(_type: string, fn: () => void) {
		this.listeners.add(fn);
	}
	removeEventListener(_type: string, fn: () => void) {
		this.listeners.delete(fn);
	}
	setVisibility(state: 'visible' | 'hidden') {
		this.visibilityState = state;
		for (const fn of [...this.listeners]) fn();
	}
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { refuse?: boolean; supported?: boolean } = {}) {
	const doc = new FakeDocument();
	const sentinels: FakeSentinel[] = [];
	let requests = 0;
	const env = {
		wakeLock:
			options.supported === false
				? null
				: {
						request: () => {
							requests++;
							if (options.refuse) return Promise.reject(new Error('NotAllowedError'));
							const s = new FakeSentinel();
							sentinels.push(s);
							return Promise.resolve(s);
						}
					},
		document: doc
	} as unknown as WakeLockEnv;
	const lock = createWakeLock(env);
	return { doc, sentinels, lock, requests: () => requests };
}

describe('createWakeLock', () => {
	it('holds the lock while playing and releases it on pause', async () => {
		const { lock, sentinels } = setup();
		expect(lock.state).toEqual({ supported: true, held: false, failed: false });
		lock.acquire();
		await flush();
		expect(lock.state.held).toBe(true);
		lock.release();
		expect(lock.state.held).toBe(false);
		expect(sentinels[0]?.released).toBe(true);
	});

	it('asks again when the page becomes visible after the system dropped the lock', async () => {
		const { lock, doc, sentinels, requests } = setup();
		lock.acquire();
		await flush();
		doc.visibilityState = 'hidden';
		sentinels[0]!.systemRelease();
		expect(lock.state.held).toBe(false);
		doc.setVisibility('hidden');
		expect(requests()).toBe(1);
		doc.setVisibility('visible');
		await flush();
		expect(requests()).toBe(2);
		expect(lock.state.held).toBe(true);
	});

	it('does not ask again on visibility once the session paused', async () => {
		const { lock, doc, requests } = setup();
		lock.acquire();
		await flush();
		lock.release();
		doc.setVisibility('hidden');
		doc.setVisibility('visible');
		await flush();
		expect(requests()).toBe(1);
		expect(lock.state.held).toBe(false);
	});

	it('waits for the page to be visible before asking', async () => {
		const { lock, doc, requests } = setup();
		doc.visibilityState = 'hidden';
		lock.acquire();
		expect(requests()).toBe(0);
		doc.setVisibility('visible');
		await flush();
		expect(requests()).toBe(1);
		expect(lock.state.held).toBe(true);
	});

	it('a lock granted after a pause is given back at once', async () => {
		const { lock, sentinels } = setup();
		lock.acquire();
		lock.release(); // before the request resolved
		await flush();
		expect(sentinels[0]?.released).toBe(true);
		expect(lock.state.held).toBe(false);
	});

	it('a refused request sets failed (for the notice) and never throws', async () => {
		const { lock, requests } = setup({ refuse: true });
		expect(lock.state.failed).toBe(false);
		lock.acquire();
		expect(requests()).toBe(1);
		await flush();
		expect(lock.state).toEqual({ supported: true, held: false, failed: true });
	});

	it('without the API: supported false, calls are no-ops', async () => {
		const { lock, requests } = setup({ supported: false });
		lock.acquire();
		await flush();
		expect(lock.state).toEqual({ supported: false, held: false, failed: false });
		expect(requests()).toBe(0);
	});

	it('keeps one state object whose fields change in place (what the notices read)', async () => {
		const { lock } = setup();
		const state = lock.state;
		lock.acquire();
		await flush();
		expect(state.held).toBe(true);
		lock.release();
		expect(state.held).toBe(false);
		expect(lock.state).toBe(state);
	});

	it('dispose releases the lock and stops watching visibility', async () => {
		const { lock, doc, requests } = setup();
		lock.acquire();
		await flush();
		lock.dispose();
		expect(doc.listeners.size).toBe(0);
		doc.setVisibility('visible');
		await flush();
		expect(requests()).toBe(1);
	});
});
