// Program files built to be slow or noisy to check: the validator's worst cases, shared by the
// benchmark (bench/validator.ts times them) and the unit tests (which check what is reported,
// never how long it takes). Each returns the file's text.
import { MAX_PROGRAM_BYTES } from '../program/validate';

/** The keys the format knows for an exercise (used to make typo-like unknown keys). */
const EXERCISE_KEYS = [
	'id',
	'name',
	'instructions',
	'cautions',
	'image',
	'sets',
	'reps',
	'sides',
	'hold',
	'phases',
	'duration',
	'restBetweenReps',
	'restBetweenSets',
	'restAfter',
	'progress'
];

const HEAD = '{"format":1,"id":"hostile","title":"Hostile","exercises":[';
const TAIL = ']}';
const PHASE = '{"constructor":1}';

/** One exercise whose `phases` holds `count` copies of {"constructor":1}. */
function constructorExercise(index: number, count: number): string {
	const phases = new Array<string>(count).fill(PHASE).join(',');
	return `{"id":"e${index}","name":"E","instructions":["Move."],"phases":[${phases}]}`;
}

/**
 * `exercises` exercises of `phasesEach` phases {"constructor":1} each: every phase is a
 * forbidden key plus two missing fields (10,000 phases ≈ 176 KB, 30,000 problems).
 */
export function constructorPhases(exercises = 1, phasesEach = 10_000): string {
	const list = Array.from({ length: exercises }, (_, i) => constructorExercise(i, phasesEach));
	return `${HEAD}${list.join(',')}${TAIL}`;
}

/** As many {"constructor":1} phases as fit in a file just under the 1 MB limit. */
export function constructorPhasesFillingOneMegabyte(): string {
	const perExercise = constructorExercise(0, 10_000).length + 1;
	const whole = Math.floor((MAX_PROGRAM_BYTES - HEAD.length - TAIL.length) / perExercise);
	const exercises = Array.from({ length: whole }, (_, i) => constructorExercise(i, 10_000));
	const used = HEAD.length + TAIL.length + exercises.join(',').length + 1;
	const spare = MAX_PROGRAM_BYTES - used - constructorExercise(whole, 0).length - 16;
	const rest = Math.max(0, Math.floor(spare / (PHASE.length + 1)));
	if (rest > 0) exercises.push(constructorExercise(whole, rest));
	return `${HEAD}${exercises.join(',')}${TAIL}`;
}

/**
 * `count` unknown keys that each look like a typo of a known exercise key ("restBetweenRep17",
 * "hol3", …), spread over otherwise valid exercises of at most 5,000 keys each: every one is a
 * problem that asks for a suggestion. With `length`, each key is padded to that many characters
 * (the longest a suggestion is looked for is 64).
 */
export function typoKeys(count = 10_000, length = 0): string {
	const exercises: string[] = [];
	for (let start = 0; start < count; start += 5_000) {
		const keys: string[] = [];
		for (let i = start; i < Math.min(count, start + 5_000); i++) {
			const known = EXERCISE_KEYS[i % EXERCISE_KEYS.length]!;
			const typo = `${known.slice(0, -1)}${i}`;
			const key = length > typo.length ? `${known}${'s'.repeat(length - typo.length)}${i}` : typo;
			keys.push(`${JSON.stringify(key)}:1`);
		}
		exercises.push(`{"id":"e${start}","name":"E","instructions":["Move."],${keys.join(',')}}`);
	}
	return `${HEAD}${exercises.join(',')}${TAIL}`;
}

/** Text of exactly `length` characters (a letter, then spaces and letters). */
function textOf(length: number, letter = 'a'): string {
	return letter.repeat(length);
}

/**
 * A valid program at the format's limits: 50 exercises, each with 12 instructions and 6
 * cautions of the longest length, 8 phases with the longest cues, a 200-character image path,
 * progression and `x-` notes everywhere; 10 safety notes of 300 characters.
 */
export function maximalValidProgram(): string {
	const exercises = Array.from({ length: 50 }, (_, i) => ({
		id: `exercise-${i}-${textOf(50)}`.slice(0, 64),
		name: textOf(80, 'n'),
		instructions: Array.from({ length: 12 }, () => textOf(200, 'i')),
		cautions: Array.from({ length: 6 }, () => textOf(200, 'c')),
		image: `illustrations/${textOf(182, 'p')}.svg`,
		sets: 1,
		reps: 1,
		sides: 'none',
		phases: Array.from({ length: 8 }, (_, p) => ({
			cue: textOf(40, 'q'),
			seconds: 1,
			[`x-phase-${p}`]: 'note'
		})),
		restBetweenReps: 0,
		restBetweenSets: 0,
		restAfter: 0,
		progress: { reps: 1, 'x-note': 'one more each level' },
		'x-note': textOf(100, 'x')
	}));
	return JSON.stringify({
		$schema: 'https://example.org/program.schema.json',
		format: 1,
		id: textOf(64, 'm'),
		version: 9,
		title: textOf(80, 't'),
		summary: textOf(300, 's'),
		language: 'de-DE',
		schedule: { timesPerDay: 10, daysPerWeek: 7, 'x-note': 'often' },
		prepareSeconds: 0,
		restBetweenExercises: 0,
		safety: Array.from({ length: 10 }, () => textOf(300, 'w')),
		progression: { levels: 20, sessionsToAdvance: 10 },
		'x-author': { name: 'Bench', tags: ['a', 'b'] },
		exercises
	});
}

/** A small valid program padded with an `x-` note to just under the 1 MB limit. */
export function paddedValidProgram(): string {
	const base =
		'{"format":1,"id":"padded","title":"Padded","exercises":[{"id":"e","name":"E",' +
		'"instructions":["Move."],"reps":3}],"x-notes":""}';
	return base.replace('"x-notes":""', `"x-notes":"${textOf(MAX_PROGRAM_BYTES - base.length)}"`);
}
