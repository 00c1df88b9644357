// The building blocks of the valibot schemas for what the app stores and imports (session records,
// settings, backups, checkpoints), each with the app's plain-words messages, and the one way to
// run such a schema: `check(schema, input)`, which never throws and reports every problem as
// `{ path, message }` through the one mapper (problemsFromIssues). Program files have their own
// schema (program/schema.ts) and validator (program/validate.ts), which use the same mapper.
import * as v from 'valibot';
import { isDay, parseIsoDateTime } from '../time';
import {
	describe,
	formatPath,
	isRecord,
	nestPath,
	refusal,
	ROOT_PATH,
	type Problem,
	type Segment,
	type ValidationResult
} from './problems';

type Message = (issue: v.BaseIssue<unknown>) => string;

const not =
	(expectation: string): Message =>
	(issue) =>
		`${expectation}, not ${describe(issue.input)}`;

/** The path of a valibot issue as segments (keys and list indexes). */
export function issuePath(issue: v.BaseIssue<unknown>): Segment[] {
	return (issue.path ?? []).map((item) =>
		typeof item.key === 'number' ? item.key : String(item.key)
	);
}

/** Whether two issues are about the same value (their paths name the same keys). */
function samePath(a: v.BaseIssue<unknown>, b: v.BaseIssue<unknown>): boolean {
	const x = a.path ?? [];
	const y = b.path ?? [];
	if (x.length !== y.length) return false;
	for (let i = 0; i < x.length; i++) if (x[i]!.key !== y[i]!.key) return false;
	return true;
}

/**
 * A schema's issues as problems, in order, under `prefix` (a path written by formatPath). Repeats
 * are left out: the checks of one value that fail together (not a whole number, and too small)
 * say the same. `skip` leaves out the issues at paths already reported some other way.
 */
export function problemsFromIssues(
	issues: readonly v.BaseIssue<unknown>[] | undefined,
	options: { prefix?: string; skip?: (path: Segment[]) => boolean } = {}
): { path: Segment[]; problem: Problem }[] {
	const out: { path: Segment[]; problem: Problem; unknownKey: boolean }[] = [];
	let previous: v.BaseIssue<unknown> | undefined;
	for (const issue of issues ?? []) {
		const repeat = previous?.message === issue.message && samePath(previous, issue);
		previous = issue;
		if (repeat) continue;
		const path = issuePath(issue);
		if (options.skip?.(path)) continue;
		const written = formatPath(path);
		const at = options.prefix ? nestPath(options.prefix, written) : written;
		const found = { path, problem: { path: at, message: issue.message }, unknownKey: false };
		// valibot reports an object's unknown keys after its fields' problems; the app says them
		// first (the same order as the program validator), ahead of that object's other problems.
		if (issue.type === 'never') {
			found.unknownKey = true;
			const parent = path.slice(0, -1);
			let at = out.length;
			// Back over the object's own problems, but not past its unknown keys found before.
			while (at > 0) {
				const before = out[at - 1]!;
				if (!isUnder(before.path, parent)) break;
				if (before.unknownKey && before.path.length === path.length) break;
				at--;
			}
			out.splice(at, 0, found);
		} else out.push(found);
	}
	return out.map(({ path, problem }) => ({ path, problem }));
}

/** Whether a path lies strictly under another. */
function isUnder(path: readonly Segment[], parent: readonly Segment[]): boolean {
	return path.length > parent.length && parent.every((segment, i) => path[i] === segment);
}

/**
 * Runs a schema over an input and returns its output, or every problem with its JSON path (at
 * most MAX_PROBLEMS listed). Never throws: a bug in a check becomes a problem at the root.
 */
export function check<TSchema extends v.GenericSchema>(
	schema: TSchema,
	input: unknown,
	prefix = ''
): ValidationResult<v.InferOutput<TSchema>> {
	try {
		const result = v.safeParse(schema, input, { abortEarly: false });
		if (result.success) return { ok: true, value: result.output };
		return refusal(problemsFromIssues(result.issues, { prefix }).map((found) => found.problem));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return refusal([{ path: prefix || ROOT_PATH, message: `could not be checked (${detail})` }]);
	}
}

/** The message of an object's own issues: a key missing, or not an object. */
const objectMessage: Message = (issue) =>
	issue.expected?.startsWith('"') && issue.received === 'undefined'
		? 'is required'
		: `must be an object, not ${describe(issue.input)}`;

/**
 * A JSON object with exactly these fields (a field not listed is "not a known field", or
 * `unknownKey`; a required one missing "is required"). A list is not an object here.
 */
export function record<TEntries extends v.ObjectEntries>(
	entries: TEntries,
	unknownKey = 'is not a known field'
): v.GenericSchema<
	v.InferInput<v.ObjectSchema<TEntries, undefined>>,
	v.InferOutput<v.ObjectSchema<TEntries, undefined>>
> {
	// Every unknown key is reported (a strict object would stop at the first one). Its output
	// holds exactly the known fields: typed as such (without the rest's index signature).
	return v.pipe(
		v.custom<Record<string, unknown>>(isRecord, not('must be an object')),
		v.objectWithRest(entries, v.never(unknownKey), objectMessage)
	) as unknown as v.GenericSchema<
		v.InferInput<v.ObjectSchema<TEntries, undefined>>,
		v.InferOutput<v.ObjectSchema<TEntries, undefined>>
	>;
}

/**
 * A JSON object used as a map from program ids: any usable keys (not empty, at most 100
 * characters, not `__proto__`), at most `max` of them, each value passing `value`.
 */
export function map<TValue extends v.GenericSchema>(
	value: TValue,
	options: { max: number; what: string }
) {
	const usable = (key: string) => key !== '' && key.length <= 100 && key !== '__proto__';
	return v.pipe(
		v.custom<Record<string, unknown>>(
			(input) => isRecord(input) && Object.keys(input).length <= options.max,
			(issue) =>
				isRecord(issue.input)
					? `may hold at most ${options.max} ${options.what}`
					: `must be an object, not ${describe(issue.input)}`
		),
		// Each key checked here, with its own path (valibot's record passes over `__proto__`).
		v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			for (const key of Object.keys(dataset.value)) {
				if (usable(key)) continue;
				addIssue({
					message: 'is not a usable program id',
					path: [
						{ type: 'object', origin: 'key', input: dataset.value, key, value: dataset.value[key] }
					]
				});
			}
		}),
		v.record(v.string(), value)
	);
}

/** Text of a length within bounds (in UTF-16 code units, as the UI counts them). */
export function text(min: number, max: number) {
	return v.pipe(
		v.string(not('must be text')),
		v.check(
			(input) => input.length >= min && input.length <= max,
			min > 0
				? `must be ${min} to ${max} characters long`
				: `must be at most ${max} characters long`
		)
	);
}

/** A whole number within bounds. */
export function wholeNumber(min: number, max: number) {
	const message = `must be a whole number from ${min} to ${max}`;
	return v.custom<number>(
		(input) => typeof input === 'number' && Number.isInteger(input) && input >= min && input <= max,
		message
	);
}

/** A finite number within bounds. */
export function number(min: number, max: number) {
	const message = `must be a number from ${min} to ${max}`;
	return v.custom<number>(
		(input) => typeof input === 'number' && Number.isFinite(input) && input >= min && input <= max,
		message
	);
}

/** True or false. */
export function bool() {
	return v.boolean(not('must be true or false'));
}

/** One of a fixed list of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
	return v.picklist(values, `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
}

/** A list of at most `max` items, each passing `item` (a longer list is not looked into). */
export function list<TItem extends v.GenericSchema>(item: TItem, max: number) {
	return v.pipe(
		v.custom<unknown[]>(
			(input) => Array.isArray(input) && input.length <= max,
			(issue) =>
				Array.isArray(issue.input)
					? `may hold at most ${max} entries, not ${issue.input.length}`
					: `must be a list, not ${describe(issue.input)}`
		),
		v.array(item)
	);
}

/** A real calendar day written YYYY-MM-DD. */
export function day() {
	return v.custom<string>(isDay, 'must be a calendar day written YYYY-MM-DD');
}

/**
 * An ISO 8601 date and time with a time zone, turned into the canonical UTC form that
 * `Date.toISOString()` writes (so stored times sort correctly as text).
 */
export function dateTime() {
	return v.pipe(
		v.custom<string>(
			(input) => parseIsoDateTime(input) !== null,
			'must be a date and time such as "2025-03-14T08:30:00.000Z" (ISO 8601, with a time zone)'
		),
		v.transform((input) => new Date(parseIsoDateTime(input)!).toISOString())
	);
}

/** Optional: absent is fine, `null` is not (a field is left out when it has no value). */
export function optional<TSchema extends v.GenericSchema>(schema: TSchema) {
	return v.exactOptional(schema);
}

/**
 * Finds `__proto__` keys anywhere in a parsed JSON value. They are harmless inside JSON.parse's
 * result but turn into prototype changes as soon as some code copies the object with
 * Object.assign, so input that carries one is refused. Also reports a value that contains itself
 * (impossible in parsed JSON, but the check must end whatever it is given).
 */
export function protoKeyProblems(value: unknown): Problem[] {
	const problems: Problem[] = [];
	const seen = new WeakSet<object>();
	const stack: { value: unknown; path: Segment[] }[] = [{ value, path: [] }];
	while (stack.length > 0) {
		const next = stack.pop()!;
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (seen.has(next.value)) {
			problems.push({
				path: formatPath(next.path),
				message: 'contains itself, so it is not JSON data'
			});
			continue;
		}
		seen.add(next.value);
		if (Array.isArray(next.value)) {
			next.value.forEach((item, i) => stack.push({ value: item, path: [...next.path, i] }));
		} else {
			for (const [key, child] of Object.entries(next.value)) {
				const path = [...next.path, key];
				if (key === '__proto__')
					problems.push({ path: formatPath(path), message: 'is not allowed' });
				else stack.push({ value: child, path });
			}
		}
	}
	return problems;
}
