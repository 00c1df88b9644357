// After a session is saved (or a morning answer is given): which level the program moves to.
// Glue between the session log and the pure rules in $lib/safety (progression, pain rule).
import { localDay } from '$lib/adherence/days';
import type { Locale } from '$lib/i18n/locale';
import type { Program } from '$lib/program/types';
import { assessMorning } from '$lib/safety/pain-rule';
import {
	nextLevel,
	type LevelSession,
	type MorningCheck,
	type ProgressionResult
} from '$lib/safety/progression';
import type { SessionRecord } from '$lib/session/record';
import type { MorningPain } from '$lib/storage/settings-schema';

function asLevelSession(
	session: SessionRecord,
	timeZone: string
): LevelSession & { completed: boolean } {
	return {
		day: localDay(session.startedAt, timeZone),
		level: session.level ?? null,
		painBefore: session.painBefore ?? null,
		painAfter: session.painAfter ?? null,
		completed: session.completed
	};
}

/** Morning answers as flare-up checks: each compared with the last session before its day. */
export function morningChecks(
	entries: readonly MorningPain[],
	sessionsNewestFirst: readonly SessionRecord[],
	timeZone: string
): MorningCheck[] {
	const sessions = sessionsNewestFirst.map((s) => ({ s, day: localDay(s.startedAt, timeZone) }));
	return entries.map((entry) => {
		const previous = sessions.find((x) => x.day < entry.day)?.s;
		const { rose } = assessMorning({
			morningPain: entry.pain,
			previousBaseline: previous?.painBefore ?? null,
			painAfterLastSession: previous?.painAfter ?? null
		});
		return { day: entry.day, rose };
	});
}

/**
 * The level for this program's next session, given its sessions (newest first, the one just
 * saved included) and the morning answers; null when the program has no progression. `today`
 * is the local day now ('YYYY-MM-DD'): answers dated after it (given while the device's clock
 * ran ahead) are ignored, or one such answer would count as a fresh flare-up on every session
 * and hold the level at 1 for ever. The result's message is in `locale`.
 */
export function levelAfter(
	program: Program,
	currentLevel: number,
	sessionsNewestFirst: readonly SessionRecord[],
	morning: readonly MorningPain[],
	timeZone: string,
	today: string,
	locale: Locale = 'en'
): ProgressionResult | null {
	if (!program.progression) return null;
	const own = sessionsNewestFirst.filter((s) => s.programId === program.id);
	const answered = morning.filter((entry) => entry.day <= today);
	return nextLevel(
		{
			level: currentLevel,
			levels: program.progression.levels,
			sessionsToAdvance: program.progression.sessionsToAdvance,
			recentSessions: own.slice(0, 50).map((s) => asLevelSession(s, timeZone)),
			morningChecks: morningChecks(answered.slice(-30), sessionsNewestFirst.slice(0, 200), timeZone)
		},
		locale
	);
}
