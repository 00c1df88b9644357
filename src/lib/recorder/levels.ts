// Moves a program's progression level after a session is stored or answered, or after a morning
// answer: the level is read and written inside one settings transaction, so two tabs saving
// sessions of two programs keep both levels.
import { defaultTimeZone, localDay } from '$lib/adherence/days';
import type { Locale } from '$lib/i18n/locale';
import type { Program } from '$lib/program/types';
import { clampLevel, type ProgressionResult } from '$lib/safety/progression';
import { settings } from '$lib/settings.svelte';
import { listSessions } from '$lib/storage/sessions';
import { levelAfter } from './level-update';

/** The program's level for its next session, stored; null when it has no progression. The
 *  result's message is in `locale`. */
export async function progressLevel(
	program: Program,
	locale: Locale = 'en'
): Promise<ProgressionResult | null> {
	const progression = program.progression;
	if (!progression) return null;
	await settings.load();
	const recent = await listSessions({ programId: program.id, limit: 50 });
	const morning = settings.values.morningPain;
	const zone = defaultTimeZone();
	const today = localDay(Date.now(), zone);
	let result: ProgressionResult | null = null;
	await settings.update('programLevels', (levels) => {
		const current = clampLevel(levels[program.id] ?? 1, progression.levels);
		result = levelAfter(program, current, recent, morning, zone, today, locale);
		return result && result.level !== levels[program.id]
			? { ...levels, [program.id]: result.level }
			: levels;
	});
	return result;
}
