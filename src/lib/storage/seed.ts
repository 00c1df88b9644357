// Realistic fake history for tests and the storage benchmark: two sessions a day (morning and
// evening), pain that drifts down over the weeks with day-to-day noise, now and then a session
// cut short or an exercise skipped. Deterministic for a given seed.
import type { Effort, ExerciseRecord, SessionRecord } from '$lib/session/record';
import { readDigestsForWrite, writeDigests } from './digest-store';
import { digestOf, putDigests } from './digests';
import type { LimberDatabase } from './schema';

interface SeedExercise {
	id: string;
	name: string;
	sets: number;
	reps: number;
	sided: boolean;
	/** Seconds for the whole exercise when done in full. */
	seconds: number;
}

const PROGRAMS: { id: string; title: string; version: number; exercises: SeedExercise[] }[] = [
	{
		id: 'gentle-start',
		title: 'Gentle start',
		version: 2,
		exercises: [
			{ id: 'breathing', name: 'Slow breathing', sets: 1, reps: 5, sided: false, seconds: 45 },
			{ id: 'pelvic-tilt', name: 'Pelvic tilts', sets: 2, reps: 10, sided: false, seconds: 110 },
			{ id: 'cat-stretch', name: 'Cat stretch', sets: 1, reps: 8, sided: false, seconds: 70 },
			{ id: 'bird-dog', name: 'Bird-dog', sets: 2, reps: 5, sided: true, seconds: 150 },
			{ id: 'bridge', name: 'Hip bridge', sets: 2, reps: 10, sided: false, seconds: 120 }
		]
	},
	{
		id: 'ball-routine',
		title: 'Exercise ball routine',
		version: 1,
		exercises: [
			{
				id: 'ball-bridge',
				name: 'Bridge on the ball',
				sets: 2,
				reps: 8,
				sided: false,
				seconds: 140
			},
			{ id: 'superman', name: 'Superman', sets: 2, reps: 6, sided: false, seconds: 100 },
			{ id: 'triangle', name: 'Triangle pose', sets: 1, reps: 1, sided: true, seconds: 50 }
		]
	}
];

const EFFORTS: Effort[] = ['too easy', 'about right', 'about right', 'about right', 'too hard'];
const NOTES = [
	'Stiff this morning, easier after the bridges.',
	'Felt a twinge in the bird-dog, went gently.',
	'Good session.',
	'Short on time, stopped early.',
	'Back felt warm and loose afterwards, "much better" than yesterday.'
];

/** A small seeded random generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function clampPain(value: number): number {
	return Math.min(10, Math.max(0, Math.round(value)));
}

/** `n` realistic session records, twice a day from `startDate` (pure, deterministic per seed). */
export function generateSessions(n: number, startDate: Date, seed = 1): SessionRecord[] {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const sessions: SessionRecord[] = [];
	const days = Math.max(1, Math.ceil(n / 2));
	for (let i = 0; i < n; i++) {
		const day = Math.floor(i / 2);
		const evening = i % 2 === 1;
		// Morning around 7:30, evening around 19:00 (± up to 45 minutes), counted from startDate.
		const minutes = (evening ? 19 * 60 : 7 * 60 + 30) + Math.round((random() - 0.5) * 90);
		const start = startDate.getTime() + day * 86_400_000 + minutes * 60_000;
		const program = day % 7 === 6 && evening ? PROGRAMS[1]! : PROGRAMS[0]!;
		const partial = random() < 0.1;
		const stopAt = partial ? 1 + Math.floor(random() * (program.exercises.length - 1)) : Infinity;

		const trend = 6.5 - 3.5 * (day / days);
		const painBefore = clampPain(trend + (evening ? 0.5 : 0) + (random() - 0.5) * 3);
		const painAfter = clampPain(painBefore - 1 + random() * 2);

		let total = 0;
		const exercises: ExerciseRecord[] = program.exercises.map((exercise, index) => {
			// Exercises after the one a partial session stopped at were not reached; now and then
			// one is skipped (with a reason). (The random draws are the same as before outcomes.)
			const notReached = index >= stopAt;
			const skipped = !notReached && random() < 0.03;
			const share = notReached || skipped ? 0 : 0.9 + random() * 0.2;
			const seconds = Math.round(exercise.seconds * share);
			total += seconds;
			const done = notReached || skipped ? 0 : exercise.sets * exercise.reps;
			const record: ExerciseRecord = {
				exerciseId: exercise.id,
				name: exercise.name,
				setsDone: done === 0 ? 0 : exercise.sets,
				setsPlanned: exercise.sets,
				repsDone: exercise.sided
					? { none: 0, left: done, right: done }
					: { none: done, left: 0, right: 0 },
				repsPlanned: exercise.sets * exercise.reps,
				seconds,
				skipped,
				outcome: notReached ? 'not-reached' : skipped ? 'skipped' : 'done'
			};
			if (skipped) record.skipReason = pick(['pain', 'equipment'] as const);
			return record;
		});
		const rests = 15 * (exercises.length - 1) + 5 * exercises.length;
		const durationSeconds = total + rests;
		const pausedSeconds = random() < 0.2 ? Math.round(random() * 300) : 0;

		const session: SessionRecord = {
			id: `seed-${seed}-${String(i).padStart(6, '0')}`,
			programId: program.id,
			programVersion: program.version,
			programTitle: program.title,
			startedAt: new Date(start).toISOString(),
			endedAt: new Date(start + (durationSeconds + pausedSeconds) * 1000).toISOString(),
			durationSeconds,
			completed: !partial && exercises.every((e) => !e.skipped),
			exercises,
			painBefore,
			painAfter
		};
		if (random() < 0.7) session.effort = pick(EFFORTS);
		if (random() < 0.08) session.note = pick(NOTES);
		sessions.push(session);
	}
	return sessions;
}

/**
 * Writes `n` generated sessions (see generateSessions) into an open database, with their
 * digests, in batches of one transaction each, and returns them.
 */
export async function seedSessions(
	db: LimberDatabase,
	n: number,
	startDate: Date,
	seed = 1
): Promise<SessionRecord[]> {
	const sessions = generateSessions(n, startDate, seed);
	const batch = 1000;
	for (let from = 0; from < sessions.length; from += batch) {
		const tx = db.transaction(['sessions', 'sessionDigests'], 'readwrite');
		const store = tx.objectStore('sessions');
		const digestStore = tx.objectStore('sessionDigests');
		const stored = await readDigestsForWrite(store, digestStore);
		const records = sessions.slice(from, from + batch);
		const writes = records.map((session) => store.put(session));
		const digests = putDigests(stored, records.map(digestOf));
		await Promise.all([...writes, writeDigests(digestStore, digests), tx.done]);
	}
	return sessions;
}
