// Small pure checks shared by the backup, session and settings validators. Each one records a
// problem as `<JSON path>: <what is wrong>` and never throws, whatever it is given.
import type { Problem } from '$lib/program/types';

/** The path of problems about the file as a whole (the program validator's convention). */
export const ROOT_PATH = '(root)';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The JSON path of a child: `sessions[3].note`, or `programLevels["my program"]`. */
export function childPath(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}[${key}]`;
	if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
	return `${parent}[${JSON.stringify(key)}]`;
}

/** Records one problem; a path of '' stands for the whole file. */
export function addProblem(problems: Problem[], path: string, message: string): void {
	problems.push({ path: path === '' ? ROOT_PATH : path, message });
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that a value is a JSON object; records a problem when it is not. */
export function checkObject(
	value: unknown,
	path: string,
	problems: Problem[]
): value is Record<string, unknown> {
	if (isRecord(value)) return true;
	addProblem(problems, path, `must be an object, not ${describe(value)}`);
	return false;
}

/** Records a problem for every key that is not allowed. */
export function checkKnownKeys(
	value: Record<string, unknown>,
	allowed: readonly string[],
	path: string,
	problems: Problem[]
): void {
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) addProblem(problems, childPath(path, key), 'is not a known field');
	}
}

/** Records a problem when a required key is absent. Returns whether it is present. */
export function checkRequired(
	value: Record<string, unknown>,
	key: string,
	path: string,
	problems: Problem[]
): boolean {
	if (Object.hasOwn(value, key)) return true;
	addProblem(problems, childPath(path, key), 'is required');
	return false;
}

/** Checks a string's type and length (in UTF-16 code units, as the UI counts them). */
export function checkString(
	value: unknown,
	path: string,
	problems: Problem[],
	min: number,
	max: number
): value is string {
	if (typeof value !== 'string') {
		addProblem(problems, path, `must be text, not ${describe(value)}`);
		return false;
	}
	if (value.length < min || value.length > max) {
		addProblem(
			problems,
			path,
			min > 0
				? `must be ${min} to ${max} characters long`
				: `must be at most ${max} characters long`
		);
		return false;
	}
	return true;
}

/** Checks a whole number within bounds. */
export function checkInteger(
	value: unknown,
	path: string,
	problems: Problem[],
	min: number,
	max: number
): value is number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
		return true;
	}
	addProblem(problems, path, `must be a whole number from ${min} to ${max}`);
	return false;
}

/** Checks a finite number within bounds. */
export function checkNumber(
	value: unknown,
	path: string,
	problems: Problem[],
	min: number,
	max: number
): value is number {
	if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) {
		return true;
	}
	addProblem(problems, path, `must be a number from ${min} to ${max}`);
	return false;
}

/** Checks a boolean. */
export function checkBoolean(value: unknown, path: string, problems: Problem[]): value is boolean {
	if (typeof value === 'boolean') return true;
	addProblem(problems, path, `must be true or false, not ${describe(value)}`);
	return false;
}

/** Checks that a value is one of a fixed list of strings. */
export function checkOneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	path: string,
	problems: Problem[]
): value is T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
	addProblem(problems, path, `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
	return false;
}

/** Checks an array and its length. */
export function checkArray(
	value: unknown,
	path: string,
	problems: Problem[],
	max: number
): value is unknown[] {
	if (!Array.isArray(value)) {
		addProblem(problems, path, `must be a list, not ${describe(value)}`);
		return false;
	}
	if (value.length > max) {
		addProblem(problems, path, `may hold at most ${max} entries, not ${value.length}`);
		return false;
	}
	return true;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function validDate(year: number, month: number, day: number): boolean {
	return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isDay(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DAY.exec(value);
	return match !== null && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Checks a calendar day written YYYY-MM-DD. */
export function checkDay(value: unknown, path: string, problems: Problem[]): value is string {
	if (isDay(value)) return true;
	addProblem(problems, path, 'must be a calendar day written YYYY-MM-DD');
	return false;
}

/**
 * Parses an ISO 8601 date and time with a time zone (`Z` or `±hh:mm`) into epoch ms, or
 * returns null when it is not one or names an impossible moment (February 30th, 25 o'clock).
 */
export function parseIsoDateTime(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const match = DATE_TIME.exec(value);
	if (!match) return null;
	const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
	const second = match[6] === undefined ? 0 : Number(match[6]);
	const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
	if (!validDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return null;
	let offsetMinutes = 0;
	if (match[8] !== 'Z') {
		const offsetHours = Number(match[10]);
		const offsetMins = Number(match[11]);
		if (offsetHours > 23 || offsetMins > 59) return null;
		offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	return Date.UTC(year!, month! - 1, day!, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/**
 * Checks an ISO 8601 date and time and returns it in the canonical UTC form that
 * `Date.toISOString()` writes (so stored times sort correctly as text), or undefined.
 */
export function checkDateTime(
	value: unknown,
	path: string,
	problems: Problem[]
): string | undefined {
	const ms = parseIsoDateTime(value);
	if (ms === null) {
		addProblem(
			problems,
			path,
			'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
		);
		return undefined;
	}
	return new Date(ms).toISOString();
}

/**
 * Finds `__proto__` keys anywhere in a parsed JSON value. They are harmless inside JSON.parse's
 * result but turn into prototype changes as soon as some code copies the object with
 * Object.assign, so a backup that carries one is refused. Also reports a value that contains
 * itself (impossible in parsed JSON, but this check must end whatever it is given).
 */
export function checkNoProtoKeys(value: unknown, path: string, problems: Problem[]): void {
	const seen = new WeakSet<object>();
	const stack: { value: unknown; path: string }[] = [{ value, path }];
	while (stack.length > 0) {
		const next = stack.pop()!;
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (seen.has(next.value)) {
			addProblem(problems, next.path, 'contains itself, so it is not JSON data');
			continue;
		}
		seen.add(next.value);
		if (Array.isArray(next.value)) {
			next.value.forEach((item, i) => stack.push({ value: item, path: childPath(next.path, i) }));
		} else {
			for (const [key, child] of Object.entries(next.value)) {
				const at = childPath(next.path, key);
				if (key === '__proto__') addProblem(problems, at, 'is not allowed');
				else stack.push({ value: child, path: at });
			}
		}
	}
}

/** A short description of a JSON value's type for messages. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	switch (typeof value) {
		case 'string':
			return 'text';
		case 'number':
			return 'a number';
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object':
			return 'an object';
		default:
			return typeof value;
	}
}
