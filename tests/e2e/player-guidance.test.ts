// The player tells the body what to do now (issue 18): at chosen moments of a program with
// pictures, sides and phases, the screen shows the predicted instruction and pose, mirrored on
// the right side; the text is readable at 2 m (sizes measured in the page) and the picture
// takes its share of the screen.
import { expect, test, type Page } from '@playwright/test';
import { startProgram } from './helpers/app';
import { importProgram } from './helpers/history';

const PROGRAM = {
	format: 1,
	id: 'e2e-guidance',
	title: 'Guided moves',
	prepareSeconds: 5,
	restBetweenExercises: 10,
	exercises: [
		{
			id: 'cat',
			name: 'Cat stretch',
			instructions: ['Get onto your hands and knees, back level.'],
			startCue: 'Hands and knees',
			images: [
				'illustrations/cat-stretch-level.svg',
				'illustrations/cat-stretch-rounded.svg',
				'illustrations/cat-stretch-sunk.svg'
			],
			reps: 2,
			phases: [
				{ cue: 'Round your back', seconds: 4, image: 'illustrations/cat-stretch-rounded.svg' },
				{ cue: 'Let your back sink', seconds: 4, image: 'illustrations/cat-stretch-sunk.svg' }
			]
		},
		{
			id: 'bird-dog',
			name: 'Bird-dog',
			instructions: ['Get onto your hands and knees, back level.'],
			holdCue: 'Reach out and hold',
			releaseCue: 'Lower slowly',
			sideNames: { left: 'Left arm reaches', right: 'Right arm reaches' },
			images: ['illustrations/bird-dog-start.svg', 'illustrations/bird-dog-reach.svg'],
			sides: 'alternate',
			reps: 2,
			hold: 6,
			restBetweenReps: 4
		}
	]
};
// The timeline (ms): get-ready 0–5000; cat: round 5000–9000, sink 9000–13000, round 13000–17000,
// sink 17000–21000; rest 21000–31000 (Next: Bird-dog); get-ready 31000–36000; bird-dog: left
// 36000–42000, rest 42000–46000, right 46000–52000, rest 52000–56000, left 56000–62000 …

const pose = (page: Page) => page.locator('.poses');

async function start(page: Page, size: { width: number; height: number }) {
	await page.setViewportSize(size);
	const t0 = Date.parse('2025-06-02T08:00:00Z');
	await page.clock.install({ time: t0 });
	await importProgram(page, PROGRAM);
	await page.clock.pauseAt(t0 + 60_000);
	await startProgram(page, PROGRAM.id);
}

/** Moves the session to `ms` after its start (the test started it at 0). */
async function at(page: Page, ms: number, now: { ms: number }) {
	await page.clock.runFor(ms - now.ms);
	now.ms = ms;
}

test.use({ reducedMotion: 'reduce' });

test('each moment shows the one thing to do and its pose, mirrored on the right side', async ({
	page
}) => {
	await start(page, { width: 1024, height: 768 });
	const now = { ms: 0 };
	const instruction = page.locator('.now');

	// Get ready: the starting position in a few words, on the start pose.
	await at(page, 2_000, now);
	await expect(page.locator('.step-label')).toHaveText('Get ready');
	await expect(instruction).toHaveText('Hands and knees');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/cat-stretch-level.svg');

	// A paced rep: each phase's cue and pose.
	await at(page, 6_000, now);
	await expect(instruction).toHaveText('Round your back');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/cat-stretch-rounded.svg');
	await at(page, 10_000, now);
	await expect(instruction).toHaveText('Let your back sink');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/cat-stretch-sunk.svg');
	// The pose shown is the one on top, fully opaque (reduced motion: no move in between).
	const active = page.locator('.poses img.active');
	await expect(active).toHaveAttribute('src', /cat-stretch-sunk\.svg$/);
	await expect(active).toHaveCSS('opacity', '1');
	// Nothing fades, so no pose is made a compositor layer.
	await expect(active).toHaveCSS('will-change', 'auto');

	// The rest before the next exercise: its name and starting position.
	await at(page, 25_000, now);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Next: Bird-dog');
	await expect(page.locator('[data-look="rest"]')).toBeVisible();

	// The left hold: the action, the side's meaning, the end pose, not mirrored.
	await at(page, 38_000, now);
	await expect(instruction).toHaveText('Reach out and hold');
	await expect(page.locator('.meta')).toContainText('Left arm reaches');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/bird-dog-reach.svg');
	await expect(pose(page)).toHaveAttribute('data-mirrored', 'false');
	await expect(pose(page)).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');

	// The rest after it: the release, back to the start pose.
	await at(page, 43_000, now);
	await expect(instruction).toHaveText('Lower slowly');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/bird-dog-start.svg');

	// The right hold: mirrored.
	await at(page, 48_000, now);
	await expect(page.locator('.meta')).toContainText('Right arm reaches');
	await expect(pose(page)).toHaveAttribute('data-pose', 'illustrations/bird-dog-reach.svg');
	await expect(pose(page)).toHaveAttribute('data-mirrored', 'true');
	await expect(pose(page)).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
});

test('with motion, a hold moves to its pose over its first second, a phase in steps over its length', async ({
	browser
}) => {
	const context = await browser.newContext({ reducedMotion: 'no-preference' });
	const page = await context.newPage();
	await start(page, { width: 1024, height: 768 });
	const active = page.locator('.poses img.active');
	const opacity = () => active.evaluate((element) => Number(getComputedStyle(element).opacity));
	// 6 s: a second into the 4 s "Round your back". A move longer than a second is drawn at the
	// screen's wakes, with no transition running: the new pose a quarter of the way in, over the
	// pose it comes from.
	await page.clock.runFor(6_000);
	await expect(pose(page)).toHaveClass(/\bstepped\b/);
	await expect(active).toHaveCSS('transition-duration', '0s');
	await expect.poll(opacity).toBeCloseTo(0.25, 1);
	await expect(page.locator('.poses img.from')).toHaveAttribute('src', /cat-stretch-level\.svg$/);
	await expect(page.locator('.poses img.from')).toHaveCSS('opacity', '1');
	// The two poses of the move are compositor layers (a new opacity is blended, not painted);
	// the third, unseen, is not.
	await expect(active).toHaveCSS('will-change', 'opacity');
	await expect(page.locator('.poses img.from')).toHaveCSS('will-change', 'opacity');
	await expect(page.locator('.poses img:not(.active, .from)')).toHaveCSS('will-change', 'auto');
	await page.clock.runFor(2_000);
	await expect.poll(opacity).toBeCloseTo(0.75, 1);
	// 38 s: the bird-dog's hold moves over its first second, by a CSS transition.
	await page.clock.runFor(30_000);
	await expect(pose(page)).not.toHaveClass(/\bstepped\b/);
	await expect(active).toHaveCSS('transition-duration', '1s');
	await context.close();
});

/** The computed font size in px of the first element matching `selector`. */
async function fontSize(page: Page, selector: string): Promise<number> {
	return page
		.locator(selector)
		.first()
		.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

/** The smallest font size of any text shown in the player. */
async function smallestText(page: Page): Promise<{ size: number; text: string }> {
	return page.locator('.player').evaluate((player) => {
		let smallest = { size: Infinity, text: '' };
		const walker = document.createTreeWalker(player, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			const text = node.textContent?.trim() ?? '';
			if (!element || text === '' || element.closest('.visually-hidden')) continue;
			if (element.getClientRects().length === 0) continue;
			const size = parseFloat(getComputedStyle(element).fontSize);
			if (size < smallest.size) smallest = { size, text };
		}
		return smallest;
	});
}

test('readable at 2 m on a 1024×768 tablet, and nothing under 20 px on a phone', async ({
	page
}) => {
	await start(page, { width: 1024, height: 768 });
	await page.clock.runFor(38_000); // the left hold of bird-dog
	await expect(page.locator('.now')).toHaveText('Reach out and hold');
	expect(await fontSize(page, '.player h1')).toBeGreaterThanOrEqual(32);
	expect(await fontSize(page, '.meta')).toBeGreaterThanOrEqual(32);
	expect(await fontSize(page, '.now')).toBeGreaterThanOrEqual(32);
	expect(await fontSize(page, '.time-left')).toBeGreaterThanOrEqual(24);
	expect(await fontSize(page, '.countdown')).toBeGreaterThanOrEqual(120);
	// The picture takes at least 40 % of the width in landscape.
	const wide = await page.locator('.visual').boundingBox();
	expect(wide!.width).toBeGreaterThanOrEqual(0.4 * 1024);
	await page.clock.runFor(5_000); // the rest: "Next: …"
	expect(await fontSize(page, '.next')).toBeGreaterThanOrEqual(24);

	// Portrait: the picture takes at least 40 % of the height.
	await page.setViewportSize({ width: 768, height: 1024 });
	const tall = await page.locator('.visual').boundingBox();
	expect(tall!.height).toBeGreaterThanOrEqual(0.4 * 1024);

	await page.setViewportSize({ width: 390, height: 844 });
	const smallest = await smallestText(page);
	expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(20);
});

test('the text-size setting scales the player’s words', async ({ page, context }) => {
	await start(page, { width: 1024, height: 768 });
	await page.clock.runFor(38_000); // the left hold of bird-dog
	await expect(page.locator('.now')).toHaveText('Reach out and hold');
	const before = { now: await fontSize(page, '.now'), name: await fontSize(page, '.player h1') };

	// Changed in Settings in another tab: the playing screen follows.
	const settings = await context.newPage();
	await settings.goto('/settings/');
	await settings
		.getByRole('group', { name: 'Text size' })
		.getByRole('radio', { name: 'Largest' })
		.check();
	await expect.poll(() => fontSize(page, '.now')).toBeCloseTo(before.now * 1.4, 0);
	expect(await fontSize(page, '.player h1')).toBeCloseTo(before.name * 1.4, 0);
});
