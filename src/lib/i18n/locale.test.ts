import { describe, expect, it } from 'vitest';
import {
	isLocale,
	LANGUAGE_NAMES,
	LOCALES,
	localeOf,
	playerLocale,
	preferredLocale,
	resolveLocale
} from './locale';

describe('locales', () => {
	it('are English, German, Spanish and French, each named in itself', () => {
		expect(LOCALES).toEqual(['en', 'de', 'es', 'fr']);
		expect(LOCALES.map((l) => LANGUAGE_NAMES[l])).toEqual([
			'English',
			'Deutsch',
			'Español',
			'Français'
		]);
		expect(isLocale('de')).toBe(true);
		expect(isLocale('pt')).toBe(false);
	});

	it('reads a tag by its language', () => {
		expect(localeOf('de-AT')).toBe('de');
		expect(localeOf('ES')).toBe('es');
		expect(localeOf('fr_CA')).toBe('fr');
		expect(localeOf('pt-BR')).toBeNull();
		expect(localeOf(undefined)).toBeNull();
	});

	it('takes the first preferred language Limber speaks, else English', () => {
		expect(preferredLocale(['pt-BR', 'es-MX', 'en'])).toBe('es');
		expect(preferredLocale(['ja'])).toBe('en');
		expect(preferredLocale([])).toBe('en');
		expect(resolveLocale('auto', ['de-DE'])).toBe('de');
		expect(resolveLocale('fr', ['de-DE'])).toBe('fr');
	});

	it('plays a routine in its own language when Limber speaks it, else the interface’s', () => {
		expect(playerLocale('de', 'en')).toBe('de');
		expect(playerLocale('en', 'de')).toBe('en');
		expect(playerLocale('pt-BR', 'fr')).toBe('fr');
	});
});
