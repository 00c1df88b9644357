// What the library shows besides the built-in programs, all read from this device's storage:
// imported programs, an unfinished session to resume, the one-time note and the morning pain
// question, and the Today section (what today asks of each followed routine). Loaded lazily by the library page once it has rendered (see $lib/defer), with the
// components that show these parts, so the page's first load carries none of them.
import { defaultTimeZone, localDay } from '$lib/adherence/days';
import { findProgram, summarizeProgram, type ProgramSummary } from '$lib/catalog/catalog';
import type { Locale } from '$lib/i18n/locale';
import { lazyImport } from '$lib/lazy-import';
import { assessMorning, needsMorningCheck } from '$lib/safety/pain-rule';
import { progressLevel } from '$lib/recorder/levels';
import { recoverFinishedSessions } from '$lib/recorder/recorder.svelte';
import type { SessionRecord } from '$lib/session/record';
import { settings } from '$lib/settings.svelte';
import { todaySection, type TodaySection } from '$lib/reminders/today-section';
import { interfaceLocale } from '$lib/language.svelte';
import { loadCheckpoints } from '$lib/storage/checkpoint';
import { readDatabase } from '$lib/storage/database';
import type { SessionDigest } from '$lib/storage/schema';
import { onSessionsChanged } from '$lib/storage/session-events';
import { onProgramsChanged } from '$lib/storage/change-events';
import { listSessionDigests, listSessions } from '$lib/storage/sessions';
import { PageNow } from '$lib/today.svelte';

type Fetch = typeof fetch;

// The library's lazily shown parts come with this module (one request after the first paint).
export { default as LibraryNotices } from './LibraryNotices.svelte';
export { default as ImportedCards } from './ImportedCards.svelte';
export { default as FirstVisitNote } from './FirstVisitNote.svelte';
export { default as TodayPanel } from './TodayPanel.svelte';

// The imported programs' module brings the program validator: load it only when some exist.
const importedPrograms = () => lazyImport(() => import('$lib/storage/programs'));

async function readImported(): Promise<ProgramSummary[]> {
	if ((await readDatabase((db) => db.count('programs'), 0)) === 0) return [];
	const { listImportedPrograms } = await importedPrograms();
	return (await listImportedPrograms()).map((program) => summarizeProgram(program, true));
}

/** What the library shows besides the built-in programs, read from this device. */
export class LibraryState {
	imported: ProgramSummary[] = $state([]);
	/** Why imported programs could not be read, or ''. */
	importError = $state('');
	/** Unfinished sessions to resume, newest first. */
	unfinished: { sessionId: string; programId: string; title: string }[] = $state([]);
	/** The newest session, which the morning question compares with. */
	lastSession: SessionRecord | null = $state.raw(null);
	askMorning = $state(false);
	showDisclaimer = $state(false);
	/** Every session's digest for Today, or null until read (or when the log cannot be read). */
	todaySessions: SessionDigest[] | null = $state.raw(null);
	/** "Now" for Today: moves on at local midnight and when the page becomes visible. */
	readonly clock = new PageNow();
	#builtins: ProgramSummary[] = $state.raw([]);

	/**
	 * The Today section: each routine followed today with what is done, and the next one due;
	 * null when nothing is followed today or the log could not be read (then no section at all).
	 * The next one due is found from the person's reminder times (the routine page's Reminders),
	 * or the routine's default times where none are set.
	 */
	readonly today: TodaySection | null = $derived(
		this.todaySessions &&
			todaySection(
				[...this.#builtins, ...this.imported].map((program) => ({
					...program,
					title: program.cardTranslations?.[interfaceLocale()]?.title ?? program.title
				})),
				this.todaySessions,
				settings.values.follows,
				settings.values.reminders,
				this.clock.now,
				{ locale: interfaceLocale() }
			)
	);

	/** Reads everything from storage (each part on its own: one failing leaves the others). */
	async read(builtins: ProgramSummary[]): Promise<void> {
		this.#builtins = builtins;
		await settings.load();
		this.showDisclaimer = !settings.values.disclaimerSeen;
		try {
			this.imported = await readImported();
		} catch (error) {
			this.importError = error instanceof Error ? error.message : String(error);
		}
		try {
			// A session that ended but could not be stored (or the page went away first) is stored now.
			await recoverFinishedSessions(async (id) => (await findProgram(fetch, id))?.program ?? null);
			const all = [...builtins, ...this.imported];
			this.unfinished = (await loadCheckpoints())
				.filter((checkpoint) => !checkpoint.record)
				.map(({ sessionId, programId }) => ({
					sessionId,
					programId,
					title: all.find((p) => p.id === programId)?.title ?? programId
				}));
		} catch {
			// No checkpoint to offer.
		}
		try {
			const [latest] = await listSessions({ limit: 1 });
			if (latest) {
				const zone = defaultTimeZone();
				this.lastSession = latest;
				this.askMorning = needsMorningCheck(
					localDay(latest.startedAt, zone),
					settings.values.lastMorningCheckDay,
					localDay(Date.now(), zone)
				);
			}
		} catch {
			// Without the log there is nothing to ask about.
		}
		await this.readToday();
	}

	/** Reads the session log again for Today (a failed read leaves what was shown). */
	async readToday(): Promise<void> {
		try {
			const sessions = await listSessionDigests();
			this.clock.refresh();
			this.todaySessions = sessions;
		} catch {
			// Without the log Today cannot count: it keeps what it had (nothing, at first).
		}
	}

	/**
	 * Keeps Today current while the library is open: the log read again when a session is saved
	 * (in this tab or another: the sessions channel) and when the page becomes visible; "now"
	 * moved on at local midnight. Returns the function that stops it (for an effect).
	 */
	watchToday(): () => void {
		const stopClock = this.clock.start();
		const stopChannel = onSessionsChanged(() => void this.readToday());
		// Routines pulled by sync (or saved in another tab) appear without a reload.
		const stopPrograms = onProgramsChanged(() => void this.rereadImported().catch(() => {}));
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.readToday();
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			stopClock();
			stopChannel();
			stopPrograms();
			document.removeEventListener('visibilitychange', onVisible);
		};
	}

	/** Reads the imported programs again (after a removal). */
	async rereadImported(): Promise<void> {
		this.imported = await readImported();
	}
}

/** Reads everything the library adds to the built-in list. */
export async function readLibraryState(builtins: ProgramSummary[]): Promise<LibraryState> {
	const state = new LibraryState();
	await state.read(builtins);
	return state;
}

/** Removes an imported program (its sessions stay in the history). */
export async function removeImported(id: string): Promise<void> {
	const { deleteImportedProgram } = await importedPrograms();
	await deleteImportedProgram(id);
}

/** Remembers that the one-time note was read. */
export async function dismissDisclaimer(): Promise<void> {
	await settings.set('disclaimerSeen', true);
}

/** Remembers that today's morning question was answered or skipped. */
export async function markMorningAsked(): Promise<void> {
	await settings.set('lastMorningCheckDay', localDay(Date.now(), defaultTimeZone()));
}

/** Stores this morning's answer, eases levels back after a flare-up, returns the advice in `locale`. */
export async function answerMorning(
	fetchFn: Fetch,
	lastSession: SessionRecord | null,
	pain: number,
	locale: Locale = 'en'
): Promise<string> {
	const zone = defaultTimeZone();
	const today = localDay(Date.now(), zone);
	await settings.update('morningPain', (entries) => [...entries, { day: today, pain }]);
	await settings.set('lastMorningCheckDay', today);
	const assessment = assessMorning(
		{
			morningPain: pain,
			previousBaseline: lastSession?.painBefore ?? null,
			painAfterLastSession: lastSession?.painAfter ?? null
		},
		locale
	);
	if (assessment.rose) {
		for (const id of Object.keys(settings.values.programLevels)) {
			const found = await findProgram(fetchFn, id).catch(() => null);
			if (found) await progressLevel(found.program, locale);
		}
	}
	return assessment.advice;
}
