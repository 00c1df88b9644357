// Helpers for the history and safety end-to-end tests: a pinned zone, locale and fake clock, a
// tiny program imported through the real import page, playing it to the end on the page's clock,
// the end-of-session form, downloads and backup files.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expectImported, importProgramText, startProgram } from './app';

/** The zone and locale the tests run in: local midnight is not UTC midnight here. */
export const TIME_ZONE = 'Europe/Berlin';
export const LOCALE = 'en-GB';

/**
 * A backup holding QUICK_PROGRAM and four sessions (Berlin time): Desk break on Wed 28 May 12:15
 * (4 exercises, pain 3 → 2); Quick check on Mon 2 June 08:30 (pain 5 → 4, a note with a comma and
 * quotes), Thu 5 June 19:00 (ended early, "Short march" skipped for pain, pain 5 → 6) and
 * Tue 10 June 07:45 (pain 4 → 3).
 */
export const FOUR_SESSIONS_BACKUP = fileURLToPath(
	new URL('../../fixtures/backups/e2e/four-sessions.json', import.meta.url)
);

/**
 * A program that plays in ten seconds: get ready 1 s, two 2-second holds, rest 1 s, get ready
 * 1 s, one 3-second bout. Three sessions a week, so one session reads "1 of 3".
 */
export const QUICK_PROGRAM = {
	format: 1,
	id: 'e2e-quick-check',
	version: 1,
	title: 'Quick check',
	schedule: { timesPerDay: 1, daysPerWeek: 3 },
	prepareSeconds: 1,
	restBetweenExercises: 1,
	exercises: [
		{
			id: 'short-hold',
			name: 'Short hold',
			instructions: ['Lie on your back with your knees bent and hold still.'],
			reps: 2,
			hold: 2
		},
		{
			id: 'short-march',
			name: 'Short march',
			instructions: ['March gently on the spot.'],
			duration: 3
		}
	]
} as const;

/** How long QUICK_PROGRAM plays, in milliseconds. */
export const QUICK_PROGRAM_MS = 10_000;

/** An instant given as local wall-clock time in TIME_ZONE (e.g. '2025-06-11T18:00:00+02:00'). */
export type Instant = string;

/** Installs the page's fake clock at `time`; it then runs on from there until told otherwise. */
export async function startClock(page: Page, time: Instant): Promise<void> {
	await page.clock.install({ time: new Date(time) });
}

/** Imports `program` through the import page (pasted as text) and waits for the confirmation. */
export async function importProgram(
	page: Page,
	program: { id: string; title: string } = QUICK_PROGRAM
): Promise<void> {
	await importProgramText(page, JSON.stringify(program, null, '\t'));
	await expectImported(page, program.title);
}

/** The daily red-flag checklist (a fieldset whose legend is the question). */
export function redFlagChecklist(page: Page): Locator {
	return page.getByRole('group', { name: 'Before you start: do you have any of these right now?' });
}

/** Picks a rating in a 0–10 pain scale (a radio group named by its legend). */
export async function ratePain(page: Page, legend: string, pain: number): Promise<void> {
	await page
		.getByRole('group', { name: legend })
		.getByRole('radio', { name: String(pain), exact: true })
		.check();
}

/**
 * Opens a program's page and presses Start until the page answers with the checklist, the
 * emergency advice or the player (a prerendered page shows Start before the app is live).
 */
export async function pressStart(page: Page, programId: string): Promise<void> {
	await page.goto(`/programs/${programId}/`);
	const start = page.getByRole('button', { name: 'Start', exact: true });
	const answered = redFlagChecklist(page).or(page.getByRole('button', { name: 'End session' }));
	await expect(async () => {
		if (await start.isVisible()) await start.click();
		await expect(answered).toBeVisible({ timeout: 2_000 });
	}).toPass();
}

/** Starts a program (answering the day's checklist if asked) and waits for the timer. */
export async function startSession(
	page: Page,
	programId: string,
	painBefore?: number
): Promise<void> {
	await startProgram(page, programId, { painBefore });
	await expect(page.getByRole('timer')).toBeVisible();
}

/** Ends the playing session early through "End session" and its confirmation. */
export async function endSession(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'End session' }).click();
	await page
		.getByRole('alertdialog', { name: 'End this session now?' })
		.getByRole('button', { name: 'End session' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
}

/** Lets the page's clock run through a whole session of `ms` and waits for the summary. */
export async function playToEnd(page: Page, ms: number): Promise<void> {
	await expect(page.getByRole('timer')).toBeVisible();
	// A little over the length: the player checks the time four times a second.
	await page.clock.runFor(ms + 1000);
	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible();
}

/** Fills in the end-of-session form and saves; resolves once the page says "Saved". */
export async function saveSummary(
	page: Page,
	answers: { painAfter?: number; effort?: string; note?: string } = {}
): Promise<void> {
	if (answers.painAfter !== undefined) await ratePain(page, 'Pain now', answers.painAfter);
	if (answers.effort) await page.getByRole('radio', { name: answers.effort, exact: true }).check();
	if (answers.note) await page.getByLabel('Note (optional)').fill(answers.note);
	await page.getByRole('button', { name: 'Save answers', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: /^Saved with your answers$/ })
	).toBeVisible();
}

/** Plays QUICK_PROGRAM (already on the device) from Start to "Saved", with the given answers. */
export async function finishQuickSession(
	page: Page,
	answers: { painBefore?: number; painAfter?: number; effort?: string; note?: string } = {}
): Promise<void> {
	await startSession(page, QUICK_PROGRAM.id, answers.painBefore);
	await playToEnd(page, QUICK_PROGRAM_MS);
	await saveSummary(page, answers);
}

/** Clicks `trigger` and returns the file it downloads, with its text. */
export async function downloadFrom(
	page: Page,
	trigger: Locator
): Promise<{ download: Download; path: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
	const path = await download.path();
	return { download, path, text: await readFile(path, 'utf8') };
}

/** The list items of the History page's Sessions section. */
export function sessionItems(page: Page): Locator {
	return page.getByRole('region', { name: 'Sessions' }).getByRole('listitem');
}

/** Waits for the History page to finish loading (its overview and sessions are shown). */
export async function historyLoaded(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Sessions' })).toBeVisible();
}

/** The visible text of every listed session, in order. */
export async function sessionTexts(page: Page): Promise<string[]> {
	await historyLoaded(page);
	return sessionItems(page).allInnerTexts();
}

/** Chooses a backup file through History's "Backup file" input (a path or a named text). */
export async function chooseBackup(
	page: Page,
	file: string | { name: string; text: string }
): Promise<void> {
	const input = page.getByLabel('Backup file', { exact: true });
	if (typeof file === 'string') await input.setInputFiles(file);
	else
		await input.setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.from(file.text)
		});
}

/** Restores a backup file on the History page and waits until the page reports it. */
export async function restoreBackup(page: Page, file: string): Promise<void> {
	await page.goto('/history/');
	await historyLoaded(page);
	await chooseBackup(page, file);
	await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toHaveCount(1);
}

/**
 * Parses CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks) into
 * rows of cells; a final line end does not make an empty row.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.startsWith('\ufeff') ? text.slice(1) : text;
	for (let i = 0; i < body.length; i++) {
		const char = body[i]!;
		if (quoted) {
			if (char === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && body[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** The value (dd) next to a term (dt) in a description list inside `scope`. */
export function definition(scope: Locator, term: string): Locator {
	return scope
		.locator('div')
		.filter({ has: scope.page().getByRole('term').filter({ hasText: term }) })
		.getByRole('definition');
}
