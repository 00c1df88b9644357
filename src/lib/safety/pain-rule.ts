// The pain-monitoring rule: pain during or after exercise is acceptable up to about 3/10, or up
// to 2 points above the day's starting pain, provided it settles by the next morning; when
// next-morning pain is higher than the starting pain, ease back one level. (Sources: BIM, CH.)

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

function show(value: number): string {
	return `${Math.round(value * 10) / 10}/10`;
}

const RULE_WORDS = 'up to about 3/10, or up to 2 points above where you started';

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

/** Checks a session's pain ratings against the rule, with advice for the session summary. */
export function assessSession(session: SessionPain): SessionPainAssessment {
	const before = rating(session.painBefore);
	const after = rating(session.painAfter);
	const acceptable = meetsPainRule(session);
	const change = before !== null && after !== null ? after - before : null;
	const limit =
		after === null ? null : before === null && after > ACCEPTABLE_PAIN ? null : painLimit(before);
	let message: string;
	if (after === null) {
		message =
			'There is no pain rating for after the session, so it cannot be checked against the pain rule. Notice how your back feels tomorrow morning.';
	} else if (before === null) {
		message =
			acceptable === true
				? `Pain after the session: ${show(after)}. Up to about 3/10 is fine, as long as it settles by tomorrow morning.`
				: `Pain after the session: ${show(after)}. Without a rating from before the session, it is hard to tell whether this is more than usual for you. If it is more than 2 points above how you started, or it has not settled by tomorrow morning, make the next session easier: fewer repetitions, or an easier level where there is one.`;
	} else if (after <= before) {
		message = `Pain went from ${show(before)} to ${show(after)}: no rise. Gentle exercise often helps, so carry on at this level.`;
	} else if (acceptable) {
		message = `Pain went from ${show(before)} to ${show(after)}. That is within the usual limit (${RULE_WORDS}) and is fine as long as it settles by tomorrow morning. You will be asked how your back feels then.`;
	} else {
		message = `Pain went from ${show(before)} to ${show(after)}, more than the usual limit (${RULE_WORDS}). Rest for now and keep moving gently through the day. If it has not settled by tomorrow morning, make the next session easier: fewer repetitions, or an easier level where there is one. If it keeps getting worse, contact your doctor or physiotherapist.`;
	}
	return { acceptable, message, limit, change };
}

/** Compares this morning's pain with the earlier starting pain: has yesterday's exercise settled? */
export function assessMorning(input: MorningInput): MorningAssessment {
	const morning = rating(input.morningPain);
	if (morning === null) throw new RangeError(`Not a pain rating (0–10): ${input.morningPain}`);
	const baseline = rating(input.previousBaseline);
	const afterSession = rating(input.painAfterLastSession);
	const reference = baseline ?? afterSession;
	const comparedWith =
		baseline !== null ? 'baseline' : afterSession !== null ? 'after last session' : null;
	if (reference === null) {
		return {
			rose: false,
			comparedWith,
			advice: `Thank you. Your back is at ${show(morning)} this morning. Your last session has no pain rating from before it to compare with, so this becomes your starting point.`
		};
	}
	const what =
		comparedWith === 'baseline'
			? `${show(reference)} before your last session`
			: `${show(reference)} straight after your last session`;
	const afterNote =
		comparedWith === 'baseline' && afterSession !== null
			? ` (it was ${show(afterSession)} straight after the session)`
			: '';
	if (morning > reference) {
		return {
			rose: true,
			comparedWith,
			advice: `Your back is at ${show(morning)} this morning, higher than ${what}${afterNote}. Make today’s session easier: fewer repetitions, or an easier level where there is one. Flare-ups like this are common and usually settle; keep moving gently rather than stopping. If pain keeps rising over several days, contact your doctor or physiotherapist.`
		};
	}
	return {
		rose: false,
		comparedWith,
		advice: `Your back is at ${show(morning)} this morning, no higher than ${what}${afterNote}: it has settled. Carry on at your current level.`
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
