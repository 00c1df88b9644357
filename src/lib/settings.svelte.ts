// The person's settings as runes state, loaded once from IndexedDB and written back on change.
// Cues, the safety check and the pages read `settings.values`; nothing else keeps a copy.
import { getAllSettings, setSetting } from '$lib/storage/settings';
import { defaultSettings, type SettingKey, type Settings } from '$lib/storage/settings-schema';

class SettingsState {
	values: Settings = $state(defaultSettings());
	loaded = $state(false);
	/** Why settings could not be read or written (shown in Settings), or ''. */
	problem = $state('');
	#loading: Promise<void> | null = null;

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
			});
		return this.#loading;
	}

	/** Changes one setting now and stores it; a failed write is reported, the change stays for this visit. */
	async set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
		this.values[key] = value;
		try {
			await setSetting(key, $state.snapshot(value) as Settings[K]);
			this.problem = '';
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
		}
	}
}

export const settings = new SettingsState();
