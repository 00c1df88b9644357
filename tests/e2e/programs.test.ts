// The library, the program page and importing programs, end to end against the production
// build: real files through the file input, pasted text, IndexedDB across reloads, and program
// text that must only ever be shown as text.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { describeDose, formatDuration } from '../../src/lib/program/dose';
import { readFileSync } from 'node:fs';
import { fill } from '../../src/lib/i18n/fill';
import { describeSchedule, type ScheduleWords } from '../../src/lib/program/schedule-text';
import { expandTimeline } from '../../src/lib/program/timeline';
import type { Program } from '../../src/lib/program/types';
import {
	BUILTIN_IDS,
	describeProblem,
	dismissFirstVisit,
	expectImported,
	fixturePath,
	importProgramFile,
	importProgramText,
	programCard,
	programOf,
	problemsOf,
	readBuiltin,
	readFixture,
	startProgram
} from './helpers/app';

/** The first-load words in English (messages/shell/en.json), as the library's cards use them. */
const english = JSON.parse(readFileSync('messages/shell/en.json', 'utf8')) as Record<
	string,
	string
>;
const ENGLISH: ScheduleWords = {
	word: (key, params) => fill(english[key]!, params),
	countedWord: (key, count) => fill(english[`${key}_${count === 1 ? 'one' : 'other'}`]!, { count })
};

const builtins: Program[] = BUILTIN_IDS.map((id) => programOf(readBuiltin(id)));
const HOME_PLAN = 'programs/e2e/home-plan.json';
const homePlan = programOf(readFixture(HOME_PLAN));

/** The length as the library and the program page write it ("about" when self-paced). */
function lengthText(program: Program): string {
	const timeline = expandTimeline(program);
	return `${timeline.hasSelfPaced ? 'about ' : ''}${formatDuration(timeline.totalMs)}`;
}

/** The text of a fact ("Length", "Exercises", …) in a card or page header. */
function fact(scope: Locator, term: string): Locator {
	return scope.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** The titles of every card in the library, in order. */
function cardTitles(page: Page) {
	return page.getByRole('list', { name: 'Programs' }).getByRole('heading', { level: 2 });
}

async function expectLibrary(page: Page, titles: string[]): Promise<void> {
	await page.goto('/');
	// Imported cards appear once IndexedDB has answered; the status line is there by then.
	await expect(cardTitles(page)).toHaveText(titles);
}

const builtinTitles = builtins.map((program) => program.title);

test('the library lists the built-in programs with summary, length, exercises and schedule', async ({
	page
}) => {
	await dismissFirstVisit(page);
	await expect(cardTitles(page)).toHaveText(builtinTitles);
	for (const program of builtins) {
		const card = programCard(page, program.title);
		await expect(card).toHaveCount(1);
		const link = card.getByRole('link', { name: program.title, exact: true });
		await expect(link).toHaveAttribute('href', `/programs/${program.id}/`);
		await expect(card.getByText(program.summary ?? '', { exact: true })).toBeVisible();
		await expect(fact(card, 'Length')).toHaveText(lengthText(program));
		await expect(fact(card, 'Exercises')).toHaveText(String(program.exercises.length));
		await expect(fact(card, 'Schedule')).toHaveText(describeSchedule(program.schedule, ENGLISH));
		await expect(card.getByText('Imported', { exact: true })).toHaveCount(0);
	}
	// One spot check written out by hand, so the wording itself is pinned too.
	const gentle = programCard(page, 'Gentle relief');
	await expect(fact(gentle, 'Length')).toHaveText('7 min');
	await expect(fact(gentle, 'Schedule')).toHaveText('three times a day, every day');

	// The title link opens the program's page.
	await page.getByRole('link', { name: 'Desk break', exact: true }).click();
	await expect(page).toHaveURL(/\/programs\/desk-break\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Desk break' })).toBeVisible();
});

test('a program page shows safety notes, each exercise with its picture, steps, cautions and dose', async ({
	page
}) => {
	for (const program of builtins) {
		await page.goto(`/programs/${program.id}/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(program.title);
		await expect(fact(page.getByRole('main').locator('header'), 'Length')).toHaveText(
			lengthText(program)
		);
		await expect(fact(page.getByRole('main').locator('header'), 'Exercises')).toHaveText(
			String(program.exercises.length)
		);
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

		const safety = page.getByRole('region', { name: 'Before you start' });
		await expect(safety.getByRole('listitem')).toHaveText(program.safety);

		const exercises = page.getByRole('region', { name: 'Exercises' }).getByRole('article');
		await expect(exercises).toHaveCount(program.exercises.length);
		for (const [i, exercise] of program.exercises.entries()) {
			const item = exercises.nth(i);
			await expect(item.getByRole('heading', { level: 3 })).toHaveText(
				`${i + 1}. ${exercise.name}`
			);
			await expect(item.getByText(describeDose(exercise), { exact: true })).toBeVisible();
			// Numbered steps: an ordered list, one item per instruction, in order.
			const steps = item.locator('ol > li');
			await expect(steps).toHaveText(exercise.instructions);
			await expect(
				item.getByRole('heading', { name: 'Take care' }).locator('xpath=..').getByRole('listitem')
			).toHaveText(exercise.cautions);
			const image = item.getByRole('img');
			expect(await image.evaluate((img: HTMLImageElement) => new URL(img.src).pathname)).toBe(
				`/${exercise.image}`
			);
			await expect(image).toHaveAttribute('alt', /\S/);
			await image.scrollIntoViewIfNeeded();
			await expect
				.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
				.toBeGreaterThan(0);
		}
	}
});

test('a program file chosen with the file input is stored, listed as Imported and opens after a reload', async ({
	page
}) => {
	await importProgramFile(page, fixturePath(HOME_PLAN));
	await expectImported(page, homePlan.title);

	await expectLibrary(page, [...builtinTitles, homePlan.title]);
	const card = programCard(page, homePlan.title);
	await expect(card.getByText('Imported', { exact: true })).toBeVisible();
	await expect(fact(card, 'Exercises')).toHaveText('2');
	await expect(fact(card, 'Schedule')).toHaveText('twice a day, 5 days a week');
	await expect(fact(card, 'Length')).toHaveText(lengthText(homePlan));

	await card.getByRole('link', { name: homePlan.title, exact: true }).click();
	await expect(page).toHaveURL(/\/programs\/e2e-home-plan\/$/);
	// A full reload: the page comes from the SPA fallback and the program from IndexedDB.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(homePlan.title);
	await expect(page.getByText('Imported program', { exact: true })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Before you start' }).getByRole('listitem')
	).toHaveText(homePlan.safety);
	const exercises = page.getByRole('region', { name: 'Exercises' }).getByRole('article');
	await expect(exercises.getByRole('heading', { level: 3 })).toHaveText([
		'1. Knee rocking',
		'2. Easy walk'
	]);
	await expect(
		exercises.first().getByText('1 set × 5 reps, hold 3 s, alternating sides')
	).toBeVisible();
	await expect(exercises.first().getByRole('img')).toHaveAttribute('alt', /^Knee rocking: /);
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});

test('an invalid file is refused with every problem and its path, and nothing stored changes', async ({
	page
}) => {
	await importProgramFile(page, fixturePath(HOME_PLAN));
	await expectImported(page, homePlan.title);

	for (const file of ['programs/e2e/several-problems.json', 'programs/invalid/truncated.json']) {
		const expected = problemsOf(readFixture(file)).map(describeProblem);
		expect(expected.length, file).toBeGreaterThan(0);
		await importProgramFile(page, fixturePath(file));
		const alert = page.getByRole('alert');
		const name = file.split('/').pop()!;
		await expect(alert.getByRole('heading')).toHaveText(`${name} can't be imported`);
		await expect(alert.getByRole('listitem')).toHaveText(expected);
		await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
	}
	// The hand-made file has a problem at each of these places; all of them are listed at once.
	await importProgramFile(page, fixturePath('programs/e2e/several-problems.json'));
	const paths = page.getByRole('alert').getByRole('listitem').locator('code');
	await expect(paths).toHaveText([
		'id',
		'title',
		'prepareSeconds',
		'exercises[0].hold',
		'exercises[0].hodl',
		'exercises[1].instructions',
		'exercises[1].sides',
		'exercises[1].reps'
	]);
	await expect(page.getByText('8 problems were found. Nothing was saved.')).toBeVisible();

	// The library is still the built-ins plus the program imported before, unchanged.
	await expectLibrary(page, [...builtinTitles, homePlan.title]);
	await page.getByRole('link', { name: homePlan.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(homePlan.title);
	await expect(page.getByRole('region', { name: 'Exercises' }).getByRole('article')).toHaveCount(2);
});

test('pasted text is imported, and importing the same id again asks before replacing it', async ({
	page
}) => {
	const first = { ...JSON.parse(readFixture(HOME_PLAN)), id: 'e2e-pasted', title: 'Pasted plan' };
	const second = { ...first, title: 'Pasted plan, revised', summary: 'The second version.' };

	await importProgramText(page, JSON.stringify(first, null, 2));
	await expectImported(page, 'Pasted plan');
	await expectLibrary(page, [...builtinTitles, 'Pasted plan']);

	// Same id again: nothing is stored until the person decides.
	await importProgramText(page, JSON.stringify(second));
	const dialog = page.getByRole('alertdialog', { name: 'Replace “Pasted plan”?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Replace it with “Pasted plan, revised”?');
	await dialog.getByRole('button', { name: 'Keep the existing one' }).click();
	await expect(dialog).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
	await expectLibrary(page, [...builtinTitles, 'Pasted plan']);

	await importProgramText(page, JSON.stringify(second));
	await page
		.getByRole('alertdialog', { name: 'Replace “Pasted plan”?' })
		.getByRole('button', { name: 'Replace it' })
		.click();
	await expectImported(page, 'Pasted plan, revised');
	await expectLibrary(page, [...builtinTitles, 'Pasted plan, revised']);
	await expect(
		programCard(page, 'Pasted plan, revised').getByText('The second version.')
	).toBeVisible();
});

test('markup in program text is shown literally and never runs', async ({ page }) => {
	const markup = programOf(readFixture('programs/e2e/markup.json'));
	const exercise = markup.exercises[0]!;
	const nothingRan = async () => {
		expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
	};

	await importProgramFile(page, fixturePath('programs/e2e/markup.json'));
	await expectImported(page, markup.title);
	await nothingRan();

	await page.goto('/');
	await expect(page.getByRole('link', { name: markup.title, exact: true })).toBeVisible();
	await expect(page.getByText(markup.summary!, { exact: true })).toBeVisible();
	await nothingRan();

	await page.getByRole('link', { name: markup.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(markup.title);
	await expect(page.getByText(markup.safety[0]!, { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(`1. ${exercise.name}`);
	await expect(page.getByText(exercise.instructions[0]!, { exact: true })).toBeVisible();
	await expect(page.getByText(exercise.cautions[0]!, { exact: true })).toBeVisible();
	await expect(page).toHaveTitle(`${markup.title} · Limber`);
	await nothingRan();

	// In the player too: the name as the heading, the cue as the phase text.
	await startProgram(page, markup.id);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(exercise.name);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('<b>bold</b> cue', { exact: true })).toBeVisible();
	await nothingRan();
});

test('removing an imported program asks first, and it stays gone after a reload', async ({
	page
}) => {
	// A second imported program stays: seeing it listed shows the stored programs were read.
	const other = { ...JSON.parse(readFixture(HOME_PLAN)), id: 'e2e-other', title: 'Other plan' };
	await importProgramFile(page, fixturePath(HOME_PLAN));
	await expectImported(page, homePlan.title);
	await importProgramText(page, JSON.stringify(other));
	await expectImported(page, 'Other plan');
	await expectLibrary(page, [...builtinTitles, homePlan.title, 'Other plan']);

	const card = programCard(page, homePlan.title);
	// Only imported programs can be removed.
	await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(2);

	await card.getByRole('button', { name: `Remove ${homePlan.title}` }).click();
	const confirm = card.getByRole('group', { name: 'Confirm removal' });
	await expect(confirm).toContainText(`Remove “${homePlan.title}” from this device?`);
	await confirm.getByRole('button', { name: 'Keep it' }).click();
	await expect(confirm).toHaveCount(0);
	await page.reload();
	await expect(cardTitles(page)).toHaveText([...builtinTitles, homePlan.title, 'Other plan']);

	await card.getByRole('button', { name: `Remove ${homePlan.title}` }).click();
	await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
	await expect(cardTitles(page)).toHaveText([...builtinTitles, 'Other plan']);
	await page.reload();
	await expect(cardTitles(page)).toHaveText([...builtinTitles, 'Other plan']);

	await page.goto(`/programs/${homePlan.id}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
});

test('a program that uses the id of a built-in program is refused with a message on id', async ({
	page
}) => {
	await importProgramFile(page, fixturePath(HOME_PLAN));
	await expectImported(page, homePlan.title);
	await importProgramFile(page, fixturePath('programs/e2e/builtin-id.json'));
	const alert = page.getByRole('alert');
	await expect(alert.getByRole('listitem')).toHaveText([
		'id: “gentle-relief” is the id of a built-in program; give your program an id of its own'
	]);
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
	// Listing the program imported before shows the stored programs were read: there is no other.
	await expectLibrary(page, [...builtinTitles, homePlan.title]);
	await page.goto('/programs/gentle-relief/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle relief');
});
