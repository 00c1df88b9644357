import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	getStorageStatus,
	isStorageAvailable,
	setStorageStatus,
	storageStatus,
	subscribeStorageStatus
} from './storage-status';

afterEach(() => setStorageStatus('idle'));

describe('storage status', () => {
	it('tells subscribers now and on every change, until they stop', () => {
		const listener = vi.fn();
		const stop = storageStatus.subscribe(listener);
		expect(listener).toHaveBeenLastCalledWith({ kind: 'idle', message: null });
		setStorageStatus('outdated');
		expect(listener).toHaveBeenLastCalledWith({
			kind: 'outdated',
			message: 'Limber was updated in another tab: reload this page.'
		});
		setStorageStatus('outdated');
		expect(listener).toHaveBeenCalledTimes(2);
		stop();
		setStorageStatus('ready');
		expect(listener).toHaveBeenCalledTimes(2);
		expect(getStorageStatus().kind).toBe('ready');
	});

	it('flags unavailable storage with a sentence for the page', () => {
		setStorageStatus('unavailable');
		expect(isStorageAvailable()).toBe(false);
		expect(getStorageStatus().message).toMatch(/^History cannot be kept in this browser mode/);
	});

	it('keeps going when one listener throws', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const good = vi.fn();
		const stopBad = subscribeStorageStatus((status) => {
			if (status.kind === 'ready') throw new Error('broken listener');
		});
		const stopGood = subscribeStorageStatus(good);
		setStorageStatus('ready');
		expect(good).toHaveBeenLastCalledWith({ kind: 'ready', message: null });
		stopBad();
		stopGood();
		vi.restoreAllMocks();
	});
});
