// Timeline expansion: turns a normalized Program into the ordered steps the player plays, each
// with exact integer-millisecond offsets from the start of the session. Pure: the same program
// always gives the same timeline, so the total length and every moment of the session are known
// before it starts. The rules are written out in docs/player.md ("The timeline").
import type { DoseForm, Exercise, Program, Side } from '$lib/program/types';
import type { RestKind, Step, Timeline } from '$lib/program/timeline-types';
import { doseForm, SELF_PACED_MS_PER_REP } from './dose-length';

export { SELF_PACED_MS_PER_REP };

type WithoutTiming<T> = T extends unknown ? Omit<T, 'index' | 'start' | 'end' | 'duration'> : never;
type StepDraft = WithoutTiming<Step>;

/** One movement of a set: a rep on a side (or the whole half of a self-paced or timed set). */
interface Movement {
	side: Side | null;
	rep: number;
}

// Tells which dose form an exercise uses: hold, phases, duration, or self-paced reps.
export const doseFormOf: (exercise: Exercise) => DoseForm = doseForm;

function toMs(seconds: number): number {
	return Math.round(seconds * 1000);
}

function range(count: number, side: Side | null): Movement[] {
	return Array.from({ length: count }, (_, i) => ({ side, rep: i + 1 }));
}

/**
 * The movements of one set, grouped into halves. Only sides "each" has two halves (left, then
 * right, with a switch between). Timed and self-paced sets have one movement per half (per side
 * for "alternate" timed bouts; one counted step for "alternate" self-paced reps).
 */
function halvesOf(exercise: Exercise, dose: DoseForm): Movement[][] {
	const perSide = dose === 'duration' || dose === 'selfPaced' ? 1 : exercise.reps;
	switch (exercise.sides) {
		case 'each':
			return [range(perSide, 'left'), range(perSide, 'right')];
		case 'alternate': {
			if (dose === 'selfPaced') return [[{ side: 'left', rep: 1 }]];
			const movements: Movement[] = [];
			for (let rep = 1; rep <= perSide; rep++) {
				movements.push({ side: 'left', rep }, { side: 'right', rep });
			}
			return [movements];
		}
		default:
			return [range(perSide, null)];
	}
}

// Expands a normalized program into its timeline of steps with exact millisecond offsets.
export function expandTimeline(program: Program): Timeline {
	const steps: Step[] = [];
	let cursor = 0;
	let hasSelfPaced = false;

	const push = (ms: number, draft: StepDraft): void => {
		if (!(ms > 0)) return;
		const step = { ...draft, index: steps.length, start: cursor, end: cursor + ms, duration: ms };
		steps.push(step as Step);
		cursor += ms;
	};

	const prepareMs = toMs(program.prepareSeconds);
	const lastExercise = program.exercises.length - 1;

	program.exercises.forEach((exercise, exerciseIndex) => {
		const dose = doseFormOf(exercise);
		const firstSide: Side | null = exercise.sides === 'none' ? null : 'left';
		const halves = halvesOf(exercise, dose);

		const work = (movement: Movement, set: number): void => {
			const base = { exerciseIndex, set, side: movement.side };
			switch (dose) {
				case 'hold':
					push(toMs(exercise.hold ?? 0), { ...base, kind: 'hold', rep: movement.rep });
					break;
				case 'phases':
					(exercise.phases ?? []).forEach((phase, phaseIndex) => {
						push(toMs(phase.seconds), {
							...base,
							kind: 'phase',
							rep: movement.rep,
							phaseIndex,
							cue: phase.cue
						});
					});
					break;
				case 'duration':
					push(toMs(exercise.duration ?? 0), { ...base, kind: 'timed' });
					break;
				case 'selfPaced': {
					const alternate = exercise.sides === 'alternate';
					const targetReps = alternate ? 2 * exercise.reps : exercise.reps;
					hasSelfPaced = true;
					push(targetReps * SELF_PACED_MS_PER_REP, {
						...base,
						kind: 'selfPaced',
						targetReps,
						alternate
					});
					break;
				}
			}
		};

		const rest = (seconds: number, restKind: RestKind, set: number, side: Side | null): void => {
			push(toMs(seconds), { kind: 'rest', restKind, exerciseIndex, set, side });
		};

		push(prepareMs, { kind: 'prepare', exerciseIndex, set: 1, side: firstSide });

		for (let set = 1; set <= exercise.sets; set++) {
			if (set > 1) rest(exercise.restBetweenSets, 'betweenSets', set, firstSide);
			halves.forEach((movements, half) => {
				if (half > 0) {
					push(prepareMs, {
						kind: 'switchSides',
						exerciseIndex,
						set,
						side: movements[0]?.side ?? 'right'
					});
				}
				movements.forEach((movement, i) => {
					work(movement, set);
					const following = movements[i + 1];
					if (following) rest(exercise.restBetweenReps, 'betweenReps', set, following.side);
				});
			});
		}

		if (exerciseIndex < lastExercise) {
			const coming = program.exercises[exerciseIndex + 1];
			const seconds = exercise.restAfter ?? program.restBetweenExercises;
			push(toMs(seconds), {
				kind: 'rest',
				restKind: 'betweenExercises',
				exerciseIndex: exerciseIndex + 1,
				set: 1,
				side: coming && coming.sides !== 'none' ? 'left' : null
			});
		}
	});

	return { steps, totalMs: cursor, hasSelfPaced };
}
