import { afterEach, describe, expect, it } from 'vitest';
import {
	getStorageStatus,
	isStorageAvailable,
	setStorageStatus,
	storageStatus
} from './storage-status.svelte';

afterEach(() => setStorageStatus('idle'));

describe('storage status', () => {
	it('is one runes object with the sentence for each kind', () => {
		expect(getStorageStatus()).toEqual({ kind: 'idle', message: null });
		setStorageStatus('outdated');
		expect(storageStatus.kind).toBe('outdated');
		expect(storageStatus.message).toBe('Limber was updated in another tab: reload this page.');
		setStorageStatus('failed');
		expect(storageStatus.message).toMatch(/^Something went wrong/);
		setStorageStatus('ready');
		expect(getStorageStatus()).toEqual({ kind: 'ready', message: null });
	});

	it('flags unavailable storage with a sentence for the page', () => {
		setStorageStatus('unavailable');
		expect(isStorageAvailable()).toBe(false);
		expect(getStorageStatus().message).toMatch(/^History cannot be kept in this browser mode/);
	});
});
