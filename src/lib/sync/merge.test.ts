import { describe, expect, it } from 'vitest';
import { makeExerciseRecord, makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import {
	checkToDoc,
	deletionOf,
	routineToDoc,
	sessionToDoc,
	type SessionDoc,
	type SettingsDoc,
	type SyncDoc
} from './documents';
import { canonicalJson, mergeDocs, sameContent } from './merge';

const T = (hour: number) => `2025-03-14T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** merge(a, b) and merge(b, a) agree; the result is returned. */
function merged(a: SyncDoc, b: SyncDoc): SyncDoc {
	const ab = mergeDocs(a, b);
	const ba = mergeDocs(b, a);
	expect(canonicalJson(ab)).toBe(canonicalJson(ba));
	expect(canonicalJson(mergeDocs(ab, ab))).toBe(canonicalJson(ab));
	return ab;
}

function bare() {
	const session = makeSessionRecord({
		exercises: [
			makeExerciseRecord(),
			makeExerciseRecord({ skipped: true, outcome: 'skipped', setsDone: 0 })
		]
	});
	delete session.painAfter;
	delete session.effort;
	return session;
}

describe('sessions: answers are joined, the newest per answer wins', () => {
	it('joins answers given on two devices', () => {
		const a = sessionToDoc({ ...bare(), painAfter: 2 }, T(9));
		const b = sessionToDoc({ ...bare(), effort: 'too hard', note: 'sore' }, T(10));
		const doc = merged(a, b) as SessionDoc;
		expect(doc.session).toMatchObject({ painAfter: 2, effort: 'too hard', note: 'sore' });
		expect(doc.answeredAt).toEqual({ painAfter: T(9), effort: T(10), note: T(10) });
		expect(doc.updatedAt).toBe(T(10));
	});

	it('takes the later answer to the same question', () => {
		const a = sessionToDoc({ ...bare(), painAfter: 2 }, T(11));
		const b = sessionToDoc({ ...bare(), painAfter: 7 }, T(10));
		expect((merged(a, b) as SessionDoc).session.painAfter).toBe(2);
	});

	it('a later removal of an answer wins over an earlier answer', () => {
		const a = sessionToDoc({ ...bare(), note: 'old' }, T(9));
		const b = sessionToDoc(bare(), T(9), { note: T(12) });
		const doc = merged(a, b) as SessionDoc;
		expect(doc.session.note).toBeUndefined();
		expect(doc.answeredAt.note).toBe(T(12));
	});

	it('merges skip reasons per exercise', () => {
		const withReason = bare();
		withReason.exercises[1]!.skipReason = 'equipment';
		const a = sessionToDoc(withReason, T(9));
		const b = sessionToDoc({ ...bare(), painAfter: 3 }, T(8));
		const doc = merged(a, b) as SessionDoc;
		expect(doc.session.exercises[1]!.skipReason).toBe('equipment');
		expect(doc.session.painAfter).toBe(3);
		expect(doc.answeredAt['skipReason:1']).toBe(T(9));
	});

	it('the same answer at the same time on both sides is kept once', () => {
		const a = sessionToDoc({ ...bare(), painAfter: 3 }, T(9));
		expect(sameContent(merged(a, structuredClone(a)), a)).toBe(true);
	});
});

describe('deletions', () => {
	it('win over an older edit', () => {
		const edit = sessionToDoc({ ...bare(), painAfter: 3 }, T(9));
		const gone = deletionOf(edit._id, 'session', T(10));
		expect(merged(edit, gone)).toEqual(deletionOf(edit._id, 'session', T(10)));
	});

	it('win over an edit at the same moment', () => {
		const edit = checkToDoc({ day: '2025-03-14', pain: 3 }, T(10));
		const gone = deletionOf(edit._id, 'check', T(10));
		expect(merged(edit, gone)).toMatchObject({ _deleted: true });
	});

	it('lose to a newer edit (an answer given after the deletion brings the session back)', () => {
		const session = sessionToDoc(bare(), T(8), { painAfter: T(11) });
		session.session.painAfter = 4;
		const gone = deletionOf(session._id, 'session', T(10));
		const doc = merged(session, gone) as SessionDoc;
		expect(doc.type).toBe('session');
		expect(doc.session.painAfter).toBe(4);
	});

	it('lose to a routine saved again after it', () => {
		const routine = routineToDoc({ program: makeStoredProgram(), importedAt: T(1) }, T(12));
		expect(merged(routine, deletionOf(routine._id, 'routine', T(11)))).toMatchObject({
			type: 'routine'
		});
	});

	it('without a time (deleted by another tool) win over every edit', () => {
		const edit = checkToDoc({ day: '2025-03-14', pain: 3 }, T(23));
		const gone = { _id: edit._id, _deleted: true as const, type: 'check' as const };
		expect(merged(edit, gone)).toEqual(gone);
	});

	it('two deletions: the later is kept', () => {
		const a = deletionOf('check:2025-03-14', 'check', T(1));
		const b = deletionOf('check:2025-03-14', 'check', T(2));
		expect(merged(a, b)).toEqual(b);
	});

	it('the merge drops revisions', () => {
		const a = deletionOf('check:2025-03-14', 'check', T(1), '2-a');
		expect(mergeDocs(a, a)).not.toHaveProperty('_rev');
	});
});

describe('routines: version, then time', () => {
	const routine = (version: number, at: string, title = 'Mine') =>
		routineToDoc(
			{ program: { ...makeStoredProgram('mine', title), version }, importedAt: T(1) },
			at
		);

	it('the higher version wins even when older', () => {
		const doc = merged(routine(3, T(8), 'v3'), routine(2, T(12), 'v2'));
		expect(doc).toMatchObject({ routine: { program: { version: 3, title: 'v3' } } });
	});

	it('the same version: the later change wins', () => {
		const doc = merged(routine(2, T(8), 'early'), routine(2, T(9), 'late'));
		expect(doc).toMatchObject({ routine: { program: { title: 'late' } } });
	});

	it('the same version and time: the same pick on both sides', () => {
		merged(routine(2, T(8), 'a'), routine(2, T(8), 'b'));
	});
});

describe('settings: per setting, newest wins', () => {
	const doc = (
		values: SettingsDoc['values'],
		changedAt: SettingsDoc['changedAt']
	): SettingsDoc => ({
		_id: 'settings:display',
		type: 'settings',
		values,
		changedAt
	});

	it('takes each setting from the side that set it last', () => {
		const a = doc({ language: 'de', textSize: 'large' }, { language: T(9), textSize: T(12) });
		const b = doc({ language: 'fr', textSize: 'normal' }, { language: T(10), textSize: T(11) });
		expect(merged(a, b)).toEqual(
			doc({ language: 'fr', textSize: 'large' }, { language: T(10), textSize: T(12) })
		);
	});

	it('keeps a setting only one side has', () => {
		const a = doc({ language: 'de' }, { language: T(9) });
		const b = doc({ textSize: 'largest' }, { textSize: T(1) });
		expect(merged(a, b)).toEqual(
			doc({ language: 'de', textSize: 'largest' }, { language: T(9), textSize: T(1) })
		);
	});

	it('a tie picks the same value on both sides', () => {
		const a = doc({ language: 'de' }, { language: T(9) });
		const b = doc({ language: 'es' }, { language: T(9) });
		expect((merged(a, b) as SettingsDoc).values.language).toBe('es');
	});
});

describe('morning checks', () => {
	it('the later answer for the day wins', () => {
		const a = checkToDoc({ day: '2025-03-14', pain: 3 }, T(7));
		const b = checkToDoc({ day: '2025-03-14', pain: 5 }, T(8));
		expect(merged(a, b)).toEqual(b);
	});
});

describe('canonicalJson', () => {
	it('ignores key order and absent values', () => {
		expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, { y: 1, x: 0 }] } })).toBe(
			'{"a":{"c":[2,{"x":0,"y":1}]},"b":1}'
		);
	});
});
