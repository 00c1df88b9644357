// The database's name and the settings store's, on their own so that the service worker can read
// a setting without carrying the app's storage code (see src/service-worker/reminders.ts).

export const DB_NAME = 'limber';

/** The object store with one record per setting (the setting's value, under its key). */
export const SETTINGS_STORE = 'settings';
