// History and the clinician report in a German browser: the headings, a session line with its
// date written the German way, the calendar, the pain summary and the report's tables in German;
// no axe violations on either page. The sessions come from a backup restored through History's
// own (German) import button. See docs/i18n.md, "History, report and CSV".
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FOUR_SESSIONS_BACKUP, TIME_ZONE, startClock } from './helpers/history';

test.use({ timezoneId: TIME_ZONE, locale: 'de-DE' });

// Wednesday 11 June 2025, 18:00 in Berlin.
const WEDNESDAY_EVENING = '2025-06-11T18:00:00+02:00';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens History once it speaks German, and restores the four-session backup there. */
async function germanHistoryWithSessions(page: Page): Promise<void> {
	await startClock(page, WEDNESDAY_EVENING);
	await page.goto('/history/');
	await expect(page.getByRole('heading', { level: 1, name: 'Verlauf' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Export und Sicherung' })).toBeVisible();
	await page.getByLabel('Sicherungsdatei', { exact: true }).setInputFiles(FOUR_SESSIONS_BACKUP);
	await expect(
		page.getByRole('status').filter({
			hasText: 'Sicherung wiederhergestellt: 4 Trainings hinzugefügt, 0 bereits vorhanden.'
		})
	).toHaveCount(1);
}

test('History speaks German: headings, a session with its German date, calendar and pain', async ({
	page
}) => {
	await germanHistoryWithSessions(page);
	await expect(page).toHaveTitle('Verlauf · Limber');
	await expect(
		page.locator('[lang="de"]').getByRole('heading', { level: 1, name: 'Verlauf' })
	).toBeVisible();
	for (const name of ['Serie', 'Diese Woche', 'Kalender', 'Schmerz in den letzten 4 Wochen']) {
		await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
	}
	const sessions = page.getByRole('region', { name: 'Trainings' }).getByRole('listitem');
	await expect(sessions).toHaveCount(4);
	// Tuesday 10 June 07:45 in Berlin, the newest session, first.
	const latest = sessions.first();
	await expect(latest.getByText('Di., 10. Juni 2025, 07:45', { exact: true })).toBeVisible();
	await expect(latest.getByRole('term')).toHaveText([
		'Dauer',
		'Ergebnis',
		'Schmerz vorher → nachher',
		'Anstrengung'
	]);
	await expect(latest.getByRole('definition')).toHaveText([
		/\d/,
		'Abgeschlossen',
		'4 → 3',
		'Genau richtig'
	]);
	await expect(
		latest.getByRole('button', {
			name: /^Löschen – Training „Quick check“ vom Di\., 10\. Juni 2025, 07:45$/
		})
	).toBeVisible();

	const streak = page.getByRole('region', { name: 'Serie' });
	await expect(streak.getByText('Bestwert: 1 Tag')).toBeVisible();
	const week = page.getByRole('region', { name: 'Diese Woche' });
	await expect(week.getByText('1 von 3 Trainings diese Woche', { exact: true })).toBeVisible();

	const calendar = page.getByRole('region', { name: 'Kalender' }).getByRole('table');
	await expect(calendar).toHaveAccessibleName('Juni 2025');
	await expect(calendar.getByRole('columnheader')).toHaveText([
		'Mo',
		'Di',
		'Mi',
		'Do',
		'Fr',
		'Sa',
		'So'
	]);
	await expect(
		calendar.getByRole('cell', { name: 'Dienstag, 10. Juni: 1 Training', exact: true })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Vorheriger Monat' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Schmerz in den letzten 4 Wochen' }).locator('figcaption')
	).toContainText('In den letzten 4 Wochen lag der Schmerz vor dem Training im Durchschnitt bei');
	await expect(page.getByRole('button', { name: 'Trainings exportieren (CSV)' })).toBeEnabled();

	const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('the CSV from a German History has a German header row and the same cells', async ({
	page
}) => {
	await germanHistoryWithSessions(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Trainings exportieren (CSV)' }).click()
	]);
	const stream = await download.createReadStream();
	let text = '';
	for await (const chunk of stream) text += chunk.toString();
	const [header, first] = text.split('\r\n');
	expect(header).toMatch(/^Datum,Startzeit,Programm,Programmversion,Stufe,Training,/);
	expect(first).toMatch(/^2025-05-28,12:15,Desk break,/);
	await expect(page.getByRole('status').filter({ hasText: 'CSV-Datei gespeichert.' })).toHaveCount(
		1
	);
});

test('the report speaks German: headings, tables and dates', async ({ page }) => {
	await germanHistoryWithSessions(page);
	await page.getByRole('link', { name: 'Bericht für Ihre Behandlung' }).click();
	await expect(page).toHaveURL(/\/report\/$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Übungsbericht: die letzten 4 Wochen' })
	).toBeVisible();
	await expect(page).toHaveTitle('Bericht für Ihre Behandlung · Limber');
	await expect(page.locator('.report')).toHaveAttribute('lang', 'de');
	await expect(
		page.getByText(/^15\. Mai – 11\. Juni\. 4 Trainings erfasst\. Aktuelle Serie: \d+ Tage?\.$/)
	).toBeVisible();
	for (const name of [
		'Befolgte Programme',
		'Einhaltung pro Woche',
		'Schmerz (0–10) vor und nach dem Training',
		'Schmerz am Morgen',
		'Trainings'
	]) {
		await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
	}
	await expect(page.getByRole('region', { name: 'Quick check' })).toContainText(
		'Verordnet: einmal täglich, 3 Tage pro Woche; befolgt seit 2. Juni.'
	);
	const weeks = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Verordnet' }) });
	await expect(weeks.getByRole('columnheader')).toHaveText([
		'Woche',
		'Programm',
		'Gemacht',
		'Verordnet'
	]);
	await expect(weeks.getByRole('row').nth(1)).toHaveText('19. Mai – 25. MaiKein Programm befolgt');
	const sessions = page.getByRole('region', { name: 'Tabelle der Trainings' });
	await expect(sessions.getByRole('columnheader')).toHaveText([
		'Wann',
		'Programm',
		'Dauer',
		'Ergebnis',
		'Nicht gemacht',
		'Schmerz vorher → nachher',
		'Anstrengung',
		'Notiz'
	]);
	await expect(sessions.getByRole('cell', { name: '10. Juni, 07:45' })).toBeVisible();
	await expect(sessions.getByText('Short march: übersprungen (Schmerzen)')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();

	const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
});
