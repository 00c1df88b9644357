import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSessionRecord } from '$lib/test-factories';
import { announceSessionsChanged, onSessionsChanged, SESSIONS_CHANNEL } from './session-events';
import { answerSession, deleteSession, storeNewSession } from './sessions';
import { releaseStorage, useFreshStorage } from './test-helpers';

afterEach(() => releaseStorage());

/** Counts the messages that reach a listener (another channel: the way another tab hears them). */
function listen(): { count: () => number; settle: () => Promise<void>; stop: () => void } {
	let heard = 0;
	const stop = onSessionsChanged(() => heard++);
	// Messages are delivered as tasks: let them arrive.
	const settle = () => new Promise<void>((done) => setTimeout(done, 20));
	return { count: () => heard, settle, stop };
}

describe('session events', () => {
	it('a change announced reaches a listener on the same channel name', async () => {
		const listener = listen();
		announceSessionsChanged();
		await listener.settle();
		expect(listener.count()).toBe(1);
		listener.stop();
	});

	it('ignores other messages on the channel', async () => {
		const listener = listen();
		const other = new BroadcastChannel(SESSIONS_CHANNEL);
		other.postMessage({ type: 'something-else' });
		other.postMessage(null);
		await listener.settle();
		expect(listener.count()).toBe(0);
		other.close();
		listener.stop();
	});

	it('stops hearing after stop()', async () => {
		const listener = listen();
		listener.stop();
		announceSessionsChanged();
		await listener.settle();
		expect(listener.count()).toBe(0);
	});

	it('storing, answering and deleting a session each announce once, after the write', async () => {
		useFreshStorage();
		const listener = listen();
		const record = makeSessionRecord();
		await storeNewSession(record);
		await listener.settle();
		expect(listener.count()).toBe(1);
		await answerSession(record.id, { painAfter: 2 });
		await listener.settle();
		expect(listener.count()).toBe(2);
		await deleteSession(record.id);
		await listener.settle();
		expect(listener.count()).toBe(3);
		listener.stop();
	});
});
