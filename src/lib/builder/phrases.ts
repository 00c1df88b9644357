// Dose phrases: what a person types from what the physio said ("hold 30 s, 3 times a day",
// "3 sets of 10 each side") read into changes of the program format's fields, each with the
// span of text it came from and a plain-words explanation, plus the parts that were refused
// (with a reason) and the parts that were not read at all. Pure, deterministic, English only:
// a small hand-written grammar over words and numbers, no model and no network.
//
// How it reads (the decisions are in docs/decisions.md, "Routine builder"):
// 1. The text is cut into tokens: numbers (digits), words, and single marks ("x" in "2x10" and
//    "s" in "30s" become words of their own).
// 2. From left to right, the first pattern that matches at a token wins (the order below is the
//    priority); tokens no pattern takes are "unread", except filler words such as "and", "of".
// 3. A few pieces depend on the rest of the phrase, and are settled once everything is read:
//    - "10 times" (or "once", "twice", "x 3") counts reps when the phrase also says something
//      about the exercise (a hold, a time, sets, sides, a rest) or how often a day; alone,
//      "3 times" could be 3 reps or 3 times a day, so it is refused;
//    - a time without "hold" ("30 s", "for 2 minutes") is a hold when the phrase gives reps
//      (a timed bout is one per set), otherwise one timed bout (`duration`);
//    - "rest 30 s" without "between …" is between reps when the phrase gives reps but not sets,
//      between sets when it gives sets but not reps, and refused when it gives both or neither.
// 4. Values outside the format's limits (PROGRAM_LIMITS) are refused with the limit.
// 5. Contradictions are refused, never settled by picking one: two different values for one
//    field ("10 reps … 12 reps"), or a hold and a timed bout together ("hold 10 s for 2
//    minutes": 12 holds? one 2-minute hold? The phrase does not say).
import { PROGRAM_LIMITS } from '../program/schema';
import type { Exercise, ExerciseProgress, Schedule } from '../program/types';

/** The exercise fields a phrase can set. */
export type DoseField =
	'hold' | 'reps' | 'sets' | 'duration' | 'restBetweenReps' | 'restBetweenSets';

/** Where in the typed text something came from: [start, end) in UTF-16 units, and that text. */
export interface PhraseSpan {
	start: number;
	end: number;
	text: string;
}

/** One field change that was understood, with its source text and what it means. */
export type PhraseChange = PhraseSpan & { explanation: string } & (
		| { target: 'exercise'; field: DoseField; value: number }
		| { target: 'exercise'; field: 'sides'; value: 'each' | 'alternate' }
		| { target: 'schedule'; field: keyof Schedule; value: number }
	);

/** A part that was recognised but not taken, and why (out of range, ambiguous, contradictory). */
export interface PhraseRefusal extends PhraseSpan {
	reason: string;
}

/** The exercise fields a phrase sets, as the format writes them. */
export type ExerciseDoseChanges = Partial<Pick<Exercise, DoseField>> & {
	sides?: 'each' | 'alternate';
};

/** Everything read from one phrase. */
export interface ParsedPhrase {
	text: string;
	/** The understood changes, in the order of the text. */
	changes: PhraseChange[];
	/** The same changes as field values, ready to apply. */
	exercise: ExerciseDoseChanges;
	schedule: Partial<Schedule>;
	/** Recognised but refused, in the order of the text. */
	refused: PhraseRefusal[];
	/** Not read at all (filler words such as "and" or "of" are left out), in the order of the text. */
	unread: PhraseSpan[];
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
	/** Lowercase, with "×" as "x" and dashes as "-". */
	text: string;
	kind: 'number' | 'word' | 'mark';
	start: number;
	end: number;
}

const TOKEN_PATTERN = /(\d+(?:\.\d+)?)|(\p{L}+(?:['’]\p{L}+)*)|(\S)/gu;

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const match of text.matchAll(TOKEN_PATTERN)) {
		const start = match.index;
		const raw = match[0];
		let lower = raw.toLowerCase();
		let kind: Token['kind'] = match[1] ? 'number' : match[2] ? 'word' : 'mark';
		if (lower === '×' || lower === '*') {
			lower = 'x';
			kind = 'word';
		} else if (lower === '–' || lower === '—' || lower === '‑') lower = '-';
		tokens.push({ text: lower.replace('’', "'"), kind, start, end: start + raw.length });
	}
	return tokens;
}

const SMALL_NUMBERS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19
};
const TENS: Record<string, number> = {
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90
};
const TIMES_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

const SECOND_UNITS = new Set(['s', 'sec', 'secs', 'second', 'seconds']);
const MINUTE_UNITS = new Set(['min', 'mins', 'minute', 'minutes']);
const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
/** Units that read as one of them after "a" or "an" ("a minute", "an hour"). */
const SINGULAR_UNITS = new Set(['sec', 'second', 'min', 'minute', 'hr', 'hour']);

const REP_WORDS = new Set(['rep', 'reps', 'repetition', 'repetitions', 'breath', 'breaths']);
const REP_ADJECTIVES = new Set([
	'slow',
	'deep',
	'gentle',
	'long',
	'full',
	'big',
	'small',
	'calm',
	'controlled',
	'easy'
]);
const SET_WORDS = new Set(['set', 'sets', 'round', 'rounds']);
const HOLD_WORDS = new Set(['hold', 'holds', 'holding']);
const HOLD_FILLERS = new Set([
	'it',
	'for',
	'each',
	'one',
	'them',
	'the',
	'this',
	'that',
	'there',
	'position',
	'stretch',
	'rep',
	'of'
]);
const REST_WORDS = new Set([
	'rest',
	'resting',
	'relax',
	'relaxing',
	'pause',
	'break',
	'wait',
	'recover',
	'recovery'
]);
const SIDE_WORDS = new Set(['side', 'sides', 'leg', 'legs', 'arm', 'arms']);
const EACH_WORDS = new Set(['each', 'per', 'either', 'every', '/']);
const ALTERNATE_WORDS = new Set(['alternate', 'alternating', 'alternately']);
const BETWEEN_REPS_WORDS = new Set([
	'rep',
	'reps',
	'repetition',
	'repetitions',
	'hold',
	'holds',
	'breath',
	'breaths',
	'one',
	'them',
	'time',
	'times',
	'go'
]);
const PER_WORDS = new Set(['a', 'per', 'each', 'every', '/']);
/** Words that join the pieces of a phrase; never reported as unread. */
const FILLERS = new Set([
	'and',
	'then',
	'with',
	'of',
	'a',
	'an',
	'the',
	'for',
	'do',
	'it',
	'them',
	'please',
	'also',
	'plus',
	'repeat'
]);

// ---------------------------------------------------------------------------------------------
// Pieces: what a pattern found, before the phrase as a whole settles what it means

type Piece = { from: number; to: number } & (
	| { kind: 'hold' | 'time' | 'restReps' | 'restSets' | 'rest'; seconds: number }
	| { kind: 'reps' | 'times' | 'sets' | 'perDay' | 'perWeek'; count: number }
	| { kind: 'sides'; sides: 'each' | 'alternate' }
	| { kind: 'refuse'; reason: string }
);

interface Match {
	next: number;
	pieces: Piece[];
}

interface Time {
	seconds: number;
	next: number;
}

class Reader {
	constructor(readonly tokens: Token[]) {}

	text(i: number): string | undefined {
		return this.tokens[i]?.text;
	}

	is(i: number, words: ReadonlySet<string> | string): boolean {
		const text = this.text(i);
		if (text === undefined) return false;
		return typeof words === 'string' ? text === words : words.has(text);
	}

	/** A number written in digits or words (up to "ninety-nine", "two hundred"). */
	number(i: number): { value: number; next: number; digits: boolean } | null {
		const token = this.tokens[i];
		if (!token) return null;
		if (token.kind === 'number') return { value: Number(token.text), next: i + 1, digits: true };
		let value: number;
		let next = i + 1;
		if (token.text in SMALL_NUMBERS) value = SMALL_NUMBERS[token.text]!;
		else if (token.text in TENS) {
			value = TENS[token.text]!;
			const unitAt = this.is(next, '-') ? next + 1 : next;
			const unit = this.text(unitAt);
			if (unit !== undefined && unit in SMALL_NUMBERS && SMALL_NUMBERS[unit]! < 10) {
				value += SMALL_NUMBERS[unit]!;
				next = unitAt + 1;
			}
		} else return null;
		if (this.is(next, 'hundred') && value > 0 && value < 10) {
			value *= 100;
			next++;
		}
		return { value, next, digits: false };
	}

	/** Seconds per unit when the token is a unit of time. */
	unit(i: number): number | null {
		const text = this.text(i);
		if (text === undefined) return null;
		if (SECOND_UNITS.has(text)) return 1;
		if (MINUTE_UNITS.has(text)) return 60;
		if (HOUR_UNITS.has(text)) return 3600;
		return null;
	}

	/**
	 * A length of time: "30 s", "30-second", "1 min 30 s", "1.5 minutes", "1:30", "a minute",
	 * "half a minute", "one and a half minutes".
	 */
	time(i: number): Time | null {
		if (this.is(i, 'half') && this.is(i + 1, new Set(['a', 'an']))) {
			const unit = this.unit(i + 2);
			if (unit !== null) return { seconds: unit / 2, next: i + 3 };
		}
		if (this.is(i, new Set(['a', 'an'])) && this.is(i + 1, SINGULAR_UNITS)) {
			return { seconds: this.unit(i + 1)!, next: i + 2 };
		}
		const first = this.number(i);
		if (!first) return null;
		// "1:30" (minutes and seconds), optionally followed by "min".
		if (first.digits && this.is(first.next, ':')) {
			const seconds = this.tokens[first.next + 1];
			if (seconds?.kind === 'number' && /^\d\d$/.test(seconds.text) && Number(seconds.text) < 60) {
				let next = first.next + 2;
				if (this.unit(next) === 60) next++;
				return { seconds: first.value * 60 + Number(seconds.text), next };
			}
			return null;
		}
		let total = 0;
		let at = i;
		let smallest = Infinity;
		for (;;) {
			const amount = this.number(at);
			if (!amount) break;
			let next = amount.next;
			let value = amount.value;
			// "one and a half minutes"
			if (this.is(next, 'and') && this.is(next + 1, 'a') && this.is(next + 2, 'half')) {
				value += 0.5;
				next += 3;
			}
			if (this.is(next, '-')) next++;
			const unit = this.unit(next);
			if (unit === null || unit >= smallest) break;
			total += value * unit;
			smallest = unit;
			at = next + 1;
			// "1 minute and 30 seconds"
			if (this.is(at, 'and') && this.number(at + 1) && this.unit(this.number(at + 1)!.next)) at++;
		}
		if (at === i) return null;
		// An "and" taken above but not followed by a smaller unit is given back.
		if (this.is(at - 1, 'and')) at--;
		return { seconds: total, next: at };
	}

	/** "3 times", "3x", "twice": a count of times. */
	times(i: number): { count: number; next: number } | null {
		const word = this.text(i);
		if (word !== undefined && word in TIMES_WORDS)
			return { count: TIMES_WORDS[word]!, next: i + 1 };
		const amount = this.number(i);
		if (amount && this.is(amount.next, new Set(['times', 'time', 'x', 'sessions', 'session']))) {
			return { count: amount.value, next: amount.next + 1 };
		}
		return null;
	}

	/** "a day", "per day", "each day", "/day", "daily", "every day", "in a day". */
	perDay(i: number): number | null {
		if (this.is(i, 'daily')) return i + 1;
		if (this.is(i, 'in') && this.is(i + 1, 'a') && this.is(i + 2, 'day')) return i + 3;
		if (this.is(i, PER_WORDS) && this.is(i + 1, 'day')) return i + 2;
		return null;
	}

	/** "a week", "per week", "/week", "weekly". */
	perWeek(i: number): number | null {
		if (this.is(i, 'weekly')) return i + 1;
		if (this.is(i, 'in') && this.is(i + 1, 'a') && this.is(i + 2, 'week')) return i + 3;
		if (this.is(i, PER_WORDS) && this.is(i + 1, 'week')) return i + 2;
		return null;
	}

	/** "each side", "per leg", "on both sides", "/side". */
	sides(i: number): number | null {
		const at = this.is(i, 'on') ? i + 1 : i;
		if (this.is(at, EACH_WORDS) && this.is(at + 1, SIDE_WORDS)) return at + 2;
		if (this.is(at, 'both') && this.is(at + 1, 'sides')) return at + 2;
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// Patterns, in priority order: at each token the first one that matches is taken.

type Pattern = (r: Reader, i: number) => Match | null;

type PieceBody = Piece extends infer P
	? P extends unknown
		? Omit<P, 'from' | 'to'>
		: never
	: never;

const piece = (from: number, to: number, body: PieceBody): Piece =>
	({ from, to, ...body }) as Piece;

const refuse = (from: number, next: number, reason: string): Match => ({
	next,
	pieces: [piece(from, next - 1, { kind: 'refuse', reason })]
});

/** "as long as you can", "as many as possible": no number to read. */
const asLongAsYouCan: Pattern = (r, i) => {
	if (
		!r.is(i, 'as') ||
		!r.is(i + 1, new Set(['long', 'many', 'much', 'far'])) ||
		!r.is(i + 2, 'as')
	)
		return null;
	let next = i + 3;
	const tail = new Set([
		'you',
		'can',
		'possible',
		'comfortable',
		'tolerated',
		'able',
		'feels',
		'ok'
	]);
	while (r.is(next, tail)) next++;
	return refuse(
		i,
		next,
		'has no number to go by: the app needs a length or a count, such as “hold 20 s” or “10 reps”'
	);
};

/** "8-12 reps", "2 to 3 times a day", "10 or 15 s": a range, where the app needs one number. */
const range: Pattern = (r, i) => {
	const low = r.number(i);
	if (!low || !r.is(low.next, new Set(['-', 'to', 'or']))) return null;
	const high = r.number(low.next + 1);
	if (!high) return null;
	let next = high.next;
	const unitWords = new Set([...REP_WORDS, ...SET_WORDS, 'times', 'x', 'days', 'holds']);
	if (r.unit(next) !== null || r.is(next, unitWords)) next++;
	next = r.perDay(next) ?? r.perWeek(next) ?? r.sides(next) ?? next;
	return refuse(
		i,
		next,
		`is a range (${low.value} to ${high.value}); the app needs one number: choose one, for example the lower`
	);
};

/** "every other day", "every 2 days", "on alternate days": not a number of days a week. */
const everyOtherDay: Pattern = (r, i) => {
	let next: number | null = null;
	if (r.is(i, 'every') && r.is(i + 1, new Set(['other', 'second'])) && r.is(i + 2, 'day')) {
		next = i + 3;
	} else if (r.is(i, 'every') && r.number(i + 1) && r.is(r.number(i + 1)!.next, 'days')) {
		next = r.number(i + 1)!.next + 1;
	} else if (r.is(i, 'alternate') && r.is(i + 1, 'days')) next = i + 2;
	else if (r.is(i, 'on') && r.is(i + 1, 'alternate') && r.is(i + 2, 'days')) next = i + 3;
	if (next === null) return null;
	return refuse(
		i,
		next,
		'cannot be written as days a week (every other day is 3 or 4 days in a week): ' +
			'write “3 days a week” or “4 days a week”'
	);
};

/** "3 times a day", "twice daily", "3x/day", "morning and evening". */
const perDay: Pattern = (r, i) => {
	const times = r.times(i);
	if (times) {
		const next = r.perDay(times.next);
		if (next !== null) {
			return { next, pieces: [piece(i, next - 1, { kind: 'perDay', count: times.count })] };
		}
	}
	if (
		r.is(i, new Set(['morning', 'mornings'])) &&
		r.is(i + 1, new Set(['and', '&'])) &&
		r.is(i + 2, new Set(['evening', 'evenings', 'night', 'nights']))
	) {
		return { next: i + 3, pieces: [piece(i, i + 2, { kind: 'perDay', count: 2 })] };
	}
	return null;
};

/** "5 days a week", "3 times a week", "every day", "daily", "on weekdays". */
const perWeek: Pattern = (r, i) => {
	const amount = r.number(i);
	if (amount && r.is(amount.next, new Set(['days', 'day']))) {
		const next = r.perWeek(amount.next + 1);
		if (next !== null) {
			return { next, pieces: [piece(i, next - 1, { kind: 'perWeek', count: amount.value })] };
		}
	}
	const times = r.times(i);
	if (times) {
		const next = r.perWeek(times.next);
		if (next !== null) {
			return { next, pieces: [piece(i, next - 1, { kind: 'perWeek', count: times.count })] };
		}
	}
	const week = (next: number, count: number): Match => ({
		next,
		pieces: [piece(i, next - 1, { kind: 'perWeek', count })]
	});
	if (r.is(i, 'daily')) return week(i + 1, 7);
	if (r.is(i, new Set(['every', 'each'])) && r.is(i + 1, 'day')) return week(i + 2, 7);
	if (r.is(i, 'every') && r.is(i + 1, 'single') && r.is(i + 2, 'day')) return week(i + 3, 7);
	const at = r.is(i, new Set(['on', 'every'])) ? i + 1 : i;
	if (r.is(at, new Set(['weekdays', 'weekday']))) return week(at + 1, 5);
	if (r.is(at, 'monday') && r.is(at + 1, new Set(['to', '-'])) && r.is(at + 2, 'friday')) {
		return week(at + 3, 5);
	}
	return null;
};

/** What "between …" or "after each …" names: reps, sets, or something a dose cannot hold. */
function betweenWhat(
	r: Reader,
	i: number
): { next: number; target: 'reps' | 'sets' | 'exercises' | 'sides' } | null {
	let at: number;
	if (r.is(i, 'between')) at = i + 1;
	else if (r.is(i, 'in') && r.is(i + 1, 'between')) at = i + 2;
	else if (r.is(i, 'after') && r.is(i + 1, new Set(['each', 'every']))) at = i + 2;
	else return null;
	if (r.is(at, new Set(['each', 'every', 'the']))) at++;
	if (r.is(at, SET_WORDS)) return { next: at + 1, target: 'sets' };
	if (r.is(at, new Set(['exercise', 'exercises']))) return { next: at + 1, target: 'exercises' };
	if (r.is(at, SIDE_WORDS)) return { next: at + 1, target: 'sides' };
	if (r.is(at, BETWEEN_REPS_WORDS)) return { next: at + 1, target: 'reps' };
	// "between" alone, or "between each": between the reps.
	return { next: at, target: 'reps' };
}

function restMatch(r: Reader, from: number, seconds: number, next: number): Match {
	const between = betweenWhat(r, next);
	if (!between) {
		return { next, pieces: [piece(from, next - 1, { kind: 'rest', seconds })] };
	}
	const end = between.next;
	switch (between.target) {
		case 'reps':
			return { next: end, pieces: [piece(from, end - 1, { kind: 'restReps', seconds })] };
		case 'sets':
			return { next: end, pieces: [piece(from, end - 1, { kind: 'restSets', seconds })] };
		case 'exercises':
			return refuse(
				from,
				end,
				'is about the rest between exercises, which belongs to the routine, not to one exercise’s dose'
			);
		case 'sides':
			return refuse(
				from,
				end,
				'is about the pause between the two sides, which is the routine’s “get ready” time, not part of one exercise’s dose'
			);
	}
}

/** "rest 30 s between sets", "relax 5 seconds between", "10 s rest", "no rest between reps". */
const rest: Pattern = (r, i) => {
	if (r.is(i, 'no') && r.is(i + 1, REST_WORDS)) return restMatch(r, i, 0, i + 2);
	if (r.is(i, REST_WORDS)) {
		let at = r.is(i + 1, new Set(['for', 'about'])) ? i + 2 : i + 1;
		const time = r.time(at);
		if (time) return restMatch(r, i, time.seconds, time.next);
		// "rest between sets for 60 s"
		const between = betweenWhat(r, i + 1);
		if (between) {
			at = r.is(between.next, 'for') ? between.next + 1 : between.next;
			const later = r.time(at);
			if (later) {
				const matched = restMatch(r, i, later.seconds, i + 1);
				return {
					next: later.next,
					pieces: matched.pieces.map((p) => ({ ...p, to: later.next - 1 }))
				};
			}
		}
		return null;
	}
	const time = r.time(i);
	if (time) {
		const at = r.is(time.next, 'of') ? time.next + 1 : time.next;
		if (r.is(at, REST_WORDS)) return restMatch(r, i, time.seconds, at + 1);
	}
	return null;
};

/** "2x10", "3 x 30 s", "3 sets of 10", "3 sets of 10 reps", "3 sets of 30 s", "3 sets". */
const sets: Pattern = (r, i) => {
	const count = r.number(i);
	if (!count) return null;
	if (r.is(count.next, 'x') && !r.is(count.next + 1, new Set(['a', 'per', 'daily']))) {
		const at = count.next + 1;
		const time = r.time(at);
		if (time) {
			// "10 x 5 s holds": ten holds of 5 s; "3 x 30 s": three bouts of 30 s.
			if (r.is(time.next, HOLD_WORDS)) {
				return {
					next: time.next + 1,
					pieces: [
						piece(i, count.next - 1, { kind: 'reps', count: count.value }),
						piece(at, time.next, { kind: 'hold', seconds: time.seconds })
					]
				};
			}
			return {
				next: time.next,
				pieces: [
					piece(i, count.next - 1, { kind: 'sets', count: count.value }),
					piece(at, time.next - 1, { kind: 'time', seconds: time.seconds })
				]
			};
		}
		const reps = r.number(at);
		if (reps && reps.digits === count.digits) {
			const next = r.is(reps.next, REP_WORDS) ? reps.next + 1 : reps.next;
			return {
				next,
				pieces: [
					piece(i, count.next - 1, { kind: 'sets', count: count.value }),
					piece(at, next - 1, { kind: 'reps', count: reps.value })
				]
			};
		}
		return null;
	}
	if (!r.is(count.next, SET_WORDS)) return null;
	const setsPiece = piece(i, count.next, { kind: 'sets', count: count.value });
	const of = count.next + 1;
	if (r.is(of, 'of')) {
		const time = r.time(of + 1);
		if (time) {
			const hold = r.is(time.next, HOLD_WORDS);
			const next = hold ? time.next + 1 : time.next;
			return {
				next,
				pieces: [
					setsPiece,
					piece(of + 1, next - 1, { kind: hold ? 'hold' : 'time', seconds: time.seconds })
				]
			};
		}
		const reps = r.number(of + 1);
		if (reps) {
			const next =
				r.is(reps.next, REP_WORDS) || r.is(reps.next, 'times') ? reps.next + 1 : reps.next;
			return {
				next,
				pieces: [setsPiece, piece(of + 1, next - 1, { kind: 'reps', count: reps.value })]
			};
		}
	}
	return { next: count.next + 1, pieces: [setsPiece] };
};

/** "hold 30 s", "hold it for 10 seconds", "30 second hold", "10 holds of 5 s", "hold" alone. */
const hold: Pattern = (r, i) => {
	if (r.is(i, HOLD_WORDS)) {
		let at = i + 1;
		for (let skipped = 0; skipped < 4 && r.is(at, HOLD_FILLERS); skipped++) at++;
		const time = r.time(at);
		if (time) {
			return {
				next: time.next,
				pieces: [piece(i, time.next - 1, { kind: 'hold', seconds: time.seconds })]
			};
		}
		return refuse(i, i + 1, 'says to hold but not for how long: add a time, such as “hold 10 s”');
	}
	const time = r.time(i);
	if (time) {
		const at = r.is(time.next, '-') ? time.next + 1 : time.next;
		if (r.is(at, HOLD_WORDS)) {
			return { next: at + 1, pieces: [piece(i, at, { kind: 'hold', seconds: time.seconds })] };
		}
	}
	const count = r.number(i);
	if (count && r.is(count.next, 'holds')) {
		const reps = piece(i, count.next, { kind: 'reps', count: count.value });
		const at = r.is(count.next + 1, new Set(['of', 'for'])) ? count.next + 2 : count.next + 1;
		const length = r.time(at);
		if (length) {
			return {
				next: length.next,
				pieces: [reps, piece(at, length.next - 1, { kind: 'hold', seconds: length.seconds })]
			};
		}
		return { next: count.next + 1, pieces: [reps] };
	}
	return null;
};

/** "10 reps", "5 slow breaths", "repeat 10 times", "10 times", "twice", "x 3", "10 each side". */
const reps: Pattern = (r, i) => {
	if (r.is(i, 'repeat')) {
		let at = i + 1;
		if (r.is(at, new Set(['it', 'this', 'that', 'them']))) at++;
		const count = r.number(at);
		if (!count) return null;
		let next = count.next;
		if (r.is(next, new Set(['times', 'time', 'x', ...REP_WORDS]))) next++;
		if (r.perDay(next) !== null || r.perWeek(next) !== null) return null;
		return { next, pieces: [piece(i, next - 1, { kind: 'reps', count: count.value })] };
	}
	const count = r.number(i);
	if (count) {
		let at = count.next;
		while (r.is(at, REP_ADJECTIVES)) at++;
		if (r.is(at, REP_WORDS)) {
			return { next: at + 1, pieces: [piece(i, at, { kind: 'reps', count: count.value })] };
		}
		if (r.sides(count.next) !== null) {
			return {
				next: count.next,
				pieces: [piece(i, count.next - 1, { kind: 'reps', count: count.value })]
			};
		}
	}
	const times = r.times(i);
	if (times) {
		return {
			next: times.next,
			pieces: [piece(i, times.next - 1, { kind: 'times', count: times.count })]
		};
	}
	if (r.is(i, 'x')) {
		const after = r.number(i + 1);
		if (after) {
			return {
				next: after.next,
				pieces: [piece(i, after.next - 1, { kind: 'times', count: after.value })]
			};
		}
	}
	return null;
};

/** "each side", "per leg", "on both sides", "alternating", "alternate legs". */
const sides: Pattern = (r, i) => {
	const next = r.sides(i);
	if (next !== null)
		return { next, pieces: [piece(i, next - 1, { kind: 'sides', sides: 'each' })] };
	if (r.is(i, ALTERNATE_WORDS)) {
		const end = r.is(i + 1, SIDE_WORDS) ? i + 2 : i + 1;
		return { next: end, pieces: [piece(i, end - 1, { kind: 'sides', sides: 'alternate' })] };
	}
	return null;
};

/** A time with nothing to say what it is: settled later as a hold or one timed bout. */
const bareTime: Pattern = (r, i) => {
	const time = r.time(i);
	if (!time) return null;
	return {
		next: time.next,
		pieces: [piece(i, time.next - 1, { kind: 'time', seconds: time.seconds })]
	};
};

/** A number in digits with nothing to say what it counts. */
const bareNumber: Pattern = (r, i) => {
	const amount = r.number(i);
	if (!amount || !amount.digits) return null;
	return refuse(
		i,
		amount.next,
		`does not say what it counts: write “${amount.value} reps”, “${amount.value} s” or “${amount.value} times a day”`
	);
};

const PATTERNS: Pattern[] = [
	asLongAsYouCan,
	range,
	everyOtherDay,
	perDay,
	perWeek,
	rest,
	sets,
	hold,
	reps,
	sides,
	bareTime,
	bareNumber
];

// ---------------------------------------------------------------------------------------------
// Settling the pieces

/** Seconds in plain words: "30 s", "2 min", "1 min 30 s", "1 h", "1 h 30 min". */
export function secondsText(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = seconds % 60;
	const parts: string[] = [];
	if (hours) parts.push(`${hours} h`);
	if (minutes) parts.push(`${minutes} min`);
	if (rest) parts.push(`${rest} s`);
	return parts.join(' ');
}

const countText = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const TIMES_A_DAY: Record<number, string> = { 1: 'once a day', 2: 'twice a day' };

type Change =
	| { target: 'exercise'; field: DoseField; value: number }
	| {
			target: 'exercise';
			field: 'sides';
			value: 'each' | 'alternate';
	  }
	| { target: 'schedule'; field: keyof Schedule; value: number };

function explain(change: Change): string {
	switch (change.field) {
		case 'hold':
			return `hold ${secondsText(change.value)}`;
		case 'duration':
			return `${secondsText(change.value)} in one go (a timed bout)`;
		case 'reps':
			return countText(change.value, 'rep', 'reps');
		case 'sets':
			return countText(change.value, 'set', 'sets');
		case 'sides':
			return change.value === 'each'
				? 'each side: all reps on the left, then all on the right'
				: 'alternating sides: left, right, left, right …';
		case 'restBetweenReps':
			return `rest ${secondsText(change.value)} between reps`;
		case 'restBetweenSets':
			return `rest ${secondsText(change.value)} between sets`;
		case 'timesPerDay':
			return TIMES_A_DAY[change.value] ?? `${change.value} times a day`;
		case 'daysPerWeek':
			return change.value === 7 ? 'every day' : `${countText(change.value, 'day', 'days')} a week`;
	}
}

interface Limit {
	min: number;
	max: number;
	noun: string;
	seconds: boolean;
}

const LIMITS: Record<Exclude<Change['field'], 'sides'>, Limit> = {
	hold: { ...PROGRAM_LIMITS.hold, noun: 'a hold', seconds: true },
	duration: { ...PROGRAM_LIMITS.duration, noun: 'a timed bout', seconds: true },
	reps: { ...PROGRAM_LIMITS.reps, noun: 'reps', seconds: false },
	sets: { ...PROGRAM_LIMITS.sets, noun: 'sets', seconds: false },
	restBetweenReps: { ...PROGRAM_LIMITS.restSeconds, noun: 'a rest', seconds: true },
	restBetweenSets: { ...PROGRAM_LIMITS.restSeconds, noun: 'a rest', seconds: true },
	timesPerDay: { ...PROGRAM_LIMITS.timesPerDay, noun: 'times a day', seconds: false },
	daysPerWeek: { ...PROGRAM_LIMITS.daysPerWeek, noun: 'days a week', seconds: false }
};

/** Why a value is outside the format's limits for its field, or null when it is within them. */
function outOfRange(field: Exclude<Change['field'], 'sides'>, value: number): string | null {
	const limit = LIMITS[field];
	if (!Number.isInteger(value)) {
		return limit.seconds
			? `is not a whole number of seconds (${value} s): the app counts whole seconds`
			: `is not a whole number (${value})`;
	}
	if (value >= limit.min && value <= limit.max) return null;
	if (limit.seconds) {
		const range = `${secondsText(limit.min)} to ${secondsText(limit.max)}`;
		return limit.min === 0
			? `is longer than ${limit.noun} may be (at most ${secondsText(limit.max)})`
			: `must be ${range} for ${limit.noun}, not ${secondsText(value)}`;
	}
	return `must be ${limit.min} to ${limit.max} ${limit.noun}, not ${value}`;
}

interface Found {
	from: number;
	to: number;
	change: Change;
}

function settle(pieces: Piece[]): { found: Found[]; refusals: Piece[] } {
	const refusals: Piece[] = pieces.filter((p) => p.kind === 'refuse');
	const has = (...kinds: Piece['kind'][]) => pieces.some((p) => kinds.includes(p.kind));

	// "N times" counts reps when something else says what is repeated.
	const timesAreReps = has(
		'hold',
		'time',
		'sets',
		'sides',
		'restReps',
		'restSets',
		'rest',
		'reps',
		'perDay'
	);
	const resolved: Piece[] = [];
	for (const p of pieces) {
		if (p.kind === 'times') {
			if (timesAreReps) resolved.push({ ...p, kind: 'reps' });
			else {
				refusals.push({
					from: p.from,
					to: p.to,
					kind: 'refuse',
					reason: `could be ${countText(p.count, 'rep', 'reps')} or ${TIMES_A_DAY[p.count] ?? `${p.count} times a day`}: write which`
				});
			}
		} else if (p.kind !== 'refuse') resolved.push(p);
	}

	const hasReps = resolved.some((p) => p.kind === 'reps');
	const hasSets = resolved.some((p) => p.kind === 'sets');
	const found: Found[] = [];
	for (const p of resolved) {
		const at = { from: p.from, to: p.to };
		switch (p.kind) {
			case 'hold':
				found.push({ ...at, change: { target: 'exercise', field: 'hold', value: p.seconds } });
				break;
			case 'time':
				found.push({
					...at,
					change: { target: 'exercise', field: hasReps ? 'hold' : 'duration', value: p.seconds }
				});
				break;
			case 'restReps':
				found.push({
					...at,
					change: { target: 'exercise', field: 'restBetweenReps', value: p.seconds }
				});
				break;
			case 'restSets':
				found.push({
					...at,
					change: { target: 'exercise', field: 'restBetweenSets', value: p.seconds }
				});
				break;
			case 'rest':
				if (hasReps !== hasSets) {
					const field = hasReps ? 'restBetweenReps' : 'restBetweenSets';
					found.push({ ...at, change: { target: 'exercise', field, value: p.seconds } });
				} else {
					refusals.push({
						...at,
						kind: 'refuse',
						reason: 'does not say between what: write “between reps” or “between sets”'
					});
				}
				break;
			case 'reps':
			case 'sets':
				found.push({ ...at, change: { target: 'exercise', field: p.kind, value: p.count } });
				break;
			case 'sides':
				found.push({ ...at, change: { target: 'exercise', field: 'sides', value: p.sides } });
				break;
			case 'perDay':
				found.push({ ...at, change: { target: 'schedule', field: 'timesPerDay', value: p.count } });
				break;
			case 'perWeek':
				found.push({ ...at, change: { target: 'schedule', field: 'daysPerWeek', value: p.count } });
				break;
			case 'times':
			case 'refuse':
				// Resolved into reps or a refusal above.
				break;
		}
	}

	// Limits.
	const inRange: Found[] = [];
	for (const f of found) {
		const reason =
			f.change.field === 'sides' ? null : outOfRange(f.change.field, f.change.value as number);
		if (reason) refusals.push({ from: f.from, to: f.to, kind: 'refuse', reason });
		else inRange.push(f);
	}

	// Contradictions: two values for one field, or a hold and a timed bout together.
	const contradicted = new Set<Found>();
	const byField = new Map<string, Found[]>();
	for (const f of inRange) {
		const list = byField.get(f.change.field) ?? [];
		list.push(f);
		byField.set(f.change.field, list);
	}
	const reasons = new Map<Found, string>();
	for (const list of byField.values()) {
		const values = [...new Set(list.map((f) => f.change.value))];
		if (values.length > 1) {
			const said = values.map((value) => explain({ ...list[0]!.change, value } as Change));
			for (const f of list) {
				contradicted.add(f);
				reasons.set(
					f,
					`contradicts the rest of the phrase, which says both ${said.join(' and ')}: keep one`
				);
			}
		}
	}
	const holds = byField.get('hold') ?? [];
	const bouts = byField.get('duration') ?? [];
	if (holds.length > 0 && bouts.length > 0) {
		for (const f of [...holds, ...bouts]) {
			contradicted.add(f);
			reasons.set(
				f,
				'a hold and a timed bout cannot both be the dose (is it repeated holds, or one bout?): ' +
					'write for example “hold 10 s, 12 times” or “2 minutes”'
			);
		}
	}
	for (const f of contradicted) {
		refusals.push({ from: f.from, to: f.to, kind: 'refuse', reason: reasons.get(f)! });
	}
	return { found: inRange.filter((f) => !contradicted.has(f)), refusals };
}

// ---------------------------------------------------------------------------------------------
// The parser

const span = (text: string, tokens: Token[], from: number, to: number): PhraseSpan => {
	const start = tokens[from]!.start;
	const end = tokens[to]!.end;
	return { start, end, text: text.slice(start, end) };
};

const isFiller = (token: Token) => token.kind === 'mark' || FILLERS.has(token.text);

/** Reads a dose phrase into format field changes, refusals and unread text. Never throws. */
export function parseDosePhrase(text: string): ParsedPhrase {
	const tokens = tokenize(typeof text === 'string' ? text : '');
	const reader = new Reader(tokens);
	const pieces: Piece[] = [];
	const taken = new Array<boolean>(tokens.length).fill(false);
	for (let i = 0; i < tokens.length;) {
		let match: Match | null = null;
		for (const pattern of PATTERNS) {
			match = pattern(reader, i);
			if (match) break;
		}
		if (match && match.next > i) {
			pieces.push(...match.pieces);
			taken.fill(true, i, match.next);
			i = match.next;
		} else i++;
	}

	const { found, refusals } = settle(pieces);
	const byPosition = <T extends { from: number }>(a: T, b: T) => a.from - b.from;

	const changes: PhraseChange[] = found.sort(byPosition).map(
		(f) =>
			({
				...span(text, tokens, f.from, f.to),
				...f.change,
				explanation: explain(f.change)
			}) as PhraseChange
	);
	const exercise: ExerciseDoseChanges = {};
	const schedule: Partial<Schedule> = {};
	for (const change of changes) {
		if (change.target === 'schedule') schedule[change.field] = change.value;
		else if (change.field === 'sides') exercise.sides = change.value;
		else exercise[change.field] = change.value;
	}

	const refused: PhraseRefusal[] = refusals.sort(byPosition).map((p) => ({
		...span(text, tokens, p.from, p.to),
		reason: (p as { reason: string }).reason
	}));

	// Runs of tokens no pattern took, without the filler words at their edges.
	const unread: PhraseSpan[] = [];
	for (let i = 0; i < tokens.length;) {
		if (taken[i]) {
			i++;
			continue;
		}
		let end = i;
		while (end + 1 < tokens.length && !taken[end + 1]) end++;
		let from = i;
		let to = end;
		while (from <= to && isFiller(tokens[from]!)) from++;
		while (to >= from && isFiller(tokens[to]!)) to--;
		if (from <= to) unread.push(span(text, tokens, from, to));
		i = end + 1;
	}

	return { text, changes, exercise, schedule, refused, unread };
}

// ---------------------------------------------------------------------------------------------
// Applying

/** Drops the progress steps that no longer fit the exercise's dose form (the validator's rules; changes it in place). */
export function fitProgress(exercise: Exercise): void {
	const progress = exercise.progress;
	if (!progress) return;
	const next: ExerciseProgress = { ...progress };
	if (exercise.hold === undefined) delete next.hold;
	if (exercise.duration === undefined) delete next.duration;
	else delete next.reps;
	if (Object.keys(next).length === 0) delete exercise.progress;
	else exercise.progress = next;
}

/**
 * A copy of the exercise with the phrase's changes applied (the exercise is not changed). A hold
 * or a timed bout replaces the other dose forms (the format allows one); a timed bout sets reps
 * to 1; more than one rep without a new hold turns a timed bout into counted reps.
 */
export function applyPhrase(exercise: Exercise, parsed: Pick<ParsedPhrase, 'exercise'>): Exercise {
	const changes = parsed.exercise;
	const next: Exercise = { ...exercise };
	if (changes.reps !== undefined) {
		next.reps = changes.reps;
		if (changes.reps > 1 && changes.duration === undefined) delete next.duration;
	}
	if (changes.hold !== undefined) {
		next.hold = changes.hold;
		delete next.phases;
		delete next.duration;
	}
	if (changes.duration !== undefined) {
		next.duration = changes.duration;
		delete next.hold;
		delete next.phases;
		next.reps = 1;
	}
	if (changes.sets !== undefined) next.sets = changes.sets;
	if (changes.sides !== undefined) next.sides = changes.sides;
	if (changes.restBetweenReps !== undefined) next.restBetweenReps = changes.restBetweenReps;
	if (changes.restBetweenSets !== undefined) next.restBetweenSets = changes.restBetweenSets;
	fitProgress(next);
	return next;
}

/** A copy of the schedule with the phrase's schedule changes applied. */
export function applyPhraseToSchedule(
	schedule: Schedule,
	parsed: Pick<ParsedPhrase, 'schedule'>
): Schedule {
	return { ...schedule, ...parsed.schedule };
}
