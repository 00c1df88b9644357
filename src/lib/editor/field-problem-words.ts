// The builder's commonest field problems in the person's language. The validator writes its
// problems in English (with their JSON paths; docs/i18n.md, "Still English"); beside a field of
// the builder, the few that people meet while typing ("must not be empty", a number out of
// range, too long) are said in the interface's language instead. Any other problem stays
// English, marked so.
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';

/** A field problem as shown: its words and their language. */
export interface FieldProblemText {
	text: string;
	lang: Locale;
}

const RULES: readonly [RegExp, (match: RegExpMatchArray, locale: Locale) => string][] = [
	[/^must not be empty$/, (_, locale) => m.builder_problem_empty({}, { locale })],
	[
		/^must be a whole number from (-?\d+) to (-?\d+)$/,
		([, min = '', max = ''], locale) => m.builder_problem_whole_range({ min, max }, { locale })
	],
	[
		/^must be a number from (-?[\d.]+) to (-?[\d.]+)$/,
		([, min = '', max = ''], locale) => m.builder_problem_number_range({ min, max }, { locale })
	],
	[
		/^must be a whole number, 1 or more$/,
		(_, locale) => m.builder_problem_whole_positive({}, { locale })
	],
	[
		/^must be at most (\d+) characters long( \(this one has \d+\))?$/,
		([, max = ''], locale) => m.builder_problem_too_long({ max }, { locale })
	]
];

/** `message` in `locale` when it is one of the common field problems, else as it is, in English. */
export function fieldProblemText(message: string, locale: Locale): FieldProblemText {
	for (const [pattern, say] of RULES) {
		const match = message.match(pattern);
		if (match) return { text: say(match, locale), lang: locale };
	}
	return { text: message, lang: 'en' };
}
