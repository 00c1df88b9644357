// Progression between a program's levels: move up one level after enough sessions in a row at
// the current level that met the pain rule, ease back one level after a flare-up, never leave
// 1…levels. Pure: the caller stores the level and passes in what happened. (Sources: NHSi, ARUK.)
// The message is in messages/safety (`progress_` keys), in the locale passed in (default English).
import type { Locale } from '$lib/i18n/locale';
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
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

/** Decides the level for the next session from recent sessions and morning checks; the message
 *  is in `locale`. */
export function nextLevel(input: ProgressionInput, locale: Locale = 'en'): ProgressionResult {
	const options = { locale };
	const n = (value: number) => formatNumber(value, locale);
	const one = (count: number) => pluralForm(count, locale) === 'one';
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
			message: (one(needed) ? m.progress_start_one : m.progress_start_other)(
				{ level: n(current), count: n(needed) },
				options
			)
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
				message: m.progress_eased_already({ level: n(current) }, options)
			};
		}
		if (flareLevel <= 1) {
			return {
				level: 1,
				reason: 'min',
				message: sessionFlare
					? m.progress_min_session({}, options)
					: m.progress_min_morning({}, options)
			};
		}
		const eased = flareLevel - 1;
		return {
			level: eased,
			reason: 'drop',
			message: (sessionFlare ? m.progress_drop_session : m.progress_drop_morning)(
				{ level: n(eased) },
				options
			)
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
				message: m.progress_max({ levels: n(levels) }, options)
			};
		}
		return {
			level: current + 1,
			reason: 'advance',
			message: (one(needed) ? m.progress_advance_one : m.progress_advance_other)(
				{ count: n(needed), level: n(current), next: n(current + 1) },
				options
			)
		};
	}

	const left = needed - run;
	const message = unrated
		? m.progress_unrated({ level: n(current) }, options)
		: (one(left) ? m.progress_hold_one : m.progress_hold_other)(
				{ level: n(current), count: n(left) },
				options
			);
	return { level: current, reason: 'hold', message };
}
