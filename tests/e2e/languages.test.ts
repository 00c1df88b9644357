// Languages end to end: a browser whose preferred language is German gets the built-in routines
// in German (the routine's page and the player's words from the routine), marked with `lang`;
// choosing Español in Settings changes them at once and survives a reload; "Automatic" follows
// the browser again. (The interface's own words are still English outside the player and the
// language section: docs/i18n.md.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startProgram } from './helpers/app';
import { readSetting } from './helpers/idb';

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
	await expect(heading).toHaveAttribute('lang', 'de');
	await expect(
		page.getByText(
			'Hören Sie auf, wenn Sie einen stechenden Schmerz spüren oder wenn Schmerzen, Kribbeln oder Taubheitsgefühl ins Bein ausstrahlen.'
		)
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: '1. Langsames Atmen' })).toBeVisible();

	// The player shows the routine's words in German too (get ready: the starting position).
	await startProgram(page, 'gentle-relief');
	await expect(
		page.getByText('Rückenlage, Knie gebeugt, Hand auf dem Bauch').first()
	).toBeVisible();

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
	await expect(page.getByRole('heading', { level: 1, name: 'Alivio suave' })).toHaveAttribute(
		'lang',
		'es'
	);

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

test('the translated routine page and the language section: no axe violations', async ({
	page
}) => {
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
