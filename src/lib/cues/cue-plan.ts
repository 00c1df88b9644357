// What to say, play and vibrate for one engine event: a pure function of the event, the
// program and the person's settings. No DOM, no clock; the outputs (beep.ts, speech.ts,
// vibration.ts) play what this returns, and cue-player.ts wires the two together.
//
// One trigger per cue: the engine emits several events at the moment a step starts
// (stepStarted plus phaseCue / rest / switchSides / nextUp). Every step cue here is planned
// from `stepStarted` alone, so a moment never produces the same cue twice; the other
// step-start events plan nothing. See docs/cues.md for the full table.
//
// The fixed words are messages in the player's locale (`ctx.locale`, English by default; see
// docs/i18n.md). Numbers are spoken as digits ("3"): the voice reads them in the utterance's
// language.
import { localeOf, type Locale } from '$lib/i18n/locale';
import { formatNumber } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import type { EngineEvent } from '$lib/player/engine-types';
import type { Step } from '$lib/program/timeline-types';
import type { Exercise, Program } from '$lib/program/types';
import { actionText, isHeld, releaseBefore, releaseText, sideName } from '$lib/program/guidance';
import type { Cue, CueContext, CueSettings, SpeakCue, Tone } from './types';
import { DEFAULT_CUE_SETTINGS } from './types';

/** Vibration patterns (ms on, off, on …), one per signal. */
export const VIBRATION_PATTERNS = {
	tick: [60],
	go: [250],
	end: [120, 80, 120],
	complete: [200, 100, 200, 100, 400],
	rep: [40]
} as const satisfies Record<string, readonly number[]>;

/** The fixed words the cues use, in one locale; see phrasesFor. What to do at each step (the
 * action, the release, what a side means) comes from $lib/program/guidance, which the screen
 * shows too. */
export interface CuePhrases {
	next: (name: string) => string;
	rest: string;
	switchSides: string;
	first: (sideName: string) => string;
	alternateSides: string;
	set: (set: number, of: number) => string;
	complete: string;
	ended: string;
	paused: string;
	resumed: string;
}

function phrases(locale: Locale): CuePhrases {
	const options = { locale };
	const n = (value: number) => formatNumber(value, locale);
	return {
		next: (name) => m.cue_next({ name }, options),
		rest: m.cue_rest({}, options),
		switchSides: m.cue_switch_sides({}, options),
		first: (side) => m.cue_first({ side }, options),
		alternateSides: m.cue_alternate_sides({}, options),
		set: (set, of) => m.cue_set({ set: n(set), sets: n(of) }, options),
		complete: m.cue_complete({}, options),
		ended: m.cue_ended({}, options),
		paused: m.cue_paused({}, options),
		resumed: m.cue_resumed({}, options)
	};
}

const PHRASES = new Map<Locale, CuePhrases>();

/** The phrase set for a locale or language tag ("de-AT" → German), falling back to English for
 * a language Limber does not speak. */
export function phrasesFor(lang: string): CuePhrases {
	const locale = localeOf(lang) ?? 'en';
	let found = PHRASES.get(locale);
	if (!found) {
		found = phrases(locale);
		PHRASES.set(locale, found);
	}
	return found;
}

/** Clamps the volume setting into 0–1 (a value that is not a number means the default). */
export function effectiveVolume(settings: CueSettings): number {
	const v = settings.volume;
	if (typeof v !== 'number' || Number.isNaN(v)) return DEFAULT_CUE_SETTINGS.volume;
	return Math.min(1, Math.max(0, v));
}

/** The cues to play for one engine event, already filtered by the person's settings. */
export function planCues(event: EngineEvent, ctx: CueContext): Cue[] {
	if (event.late) return [];
	const plan = planEvent(event, ctx.program, ctx.locale ?? 'en');
	return applySettings(plan, ctx.program.language, ctx.settings);
}

/** The unfiltered signals for one moment: at most one tone, one pattern and one sentence. */
interface Plan {
	tone?: Tone;
	vibrate?: readonly number[];
	speech?: { text: string; fallback?: Tone };
}

function applySettings(plan: Plan, lang: string, settings: CueSettings): Cue[] {
	const audible = effectiveVolume(settings) > 0;
	const cues: Cue[] = [];
	if (plan.tone && settings.beeps && audible) cues.push({ kind: 'beep', tone: plan.tone });
	if (plan.vibrate && settings.vibration)
		cues.push({ kind: 'vibrate', pattern: [...plan.vibrate] });
	if (plan.speech && plan.speech.text !== '' && settings.voice && audible) {
		const cue: SpeakCue = { kind: 'speak', text: plan.speech.text, lang };
		if (plan.speech.fallback) cue.fallback = plan.speech.fallback;
		cues.push(cue);
	}
	return cues;
}

function planEvent(event: EngineEvent, program: Program, locale: Locale): Plan {
	const words = phrasesFor(locale);
	switch (event.type) {
		case 'stepStarted':
			return planStepStart(event.step, program, words, locale);
		case 'countdown':
			return { tone: 'tick', vibrate: VIBRATION_PATTERNS.tick };
		case 'repCounted':
			return planRepCounted(event.step, event.repsCounted, locale);
		case 'sessionComplete': {
			// Played to the end after a hold or timed bout: let go first ("Lower slowly").
			const last = program.exercises.at(-1);
			const release = event.completed && isHeld(last) ? releaseText(last, locale) : '';
			return {
				tone: 'end',
				vibrate: VIBRATION_PATTERNS.complete,
				speech: {
					text: sentence([release, event.completed ? words.complete : words.ended]),
					fallback: 'end'
				}
			};
		}
		case 'paused':
			return { speech: { text: words.paused } };
		case 'resumed':
			return { speech: { text: words.resumed } };
		// Planned from stepStarted instead (same moment, same step): nothing here.
		case 'phaseCue':
		case 'switchSides':
		case 'rest':
		case 'nextUp':
			return {};
	}
}

function planStepStart(step: Step, program: Program, words: CuePhrases, locale: Locale): Plan {
	const exercise = program.exercises[step.exerciseIndex];
	const name = exercise?.name.trim() ?? '';
	// After a hold or timed bout the body lets go first: "Lower slowly".
	const release = releaseBefore(step, program, locale) ?? '';
	switch (step.kind) {
		case 'prepare': {
			// The starting position before the side: a get-ready is short, and a cue that runs on
			// is cut off by the next one, so what matters most comes first.
			const parts = [release, step.exerciseIndex === 0 ? name : name && words.next(name)];
			parts.push(exercise?.startCue ?? '');
			if (exercise?.sides === 'each' && step.side)
				parts.push(sideName(exercise, step.side, locale));
			if (exercise?.sides === 'alternate') parts.push(words.alternateSides);
			const plan: Plan = { speech: { text: sentence(parts), fallback: 'tick' } };
			if (followsWorkDirectly(step, program)) {
				plan.tone = 'end';
				plan.vibrate = VIBRATION_PATTERNS.end;
			}
			return plan;
		}
		case 'switchSides': {
			const parts = [release, words.switchSides];
			if (step.side) parts.push(sideName(exercise, step.side, locale));
			return stopWork(sentence(parts));
		}
		case 'rest': {
			const parts = [release || words.rest];
			if (step.restKind === 'betweenExercises' && name) parts.push(words.next(name));
			return stopWork(sentence(parts));
		}
		default:
			return startWork(step, program, exercise, words, locale);
	}
}

function stopWork(text: string): Plan {
	return { tone: 'end', vibrate: VIBRATION_PATTERNS.end, speech: { text, fallback: 'end' } };
}

/** A work step starts: the set (when it opens one), the side (alternating exercises: the side
 * changes every rep, so it is said first), then the one thing to do. */
function startWork(
	step: Step,
	program: Program,
	exercise: Exercise | undefined,
	words: CuePhrases,
	locale: Locale
): Plan {
	const parts: string[] = [];
	const opensSet = isFirstWorkStepOfSet(step);
	// Without a prepare step nothing else names the exercise: its first work step does.
	if (exercise && program.prepareSeconds === 0 && step.set === 1 && opensSet) {
		parts.push(exercise.name);
	}
	if (exercise && step.set > 1 && opensSet) parts.push(words.set(step.set, exercise.sets));
	const firstPhase = step.kind !== 'phase' || step.phaseIndex === 0;
	if (exercise?.sides === 'alternate' && step.side && firstPhase) {
		const side = sideName(exercise, step.side, locale);
		parts.push(step.kind === 'selfPaced' ? words.first(side) : side);
	}
	parts.push(actionText(step, exercise, locale));
	return {
		tone: 'go',
		vibrate: VIBRATION_PATTERNS.go,
		speech: { text: sentence(parts), fallback: 'go' }
	};
}

/** Counted self-paced reps are confirmed by number (not for "alternate", where taps switch sides). */
function planRepCounted(step: Step, repsCounted: number, locale: Locale): Plan {
	if (step.kind !== 'selfPaced' || step.alternate) return {};
	return {
		vibrate: VIBRATION_PATTERNS.rep,
		speech: { text: formatNumber(repsCounted, locale) }
	};
}

/** True for the work step that opens a set: rep 1, first phase, and not the right-hand half. */
function isFirstWorkStepOfSet(step: Step): boolean {
	if (step.side === 'right') return false;
	if (step.kind === 'hold') return step.rep === 1;
	if (step.kind === 'phase') return step.rep === 1 && step.phaseIndex === 0;
	return step.kind === 'timed' || step.kind === 'selfPaced';
}

/** A prepare step comes straight after work when the rest before it is zero long. */
function followsWorkDirectly(step: Step, program: Program): boolean {
	if (step.exerciseIndex === 0) return false;
	const previous = program.exercises[step.exerciseIndex - 1];
	if (!previous) return false;
	return (previous.restAfter ?? program.restBetweenExercises) === 0;
}

/** Joins non-empty parts into one short utterance: "Rest. Next: Pelvic tilts". */
function sentence(parts: string[]): string {
	let text = '';
	for (const part of parts) {
		const p = part.trim();
		if (p === '') continue;
		if (text === '') text = p;
		else text += /[.!?:;,]$/.test(text) ? ` ${p}` : `. ${p}`;
	}
	return text;
}
