import { describe, expect, it } from 'vitest';
import { generateSessions } from '$lib/storage/seed';
import { makeSessionRecord, makeStoredProgram } from '$lib/test-factories';
import { checkToDoc, routineToDoc, sessionToDoc, settingsToDocs } from './documents';
import { rebase, validatePulled, validatePulledDoc } from './validate-pulled';

const CONTEXT = { today: '2025-03-20', builtinIds: new Set(['gentle-start']) };
const AT = '2025-03-14T09:00:00.000Z';

/** A document as the server sends it: with a revision, as plain JSON. */
function pulled<T extends object>(doc: T, rev = '1-a'): Record<string, unknown> {
	return JSON.parse(JSON.stringify({ ...doc, _rev: rev })) as Record<string, unknown>;
}

function problemsOf(input: unknown): string[] {
	const result = validatePulledDoc(input, CONTEXT);
	return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('good documents pass and come back clean', () => {
	it('each kind', () => {
		const docs = [
			pulled(sessionToDoc(makeSessionRecord(), AT)),
			pulled(routineToDoc({ program: makeStoredProgram(), importedAt: AT }, AT)),
			pulled(checkToDoc({ day: '2025-03-14', pain: 2 }, AT)),
			...settingsToDocs(
				{ language: 'de', follows: { mine: { since: '2025-03-01' } }, lastBackupAt: AT },
				{},
				AT
			).map((doc) => pulled(doc)),
			{ _id: 'session:gone', _rev: '2-b', _deleted: true, type: 'session', deletedAt: AT },
			{ _id: 'check:2025-03-01', _rev: '2-b', _deleted: true }
		];
		const result = validatePulled(docs, CONTEXT);
		expect(result.skipped).toEqual([]);
		expect(result.docs).toHaveLength(docs.length);
		expect(result.docs.slice(0, -2)).toEqual(docs.slice(0, -2));
		expect(result.docs.at(-1)).toEqual({
			_id: 'check:2025-03-01',
			_rev: '2-b',
			_deleted: true,
			type: 'check'
		});
	});

	it('times are normalised to the UTC form', () => {
		const doc = pulled(checkToDoc({ day: '2025-03-14', pain: 2 }, AT));
		doc.updatedAt = '2025-03-14T10:00:00+01:00';
		const result = validatePulledDoc(doc, CONTEXT);
		expect(result.ok && 'updatedAt' in result.value && result.value.updatedAt).toBe(AT);
	});

	it('design documents are passed over silently', () => {
		expect(validatePulled([{ _id: '_design/readonly', _rev: '1-a' }], CONTEXT)).toEqual({
			docs: [],
			skipped: []
		});
	});
});

describe('bad documents are skipped with their id and JSON paths', () => {
	it('a session the backup validator refuses, reported under session', () => {
		const doc = pulled(sessionToDoc(makeSessionRecord({ id: 's1' }), AT));
		(doc.session as Record<string, unknown>).painAfter = 11;
		(doc.session as { exercises: Record<string, unknown>[] }).exercises[0]!.seconds = -1;
		const result = validatePulled([doc], CONTEXT);
		expect(result.docs).toEqual([]);
		expect(result.skipped).toEqual([
			{
				id: 'session:s1',
				problem:
					'session.exercises[0].seconds: must be a number from 0 to 604800 (and 1 more problem)',
				problems: [
					{ path: 'session.exercises[0].seconds', message: 'must be a number from 0 to 604800' },
					{ path: 'session.painAfter', message: 'must be a whole number from 0 to 10' }
				]
			}
		]);
	});

	it('a routine that fails the program validator or takes a built-in id', () => {
		const bad = pulled(routineToDoc({ program: makeStoredProgram(), importedAt: AT }, AT));
		(bad.routine as { program: Record<string, unknown> }).program.title = '';
		expect(problemsOf(bad)[0]).toMatch(/^routine\.program\.title: /);
		const builtin = pulled(
			routineToDoc({ program: makeStoredProgram('gentle-start'), importedAt: AT }, AT)
		);
		expect(problemsOf(builtin)).toEqual([
			expect.stringMatching(/^routine\.program\.id: .*built-in program/)
		]);
	});

	it('a morning check from a later day, or whose day is not its id', () => {
		const future = pulled(checkToDoc({ day: '2025-03-21', pain: 2 }, AT));
		expect(problemsOf(future)).toEqual([expect.stringMatching(/^check\.day: is after today/)]);
		const moved = pulled(checkToDoc({ day: '2025-03-14', pain: 2 }, AT));
		moved._id = 'check:2025-03-15';
		expect(problemsOf(moved)).toEqual(['check.day: does not match the document id']);
	});

	it('settings: a bad value, a setting of another group, a device-only one, no time', () => {
		const doc = pulled(settingsToDocs({ language: 'de' }, {}, AT)[0]!);
		doc.values = { language: 'xx', beeps: true, persistRequested: true, textSize: 'large' };
		doc.changedAt = { language: AT, beeps: AT, persistRequested: AT };
		expect(problemsOf(doc)).toEqual([
			expect.stringMatching(/^values\.language: must be one of/),
			'values.beeps: is not a setting of the group "display"',
			'values.persistRequested: is not a setting of the group "display"',
			'changedAt.beeps: is not a setting of the group "display"',
			'changedAt.persistRequested: is not a setting of the group "display"',
			'changedAt.textSize: is required (when it was set)'
		]);
		const unknownGroup = pulled({ ...doc, _id: 'settings:other' });
		expect(problemsOf(unknownGroup)).toEqual(['_id: "other" is not a group of settings']);
	});

	it('envelopes: unknown fields, wrong type, bad times, foreign ids, ids that disagree', () => {
		const doc = pulled(sessionToDoc(makeSessionRecord({ id: 's1' }), AT));
		expect(problemsOf({ ...doc, extra: 1 })).toEqual(['extra: is not a known field']);
		expect(problemsOf({ ...doc, type: 'routine' })).toEqual([
			'type: must be "session", as the id says'
		]);
		expect(problemsOf({ ...doc, updatedAt: 'yesterday' })[0]).toMatch(/^updatedAt: must be a date/);
		expect(problemsOf({ ...doc, answeredAt: { mood: AT } })).toEqual([
			'answeredAt.mood: is not an answer of a session'
		]);
		expect(problemsOf({ ...doc, _id: 'session:s2' })).toEqual([
			'session.id: does not match the document id'
		]);
		expect(problemsOf({ ...doc, _id: 'photo:1' })[0]).toMatch(/^_id: is not the id of a Limber/);
		const { _rev: _ignored, ...unrevised } = doc;
		expect(problemsOf(unrevised)).toEqual(['_rev: is required']);
		expect(problemsOf('text')).toEqual(['(root): must be an object (a CouchDB document)']);
		const proto = JSON.parse(`{"_id":"check:2025-03-14","__proto__":{"x":1}}`) as unknown;
		expect(problemsOf(proto)[0]).toMatch(/^__proto__/);
	});

	it('a deletion with other fields or a type that is not its id’s', () => {
		const gone = { _id: 'session:a', _rev: '2-b', _deleted: true };
		expect(problemsOf({ ...gone, session: {} })).toEqual(['session: is not a known field']);
		expect(problemsOf({ ...gone, type: 'check' })).toEqual([
			'type: must be "session", as the id says'
		]);
	});

	it('good and bad in one batch: only the bad one is skipped', () => {
		const good = pulled(checkToDoc({ day: '2025-03-14', pain: 2 }, AT));
		const bad = { ...good, _id: 'check:2025-03-13' };
		const result = validatePulled([bad, good], CONTEXT);
		expect(result.docs.map((doc) => doc._id)).toEqual(['check:2025-03-14']);
		expect(result.skipped.map((skip) => skip.id)).toEqual(['check:2025-03-13']);
	});
});

describe('documents this app makes', () => {
	it('pass: a realistic history of 2,000 sessions, in reasonable time', () => {
		const sessions = generateSessions(2000, new Date('2024-01-01T00:00:00'));
		const docs = sessions.map((session) => pulled(sessionToDoc(session, session.endedAt)));
		const started = performance.now();
		const result = validatePulled(docs, { ...CONTEXT, today: '2030-01-01' });
		const ms = performance.now() - started;
		expect(result.skipped).toEqual([]);
		expect(result.docs).toHaveLength(2000);
		// About a millisecond per document at most, even on a slow test machine.
		expect(ms).toBeLessThan(2000);
	});
});

describe('rebase', () => {
	it('moves paths under another field', () => {
		expect(rebase('sessions[0].note', 'sessions[0]', 'session')).toBe('session.note');
		expect(rebase('sessions[0]', 'sessions[0]', 'session')).toBe('session');
		expect(rebase('settings.morningPain[0].day', 'settings.morningPain[0]', 'check')).toBe(
			'check.day'
		);
		expect(rebase('settings["a b"]', 'settings', 'values')).toBe('values["a b"]');
		expect(rebase('(root)', 'sessions[0]', 'session')).toBe('(root)');
	});
});
