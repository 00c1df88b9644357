// Dose arithmetic and wording for a validated program: the arithmetic (the form, the total
// length) from dose-length.ts, and plain-words descriptions for the program page. Pure: no clock,
// no DOM. The descriptions' words are in messages/safety (`dose_` keys), in the locale passed in
// (default English); units stay symbols.
import type { Locale } from '$lib/i18n/locale';
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { doseForm } from './dose-length';
import type { Exercise } from './types';

export {
	doseForm,
	exerciseMs,
	hasSelfPaced,
	programTotalMs,
	SELF_PACED_MS_PER_REP
} from './dose-length';

/** Seconds as a dose reads them: "45 s", "90 s", "2 min 30 s", "5 min", "1 h 10 min". */
function doseSeconds(seconds: number): string {
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	if (minutes < 60) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
	return formatDuration(seconds * 1000);
}

/** A cue inside a sentence: "Breathe in" → "breathe in" (acronyms such as "ABC" are kept; German
 *  keeps every capital, since its nouns are capitalised: "Pause", "Hüften heben"). */
function cueInSentence(cue: string, locale: Locale): string {
	const trimmed = cue.trim();
	if (locale === 'de') return trimmed;
	const first = trimmed.charAt(0);
	const second = trimmed.charAt(1);
	if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return trimmed;
	return first.toLowerCase() + trimmed.slice(1);
}

/** "2 sets", "1 rep", "0 série": a count and its word, in the locale's plural form. */
function counted(
	count: number,
	locale: Locale,
	one: (inputs: { count: string }, options: { locale: Locale }) => string,
	other: (inputs: { count: string }, options: { locale: Locale }) => string
): string {
	const inputs = { count: formatNumber(count, locale) };
	return pluralForm(count, locale) === 'one' ? one(inputs, { locale }) : other(inputs, { locale });
}

/**
 * The dose of an exercise in plain words for the program page, in `locale`, e.g. "2 sets × 10
 * reps, hold 5 s, each side" or "2 Sätze × 10 Wiederholungen, 5 s halten, pro Seite".
 */
export function describeDose(exercise: Exercise, locale: Locale = 'en'): string {
	const options = { locale };
	const sides =
		exercise.sides === 'each'
			? `, ${m.dose_each_side({}, options)}`
			: exercise.sides === 'alternate'
				? `, ${m.dose_alternating({}, options)}`
				: '';
	const sets = counted(exercise.sets, locale, m.dose_sets_one, m.dose_sets_other);
	const reps = counted(exercise.reps, locale, m.dose_reps_one, m.dose_reps_other);
	switch (doseForm(exercise)) {
		case 'hold':
			return `${m.dose_hold({ sets, reps, time: doseSeconds(exercise.hold ?? 0) }, options)}${sides}`;
		case 'phases': {
			const phases = (exercise.phases ?? [])
				.map((phase) => {
					const cue = cueInSentence(phase.cue, locale);
					const time = doseSeconds(phase.seconds);
					return cue ? `${cue} ${time}` : time;
				})
				.join(' · ');
			return `${m.dose_paced({ sets, reps, phases }, options)}${sides}`;
		}
		case 'duration': {
			const bout = doseSeconds(exercise.duration ?? 0);
			return exercise.sets > 1 ? `${sets} × ${bout}${sides}` : `${bout}${sides}`;
		}
		case 'selfPaced': {
			const count = exercise.sets > 1 ? `${sets} × ${reps}` : reps;
			return `${m.dose_self_paced({ count }, options)}${sides}`;
		}
	}
}

import { formatDuration } from './duration-text';

export { formatDuration };
