// The person's settings as runes state, loaded once from IndexedDB. Every change is a
// read-modify-write of its one key inside one IndexedDB transaction (so two tabs changing
// different programs' levels, or adding morning answers, never overwrite each other), and is
// announced on a BroadcastChannel so other tabs read that key again. Cues, the safety check and
// the pages read `settings.values`; nothing else keeps a copy.
import { getSetting, getAllSettings, updateSetting } from '$lib/storage/settings';
import {
	defaultSettings,
	isSettingKey,
	type SettingKey,
	type Settings
} from '$lib/storage/settings-schema';

import { SETTINGS_CHANNEL } from '$lib/storage/change-events';

/** The channel on which tabs (and sync, for what it pulls) announce a changed setting: `{ key }`. */
export { SETTINGS_CHANNEL };

/** Settings as this page sees them (one per page: `settings`; tests make two to act as two tabs). */
export class SettingsState {
	values: Settings = $state(defaultSettings());
	loaded = $state(false);
	/** Why settings could not be read or written (shown in Settings), or ''. */
	problem = $state('');
	#loading: Promise<void> | null = null;
	#channel: BroadcastChannel | null = null;

	/** Loads the stored settings (once; later calls wait for the same load). */
	load(): Promise<void> {
		this.#loading ??= getAllSettings()
			.then((stored) => {
				this.values = { ...defaultSettings(), ...stored };
			})
			.catch((error: unknown) => {
				this.problem = error instanceof Error ? error.message : String(error);
			})
			.finally(() => {
				this.loaded = true;
				this.#listen();
			});
		return this.#loading;
	}

	/** Changes one setting now and stores it; a failed write is reported, the change stays for this visit. */
	async set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
		this.values[key] = value;
		const stored = $state.snapshot(value) as Settings[K];
		await this.#write(key, () => stored);
	}

	/**
	 * Changes one setting from its stored value (read and written in one transaction, so a change
	 * made meanwhile in another tab is kept); resolves to the new value.
	 */
	async update<K extends SettingKey>(
		key: K,
		change: (current: Settings[K]) => Settings[K]
	): Promise<Settings[K]> {
		const optimistic = change($state.snapshot(this.values[key]) as Settings[K]);
		this.values[key] = optimistic;
		return (await this.#write(key, change)) ?? optimistic;
	}

	async #write<K extends SettingKey>(
		key: K,
		change: (current: Settings[K]) => Settings[K]
	): Promise<Settings[K] | undefined> {
		try {
			const stored = await updateSetting(key, change);
			this.values[key] = stored;
			this.problem = '';
			this.#announce(key);
			return stored;
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
			return undefined;
		}
	}

	#announce(key: SettingKey): void {
		try {
			this.#channel?.postMessage({ key });
		} catch {
			// A closed channel: other tabs read the setting on their next load.
		}
	}

	#listen(): void {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(SETTINGS_CHANNEL);
		// In Node (unit tests) a channel would keep the process alive.
		(this.#channel as { unref?: () => void }).unref?.();
		this.#channel.addEventListener('message', (event: MessageEvent<unknown>) => {
			const key = (event.data as { key?: unknown } | null)?.key;
			if (typeof key === 'string' && isSettingKey(key)) void this.#reread(key);
		});
	}

	async #reread(key: SettingKey): Promise<void> {
		try {
			const value = await getSetting(key);
			(this.values as Record<SettingKey, unknown>)[key] = value;
		} catch {
			// Keep what this tab has; the next load reads it again.
		}
	}
}

export const settings = new SettingsState();
