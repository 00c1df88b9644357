// The player's settings end to end (issue 18): the text size reaches the whole app (the root's
// data-text-size and --text-scale), across a reload and across tabs; the get-ready length
// replaces the routine's own for a new session, and a resumed session keeps the length it began
// with; the voice choice says plainly what this browser has.
import { expect, test, type Page } from '@playwright/test';
import { expandTimeline } from '../../src/lib/program/timeline';
import { programOf, readBuiltin } from './helpers/app';
import { readSetting } from './helpers/idb';
import { holdClock, installClock, openSettings, startSession } from './helpers/screens';

const GENTLE = programOf(readBuiltin('gentle-relief'));

/** The root element's text size and the scale app.css makes of it. */
function textSize(page: Page) {
	return page.evaluate(() => ({
		size: document.documentElement.dataset.textSize ?? null,
		scale: getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim()
	}));
}

function group(page: Page, name: string) {
	return page.getByRole('group', { name });
}

test('Largest text size applies to the root, survives a reload and reaches other tabs', async ({
	page,
	context
}) => {
	await openSettings(page);
	const sizes = group(page, 'Text size');
	await expect(sizes.getByRole('radio', { name: 'Normal', exact: true })).toBeChecked();
	await expect.poll(() => textSize(page)).toEqual({ size: 'normal', scale: '1' });

	// Another tab, open on the library.
	const other = await context.newPage();
	await other.goto('/');
	await expect.poll(() => textSize(other)).toEqual({ size: 'normal', scale: '1' });

	await sizes.getByRole('radio', { name: 'Largest' }).check();
	await expect.poll(() => textSize(page)).toEqual({ size: 'largest', scale: '1.4' });
	await expect.poll(() => textSize(other)).toEqual({ size: 'largest', scale: '1.4' });

	await page.reload();
	await expect(group(page, 'Text size').getByRole('radio', { name: 'Largest' })).toBeChecked();
	await expect.poll(() => textSize(page)).toEqual({ size: 'largest', scale: '1.4' });

	await group(page, 'Text size').getByRole('radio', { name: 'Large', exact: true }).check();
	await expect.poll(() => textSize(page)).toEqual({ size: 'large', scale: '1.2' });
	await expect.poll(() => textSize(other)).toEqual({ size: 'large', scale: '1.2' });
});

test('a 5 s get-ready replaces the routine’s 10 s; a resumed session keeps it when the setting changes', async ({
	page
}) => {
	expect(GENTLE.prepareSeconds).toBe(10);
	// Where the second exercise's get-ready starts when the session plays with 5 s.
	const steps = expandTimeline({ ...GENTLE, prepareSeconds: 5 }).steps;
	const secondPrepare = steps.find((s) => s.kind === 'prepare' && s.exerciseIndex === 1)!;
	const [first, second] = GENTLE.exercises.map((e) => e.name);

	await installClock(page);
	await openSettings(page);
	const prepare = group(page, 'Get ready before each exercise');
	await expect(prepare.getByRole('radio', { name: 'As the routine says' })).toBeChecked();
	await prepare.getByRole('radio', { name: '5 seconds', exact: true }).check();
	// Stored before the reload (a reload while the write is under way is another test's matter).
	await expect.poll(() => readSetting(page, 'prepareSeconds')).toBe(5);
	await page.reload();
	await expect(
		group(page, 'Get ready before each exercise').getByRole('radio', {
			name: '5 seconds',
			exact: true
		})
	).toBeChecked();

	await startSession(page, { id: 'gentle-relief', hold: true });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first!);
	await expect(page.getByText('Get ready', { exact: true })).toBeVisible();
	await expect(page.getByRole('timer')).toHaveText('5');
	await page.clock.runFor(2000);
	await expect(page.getByRole('timer')).toHaveText('3');

	// Pause mid-countdown (the checkpoint is written), leave, choose 15 s, come back and resume.
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByText('Paused', { exact: true })).toBeVisible();
	await page.clock.resume();
	await openSettings(page);
	await group(page, 'Get ready before each exercise')
		.getByRole('radio', { name: '15 seconds' })
		.check();
	await expect.poll(() => readSetting(page, 'prepareSeconds')).toBe(15);
	await page.reload();
	await expect(
		group(page, 'Get ready before each exercise').getByRole('radio', { name: '15 seconds' })
	).toBeChecked();
	await page.goto('/play/?program=gentle-relief');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Resume Gentle relief?' })
	).toBeVisible();
	await holdClock(page);
	await page.getByRole('button', { name: 'Resume', exact: true }).click();
	await expect(page.getByRole('timer')).toHaveText('3');

	// One second into the next get-ready, as the 5 s timeline has it (with 10 or 15 s the
	// session would still be in the first exercise, or in a longer countdown).
	await page.clock.fastForward(secondPrepare.start + 1000 - 2000);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second!);
	await expect(page.getByText('Get ready', { exact: true })).toBeVisible();
	await expect(page.getByRole('timer')).toHaveText('4');
});

test('the voice choice lists this browser’s English voices, or says it has none; Test speaks', async ({
	page
}) => {
	await openSettings(page);
	const select = page.getByRole('combobox', { name: 'Voice for spoken cues' });
	await expect(select).toBeVisible();
	await expect(select).toHaveValue('');
	await expect(select.getByRole('option', { name: 'Automatic' })).toHaveCount(1);
	const note = page.getByTestId('voice-note');
	// The voices are read when the person turns to the list (not on page load).
	await expect(note).toHaveText('The voices on this device are listed when you open the list.');
	await select.focus();

	// Voices load asynchronously: whatever the browser lists by now, the page says the same.
	await expect
		.poll(async () => {
			const english = await page.evaluate(
				() => speechSynthesis.getVoices().filter((voice) => /^en([-_]|$)/i.test(voice.lang)).length
			);
			const text = (await note.textContent()) ?? '';
			const options = await select.locator('option').count();
			if (english === 0)
				return text.includes('This browser has no voices for English') && options === 1;
			const counted = english === 1 ? 'One voice' : `${english} voices`;
			return text.includes(counted) && options === english + 1;
		})
		.toBe(true);

	const speeds = group(page, 'Speaking rate');
	await expect(speeds.getByRole('radio', { name: 'Normal', exact: true })).toBeChecked();
	await speeds.getByRole('radio', { name: 'Slower' }).check();
	await page.reload();
	await expect(group(page, 'Speaking rate').getByRole('radio', { name: 'Slower' })).toBeChecked();

	await page.getByRole('button', { name: 'Test the voice' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: /Speaking|could not|cannot/ })
	).toBeVisible();
});
