// Every screen, reached in an ordinary visit, logs no console error and throws nothing: a 404
// for a file the app should never have asked for, or a failed promise, shows up here.
import { expect, test, type Page } from '@playwright/test';
import {
	expectImported,
	fixturePath,
	importProgramFile,
	programOf,
	readFixture
} from './helpers/app';
import { installClock, SCREENS } from './helpers/screens';

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	return errors;
}

for (const screen of SCREENS) {
	test(`${screen.name}: no console error`, async ({ page }) => {
		const errors = watchErrors(page);
		await installClock(page);
		await screen.reach(page);
		await page.clock.resume();
		await page.waitForLoadState('networkidle');
		expect(errors).toEqual([]);
	});
}

test('an imported program’s page: no console error', async ({ page }) => {
	const file = 'programs/e2e/home-plan.json';
	const program = programOf(readFixture(file));
	await importProgramFile(page, fixturePath(file));
	await expectImported(page, program.title);
	const errors = watchErrors(page);
	await page.goto(`/programs/${program.id}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(program.title);
	await page.waitForLoadState('networkidle');
	expect(errors).toEqual([]);
});
