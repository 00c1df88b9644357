// The app's settings: one valibot schema per setting (the types are inferred from them), their
// defaults, and the checks built on them. To add a setting, add its schema to SETTING_SCHEMAS and
// its default to defaultSettings(); TypeScript insists on both.
import * as v from 'valibot';
import { ReminderPlanSchema, RemindersShownSchema } from '$lib/reminders/notices';
import { RemindersSchema } from '$lib/reminders/times';
import { parseIsoDateTime } from '$lib/time';
import {
	bool,
	check,
	day,
	list,
	map,
	number,
	oneOf,
	optional,
	record,
	text,
	wholeNumber
} from '$lib/validation/schemas';
import type { Problem } from '$lib/validation/problems';

/** Limits on the settings that grow. */
export const SETTINGS_LIMITS = {
	programLevels: 1000,
	level: 100,
	morningPain: 20_000,
	follows: 1000
} as const;

/** One answer to the morning "how is your back?" question. */
export const MorningPainSchema = record({
	/** Local calendar day, YYYY-MM-DD. */
	day: day(),
	/** 0–10 numeric rating scale. */
	pain: wholeNumber(0, 10)
});

/** A routine the person follows: adherence is measured for it from `since` (until `until`,
 * the day they chose "Stop following", when given). See $lib/adherence/follow. */
export const FollowSchema = v.pipe(
	record({ since: day(), until: optional(day()) }),
	v.forward(
		v.check((input) => input.until === undefined || input.until >= input.since, 'is before since'),
		['until']
	)
);

/** The `language` setting's values: 'auto' (the browser's preferred language) or a locale. */
export const LANGUAGE_CHOICES = ['auto', 'en', 'de', 'es', 'fr'] as const;

/** Text sizes: the root gets `data-text-size` and src/app.css turns it into `--text-scale`. */
export const TEXT_SIZES = ['normal', 'large', 'largest'] as const;

/** Speaking rates of the spoken cues (utterance.rate): slower, normal, faster. */
export const SPEECH_RATES = [0.8, 1, 1.2] as const;

/** Get-ready lengths a person can choose instead of the routine's own, in seconds. */
export const PREPARE_CHOICES = [5, 10, 15] as const;

const isoTimeOrNull = v.custom<string | null>(
	(input) => input === null || parseIsoDateTime(input) !== null,
	'must be a date and time in ISO 8601 form, or null'
);

/** Every setting's schema, by key. */
export const SETTING_SCHEMAS = {
	/** Beeps at the end of holds and countdowns. */
	beeps: bool(),
	/** Spoken cues. */
	voice: bool(),
	/** Vibration on devices that have it. */
	vibration: bool(),
	/** Headset, keyboard and lock-screen buttons control the player: a silent audio loop plays
	 * during a session so that the platform sends them to the page (docs/cues.md, "Media
	 * session"). Off unless chosen: the loop stops other apps' music and costs battery. */
	mediaButtons: bool(),
	/** Cue volume, 0–1. */
	volume: number(0, 1),
	/** The language: 'auto' follows the browser's preferred languages ($lib/i18n/locale). */
	language: oneOf(LANGUAGE_CHOICES),
	/** How big the text is (the player's above all: read from 2 m away). */
	textSize: oneOf(TEXT_SIZES),
	/** The speech voice chosen on this device (its voiceURI), or null: chosen automatically. */
	voiceURI: v.nullable(text(1, 500)),
	/** How fast spoken cues are spoken (utterance.rate). */
	speechRate: v.picklist(SPEECH_RATES, 'must be one of 0.8, 1, 1.2'),
	/** The get-ready countdown: the routine's own (`'program'`) or this many seconds. */
	prepareSeconds: v.union(
		[v.literal('program'), v.picklist(PREPARE_CHOICES)],
		'must be "program", 5, 10 or 15'
	),
	/** Ask the red-flag safety questions (once a day). */
	redFlagCheck: bool(),
	/** Local day (YYYY-MM-DD) the red-flag questions were last answered. */
	lastRedFlagCheckDay: v.nullable(day()),
	/** The medical disclaimer was shown and accepted. */
	disclaimerSeen: bool(),
	/** When the last backup file was made (ISO 8601). */
	lastBackupAt: isoTimeOrNull,
	/** Local day (YYYY-MM-DD) of the last morning pain check. */
	lastMorningCheckDay: v.nullable(day()),
	/** The app already asked the browser for persistent storage (on this device). */
	persistRequested: bool(),
	/** The progression level reached per program id. */
	programLevels: map(wholeNumber(0, SETTINGS_LIMITS.level), {
		max: SETTINGS_LIMITS.programLevels,
		what: 'programs'
	}),
	/** Morning pain ratings, oldest first. */
	morningPain: list(MorningPainSchema, SETTINGS_LIMITS.morningPain),
	/** The routines the person follows, by program id. */
	follows: map(FollowSchema, { max: SETTINGS_LIMITS.follows, what: 'programs' }),
	/** Reminder times and days per program id, and whether each is on ($lib/reminders/times). */
	reminders: RemindersSchema,
	/** On this device: the reminders the service worker may show as missed ($lib/reminders/notices). */
	reminderPlan: ReminderPlanSchema,
	/** On this device: tags of the reminder notifications already shown (never shown twice). */
	remindersShown: RemindersShownSchema
};

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: v.InferOutput<(typeof SETTING_SCHEMAS)[K]> };
export type MorningPain = v.InferOutput<typeof MorningPainSchema>;
export type Follow = v.InferOutput<typeof FollowSchema>;

/** A fresh copy of the default settings. */
export function defaultSettings(): Settings {
	return {
		beeps: true,
		voice: true,
		vibration: true,
		mediaButtons: false,
		volume: 0.8,
		language: 'auto',
		textSize: 'normal',
		voiceURI: null,
		speechRate: 1,
		prepareSeconds: 'program',
		redFlagCheck: true,
		lastRedFlagCheckDay: null,
		disclaimerSeen: false,
		lastBackupAt: null,
		lastMorningCheckDay: null,
		persistRequested: false,
		programLevels: {},
		morningPain: [],
		follows: {},
		reminders: {},
		reminderPlan: [],
		remindersShown: []
	};
}

/** Settings that describe this device rather than the person: never exported or imported.
 * The voice is one of them: each device has its own voices. So are the media buttons (a headset
 * is paired with a device, and the music the silent loop stops plays on it), and the
 * notifications this device has shown and plans to show (the person's reminder times themselves
 * are `reminders`). */
export const DEVICE_ONLY_SETTINGS: readonly SettingKey[] = [
	'persistRequested',
	'voiceURI',
	'mediaButtons',
	'reminderPlan',
	'remindersShown'
];

/** Every setting's key, in a stable order. */
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/** Whether a string names a known setting. */
export function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(SETTING_SCHEMAS, key);
}

/** Whether a value is acceptable for a setting. */
export function isValidSetting<K extends SettingKey>(key: K, value: unknown): value is Settings[K] {
	return v.is(SETTING_SCHEMAS[key], value);
}

/** The problems of a value for one setting (under the path `key`); none when it is acceptable. */
export function settingProblems(key: SettingKey, value: unknown): Problem[] {
	const result = check(SETTING_SCHEMAS[key] as v.GenericSchema, value, key);
	return result.ok ? [] : result.problems;
}

/** A settings object from a backup: known keys only, each one valid. */
export const SettingsPatchSchema = record(
	Object.fromEntries(
		SETTING_KEYS.map((key) => [key, optional(SETTING_SCHEMAS[key] as v.GenericSchema)])
	) as { [K in SettingKey]: v.ExactOptionalSchema<(typeof SETTING_SCHEMAS)[K], undefined> },
	'is not a known setting'
);
