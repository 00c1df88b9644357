// The player's own words in each locale: the screen (display.ts) and the cues (cue-plan.ts) for
// a hold, a paced rep, a rest and a switch of sides, with exact strings. The program's own texts
// (names, phase cues) are the program's: only the fixed words change with the locale. The rep
// line keeps "2 von 3" together (no-break spaces) so that a long word wraps before it.
import { describe, expect, it } from 'vitest';
import { planCues } from '$lib/cues/cue-plan';
import type { CueSettings, SpeakCue } from '$lib/cues/types';
import type { Locale } from '$lib/i18n/locale';
import { expandTimeline } from '$lib/program/timeline';
import type { Step } from '$lib/program/timeline-types';
import { holdExercise, makeProgram, phasesExercise, selfPacedExercise } from '$lib/test-factories';
import { placeText, stoppedText } from './checkpoint-text';
import { viewOf } from './display';
import type { EngineState } from './engine-types';

const program = makeProgram({
	prepareSeconds: 5,
	exercises: [
		phasesExercise(
			[
				['Breathe in', 5],
				['Breathe out', 3]
			],
			{ id: 'breathing', name: 'Slow breathing', reps: 2 }
		),
		holdExercise(10, {
			id: 'triangle',
			name: 'Triangle pose',
			sides: 'each',
			sets: 2,
			reps: 3,
			restBetweenReps: 5,
			restBetweenSets: 20,
			instructions: ['Stand with your feet wide apart.']
		}),
		selfPacedExercise(10, { id: 'tilt', name: 'Pelvic tilts', sides: 'alternate' })
	]
});
const timeline = expandTimeline(program);
const ALL_ON: CueSettings = { beeps: true, voice: true, vibration: true, volume: 0.8 };

function stateAt(step: Step, remainingMs: number | null): EngineState {
	return {
		status: 'playing',
		stepIndex: step.index,
		step,
		remainingMs,
		repsCounted: 0,
		currentSide: step.side,
		elapsedMs: step.start,
		remainingTotalMs: timeline.totalMs - step.end + (remainingMs ?? 0),
		records: []
	};
}

function find(predicate: (step: Step) => boolean): Step {
	const step = timeline.steps.find(predicate);
	if (!step) throw new Error('no such step');
	return step;
}

function spoken(step: Step, locale: Locale): string {
	const cues = planCues({ type: 'stepStarted', step } as never, {
		program,
		settings: ALL_ON,
		locale
	});
	return cues.find((cue): cue is SpeakCue => cue.kind === 'speak')?.text ?? '';
}

const hold = find((s) => s.kind === 'hold' && s.set === 2 && s.rep === 2 && s.side === 'left');
const setOpens = find((s) => s.kind === 'hold' && s.set === 2 && s.rep === 1 && s.side === 'left');
const pacedRep = find((s) => s.kind === 'phase' && s.rep === 2 && s.phaseIndex === 1);
const restBetweenReps = find(
	(s) => s.kind === 'rest' && s.restKind === 'betweenReps' && s.exerciseIndex === 1
);
const restBetweenSets = find((s) => s.kind === 'rest' && s.restKind === 'betweenSets');
const switchSides = find((s) => s.kind === 'switchSides' && s.exerciseIndex === 1);

function screen(locale: Locale) {
	const view = (step: Step, ms: number) => viewOf(stateAt(step, ms), program, timeline, locale);
	const h = view(hold, 4000);
	const p = view(pacedRep, 2000);
	const r = view(restBetweenReps, 3000);
	const s = view(restBetweenSets, 3000);
	const w = view(switchSides, 3000);
	return {
		hold: [h.stepLabel, h.instruction, h.repText, h.setText, h.sideText, h.exerciseText],
		paced: [p.stepLabel, p.instruction, p.repText],
		rest: [r.stepLabel, r.instruction, r.nextText, s.nextText],
		switch: [w.stepLabel, w.sideText],
		timeLeft: h.timeLeftText
	};
}

function cues(locale: Locale) {
	return {
		hold: spoken(hold, locale),
		setOpens: spoken(setOpens, locale),
		paced: spoken(pacedRep, locale),
		rest: spoken(restBetweenReps, locale),
		restSets: spoken(restBetweenSets, locale),
		switch: spoken(switchSides, locale)
	};
}

describe('the player in each locale', () => {
	it('English (the default) is unchanged', () => {
		expect(screen('en')).toEqual({
			hold: ['Hold', 'Hold', 'Rep 2 of 3', 'Set 2 of 2', 'Left side', 'Exercise 2 of 3'],
			paced: ['Move', 'Breathe out', 'Rep 2 of 2'],
			rest: ['Rest', 'Relax', 'Next: rep 2 of 3, Left side', 'Next: set 2 of 2'],
			switch: ['Switch sides', 'Right side'],
			timeLeft: expect.stringMatching(/^about \d+:\d\d left$/)
		});
		expect(cues('en')).toEqual({
			hold: 'Hold',
			setOpens: 'Set 2 of 2. Hold',
			paced: 'Breathe out',
			rest: 'Relax',
			restSets: 'Relax',
			switch: 'Relax. Switch sides. Right side'
		});
	});

	it('German', () => {
		expect(screen('de')).toEqual({
			hold: [
				'Halten',
				'Halten',
				'Wiederholung 2\u00a0von\u00a03',
				'Satz 2 von 2',
				'Linke Seite',
				'Übung 2 von 3'
			],
			paced: ['Bewegen', 'Breathe out', 'Wiederholung 2\u00a0von\u00a02'],
			rest: [
				'Pause',
				'Entspannen',
				'Als Nächstes: Wiederholung 2 von 3, Linke Seite',
				'Als Nächstes: Satz 2 von 2'
			],
			switch: ['Seite wechseln', 'Rechte Seite'],
			timeLeft: expect.stringMatching(/^Noch etwa \d+:\d\d$/)
		});
		expect(cues('de')).toEqual({
			hold: 'Halten',
			setOpens: 'Satz 2 von 2. Halten',
			paced: 'Breathe out',
			rest: 'Entspannen',
			restSets: 'Entspannen',
			switch: 'Entspannen. Seite wechseln. Rechte Seite'
		});
	});

	it('Spanish', () => {
		expect(screen('es')).toEqual({
			hold: [
				'Mantenga',
				'Mantenga',
				'Repetición 2\u00a0de\u00a03',
				'Serie 2 de 2',
				'Lado izquierdo',
				'Ejercicio 2 de 3'
			],
			paced: ['Muévase', 'Breathe out', 'Repetición 2\u00a0de\u00a02'],
			rest: [
				'Descanso',
				'Relájese',
				'Siguiente: repetición 2 de 3, Lado izquierdo',
				'Siguiente: serie 2 de 2'
			],
			switch: ['Cambie de lado', 'Lado derecho'],
			timeLeft: expect.stringMatching(/^Quedan aprox\. \d+:\d\d$/)
		});
		expect(cues('es')).toEqual({
			hold: 'Mantenga',
			setOpens: 'Serie 2 de 2. Mantenga',
			paced: 'Breathe out',
			rest: 'Relájese',
			restSets: 'Relájese',
			switch: 'Relájese. Cambie de lado. Lado derecho'
		});
	});

	it('French', () => {
		expect(screen('fr')).toEqual({
			hold: [
				'Tenez',
				'Tenez',
				'Répétition 2\u00a0sur\u00a03',
				'Série 2 sur 2',
				'Côté gauche',
				'Exercice 2 sur 3'
			],
			paced: ['Bougez', 'Breathe out', 'Répétition 2\u00a0sur\u00a02'],
			rest: [
				'Repos',
				'Relâchez',
				'Ensuite\u00a0: répétition 2 sur 3, Côté gauche',
				'Ensuite\u00a0: série 2 sur 2'
			],
			switch: ['Changez de côté', 'Côté droit'],
			timeLeft: expect.stringMatching(/^Reste environ \d+:\d\d$/)
		});
		expect(cues('fr')).toEqual({
			hold: 'Tenez',
			setOpens: 'Série 2 sur 2. Tenez',
			paced: 'Breathe out',
			rest: 'Relâchez',
			restSets: 'Relâchez',
			switch: 'Relâchez. Changez de côté. Côté droit'
		});
	});

	it('says a rest that follows no hold, and the end of the session, in the locale', () => {
		const plain = makeProgram({
			exercises: [selfPacedExercise(4, { name: 'Pelvic tilts', restBetweenSets: 10, sets: 2 })]
		});
		const restStep = expandTimeline(plain).steps.find((s) => s.kind === 'rest')!;
		const say = (event: Parameters<typeof planCues>[0], locale: Locale) =>
			planCues(event, { program: plain, settings: ALL_ON, locale }).find(
				(cue): cue is SpeakCue => cue.kind === 'speak'
			)?.text;
		const done = { type: 'sessionComplete', completed: true } as never;
		expect(
			['en', 'de', 'es', 'fr'].map((l) =>
				say({ type: 'stepStarted', step: restStep } as never, l as Locale)
			)
		).toEqual(['Rest', 'Pause', 'Descanso', 'Repos']);
		expect(['en', 'de', 'es', 'fr'].map((l) => say(done, l as Locale))).toEqual([
			'Session complete',
			'Training abgeschlossen',
			'Sesión completada',
			'Séance terminée'
		]);
	});

	it('describes where an unfinished session stopped in the locale', () => {
		const snapshot = { stepIndex: hold.index, status: 'paused' as const };
		const now = Date.UTC(2026, 0, 1, 12);
		const checkpoint = { savedAt: now - 12 * 60_000, snapshot };
		expect(placeText(program, snapshot, 'de')).toBe('Triangle pose, Satz 2 von 2, linke Seite');
		expect(stoppedText(program, checkpoint, now, 'de')).toBe(
			'Sie haben vor 12 Minuten aufgehört. Stand: Triangle pose, Satz 2 von 2, linke Seite.'
		);
		expect(stoppedText(program, checkpoint, now, 'es')).toBe(
			'Se detuvo hace 12 minutos en: Triangle pose, serie 2 de 2, lado izquierdo.'
		);
		// (How ICU spaces "il y a 12 minutes" varies between versions: "just now" is ours.)
		expect(stoppedText(program, { savedAt: now - 20_000, snapshot }, now, 'fr')).toBe(
			"Séance arrêtée à l'instant\u00a0: Triangle pose, série 2 sur 2, côté gauche."
		);
	});
});
