// The builder, the Import page and sharing in French (a browser whose preferred language is
// French): their own words in French, marked with `lang`; a simple routine is still made and
// saved (written in French: its `language`), and shared; the Import page refuses a program in
// French, the checker's problems themselves in English and marked so. Axe finds nothing.
// (docs/i18n.md, "Builder, import and sharing".)
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './helpers/idb';
import type { Program } from '../../src/lib/program/types';

test.use({ locale: 'fr-FR' });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** French typography: a no-break space before a colon and inside « ». */
const NBSP = '\u00a0';

async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).include('main').withTags(TAGS).analyze();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test('the builder speaks French, and a simple routine is made, saved and shared', async ({
	page
}) => {
	await page.goto('/builder/');
	const heading = page.getByRole('heading', { level: 1, name: 'Créer un programme' });
	await expect(heading).toBeVisible();
	await expect(page.locator('main [lang="fr"]').first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Le programme' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Ajouter un exercice' })).toBeVisible();

	await page.getByLabel('Nom', { exact: true }).first().fill('Mon dos');
	const cards = page.getByRole('region', { name: 'Exercices' }).getByRole('article');
	// A tap before the page is live adds nothing: add again until the card is there (never twice).
	await expect(async () => {
		if ((await cards.count()) === 0) {
			await page.getByLabel('Chercher les exercices').fill('pelvic');
			await page
				.getByRole('button', { name: 'Ajouter Pelvic tilts', exact: true })
				.click({ timeout: 2_000 });
		}
		await expect(cards).toHaveCount(1, { timeout: 2_000 });
	}).toPass({ timeout: 30_000 });

	const tilts = cards.first();
	await expect(tilts.getByRole('heading', { level: 3 })).toHaveText('1. Pelvic tilts');
	// The dose in French words: a hold of 8 s, 6 times.
	await tilts.getByRole('radio', { name: 'Maintien' }).check();
	await tilts.getByLabel('Tenir pendant').fill('8');
	await tilts.getByLabel('Répétitions', { exact: true }).fill('6');
	await expect(tilts.getByRole('group', { name: 'Côtés' })).toBeVisible();
	await expect(page.getByText('Tapez ce que votre kinésithérapeute a dit')).toBeVisible();

	await expect(page.getByRole('heading', { level: 2, name: 'Avant d’enregistrer' })).toBeVisible();
	await expect(page.getByText(`Durée${NBSP}:`)).toBeVisible();
	await page.getByText(/^Ce qui se passe et quand/).click();
	await expect(
		page.getByTestId('builder-timeline').getByText(`Préparez-vous${NBSP}: Pelvic tilts`)
	).toBeVisible();
	await expect(
		page.getByTestId('builder-timeline').getByText(`Pelvic tilts${NBSP}: tenez, répétition 1 sur 6`)
	).toBeVisible();
	await expect(page.getByText('Brouillon gardé sur cet appareil.')).toBeVisible();

	expect(await axeViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: `«${NBSP}Mon dos${NBSP}» enregistré` })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ouvrir Mon dos' })).toBeVisible();
	const share = page.getByRole('region', { name: `Partager «${NBSP}Mon dos${NBSP}»` });
	await expect(share).toHaveAttribute('lang', 'fr');
	await expect(share.getByRole('button', { name: 'Télécharger le fichier' })).toBeVisible();
	await expect(share.getByLabel('Lien vers ce programme')).toHaveValue(/\/import\/#p=/);

	const stored = (await readStore<{ program: Program }>(page, 'programs')).map((r) => r.program);
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({ id: 'mon-dos', title: 'Mon dos', language: 'fr' });
	expect(stored[0]?.exercises.map((e) => [e.hold, e.reps])).toEqual([[8, 6]]);

	expect(await axeViolations(page)).toEqual([]);
});

test('a copy of a built-in routine is in French, as its page shows it', async ({ page }) => {
	await page.goto('/builder/?copy=gentle-relief');
	await expect(
		page.getByText(`Une copie à modifier${NBSP}: l’original reste tel quel.`)
	).toBeVisible();
	await expect(page.getByLabel('Nom', { exact: true }).first()).toHaveValue(
		'Soulagement en douceur (ma version)'
	);
	const cards = page.getByRole('region', { name: 'Exercices' }).getByRole('article');
	await expect(cards.first().getByRole('heading', { level: 3 })).toHaveText('1. Respiration lente');
});

test('the Import page speaks French and refuses a program in French, its problems in English', async ({
	page
}) => {
	await page.goto('/import/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Importer un programme' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Depuis un fichier' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Choisir un fichier' })).toBeVisible();

	const field = page.getByLabel('Texte du programme (JSON)');
	const check = page.getByRole('button', { name: 'Vérifier et importer' });
	await expect(async () => {
		await field.fill('{ "format": 1 }');
		await expect(check).toBeEnabled({ timeout: 1_000 });
	}).toPass();
	await check.click();

	const alert = page.getByRole('alert');
	await expect(alert).toHaveAttribute('lang', 'fr');
	await expect(alert.getByRole('heading')).toHaveText('Le texte collé ne peut pas être importé');
	await expect(
		alert.getByText(/problèmes ont été trouvés\. Rien n’a été enregistré\./)
	).toBeVisible();
	await expect(alert.getByRole('list')).toHaveAttribute('lang', 'en');

	expect(await axeViolations(page)).toEqual([]);
});
