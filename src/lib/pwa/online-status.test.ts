import { describe, expect, it } from 'vitest';
import { onlineStatus, watchOnline } from './online-status.svelte';

describe('watchOnline', () => {
	it('follows navigator.onLine through the online and offline events until stopped', () => {
		const target = new EventTarget();
		const nav = { onLine: false };
		const stop = watchOnline(target, nav);
		expect(onlineStatus.online).toBe(false);

		nav.onLine = true;
		target.dispatchEvent(new Event('online'));
		expect(onlineStatus.online).toBe(true);

		nav.onLine = false;
		target.dispatchEvent(new Event('offline'));
		expect(onlineStatus.online).toBe(false);

		stop();
		nav.onLine = true;
		target.dispatchEvent(new Event('online'));
		expect(onlineStatus.online).toBe(false);
	});
});
