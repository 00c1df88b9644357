// The cue player against the real timeline and engine (not fakes of them): what a person
// hears through a whole session, and that the cues for one moment never cut each other off.
import { describe, expect, it } from 'vitest';
import { createEngine, LATE_MS } from '$lib/player/engine';
import type { EngineEvent } from '$lib/player/engine-types';
import { expandTimeline } from '$lib/program/timeline';
import type { Program } from '$lib/program/types';
import {
	holdExercise,
	makeExercise,
	makeProgram,
	mulberry32,
	phasesExercise,
	randomInt,
	randomTimedProgram
} from '$lib/test-factories';
import { createCuePlayer, type CueOutputs } from './cue-player';
import type { CueSettings } from './types';

const ALL_ON: CueSettings = { beeps: true, voice: true, vibration: true, volume: 1 };

/** The example program of the format description. */
const example: Program = makeProgram({
	id: 'gentle-start',
	title: 'Gentle start',
	exercises: [
		phasesExercise(
			[
				['Breathe in', 5],
				['Hold', 1],
				['Breathe out', 3]
			],
			{ id: 'breathing', name: 'Slow breathing', reps: 5 }
		),
		holdExercise(10, { id: 'triangle', name: 'Triangle pose', sides: 'each', reps: 1 }),
		makeExercise({ id: 'pelvic-tilt', name: 'Pelvic tilts', reps: 10 })
	]
});

interface Heard {
	kind: 'beep' | 'speak' | 'vibrate';
	what: string;
	/** The moment of the event that caused it, and the `now` it was delivered at. */
	at: number;
	now: number;
}

function session(program: Program, settings: CueSettings = ALL_ON) {
	const engine = createEngine(expandTimeline(program), program);
	const heard: Heard[] = [];
	const events: EngineEvent[] = [];
	let current: EngineEvent | null = null;
	let now = 0;
	// Subscribed first, so it sees each event before the cue player does.
	engine.subscribe((event) => {
		current = event;
		events.push(event);
	});
	const note = (kind: Heard['kind'], what: string) =>
		heard.push({ kind, what, at: current?.at ?? Number.NaN, now });
	const outputs: CueOutputs = {
		beep: { play: (tone) => note('beep', tone), unlockAudio: () => undefined },
		speech: {
			speak: (text) => note('speak', text),
			cancel: () => undefined,
			unlockSpeech: () => undefined
		},
		vibration: { vibrate: (p) => note('vibrate', p.join(',')), cancel: () => undefined }
	};
	createCuePlayer({
		subscribe: (listener) => engine.subscribe(listener),
		program,
		settingsGetter: () => settings,
		outputs
	});
	return {
		engine,
		heard,
		events,
		setNow: (value: number) => (now = value),
		spoken: () => heard.filter((h) => h.kind === 'speak').map((h) => h.what)
	};
}

describe('cues through a whole session (real engine)', () => {
	it('the example program sounds as described in docs/cues.md', () => {
		const s = session(example);
		let now = 0;
		s.setNow(now);
		s.engine.start(now);
		while (s.engine.getState().status !== 'complete' && now < 10 * 60_000) {
			now += 100;
			s.setNow(now);
			s.engine.tick(now);
			if (s.engine.getState().step?.kind === 'selfPaced' && now % 2000 === 0) s.engine.repDone(now);
		}
		expect(s.engine.getState().status).toBe('complete');
		const breathing = Array.from({ length: 5 }, () => ['Breathe in', 'Hold', 'Breathe out']).flat();
		expect(s.spoken()).toEqual([
			'Slow breathing',
			...breathing,
			'Rest. Next: Triangle pose',
			'Next: Triangle pose. Left side',
			'Hold',
			'Relax. Switch sides. Right side',
			'Hold',
			'Relax. Next: Pelvic tilts',
			'Next: Pelvic tilts',
			'Go at your own pace',
			...Array.from({ length: 10 }, (_, i) => String(i + 1)),
			'Session complete'
		]);
		// 3-2-1 before every timed step of 4 s or more that has a countdown: prepare (3 of them),
		// two rests, the switch and two 10 s holds, and the 5 s "Breathe in" phases have none.
		const ticks = s.heard.filter((h) => h.kind === 'beep' && h.what === 'tick').length;
		expect(ticks).toBe(3 * (3 + 2 + 1 + 2));
	});

	it('a catch-up after the page was hidden stays quiet', () => {
		const s = session(example);
		s.setNow(0);
		s.engine.start(0);
		s.setNow(60_000);
		s.engine.tick(60_000);
		// Only the events within LATE_MS of the catch-up may sound.
		expect(s.heard.every((h) => h.at === 0 || 60_000 - h.at <= LATE_MS)).toBe(true);
		expect(s.events.some((e) => e.late)).toBe(true);
	});

	it('over 200 random programs with jittery ticks, one moment never says two things', () => {
		const random = mulberry32(20250707);
		for (let run = 0; run < 200; run++) {
			const program = randomTimedProgram(random);
			const s = session(program);
			let now = 0;
			s.setNow(now);
			s.engine.start(now);
			let guard = 0;
			while (s.engine.getState().status !== 'complete' && guard++ < 100_000) {
				now += random() < 0.03 ? randomInt(random, 5000, 60_000) : randomInt(random, 0, 2000);
				s.setNow(now);
				s.engine.tick(now);
			}
			expect(s.engine.getState().status).toBe('complete');
			const speechMoments = s.heard.filter((h) => h.kind === 'speak').map((h) => h.at);
			expect(new Set(speechMoments).size).toBe(speechMoments.length);
			// Nothing sounds for an event more than LATE_MS behind the tick that delivered it.
			expect(s.heard.every((h) => h.now - h.at <= LATE_MS)).toBe(true);
			// Every on-time step start of this all-timed program is spoken (names, cues, rests).
			const onTimeStarts = s.events.filter((e) => e.type === 'stepStarted' && !e.late).length;
			const onTimeEnd = s.events.some((e) => e.type === 'sessionComplete' && !e.late) ? 1 : 0;
			expect(speechMoments.length).toBe(onTimeStarts + onTimeEnd);
		}
	});
});
