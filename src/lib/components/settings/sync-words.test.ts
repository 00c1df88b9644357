import { describe, expect, it } from 'vitest';
import { addressProblemText, movedText, syncErrorText } from './sync-words';

describe('movedText', () => {
	it('counts each kind that moved, joined as the language joins a list', () => {
		expect(movedText({ sessions: 12, routines: 1 }, 'en')).toBe('12 sessions and 1 routine');
		expect(movedText({ sessions: 1, settings: 2, checks: 3 }, 'en')).toBe(
			'1 session, 2 groups of settings, and 3 morning answers'
		);
		expect(movedText({ sessions: 12, routines: 1 }, 'de')).toBe('12 Einheiten und 1 Programm');
		expect(movedText({ sessions: 1200, checks: 1 }, 'es')).toBe(
			'1200 sesiones y 1 respuesta de la mañana'
		);
		expect(movedText({ routines: 2, sessions: 1 }, 'fr')).toBe('1 séance et 2 routines');
	});

	it('is empty when nothing moved', () => {
		expect(movedText({ sessions: 0, routines: 0, settings: 0, checks: 0 }, 'en')).toBe('');
		expect(movedText(undefined, 'de')).toBe('');
	});
});

describe('syncErrorText', () => {
	it('explains each kind of failure, and a storage failure for anything else', () => {
		expect(syncErrorText('unauthorized', 'en')).toMatch(/^Wrong user name or password/);
		expect(syncErrorText('unauthorized', 'de')).toMatch(/^Benutzername oder Passwort falsch/);
		expect(syncErrorText('network', 'fr')).toMatch(/injoignable/);
		expect(syncErrorText('no-database', 'es')).toMatch(/couch_peruser/);
		expect(syncErrorText('storage', 'en')).toMatch(/storage failed/);
		expect(syncErrorText('something new', 'en')).toBe(syncErrorText('storage', 'en'));
	});
});

describe('addressProblemText', () => {
	it('words every refusal of an address', () => {
		expect(addressProblemText('not-https', 'en')).toMatch(/must start with https:\/\//);
		expect(addressProblemText('not-https', 'de')).toMatch(/muss mit https:\/\/ beginnen/);
		for (const problem of [
			'required',
			'not-url',
			'not-https',
			'credentials',
			'extra',
			'host'
		] as const) {
			expect(addressProblemText(problem, 'fr')).not.toBe(addressProblemText(problem, 'en'));
		}
	});
});
