// Settings as key-value records: one record per setting. Every value is checked on read; a
// missing or unusable one reads as its default, so a damaged setting never breaks a page.
import { formatProblem } from '$lib/validation/problems';
import { inTransaction, readDatabase, withDatabase } from './database';
import {
	defaultSettings,
	isSettingKey,
	isValidSetting,
	settingProblems,
	type SettingKey,
	type Settings
} from './settings-schema';
import { recordSetting, SYNC_STORES, syncStoresOf } from './sync-changes';

export {
	defaultSettings,
	type MorningPain,
	type SettingKey,
	type Settings
} from './settings-schema';

/** One setting's stored value, or `fallback` (the default unless given) when unset or unusable. */
export async function getSetting<K extends SettingKey>(
	key: K,
	fallback: Settings[K] = defaultSettings()[key]
): Promise<Settings[K]> {
	const value: unknown = await readDatabase((db) => db.get('settings', key), undefined);
	return value !== undefined && isValidSetting(key, value) ? value : fallback;
}

/**
 * Stores one setting (and records it for sync while sync is on). Rejects with a TypeError when
 * the value is not acceptable for the key.
 */
export async function setSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
	assertValid(key, value);
	await withDatabase((db) =>
		inTransaction(db, ['settings', ...SYNC_STORES], 'readwrite', async (tx) => {
			const store = tx.objectStore('settings');
			const previous: unknown = key === 'morningPain' ? await store.get(key) : undefined;
			await store.put(value, key);
			await recordSetting(syncStoresOf(tx), store, key, previous);
		})
	);
}

/**
 * Reads, changes and writes one setting in a single transaction (so two tabs appending to
 * morningPain cannot lose each other's entry). Resolves to the stored value.
 */
export async function updateSetting<K extends SettingKey>(
	key: K,
	update: (current: Settings[K]) => Settings[K]
): Promise<Settings[K]> {
	return withDatabase((db) =>
		inTransaction(db, ['settings', ...SYNC_STORES], 'readwrite', async (tx) => {
			const store = tx.objectStore('settings');
			const stored: unknown = await store.get(key);
			const current =
				stored !== undefined && isValidSetting(key, stored) ? stored : defaultSettings()[key];
			const next = update(current);
			assertValid(key, next);
			await store.put(next, key);
			await recordSetting(syncStoresOf(tx), store, key, stored);
			return next;
		})
	);
}

/** Every setting: stored values where usable, defaults for the rest. */
export async function getAllSettings(): Promise<Settings> {
	const settings = defaultSettings();
	const stored = await readDatabase(async (db) => {
		const tx = db.transaction('settings', 'readonly');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
		await tx.done;
		return keys.map((key, i) => [String(key), values[i]] as const);
	}, []);
	const target = settings as unknown as Record<string, unknown>;
	for (const [key, value] of stored) {
		if (isSettingKey(key) && isValidSetting(key, value)) target[key] = value;
	}
	return settings;
}

function assertValid(key: SettingKey, value: unknown): void {
	if (!isSettingKey(key)) throw new TypeError(`"${key}" is not a known setting`);
	const problems = settingProblems(key, value);
	if (problems.length > 0) throw new TypeError(problems.map(formatProblem).join('; '));
}
