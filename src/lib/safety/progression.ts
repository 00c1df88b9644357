// Progression between a program's levels: move up one level after enough sessions in a row at
// the current level that met the pain rule, ease back one level after a flare-up, never leave
// 1…levels. Pure: the caller stores the level and passes in what happened. (Sources: NHSi, ARUK.)
import { clampLevel } from '$lib/program/progression';
import { meetsPainRule } from './pain-rule';

export { clampLevel };

export interface LevelSession {
	/** Local day ('YYYY-MM-DD') the session was played. */
	day: string;
	/** The level played; sessions without one never count towards moving up. */
	level?: number | null;
	painBefore?: number | null;
	painAfter?: number | null;
	/** False for a session stopped part-way: it does not count towards moving up. */
	completed?: boolean;
}

export interface MorningCheck {
	/** Local day ('YYYY-MM-DD') of the check; it is asked before any session that day. */
	day: string;
	/** Whether that morning's pain was higher than the baseline (see assessMorning). */
	rose: boolean;
}

export interface ProgressionInput {
	/** The level the person is on now. */
	level: number;
	/** How many levels the program has (1 or more). */
	levels: number;
	/** Sessions in a row at the current level, within the pain rule, needed to move up. */
	sessionsToAdvance: number;
	/** This program's recent sessions, newest first. */
	recentSessions: readonly LevelSession[];
	morningChecks?: readonly MorningCheck[];
}

export type ProgressionReason = 'advance' | 'hold' | 'drop' | 'max' | 'min';

export interface ProgressionResult {
	/** The level for the next session. */
	level: number;
	reason: ProgressionReason;
	message: string;
}

function sessionWord(count: number): string {
	return count === 1 ? 'session' : 'sessions';
}

/** Decides the level for the next session from recent sessions and morning checks. */
export function nextLevel(input: ProgressionInput): ProgressionResult {
	const levels = clampLevel(input.levels, Number.MAX_SAFE_INTEGER);
	const current = clampLevel(input.level, levels);
	const needed = clampLevel(input.sessionsToAdvance, Number.MAX_SAFE_INTEGER);
	const sessions = input.recentSessions;
	const checks = input.morningChecks ?? [];
	const newest = sessions[0];

	if (!newest) {
		return {
			level: current,
			reason: 'hold',
			message: `Start at level ${current}. After ${needed} ${sessionWord(needed)} in a row that stay within the pain rule, you can move up a level.`
		};
	}

	// A flare-up not yet acted on: the newest session went beyond the pain rule, or a morning
	// check after it (asked on a later day, before any session that day) found more pain.
	const sessionFlare = meetsPainRule(newest) === false;
	const morningFlare = checks.some((check) => check.rose && check.day > newest.day);
	if (sessionFlare || morningFlare) {
		const flareLevel = newest.level == null ? current : clampLevel(newest.level, levels);
		if (current < flareLevel) {
			return {
				level: current,
				reason: 'hold',
				message: `You have already eased back to level ${current} after the flare-up. Stay here until your back settles.`
			};
		}
		const cause = sessionFlare
			? 'Pain rose more than the pain rule allows in your last session'
			: 'Your back was more painful this morning than before your last session';
		if (flareLevel <= 1) {
			return {
				level: 1,
				reason: 'min',
				message: `${cause}. You are already at the easiest level: keep the session gentle, do fewer repetitions if you need to, and keep moving rather than stopping. If the pain keeps getting worse, contact your doctor or physiotherapist.`
			};
		}
		const eased = flareLevel - 1;
		return {
			level: eased,
			reason: 'drop',
			message: `${cause}, so the next session eases back to level ${eased}. Flare-ups are common and usually settle; keep moving gently rather than stopping.`
		};
	}

	// Sessions after the latest morning flare-up start a new run.
	let lastFlareDay = '';
	for (const check of checks) {
		if (check.rose && check.day <= newest.day && check.day > lastFlareDay) lastFlareDay = check.day;
	}
	let run = 0;
	let unrated = false;
	for (const session of sessions) {
		if (run >= needed) break;
		if (session.level == null || clampLevel(session.level, levels) !== current) break;
		if (session.day < lastFlareDay || session.completed === false) break;
		const met = meetsPainRule(session);
		if (met !== true) {
			unrated = met === null;
			break;
		}
		run++;
	}

	if (run >= needed) {
		if (current >= levels) {
			return {
				level: current,
				reason: 'max',
				message: `You are at the top level (${levels}) and your sessions are going well. Keep it up, and talk to your physiotherapist if you would like a harder program.`
			};
		}
		return {
			level: current + 1,
			reason: 'advance',
			message: `${needed} ${sessionWord(needed)} in a row at level ${current} stayed within the pain rule, so the next session moves up to level ${current + 1}: a little more each time. You can always choose an easier level.`
		};
	}

	const left = needed - run;
	const message = unrated
		? `Stay at level ${current}. Rate your pain before and after each session so the app can tell when you are ready to move up.`
		: `Stay at level ${current}: ${left} more ${sessionWord(left)} in a row within the pain rule before moving up.`;
	return { level: current, reason: 'hold', message };
}
