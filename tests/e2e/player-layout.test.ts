// The player's controls are always fully on screen, at tablet and phone sizes, in both
// orientations, even when the exercise's name takes the format's 80 characters and wraps.
import { expect, test, type Page } from '@playwright/test';
import { startProgram } from './helpers/app';
import { importProgram } from './helpers/history';

const LONG = 'Bridge with your lower legs resting on the exercise ball, hips lifted slowly up.';

const PROGRAM = {
	format: 1,
	id: 'e2e-long-names',
	title: 'Long names',
	prepareSeconds: 3,
	exercises: [
		{
			id: 'bridge',
			name: LONG,
			instructions: [
				'Lie on your back with your calves on the ball and your arms by your sides, pressing into the floor.'
			],
			image: 'illustrations/ball-bridge.svg',
			sides: 'each',
			reps: 2,
			hold: 20,
			restBetweenReps: 5
		},
		{
			id: 'tilt',
			name: `${LONG.slice(0, 68)} at own pace`,
			instructions: ['Rock your pelvis slowly.'],
			image: 'illustrations/pelvic-tilt.svg',
			reps: 5
		}
	]
};

const SIZES = [
	{ width: 768, height: 1024 },
	{ width: 1024, height: 768 },
	{ width: 390, height: 844 },
	{ width: 844, height: 390 }
];

/** Fails unless every named control lies wholly inside the viewport (nothing scrolled). */
async function expectOnScreen(page: Page, names: string[]): Promise<void> {
	const viewport = page.viewportSize()!;
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	for (const name of names) {
		const box = await page.getByRole('button', { name, exact: true }).boundingBox();
		expect(box, name).not.toBeNull();
		expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
		expect(
			box!.y + box!.height,
			`${name} bottom at ${viewport.width}×${viewport.height}`
		).toBeLessThanOrEqual(viewport.height);
		expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(viewport.width);
	}
}

test.beforeAll(() => expect(LONG).toHaveLength(80));

for (const size of SIZES) {
	test(`${size.width}×${size.height}: Back, Pause and Skip stay on screen with an 80-character name`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		const t0 = Date.parse('2025-06-02T08:00:00Z');
		await page.clock.install({ time: t0 });
		await importProgram(page, PROGRAM);
		// The clock stands still from here: the session moves only when the test moves it.
		await page.clock.pauseAt(t0 + 60_000);
		await startProgram(page, PROGRAM.id);
		await expect(page.getByRole('heading', { level: 1, name: LONG })).toBeVisible();
		await expectOnScreen(page, ['Back', 'Pause', 'Skip', 'End session']);
		// Into the hold, with its picture and the side.
		await page.clock.runFor(3_500);
		await expect(page.getByRole('timer')).toHaveText('20');
		await expectOnScreen(page, ['Back', 'Pause', 'Skip', 'End session']);
		// The own-pace exercise adds Rep done and Set done: Skip the rest of the bridge, the rest
		// after it and the get-ready.
		for (const label of ['Rest', 'Get ready']) {
			await page.getByRole('button', { name: 'Skip' }).click();
			await expect(page.locator('.step-label')).toHaveText(label);
		}
		await page.getByRole('button', { name: 'Skip' }).click();
		await expect(page.getByRole('button', { name: 'Rep done' })).toBeVisible();
		await expectOnScreen(page, ['Rep done', 'Back', 'Pause', 'Skip', 'Set done']);
	});
}
