import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, buildBackup, serializeBackup } from './backup-format';
import { openDatabase } from './database';
import { generateSessions, seedSessions, seededRandom } from './seed';
import { countSessions } from './sessions';
import { releaseStorage, TEST_BACKUP_CONTEXT, useFreshStorage } from './test-helpers';

afterEach(() => releaseStorage());

const start = new Date('2025-01-06T00:00:00Z');

describe('generateSessions', () => {
	it('makes two sessions a day, in order, deterministic per seed', () => {
		const sessions = generateSessions(60, start);
		expect(sessions).toHaveLength(60);
		expect(generateSessions(60, start)).toEqual(sessions);
		expect(generateSessions(60, start, 2)).not.toEqual(sessions);
		const days = new Map<string, number>();
		for (const s of sessions) {
			const day = s.startedAt.slice(0, 10);
			days.set(day, (days.get(day) ?? 0) + 1);
		}
		expect([...days.values()].every((count) => count === 2)).toBe(true);
		expect(days.size).toBe(30);
		const hours = sessions.map((s) => new Date(s.startedAt).getUTCHours());
		expect(hours.filter((_, i) => i % 2 === 0).every((h) => h >= 6 && h <= 8)).toBe(true);
		expect(hours.filter((_, i) => i % 2 === 1).every((h) => h >= 18 && h <= 19)).toBe(true);
		expect(new Set(sessions.map((s) => s.id)).size).toBe(60);
	});

	it('varies pain and lets it drift down over the weeks', () => {
		const sessions = generateSessions(400, start);
		const pains = sessions.map((s) => s.painBefore!);
		expect(new Set(pains).size).toBeGreaterThan(4);
		const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
		expect(mean(pains.slice(0, 60))).toBeGreaterThan(mean(pains.slice(-60)) + 1);
		expect(sessions.some((s) => !s.completed)).toBe(true);
		expect(sessions.some((s) => s.exercises.some((e) => e.skipped && e.skipReason))).toBe(true);
		expect(new Set(sessions.map((s) => s.programId)).size).toBe(2);
	});

	it('only makes records that a backup accepts', () => {
		const sessions = generateSessions(500, start);
		const text = serializeBackup(buildBackup({ sessions, programs: [], settings: {} }, 0, '1'));
		expect(parseBackup(text, TEST_BACKUP_CONTEXT).ok).toBe(true);
	});

	it('has a seeded random source in [0, 1)', () => {
		const random = seededRandom(7);
		const values = Array.from({ length: 1000 }, random);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		expect(seededRandom(7)()).toBe(values[0]);
	});
});

describe('seedSessions', () => {
	it('writes the generated sessions into the database', async () => {
		useFreshStorage();
		const written = await seedSessions(await openDatabase(), 2500, start);
		expect(written).toHaveLength(2500);
		expect(await countSessions()).toBe(2500);
	});
});
