// The JSON Schema of the program format, generated from the valibot schema in schema.ts. Written
// to static/program.schema.json by the build hook (scripts/programs-plugin.ts) so that editors
// can check a program while it is written. Kept apart from validate.ts so the app bundle never
// includes the converter.
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { ProgramSchema } from './schema';

/** The file name under static/ (and the URL path in the app). */
export const PROGRAM_SCHEMA_FILE = 'program.schema.json';

/** The JSON Schema (draft-07) of a program file, with titles and descriptions for editors. */
export function programJsonSchema(): JsonSchema {
	const generated = toJsonSchema(ProgramSchema, { target: 'draft-07', errorMode: 'throw' });
	const { $schema, ...rest } = generated;
	return {
		$schema,
		$id: PROGRAM_SCHEMA_FILE,
		$comment:
			'Generated from src/lib/program/schema.ts; do not edit. Rules the schema cannot express ' +
			'(unique exercise ids, the progression rules, the 4-hour limit, translations that match ' +
			'the program’s exercises and lists) are checked by ' +
			'`npm run validate` and by the app.',
		...rest
	};
}

/** The schema as the text of static/program.schema.json (tab-indented, final newline). */
export function programJsonSchemaText(): string {
	return `${JSON.stringify(programJsonSchema(), null, '\t')}\n`;
}
