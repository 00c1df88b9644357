import { describe, expect, it } from 'vitest';
import { expandTimeline } from '$lib/program/timeline';
import type { Step } from '$lib/program/timeline-types';
import {
	holdExercise,
	makeProgram,
	phasesExercise,
	selfPacedExercise,
	timedExercise
} from '$lib/test-factories';
import type { EngineState } from './engine-types';
import { createEngine } from './engine';
import { formatClock, imageAlt, secondsLeftOf, timeLeftTextOf, viewKey, viewOf } from './display';

const program = makeProgram({
	prepareSeconds: 5,
	exercises: [
		phasesExercise(
			[
				['Breathe in', 5],
				['Breathe out', 3]
			],
			{ id: 'breathing', name: 'Slow breathing', reps: 2, image: 'illustrations/breathing.svg' }
		),
		holdExercise(10, {
			id: 'triangle',
			name: 'Triangle pose',
			sides: 'each',
			sets: 2,
			restBetweenSets: 20,
			instructions: ['Stand with your feet wide apart.']
		}),
		selfPacedExercise(10, { id: 'tilt', name: 'Pelvic tilts', sides: 'alternate' })
	]
});
const timeline = expandTimeline(program);

function stateAt(step: Step, remainingMs: number | null, extra: Partial<EngineState> = {}) {
	return {
		status: 'playing',
		stepIndex: step.index,
		step,
		remainingMs,
		repsCounted: 0,
		currentSide: step.side,
		elapsedMs: step.start,
		remainingTotalMs: timeline.totalMs - step.end + (remainingMs ?? 0),
		records: [],
		...extra
	} satisfies EngineState;
}

function find(predicate: (step: Step) => boolean): Step {
	const step = timeline.steps.find(predicate);
	if (!step) throw new Error('no such step');
	return step;
}

describe('viewOf', () => {
	it('shows the coming exercise during get-ready, once (no "Next:" repeating the heading)', () => {
		const view = viewOf(stateAt(timeline.steps[0]!, 4200), program, timeline);
		expect(view.heading).toBe('Slow breathing');
		expect(view.stepLabel).toBe('Get ready');
		expect(view.look).toBe('prepare');
		expect(view.secondsLeft).toBe(5);
		expect(view.nextText).toBeNull();
		expect(view.exerciseText).toBe('Exercise 1 of 3');
		expect(view.waiting).toBe(true);
	});

	it('shows the phase cue and the rep during a paced rep', () => {
		const step = find((s) => s.kind === 'phase' && s.rep === 2 && s.phaseIndex === 1);
		const view = viewOf(stateAt(step, 2001), program, timeline);
		expect(view.instruction).toBe('Breathe out');
		expect(view.stepLabel).toBe('Move');
		expect(view.look).toBe('work');
		expect(view.repText).toBe('Rep 2 of 2');
		expect(view.secondsLeft).toBe(3);
		expect(view.setText).toBeNull();
		expect(view.nextText).toBeNull();
	});

	it('shows set, side and rep during a hold', () => {
		const step = find((s) => s.kind === 'hold' && s.set === 2 && s.side === 'right');
		const view = viewOf(stateAt(step, 9000), program, timeline);
		expect(view.heading).toBe('Triangle pose');
		expect(view.stepLabel).toBe('Hold');
		expect(view.repText).toBeNull(); // "Rep 1 of 1" says nothing
		expect(view.setText).toBe('Set 2 of 2');
		expect(view.sideText).toBe('Right side');
		expect(view.instruction).toBe('Hold');
	});

	it('says which side comes next during a switch', () => {
		const step = find((s) => s.kind === 'switchSides');
		const view = viewOf(stateAt(step, 5000), program, timeline);
		expect(view.stepLabel).toBe('Switch sides');
		expect(view.sideText).toBe('Right side');
		expect(view.nextText).toBeNull();
		expect(view.instruction).toBe('Stand with your feet wide apart.');
	});

	it('names the next set during a rest between sets', () => {
		const step = find((s) => s.kind === 'rest' && s.restKind === 'betweenSets');
		const view = viewOf(stateAt(step, 20000), program, timeline);
		expect(view.stepLabel).toBe('Rest');
		expect(view.nextText).toBe('Next: set 2 of 2');
	});

	it('shows the coming exercise during the rest between exercises', () => {
		const step = find((s) => s.kind === 'rest' && s.restKind === 'betweenExercises');
		const view = viewOf(stateAt(step, 15000), program, timeline);
		expect(view.heading).toBe('Next: Triangle pose');
		expect(view.look).toBe('rest');
		expect(view.nextText).toBeNull();
		expect(view.instruction).toBe('Stand with your feet wide apart.');
	});

	it('counts alternating self-paced reps per side', () => {
		const step = find((s) => s.kind === 'selfPaced');
		const view = viewOf(
			stateAt(step, null, { repsCounted: 3, currentSide: 'right' }),
			program,
			timeline
		);
		expect(view.selfPaced).toBe(true);
		expect(view.secondsLeft).toBeNull();
		expect(view.repText).toBe('Rep 2 of 10');
		expect(view.sideText).toBe('Right side');
		expect(view.timeLeftText).toMatch(/^about /);
	});

	it('reports progress through the whole session', () => {
		const first = viewOf(stateAt(timeline.steps[0]!, 5000), program, timeline);
		expect(first.progress).toBeCloseTo(0, 5);
		const last = timeline.steps.at(-1)!;
		const nearEnd = viewOf(stateAt(last, 1000), program, timeline);
		expect(nearEnd.progress).toBeGreaterThan(0.9);
		expect(nearEnd.progress).toBeLessThan(1);
	});
});

describe('formatClock', () => {
	it('rounds up to whole seconds', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(1)).toBe('0:01');
		expect(formatClock(59_001)).toBe('1:00');
		expect(formatClock(61_000)).toBe('1:01');
		expect(formatClock(3_600_000)).toBe('1:00:00');
	});
});

describe('imageAlt', () => {
	it("prefers the author's x-image-alt and falls back to the name and first instruction", () => {
		const plain = program.exercises[1]!;
		expect(viewOf(stateAt(timeline.steps[0]!, 1000), program, timeline).imageAlt).toMatch(
			/^Slow breathing: /
		);
		expect(
			viewOf(
				stateAt(timeline.steps[0]!, 1000),
				{
					...program,
					exercises: [{ ...program.exercises[0]!, 'x-image-alt': 'Lying on the side.' }, plain]
				},
				timeline
			).imageAlt
		).toBe('Lying on the side.');
	});
});

describe('viewOf: every kind of step', () => {
	const more = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			timedExercise(30, { id: 'march', name: 'March', instructions: [] }),
			holdExercise(5, {
				id: 'bird',
				name: 'Bird-dog',
				reps: 3,
				sides: 'each',
				restBetweenReps: 2,
				image: 'illustrations/bird-dog.svg'
			}),
			holdExercise(5, { id: 'bridge', name: 'Bridge', reps: 2, restBetweenReps: 3 }),
			selfPacedExercise(8, { id: 'tilt', name: 'Pelvic tilts' })
		]
	});
	const moreTimeline = expandTimeline(more);
	const view = (step: Step, remainingMs: number | null, extra: Partial<EngineState> = {}) =>
		viewOf(
			{
				status: 'playing',
				stepIndex: step.index,
				step,
				remainingMs,
				repsCounted: 0,
				currentSide: step.side,
				elapsedMs: step.start,
				remainingTotalMs: moreTimeline.totalMs - step.end + (remainingMs ?? 0),
				records: [],
				...extra
			},
			more,
			moreTimeline
		);
	const stepOf = (predicate: (step: Step) => boolean) => {
		const step = moreTimeline.steps.find(predicate);
		if (!step) throw new Error('no such step');
		return step;
	};

	it('a timed exercise: keep going, no rep, no cue, no image', () => {
		const v = view(
			stepOf((s) => s.kind === 'timed'),
			12_000
		);
		expect(v).toMatchObject({
			heading: 'March',
			stepLabel: 'Keep going',
			exerciseText: 'Exercise 1 of 4',
			repText: null,
			setText: null,
			sideText: null,
			nextText: null,
			selfPaced: false,
			waiting: false,
			poses: [],
			instruction: 'Go',
			imageAlt: 'March: ',
			secondsLeft: 12
		});
	});

	it('a hold on one side: its rep, side and illustration, no cue', () => {
		const v = view(
			stepOf((s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.side === 'left'),
			4_000
		);
		expect(v).toMatchObject({
			stepLabel: 'Hold',
			exerciseText: 'Exercise 2 of 4',
			repText: 'Rep 1 of 3',
			sideText: 'Left side',
			instruction: 'Hold',
			selfPaced: false,
			poses: ['illustrations/bird-dog.svg'],
			pose: { pose: 0, transitionMs: 1000, mirrored: false }
		});
	});

	it('a rest between reps names the next rep, with its side when it has one', () => {
		const sided = view(
			stepOf((s) => s.kind === 'rest' && s.restKind === 'betweenReps' && s.exerciseIndex === 1),
			2_000
		);
		expect(sided).toMatchObject({ stepLabel: 'Rest', waiting: true });
		expect(sided.nextText).toMatch(/^Next: rep 2 of 3, (Left|Right) side$/);
		const plain = view(
			stepOf((s) => s.kind === 'rest' && s.restKind === 'betweenReps' && s.exerciseIndex === 2),
			3_000
		);
		expect(plain.nextText).toBe('Next: rep 2 of 2');
		expect(plain.sideText).toBeNull();
	});

	it('the rest between exercises and the get-ready name the coming exercise', () => {
		const rest = view(
			stepOf(
				(s) => s.kind === 'rest' && s.restKind === 'betweenExercises' && s.exerciseIndex === 3
			),
			10_000
		);
		expect(rest).toMatchObject({ heading: 'Next: Pelvic tilts', nextText: null });
	});

	it('a self-paced set without sides counts every tap', () => {
		const step = stepOf((s) => s.kind === 'selfPaced');
		expect(view(step, null, { repsCounted: 3 })).toMatchObject({
			stepLabel: 'Your own pace',
			repText: 'Rep 4 of 8',
			selfPaced: true,
			secondsLeft: null
		});
		expect(view(step, null, { repsCounted: 8 }).repText).toBe('Rep 8 of 8');
	});

	it('a session ended early is all the way through', () => {
		const step = stepOf((s) => s.kind === 'hold');
		const ended = view(step, 1_000, { status: 'complete', remainingTotalMs: 60_000 });
		expect(ended.progress).toBe(1);
		expect(view(step, 1_000, { remainingTotalMs: moreTimeline.totalMs * 2 }).progress).toBe(0);
	});

	it('an illustration’s text falls back when the author’s is blank or not text', () => {
		const base = more.exercises[2]!;
		expect(imageAlt({ ...base, 'x-image-alt': '   ' })).toBe(
			`Bridge: ${base.instructions[0] ?? ''}`
		);
		expect(imageAlt({ ...base, 'x-image-alt': 42 })).toBe(`Bridge: ${base.instructions[0] ?? ''}`);
		expect(imageAlt({ ...base, 'x-image-alt': ' On the back. ' })).toBe(' On the back. ');
	});
});

describe("viewOf: what to do now, from the exercise's guidance", () => {
	const guided = makeProgram({
		prepareSeconds: 5,
		restBetweenExercises: 10,
		exercises: [
			holdExercise(6, {
				id: 'bridge',
				name: 'Bridge',
				reps: 2,
				restBetweenReps: 3,
				instructions: ['Lie on your back, calves on the ball.', 'Lift your hips.'],
				holdCue: 'Lift your hips and hold',
				releaseCue: 'Lower slowly',
				images: ['illustrations/bridge-down.svg', 'illustrations/bridge-up.svg']
			}),
			holdExercise(5, {
				id: 'bird',
				name: 'Bird-dog',
				reps: 1,
				sides: 'alternate',
				restBetweenReps: 2,
				instructions: ['Get onto your hands and knees.'],
				sideNames: { left: 'Left arm reaches', right: 'Right arm reaches' }
			})
		]
	});
	const line = expandTimeline(guided);
	const at = (predicate: (step: Step) => boolean) => {
		const step = line.steps.find(predicate);
		if (!step) throw new Error('no such step');
		const state: EngineState = {
			status: 'playing',
			stepIndex: step.index,
			step,
			remainingMs: step.duration,
			repsCounted: 0,
			currentSide: step.side,
			elapsedMs: step.start,
			remainingTotalMs: line.totalMs - step.start,
			records: []
		};
		return viewOf(state, guided, line);
	};

	it('get-ready: the starting position, on the start pose', () => {
		const v = at((s) => s.kind === 'prepare' && s.exerciseIndex === 0);
		expect(v.instruction).toBe('Lie on your back, calves on the ball.');
		expect(v.pose).toEqual({ pose: 0, transitionMs: 0, mirrored: false });
	});

	it('hold: the action, moving to the end pose in the first second', () => {
		const v = at((s) => s.kind === 'hold' && s.exerciseIndex === 0);
		expect(v.instruction).toBe('Lift your hips and hold');
		expect(v.look).toBe('work');
		expect(v.poses[v.pose.pose]).toBe('illustrations/bridge-up.svg');
		expect(v.pose.transitionMs).toBe(1000);
	});

	it('the rest after a hold: the release, back to the start pose, and what comes next', () => {
		const v = at((s) => s.kind === 'rest' && s.restKind === 'betweenReps' && s.exerciseIndex === 0);
		expect(v.instruction).toBe('Lower slowly');
		expect(v.nextText).toBe('Next: rep 2 of 2');
		expect(v.poses[v.pose.pose]).toBe('illustrations/bridge-down.svg');
	});

	it('the rest before the next exercise: its starting position', () => {
		const v = at((s) => s.kind === 'rest' && s.restKind === 'betweenExercises');
		expect(v.heading).toBe('Next: Bird-dog');
		expect(v.instruction).toBe('Get onto your hands and knees.');
	});

	it('each side says what it means, and the right side is mirrored', () => {
		const left = at((s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.side === 'left');
		const right = at((s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.side === 'right');
		expect(left.sideText).toBe('Left arm reaches');
		expect(right.sideText).toBe('Right arm reaches');
		expect(left.pose.mirrored).toBe(false);
		expect(right.pose.mirrored).toBe(true);
		const rest = at(
			(s) => s.kind === 'rest' && s.restKind === 'betweenReps' && s.exerciseIndex === 1
		);
		expect(rest.nextText).toBe('Next: Right arm reaches');
		expect(rest.instruction).toBe('Relax');
	});
});

describe('viewKey', () => {
	it('two states with the same key show the same view but for the time fields', () => {
		const engine = createEngine(timeline, program);
		let now = 1_000_000;
		engine.start(now);
		const seen = new Map<string, ReturnType<typeof viewOf>>();
		const timeless = (state: EngineState) => {
			const { secondsLeft, progress, timeLeftText, ...rest } = viewOf(state, program, timeline);
			expect(secondsLeft).toBe(secondsLeftOf(state));
			expect(timeLeftText).toBe(timeLeftTextOf(state, timeline));
			expect(typeof progress).toBe('number');
			return rest;
		};
		let checked = 0;
		for (let i = 0; i < 4000 && engine.getState(now).status !== 'complete'; i++) {
			// Every 250 ms; a self-paced step counts a rep every 2 s; a pause now and then.
			now += 250;
			const state = engine.getState(now);
			if (state.step?.kind === 'selfPaced' && i % 8 === 0) engine.repDone(now);
			if (i % 97 === 0) engine.pause(now);
			if (i % 97 === 5) engine.resume(now);
			const after = engine.getState(now);
			const key = viewKey(after);
			const view = timeless(after);
			const earlier = seen.get(key);
			if (earlier) {
				expect(view).toEqual(earlier);
				checked++;
			} else seen.set(key, view as ReturnType<typeof viewOf>);
		}
		expect(checked).toBeGreaterThan(100);
		expect(seen.size).toBeGreaterThan(timeline.steps.length);
	});

	it('changes with the step, the status, the reps counted and the side', () => {
		const step = find((s) => s.kind === 'hold');
		const base = viewKey(stateAt(step, 5000));
		expect(viewKey(stateAt(step, 4000))).toBe(base);
		expect(viewKey(stateAt(step, 5000, { status: 'paused' }))).not.toBe(base);
		expect(viewKey(stateAt(step, 5000, { repsCounted: 1 }))).not.toBe(base);
		expect(viewKey(stateAt(step, 5000, { currentSide: 'right' }))).not.toBe(
			viewKey(stateAt(step, 5000, { currentSide: 'left' }))
		);
		const other = timeline.steps[step.index + 1]!;
		expect(viewKey(stateAt(other, 5000))).not.toBe(base);
	});
});
