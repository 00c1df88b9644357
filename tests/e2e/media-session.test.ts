// The silent loop that routes headset, keyboard and lock-screen buttons to the player
// (docs/cues.md, "The silent loop"): only when the person turns on "Headset and lock-screen
// buttons" in Settings (it stops other apps' music); then a minute of silence made in the page as
// a blob: URL, which the content security policy lets it play, looping while the session plays
// and paused with it.
import { expect, test, type Page } from '@playwright/test';
import { dismissFirstVisit, programCard, startProgram } from './helpers/app';
import { endSession } from './helpers/screens';

/** What the page's silent <audio> is doing (the last media element the page asked to play). */
function silentLoop(page: Page) {
	return page.evaluate(() => {
		const audio = (window as { limberPlayed?: HTMLMediaElement }).limberPlayed;
		if (!audio) return null;
		return {
			scheme: new URL(audio.src).protocol,
			loop: audio.loop,
			playing: !audio.paused,
			seconds: Math.round(audio.duration),
			error: audio.error?.code ?? null
		};
	});
}

/** Keeps the media element the app plays (it is not in the document) and any policy refusal. */
async function watchMedia(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const play = HTMLMediaElement.prototype.play;
		HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
			(window as { limberPlayed?: HTMLMediaElement }).limberPlayed = this;
			return play.call(this);
		};
		document.addEventListener('securitypolicyviolation', (event) => {
			const refused = ((window as { limberRefused?: string[] }).limberRefused ??= []);
			refused.push(`${event.effectiveDirective} ${event.blockedURI}`);
		});
	});
}

/** Turns the media buttons on in Settings, as a person does, and waits until it is stored. */
async function turnOnMediaButtons(page: Page): Promise<void> {
	await page.goto('/settings/');
	const box = page.getByRole('checkbox', { name: 'Headset and lock-screen buttons' });
	await expect(box).not.toBeChecked();
	await expect(box).toHaveAccessibleDescription(/music from other apps may stop/);
	// A tap before the page is live is lost: tick until the stored setting outlasts a reload.
	await expect(async () => {
		if (!(await box.isChecked())) await box.check();
		await page.reload();
		await expect(box).toBeChecked({ timeout: 2_000 });
	}).toPass();
}

test('by default a session asks no media element to play', async ({ page }) => {
	await watchMedia(page);
	await dismissFirstVisit(page);
	await startProgram(page, 'gentle-relief');
	// The session runs (its countdown moves) and the page has asked no media element to play.
	const timer = page.getByRole('timer');
	const shown = await timer.textContent();
	await expect(timer).not.toHaveText(shown ?? '', { timeout: 5_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	expect(await silentLoop(page)).toBeNull();
});

test('with the media buttons on, the silent loop plays a minute of silence from a blob: URL while the session plays', async ({
	page
}) => {
	await watchMedia(page);
	await dismissFirstVisit(page);
	await turnOnMediaButtons(page);
	await startProgram(page, 'gentle-relief');

	await expect
		.poll(() => silentLoop(page))
		.toEqual({ scheme: 'blob:', loop: true, playing: true, seconds: 60, error: null });
	// It really plays: its time moves on.
	const at = await page.evaluate(
		() => (window as { limberPlayed?: HTMLMediaElement }).limberPlayed!.currentTime
	);
	await expect
		.poll(() =>
			page.evaluate(() => (window as { limberPlayed?: HTMLMediaElement }).limberPlayed!.currentTime)
		)
		.toBeGreaterThan(at);

	await page.getByRole('button', { name: 'Pause' }).click();
	await expect.poll(async () => (await silentLoop(page))?.playing).toBe(false);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(async () => (await silentLoop(page))?.playing).toBe(true);

	// A second session in the same page (links only, no new page) plays the same loop again.
	const first = await page.evaluate(
		() => (window as { limberPlayed?: HTMLMediaElement }).limberPlayed!.src
	);
	await page.evaluate(() => ((window as { limberSamePage?: boolean }).limberSamePage = true));
	await endSession(page);
	await page.getByRole('link', { name: 'Back to programs' }).click();
	await programCard(page, 'Gentle relief').getByRole('link').first().click();
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	// The red-flag check, if it is asked again today.
	const none = page.getByRole('button', { name: 'None of these apply' });
	const end = page.getByRole('button', { name: 'End session' });
	await expect(none.or(end)).toBeVisible();
	if (await none.isVisible()) await none.click();
	await expect(end).toBeVisible();
	expect(await page.evaluate(() => (window as { limberSamePage?: boolean }).limberSamePage)).toBe(
		true
	);
	await expect
		.poll(() => silentLoop(page))
		.toEqual({ scheme: 'blob:', loop: true, playing: true, seconds: 60, error: null });
	expect(
		await page.evaluate(() => (window as { limberPlayed?: HTMLMediaElement }).limberPlayed!.src)
	).toBe(first);

	expect(await page.evaluate(() => (window as { limberRefused?: string[] }).limberRefused)).toBe(
		undefined
	);
});
