import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	BACKUP_LIMITS,
	MAX_BACKUP_BYTES,
	backupFileName,
	buildBackup,
	parseBackup,
	serializeBackup,
	utf8Length,
	validateBackup,
	type Backup
} from './backup-format';
import { MAX_PROBLEMS } from '$lib/validation/problems';
import { seededRandom } from './seed';
import { makeStoredProgram, makeSessionRecord } from '$lib/test-factories';
import { TEST_BACKUP_CONTEXT as CONTEXT } from './test-helpers';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/backups/${name}`, import.meta.url), 'utf8');

const validText = fixture('valid.json');

function problemsOf(text: string) {
	const result = parseBackup(text, CONTEXT);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.problems;
}

function mutate(
	change: (doc: Record<string, unknown> & { sessions: Record<string, unknown>[] }) => void
) {
	const doc = JSON.parse(validText);
	change(doc);
	return JSON.stringify(doc);
}

describe('parseBackup: the fixtures', () => {
	it('accepts the valid backup and returns its data', () => {
		const result = parseBackup(validText, CONTEXT);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.sessions).toHaveLength(3);
		expect(result.value.sessions[0]!.id).toBe('3f0b8c1e-6a55-4c3b-9a0e-2a7d5c1b9e01');
		expect(result.value.programs.map((p) => p.program.id)).toEqual(['my-routine']);
		expect(result.value.settings).toMatchObject({
			beeps: false,
			programLevels: { 'my-routine': 2 }
		});
		expect(result.value.exportedAt).toBe('2024-11-05T09:15:00.000Z');
	});

	it('says a truncated file is not valid JSON and may be cut off', () => {
		expect(problemsOf(fixture('truncated.json'))).toEqual([
			{
				path: '(root)',
				message: expect.stringMatching(/^is not valid JSON, so it may be cut off or damaged \(/)
			}
		]);
	});

	it('refuses a program file with a clear message', () => {
		expect(problemsOf(fixture('foreign-program.json'))).toEqual([
			{
				path: '(root)',
				message:
					'This is not a Limber backup: it looks like an exercise program. Import it on the Import page instead.'
			}
		]);
	});

	it('lists every problem of a bad record with its JSON path', () => {
		expect(problemsOf(fixture('bad-record.json'))).toEqual([
			{ path: 'sessions[1].mood', message: 'is not a known field' },
			{
				path: 'sessions[1].exercises[0].repsDone.left',
				message: 'must be a whole number from 0 to 100000'
			},
			{ path: 'sessions[1].painAfter', message: 'must be a whole number from 0 to 10' },
			{
				path: 'sessions[1].effort',
				message: 'must be one of "too easy", "about right", "too hard"'
			}
		]);
	});
});

describe('parseBackup: foreign and broken input', () => {
	it.each([
		['an empty file', '', 'the file is empty'],
		['only spaces', '  \n ', 'the file is empty'],
		['a list', '[1, 2]', 'This is not a Limber backup: it holds no backup data.'],
		['a number', '42', 'This is not a Limber backup: it holds no backup data.'],
		['null', 'null', 'This is not a Limber backup: it holds no backup data.'],
		[
			'some other JSON',
			'{"name": "back-routine", "version": "0.1.0"}',
			'This is not a Limber backup: it does not say "format": "limber-backup".'
		]
	])('refuses %s', (_, text, message) => {
		expect(problemsOf(text)).toEqual([{ path: '(root)', message }]);
	});

	it('accepts a byte-order mark in front', () => {
		expect(parseBackup('\ufeff' + validText, CONTEXT).ok).toBe(true);
	});

	it('asks for an update when the backup is from a newer format', () => {
		expect(problemsOf(mutate((doc) => (doc.formatVersion = 2)))).toEqual([
			{
				path: 'formatVersion',
				message:
					'this backup was made by a newer version of Limber (backup format 2); update Limber, then import it again'
			}
		]);
		expect(problemsOf(mutate((doc) => (doc.formatVersion = '1')))).toEqual([
			{ path: 'formatVersion', message: 'must be 1' }
		]);
	});

	it('refuses files over 20 MB before parsing them', () => {
		const big = ' '.repeat(MAX_BACKUP_BYTES + 1);
		expect(problemsOf(big)).toEqual([
			{ path: '(root)', message: 'the file is 20.0 MB; a Limber backup may be at most 20.0 MB' }
		]);
		// Multi-byte characters count as the bytes they take in the file.
		const wide = '"' + 'é'.repeat(MAX_BACKUP_BYTES / 2) + '"';
		expect(wide.length).toBeLessThan(MAX_BACKUP_BYTES);
		expect(problemsOf(wide)[0]!.message).toMatch(/a Limber backup may be at most/);
		// A known file size is trusted.
		expect(parseBackup(validText, CONTEXT, MAX_BACKUP_BYTES + 1).ok).toBe(false);
	});

	it('refuses unknown keys at every level', () => {
		const problems = problemsOf(
			mutate((doc) => {
				doc.extra = 1;
				(doc.app as Record<string, unknown>).build = 'x';
				doc.sessions[0]!.colour = 'blue';
				(doc.settings as Record<string, unknown>).theme = 'dark';
			})
		);
		expect(problems.map((p) => p.path).sort()).toEqual(
			['extra', 'app.build', 'sessions[0].colour', 'settings.theme'].sort()
		);
	});

	it('refuses __proto__ keys anywhere', () => {
		const text = validText.replace(
			'"beeps": false',
			'"__proto__": { "polluted": true }, "beeps": false'
		);
		const problems = problemsOf(text);
		expect(problems).toContainEqual({ path: 'settings.__proto__', message: 'is not allowed' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const nested = validText.replace(
			'"exerciseId": "breathing"',
			'"__proto__": 1, "exerciseId": "breathing"'
		);
		expect(problemsOf(nested)).toContainEqual({
			path: 'sessions[0].exercises[0].__proto__',
			message: 'is not allowed'
		});
	});

	it('checks every session field with its bounds', () => {
		const problems = problemsOf(
			mutate((doc) => {
				const s = doc.sessions[0]!;
				s.id = '';
				s.programId = 'x'.repeat(101);
				s.programVersion = 0;
				s.startedAt = '2024-02-30T10:00:00Z';
				s.endedAt = '2024-11-01 07:42';
				s.durationSeconds = -1;
				s.completed = 'yes';
				s.painBefore = 3.5;
				s.note = 'n'.repeat(2001);
				s.level = null;
				delete s.programTitle;
			})
		);
		expect(problems).toEqual([
			{ path: 'sessions[0].id', message: 'must be 1 to 100 characters long' },
			{ path: 'sessions[0].programId', message: 'must be 1 to 100 characters long' },
			{ path: 'sessions[0].programVersion', message: 'must be a whole number from 1 to 1000000' },
			{ path: 'sessions[0].programTitle', message: 'is required' },
			{
				path: 'sessions[0].startedAt',
				message:
					'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
			},
			{
				path: 'sessions[0].endedAt',
				message:
					'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
			},
			{ path: 'sessions[0].durationSeconds', message: 'must be a number from 0 to 604800' },
			{ path: 'sessions[0].completed', message: 'must be true or false, not "yes"' },
			{ path: 'sessions[0].painBefore', message: 'must be a whole number from 0 to 10' },
			{ path: 'sessions[0].note', message: 'must be at most 2000 characters long' },
			{ path: 'sessions[0].level', message: 'must be a whole number from 0 to 100' }
		]);
	});

	it('bounds the exercises list and checks each exercise', () => {
		const tooMany = problemsOf(
			mutate((doc) => {
				const first = (doc.sessions[0]!.exercises as unknown[])[0];
				doc.sessions[0]!.exercises = new Array(101).fill(first);
			})
		);
		expect(tooMany).toEqual([
			{ path: 'sessions[0].exercises', message: 'may hold at most 100 entries, not 101' }
		]);
		const bad = problemsOf(
			mutate((doc) => {
				const exercise = (doc.sessions[0]!.exercises as Record<string, unknown>[])[1]!;
				exercise.skipReason = 'bored';
				exercise.setsDone = 'two';
				delete exercise.name;
				exercise.repsDone = { none: 1, left: 0 };
			})
		);
		expect(bad).toEqual([
			{ path: 'sessions[0].exercises[1].name', message: 'is required' },
			{
				path: 'sessions[0].exercises[1].setsDone',
				message: 'must be a whole number from 0 to 100'
			},
			{ path: 'sessions[0].exercises[1].repsDone.right', message: 'is required' },
			{
				path: 'sessions[0].exercises[1].skipReason',
				message: 'must be one of "pain", "time", "equipment", "other"'
			}
		]);
	});

	it('refuses two sessions with the same id', () => {
		const problems = problemsOf(mutate((doc) => (doc.sessions[2]!.id = doc.sessions[0]!.id)));
		expect(problems).toEqual([
			{ path: 'sessions[2].id', message: 'is the same as sessions[0].id' }
		]);
	});

	it('validates imported programs with the program validator, under their path', () => {
		const problems = problemsOf(
			mutate((doc) => {
				const entry = (doc.programs as { program: Record<string, unknown> }[])[0]!;
				(entry.program.exercises as Record<string, unknown>[])[0]!.hold = 0;
				delete entry.program.title;
			})
		);
		expect(problems.length).toBeGreaterThanOrEqual(2);
		for (const problem of problems) expect(problem.path).toMatch(/^programs\[0\]\.program/);
		expect(problems.map((p) => p.path)).toContain('programs[0].program.exercises[0].hold');
	});

	it('normalises times to UTC so that they sort as text', () => {
		const result = parseBackup(
			mutate((doc) => {
				doc.sessions[0]!.startedAt = '2024-11-01T08:30:00+01:00';
				doc.sessions[0]!.endedAt = '2024-11-01T08:42:05.5+01:00';
			}),
			CONTEXT
		);
		expect(result.ok && result.value.sessions[0]!.startedAt).toBe('2024-11-01T07:30:00.000Z');
		expect(result.ok && result.value.sessions[0]!.endedAt).toBe('2024-11-01T07:42:05.500Z');
	});

	it(`lists at most ${MAX_PROBLEMS} problems and counts the rest`, () => {
		const result = parseBackup(
			mutate((doc) => {
				for (let i = 0; i < 150; i++) doc[`junk${i}`] = i;
			}),
			CONTEXT
		);
		expect(result).toMatchObject({ ok: false, more: 50 });
		expect(!result.ok && result.problems).toHaveLength(MAX_PROBLEMS);
		expect(!result.ok && result.problems.at(-1)).toEqual({
			path: 'junk99',
			message: 'is not a known field'
		});
	});

	it('counts the problems a program left out of its own list', () => {
		const result = parseBackup(
			mutate((doc) => {
				const entry = (doc.programs as { program: Record<string, unknown> }[])[0]!;
				const exercise = (entry.program.exercises as Record<string, unknown>[])[0]!;
				delete exercise.hold;
				exercise.phases = Array.from({ length: 500 }, () => ({ constructor: 1 }));
			}),
			CONTEXT
		);
		if (result.ok) throw new Error('expected problems');
		expect(result.problems).toHaveLength(MAX_PROBLEMS);
		expect(result.problems[0]).toEqual({
			path: 'programs[0].program.exercises[0].phases',
			message: 'must have at most 8 phases (this one has 500)'
		});
		// 500 forbidden keys, the list, and two missing fields in each of the 8 phases checked.
		expect(result.problems.length + result.more).toBe(500 + 1 + 16);
	});

	it('refuses a program under a built-in program’s id, or a reserved one, at its id', () => {
		const withId = (id: string) =>
			mutate((doc) => {
				(doc.programs as { program: Record<string, unknown> }[])[0]!.program.id = id;
			});
		expect(problemsOf(withId('gentle-relief'))).toEqual([
			{
				path: 'programs[0].program.id',
				message:
					'“gentle-relief” is the id of a built-in program; give your program an id of its own'
			}
		]);
		expect(problemsOf(withId('index'))).toEqual([
			{
				path: 'programs[0].program.id',
				message: '"index" is reserved for the app’s own files; give your program another id'
			}
		]);
		// The same backup is fine where that id is not built in.
		expect(
			parseBackup(withId('gentle-relief'), { ...CONTEXT, builtinIds: new Set(['desk-break']) }).ok
		).toBe(true);
	});

	it('refuses morning answers dated after today, and accepts today', () => {
		const withDays = (...days: string[]) =>
			mutate((doc) => {
				(doc.settings as Record<string, unknown>).morningPain = days.map((day) => ({
					day,
					pain: 10
				}));
			});
		expect(problemsOf(withDays('2024-11-02', '9999-12-31', '2025-06-12'))).toEqual([
			{
				path: 'settings.morningPain[1].day',
				message:
					'is after today (2025-06-11): a morning answer cannot come from a later day (was the clock of the device that made the backup wrong?)'
			},
			{
				path: 'settings.morningPain[2].day',
				message:
					'is after today (2025-06-11): a morning answer cannot come from a later day (was the clock of the device that made the backup wrong?)'
			}
		]);
		expect(parseBackup(withDays('2024-11-02', '2025-06-11'), CONTEXT).ok).toBe(true);
	});

	it('refuses more sessions than the limit', () => {
		const problems = validateBackup(
			{
				...JSON.parse(validText),
				sessions: new Array(BACKUP_LIMITS.sessions + 1).fill(0)
			},
			CONTEXT
		);
		expect(problems).toEqual({
			ok: false,
			problems: [{ path: 'sessions', message: 'may hold at most 100000 entries, not 100001' }],
			more: 0
		});
	});
});

describe('building a backup', () => {
	const contents = {
		sessions: [
			makeSessionRecord({ id: 'late', startedAt: '2025-03-15T08:00:00.000Z' }),
			makeSessionRecord({ id: 'early', startedAt: '2025-03-14T08:00:00.000Z' })
		],
		programs: [{ program: makeStoredProgram('mine'), importedAt: '2025-01-01T00:00:00.000Z' }],
		settings: { beeps: false, persistRequested: true }
	};

	it('has the documented envelope, sessions oldest first, no device-only settings', () => {
		const backup = buildBackup(contents, Date.UTC(2025, 2, 16, 12), '1.2.3');
		expect(backup).toMatchObject({
			format: 'limber-backup',
			formatVersion: 1,
			exportedAt: '2025-03-16T12:00:00.000Z',
			app: { version: '1.2.3' },
			settings: { beeps: false }
		});
		expect(backup.sessions.map((s) => s.id)).toEqual(['early', 'late']);
		expect('persistRequested' in backup.settings).toBe(false);
	});

	it('round-trips through text', () => {
		const backup = buildBackup(contents, Date.UTC(2025, 2, 16, 12), '1.2.3');
		const text = serializeBackup(backup);
		expect(text.split('\n').length).toBeGreaterThan(5);
		expect(parseBackup(text, CONTEXT)).toEqual({ ok: true, value: backup });
	});

	it('names the file by the local day', () => {
		expect(backupFileName(new Date(2025, 2, 4, 23, 59))).toBe('limber-backup-2025-03-04.json');
	});
});

describe('utf8Length', () => {
	it('counts bytes as UTF-8 does', () => {
		for (const text of ['', 'abc', 'é', '€', '😀', 'a\ud800b', 'mixed é € 😀 text']) {
			expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
		}
	});
});

describe('fuzzing the validator', () => {
	const random = seededRandom(20250314);
	const randomInt = (n: number) => Math.floor(random() * n);
	const junk = [
		null,
		true,
		false,
		0,
		-1,
		1.5,
		1e308,
		'',
		'x',
		'__proto__',
		[],
		{},
		[null],
		{ a: 1 }
	];

	function mutateValue(value: unknown, depth = 0): unknown {
		if (depth > 6 || random() < 0.15) return junk[randomInt(junk.length)];
		if (Array.isArray(value)) {
			const copy = value.map((item) => (random() < 0.3 ? mutateValue(item, depth + 1) : item));
			if (random() < 0.2) copy.splice(randomInt(copy.length + 1), 0, junk[randomInt(junk.length)]);
			if (random() < 0.2) copy.pop();
			return copy;
		}
		if (value !== null && typeof value === 'object') {
			const copy: Record<string, unknown> = { ...value };
			for (const key of Object.keys(copy)) {
				const roll = random();
				if (roll < 0.1) delete copy[key];
				else if (roll < 0.4) copy[key] = mutateValue(copy[key], depth + 1);
			}
			if (random() < 0.1) copy[`k${randomInt(5)}`] = junk[randomInt(junk.length)];
			return copy;
		}
		return junk[randomInt(junk.length)];
	}

	it('never throws on truncated text', () => {
		for (let i = 0; i < 300; i++) {
			const cut = randomInt(validText.length);
			const result = parseBackup(validText.slice(0, cut), CONTEXT);
			expect(result.ok).toBe(false);
		}
	});

	it('never throws on random bytes', () => {
		for (let i = 0; i < 300; i++) {
			const length = randomInt(200);
			let text = '';
			for (let j = 0; j < length; j++) text += String.fromCharCode(randomInt(0x3000));
			const result = parseBackup(text, CONTEXT);
			expect(result.ok === true || result.problems.length > 0).toBe(true);
		}
	});

	it('never throws on mutated backups, and every problem has a path and a message', () => {
		const base = JSON.parse(validText) as Backup;
		let refused = 0;
		for (let i = 0; i < 500; i++) {
			const result = parseBackup(JSON.stringify(mutateValue(base)), CONTEXT);
			if (!result.ok) {
				refused++;
				for (const problem of result.problems) {
					expect(typeof problem.path).toBe('string');
					expect(problem.path.length).toBeGreaterThan(0);
					expect(problem.message.length).toBeGreaterThan(0);
				}
			}
		}
		expect(refused).toBeGreaterThan(400);
	});

	it('never throws on values JSON cannot even hold', () => {
		const cyclic: Record<string, unknown> = { format: 'limber-backup', formatVersion: 1 };
		cyclic.sessions = [cyclic];
		for (const input of [undefined, () => 1, Symbol('x'), 10n, cyclic, Object.create(null)]) {
			expect(validateBackup(input, CONTEXT).ok).toBe(false);
		}
	});
});
