// The History page's backup and export actions: make a backup file, a CSV of the sessions, and
// restore a backup (checked under the Import page's rules before anything is stored).
import { localDay } from '$lib/adherence/days';
import { fetchBuiltinIds } from '$lib/catalog/builtin';
import { downloadText } from '$lib/download';
import type { Problem } from '$lib/program/types';
import { settings } from '$lib/settings.svelte';
import { exportBackup, importBackup, parseBackup } from '$lib/storage/backup';
import { sessionsToCsv } from '$lib/storage/csv';
import { listSessions } from '$lib/storage/sessions';
import { isoTime } from '$lib/time';

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Backup and export, observable by the History page's section for them. */
export class BackupState {
	busy = $state(false);
	/** Why the chosen backup cannot be restored (at most MAX_PROBLEMS), and how many more. */
	problems: Problem[] = $state([]);
	more = $state(0);

	readonly #appVersion: string;
	/** Called once a backup is restored, so the page reads its history again first. */
	readonly #restored: () => Promise<void>;
	/** Tells the page what was done, for its status line. */
	readonly #say: (text: string) => void;

	constructor(
		appVersion: string,
		page: { restored: () => Promise<void>; say: (text: string) => void }
	) {
		this.#appVersion = appVersion;
		this.#restored = page.restored;
		this.#say = page.say;
	}

	/** Downloads a backup of everything on this device and notes when it was made. */
	async exportJson(): Promise<void> {
		await this.#run(async () => {
			const text = await exportBackup(Date.now(), this.#appVersion);
			downloadText(`limber-backup-${localDay(Date.now())}.json`, text, 'application/json');
			await settings.set('lastBackupAt', isoTime(Date.now()));
			return 'Backup file saved.';
		}, 'Could not export');
	}

	/** Downloads every session as CSV (whole records are read only now, for the file). */
	async exportCsv(): Promise<void> {
		await this.#run(async () => {
			const records = await listSessions();
			downloadText(
				`limber-sessions-${localDay(Date.now())}.csv`,
				sessionsToCsv(records),
				'text/csv'
			);
			return 'CSV file saved.';
		}, 'Could not export');
	}

	/** Restores a backup file: every problem listed and nothing stored unless all of it is valid. */
	async restore(file: File): Promise<void> {
		this.busy = true;
		this.problems = [];
		this.more = 0;
		this.#say('');
		try {
			// A backup obeys the Import page's rules: no program under a built-in program's id.
			const context = { today: localDay(Date.now()), builtinIds: await fetchBuiltinIds(fetch) };
			const parsed = parseBackup(await file.text(), context, file.size);
			if (!parsed.ok) {
				this.problems = parsed.problems;
				this.more = parsed.more;
				return;
			}
			const result = await importBackup(parsed.value);
			const added = `${result.sessionsAdded} ${result.sessionsAdded === 1 ? 'session' : 'sessions'} added`;
			// The history is read again first: "restored" is said once the restored sessions show.
			await this.#restored();
			this.#say(`Backup restored: ${added}, ${result.sessionsSkipped} already here.`);
		} catch (error) {
			this.problems = [{ path: '(file)', message: messageOf(error) }];
		} finally {
			this.busy = false;
		}
	}

	async #run(action: () => Promise<string>, failure: string): Promise<void> {
		this.busy = true;
		try {
			this.#say(await action());
		} catch (error) {
			this.#say(`${failure}: ${messageOf(error)}`);
		} finally {
			this.busy = false;
		}
	}
}
