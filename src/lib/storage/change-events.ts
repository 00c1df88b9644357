// Tells the open pages (in this tab and others) that routines or settings changed underneath
// them, as session-events.ts does for the session log: sync writes what it pulls straight into
// the stores, and the library and Settings read it again when told. Settings use the channel the
// settings state already listens on ($lib/settings.svelte: one message per key).
import type { SettingKey } from './settings-schema';

/** The channel on which a changed setting is announced: `{ key }`. */
export const SETTINGS_CHANNEL = 'limber-settings';

/** The channel on which changed routines are announced. */
export const PROGRAMS_CHANNEL = 'limber-programs';

/** The one message on the programs channel: routines were saved or removed. */
export interface ProgramsChanged {
	type: 'programs-changed';
}

function post(name: string, messages: readonly unknown[]): void {
	if (typeof BroadcastChannel === 'undefined' || messages.length === 0) return;
	const channel = new BroadcastChannel(name);
	// Messages posted before close() are still delivered.
	for (const message of messages) channel.postMessage(message);
	channel.close();
}

/** Says that these settings changed (after the write has completed). */
export function announceSettingsChanged(keys: readonly SettingKey[]): void {
	post(
		SETTINGS_CHANNEL,
		keys.map((key) => ({ key }))
	);
}

/** Says that stored routines changed (after the write has completed). */
export function announceProgramsChanged(): void {
	post(PROGRAMS_CHANNEL, [{ type: 'programs-changed' } satisfies ProgramsChanged]);
}

/** Calls `changed` whenever a page says routines changed; returns the function that stops. */
export function onProgramsChanged(changed: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(PROGRAMS_CHANNEL);
	(channel as { unref?: () => void }).unref?.();
	channel.addEventListener('message', (event: MessageEvent<unknown>) => {
		const data = event.data as Partial<ProgramsChanged> | null;
		if (data?.type === 'programs-changed') changed();
	});
	return () => channel.close();
}
