// Languages end to end: a browser whose preferred language is German gets the built-in routines
// in German (the routine's page and the player's words from the routine), marked with `lang`;
// choosing Español in Settings changes them at once and survives a reload; "Automatic" follows
// the browser again. The library's first-load words come from messages/shell (docs/i18n.md).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readSetting } from './helpers/idb';
import { START } from './helpers/app';

test.use({ locale: 'de-DE' });

/** The routine page's heading once the page has followed the language setting. */
async function routineHeading(page: Page, title: string) {
	await page.goto('/programs/gentle-relief/');
	const heading = page.getByRole('heading', { level: 1, name: title });
	await expect(heading).toBeVisible();
	return heading;
}

test('a German browser gets the routines in German; Español in Settings changes them and stays', async ({
	page
}) => {
	const heading = await routineHeading(page, 'Sanfte Linderung');
	// The page is German (<html lang>), so the routine's German words need no `lang` of their own.
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(heading).not.toHaveAttribute('lang', /./);
	await expect(
		page.getByText(
			'Hören Sie auf, wenn Sie einen stechenden Schmerz spüren oder wenn Schmerzen, Kribbeln oder Taubheitsgefühl ins Bein ausstrahlen.'
		)
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: '1. Langsames Atmen' })).toBeVisible();

	// The day's checklist asks in German; then the player shows the routine's words in German
	// too (get ready: the starting position).
	const start = page.getByRole('button', { name: START });
	const none = page.getByRole('button', { name: 'Nichts davon trifft zu' });
	await expect(async () => {
		if (await start.isVisible()) await start.click();
		await expect(none).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await none.click();
	await expect(page).toHaveURL(/\/play\/\?program=gentle-relief$/);
	await expect(
		page.getByText('Rückenlage, Knie gebeugt, Hand auf dem Bauch').first()
	).toBeVisible();
	// …and its own words in German: the step, the controls, marked with the player's language.
	await expect(page.locator('.step-label')).toHaveText('Bereit machen');
	await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Überspringen' })).toBeVisible();
	await expect(page.locator('.in-locale')).toHaveAttribute('lang', 'de');

	// Settings: the language section speaks German, names each language in itself.
	await page.goto('/settings/');
	const section = page.getByRole('region', { name: 'Sprache' });
	await expect(section).toHaveAttribute('lang', 'de');
	await expect(
		section.getByRole('radio', { name: 'Automatisch (Sprache dieses Browsers: Deutsch)' })
	).toBeChecked();
	for (const name of ['English', 'Deutsch', 'Español', 'Français']) {
		await expect(section.getByRole('radio', { name, exact: true })).toBeVisible();
	}
	await section.getByRole('radio', { name: 'Español', exact: true }).check();
	// The section itself changes at once.
	await expect(page.getByRole('region', { name: 'Idioma' })).toBeVisible();
	await expect.poll(() => readSetting(page, 'language')).toBe('es');

	await routineHeading(page, 'Alivio suave');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Alivio suave' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');

	// English is English again, with no `lang` of its own (the page's is English).
	await page.goto('/settings/');
	await page
		.getByRole('region', { name: 'Idioma' })
		.getByRole('radio', { name: 'English', exact: true })
		.check();
	await expect.poll(() => readSetting(page, 'language')).toBe('en');
	const english = await routineHeading(page, 'Gentle relief');
	await expect(english).not.toHaveAttribute('lang', /./);
});

test('the library opens in German: its heading, the menu, the cards; <html lang> follows', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
	const menu = page.getByRole('navigation', { name: 'Hauptmenü' });
	await expect(menu.getByRole('link', { name: 'Verlauf' })).toBeVisible();
	await expect(menu.getByRole('link', { name: 'Einstellungen' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Neues Programm' })).toBeVisible();
	const card = page.getByRole('article', { name: 'Sanfte Linderung' });
	await expect(card.getByText('Häufigkeit', { exact: true })).toBeVisible();
	await expect(card.getByText(/täglich, (jeden Tag|\d Tage? pro Woche)$/)).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page).toHaveTitle('Programme · Limber');
	// Nothing stays hidden once the words have switched.
	await expect(page.locator('html')).not.toHaveClass(/i18n-wait/);
	await expect(page.getByRole('main')).toBeVisible();

	// The device remembers the language for the next load's first paint: when the page first
	// paints (before any script of the app runs), <html lang> is German already and the
	// prerendered English words are hidden.
	await expect.poll(() => page.evaluate(() => localStorage.getItem('limber-language'))).toBe('de');
	await page.addInitScript(() => {
		new PerformanceObserver((list) => {
			if (!list.getEntriesByName('first-contentful-paint')[0]) return;
			const root = document.documentElement;
			(window as unknown as { atPaint: unknown }).atPaint = {
				lang: root.lang,
				waiting: root.classList.contains('i18n-wait'),
				hydrated: !!document.getElementById('svelte-announcer')
			};
		}).observe({ type: 'paint', buffered: true });
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { atPaint?: unknown }).atPaint))
		.toEqual({ lang: 'de', waiting: true, hydrated: false });
	await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
	await expect(page.locator('html')).not.toHaveClass(/i18n-wait/);

	// A routine that is not on this device: the error page says so in German.
	await page.goto('/programs/no-such-routine/');
	await expect(page.getByRole('heading', { level: 1, name: 'Nicht gefunden' })).toBeVisible();
	await expect(
		page.getByText('Auf diesem Gerät gibt es kein Programm „no-such-routine“.')
	).toBeVisible();

	// Español in Settings: the menu changes at once, and the library after a reload too.
	await page.goto('/settings/');
	await page
		.getByRole('region', { name: 'Sprache' })
		.getByRole('radio', { name: 'Español', exact: true })
		.check();
	await expect(
		page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Historial' })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.goto('/');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Programas' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Nueva rutina' })).toBeVisible();
});

test('the translated routine page and the language section: no axe violations', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
	const onLibrary = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(onLibrary.violations.map((v) => v.id)).toEqual([]);
	await routineHeading(page, 'Sanfte Linderung');
	const onRoutine = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(onRoutine.violations.map((v) => v.id)).toEqual([]);
	await page.goto('/settings/');
	await expect(page.getByRole('region', { name: 'Sprache' })).toBeVisible();
	const onSettings = await new AxeBuilder({ page })
		.include('section[aria-labelledby="language-heading"]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(onSettings.violations.map((v) => v.id)).toEqual([]);
});

// The red-flag check before a session, in each language the browser prefers: the question, a
// sign ticked, and the emergency advice (role alert) in that language.
const RED_FLAG_CHECKS = [
	{
		locale: 'de-DE',
		question: 'Bevor Sie beginnen: Haben Sie gerade eines dieser Anzeichen?',
		sign: 'Schmerzen in der Brust',
		seeWhat: 'Was zu tun ist',
		heading: 'Holen Sie jetzt ärztliche Hilfe',
		first: 'Rufen Sie den Notruf an oder gehen Sie sofort in die nächste Notaufnahme.'
	},
	{
		locale: 'es-ES',
		question: 'Antes de empezar: ¿tiene ahora alguno de estos síntomas?',
		sign: 'Dolor en el pecho',
		seeWhat: 'Ver qué hacer',
		heading: 'Busque ayuda médica ahora',
		first: 'Llame al número de emergencias o vaya ahora al servicio de urgencias más cercano.'
	},
	{
		locale: 'fr-FR',
		question: 'Avant de commencer\u00a0: avez-vous l’un de ces signes en ce moment\u00a0?',
		sign: 'Douleur dans la poitrine',
		seeWhat: 'Voir que faire',
		heading: 'Demandez une aide médicale maintenant',
		first: 'Appelez le numéro d’urgence, ou allez maintenant aux urgences les plus proches.'
	},
	{
		locale: 'en-GB',
		question: 'Before you start: do you have any of these right now?',
		sign: 'Pain in your chest',
		seeWhat: 'See what to do',
		heading: 'Get medical help now',
		first: 'Call your emergency number, or go to the nearest emergency department now.'
	}
];

for (const check of RED_FLAG_CHECKS) {
	test.describe(`in a ${check.locale} browser`, () => {
		test.use({ locale: check.locale });

		test('the red-flag check asks, and tells an emergency what to do, in that language', async ({
			page
		}) => {
			await page.goto('/programs/gentle-relief/');
			const start = page.getByRole('button', { name: START });
			const checklist = page.getByRole('group', { name: check.question });
			await expect(async () => {
				if (await start.isVisible()) await start.click();
				await expect(checklist).toBeVisible({ timeout: 2_000 });
			}).toPass({ timeout: 30_000 });
			await checklist.getByRole('checkbox', { name: check.sign }).check();
			await page.getByRole('button', { name: check.seeWhat }).click();
			const alert = page.getByRole('alert').filter({ hasText: check.heading });
			await expect(alert.getByRole('heading', { level: 2, name: check.heading })).toBeFocused();
			await expect(alert.getByRole('listitem').first()).toHaveText(check.first);
			await expect(alert.getByRole('listitem').filter({ hasText: check.sign })).toBeVisible();
			const axe = await new AxeBuilder({ page })
				.include('section[role="alert"]')
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(axe.violations.map((v) => v.id)).toEqual([]);
		});
	});
}

for (const { locale, heading } of [
	{ locale: 'es-ES', heading: 'Programas' },
	{ locale: 'fr-FR', heading: 'Programmes' }
]) {
	test.describe(`in a ${locale} browser`, () => {
		test.use({ locale });

		test('the library and a routine page: in that language, no axe violations', async ({
			page
		}) => {
			for (const path of ['/', '/programs/gentle-relief/']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
				await expect(page.locator('html')).not.toHaveClass(/i18n-wait/);
				if (path === '/') {
					await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
				}
				const result = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(result.violations.map((v) => v.id)).toEqual([]);
			}
		});
	});
}
