// Checks the built-in programs (programs/*.json) and their illustrations (static/illustrations):
// every file passes the validator, and the content rules of docs/content.md hold (ids, titles,
// text alternatives, images that exist and stay small and self-contained, target lengths).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyLevel, maxLevel } from '$lib/program/progression';
import { expandTimeline } from '$lib/program/timeline';
import type { Program } from '$lib/program/types';
import { validateProgram } from '$lib/program/validate';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const programsDir = join(root, 'programs');
const staticDir = join(root, 'static');
const illustrationsDir = join(staticDir, 'illustrations');

interface RawExercise {
	id: string;
	name: string;
	instructions: string[];
	cautions?: string[];
	image?: string;
	images?: string[];
	hold?: number;
	phases?: Array<{ cue: string; seconds: number; image?: string }>;
	duration?: number;
	progress?: Record<string, number>;
	[key: string]: unknown;
}

interface RawProgram {
	id: string;
	title: string;
	summary?: string;
	prepareSeconds?: number;
	safety?: string[];
	exercises: RawExercise[];
	[key: string]: unknown;
}

const files = readdirSync(programsDir)
	.filter((name) => name.endsWith('.json'))
	.sort();
const programs = files.map((file) => ({
	file,
	raw: JSON.parse(readFileSync(join(programsDir, file), 'utf8')) as RawProgram
}));

function validated(raw: RawProgram): Program {
	const result = validateProgram(raw);
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
	return result.value;
}

/** Target length of each built-in program in minutes (inclusive), from the content brief. */
const TARGET_MINUTES: Record<string, [number, number]> = {
	'gentle-relief': [6.5, 7.5],
	'daily-core-strength': [15, 17],
	'desk-break': [3.5, 4.5]
};

describe('built-in programs', () => {
	it('are the three library programs, in x-order 1, 2, 3', () => {
		const order = programs
			.map(({ raw }) => [raw['x-order'], raw.id] as const)
			.sort((a, b) => Number(a[0]) - Number(b[0]));
		expect(order).toEqual([
			[1, 'gentle-relief'],
			[2, 'daily-core-strength'],
			[3, 'desk-break']
		]);
	});

	it.each(programs)('$file passes the validator', ({ raw }) => {
		const result = validateProgram(raw);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it.each(programs)('$file gets no advice (every run of holds has a rest)', ({ raw }) => {
		const result = validateProgram(raw);
		expect(result.ok && result.advice).toEqual([]);
	});

	it.each(programs)(
		'$file: id matches the file name; title, summary and safety notes',
		({ file, raw }) => {
			expect(raw.id).toBe(file.replace(/\.json$/, ''));
			expect(raw.title.trim().length).toBeGreaterThan(0);
			expect(raw.summary?.trim().length ?? 0).toBeGreaterThan(0);
			expect(raw.prepareSeconds).toBeGreaterThanOrEqual(5);
			expect(raw.prepareSeconds).toBeLessThanOrEqual(10);
			expect(raw.safety?.length ?? 0).toBeGreaterThanOrEqual(2);
			expect(raw.safety?.length ?? 0).toBeLessThanOrEqual(4);
			const safety = (raw.safety ?? []).join(' ').toLowerCase();
			expect(safety).toContain('down a leg');
			expect(safety).toContain('3 out of 10');
			expect(safety).toContain('physiotherapist');
		}
	);

	it.each(programs)('$file: exercises have unique ids and text alternatives', ({ raw }) => {
		const ids = raw.exercises.map((exercise) => exercise.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const exercise of raw.exercises) {
			expect(exercise.name.trim().length, exercise.id).toBeGreaterThan(0);
			expect(exercise.instructions.length, exercise.id).toBeGreaterThanOrEqual(2);
			expect(exercise.instructions.length, exercise.id).toBeLessThanOrEqual(6);
			expect(exercise.cautions?.length ?? 0, exercise.id).toBeGreaterThanOrEqual(1);
			expect(exercise.cautions?.length ?? 0, exercise.id).toBeLessThanOrEqual(3);
			// The picture's text alternative: a sentence describing the position shown.
			const alt = exercise['x-image-alt'];
			expect(typeof alt === 'string' && alt.trim().length > 20, exercise.id).toBe(true);
		}
	});

	it.each(programs)('$file: every image exists under static/', ({ raw }) => {
		for (const exercise of raw.exercises) {
			expect(exercise.image, exercise.id).toMatch(/^illustrations\/[a-z0-9-]+\.svg$/);
			const path = join(staticDir, exercise.image ?? '');
			expect(statSync(path, { throwIfNoEntry: false })?.isFile(), exercise.image).toBe(true);
		}
	});

	it.each(programs)('$file plays for its target length', ({ raw }) => {
		const program = validated(raw);
		const minutes = expandTimeline(program).totalMs / 60_000;
		const [min, max] = TARGET_MINUTES[raw.id] ?? [0, 0];
		expect(minutes).toBeGreaterThanOrEqual(min);
		expect(minutes).toBeLessThanOrEqual(max);
	});

	it('daily core strength progresses in six levels, within the format bounds at the top', () => {
		const entry = programs.find(({ raw }) => raw.id === 'daily-core-strength');
		expect(entry).toBeDefined();
		const program = validated(entry!.raw);
		expect(program.progression).toEqual({ levels: 6, sessionsToAdvance: 2 });
		const cat = program.exercises.find((exercise) => exercise.id === 'cat-stretch');
		expect(cat?.progress).toBeUndefined();
		const top = applyLevel(program, maxLevel(program));
		for (const exercise of top.exercises) {
			expect(exercise.reps, exercise.id).toBeLessThanOrEqual(200);
			if (exercise.hold !== undefined) expect(exercise.hold, exercise.id).toBeLessThanOrEqual(3600);
		}
		const bridge = top.exercises.find((exercise) => exercise.id === 'ball-bridge');
		expect(bridge?.hold).toBe(16);
		const superman = top.exercises.find((exercise) => exercise.id === 'superman');
		expect(superman?.reps).toBe(8);
	});

	it('desk break has a self-paced exercise, so "Rep done" is used', () => {
		const entry = programs.find(({ raw }) => raw.id === 'desk-break');
		const tilt = entry?.raw.exercises.find((exercise) => exercise.id === 'wall-pelvic-tilt');
		expect(tilt).toBeDefined();
		expect([tilt?.hold, tilt?.phases, tilt?.duration]).toEqual([undefined, undefined, undefined]);
		expect(expandTimeline(validated(entry!.raw)).hasSelfPaced).toBe(true);
	});
});

describe('illustrations', () => {
	const svgs = readdirSync(illustrationsDir)
		.filter((name) => name.endsWith('.svg'))
		.sort();

	it('are each used by a built-in program', () => {
		const used = new Set(
			programs.flatMap(({ raw }) =>
				raw.exercises.flatMap((exercise) => [
					exercise.image,
					...(exercise.images ?? []),
					...(exercise.phases ?? []).map((phase) => phase.image)
				])
			)
		);
		expect(svgs.map((name) => `illustrations/${name}`).filter((path) => !used.has(path))).toEqual(
			[]
		);
	});

	it.each(svgs)('%s is small, titled, self-contained and adapts to dark mode', (name) => {
		const text = readFileSync(join(illustrationsDir, name), 'utf8');
		expect(Buffer.byteLength(text)).toBeLessThan(3 * 1024);
		// Cropped to the figure: each exercise's poses share one box (checked below).
		const box =
			/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) (\d+)" width="(\d+)" height="(\d+)"/.exec(
				text
			);
		expect(box).not.toBeNull();
		expect([box?.[3], box?.[4]]).toEqual([box?.[1], box?.[2]]);
		expect(text).toMatch(/<svg[^>]* role="img"/);
		expect(text).toMatch(/<title>[^<]{10,}<\/title>/);
		expect(text).toContain('@media (prefers-color-scheme:dark)');
		expect(text).not.toMatch(/<script|<image|<text|<foreignObject|href=|url\(|data:|on[a-z]+=/i);
	});
});

describe('guidance in the built-in programs', () => {
	const exercises = programs.flatMap(({ raw }) =>
		raw.exercises.map((exercise) => ({ raw, exercise }))
	);
	const viewBox = (path: string) =>
		/viewBox="([^"]+)"/.exec(
			readFileSync(join(illustrationsDir, path.replace('illustrations/', '')), 'utf8')
		)?.[1];

	it.each(exercises.map(({ raw, exercise }) => [`${raw.id} / ${exercise.id}`, exercise] as const))(
		'%s has a starting position, poses in one box, and its action, release and sides in words',
		(_, exercise) => {
			expect(exercise.startCue).toBeTruthy();
			expect(exercise.images?.length).toBeGreaterThanOrEqual(2);
			const boxes = new Set(
				[exercise.image, ...(exercise.images ?? [])].map((path) => viewBox(path!))
			);
			expect(boxes.size).toBe(1);
			if (exercise.phases) {
				for (const phase of exercise.phases) expect(exercise.images).toContain(phase.image);
			} else {
				expect(exercise.holdCue).toBeTruthy();
			}
			if (exercise.hold !== undefined) expect(exercise.releaseCue).toBeTruthy();
			if (exercise.sides && exercise.sides !== 'none') expect(exercise.sideNames).toBeDefined();
		}
	);
});
