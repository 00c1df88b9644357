// Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA, and 2.2 AA) finds nothing on any screen,
// in the light and in the dark colour scheme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { installClock, SCREENS, startSession } from './helpers/screens';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is; returns one readable line per failing element. */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	// The run really looked at the page: text contrast and names were checked on something.
	const checked = [...results.passes, ...results.violations].map((rule) => rule.id);
	expect(checked).toEqual(expect.arrayContaining(['color-contrast', 'document-title']));
	return results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${node.target.join(' ')} ` +
				`— ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`
		)
	);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} colour scheme`, () => {
		test.use({ colorScheme });

		for (const screen of SCREENS) {
			test(`${screen.name}: no axe violations`, async ({ page }) => {
				await installClock(page);
				await screen.reach(page);
				// The scheme really applies (the app follows prefers-color-scheme).
				const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
				expect(dark).toBe(colorScheme === 'dark');
				// axe waits on timers of its own: let the fake clock run again (the player screens
				// hold it still); each of them stays on its step for several seconds more.
				await page.clock.resume();
				expect(await violations(page)).toEqual([]);
			});
		}
	});
}

test('the polite live region speaks once per step, not every second', async ({ page }) => {
	await installClock(page);
	await startSession(page, { hold: true });
	const live = page.locator('[aria-live="polite"]');
	await expect(live).toHaveText(/^Get ready\. Standing cat stretch/);

	// Record every text the live region and the countdown take while the clock runs.
	await page.evaluate(() => {
		const log = { live: [] as string[], timer: [] as string[] };
		(window as unknown as { __texts: typeof log }).__texts = log;
		const watch = (element: Element | null, into: string[]) => {
			if (!element) throw new Error('missing element');
			new MutationObserver(() => {
				const text = element.textContent;
				if (text !== into.at(-1)) into.push(text);
			}).observe(element, { childList: true, characterData: true, subtree: true });
		};
		watch(document.querySelector('[aria-live="polite"]'), log.live);
		watch(document.querySelector('[role="timer"]'), log.timer);
	});

	// 20 seconds, one at a time: get ready ends at 5 s, then a paced rep's two 4 s phases each.
	const seen: string[] = [];
	for (let second = 1; second <= 20; second++) {
		await page.clock.runFor(1000);
		const step = await page.locator('.status').evaluate((status) => {
			const text = (selector: string) => status.querySelector(selector)?.textContent ?? '';
			return [text('.step-label'), text('h1'), text('.now'), text('.meta')].join(' / ');
		});
		if (step !== seen.at(-1)) seen.push(step);
	}
	const texts = await page.evaluate(
		() => (window as unknown as { __texts: { live: string[]; timer: string[] } }).__texts
	);

	// Steps seen on screen after the first: 5 s, 9 s, 13 s and 17 s.
	expect(seen.length - 1).toBe(4);
	expect(texts.live).toHaveLength(seen.length - 1);
	expect(texts.live[0]).toMatch(/^Round your back\. Standing cat stretch\. Rep 1 of 6/);
	expect(texts.live[1]).toMatch(/^Lift your chest\. Standing cat stretch\. Rep 1 of 6/);
	expect(new Set(texts.live).size).toBe(texts.live.length);
	// Meanwhile the countdown changed every second (and is not announced: a timer role).
	expect(texts.timer.length).toBeGreaterThanOrEqual(18);
	await expect(page.getByRole('timer')).not.toHaveAttribute('aria-live', /polite|assertive/);
});
