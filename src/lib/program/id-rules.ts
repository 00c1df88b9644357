// What is wrong with an id, in words (kept apart from program-ids.ts, which the library's first
// load carries):
// - reserved ids (see program-ids.ts) are refused by the validator with reservedIdMessage;
// - built-in ids: a program brought in from outside (the Import page, a share link, a backup) may
//   not take the id of a built-in program, or one of the two could never be opened.

/** The validator's message for a reserved id (reported at the program's `id`). */
export function reservedIdMessage(id: string): string {
	return `"${id}" is reserved for the app’s own files; give your program another id`;
}

/**
 * The import rule for ids: what is wrong with bringing in a program with this id, given the
 * built-in programs' ids, or null when nothing is. Used by the Import page and by backups.
 */
export function builtinIdProblem(id: string, builtinIds: ReadonlySet<string>): string | null {
	return builtinIds.has(id)
		? `“${id}” is the id of a built-in program; give your program an id of its own`
		: null;
}
