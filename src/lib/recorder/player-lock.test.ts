import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	PLAYER_LOCK,
	PlayerLock,
	RELEASE_WAIT_MS,
	SESSION_LOCK_PREFIX,
	type ChannelLike,
	type LockManagerLike,
	type LostReason
} from './player-lock';

/** Web Locks as the spec has them, for the parts used here: exclusive locks that can be stolen. */
class FakeLocks implements LockManagerLike {
	held = new Map<string, { abort: (error: unknown) => void }>();

	request(
		name: string,
		options: { steal?: boolean },
		callback: (lock: unknown) => Promise<unknown>
	): Promise<unknown> {
		if (this.held.has(name) && !options.steal) throw new Error('this fake only steals');
		this.held.get(name)?.abort(new DOMException('stolen', 'AbortError'));
		return new Promise((resolve, reject) => {
			const entry = { abort: reject };
			this.held.set(name, entry);
			void callback({ name }).then((value) => {
				if (this.held.get(name) === entry) this.held.delete(name);
				resolve(value);
			});
		});
	}

	query() {
		return Promise.resolve({ held: [...this.held.keys()].map((name) => ({ name })) });
	}
}

const tabs: PlayerLock[] = [];
let channelName = 0;

/** Tabs of one device: one fake lock manager (or none) and real BroadcastChannels. */
function device(withLocks = true) {
	const locks = withLocks ? new FakeLocks() : null;
	const name = `limber-player-test-${++channelName}`;
	let tab = 0;
	return {
		locks,
		tab(): PlayerLock {
			const channel = new BroadcastChannel(name) as unknown as ChannelLike & { unref?: () => void };
			channel.unref?.();
			const lock = new PlayerLock({ locks, channel, tabId: `tab-${++tab}` });
			tabs.push(lock);
			return lock;
		}
	};
}

afterEach(() => {
	for (const tab of tabs.splice(0)) tab.dispose();
});

function lostLog() {
	const log: LostReason[] = [];
	return { log, onLost: (reason: LostReason) => log.push(reason) };
}

describe.each([
	['with Web Locks', true],
	['with BroadcastChannel alone', false]
])('one player per device, %s', (_, withLocks) => {
	it('a tab that takes the player pauses the one that had it', async () => {
		const { tab } = device(withLocks);
		const a = tab();
		const b = tab();
		const lostA = lostLog();
		await a.acquire('quick-check', lostA.onLost);
		expect(a.held).toBe('quick-check');
		expect(await b.heldElsewhere('quick-check')).toBe(true);
		expect(await b.heldElsewhere('quick-two')).toBe(false);

		await b.acquire('quick-two', () => {});
		// Another session started: this one is paused, not moved.
		await expect.poll(() => lostA.log).toEqual(['paused']);
		expect(a.held).toBeNull();
		expect(b.held).toBe('quick-two');
		expect(await a.heldElsewhere('quick-two')).toBe(true);
		expect(await a.heldElsewhere('quick-check')).toBe(false);
	});

	it('taking over the same session waits until the other tab says it let go', async () => {
		const { tab } = device(withLocks);
		const a = tab();
		const b = tab();
		const order: string[] = [];
		await a.acquire('s1', (reason) => {
			order.push(`a lost (${reason})`);
			// The losing tab writes its checkpoint first, then says so.
			setTimeout(() => {
				order.push('a released');
				a.announceReleased('s1');
			}, 30);
		});
		await b.acquire('s1', () => {});
		order.push('b holds');
		expect(order).toEqual(['a lost (moved)', 'a released', 'b holds']);
	});

	it('Discard in another tab stops the tab that plays the session', async () => {
		const { tab } = device(withLocks);
		const a = tab();
		const c = tab();
		const lostA = lostLog();
		await a.acquire('s1', (reason) => {
			lostA.onLost(reason);
			a.announceReleased('s1');
		});
		await c.discardElsewhere('s1');
		expect(lostA.log).toEqual(['discarded']);
		expect(a.held).toBeNull();
		expect(await c.heldElsewhere('s1')).toBe(false);
	});

	it('a released player is free: nobody else is told anything', async () => {
		const { tab } = device(withLocks);
		const a = tab();
		const b = tab();
		const lostA = lostLog();
		await a.acquire('s1', lostA.onLost);
		a.release();
		// Letting go of a Web Lock takes a moment.
		await expect.poll(() => b.heldElsewhere('s1')).toBe(false);
		await b.acquire('s2', () => {});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(lostA.log).toEqual([]);
	});
});

describe('a tab that does not answer', () => {
	it('taking over waits at most RELEASE_WAIT_MS for it, then goes on', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
		try {
			const { tab } = device(true);
			const frozen = tab();
			await frozen.acquire('s1', () => {
				// Frozen: never announces that it let go.
			});
			const b = tab();
			let holds = false;
			const taking = b.acquire('s1', () => {}).then(() => (holds = true));
			await vi.advanceTimersByTimeAsync(RELEASE_WAIT_MS - 10);
			expect(holds).toBe(false);
			await vi.advanceTimersByTimeAsync(20);
			await taking;
			expect(holds).toBe(true);
			expect(b.held).toBe('s1');
		} finally {
			vi.useRealTimers();
		}
	});

	it('without Web Locks, of two tabs claiming at once exactly one plays', async () => {
		const { tab } = device(false);
		const a = tab();
		const b = tab();
		await Promise.all([a.acquire('s1', () => {}), b.acquire('s2', () => {})]);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect([a.held, b.held].filter((held) => held !== null)).toHaveLength(1);
	});

	it('a tab showing the Resume question hears a Discard made elsewhere', async () => {
		const { tab } = device(true);
		const showing = tab();
		const heard: string[] = [];
		showing.onDiscardRequest = (id) => heard.push(id);
		await tab().discardElsewhere('s1');
		await expect.poll(() => heard).toEqual(['s1']);
	});
});

describe('with Web Locks', () => {
	it('taking the session this tab already holds changes nothing and waits for nobody', async () => {
		const { tab, locks } = device(true);
		const a = tab();
		const first = lostLog();
		const second = lostLog();
		await a.acquire('s1', first.onLost);
		await a.acquire('s1', second.onLost);
		expect(a.held).toBe('s1');
		expect(locks!.held.size).toBe(2);
		await tab().acquire('s2', () => {});
		await expect.poll(() => second.log).toEqual(['paused']);
		expect(first.log).toEqual([]);
	});

	it('holds the device lock and the session lock while playing, and frees both', async () => {
		const { tab, locks } = device(true);
		const a = tab();
		await a.acquire('s1', () => {});
		expect([...locks!.held.keys()].sort()).toEqual([PLAYER_LOCK, `${SESSION_LOCK_PREFIX}s1`]);
		a.release();
		await expect.poll(() => locks!.held.size).toBe(0);
	});
});
