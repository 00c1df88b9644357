// programTotalMs (dose.ts) and expandTimeline (timeline.ts) implement the same rules separately;
// this checks that they agree on the fixtures, the built-in programs and many random programs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { programTotalMs, SELF_PACED_MS_PER_REP } from './dose';
import * as timeline from './timeline';
import type { Exercise, Program, Sides } from './types';
import { parseProgramText } from './validate';

/** Every program file in a folder, each of which must be valid. */
function programsIn(folder: string): Program[] {
	const names = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
	expect(names.length, folder).toBeGreaterThan(0);
	return names.map((name) => {
		const result = parseProgramText(fs.readFileSync(path.join(folder, name), 'utf8'));
		if (!result.ok) throw new Error(`${folder}/${name} is not a valid program`);
		return result.value;
	});
}

function randomProgram(random: () => number): Program {
	const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
	const exercises: Exercise[] = Array.from({ length: int(1, 5) }, (_, i) => {
		const form = pick(['hold', 'phases', 'duration', 'selfPaced'] as const);
		const exercise: Exercise = {
			id: `e${i}`,
			name: `E${i}`,
			instructions: ['x'],
			cautions: [],
			sets: int(1, 4),
			reps: form === 'duration' ? 1 : int(1, 6),
			sides: pick<Sides>(['none', 'each', 'alternate']),
			restBetweenReps: pick([0, 0, 1, 3]),
			restBetweenSets: pick([0, 5, 30])
		};
		if (form === 'hold') exercise.hold = int(1, 20);
		if (form === 'duration') exercise.duration = int(1, 90);
		if (form === 'phases') {
			exercise.phases = Array.from({ length: int(1, 3) }, (_, p) => ({
				cue: `p${p}`,
				seconds: int(1, 6)
			}));
		}
		if (random() < 0.3) exercise.restAfter = pick([0, 10, 45]);
		return exercise;
	});
	return {
		format: 1,
		id: 'random',
		version: 1,
		title: 'Random',
		language: 'en',
		schedule: { timesPerDay: 1, daysPerWeek: 7 },
		prepareSeconds: pick([0, 3, 5]),
		restBetweenExercises: pick([0, 15]),
		safety: [],
		exercises
	};
}

describe('programTotalMs agrees with expandTimeline', () => {
	it('on the fixtures, the built-in programs and 300 random programs', () => {
		expect(timeline.SELF_PACED_MS_PER_REP).toBe(SELF_PACED_MS_PER_REP);
		const programs = [...programsIn('tests/fixtures/programs/valid'), ...programsIn('programs')];
		expect(programs.length).toBeGreaterThan(3);
		let seed = 99;
		const random = () => {
			seed = (seed * 16807) % 2147483647;
			return seed / 2147483647;
		};
		for (let i = 0; i < 300; i++) programs.push(randomProgram(random));
		for (const program of programs) {
			expect(programTotalMs(program), program.id).toBe(timeline.expandTimeline(program).totalMs);
		}
	});
});
