// An unfinished session described in words for the Resume question: "You stopped 12 minutes
// ago at Bird-dog, set 2 of 2." Pure: the program, its timeline and `now` come in; the words are
// messages in the player's locale (English by default; docs/i18n.md).
import type { Locale } from '$lib/i18n/locale';
import { formatNumber } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { expandTimeline } from '$lib/program/timeline';
import type { Program } from '$lib/program/types';
import type { EngineSnapshot } from '$lib/player/engine-types';

/** How long ago a moment was, in plain words ("just now", "12 minutes ago", "yesterday"). */
export function agoText(then: number, now: number, locale: Locale = 'en'): string {
	const seconds = Math.max(0, Math.round((now - then) / 1000));
	if (seconds < 60) return m.player_just_now({}, { locale });
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return format.format(-minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return format.format(-hours, 'hour');
	return format.format(-Math.floor(hours / 24), 'day');
}

/** Where in the program a snapshot stopped: "Bird-dog, set 2 of 2, left side". */
export function placeText(
	program: Program,
	snapshot: Pick<EngineSnapshot, 'stepIndex' | 'status'>,
	locale: Locale = 'en'
): string {
	const options = { locale };
	if (snapshot.status === 'ready') return m.player_place_start({}, options);
	const timeline = expandTimeline(program);
	const step = timeline.steps[snapshot.stepIndex];
	if (snapshot.status === 'complete' || !step) return m.player_place_end({}, options);
	const exercise = program.exercises[step.exerciseIndex];
	if (!exercise) return m.player_place_start({}, options);
	const parts = [exercise.name];
	if (exercise.sets > 1)
		parts.push(
			m.player_set_in_list(
				{ set: formatNumber(step.set, locale), sets: formatNumber(exercise.sets, locale) },
				options
			)
		);
	if (step.side)
		parts.push(
			step.side === 'left' ? m.player_place_left({}, options) : m.player_place_right({}, options)
		);
	const place = parts.join(', ');
	if (step.kind === 'rest' && step.restKind === 'betweenExercises')
		return m.player_place_rest_before({ place }, options);
	return place;
}

/** The Resume question's sentence for an unfinished session. */
export function stoppedText(
	program: Program,
	checkpoint: { savedAt: number; snapshot: Pick<EngineSnapshot, 'stepIndex' | 'status'> },
	now: number,
	locale: Locale = 'en'
): string {
	return m.player_stopped(
		{
			ago: agoText(checkpoint.savedAt, now, locale),
			place: placeText(program, checkpoint.snapshot, locale)
		},
		{ locale }
	);
}
