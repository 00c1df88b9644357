// Storage errors' sentences in German, Spanish and French: storageErrorMessage(kind, locale) and
// storageMessage(status, locale). An error's own `message` stays English (logs, tests).
import { describe, expect, it } from 'vitest';
import type { Locale } from '$lib/i18n/locale';
import {
	StorageError,
	storageErrorMessage,
	storageProblemText,
	type StorageErrorKind
} from './errors';
import { storageMessage, type StorageStatusKind } from './storage-status.svelte';

const NBSP = '\u00a0';
const KINDS: StorageErrorKind[] = [
	'quota',
	'unavailable',
	'blocked',
	'outdated',
	'damaged',
	'unknown'
];
const TRANSLATED: Locale[] = ['de', 'es', 'fr'];

describe('storageErrorMessage', () => {
	it('is English by default, as before', () => {
		expect(storageErrorMessage('outdated')).toBe(
			'Limber was updated in another tab: reload this page.'
		);
		expect(new StorageError('quota').message).toBe(storageErrorMessage('quota', 'en'));
	});

	it('speaks each language', () => {
		expect(storageErrorMessage('outdated', 'de')).toBe(
			'Limber wurde in einem anderen Tab aktualisiert: Laden Sie diese Seite neu.'
		);
		expect(storageErrorMessage('blocked', 'es')).toBe(
			'Limber está abierto en otra pestaña con una versión anterior: cierre las demás pestañas de Limber y vuelva a intentarlo.'
		);
		expect(storageErrorMessage('quota', 'fr')).toBe(
			`Votre appareil n’a plus d’espace de stockage${NBSP}: libérez de la place (par exemple d’anciennes vidéos ou des applications que vous n’utilisez plus), puis réessayez.`
		);
	});

	it('has a translation of its own for every kind', () => {
		for (const locale of TRANSLATED) {
			const sentences = KINDS.map((kind) => storageErrorMessage(kind, locale));
			expect(new Set(sentences).size).toBe(KINDS.length);
			KINDS.forEach((kind, i) => expect(sentences[i]).not.toBe(storageErrorMessage(kind)));
			if (locale === 'fr') for (const text of sentences) expect(text).not.toMatch(/ [:;?!]/);
		}
	});
});

describe('storageProblemText', () => {
	it('translates a standard storage sentence and leaves any other text alone', () => {
		const quota = new StorageError('quota').message;
		expect(storageProblemText(quota, 'de')).toBe(storageErrorMessage('quota', 'de'));
		expect(storageProblemText(quota)).toBe(quota);
		expect(storageProblemText('This session is not stored on this device.', 'fr')).toBe(
			'This session is not stored on this device.'
		);
	});
});

describe('storageMessage', () => {
	it('gives the status sentence in a language, or null', () => {
		expect(storageMessage('failed', 'es')).toBe(
			'Algo ha fallado al guardar o leer datos en este dispositivo. Vuelva a intentarlo.'
		);
		expect(storageMessage('unavailable', 'de')).toMatch(/^In diesem Browsermodus/);
		expect(storageMessage('outdated')).toBe('Limber was updated in another tab: reload this page.');
		const quiet: StorageStatusKind[] = ['idle', 'opening', 'ready'];
		for (const kind of quiet) expect(storageMessage(kind, 'fr')).toBeNull();
	});
});
