// The red-flag checklist shown before exercising: warning signs that need a clinician rather
// than an exercise session, how urgently, and what to do. Plain data and pure functions.
// Sources: NHS back pain pages (red flags) and backes.org.uk (cauda equina warning signs).

export type Urgency = 'emergency' | 'urgent' | 'soon';

export interface RedFlag {
	id: string;
	/** The sign in plain words, as shown next to its checkbox. */
	label: string;
	urgency: Urgency;
}

export interface Advice {
	heading: string;
	steps: string[];
}

export interface RedFlagAssessment {
	/** The most urgent level among the ticked signs, or null when none was ticked. */
	urgency: Urgency | null;
	advice: Advice;
	/** The ticked signs that are on the list, most urgent first. */
	flags: RedFlag[];
}

/** The question shown above the checklist. */
export const RED_FLAG_QUESTION = 'Before you start: do you have any of these right now?';

/** The checklist, most urgent first. */
export const RED_FLAGS: readonly RedFlag[] = [
	{
		id: 'bladder-bowel',
		label: 'New loss of bladder or bowel control, or trouble passing urine',
		urgency: 'emergency'
	},
	{
		id: 'saddle-numbness',
		label: 'Numbness or tingling around your genitals, buttocks or inner thighs',
		urgency: 'emergency'
	},
	{
		id: 'both-legs',
		label: 'Pain, weakness or numbness in both legs',
		urgency: 'emergency'
	},
	{ id: 'chest-pain', label: 'Pain in your chest', urgency: 'emergency' },
	{
		id: 'serious-injury',
		label: 'Back pain that started after a bad fall or an accident',
		urgency: 'emergency'
	},
	{
		id: 'fever',
		label: 'A high temperature, or feeling hot and shivery, along with your back pain',
		urgency: 'urgent'
	},
	{ id: 'weight-loss', label: 'Losing weight without trying', urgency: 'urgent' },
	{
		id: 'night-pain',
		label: 'Pain that is worse at night, or that does not ease when you rest',
		urgency: 'urgent'
	},
	{
		id: 'one-leg-pain',
		label: 'Pain spreading down one leg, especially below the knee',
		urgency: 'soon'
	},
	{
		id: 'one-leg-weakness',
		label: 'New weakness, numbness or pins and needles in one leg',
		urgency: 'soon'
	}
];

const RANK: Record<Urgency, number> = { emergency: 3, urgent: 2, soon: 1 };

/** What to do for each level of urgency, and when nothing was ticked. */
export const RED_FLAG_ADVICE: Readonly<Record<Urgency | 'none', Advice>> = {
	emergency: {
		heading: 'Get medical help now',
		steps: [
			'Call your emergency number, or go to the nearest emergency department now.',
			'Do not exercise.',
			'Tell them which of these signs you have and when they started.'
		]
	},
	urgent: {
		heading: 'Contact a doctor today',
		steps: [
			'Contact your doctor, or an urgent care service, today.',
			'Skip exercise until you have been checked.',
			'If a sign gets worse, or a more serious one appears, call your emergency number.'
		]
	},
	soon: {
		heading: 'See your doctor or physiotherapist soon',
		steps: [
			'Book an appointment with your doctor or physiotherapist in the next few days.',
			"Don't do this session; gentle everyday movement is fine if it feels comfortable.",
			'If you notice weakness or numbness in both legs, or changes in bladder or bowel control, call your emergency number.'
		]
	},
	none: {
		heading: 'No warning signs',
		steps: [
			'You can start your session.',
			'Stop and check this list again if any of these signs appear.'
		]
	}
};

/** Looks at the ticked checklist items and says how urgent it is and what to do. */
export function assessRedFlags(checkedIds: Iterable<string>): RedFlagAssessment {
	const checked = new Set(checkedIds);
	const flags = RED_FLAGS.filter((flag) => checked.has(flag.id)).sort(
		(a, b) => RANK[b.urgency] - RANK[a.urgency]
	);
	const urgency = flags[0]?.urgency ?? null;
	return { urgency, advice: RED_FLAG_ADVICE[urgency ?? 'none'], flags };
}

/** The settings the daily check reads; the app's Settings object fits as it is. */
export interface RedFlagCheckSettings {
	/** False turns the daily check off; on when absent (the name used by the app's Settings). */
	redFlagCheck?: boolean;
	/** The same switch under an older name; false also turns the check off. */
	redFlagCheckEnabled?: boolean;
	/** The local day ('YYYY-MM-DD') of the last check that came back clear. */
	lastRedFlagCheckDay?: string | null;
}

/** Whether to show the red-flag checklist before a session: once per local day, unless off. */
export function needsRedFlagCheck(settings: RedFlagCheckSettings, today: string): boolean {
	if (settings.redFlagCheck === false || settings.redFlagCheckEnabled === false) return false;
	// Any other day than today (even a later one, after a clock or zone change) asks again.
	return settings.lastRedFlagCheckDay !== today;
}
