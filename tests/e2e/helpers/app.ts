// Shared steps for end-to-end tests that drive the app the way a person does: the library's
// first-visit note, importing a program, starting one (through the day's safety checklist), and
// the program files and timelines the tests predict the screen from.
//
// Two things learned the hard way:
// - A prerendered page is visible before the app has hydrated it; a tap or a chosen file in that
//   moment is lost. The helpers below wait for a sign that the app is live (a control that only
//   the app turns on) or repeat an idempotent tap until the app answers.
// - With page.clock paused, following a link inside the app (client-side navigation) waits for
//   the page's timers: call page.clock.resume() (or runFor) before clicking links. Programmatic
//   navigation (the Start button) and page.goto are not affected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { expandTimeline } from '../../../src/lib/program/timeline';
import { parseProgramText } from '../../../src/lib/program/validate';
import type { Timeline } from '../../../src/lib/program/timeline-types';
import type { Problem, Program } from '../../../src/lib/program/types';

/** The player's "End session" button in any of its languages (the player speaks the routine's). */
const END_SESSION = new RegExp(
	`^(${['en', 'de', 'es', 'fr']
		.map(
			(locale) =>
				(
					JSON.parse(
						readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')
					) as Record<string, string>
				).player_end_session
		)
		.join('|')})$`
);

/** The ids of the built-in programs, in library order. */
export const BUILTIN_IDS = ['gentle-relief', 'daily-core-strength', 'desk-break'] as const;

/** An absolute path to a file under tests/fixtures/ (e.g. 'programs/e2e/every-dose.json'). */
export function fixturePath(relative: string): string {
	return fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
}

/** The text of a file under tests/fixtures/. */
export function readFixture(relative: string): string {
	return readFileSync(fixturePath(relative), 'utf8');
}

/** The text of a built-in program file (programs/<id>.json). */
export function readBuiltin(id: string): string {
	return readFileSync(
		fileURLToPath(new URL(`../../../programs/${id}.json`, import.meta.url)),
		'utf8'
	);
}

/** Validates program text with the app's own validator; throws when it is not valid. */
export function programOf(text: string): Program {
	const result = parseProgramText(text);
	if (!result.ok) {
		throw new Error(`not a valid program: ${result.problems.map(describeProblem).join('; ')}`);
	}
	return result.value;
}

/** The problems the app's validator finds in program text (empty when it is valid). */
export function problemsOf(text: string): Problem[] {
	const result = parseProgramText(text);
	return result.ok ? [] : result.problems;
}

/** A problem the way the import page lists it: "<path>: <message>". */
export function describeProblem(problem: Problem): string {
	return `${problem.path}: ${problem.message}`;
}

/** The timeline the player plays for program text (the app's own expansion). */
export function timelineOf(text: string): Timeline {
	return expandTimeline(programOf(text));
}

/**
 * Opens the library (unless it is open) and clears the note shown on a fresh device, that the
 * app does not replace a clinician. Each test's context is fresh, so the note is expected.
 */
export async function dismissFirstVisit(page: Page): Promise<void> {
	const open = page.url().startsWith('http') && new URL(page.url()).pathname === '/';
	if (!open) await page.goto('/');
	const ok = page.getByRole('button', { name: 'OK, got it' });
	await ok.click();
	await expect(ok).toHaveCount(0);
}

/** The library's card for a program (built-in or imported), found by its title link. */
export function programCard(page: Page, title: string): Locator {
	return page
		.getByRole('article')
		.filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** The safety checklist's "None of these apply", in every language of the interface. */
/** The routine page's Start button in each language. */
export const START = /^(Start|Starten|Empezar|Commencer)$/;

const NONE_APPLY =
	/^(None of these apply|Nichts davon trifft zu|No tengo ninguno|Aucun de ces signes)$/;

/**
 * Opens a program's page, taps Start (with an optional pain rating before), answers the day's
 * safety checklist with "None of these apply" when it is asked, and waits for the player.
 */
export async function startProgram(
	page: Page,
	id: string,
	options: { painBefore?: number } = {}
): Promise<void> {
	await page.goto(`/programs/${id}/`);
	const start = page.getByRole('button', { name: START, exact: true });
	const none = page.getByRole('button', { name: NONE_APPLY });
	const player = page.getByRole('button', { name: END_SESSION });
	if (options.painBefore !== undefined) {
		const scale = page.getByRole('group', { name: 'Pain before you start (optional)' });
		// "Clear rating" appears once the app has taken the rating (so the page is hydrated).
		await expect(async () => {
			await scale.getByRole('radio', { name: String(options.painBefore), exact: true }).check();
			await expect(scale.getByRole('button', { name: 'Clear rating' })).toBeVisible({
				timeout: 1_000
			});
		}).toPass();
	}
	// A prerendered page shows its Start button before the app has hydrated it, and a tap then
	// does nothing: tap again until the checklist or the player answers.
	await expect(async () => {
		if (await start.isVisible()) await start.click();
		await expect(none.or(player)).toBeVisible({ timeout: 2_000 });
	}).toPass();
	if (await none.isVisible()) await none.click();
	await expect(page).toHaveURL(new RegExp(`/play/\\?program=${id}$`));
	await expect(player).toBeVisible();
}

/**
 * Waits until the import page is live (hydrated): the paste form's button turns on only when the
 * app reads the text, so a file chosen earlier could go unnoticed.
 */
async function fillProgramText(page: Page, text: string): Promise<void> {
	const field = page.getByLabel('Program text (JSON)');
	const check = page.getByRole('button', { name: 'Check and import' });
	await expect(async () => {
		await field.fill(text);
		await expect(check).toBeEnabled({ timeout: 1_000 });
	}).toPass();
}

/** Pastes program text on the import page and submits it; the caller checks the outcome. */
export async function importProgramText(page: Page, json: string): Promise<void> {
	await page.goto('/import/');
	await fillProgramText(page, json);
	await page.getByRole('button', { name: 'Check and import' }).click();
}

/** Chooses a program file on the import page (the real file input); the caller checks the outcome. */
export async function importProgramFile(page: Page, file: string): Promise<void> {
	await page.goto('/import/');
	await fillProgramText(page, '{}');
	await page.getByLabel('Program text (JSON)').fill('');
	await page.getByLabel('Program file', { exact: true }).setInputFiles(file);
}

/** Waits for the import page's success message for a program title. */
export async function expectImported(page: Page, title: string): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: `Imported “${title}”` })).toBeVisible();
}
