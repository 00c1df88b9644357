import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '$lib/player/engine-types';
import type {
	HoldStep,
	PhaseStep,
	PrepareStep,
	RestKind,
	RestStep,
	SelfPacedStep,
	Step,
	SwitchSidesStep,
	TimedStep
} from '$lib/program/timeline-types';
import type { Exercise, Program, Side } from '$lib/program/types';
import { holdExercise, makeExercise, makeProgram, phasesExercise } from '$lib/test-factories';
import { effectiveVolume, phrasesFor, planCues, VIBRATION_PATTERNS } from './cue-plan';
import type { Cue, CueSettings } from './types';
import { DEFAULT_CUE_SETTINGS } from './types';

const ALL_ON: CueSettings = { beeps: true, voice: true, vibration: true, volume: 0.8 };

type Common = { exerciseIndex?: number; set?: number; side?: Side | null; index?: number };

function base(common: Common) {
	return {
		index: common.index ?? 3,
		start: 0,
		end: 5000,
		duration: 5000,
		exerciseIndex: common.exerciseIndex ?? 0,
		set: common.set ?? 1,
		side: common.side ?? null
	};
}

const prepare = (c: Common = {}): PrepareStep => ({ ...base(c), kind: 'prepare' });
const switchSides = (c: Common = {}): SwitchSidesStep => ({ ...base(c), kind: 'switchSides' });
const rest = (restKind: RestKind, c: Common = {}): RestStep => ({
	...base(c),
	kind: 'rest',
	restKind
});
const hold = (rep: number, c: Common = {}): HoldStep => ({ ...base(c), kind: 'hold', rep });
const phase = (rep: number, phaseIndex: number, cue: string, c: Common = {}): PhaseStep => ({
	...base(c),
	kind: 'phase',
	rep,
	phaseIndex,
	cue
});
const timed = (c: Common = {}): TimedStep => ({ ...base(c), kind: 'timed' });
const selfPaced = (targetReps: number, alternate: boolean, c: Common = {}): SelfPacedStep => ({
	...base(c),
	kind: 'selfPaced',
	targetReps,
	alternate
});

const started = (step: Step, late = false): EngineEvent => ({
	type: 'stepStarted',
	at: 1000,
	late,
	step
});

/** A program of several exercises with names that are easy to read in assertions. */
function program(exercises: Exercise[], overrides: Partial<Program> = {}): Program {
	return makeProgram({ exercises, ...overrides });
}

const pelvic = () => makeExercise({ id: 'pelvic', name: 'Pelvic tilts', reps: 10 });
const birdDog = () => holdExercise(10, { id: 'bird', name: 'Bird-dog', reps: 5, sets: 3 });

function plan(event: EngineEvent, prog: Program, settings: CueSettings = ALL_ON): Cue[] {
	return planCues(event, { program: prog, settings });
}

function spoken(cues: Cue[]): string[] {
	return cues.flatMap((cue) => (cue.kind === 'speak' ? [cue.text] : []));
}

function tones(cues: Cue[]): string[] {
	return cues.flatMap((cue) => (cue.kind === 'beep' ? [cue.tone] : []));
}

function patterns(cues: Cue[]): number[][] {
	return cues.flatMap((cue) => (cue.kind === 'vibrate' ? [cue.pattern] : []));
}

describe('planCues: late events', () => {
	const prog = program([pelvic(), birdDog()]);
	const events: EngineEvent[] = [
		started(prepare({ exerciseIndex: 1 }), true),
		started(hold(1, { exerciseIndex: 1 }), true),
		started(rest('betweenExercises', { exerciseIndex: 1 }), true),
		{ type: 'countdown', at: 0, late: true, step: hold(1), secondsLeft: 2 },
		{ type: 'sessionComplete', at: 0, late: true, completed: true },
		{
			type: 'repCounted',
			at: 0,
			late: true,
			step: selfPaced(10, false),
			repsCounted: 3,
			side: null
		}
	];
	it.each(events.map((event) => [event.type, event] as const))(
		'a late %s plans nothing',
		(_type, event) => {
			expect(plan(event, prog)).toEqual([]);
			// The same event on time does plan something: the test is not vacuous.
			expect(plan({ ...event, late: false }, prog).length).toBeGreaterThan(0);
		}
	);
});

describe('planCues: countdown', () => {
	it.each([3, 2, 1] as const)('%i → a tick beep and a short vibration, no words', (secondsLeft) => {
		const cues = plan(
			{ type: 'countdown', at: 0, late: false, step: prepare(), secondsLeft },
			program([pelvic()])
		);
		expect(cues).toEqual([
			{ kind: 'beep', tone: 'tick' },
			{ kind: 'vibrate', pattern: [...VIBRATION_PATTERNS.tick] }
		]);
	});
});

describe('planCues: prepare', () => {
	it('names the first exercise without "Next", with no beep', () => {
		const cues = plan(started(prepare({ index: 0 })), program([pelvic(), birdDog()]));
		expect(cues).toEqual([{ kind: 'speak', text: 'Pelvic tilts', lang: 'en', fallback: 'tick' }]);
	});

	it('announces a later exercise as "Next: …"', () => {
		const cues = plan(started(prepare({ exerciseIndex: 1 })), program([pelvic(), birdDog()]));
		expect(spoken(cues)).toEqual(['Next: Bird-dog']);
		expect(tones(cues)).toEqual([]);
	});

	it('plays the end beep when it follows work directly (no rest before it)', () => {
		const first = makeExercise({ name: 'Cat stretch', restAfter: 0 });
		const cues = plan(started(prepare({ exerciseIndex: 1 })), program([first, birdDog()]));
		expect(tones(cues)).toEqual(['end']);
		expect(patterns(cues)).toEqual([[...VIBRATION_PATTERNS.end]]);
		expect(spoken(cues)).toEqual(['Next: Bird-dog']);
	});

	it("uses the program's rest between exercises when the exercise has no restAfter", () => {
		const noRest = program([pelvic(), birdDog()], { restBetweenExercises: 0 });
		expect(tones(plan(started(prepare({ exerciseIndex: 1 })), noRest))).toEqual(['end']);
		const overridden = program([{ ...pelvic(), restAfter: 20 }, birdDog()], {
			restBetweenExercises: 0
		});
		expect(tones(plan(started(prepare({ exerciseIndex: 1 })), overridden))).toEqual([]);
	});

	it('names the first side of a "sides: each" exercise', () => {
		const triangle = holdExercise(10, { name: 'Triangle pose', sides: 'each' });
		const cues = plan(started(prepare({ side: 'left' })), program([triangle]));
		expect(spoken(cues)).toEqual(['Triangle pose. Left side']);
	});

	it('says the starting position after the name when the exercise has a startCue', () => {
		const bridge = holdExercise(6, { name: 'Bridge', startCue: 'Lie on your back, knees bent' });
		expect(spoken(plan(started(prepare()), program([bridge])))).toEqual([
			'Bridge. Lie on your back, knees bent'
		]);
		// Before the side: a short get-ready may cut off the end of what is said.
		const triangle = holdExercise(10, { name: 'Triangle', sides: 'each', startCue: 'Feet wide' });
		expect(spoken(plan(started(prepare({ side: 'left' })), program([triangle])))).toEqual([
			'Triangle. Feet wide. Left side'
		]);
	});

	it('says the sides alternate for "sides: alternate"', () => {
		const birdAlt = holdExercise(5, { name: 'Bird-dog', sides: 'alternate' });
		const cues = plan(
			started(prepare({ exerciseIndex: 1, side: 'left' })),
			program([pelvic(), birdAlt])
		);
		expect(spoken(cues)).toEqual(['Next: Bird-dog. Alternate sides']);
	});

	it('speaks in the program language', () => {
		const german = program([makeExercise({ name: 'Beckenkippen' })], { language: 'de-DE' });
		const cues = plan(started(prepare()), german);
		expect(cues).toContainEqual({
			kind: 'speak',
			text: 'Beckenkippen',
			lang: 'de-DE',
			fallback: 'tick'
		});
	});

	it('says nothing for an exercise index the program does not have', () => {
		expect(spoken(plan(started(prepare({ exerciseIndex: 7 })), program([pelvic()])))).toEqual([]);
	});
});

describe('planCues: switch sides and rests', () => {
	const triangle = holdExercise(10, { name: 'Triangle pose', sides: 'each' });

	it('switch sides after a hold: end beep, end vibration, "Relax. Switch sides. Right side"', () => {
		const cues = plan(started(switchSides({ side: 'right' })), program([triangle]));
		expect(cues).toEqual([
			{ kind: 'beep', tone: 'end' },
			{ kind: 'vibrate', pattern: [...VIBRATION_PATTERNS.end] },
			{ kind: 'speak', text: 'Relax. Switch sides. Right side', lang: 'en', fallback: 'end' }
		]);
	});

	it('switch sides says the release and what the side means, from the exercise', () => {
		const own = holdExercise(10, {
			name: 'Triangle pose',
			sides: 'each',
			releaseCue: 'Press through your back heel to come up',
			sideNames: { left: 'Left leg in front', right: 'Right leg in front' }
		});
		expect(spoken(plan(started(switchSides({ side: 'right' })), program([own])))).toEqual([
			'Press through your back heel to come up. Switch sides. Right leg in front'
		]);
	});

	it('switch sides after self-paced reps or a paced rep has nothing to release', () => {
		const free = makeExercise({ name: 'Side bends', sides: 'each', reps: 5 });
		expect(spoken(plan(started(switchSides({ side: 'right' })), program([free])))).toEqual([
			'Switch sides. Right side'
		]);
	});

	it('a rest before the next exercise says what comes next', () => {
		const cues = plan(
			started(rest('betweenExercises', { exerciseIndex: 1 })),
			program([pelvic(), birdDog()])
		);
		expect(tones(cues)).toEqual(['end']);
		expect(spoken(cues)).toEqual(['Rest. Next: Bird-dog']);
	});

	it('a rest before the next exercise first releases the hold of the one before', () => {
		const bridge = holdExercise(6, { id: 'bridge', name: 'Bridge', releaseCue: 'Lower slowly' });
		const cues = plan(
			started(rest('betweenExercises', { exerciseIndex: 1 })),
			program([bridge, pelvic()])
		);
		expect(spoken(cues)).toEqual(['Lower slowly. Next: Pelvic tilts']);
	});

	it.each(['betweenReps', 'betweenSets'] as const)(
		'a %s rest after a hold says its release ("Relax" without one)',
		(kind) => {
			const cues = plan(started(rest(kind, { set: 2 })), program([birdDog()]));
			expect(tones(cues)).toEqual(['end']);
			expect(spoken(cues)).toEqual(['Relax']);
			const own = holdExercise(6, { name: 'Bridge', releaseCue: 'Lower slowly', reps: 3 });
			expect(spoken(plan(started(rest(kind, { set: 2 })), program([own])))).toEqual([
				'Lower slowly'
			]);
		}
	);

	it('a rest after a paced rep or self-paced reps says "Rest"', () => {
		const free = makeExercise({ name: 'Side bends', reps: 5, sets: 2 });
		expect(spoken(plan(started(rest('betweenSets', { set: 2 })), program([free])))).toEqual([
			'Rest'
		]);
	});

	it('a get-ready straight after a hold (no rest between) releases it first', () => {
		const bridge = holdExercise(6, { id: 'bridge', name: 'Bridge', releaseCue: 'Lower slowly' });
		const prog = program([bridge, pelvic()], { restBetweenExercises: 0 });
		expect(spoken(plan(started(prepare({ exerciseIndex: 1 })), prog))).toEqual([
			'Lower slowly. Next: Pelvic tilts'
		]);
	});
});

describe('planCues: work steps', () => {
	it('hold: go beep, long vibration, "Hold"', () => {
		const cues = plan(started(hold(1)), program([birdDog()]));
		expect(cues).toEqual([
			{ kind: 'beep', tone: 'go' },
			{ kind: 'vibrate', pattern: [...VIBRATION_PATTERNS.go] },
			{ kind: 'speak', text: 'Hold', lang: 'en', fallback: 'go' }
		]);
	});

	it('announces the set only on the step that opens set 2 and later', () => {
		const prog = program([birdDog()]);
		expect(spoken(plan(started(hold(1, { set: 1 })), prog))).toEqual(['Hold']);
		expect(spoken(plan(started(hold(1, { set: 2 })), prog))).toEqual(['Set 2 of 3. Hold']);
		expect(spoken(plan(started(hold(2, { set: 2 })), prog))).toEqual(['Hold']);
		expect(spoken(plan(started(hold(1, { set: 3 })), prog))).toEqual(['Set 3 of 3. Hold']);
	});

	it('does not announce the set again on the right-hand half of a "sides: each" set', () => {
		const triangle = holdExercise(10, { name: 'Triangle pose', sides: 'each', sets: 2 });
		const prog = program([triangle]);
		expect(spoken(plan(started(hold(1, { set: 2, side: 'left' })), prog))).toEqual([
			'Set 2 of 2. Hold'
		]);
		expect(spoken(plan(started(hold(1, { set: 2, side: 'right' })), prog))).toEqual(['Hold']);
	});

	it('names the side of every movement of a "sides: alternate" exercise', () => {
		const alt = holdExercise(5, { name: 'Bird-dog', sides: 'alternate' });
		const prog = program([alt]);
		expect(spoken(plan(started(hold(1, { side: 'left' })), prog))).toEqual(['Left side. Hold']);
		expect(spoken(plan(started(hold(1, { side: 'right' })), prog))).toEqual(['Right side. Hold']);
	});

	it("says the exercise's own action and what the side means", () => {
		const alt = holdExercise(5, {
			name: 'Bird-dog',
			sides: 'alternate',
			holdCue: 'Reach out and hold',
			sideNames: { left: 'Left arm, right leg', right: 'Right arm, left leg' }
		});
		const prog = program([alt]);
		expect(spoken(plan(started(hold(1, { side: 'right' })), prog))).toEqual([
			'Right arm, left leg. Reach out and hold'
		]);
	});

	it('says the side of an alternating paced rep on its first phase only', () => {
		const alt = phasesExercise(
			[
				['Lift', 2],
				['Lower', 2]
			],
			{ name: 'Superman', sides: 'alternate' }
		);
		const prog = program([alt]);
		expect(spoken(plan(started(phase(1, 0, 'Lift', { side: 'left' })), prog))).toEqual([
			'Left side. Lift'
		]);
		expect(spoken(plan(started(phase(1, 1, 'Lower', { side: 'left' })), prog))).toEqual(['Lower']);
	});

	it('phase: speaks the phase cue; the set is named only on the first phase', () => {
		const breathing = phasesExercise(
			[
				['Breathe in', 5],
				['Breathe out', 3]
			],
			{ name: 'Slow breathing', sets: 2, reps: 3 }
		);
		const prog = program([breathing]);
		const first = plan(started(phase(1, 0, 'Breathe in')), prog);
		expect(tones(first)).toEqual(['go']);
		expect(spoken(first)).toEqual(['Breathe in']);
		expect(spoken(plan(started(phase(1, 0, 'Breathe in', { set: 2 })), prog))).toEqual([
			'Set 2 of 2. Breathe in'
		]);
		expect(spoken(plan(started(phase(1, 1, 'Breathe out', { set: 2 })), prog))).toEqual([
			'Breathe out'
		]);
	});

	it('phase: an empty cue still beeps but says nothing', () => {
		const paced = phasesExercise([['', 2]], { name: 'Quiet' });
		const cues = plan(started(phase(1, 0, '  ')), program([paced]));
		expect(tones(cues)).toEqual(['go']);
		expect(spoken(cues)).toEqual([]);
	});

	it('does not double punctuation when a program text ends with its own', () => {
		const alt = phasesExercise([['Breathe in!', 2]], {
			name: 'Side breathing',
			sides: 'alternate'
		});
		const cues = plan(started(phase(1, 0, 'Breathe in!', { side: 'left' })), program([alt]));
		expect(spoken(cues)).toEqual(['Left side. Breathe in!']);
	});

	it('timed: "Go"; with alternate sides the bout names its side', () => {
		const plank = makeExercise({ name: 'Side plank', duration: 30 });
		expect(spoken(plan(started(timed()), program([plank])))).toEqual(['Go']);
		const altPlank = makeExercise({ name: 'Side plank', duration: 30, sides: 'alternate' });
		const cues = plan(started(timed({ side: 'right' })), program([altPlank]));
		expect(tones(cues)).toEqual(['go']);
		expect(spoken(cues)).toEqual(['Right side. Go']);
	});

	it('self-paced: "Go at your own pace"; alternating says which side starts', () => {
		expect(spoken(plan(started(selfPaced(10, false)), program([pelvic()])))).toEqual([
			'Go at your own pace'
		]);
		const alt = makeExercise({ name: 'Leg slides', reps: 5, sides: 'alternate' });
		expect(spoken(plan(started(selfPaced(10, true, { side: 'left' })), program([alt])))).toEqual([
			'Left side first. Go at your own pace'
		]);
	});

	it('without a prepare step, the first work step of an exercise names it', () => {
		const prog = program([pelvic(), birdDog()], { prepareSeconds: 0 });
		expect(spoken(plan(started(selfPaced(10, false)), prog))).toEqual([
			'Pelvic tilts. Go at your own pace'
		]);
		expect(spoken(plan(started(hold(1, { exerciseIndex: 1 })), prog))).toEqual(['Bird-dog. Hold']);
		expect(spoken(plan(started(hold(2, { exerciseIndex: 1 })), prog))).toEqual(['Hold']);
		expect(spoken(plan(started(hold(1, { exerciseIndex: 1, set: 2 })), prog))).toEqual([
			'Set 2 of 3. Hold'
		]);
	});
});

describe('planCues: other events', () => {
	const prog = program([pelvic(), birdDog()]);

	it('session complete after a hold: end beep, long vibration, the release, "Session complete"', () => {
		const cues = plan({ type: 'sessionComplete', at: 0, late: false, completed: true }, prog);
		expect(cues).toEqual([
			{ kind: 'beep', tone: 'end' },
			{ kind: 'vibrate', pattern: [...VIBRATION_PATTERNS.complete] },
			{ kind: 'speak', text: 'Relax. Session complete', lang: 'en', fallback: 'end' }
		]);
		const ownRelease = program([holdExercise(6, { name: 'Bridge', releaseCue: 'Lower slowly' })]);
		const done = { type: 'sessionComplete', at: 0, late: false, completed: true } as const;
		expect(spoken(plan(done, ownRelease))).toEqual(['Lower slowly. Session complete']);
		// After self-paced reps there is nothing to release.
		expect(spoken(plan(done, program([pelvic()])))).toEqual(['Session complete']);
	});

	it('a session ended early says "Session ended"', () => {
		const cues = plan({ type: 'sessionComplete', at: 0, late: false, completed: false }, prog);
		expect(spoken(cues)).toEqual(['Session ended']);
	});

	it('pause and resume are spoken, without beep or fallback', () => {
		expect(plan({ type: 'paused', at: 0, late: false }, prog)).toEqual([
			{ kind: 'speak', text: 'Paused', lang: 'en' }
		]);
		expect(plan({ type: 'resumed', at: 0, late: false }, prog)).toEqual([
			{ kind: 'speak', text: 'Resumed', lang: 'en' }
		]);
	});

	it('events that repeat a step start plan nothing (the stepStarted event carries the cue)', () => {
		const events: EngineEvent[] = [
			{ type: 'phaseCue', at: 0, late: false, step: phase(1, 0, 'Breathe in'), cue: 'Breathe in' },
			{
				type: 'switchSides',
				at: 0,
				late: false,
				step: switchSides({ side: 'right' }),
				side: 'right'
			},
			{ type: 'rest', at: 0, late: false, step: rest('betweenExercises', { exerciseIndex: 1 }) },
			{ type: 'nextUp', at: 0, late: false, step: prepare({ exerciseIndex: 1 }), exerciseIndex: 1 }
		];
		for (const event of events) expect(plan(event, prog)).toEqual([]);
	});

	it('a counted self-paced rep is confirmed by its number', () => {
		const cues = plan(
			{
				type: 'repCounted',
				at: 0,
				late: false,
				step: selfPaced(10, false),
				repsCounted: 4,
				side: null
			},
			prog
		);
		expect(cues).toEqual([
			{ kind: 'vibrate', pattern: [...VIBRATION_PATTERNS.rep] },
			{ kind: 'speak', text: '4', lang: 'en' }
		]);
	});

	it('alternating self-paced taps and completed holds are not confirmed', () => {
		const alternating: EngineEvent = {
			type: 'repCounted',
			at: 0,
			late: false,
			step: selfPaced(10, true, { side: 'left' }),
			repsCounted: 3,
			side: 'right'
		};
		const holdDone: EngineEvent = {
			type: 'repCounted',
			at: 0,
			late: false,
			step: hold(2),
			repsCounted: 2,
			side: null
		};
		expect(plan(alternating, prog)).toEqual([]);
		expect(plan(holdDone, prog)).toEqual([]);
	});
});

describe('planCues: settings', () => {
	const prog = program([birdDog()]);
	const event = started(hold(1));

	it('beeps off removes only the beep', () => {
		const cues = plan(event, prog, { ...ALL_ON, beeps: false });
		expect(cues.map((c) => c.kind)).toEqual(['vibrate', 'speak']);
	});

	it('voice off removes only the words', () => {
		const cues = plan(event, prog, { ...ALL_ON, voice: false });
		expect(cues.map((c) => c.kind)).toEqual(['beep', 'vibrate']);
	});

	it('vibration off removes only the vibration', () => {
		const cues = plan(event, prog, { ...ALL_ON, vibration: false });
		expect(cues.map((c) => c.kind)).toEqual(['beep', 'speak']);
	});

	it('volume 0 silences beeps and words but keeps vibration', () => {
		const cues = plan(event, prog, { ...ALL_ON, volume: 0 });
		expect(cues.map((c) => c.kind)).toEqual(['vibrate']);
	});

	it('everything off plans nothing', () => {
		expect(plan(event, prog, { beeps: false, voice: false, vibration: false, volume: 1 })).toEqual(
			[]
		);
	});

	it('effectiveVolume clamps into 0–1 and treats a non-number as the default', () => {
		expect(effectiveVolume({ ...ALL_ON, volume: 1.7 })).toBe(1);
		expect(effectiveVolume({ ...ALL_ON, volume: -0.2 })).toBe(0);
		expect(effectiveVolume({ ...ALL_ON, volume: 0.35 })).toBe(0.35);
		expect(effectiveVolume({ ...ALL_ON, volume: Number.NaN })).toBe(DEFAULT_CUE_SETTINGS.volume);
	});
});

describe('phrasesFor', () => {
	it('falls back to English for a language without its own phrases', () => {
		expect(phrasesFor('it-IT').rest).toBe('Rest');
		expect(phrasesFor('EN_gb').next('Bird-dog')).toBe('Next: Bird-dog');
	});

	it('speaks a locale Limber has by its primary subtag', () => {
		expect(phrasesFor('de-DE').rest).toBe('Pause');
		expect(phrasesFor('fr_CA').switchSides).toBe('Changez de côté');
	});
});
