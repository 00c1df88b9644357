import { afterEach, describe, expect, it, vi } from 'vitest';
import { isShowRemindersMessage } from '$lib/reminders/notice-text';
import { askWorkerToShow, WORKER_ANSWER_MS, type ActiveWorkerHolder } from './worker-show';

const NOW = Date.parse('2025-06-11T13:00:30+02:00');

/** A registration whose active worker answers each message with `answer` (nothing when undefined). */
function registration(answer?: (message: unknown) => unknown) {
	const received: unknown[] = [];
	const holder: ActiveWorkerHolder = {
		active: {
			postMessage(message, transfer) {
				received.push(message);
				const [port] = transfer as MessagePort[];
				if (answer && port) {
					port.postMessage(answer(message));
					port.close();
				}
			}
		}
	};
	return { holder, received };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('askWorkerToShow', () => {
	it("posts the page's time and resolves to how many the worker showed", async () => {
		const { holder, received } = registration(() => ({ shown: 2 }));
		await expect(askWorkerToShow(holder, NOW)).resolves.toBe(2);
		expect(received).toEqual([{ type: 'SHOW_REMINDERS', now: NOW }]);
		expect(isShowRemindersMessage(received[0])).toBe(true);
	});

	it('resolves to 0 when the worker showed none (the page then looks at the player lock)', async () => {
		const { holder } = registration(() => ({ shown: 0 }));
		await expect(askWorkerToShow(holder, NOW)).resolves.toBe(0);
	});

	it('resolves to null at once when no worker is active (the page shows them itself)', async () => {
		await expect(askWorkerToShow({ active: null }, NOW)).resolves.toBeNull();
	});

	it('resolves to null when the worker does not answer in time (an older version)', async () => {
		vi.useFakeTimers();
		const { holder, received } = registration();
		let result: number | null | undefined;
		void askWorkerToShow(holder, NOW).then((shown) => (result = shown));
		await vi.advanceTimersByTimeAsync(WORKER_ANSWER_MS - 1);
		expect(result).toBeUndefined();
		await vi.advanceTimersByTimeAsync(1);
		expect(result).toBeNull();
		expect(received).toHaveLength(1);
	});

	it('waits as long as it is told', async () => {
		vi.useFakeTimers();
		const { holder } = registration();
		let result: number | null | undefined;
		void askWorkerToShow(holder, NOW, { timeoutMs: 100 }).then((shown) => (result = shown));
		await vi.advanceTimersByTimeAsync(100);
		expect(result).toBeNull();
	});

	it('a worker that could not show them, an answer that is not a count, or a post that throws, resolves to null', async () => {
		const failed = registration(() => ({ shown: null }));
		await expect(askWorkerToShow(failed.holder, NOW)).resolves.toBeNull();
		const { holder } = registration(() => ({ shown: 'two' }));
		await expect(askWorkerToShow(holder, NOW)).resolves.toBeNull();
		const throwing: ActiveWorkerHolder = {
			active: {
				postMessage() {
					throw new DOMException('could not clone', 'DataCloneError');
				}
			}
		};
		await expect(askWorkerToShow(throwing, NOW)).resolves.toBeNull();
	});
});
