// What the History and report pages read. History needs only each session's digest (one small
// read however long the log is) and the programs with a schedule to measure adherence against
// (built-in and imported); the report adds the whole records of its last four weeks.
import { addDays, localDay, tryLocalDay } from '$lib/adherence/days';
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { fetchBuiltinIndex, fetchBuiltinProgram, findProgram } from '$lib/catalog/catalog';
import type { Program } from '$lib/program/types';
import { recoverFinishedSessions } from '$lib/recorder/recorder.svelte';
import type { SessionRecord } from '$lib/session/record';
import { listImportedPrograms } from '$lib/storage/programs';
import type { SessionDigest } from '$lib/storage/schema';
import { listSessionDigests, listSessions } from '$lib/storage/sessions';

export interface HistoryData {
	/** Every session's digest, newest first. */
	digests: SessionDigest[];
	programs: ScheduledProgram[];
}

export interface ReportData extends HistoryData {
	/** Whole records of the sessions on the report's days, newest first. */
	recent: SessionRecord[];
	/** Every program on this device, whole (built-in and imported), for the routines' doses. */
	full: Program[];
	/** The report's first and last local day (four weeks, today included). */
	from: string;
	to: string;
}

/** Days in the clinician report, today included. */
export const REPORT_DAYS = 28;

/** Reads the digests and the programs; a missing program list only loses adherence targets. */
export async function loadHistory(fetchFn: typeof fetch): Promise<HistoryData> {
	// A session that ended but was never stored (its store failed, or the page went away) first.
	await recoverFinishedSessions(async (id) => (await findProgram(fetchFn, id))?.program ?? null);
	const [digests, programs] = await Promise.all([listSessionDigests(), loadPrograms(fetchFn)]);
	return { digests, programs };
}

/**
 * Reads what the report shows as of `now` (epoch ms): the digests for streaks and adherence,
 * and the whole records of the last REPORT_DAYS local days (in `timeZone`) for its table.
 */
export async function loadReport(
	fetchFn: typeof fetch,
	now: number,
	timeZone?: string
): Promise<ReportData> {
	const to = localDay(now, timeZone);
	const from = addDays(to, -(REPORT_DAYS - 1));
	// Local midnight of `from` is at most REPORT_DAYS days and a few hours (a zone's offset, a
	// clock change) before now: two days more is a safe lower bound; the days are checked below.
	const since = new Date(now - (REPORT_DAYS + 2) * 86_400_000).toISOString();
	const [data, candidates, full] = await Promise.all([
		loadHistory(fetchFn),
		listSessions({ since }),
		loadFullPrograms(fetchFn)
	]);
	const recent = candidates.filter((session) => {
		const day = tryLocalDay(session.startedAt, timeZone);
		return day !== null && day >= from && day <= to;
	});
	return { ...data, recent, full, from, to };
}

async function loadFullPrograms(fetchFn: typeof fetch): Promise<Program[]> {
	const [index, imported] = await Promise.all([
		fetchBuiltinIndex(fetchFn).catch(() => []),
		listImportedPrograms().catch(() => [])
	]);
	const builtins = await Promise.all(
		index.map((entry) => fetchBuiltinProgram(fetchFn, entry.id).catch(() => null))
	);
	return [...builtins.filter((program): program is Program => program !== null), ...imported];
}

async function loadPrograms(fetchFn: typeof fetch): Promise<ScheduledProgram[]> {
	const [builtins, imported] = await Promise.all([
		fetchBuiltinIndex(fetchFn).catch(() => []),
		listImportedPrograms().catch(() => [])
	]);
	return [...builtins, ...imported];
}
