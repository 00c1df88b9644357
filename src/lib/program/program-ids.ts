// The rules about ids, in one place (no dependencies: the library's first load uses it):
// - the slug shape of program and exercise ids;
// - reserved ids: names the app's own files under /programs/ use. The build writes the library
//   list to /programs/index.json next to each built-in program's /programs/<id>.json, so a
//   program called "index" would be confused with that list. The validator refuses these ids
//   everywhere (built-in programs, imports, backups, stored records).
// The messages about ids are in id-rules.ts, which only the validator and the import paths load.

/** Slug ids: lowercase letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Ids no program may have: they name the app's own files under /programs/. */
export const RESERVED_PROGRAM_IDS: ReadonlySet<string> = new Set(['index']);

/** Whether an id is reserved for the app's own files. */
export function isReservedProgramId(id: string): boolean {
	return RESERVED_PROGRAM_IDS.has(id);
}
