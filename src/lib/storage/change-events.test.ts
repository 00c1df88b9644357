import { describe, expect, it } from 'vitest';
import {
	announceProgramsChanged,
	announceSettingsChanged,
	onProgramsChanged,
	PROGRAMS_CHANNEL,
	SETTINGS_CHANNEL
} from './change-events';

/** Messages are delivered as tasks: let them arrive. */
const settle = () => new Promise<void>((done) => setTimeout(done, 20));

describe('change events', () => {
	it('changed routines reach a listener; other messages on the channel do not', async () => {
		let heard = 0;
		const stop = onProgramsChanged(() => heard++);
		announceProgramsChanged();
		const other = new BroadcastChannel(PROGRAMS_CHANNEL);
		other.postMessage({ type: 'something-else' });
		other.close();
		await settle();
		expect(heard).toBe(1);
		stop();
		announceProgramsChanged();
		await settle();
		expect(heard).toBe(1);
	});

	it('changed settings: one { key } message per key on the settings channel, none for none', async () => {
		const keys: unknown[] = [];
		const channel = new BroadcastChannel(SETTINGS_CHANNEL);
		channel.onmessage = (event: MessageEvent<unknown>) => keys.push(event.data);
		announceSettingsChanged(['beeps', 'morningPain']);
		announceSettingsChanged([]);
		await settle();
		expect(keys).toEqual([{ key: 'beeps' }, { key: 'morningPain' }]);
		channel.close();
	});
});
