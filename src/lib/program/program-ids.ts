// The rules about ids, in one place (no dependencies: the library's first load uses it):
// - the slug shape of program and exercise ids;
// - reserved ids: names the app's own files under /programs/ use. The build writes the library
//   list to /programs/index.json next to each built-in program's /programs/<id>.json, so a
//   program called "index" would be confused with that list. The validator refuses these ids
//   everywhere (built-in programs, imports, backups, stored records).
// - built-in ids: a program brought in from outside (the Import page, a backup) may not take the
//   id of a built-in program, or one of the two could never be opened.

/** Slug ids: lowercase letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Ids no program may have: they name the app's own files under /programs/. */
export const RESERVED_PROGRAM_IDS: ReadonlySet<string> = new Set(['index']);

/** Whether an id is reserved for the app's own files. */
export function isReservedProgramId(id: string): boolean {
	return RESERVED_PROGRAM_IDS.has(id);
}

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
