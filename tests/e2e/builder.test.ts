// The routine builder, the way a person uses it: the physiotherapist's routine made with touch
// and with the keyboard only, saved, played and its session stored; a copy of a built-in routine
// changed; reordering, Undo and a draft that survives a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { programOf, readBuiltin } from './helpers/app';
import { historyLoaded, playToEnd, sessionItems, startClock } from './helpers/history';
import { readStore } from './helpers/idb';
import { expandTimeline } from '../../src/lib/program/timeline';
import { previewRows } from '../../src/lib/builder/preview';
import { formatClock } from '../../src/lib/program/clock-text';
import { formatDuration } from '../../src/lib/program/duration-text';
import type { Program } from '../../src/lib/program/types';

interface StoredProgram {
	program: Program;
	source?: string;
}

const storedPrograms = async (page: Page) =>
	(await readStore<StoredProgram>(page, 'programs')).map((record) => record.program);

/** How a person acts: tapping a touch screen, or the keyboard alone. */
interface Hands {
	press(target: Locator): Promise<void>;
	type(target: Locator, text: string): Promise<void>;
}

const touch: Hands = {
	press: (target) => target.tap(),
	async type(target, text) {
		await target.tap();
		await target.fill(text);
	}
};

const mouse: Hands = {
	press: (target) => target.click(),
	type: (target, text) => target.fill(text)
};

const keyboard = (page: Page): Hands => ({
	async press(target) {
		await target.focus();
		await expect(target).toBeFocused();
		await page.keyboard.press('Enter');
	},
	async type(target, text) {
		await target.focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(text);
	}
});

async function openBuilder(page: Page, path = '/builder/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/Make a routine|Change a routine/
	);
}

/** The editor card of the exercise at `n` (1-based). */
const exerciseCard = (page: Page, n: number) =>
	page
		.getByRole('region', { name: 'Exercises' })
		.getByRole('article')
		.nth(n - 1);

async function addFromCatalogue(page: Page, hands: Hands, search: string, name: string) {
	await hands.type(page.getByLabel('Search the exercises'), search);
	await hands.press(page.getByRole('button', { name: `Add ${name}`, exact: true }));
}

/**
 * "Pelvic tilts, hold 10 s, 10 times, three times a day, and the cat stretch 10 times": made
 * from the catalogue, one dose typed as the physio said it, the other set in its fields.
 */
async function makePhysioRoutine(page: Page, hands: Hands): Promise<void> {
	await openBuilder(page);
	await hands.type(page.getByLabel('Name', { exact: true }).first(), 'My back routine');
	await addFromCatalogue(page, hands, 'pelvic', 'Pelvic tilts');
	const tilts = exerciseCard(page, 1);
	await expect(tilts.getByRole('heading', { level: 3 })).toHaveText('1. Pelvic tilts');
	await hands.type(
		tilts.getByLabel('Type what your physio said'),
		'hold 10 s, 10 times, three times a day'
	);
	await hands.press(tilts.getByRole('button', { name: 'Read it' }));
	const understood = tilts.getByRole('status');
	await expect(understood).toContainText('It understood:');
	await expect(understood).toContainText('3 times a day');
	await hands.press(tilts.getByRole('button', { name: 'Apply' }));
	await expect(tilts.getByLabel('Hold for')).toHaveValue('10');
	await expect(tilts.getByLabel('Times', { exact: true })).toHaveValue('10');
	await expect(page.getByLabel('Times a day')).toHaveValue('3');

	await addFromCatalogue(page, hands, 'cat', 'Cat stretch');
	const cat = exerciseCard(page, 2);
	await expect(cat.getByRole('heading', { level: 3 })).toHaveText('2. Cat stretch');
	await hands.type(cat.getByLabel('Times through these steps'), '10');
	await hands.type(cat.getByLabel('Sets', { exact: true }), '1');
	await expect(cat.getByText('10 reps')).toBeVisible();
}

/** What the builder shows before saving: the length and the rows of what plays when. */
async function builderPreview(page: Page): Promise<{ total: string; rows: string[] }> {
	const total = await page.getByTestId('builder-total').innerText();
	await page.getByText(/^What plays when/).click();
	const rows = await page.getByTestId('builder-timeline').getByRole('listitem').allInnerTexts();
	return { total, rows };
}

function expectPhysioProgram(program: Program | undefined): Program {
	expect(program).toBeDefined();
	const saved = program as Program;
	expect(saved).toMatchObject({
		id: 'my-back-routine',
		title: 'My back routine',
		version: 1,
		schedule: { timesPerDay: 3, daysPerWeek: 7 }
	});
	expect(saved.exercises.map((e) => [e.id, e.sets, e.reps, e.hold ?? null])).toEqual([
		['pelvic-tilt', 1, 10, 10],
		['cat-stretch', 1, 10, null]
	]);
	expect(saved.exercises[1]?.phases?.length).toBe(2);
	return saved;
}

for (const mode of ['touch', 'keyboard'] as const) {
	test.describe(`the physio's routine, by ${mode}`, () => {
		test.use({ hasTouch: mode === 'touch', isMobile: false });

		test('is made, saved, played and its session stored; length and timeline as shown', async ({
			page
		}) => {
			await startClock(page, '2025-06-11T09:00:00+02:00');
			const hands = mode === 'touch' ? touch : keyboard(page);
			await makePhysioRoutine(page, hands);
			const shown = await builderPreview(page);

			await hands.press(page.getByRole('button', { name: 'Play now' }));
			// The day's safety checklist, then the player.
			await hands.press(page.getByRole('button', { name: 'None of these apply' }));
			const timer = page.getByRole('timer');
			await expect(timer).toBeVisible();

			const saved = expectPhysioProgram((await storedPrograms(page))[0]);
			const timeline = expandTimeline(saved);
			expect(shown.total).toBe(formatDuration(timeline.totalMs));
			// Every row as the player's timeline has it, in order.
			expect(shown.rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(
				previewRows(saved, timeline).map((row) => `${row.at} ${row.what} ${row.lasts}`)
			);
			expect(shown.rows[0]).toContain('Get ready: Pelvic tilts');
			expect(shown.rows.at(-1)).toContain('Cat stretch: Let your back sink, rep 10 of 10');
			// The player counts down the same length.
			await expect(page.getByText(`${formatClock(timeline.totalMs)} left`)).toBeVisible();

			await playToEnd(page, timeline.totalMs);
			await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
			await page.clock.resume();
			await page.goto('/history/');
			await historyLoaded(page);
			await expect(sessionItems(page)).toHaveCount(1);
			await expect(sessionItems(page).first()).toContainText('My back routine');
			const [session] = await readStore<{ programId: string; programVersion: number }>(
				page,
				'sessions'
			);
			expect(session).toMatchObject({ programId: 'my-back-routine', programVersion: 1 });
		});
	});
}

test('a copy of Daily core strength without the superman plays without it; the built-in stays', async ({
	page
}) => {
	await startClock(page, '2025-06-11T09:00:00+02:00');
	await page.goto('/programs/daily-core-strength/');
	await page.getByRole('link', { name: 'Make a copy to change' }).click();
	await expect(page).toHaveURL(/\/builder\/\?copy=daily-core-strength/);
	await expect(page.getByLabel('Name', { exact: true }).first()).toHaveValue(
		'Daily core strength (my version)'
	);
	const original = JSON.parse(readBuiltin('daily-core-strength')) as Program;
	const superman = original.exercises.findIndex((e) => e.id === 'superman');
	const card = exerciseCard(page, superman + 1);
	await expect(card.getByRole('heading', { level: 3 })).toContainText('Superman');
	await card
		.getByRole('button', { name: /^Remove/ })
		.last()
		.click();
	// Undo puts it back in its place; remove it again for good.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(exerciseCard(page, superman + 1).getByRole('heading', { level: 3 })).toContainText(
		'Superman'
	);
	await exerciseCard(page, superman + 1)
		.getByRole('button', { name: /^Remove/ })
		.last()
		.click();
	await expect(
		page.getByRole('region', { name: 'Exercises' }).getByRole('heading', { level: 3 })
	).toHaveText(
		original.exercises.filter((e) => e.id !== 'superman').map((e, i) => `${i + 1}. ${e.name}`)
	);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: /^Saved “Daily core strength \(my version\)”/ })
	).toBeVisible();

	// One program stored, the copy: nothing was stored under the built-in's id.
	const stored = await storedPrograms(page);
	expect(stored.map((p) => p.id)).toEqual(['daily-core-strength-my-version']);
	const [copy] = stored;
	// The same exercises, doses and texts as the original, less the superman.
	expect(copy?.exercises).toEqual(
		programOf(readBuiltin('daily-core-strength')).exercises.filter((e) => e.id !== 'superman')
	);

	// The copy plays to its end without the superman; its session lists no superman.
	await page.getByRole('link', { name: /^Open Daily core strength/ }).click();
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.getByRole('button', { name: 'None of these apply' }).click();
	await playToEnd(page, expandTimeline(copy as Program).totalMs + 60_000);
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	const [session] = await readStore<{ programId: string; exercises: { exerciseId: string }[] }>(
		page,
		'sessions'
	);
	expect(session?.programId).toBe('daily-core-strength-my-version');
	expect(session?.exercises.map((e) => e.exerciseId)).not.toContain('superman');

	// The built-in is unchanged: its file and its page.
	await page.clock.resume();
	const served = await page.evaluate(() =>
		fetch('/programs/daily-core-strength.json').then((r) => r.json())
	);
	expect(served).toEqual(JSON.parse(JSON.stringify(programOf(readBuiltin('daily-core-strength')))));
	await page.goto('/programs/daily-core-strength/');
	await expect(page.getByRole('heading', { level: 3, name: /Superman/ })).toBeVisible();
});

test('exercises reorder by dragging and with Move up; a draft survives a reload', async ({
	page
}) => {
	await openBuilder(page);
	await page.getByLabel('Name', { exact: true }).first().fill('Order test');
	await addFromCatalogue(page, mouse, 'bird', 'Bird-dog');
	await addFromCatalogue(page, mouse, 'triangle', 'Triangle pose');
	await addFromCatalogue(page, mouse, 'pelvic', 'Pelvic tilts');
	const headings = () =>
		page.getByRole('region', { name: 'Exercises' }).getByRole('heading', { level: 3 });
	await expect(headings()).toHaveText(['1. Bird-dog', '2. Triangle pose', '3. Pelvic tilts']);

	// Drag the third by its handle above the first.
	const handle = exerciseCard(page, 3).getByRole('button', { name: /^Drag to reorder/ });
	const target = await exerciseCard(page, 1).boundingBox();
	const from = await handle.boundingBox();
	if (!target || !from) throw new Error('cards not laid out');
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(target.x + 40, target.y + 10, { steps: 8 });
	await page.mouse.up();
	await expect(headings()).toHaveText(['1. Pelvic tilts', '2. Bird-dog', '3. Triangle pose']);

	await exerciseCard(page, 3)
		.getByRole('button', { name: /^Move up/ })
		.click();
	await expect(headings()).toHaveText(['1. Pelvic tilts', '2. Triangle pose', '3. Bird-dog']);
	await exerciseCard(page, 1)
		.getByRole('button', { name: /^Duplicate/ })
		.click();
	await expect(headings()).toHaveText([
		'1. Pelvic tilts',
		'2. Pelvic tilts',
		'3. Triangle pose',
		'4. Bird-dog'
	]);
	await expect(page.getByText('Draft kept on this device.')).toBeVisible();
	await expect(page).toHaveURL(/\?draft=/);

	await page.reload();
	await expect(headings()).toHaveText([
		'1. Pelvic tilts',
		'2. Pelvic tilts',
		'3. Triangle pose',
		'4. Bird-dog'
	]);
	await expect(page.getByLabel('Name', { exact: true }).first()).toHaveValue('Order test');
	// Nothing is a program until it is saved.
	expect(await storedPrograms(page)).toEqual([]);
});

test('an invalid routine cannot be saved and says what is wrong beside the field', async ({
	page
}) => {
	await openBuilder(page);
	const save = page.getByRole('button', { name: 'Save', exact: true });
	await expect(save).toBeDisabled();
	await page.getByLabel('Name', { exact: true }).first().fill('Too long a hold');
	await addFromCatalogue(page, mouse, 'triangle', 'Triangle pose');
	await expect(save).toBeEnabled();
	const hold = exerciseCard(page, 1).getByLabel('Hold for');
	await hold.fill('5000');
	await expect(
		exerciseCard(page, 1).getByText(
			'must be a whole number of seconds between 1 and 3600, not 5000'
		)
	).toBeVisible();
	await expect(hold).toHaveAttribute('aria-invalid', 'true');
	await expect(save).toBeDisabled();
	await expect(page.getByText('exercises[0].hold')).toBeVisible();
	await hold.fill('30');
	await expect(save).toBeEnabled();
});

test('what the player says: a catalogue exercise brings its words and poses, and a side needs both names', async ({
	page
}) => {
	await openBuilder(page);
	const save = page.getByRole('button', { name: 'Save', exact: true });
	await page.getByLabel('Name', { exact: true }).first().fill('Guided words');
	await addFromCatalogue(page, mouse, 'triangle', 'Triangle pose');
	const card = exerciseCard(page, 1);
	await card.getByText('What the player says').click();
	// From the catalogue: the built-in routine's words.
	await expect(card.getByLabel(/^During the hold, say and show/)).toHaveValue(
		'Lean over your front leg, reach up and hold'
	);
	await expect(card.getByLabel(/^What the left side means/)).toHaveValue('Left leg in front');

	await card.getByLabel(/^During the hold, say and show/).fill('Reach up and hold');
	// One side's name without the other: the format needs the pair, and says where.
	await card.getByLabel(/^What the right side means/).fill('');
	await expect(card.getByText('must not be empty')).toBeVisible();
	await expect(page.getByText('exercises[0].sideNames.right')).toBeVisible();
	await expect(save).toBeDisabled();
	await card.getByLabel(/^What the right side means/).fill('Right leg in front');
	await expect(save).toBeEnabled();
	await save.click();
	await expect(page.getByRole('heading', { name: /^Saved “Guided words”/ })).toBeVisible();

	const [stored] = await storedPrograms(page);
	expect(stored?.exercises[0]).toMatchObject({
		holdCue: 'Reach up and hold',
		sideNames: { left: 'Left leg in front', right: 'Right leg in front' },
		images: ['illustrations/triangle-standing.svg', 'illustrations/triangle-reach.svg']
	});
});
