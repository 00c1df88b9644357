import { afterEach, describe, expect, it } from 'vitest';
import english from '../../../messages/shell/en.json';
import { fill, shellLocale, useShellLocale, word } from './shell-words.svelte';

afterEach(() => useShellLocale('en'));

describe('the first-load words', () => {
	it('are English until another language is asked for', () => {
		expect(shellLocale()).toBe('en');
		expect(word('shell_nav_history')).toBe(english.shell_nav_history);
		expect(word('shell_about_length', { length: '7 min' })).toBe('about 7 min');
	});

	it('switch language once its file has loaded', async () => {
		await useShellLocale('de');
		expect(shellLocale()).toBe('de');
		expect(word('shell_nav_history')).toBe('Verlauf');
		expect(word('shell_days_a_week_other', { count: 5 })).toBe('5 Tage pro Woche');
		await useShellLocale('fr');
		expect(word('shell_about_length', { length: '7 min' })).toBe('environ 7 min');
	});

	it('keep the last language asked for when an earlier one loads later', async () => {
		const german = useShellLocale('de');
		const spanish = useShellLocale('es');
		await Promise.all([german, spanish]);
		expect(shellLocale()).toBe('es');
		expect(word('shell_nav_settings')).toBe('Ajustes');
	});
});

describe('fill', () => {
	it('puts each parameter in its place and leaves unknown ones visible', () => {
		expect(fill('{a} of {b}', { a: 1, b: 'x' })).toBe('1 of x');
		expect(fill('{a} and {missing}', { a: 1 })).toBe('1 and {missing}');
		expect(fill('no parameters')).toBe('no parameters');
	});
});
