// Inputs that must not hang, crash or mislead, end to end against the production build: ids
// that name the app's own files, imported programs' pages (no request for a file that does not
// exist), backups that break the Import page's rules, a file with tens of thousands of
// problems, and advice about a valid program.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { constructorPhases } from '../../src/lib/test-factories/hostile-programs';
import {
	dismissFirstVisit,
	expectImported,
	fixturePath,
	importProgramFile,
	importProgramText,
	programCard,
	programOf,
	readFixture
} from './helpers/app';
import { FOUR_SESSIONS_BACKUP, chooseBackup, historyLoaded, sessionTexts } from './helpers/history';

/** Collects the page's uncaught errors and console errors from now on. */
function watchErrors(page: Page): { pageErrors: string[]; consoleErrors: string[] } {
	const seen = { pageErrors: [] as string[], consoleErrors: [] as string[] };
	page.on('pageerror', (error) => seen.pageErrors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') seen.consoleErrors.push(message.text());
	});
	return seen;
}

test('the id "index" is no program: its page and the player say so, without an error', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('/programs/index/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
	await expect(page.getByText('There is no program “index” on this device.')).toBeVisible();
	await expect(page).toHaveTitle('Not found · Limber');

	await page.goto('/play/?program=index');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Program not found');
	await expect(page.getByText('There is no program “index” on this device.')).toBeVisible();
	await expect(page).toHaveTitle('Player · Limber');
	expect(errors.pageErrors).toEqual([]);
});

test('an imported program’s page asks for no built-in file and logs no error', async ({
	page,
	context
}) => {
	const HOME_PLAN = 'programs/e2e/home-plan.json';
	const homePlan = programOf(readFixture(HOME_PLAN));
	await importProgramFile(page, fixturePath(HOME_PLAN));
	await expectImported(page, homePlan.title);

	const requested: string[] = [];
	context.on('request', (request) => requested.push(new URL(request.url()).pathname));
	const errors = watchErrors(page);
	await page.goto(`/programs/${homePlan.id}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(homePlan.title);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(homePlan.title);
	await page.goto(`/play/?program=${homePlan.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(homePlan.title);
	await page.waitForLoadState('networkidle');

	expect(requested).toContain(`/programs/${homePlan.id}/`);
	expect(requested).not.toContain(`/programs/${homePlan.id}.json`);
	expect(errors).toEqual({ pageErrors: [], consoleErrors: [] });
});

test('a backup holding a built-in program’s id or a future morning is refused whole', async ({
	page
}) => {
	const backup = JSON.parse(readFileSync(FOUR_SESSIONS_BACKUP, 'utf8')) as {
		programs: { program: { id: string; title: string } }[];
		settings: Record<string, unknown>;
	};
	await dismissFirstVisit(page);
	await page.goto('/history/');
	await historyLoaded(page);
	const before = await sessionTexts(page);

	const evil = structuredClone(backup);
	evil.programs[0]!.program.id = 'gentle-relief';
	evil.programs[0]!.program.title = 'Evil replacement';
	await chooseBackup(page, { name: 'evil.json', text: JSON.stringify(evil) });
	const alert = page.getByRole('alert').filter({ hasText: "This backup can't be restored" });
	await expect(alert.getByRole('listitem')).toHaveText([
		'programs[0].program.id: “gentle-relief” is the id of a built-in program; give your program an id of its own'
	]);
	await expect(alert).toContainText('Nothing was saved.');

	const ahead = structuredClone(backup);
	ahead.settings.morningPain = [{ day: '9999-12-31', pain: 10 }];
	await chooseBackup(page, { name: 'ahead.json', text: JSON.stringify(ahead) });
	await expect(alert.getByRole('listitem')).toHaveText([
		/^settings\.morningPain\[0\]\.day: is after today \(\d{4}-\d{2}-\d{2}\): a morning answer cannot come from a later day/
	]);

	// Nothing of either backup was stored: no sessions, and the built-in is the only "Gentle relief".
	await page.reload();
	expect(await sessionTexts(page)).toEqual(before);
	await page.goto('/');
	await expect(programCard(page, 'Evil replacement')).toHaveCount(0);
	await page.goto('/programs/gentle-relief/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle relief');
});

test('a file with ten thousand problems lists the first hundred and counts the rest', async ({
	page
}) => {
	await importProgramFile(page, fixturePath('programs/e2e/home-plan.json'));
	await expectImported(page, programOf(readFixture('programs/e2e/home-plan.json')).title);
	await page.getByLabel('Program file', { exact: true }).setInputFiles({
		name: 'hostile.json',
		mimeType: 'application/json',
		buffer: Buffer.from(constructorPhases(1))
	});
	const alert = page.getByRole('alert');
	await expect(alert.getByRole('heading')).toHaveText("hostile.json can't be imported");
	await expect(alert.getByText('10,017 problems were found. Nothing was saved.')).toBeVisible();
	await expect(alert.getByRole('listitem')).toHaveCount(100);
	await expect(alert.getByRole('listitem').first()).toHaveText(
		'exercises[0].phases: must have at most 8 phases (this one has 10000)'
	);
	await expect(alert.getByText('… and 9,917 more problems, not listed here.')).toBeVisible();
});

test('advice about a valid program is shown with its path, and the program is imported', async ({
	page
}) => {
	const program = {
		format: 1,
		id: 'e2e-back-to-back',
		title: 'Back to back',
		exercises: [
			{ id: 'bridge', name: 'Bridge', instructions: ['Lift your hips.'], reps: 10, hold: 10 },
			{ id: 'tilt', name: 'Tilt', instructions: ['Tilt.'], reps: 5, hold: 5, restBetweenReps: 3 }
		]
	};
	await importProgramText(page, JSON.stringify(program));
	await expectImported(page, 'Back to back');
	const advice = page.getByRole('region', { name: 'Advice about this program' });
	await expect(advice.getByRole('listitem')).toHaveText([
		'exercises[0]: 10 holds of 10 s play back to back with no rest; add "restBetweenReps" (e.g. 5) so the person can relax between them, or write "restBetweenReps": 0 if no rest is meant'
	]);
	await expect(page.getByRole('alert')).toHaveCount(0);
});
