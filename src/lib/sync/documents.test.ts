import { describe, expect, it } from 'vitest';
import { makeExerciseRecord, makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { DEVICE_ONLY_SETTINGS, SETTING_KEYS, type Settings } from '$lib/storage/settings-schema';
import {
	answerTimes,
	checkDocId,
	checkToDoc,
	deletionOf,
	docsToMorningPain,
	docsToSettings,
	docToStored,
	groupOf,
	isDeleted,
	parseDocId,
	routineToDoc,
	SETTINGS_GROUP_NAMES,
	SETTINGS_GROUPS,
	sessionToDoc,
	settingsToDocs,
	SYNCED_SETTINGS,
	UNSYNCED_SETTINGS
} from './documents';

const AT = '2025-03-14T09:00:00.000Z';

describe('document ids', () => {
	it('are stable and say the type', () => {
		const session = makeSessionRecord({ id: 'abc-123' });
		expect(sessionToDoc(session, AT)._id).toBe('session:abc-123');
		expect(routineToDoc({ program: makeStoredProgram('mine'), importedAt: AT }, AT)._id).toBe(
			'routine:mine'
		);
		expect(checkDocId('2025-03-14')).toBe('check:2025-03-14');
		expect(settingsToDocs({ language: 'de' }, {}, AT)[0]?._id).toBe('settings:display');
	});

	it('parse back into type and key (a key may hold colons)', () => {
		expect(parseDocId('session:abc')).toEqual({ type: 'session', key: 'abc' });
		expect(parseDocId('routine:a:b')).toEqual({ type: 'routine', key: 'a:b' });
		expect(parseDocId('check:2025-03-14')).toEqual({ type: 'check', key: '2025-03-14' });
		for (const bad of ['session:', ':x', 'other:x', '_design/x', 'session', '']) {
			expect(parseDocId(bad)).toBeNull();
		}
	});
});

describe('round trips', () => {
	it('a session with answers and a skip reason', () => {
		const session = makeSessionRecord({
			note: 'stiff',
			exercises: [
				makeExerciseRecord(),
				makeExerciseRecord({ skipped: true, outcome: 'skipped', skipReason: 'pain' })
			]
		});
		const doc = sessionToDoc(session, AT);
		expect(doc.type).toBe('session');
		expect(doc.answeredAt).toEqual({
			painAfter: AT,
			effort: AT,
			note: AT,
			'skipReason:1': AT
		});
		expect(docToStored(doc)).toEqual({ type: 'session', session });
		// Copies, not shared objects.
		doc.session.exercises[0]!.seconds = 1;
		expect(session.exercises[0]!.seconds).toBe(95);
	});

	it('a session without answers has no answer times; given times are kept', () => {
		const session = makeSessionRecord();
		delete session.painAfter;
		delete session.effort;
		expect(answerTimes(session, AT)).toEqual({});
		const times = { painAfter: '2025-03-15T00:00:00.000Z' };
		expect(sessionToDoc(session, AT, times).answeredAt).toEqual(times);
	});

	it('a routine', () => {
		const routine = { program: makeStoredProgram(), importedAt: AT, source: 'builder' as const };
		const doc = routineToDoc(routine, AT);
		expect(doc).toMatchObject({ type: 'routine', updatedAt: AT });
		expect(docToStored(doc)).toEqual({ type: 'routine', routine });
	});

	it('a morning check', () => {
		const doc = checkToDoc({ day: '2025-03-14', pain: 4 }, AT);
		expect(doc).toEqual({
			_id: 'check:2025-03-14',
			type: 'check',
			updatedAt: AT,
			check: { day: '2025-03-14', pain: 4 }
		});
		expect(docToStored(doc)).toEqual({ type: 'check', check: { day: '2025-03-14', pain: 4 } });
		const later = checkToDoc({ day: '2025-03-16', pain: 2 }, AT);
		expect(docsToMorningPain([later, doc])).toEqual([
			{ day: '2025-03-14', pain: 4 },
			{ day: '2025-03-16', pain: 2 }
		]);
	});

	it('settings: grouped, device-only and morning answers left out, and back', () => {
		const settings: Partial<Settings> = {
			language: 'fr',
			textSize: 'large',
			beeps: false,
			programLevels: { mine: 2 },
			follows: { mine: { since: '2025-03-01' } },
			reminders: {},
			persistRequested: true,
			voiceURI: 'x',
			remindersShown: [],
			morningPain: [{ day: '2025-03-14', pain: 3 }]
		};
		const docs = settingsToDocs(settings, { language: '2025-03-10T00:00:00.000Z' }, AT);
		expect(docs.map((doc) => doc._id)).toEqual([
			'settings:display',
			'settings:player',
			'settings:progress',
			'settings:reminders'
		]);
		expect(docs[0]).toEqual({
			_id: 'settings:display',
			type: 'settings',
			values: { language: 'fr', textSize: 'large' },
			changedAt: { language: '2025-03-10T00:00:00.000Z', textSize: AT }
		});
		const back = docsToSettings(docs);
		const {
			persistRequested: _p,
			voiceURI: _v,
			remindersShown: _r,
			morningPain: _m,
			...synced
		} = settings;
		expect(back).toEqual(synced);
	});

	it('a deletion keeps its type and time', () => {
		const doc = deletionOf('session:a', 'session', AT, '3-x');
		expect(isDeleted(doc)).toBe(true);
		expect(doc).toEqual({
			_id: 'session:a',
			_rev: '3-x',
			_deleted: true,
			type: 'session',
			deletedAt: AT
		});
		expect(isDeleted(sessionToDoc(makeSessionRecord(), AT))).toBe(false);
	});
});

describe('settings groups', () => {
	it('hold every setting that is not device-only, once; morning answers are checks', () => {
		const grouped = SETTINGS_GROUP_NAMES.flatMap((group) => [...SETTINGS_GROUPS[group]]);
		expect(new Set(grouped).size).toBe(grouped.length);
		expect([...grouped].sort()).toEqual(
			SETTING_KEYS.filter((key) => !UNSYNCED_SETTINGS.includes(key)).sort()
		);
		expect([...SYNCED_SETTINGS].sort()).toEqual([...grouped].sort());
		for (const key of DEVICE_ONLY_SETTINGS) expect(groupOf(key)).toBeNull();
		expect(groupOf('morningPain')).toBeNull();
		expect(groupOf('follows')).toBe('progress');
	});
});
