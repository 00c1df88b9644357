// Reading the app's database from a test, with the raw IndexedDB API (not the app's code).
import type { Page } from '@playwright/test';

/** Everything in one store of the app's database, read with the raw IndexedDB API. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => {
						db.close();
						resolve(request.result as T[]);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

/** One stored setting (undefined when never stored), read with the raw IndexedDB API. */
export async function readSetting(page: Page, key: string): Promise<unknown> {
	return page.evaluate(
		(name) =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction('settings').objectStore('settings').get(name);
					request.onsuccess = () => {
						db.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		key
	);
}
