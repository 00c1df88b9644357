// The app's settings: their types, defaults and checks (pure). To add a setting, add it to
// Settings, to defaultSettings() and to CHECKS; TypeScript insists on all three.
import type { Problem } from '$lib/program/types';
import {
	addProblem,
	checkArray,
	checkBoolean,
	checkDay,
	checkInteger,
	checkKnownKeys,
	checkNumber,
	checkObject,
	checkRequired,
	childPath,
	parseIsoDateTime
} from './checks';

/** One answer to the morning "how is your back?" question. */
export interface MorningPain {
	/** Local calendar day, YYYY-MM-DD. */
	day: string;
	/** 0–10 numeric rating scale. */
	pain: number;
}

/** A routine the person follows: adherence is measured for it from `since` (until `until`,
 * the day they chose "Stop following", when given). */
export interface Follow {
	/** Local day (YYYY-MM-DD) they started following it. */
	since: string;
	/** Local day they stopped following it (the first day not counted). */
	until?: string;
}

export interface Settings {
	/** Beeps at the end of holds and countdowns. */
	beeps: boolean;
	/** Spoken cues. */
	voice: boolean;
	/** Vibration on devices that have it. */
	vibration: boolean;
	/** Cue volume, 0–1. */
	volume: number;
	/** Ask the red-flag safety questions (once a day). */
	redFlagCheck: boolean;
	/** Local day (YYYY-MM-DD) the red-flag questions were last answered. */
	lastRedFlagCheckDay: string | null;
	/** The medical disclaimer was shown and accepted. */
	disclaimerSeen: boolean;
	/** When the last backup file was made (ISO 8601). */
	lastBackupAt: string | null;
	/** Local day (YYYY-MM-DD) of the last morning pain check. */
	lastMorningCheckDay: string | null;
	/** The app already asked the browser for persistent storage (on this device). */
	persistRequested: boolean;
	/** The progression level chosen per program id. */
	programLevels: Record<string, number>;
	/** Morning pain ratings, oldest first. */
	morningPain: MorningPain[];
	/** The routines the person follows, by program id (see $lib/adherence/follow). */
	follows: Record<string, Follow>;
}

export type SettingKey = keyof Settings;

/** Limits on the settings that grow. */
export const SETTINGS_LIMITS = {
	programLevels: 1000,
	level: 100,
	morningPain: 20_000,
	follows: 1000
} as const;

/** A fresh copy of the default settings. */
export function defaultSettings(): Settings {
	return {
		beeps: true,
		voice: true,
		vibration: true,
		volume: 0.8,
		redFlagCheck: true,
		lastRedFlagCheckDay: null,
		disclaimerSeen: false,
		lastBackupAt: null,
		lastMorningCheckDay: null,
		persistRequested: false,
		programLevels: {},
		morningPain: [],
		follows: {}
	};
}

/** Settings that describe this device rather than the person: never exported or imported. */
export const DEVICE_ONLY_SETTINGS: readonly SettingKey[] = ['persistRequested'];

type Check = (value: unknown, path: string, problems: Problem[]) => boolean;

function nullOr(check: Check): Check {
	return (value, path, problems) => value === null || check(value, path, problems);
}

const checkIsoTime: Check = (value, path, problems) => {
	if (parseIsoDateTime(value) !== null) return true;
	addProblem(problems, path, 'must be a date and time in ISO 8601 form, or null');
	return false;
};

const checkLevels: Check = (value, path, problems) => {
	if (!checkObject(value, path, problems)) return false;
	const entries = Object.entries(value);
	if (entries.length > SETTINGS_LIMITS.programLevels) {
		addProblem(problems, path, `may hold at most ${SETTINGS_LIMITS.programLevels} programs`);
		return false;
	}
	const before = problems.length;
	for (const [id, level] of entries) {
		const at = childPath(path, id);
		if (id.length === 0 || id.length > 100 || id === '__proto__') {
			addProblem(problems, at, 'is not a usable program id');
		} else {
			checkInteger(level, at, problems, 0, SETTINGS_LIMITS.level);
		}
	}
	return problems.length === before;
};

const checkMorningPain: Check = (value, path, problems) => {
	if (!checkArray(value, path, problems, SETTINGS_LIMITS.morningPain)) return false;
	const before = problems.length;
	value.forEach((entry, i) => {
		const at = childPath(path, i);
		if (!checkObject(entry, at, problems)) return;
		checkKnownKeys(entry, ['day', 'pain'], at, problems);
		if (checkRequired(entry, 'day', at, problems))
			checkDay(entry.day, childPath(at, 'day'), problems);
		if (checkRequired(entry, 'pain', at, problems)) {
			checkInteger(entry.pain, childPath(at, 'pain'), problems, 0, 10);
		}
	});
	return problems.length === before;
};

const checkFollows: Check = (value, path, problems) => {
	if (!checkObject(value, path, problems)) return false;
	const entries = Object.entries(value);
	if (entries.length > SETTINGS_LIMITS.follows) {
		addProblem(problems, path, `may hold at most ${SETTINGS_LIMITS.follows} programs`);
		return false;
	}
	const before = problems.length;
	for (const [id, follow] of entries) {
		const at = childPath(path, id);
		if (id.length === 0 || id.length > 100 || id === '__proto__') {
			addProblem(problems, at, 'is not a usable program id');
			continue;
		}
		if (!checkObject(follow, at, problems)) continue;
		checkKnownKeys(follow, ['since', 'until'], at, problems);
		if (checkRequired(follow, 'since', at, problems)) {
			checkDay(follow.since, childPath(at, 'since'), problems);
		}
		if (follow.until !== undefined && checkDay(follow.until, childPath(at, 'until'), problems)) {
			if (typeof follow.since === 'string' && follow.until < follow.since) {
				addProblem(problems, childPath(at, 'until'), 'is before since');
			}
		}
	}
	return problems.length === before;
};

const CHECKS: { [K in SettingKey]: Check } = {
	beeps: checkBoolean,
	voice: checkBoolean,
	vibration: checkBoolean,
	volume: (value, path, problems) => checkNumber(value, path, problems, 0, 1),
	redFlagCheck: checkBoolean,
	lastRedFlagCheckDay: nullOr(checkDay),
	disclaimerSeen: checkBoolean,
	lastBackupAt: nullOr(checkIsoTime),
	lastMorningCheckDay: nullOr(checkDay),
	persistRequested: checkBoolean,
	programLevels: checkLevels,
	morningPain: checkMorningPain,
	follows: checkFollows
};

/** Every setting's key, in a stable order. */
export const SETTING_KEYS = Object.keys(CHECKS) as SettingKey[];

/** Whether a string names a known setting. */
export function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(CHECKS, key);
}

/** Checks a value for one setting, recording problems under `path`; never throws. */
export function checkSettingValue<K extends SettingKey>(
	key: K,
	value: unknown,
	path: string,
	problems: Problem[]
): value is Settings[K] {
	return CHECKS[key](value, path, problems);
}

/** Whether a value is acceptable for a setting. */
export function isValidSetting<K extends SettingKey>(key: K, value: unknown): value is Settings[K] {
	return checkSettingValue(key, value, key, []);
}

/** Checks a settings object from a backup: known keys only, each value valid. */
export function checkSettingsObject(
	value: unknown,
	path: string,
	problems: Problem[]
): value is Partial<Settings> {
	if (!checkObject(value, path, problems)) return false;
	const before = problems.length;
	for (const [key, item] of Object.entries(value)) {
		const at = childPath(path, key);
		if (!isSettingKey(key)) addProblem(problems, at, 'is not a known setting');
		else checkSettingValue(key, item, at, problems);
	}
	return problems.length === before;
}
