// Finds the first JSON syntax error in a text and says, in plain words and with a line and
// column, what is wrong there. JSON.parse's own messages differ between browsers and rarely help
// a person editing a file by hand; this scanner gives the same message everywhere. It is only
// used after JSON.parse has failed. It keeps an explicit stack, so deep nesting cannot overflow.

export interface JsonSyntaxError {
	/** 0-based offset into the text. */
	offset: number;
	/** 1-based line and column. */
	line: number;
	column: number;
	message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$-]*/y;

/** The 1-based line and column of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

function describeChar(char: string): string {
	if (char === '\n' || char === '\r') return 'a line break';
	if (char === '\t') return 'a tab';
	return `"${char}"`;
}

/** The first JSON syntax error in a text, or null when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
	let i = 0;
	// The open containers: '{' or '['.
	const stack: string[] = [];
	type Mode = 'value' | 'afterValue' | 'key' | 'colon';
	let mode: Mode = 'value';
	// True right after a comma (a closing bracket there is a trailing comma).
	let afterComma = false;

	const fail = (offset: number, message: string): JsonSyntaxError => ({
		offset,
		...lineAndColumn(text, offset),
		message
	});

	const skipSpace = (): JsonSyntaxError | null => {
		for (;;) {
			const c = text.charAt(i);
			if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
			else if (c === '/' && (text.charAt(i + 1) === '/' || text.charAt(i + 1) === '*')) {
				return fail(
					i,
					'comments are not allowed in JSON (use a field starting with "x-" for notes)'
				);
			} else return null;
		}
	};

	/** Scans a string starting at its opening quote; returns an error or null (i moves past it). */
	const scanString = (): JsonSyntaxError | null => {
		const start = i;
		i++;
		for (;;) {
			if (i >= text.length) {
				return fail(start, 'this text has no closing double quote "');
			}
			const c = text.charAt(i);
			if (c === '"') {
				i++;
				return null;
			}
			if (c === '\\') {
				const e = text.charAt(i + 1);
				if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
				else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
				else
					return fail(
						i,
						'a backslash \\ in text must start an escape such as \\" or \\n (write \\\\ for a backslash)'
					);
				continue;
			}
			if (c === '\n' || c === '\r') {
				return fail(
					start,
					'this text is not closed before the end of the line (a closing " is missing, or write \\n for a line break)'
				);
			}
			if (c.charCodeAt(0) < 0x20)
				return fail(i, 'text may not contain control characters such as tabs (write \\t)');
			i++;
		}
	};

	const closeContainer = (closer: string): JsonSyntaxError | null => {
		const open = stack[stack.length - 1];
		const expected = open === '{' ? '}' : ']';
		if (closer !== expected) {
			return fail(i, `"${closer}" does not match the open "${open}" (expected "${expected}")`);
		}
		if (afterComma) {
			return fail(i, `there is a comma just before "${closer}": remove the last comma`);
		}
		stack.pop();
		i++;
		mode = 'afterValue';
		return null;
	};

	for (;;) {
		const spaceError = skipSpace();
		if (spaceError) return spaceError;
		const c = text.charAt(i);
		const atEnd = i >= text.length;

		if (mode === 'value') {
			if (atEnd) {
				return fail(
					i,
					stack.length === 0 && text.trim() === ''
						? 'the file is empty'
						: 'the file ends too early: a value, "]" or "}" is missing at the end'
				);
			}
			if (c === '{' || c === '[') {
				stack.push(c);
				i++;
				mode = c === '{' ? 'key' : 'value';
				afterComma = false;
				// An empty container closes right away.
				const next = skipSpace();
				if (next) return next;
				const closer = text.charAt(i);
				if ((c === '{' && closer === '}') || (c === '[' && closer === ']')) {
					const error = closeContainer(closer);
					if (error) return error;
				}
				continue;
			}
			if (c === ']' || c === '}') return fail(i, `a value was expected before "${c}"`);
			if (c === '"') {
				const error = scanString();
				if (error) return error;
			} else if (c === '-' || (c >= '0' && c <= '9')) {
				NUMBER.lastIndex = i;
				const match = NUMBER.exec(text);
				if (!match) return fail(i, 'this is not a valid number');
				i += match[0].length;
				const after = text.charAt(i);
				if (/[\w.]/.test(after))
					return fail(i, 'this is not a valid number (write numbers like 10, 2.5 or -3)');
			} else if (c === "'") {
				return fail(i, 'text must be in double quotes "…", not single quotes \'…\'');
			} else if (c === '\u201c' || c === '\u201d' || c === '\u2018' || c === '\u2019') {
				return fail(i, 'curly quotes “ ” are not allowed: use straight double quotes "');
			} else {
				WORD.lastIndex = i;
				const word = WORD.exec(text)?.[0];
				if (word === 'true' || word === 'false' || word === 'null') i += word.length;
				else if (word) {
					return fail(i, `unknown word "${word}": text must be in double quotes, e.g. "${word}"`);
				} else return fail(i, `unexpected ${describeChar(c)}: a value was expected here`);
			}
			mode = 'afterValue';
			afterComma = false;
			continue;
		}

		if (mode === 'afterValue') {
			if (stack.length === 0) {
				if (atEnd) return null;
				return fail(i, 'there is more text after the end of the program (an extra "}" or "]"?)');
			}
			const open = stack[stack.length - 1];
			if (atEnd) {
				return fail(
					i,
					`the file ends too early: a closing "${open === '{' ? '}' : ']'}" is missing`
				);
			}
			if (c === ',') {
				i++;
				afterComma = true;
				mode = open === '{' ? 'key' : 'value';
				const next = skipSpace();
				if (next) return next;
				const closer = text.charAt(i);
				if (closer === '}' || closer === ']') return closeContainer(closer);
				continue;
			}
			if (c === '}' || c === ']') {
				const error = closeContainer(c);
				if (error) return error;
				continue;
			}
			const closer = open === '{' ? '}' : ']';
			return fail(
				i,
				`a comma "," or "${closer}" was expected here (is a comma missing before this?)`
			);
		}

		if (mode === 'key') {
			if (atEnd) return fail(i, 'the file ends too early: a closing "}" is missing');
			if (c === '"') {
				const error = scanString();
				if (error) return error;
				mode = 'colon';
				continue;
			}
			if (c === "'") return fail(i, 'field names must be in double quotes "…", not single quotes');
			if (c === '\u201c' || c === '\u201d') {
				return fail(i, 'curly quotes “ ” are not allowed: use straight double quotes "');
			}
			WORD.lastIndex = i;
			const word = WORD.exec(text)?.[0];
			if (word) return fail(i, `field names must be in double quotes: write "${word}"`);
			return fail(i, `unexpected ${describeChar(c)}: a field name in double quotes was expected`);
		}

		// mode === 'colon'
		if (c !== ':') {
			return fail(i, 'a colon ":" was expected after the field name');
		}
		i++;
		mode = 'value';
		afterComma = false;
	}
}
