import { describe, expect, it } from 'vitest';
import { validateProgram } from '../program/validate';
import type { Exercise, Program } from '../program/types';
import {
	applyPhrase,
	applyPhraseToSchedule,
	parseDosePhrase,
	secondsText,
	type ExerciseDoseChanges
} from './phrases';
import type { Schedule } from '../program/types';

interface Row {
	/** What the person typed. */
	phrase: string;
	/** The exercise fields it sets (exactly; absent means none). */
	exercise?: ExerciseDoseChanges;
	/** The schedule fields it sets (exactly; absent means none). */
	schedule?: Partial<Schedule>;
	/** The texts it refused (exactly, in order; absent means none). */
	refused?: string[];
	/** The texts it did not read (exactly, in order; absent means none). */
	unread?: string[];
}

// The phrase table: what each phrase becomes. Rows from "refused or partly read" on must leave
// something unread or refused: they are the phrases the builder has to send back to the person.
const READ: Row[] = [
	{ phrase: 'hold 30 s, 3 times a day', exercise: { hold: 30 }, schedule: { timesPerDay: 3 } },
	{ phrase: '10 reps', exercise: { reps: 10 } },
	{ phrase: '10 s each side', exercise: { duration: 10, sides: 'each' } },
	{ phrase: 'hold 10 s each side', exercise: { hold: 10, sides: 'each' } },
	{ phrase: '3 sets of 10', exercise: { sets: 3, reps: 10 } },
	{ phrase: '3 sets of 10 reps each side', exercise: { sets: 3, reps: 10, sides: 'each' } },
	{ phrase: '2 minutes', exercise: { duration: 120 } },
	{ phrase: 'twice a day', schedule: { timesPerDay: 2 } },
	{
		phrase: 'pelvic tilts, hold 10 s, 10 times, three times a day',
		exercise: { hold: 10, reps: 10 },
		schedule: { timesPerDay: 3 },
		unread: ['pelvic tilts']
	},
	{ phrase: '5 slow breaths', exercise: { reps: 5 } },
	{ phrase: 'hold for 10 seconds and repeat 10 times', exercise: { hold: 10, reps: 10 } },
	{ phrase: '30 second hold x 3', exercise: { hold: 30, reps: 3 } },
	{ phrase: '2x10', exercise: { sets: 2, reps: 10 } },
	{ phrase: '3 × 12', exercise: { sets: 3, reps: 12 } },
	{ phrase: 'every day', schedule: { daysPerWeek: 7 } },
	{ phrase: '5 days a week', schedule: { daysPerWeek: 5 } },
	{ phrase: 'relax 5 seconds between', exercise: { restBetweenReps: 5 } },
	{ phrase: '20 reps each side of 3 sets', exercise: { reps: 20, sides: 'each', sets: 3 } },
	{ phrase: 'Hold it for 20 SECONDS', exercise: { hold: 20 } },
	{ phrase: '30s hold, 5x', exercise: { hold: 30, reps: 5 } },
	{ phrase: '1 min 30 s', exercise: { duration: 90 } },
	{ phrase: 'one and a half minutes', exercise: { duration: 90 } },
	{ phrase: 'plank for 1:30', exercise: { duration: 90 }, unread: ['plank'] },
	{ phrase: 'hold for half a minute', exercise: { hold: 30 } },
	{ phrase: 'hold 1 h', exercise: { hold: 3600 } },
	{ phrase: '2 hours', exercise: { duration: 7200 } },
	{ phrase: 'twenty-five reps', exercise: { reps: 25 } },
	{ phrase: '10 holds of 5 seconds', exercise: { reps: 10, hold: 5 } },
	{ phrase: '10 x 5 s holds', exercise: { reps: 10, hold: 5 } },
	{ phrase: '3 x 30 s', exercise: { sets: 3, duration: 30 } },
	{ phrase: '3 sets of 30 s', exercise: { sets: 3, duration: 30 } },
	{ phrase: '10 each side', exercise: { reps: 10, sides: 'each' } },
	{ phrase: '6 reps, alternating legs', exercise: { reps: 6, sides: 'alternate' } },
	{ phrase: '10 times on both sides', exercise: { reps: 10, sides: 'each' } },
	{
		phrase: 'hold 10 s, rest 5 s, 10 times',
		exercise: { hold: 10, restBetweenReps: 5, reps: 10 }
	},
	{ phrase: '3 sets, rest 60 s', exercise: { sets: 3, restBetweenSets: 60 } },
	{ phrase: '60 s rest between sets', exercise: { restBetweenSets: 60 } },
	{ phrase: 'rest between sets for 45 seconds', exercise: { restBetweenSets: 45 } },
	{ phrase: 'no rest between reps', exercise: { restBetweenReps: 0 } },
	{
		phrase: '10 second hold, 10 reps, rest 5 seconds between each',
		exercise: { hold: 10, reps: 10, restBetweenReps: 5 }
	},
	{ phrase: '3x/day', schedule: { timesPerDay: 3 } },
	{ phrase: 'twice daily', schedule: { timesPerDay: 2 } },
	{ phrase: 'once a day, on weekdays', schedule: { timesPerDay: 1, daysPerWeek: 5 } },
	{ phrase: 'morning and evening', schedule: { timesPerDay: 2 } },
	{ phrase: '3 times a week', schedule: { daysPerWeek: 3 } },
	{ phrase: 'once a week', schedule: { daysPerWeek: 1 } },
	{
		phrase: 'hold 10 seconds. 10 reps. 2 sets. Once a day, every day.',
		exercise: { hold: 10, reps: 10, sets: 2 },
		schedule: { timesPerDay: 1, daysPerWeek: 7 }
	},
	{ phrase: 'repeat 5 times, twice a day', exercise: { reps: 5 }, schedule: { timesPerDay: 2 } },
	{ phrase: '', exercise: {}, schedule: {} }
];

// Refused or only partly read: never guessed.
const REFUSED: Row[] = [
	{ phrase: 'hold it as long as you can', refused: ['hold', 'as long as you can'] },
	{ phrase: '3 times', refused: ['3 times'] },
	{ phrase: 'twice', refused: ['twice'] },
	{ phrase: 'do it 10 times', refused: ['10 times'] },
	{ phrase: '10', refused: ['10'] },
	{ phrase: 'hold 0 s', refused: ['hold 0 s'] },
	{ phrase: 'hold 5000 s', refused: ['hold 5000 s'] },
	{ phrase: 'hold 2 h', refused: ['hold 2 h'] },
	{ phrase: '3 hours', refused: ['3 hours'] },
	{ phrase: '2.5 s hold', refused: ['2.5 s hold'] },
	{ phrase: 'every other day', refused: ['every other day'] },
	{ phrase: 'every 2 days', refused: ['every 2 days'] },
	{
		phrase: 'hold 10 s for 2 minutes',
		refused: ['hold 10 s', '2 minutes']
	},
	{ phrase: '8-12 reps', refused: ['8-12 reps'] },
	{ phrase: '2 to 3 times a day', refused: ['2 to 3 times a day'] },
	{ phrase: 'hold 5 to 10 s', refused: ['hold', '5 to 10 s'] },
	{ phrase: 'rest 30 s', refused: ['rest 30 s'] },
	{ phrase: '3 sets of 10, rest 60 s', exercise: { sets: 3, reps: 10 }, refused: ['rest 60 s'] },
	{ phrase: 'rest 20 s between exercises', refused: ['rest 20 s between exercises'] },
	{ phrase: '12 times a day', refused: ['12 times a day'] },
	{ phrase: '8 days a week', refused: ['8 days a week'] },
	{ phrase: '300 reps', refused: ['300 reps'] },
	{ phrase: '21 sets of 10', exercise: { reps: 10 }, refused: ['21 sets'] },
	{ phrase: '0 reps', refused: ['0 reps'] },
	{ phrase: 'rest 11 minutes between sets', refused: ['rest 11 minutes between sets'] },
	{ phrase: '10 reps, then 12 reps', refused: ['10 reps', '12 reps'] },
	{ phrase: 'each side, alternating', refused: ['each side', 'alternating'] },
	{
		phrase: '3 times, every day',
		schedule: { daysPerWeek: 7 },
		refused: ['3 times']
	},
	{ phrase: '2 m', refused: ['2'], unread: ['m'] },
	{ phrase: 'Bird-dog, one leg at a time', unread: ['Bird-dog, one leg at a time'] },
	{
		phrase: 'slowly, as far as is comfortable',
		unread: ['slowly', 'is comfortable'],
		refused: ['as far as']
	}
];

const TABLE = [...READ, ...REFUSED];

describe('parseDosePhrase: the phrase table', () => {
	it('has at least 40 phrases, at least 10 of them refused or only partly read', () => {
		expect(TABLE.length).toBeGreaterThanOrEqual(40);
		const partly = TABLE.filter((row) => {
			const parsed = parseDosePhrase(row.phrase);
			return parsed.refused.length > 0 || parsed.unread.length > 0;
		});
		expect(partly.length).toBeGreaterThanOrEqual(10);
		for (const row of REFUSED) {
			const parsed = parseDosePhrase(row.phrase);
			expect(parsed.refused.length + parsed.unread.length, row.phrase).toBeGreaterThan(0);
		}
	});

	it.each(TABLE)('$phrase', (row) => {
		const parsed = parseDosePhrase(row.phrase);
		expect({
			exercise: parsed.exercise,
			schedule: parsed.schedule,
			refused: parsed.refused.map((part) => part.text),
			unread: parsed.unread.map((part) => part.text)
		}).toEqual({
			exercise: row.exercise ?? {},
			schedule: row.schedule ?? {},
			refused: row.refused ?? [],
			unread: row.unread ?? []
		});
	});
});

describe('parseDosePhrase: spans, explanations and reasons', () => {
	it('gives each change the span of text it came from and a plain-words explanation', () => {
		const text = 'pelvic tilts, hold 10 s, 10 times, three times a day';
		const parsed = parseDosePhrase(text);
		expect(parsed.changes).toEqual([
			{
				target: 'exercise',
				field: 'hold',
				value: 10,
				start: 14,
				end: 23,
				text: 'hold 10 s',
				explanation: 'hold 10 s'
			},
			{
				target: 'exercise',
				field: 'reps',
				value: 10,
				start: 25,
				end: 33,
				text: '10 times',
				explanation: '10 reps'
			},
			{
				target: 'schedule',
				field: 'timesPerDay',
				value: 3,
				start: 35,
				end: 52,
				text: 'three times a day',
				explanation: '3 times a day'
			}
		]);
		for (const change of parsed.changes) {
			expect(text.slice(change.start, change.end)).toBe(change.text);
		}
		expect(parsed.unread).toEqual([{ start: 0, end: 12, text: 'pelvic tilts' }]);
	});

	it('explains every kind of change', () => {
		const explained = (phrase: string) =>
			parseDosePhrase(phrase).changes.map((change) => change.explanation);
		expect(explained('2 min')).toEqual(['2 min in one go (a timed bout)']);
		expect(explained('1 rep, 1 set')).toEqual(['1 rep', '1 set']);
		expect(explained('5 reps alternating')).toEqual([
			'5 reps',
			'alternating sides: left, right, left, right …'
		]);
		expect(explained('rest 90 s between sets')).toEqual(['rest 1 min 30 s between sets']);
		expect(explained('once a day, 1 day a week')).toEqual(['once a day', '1 day a week']);
		expect(explained('4 times a day, 6 days a week')).toEqual(['4 times a day', '6 days a week']);
	});

	it('says why it refuses', () => {
		const reasons = (phrase: string) => parseDosePhrase(phrase).refused.map((r) => r.reason);
		expect(reasons('hold 5000 s')).toEqual(['must be 1 s to 1 h for a hold, not 1 h 23 min 20 s']);
		expect(reasons('hold 0 s')).toEqual(['must be 1 s to 1 h for a hold, not 0 s']);
		expect(reasons('12 times a day')).toEqual(['must be 1 to 10 times a day, not 12']);
		expect(reasons('rest 11 min between reps')).toEqual([
			'is longer than a rest may be (at most 10 min)'
		]);
		expect(reasons('3 times')).toEqual(['could be 3 reps or 3 times a day: write which']);
		expect(reasons('twice')).toEqual(['could be 2 reps or twice a day: write which']);
		expect(reasons('10')[0]).toMatch(/^does not say what it counts: write “10 reps”/);
		expect(reasons('hold 10 s for 2 minutes')[0]).toMatch(
			/^a hold and a timed bout cannot both be the dose/
		);
		expect(reasons('10 reps, 12 reps')).toEqual([
			'contradicts the rest of the phrase, which says both 10 reps and 12 reps: keep one',
			'contradicts the rest of the phrase, which says both 10 reps and 12 reps: keep one'
		]);
		expect(reasons('every other day')[0]).toMatch(/3 days a week” or “4 days a week”$/);
		expect(reasons('rest 30 s')).toEqual([
			'does not say between what: write “between reps” or “between sets”'
		]);
		expect(reasons('2.5 s')).toEqual([
			'is not a whole number of seconds (2.5 s): the app counts whole seconds'
		]);
	});

	it('keeps one value said twice the same way', () => {
		expect(parseDosePhrase('10 reps, that is 10 reps').exercise).toEqual({ reps: 10 });
	});

	it('never throws, whatever it is given', () => {
		const odd = [
			'x',
			'x x x',
			'hold',
			'hold hold hold',
			'1:',
			'1:5',
			'- - -',
			'a a a minute',
			'every',
			'between',
			'rest between',
			'10 to',
			'💪 10 reps 💪',
			'9'.repeat(400),
			'hold '.repeat(500),
			'and, then, of'
		];
		for (const phrase of odd) expect(() => parseDosePhrase(phrase), phrase).not.toThrow();
		// Whatever it is given, every span it reports is a piece of the text, in order, and
		// nothing is both read and left unread.
		for (const phrase of odd) {
			const parsed = parseDosePhrase(phrase);
			expect(parsed.text, phrase).toBe(phrase);
			const spans = [...parsed.changes, ...parsed.refused, ...parsed.unread];
			for (const span of spans) {
				expect(phrase.slice(span.start, span.end), phrase).toBe(span.text);
				expect(span.start, phrase).toBeLessThan(span.end);
			}
			const sorted = spans.map((s) => [s.start, s.end]).sort((a, b) => a[0]! - b[0]!);
			for (let i = 1; i < sorted.length; i++) {
				expect(sorted[i]![0], phrase).toBeGreaterThanOrEqual(sorted[i - 1]![1]!);
			}
		}
		expect(parseDosePhrase('x x x').unread.map((s) => s.text)).toEqual(['x x x']);
		expect(parseDosePhrase('💪 10 reps 💪').exercise).toEqual({ reps: 10 });
		expect(parseDosePhrase('and, then, of').unread).toEqual([]);
		expect(parseDosePhrase(undefined as unknown as string).changes).toEqual([]);
	});

	it('writes seconds as a dose reads them', () => {
		expect([5, 60, 90, 120, 3600, 3661, 5400].map(secondsText)).toEqual([
			'5 s',
			'1 min',
			'1 min 30 s',
			'2 min',
			'1 h',
			'1 h 1 min 1 s',
			'1 h 30 min'
		]);
	});
});

const base: Exercise = {
	id: 'bridge',
	name: 'Bridge',
	instructions: ['Lift your hips.'],
	cautions: [],
	sets: 1,
	reps: 8,
	sides: 'none',
	hold: 5,
	restBetweenReps: 5,
	restBetweenSets: 30,
	progress: { reps: 1, hold: 2 },
	'x-note': 'kept'
};

const programWith = (exercise: Exercise): Program => ({
	format: 1,
	id: 'p',
	version: 1,
	title: 'P',
	language: 'en',
	schedule: { timesPerDay: 1, daysPerWeek: 7 },
	prepareSeconds: 5,
	restBetweenExercises: 15,
	safety: [],
	progression: { levels: 3, sessionsToAdvance: 2 },
	exercises: [exercise]
});

describe('applyPhrase', () => {
	it('sets the fields read and returns a new exercise, leaving the old one as it was', () => {
		const before = structuredClone(base);
		const next = applyPhrase(base, parseDosePhrase('hold 30 s, 3 sets of 10 each side'));
		expect(base).toEqual(before);
		expect(next).not.toBe(base);
		expect(next).toEqual({ ...base, hold: 30, sets: 3, reps: 10, sides: 'each' });
	});

	it('replaces the other dose forms with a hold', () => {
		const paced: Exercise = {
			...base,
			hold: undefined,
			progress: undefined,
			phases: [{ cue: 'In', seconds: 4 }]
		};
		delete paced.hold;
		delete paced.progress;
		const next = applyPhrase(paced, parseDosePhrase('hold 10 s'));
		expect(next.hold).toBe(10);
		expect('phases' in next).toBe(false);
		expect(paced.phases).toEqual([{ cue: 'In', seconds: 4 }]);
	});

	it('makes a timed bout one rep, without the hold and its progress step', () => {
		const next = applyPhrase(base, parseDosePhrase('2 minutes'));
		expect(next).toMatchObject({ duration: 120, reps: 1 });
		expect('hold' in next).toBe(false);
		// progress.hold needs a hold and progress.reps cannot go with a duration: both are dropped,
		// and the empty progress with them.
		expect('progress' in next).toBe(false);
		const timed = applyPhrase(
			{ ...base, progress: { reps: 1, 'x-a': 1 } },
			parseDosePhrase('1 min')
		);
		expect(timed.progress).toEqual({ 'x-a': 1 });
	});

	it('turns a timed bout into counted reps when more than one rep is asked for', () => {
		const timed = applyPhrase(base, parseDosePhrase('2 minutes'));
		const counted = applyPhrase(timed, parseDosePhrase('10 reps'));
		expect(counted.reps).toBe(10);
		expect('duration' in counted).toBe(false);
		expect('hold' in counted).toBe(false);
		// One rep keeps the timed bout.
		expect(applyPhrase(timed, { exercise: { reps: 1 } }).duration).toBe(120);
	});

	it('keeps progress steps that still fit, and x- fields', () => {
		const next = applyPhrase(base, parseDosePhrase('hold 20 s'));
		expect(next.progress).toEqual({ reps: 1, hold: 2 });
		expect(next.progress).not.toBe(base.progress);
		expect(next['x-note']).toBe('kept');
		const withNote = applyPhrase(
			{ ...base, progress: { hold: 1, 'x-why': 'slowly' } },
			parseDosePhrase('3 minutes')
		);
		expect(withNote.progress).toEqual({ 'x-why': 'slowly' });
	});

	it('leaves the exercise as it was for a phrase with no exercise changes', () => {
		expect(applyPhrase(base, parseDosePhrase('twice a day, hold it as long as you can'))).toEqual(
			base
		);
	});

	it('gives an exercise the validator accepts, for every phrase of the table', () => {
		// The limits of a whole program (4 hours in all, doses at the highest progression level)
		// are the validator's to report: "hold 1 h" eight times is 8 hours.
		const wholeProgram = (message: string) =>
			message.startsWith('plays for') || message.startsWith('raises the dose');
		for (const row of TABLE) {
			const next = applyPhrase(base, parseDosePhrase(row.phrase));
			const result = validateProgram(programWith(next));
			const problems = result.ok ? [] : result.problems;
			expect(
				problems.filter((problem) => !wholeProgram(problem.message)),
				row.phrase
			).toEqual([]);
		}
	});
});

describe('applyPhraseToSchedule', () => {
	it('sets the schedule fields read, in a new object', () => {
		const schedule = { timesPerDay: 1, daysPerWeek: 7 };
		const next = applyPhraseToSchedule(schedule, parseDosePhrase('twice a day, 5 days a week'));
		expect(next).toEqual({ timesPerDay: 2, daysPerWeek: 5 });
		expect(schedule).toEqual({ timesPerDay: 1, daysPerWeek: 7 });
		expect(applyPhraseToSchedule(schedule, parseDosePhrase('10 reps'))).toEqual(schedule);
	});
});
