// The builder with everything unfolded (texts, paced steps, the custom exercise form, the
// catalogue's steps), at phone and tablet sizes in both colour schemes: axe finds nothing, and
// every control is a touch target of at least 48 × 48 px (a radio or checkbox through its label).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openBuilderWithRoutine } from './helpers/screens';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function unfoldEverything(page: Page): Promise<void> {
	await openBuilderWithRoutine(page);
	const cards = page.getByRole('region', { name: 'Exercises' }).getByRole('article');
	// Paced steps on the second exercise, so the phase rows are on screen too.
	await cards.nth(1).getByRole('radio', { name: 'Paced steps' }).check();
	await expect(cards.nth(1).getByLabel('Step 1: what to do')).toBeVisible();
	await page.getByText('Or write your own exercise').click();
	await page.getByLabel('Search the exercises').fill('bridge');
	await page
		.getByText(/^All steps/)
		.first()
		.click();
	await page.evaluate(() => {
		for (const details of document.querySelectorAll('details')) details.open = true;
	});
}

/** Controls smaller than 48 × 48 px (radios and checkboxes count by their label). */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const small: string[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			'main button, main a.button, main select, main textarea, main summary, main input'
		);
		for (const control of controls) {
			const input = control instanceof HTMLInputElement ? control : null;
			const target =
				input && (input.type === 'radio' || input.type === 'checkbox')
					? (input.closest('label') ?? input)
					: control;
			const box = target.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			if (box.height < 48 || box.width < 48) {
				small.push(
					`${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || target.id).trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				);
			}
		}
		return small;
	});
}

for (const size of [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'tablet', width: 768, height: 1024 }
] as const) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`the builder unfolded at ${size.name} size, ${colorScheme}: axe finds nothing, targets are 48 px`, async ({
			page
		}) => {
			await page.setViewportSize({ width: size.width, height: size.height });
			await page.emulateMedia({ colorScheme });
			await unfoldEverything(page);
			const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
			expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
			expect(
				results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
			).toEqual([]);
			expect(await smallTargets(page)).toEqual([]);
		});
	}
}
