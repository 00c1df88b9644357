// Brings a fresh page to each screen of the app, through the app's own UI (no shortcuts into
// its state), for the quality gates: accessibility, CSP and same-origin checks run on each.
// Time: call installClock before the first navigation; the player screens then hold the fake
// clock still and move it on purpose, so what they show is the same on every run.
import { deflateRawSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

/** A morning in spring, local time: the day's first visit (disclaimer, red-flag check). */
export const START_TIME = new Date('2026-03-10T08:30:00');

/** The built-in program the player screens use: a short one with paced, self-paced and rest steps. */
export const PLAY_PROGRAM = 'desk-break';

/**
 * Desk break, step by step (seconds from Start): get ready 0–5, standing cat stretch (6 paced
 * reps of 4 + 4 s) 5–53, rest 53–63, get ready 63–68, then self-paced pelvic tilts.
 */
export const DESK_BREAK = { prepare: 5, firstExerciseEnds: 53, selfPacedFrom: 68 } as const;

/** Installs the fake clock at START_TIME (call before the first goto of the test). */
export async function installClock(page: Page, time: Date = START_TIME): Promise<void> {
	await page.clock.install({ time });
}

/**
 * Waits until SvelteKit has hydrated the page (a click before that would be lost): its root
 * component adds the route announcer (#svelte-announcer) once it is mounted, after the page's
 * own components.
 */
export async function waitForApp(page: Page): Promise<void> {
	await page.locator('#svelte-announcer').waitFor({ state: 'attached' });
}

/** Opens the library; the first visit of the day shows the disclaimer card. */
export async function openLibrary(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
	await waitForApp(page);
}

/** Opens the library and waits for the one-time disclaimer card ("OK, got it"). */
export async function openLibraryWithDisclaimer(page: Page): Promise<void> {
	await openLibrary(page);
	await expect(page.getByRole('button', { name: 'OK, got it' })).toBeVisible();
}

/** Opens a program's page. */
export async function openProgram(page: Page, id: string = PLAY_PROGRAM): Promise<void> {
	await page.goto(`/programs/${id}/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await waitForApp(page);
}

/** On a program page: taps Start and waits for the day's red-flag checklist. */
export async function openRedFlagCheck(page: Page, id: string = PLAY_PROGRAM): Promise<void> {
	await openProgram(page, id);
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByRole('button', { name: 'None of these apply' })).toBeVisible();
}

/**
 * Starts a session from the program page (answering the red-flag check) and waits for the timer.
 * With `hold`, the fake clock stands still from just before the tap, so the session starts at a
 * known moment and moves only when the test moves the clock.
 */
export async function startSession(
	page: Page,
	{ id = PLAY_PROGRAM, hold = false }: { id?: string; hold?: boolean } = {}
): Promise<void> {
	await openRedFlagCheck(page, id);
	if (hold) await holdClock(page);
	await page.getByRole('button', { name: 'None of these apply' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
}

/** Milliseconds on the page's clock (the fake one when installed). */
export async function pageNow(page: Page): Promise<number> {
	return page.evaluate(() => Date.now());
}

/** Stops the fake clock where it is (a moment ahead), so the screen holds still. */
export async function holdClock(page: Page): Promise<void> {
	// pauseAt refuses a time the running clock has already passed: on a busy machine the
	// moment read may be gone by then, so read it again and retry.
	for (let attempt = 1; ; attempt++) {
		try {
			await page.clock.pauseAt((await pageNow(page)) + 250 * attempt);
			return;
		} catch (error) {
			if (attempt >= 4 || !String(error).includes('to the past')) throw error;
		}
	}
}

/**
 * Starts desk break with the clock held still, then jumps into its first rest (between the
 * first and second exercise).
 */
export async function reachRest(page: Page): Promise<void> {
	await startSession(page, { hold: true });
	// Land in the middle of the 10 s rest.
	await page.clock.fastForward((DESK_BREAK.firstExerciseEnds + 5) * 1000);
	await expect(page.locator('.step-label')).toHaveText('Rest');
}

/** Ends the playing session early through "End session" and its confirmation. */
export async function endSession(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'End session' }).click();
	const dialog = page.getByRole('alertdialog', { name: 'End this session now?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'End session' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
}

/** Plays a short session (ended early), rates pain after and saves it. */
export async function recordSession(page: Page, painAfter = 2): Promise<void> {
	await startSession(page);
	await endSession(page);
	await page
		.getByRole('group', { name: 'Pain now' })
		.getByRole('radio', { name: String(painAfter), exact: true })
		.check();
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved with your answers' })
	).toBeVisible();
}

/** Opens History after one session was recorded (so every part of it is on screen). */
export async function openHistoryWithSession(page: Page): Promise<void> {
	await recordSession(page);
	await page.goto('/history/');
	await expect(page.getByRole('heading', { level: 2, name: 'Streak' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(1);
	await waitForApp(page);
}

/** Opens the clinician report after one session was recorded. */
export async function openReportWithSession(page: Page): Promise<void> {
	await recordSession(page);
	await page.goto('/report/');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Sessions', exact: true })
	).toBeVisible();
	await waitForApp(page);
}

/** Opens Settings, loaded from storage. */
export async function openSettings(page: Page): Promise<void> {
	await page.goto('/settings/');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await waitForApp(page);
	await expect(page.getByTestId('storage-usage')).not.toHaveText(/Checking/);
}

/** A program text that parses as JSON but breaks several rules of the format. */
export const INVALID_PROGRAM_TEXT = JSON.stringify({
	format: 1,
	id: 'Not An Id',
	version: 1,
	title: '',
	exercises: []
});

/** Opens Import and checks an invalid program, so the list of problems is on screen. */
export async function openImportWithErrors(page: Page): Promise<void> {
	await page.goto('/import/');
	await expect(page.getByRole('heading', { level: 1, name: 'Import a program' })).toBeVisible();
	await waitForApp(page);
	await page.getByLabel('Program text (JSON)').fill(INVALID_PROGRAM_TEXT);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('alert').getByRole('listitem').first()).toBeVisible();
}

/** A routine small enough for a QR code: one exercise, held. */
export const SMALL_PROGRAM = {
	format: 1,
	id: 'two-tilts',
	title: 'Two tilts',
	exercises: [
		{ id: 'tilt', name: 'Pelvic tilt', instructions: ['Lie down and tilt.'], hold: 5, reps: 2 }
	]
};

/** The builder with two exercises, a phrase read and the preview's timeline open. */
export async function openBuilderWithRoutine(page: Page): Promise<void> {
	await page.goto('/builder/');
	await page.getByLabel('Name', { exact: true }).first().fill('My back routine');
	const cards = page.getByRole('region', { name: /^Exercises/ }).getByRole('article');
	// A tap before the page is live adds nothing: add again until the card is there (never twice).
	for (const [search, name] of [
		['cat', 'Cat stretch'],
		['pelvic', 'Pelvic tilts']
	] as const) {
		const before = await cards.count();
		await expect(async () => {
			if ((await cards.count()) === before) {
				await page.getByLabel('Search the exercises').fill(search);
				await page
					.getByRole('button', { name: `Add ${name}`, exact: true })
					.click({ timeout: 2_000 });
			}
			await expect(cards).toHaveCount(before + 1, { timeout: 2_000 });
		}).toPass({ timeout: 30_000 });
	}
	const tilts = page.getByRole('region', { name: 'Exercises' }).getByRole('article').nth(1);
	await tilts.getByLabel('Type what your physio said').fill('hold 10 s, 10 times, twice daily');
	await tilts.getByRole('button', { name: 'Read it' }).click();
	await expect(tilts.getByText('It understood:')).toBeVisible();
	await page.getByText(/^What plays when/).click();
	await expect(page.getByTestId('builder-timeline')).toBeVisible();
}

/** A new routine: nothing in it yet, so the problems the validator finds are listed. */
export async function openEmptyBuilder(page: Page): Promise<void> {
	await page.goto('/builder/');
	await expect(page.getByRole('heading', { name: /things to fix/ })).toBeVisible();
}

/** A routine's share panel with its QR code. */
export async function openShareWithQr(page: Page): Promise<void> {
	await page.goto('/import/');
	await waitForApp(page);
	await page.getByLabel('Program text (JSON)').fill(JSON.stringify(SMALL_PROGRAM));
	await page.getByRole('button', { name: 'Check and import' }).click();
	await page.getByRole('link', { name: `Open ${SMALL_PROGRAM.title}` }).click();
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await page.getByRole('button', { name: 'Show QR code' }).click();
	await expect(page.getByRole('img', { name: /^QR code/ })).toBeVisible();
}

/** A share link opened on the Import page: the program's preview with "Add to my programs". */
export async function openShareLinkPreview(page: Page): Promise<void> {
	const data = deflateRawSync(Buffer.from(JSON.stringify(SMALL_PROGRAM))).toString('base64url');
	await page.goto(`/import/#p=1.${data}`);
	await expect(page.getByRole('button', { name: 'Add to my programs' })).toBeVisible();
}

/** One screen of the app and how a fresh page gets there (after installClock). */
export interface Screen {
	name: string;
	reach(page: Page): Promise<void>;
}

/** Every screen the quality gates look at. */
export const SCREENS: Screen[] = [
	{ name: 'library', reach: openLibraryWithDisclaimer },
	{ name: 'program page', reach: (page) => openProgram(page, 'gentle-relief') },
	{ name: 'red-flag check', reach: (page) => openRedFlagCheck(page) },
	{ name: 'import with errors', reach: openImportWithErrors },
	{
		name: 'player, playing',
		reach: async (page) => {
			await startSession(page, { hold: true });
			await page.clock.fastForward((DESK_BREAK.prepare + 1) * 1000);
			await expect(page.locator('.step-label')).toHaveText('Move');
		}
	},
	{ name: 'player, resting', reach: reachRest },
	{
		name: 'player, own pace',
		reach: async (page) => {
			await reachRest(page);
			await page.clock.fastForward(
				(DESK_BREAK.selfPacedFrom + 1 - (DESK_BREAK.firstExerciseEnds + 5)) * 1000
			);
			await expect(page.getByRole('button', { name: 'Rep done' })).toBeVisible();
		}
	},
	{
		name: 'player, asking to end',
		reach: async (page) => {
			await startSession(page);
			await page.getByRole('button', { name: 'End session' }).click();
			await expect(page.getByRole('alertdialog')).toBeVisible();
		}
	},
	{
		name: 'session complete',
		reach: async (page) => {
			await startSession(page);
			await endSession(page);
		}
	},
	{ name: 'history with a session', reach: openHistoryWithSession },
	{ name: 'settings', reach: openSettings },
	{ name: 'report with a session', reach: openReportWithSession },
	{ name: 'builder, new routine', reach: openEmptyBuilder },
	{ name: 'builder, with a routine', reach: openBuilderWithRoutine },
	{ name: 'share with a QR code', reach: openShareWithQr },
	{ name: 'share link preview', reach: openShareLinkPreview }
];
