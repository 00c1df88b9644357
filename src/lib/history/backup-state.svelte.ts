// The History page's backup and export actions: make a backup file, a CSV of the sessions, and
// restore a backup (checked under the Import page's rules before anything is stored).
import { localDay } from '$lib/adherence/days';
import { fetchBuiltinIds } from '$lib/catalog/builtin';
import { downloadText } from '$lib/download';
import type { Locale } from '$lib/i18n/locale';
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
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
	/** The interface's language now: of what is said, and of the CSV's header row. */
	readonly #locale: () => Locale;

	constructor(
		appVersion: string,
		page: {
			restored: () => Promise<void>;
			say: (text: string) => void;
			locale?: () => Locale;
		}
	) {
		this.#appVersion = appVersion;
		this.#restored = page.restored;
		this.#say = page.say;
		this.#locale = page.locale ?? (() => 'en');
	}

	/** Downloads a backup of everything on this device and notes when it was made. */
	async exportJson(): Promise<void> {
		await this.#run(async () => {
			const text = await exportBackup(Date.now(), this.#appVersion);
			downloadText(`limber-backup-${localDay(Date.now())}.json`, text, 'application/json');
			await settings.set('lastBackupAt', isoTime(Date.now()));
			return m.history_backup_saved({}, { locale: this.#locale() });
		});
	}

	/** Downloads every session as CSV (whole records are read only now, for the file). */
	async exportCsv(): Promise<void> {
		await this.#run(async () => {
			const records = await listSessions();
			downloadText(
				`limber-sessions-${localDay(Date.now())}.csv`,
				sessionsToCsv(records, { locale: this.#locale() }),
				'text/csv'
			);
			return m.history_csv_saved({}, { locale: this.#locale() });
		});
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
			// The history is read again first: "restored" is said once the restored sessions show.
			await this.#restored();
			const locale = this.#locale();
			const inputs = {
				added: formatNumber(result.sessionsAdded, locale),
				skipped: formatNumber(result.sessionsSkipped, locale)
			};
			this.#say(
				pluralForm(result.sessionsAdded, locale) === 'one'
					? m.history_backup_restored_one(inputs, { locale })
					: m.history_backup_restored_other(inputs, { locale })
			);
		} catch (error) {
			this.problems = [{ path: '(file)', message: messageOf(error) }];
		} finally {
			this.busy = false;
		}
	}

	async #run(action: () => Promise<string>): Promise<void> {
		this.busy = true;
		try {
			this.#say(await action());
		} catch (error) {
			this.#say(m.history_export_failed({ problem: messageOf(error) }, { locale: this.#locale() }));
		} finally {
			this.busy = false;
		}
	}
}
