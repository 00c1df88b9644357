// The pain-monitoring rule: pain during or after exercise is acceptable up to about 3/10, or up
// to 2 points above the day's starting pain, provided it settles by the next morning; when
// next-morning pain is higher than the starting pain, ease back one level. (Sources: BIM, CH.)
// The advice is in messages/safety (`pain_` keys), in the locale passed in (default English).
import type { Locale } from '$lib/i18n/locale';
import { formatNumber } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';

/** Pain up to this rating (0–10) is acceptable whatever the starting pain. */
export const ACCEPTABLE_PAIN = 3;
/** Pain up to this many points above the starting pain is acceptable. */
export const ACCEPTABLE_RISE = 2;

export interface SessionPain {
	painBefore?: number | null;
	painAfter?: number | null;
}

export interface SessionPainAssessment {
	/** Whether the session met the rule; null when the ratings cannot tell. */
	acceptable: boolean | null;
	/** Calm, specific advice for the session summary. */
	message: string;
	/** The highest acceptable rating after this session, when it can be known. */
	limit: number | null;
	/** painAfter − painBefore, when both are known. */
	change: number | null;
}

/** What the morning question compares: this morning's rating and the last session's. */
export interface MorningInput {
	/** This morning's rating, 0–10. */
	morningPain: number;
	/** The earlier starting pain: the last session's painBefore, or the previous morning's rating. */
	previousBaseline?: number | null;
	painAfterLastSession?: number | null;
}

export interface MorningAssessment {
	/** True when this morning's pain is higher than what it is compared with: a flare-up. */
	rose: boolean;
	advice: string;
	/** What this morning was compared with; null when there was nothing to compare with. */
	comparedWith: 'baseline' | 'after last session' | null;
}

function rating(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10
		? value
		: null;
}

function show(value: number, locale: Locale): string {
	return `${formatNumber(Math.round(value * 10) / 10, locale)}/10`;
}

/** The pain rule in a few words, for a sentence: "up to about 3/10, or up to 2 points above…". */
export function ruleWords(locale: Locale = 'en'): string {
	return m.pain_rule_words({}, { locale });
}

/** The highest acceptable rating after exercise, given the starting pain (if known). */
export function painLimit(painBefore?: number | null): number {
	const before = rating(painBefore);
	return before === null ? ACCEPTABLE_PAIN : Math.max(ACCEPTABLE_PAIN, before + ACCEPTABLE_RISE);
}

/** Whether a session's ratings met the pain rule; null when they cannot tell. */
export function meetsPainRule(session: SessionPain): boolean | null {
	const before = rating(session.painBefore);
	const after = rating(session.painAfter);
	if (after === null) return null;
	if (after <= painLimit(before)) return true;
	// Above 3/10 with no starting pain to compare with: it may or may not be a real rise.
	return before === null ? null : false;
}

/** Checks a session's pain ratings against the rule, with advice for the session summary in `locale`. */
export function assessSession(session: SessionPain, locale: Locale = 'en'): SessionPainAssessment {
	const before = rating(session.painBefore);
	const after = rating(session.painAfter);
	const acceptable = meetsPainRule(session);
	const change = before !== null && after !== null ? after - before : null;
	const limit =
		after === null ? null : before === null && after > ACCEPTABLE_PAIN ? null : painLimit(before);
	const options = { locale };
	let message: string;
	if (after === null) {
		message = m.pain_session_unrated({}, options);
	} else if (before === null) {
		const inputs = { after: show(after, locale) };
		message =
			acceptable === true
				? m.pain_session_after_ok(inputs, options)
				: m.pain_session_after_unknown(inputs, options);
	} else {
		const inputs = { before: show(before, locale), after: show(after, locale) };
		const rule = ruleWords(locale);
		message =
			after <= before
				? m.pain_session_no_rise(inputs, options)
				: acceptable
					? m.pain_session_within({ ...inputs, rule }, options)
					: m.pain_session_beyond({ ...inputs, rule }, options);
	}
	return { acceptable, message, limit, change };
}

/**
 * Compares this morning's pain with the earlier starting pain: has yesterday's exercise settled?
 * The advice is in `locale`.
 */
export function assessMorning(input: MorningInput, locale: Locale = 'en'): MorningAssessment {
	const morning = rating(input.morningPain);
	if (morning === null) throw new RangeError(`Not a pain rating (0–10): ${input.morningPain}`);
	const baseline = rating(input.previousBaseline);
	const afterSession = rating(input.painAfterLastSession);
	const reference = baseline ?? afterSession;
	const comparedWith =
		baseline !== null ? 'baseline' : afterSession !== null ? 'after last session' : null;
	const options = { locale };
	if (reference === null) {
		return {
			rose: false,
			comparedWith,
			advice: m.pain_morning_first({ morning: show(morning, locale) }, options)
		};
	}
	const inputs = { morning: show(morning, locale), reference: show(reference, locale) };
	// Compared with the baseline, the rating straight after the session is mentioned too.
	const withAfter =
		comparedWith === 'baseline' && afterSession !== null
			? { ...inputs, after: show(afterSession, locale) }
			: null;
	if (morning > reference) {
		const finding = withAfter
			? m.pain_morning_rose_baseline_after(withAfter, options)
			: comparedWith === 'baseline'
				? m.pain_morning_rose_baseline(inputs, options)
				: m.pain_morning_rose_after(inputs, options);
		return {
			rose: true,
			comparedWith,
			advice: `${finding} ${m.pain_morning_rose_advice({}, options)}`
		};
	}
	return {
		rose: false,
		comparedWith,
		advice: withAfter
			? m.pain_morning_settled_baseline_after(withAfter, options)
			: comparedWith === 'baseline'
				? m.pain_morning_settled_baseline(inputs, options)
				: m.pain_morning_settled_after(inputs, options)
	};
}

/** Whether to ask "How is your back this morning?": once, on the first day after the last session. */
export function needsMorningCheck(
	lastSessionDay: string | null | undefined,
	lastMorningCheckDay: string | null | undefined,
	today: string
): boolean {
	if (!lastSessionDay || today <= lastSessionDay) return false;
	// Already asked on a day after that session: once is enough.
	return !lastMorningCheckDay || lastMorningCheckDay <= lastSessionDay;
}
