// The red-flag checklist in the person's language: its signs, what to do, and its own words,
// from the messages redflag_* in messages/<locale>.json. The English messages are the texts of
// red-flags.ts, which a test keeps equal. Terms follow the glossary in docs/content.md
// ("Red-flag terms"). Kept apart from red-flags.ts so that the pages that only ask whether the
// check is due do not carry every language's words.
import type { Locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import type { Advice, RedFlag, Urgency } from './red-flags';

type Words = (locale: Locale) => string;
const say =
	(message: (inputs: Record<string, never>, options: { locale: Locale }) => string): Words =>
	(locale) =>
		message({}, { locale });

const LABELS: Readonly<Record<string, Words>> = {
	'bladder-bowel': say(m.redflag_bladder_bowel),
	'saddle-numbness': say(m.redflag_saddle_numbness),
	'both-legs': say(m.redflag_both_legs),
	'chest-pain': say(m.redflag_chest_pain),
	'serious-injury': say(m.redflag_serious_injury),
	fever: say(m.redflag_fever),
	'weight-loss': say(m.redflag_weight_loss),
	'night-pain': say(m.redflag_night_pain),
	'one-leg-pain': say(m.redflag_one_leg_pain),
	'one-leg-weakness': say(m.redflag_one_leg_weakness)
};

const ADVICE: Readonly<Record<Urgency | 'none', { heading: Words; steps: Words[] }>> = {
	emergency: {
		heading: say(m.redflag_emergency_heading),
		steps: [say(m.redflag_emergency_1), say(m.redflag_emergency_2), say(m.redflag_emergency_3)]
	},
	urgent: {
		heading: say(m.redflag_urgent_heading),
		steps: [say(m.redflag_urgent_1), say(m.redflag_urgent_2), say(m.redflag_urgent_3)]
	},
	soon: {
		heading: say(m.redflag_soon_heading),
		steps: [say(m.redflag_soon_1), say(m.redflag_soon_2), say(m.redflag_soon_3)]
	},
	none: {
		heading: say(m.redflag_none_heading),
		steps: [say(m.redflag_none_1), say(m.redflag_none_2)]
	}
};

/** A sign's words in a language. */
export function redFlagLabel(flag: Pick<RedFlag, 'id' | 'label'>, locale: Locale): string {
	const words = Object.hasOwn(LABELS, flag.id) ? LABELS[flag.id] : undefined;
	return words ? words(locale) : flag.label;
}

/** What to do, in a language. */
export function adviceIn(urgency: Urgency | null, locale: Locale): Advice {
	const advice = ADVICE[urgency ?? 'none'];
	return { heading: advice.heading(locale), steps: advice.steps.map((step) => step(locale)) };
}

/** The checklist's own words (question, hint, buttons) in a language. */
export function redFlagWords(locale: Locale) {
	return {
		question: m.redflag_question({}, { locale }),
		hint: m.redflag_hint({}, { locale }),
		youTicked: m.redflag_you_ticked({}, { locale }),
		back: m.redflag_back({}, { locale }),
		noneApply: m.redflag_none_apply({}, { locale }),
		seeWhat: m.redflag_see_what({}, { locale }),
		cancel: m.redflag_cancel({}, { locale })
	};
}
