// What the History and report pages read: every session (newest first) and every program
// that has a schedule to measure adherence against (built-in and imported).
import type { ScheduledProgram } from '$lib/adherence/weekly';
import { fetchBuiltinIndex } from '$lib/program/builtin';
import type { SessionRecord } from '$lib/session/record';
import { listImportedPrograms } from '$lib/storage/programs';
import { listSessions } from '$lib/storage/sessions';

export interface HistoryData {
	sessions: SessionRecord[];
	programs: ScheduledProgram[];
}

/** Reads the log and the programs; a missing program list only loses adherence targets. */
export async function loadHistory(fetchFn: typeof fetch): Promise<HistoryData> {
	const [sessions, builtins, imported] = await Promise.all([
		listSessions(),
		fetchBuiltinIndex(fetchFn).catch(() => []),
		listImportedPrograms().catch(() => [])
	]);
	return { sessions, programs: [...builtins, ...imported] };
}
