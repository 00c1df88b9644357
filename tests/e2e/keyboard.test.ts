// Keyboard-only walkthrough: open a program, start, play, rate pain, save and export a backup
// using nothing but Tab, Shift+Tab, Enter, Space and the arrow keys. At every stop the focused
// element must be on screen, show a focus indicator, and come after the previous stop in the
// document and in reading order (below it, or to its right on the same line).
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
	DESK_BREAK,
	holdClock,
	installClock,
	openLibraryWithDisclaimer,
	waitForApp
} from './helpers/screens';

interface Focus {
	name: string;
	tag: string;
	/** Position among all elements of the document (document order). */
	order: number;
	top: number;
	bottom: number;
	left: number;
	/** Whether the element (or, for a styled radio/checkbox, the box drawn for it) is on screen. */
	onScreen: boolean;
	/** How focus is shown, or '' when it is not (an outline or a box-shadow). */
	indicator: string;
}

/** What has focus now, or null for none (the document body). */
async function focusNow(page: Page): Promise<Focus | null> {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!(element instanceof HTMLElement) || element === document.body) return null;
		const ring = (node: Element): string => {
			const style = getComputedStyle(node);
			if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
				return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
			}
			return style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
		};
		// A radio or checkbox drawn as its neighbour (the input itself transparent) shows focus there.
		let shown: Element = element;
		const transparent = parseFloat(getComputedStyle(element).opacity) === 0;
		if (transparent && element instanceof HTMLInputElement && element.nextElementSibling) {
			shown = element.nextElementSibling;
		}
		const visible = (node: Element): boolean => {
			const box = node.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) return false;
			if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) {
				return false;
			}
			for (let at: Element | null = node; at; at = at.parentElement) {
				const style = getComputedStyle(at);
				if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) return false;
			}
			return true;
		};
		const label =
			element.getAttribute('aria-label') ??
			(element instanceof HTMLInputElement && element.labels?.[0]
				? element.labels[0].textContent
				: element.textContent);
		const box = shown.getBoundingClientRect();
		return {
			name: label.replace(/\s+/g, ' ').trim(),
			tag: element.tagName.toLowerCase(),
			order: Array.prototype.indexOf.call(document.querySelectorAll('*'), element),
			top: box.top + scrollY,
			bottom: box.bottom + scrollY,
			left: box.left + scrollX,
			onScreen: visible(shown),
			indicator: ring(shown)
		};
	});
}

/** Walks with the keyboard, checking every stop, and keeps the stops of the current page. */
class Walk {
	stops: Focus[] = [];
	/** The stop the next one is compared with (none right after the layout changed). */
	#last: Focus | undefined;
	constructor(private readonly page: Page) {}

	/** Forgets the stops (a new page starts its own order). */
	newPage(): void {
		this.stops = [];
		this.#last = undefined;
	}

	/** Something appeared or went away: positions measured so far no longer compare. */
	layoutChanged(): void {
		this.#last = undefined;
	}

	/** Presses a key and checks where focus lands. */
	async press(key: string): Promise<Focus> {
		await this.page.keyboard.press(key);
		return this.check(key === 'Tab');
	}

	/** Checks the focused element; with `forward`, also that it follows the previous stop. */
	async check(forward = false): Promise<Focus> {
		const focus = await focusNow(this.page);
		expect(focus, 'something has focus').not.toBeNull();
		const now = focus as Focus;
		expect(now.onScreen, `"${now.name}" (${now.tag}) is on screen when focused`).toBe(true);
		expect(now.indicator, `"${now.name}" (${now.tag}) shows that it has focus`).not.toBe('');
		const previous = this.#last;
		if (forward && previous) {
			expect(
				now.order,
				`"${now.name}" comes after "${previous.name}" in the document`
			).toBeGreaterThan(previous.order);
			const sameLine = now.top < previous.bottom - 2 && now.bottom > previous.top + 2;
			if (sameLine) {
				expect(now.left, `"${now.name}" is right of "${previous.name}"`).toBeGreaterThan(
					previous.left
				);
			} else {
				expect(now.top, `"${now.name}" is below "${previous.name}"`).toBeGreaterThan(previous.top);
			}
		}
		this.stops.push(now);
		this.#last = now;
		return now;
	}

	/** Presses Tab (or Shift+Tab) until the focused element's name matches; checks every stop. */
	async tabTo(name: string | RegExp, { back = false, max = 40 } = {}): Promise<Focus> {
		for (let i = 0; i < max; i++) {
			const focus = await this.press(back ? 'Shift+Tab' : 'Tab');
			if (typeof name === 'string' ? focus.name === name : name.test(focus.name)) return focus;
		}
		throw new Error(
			`no "${String(name)}" within ${max} presses; stops: ${this.stops.map((s) => s.name).join(' | ')}`
		);
	}

	/** The names of this page's stops so far. */
	names(): string[] {
		return this.stops.map((stop) => stop.name);
	}
}

/** Whether `sub` appears in `list` in the same order (not necessarily next to each other). */
function inOrder(list: string[], sub: string[]): boolean {
	let at = 0;
	for (const item of list) if (item === sub[at]) at++;
	return at === sub.length;
}

test('a whole session by keyboard: open, start, play, rate, save, export', async ({ page }) => {
	test.setTimeout(120_000);
	const walk = new Walk(page);
	await installClock(page);

	// The library: the skip link comes first, then the header, the page, the programs, and the
	// one-time note below them.
	await openLibraryWithDisclaimer(page);
	const skip = await walk.press('Tab');
	expect(skip.name).toBe('Skip to content');
	await walk.tabTo('OK, got it');
	expect(
		inOrder(walk.names(), [
			'Skip to content',
			'Limber',
			'Programs',
			'History',
			'Settings',
			'Import',
			'Gentle relief',
			'Daily core strength',
			'Desk break',
			'OK, got it'
		]),
		walk.names().join(' | ')
	).toBe(true);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'OK, got it' })).toHaveCount(0);
	// Focus stays where the note was: one step back is the last program.
	walk.layoutChanged();
	const back = await walk.press('Shift+Tab');
	expect(back.name).toBe('Desk break');

	// The program page: pain before with the arrow keys, then Start.
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Desk break' })).toBeVisible();
	walk.newPage();
	const zero = await walk.tabTo('0');
	expect(zero.tag).toBe('input');
	for (let i = 0; i < 3; i++) await walk.press('ArrowRight');
	const painBefore = page.getByRole('group', { name: /Pain before/ });
	await expect(painBefore.getByRole('radio', { name: '3', exact: true })).toBeChecked();
	await walk.tabTo('Start');
	expect(inOrder(walk.names(), ['Skip to content', 'Programs', '0', '3', 'Start'])).toBe(true);

	// The day's safety check appears in place of Start; "None of these apply" starts the session.
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'None of these apply' })).toBeVisible();
	walk.newPage();
	const first = await walk.press('Tab');
	expect(first.tag, 'focus moves on into the checklist').toBe('input');
	await walk.tabTo('None of these apply');
	await holdClock(page);
	await page.keyboard.press('Enter');

	// The player: the timer runs; pause and resume from the keyboard.
	const timer = page.getByRole('timer');
	await expect(timer).toHaveText(String(DESK_BREAK.prepare));
	walk.newPage();
	await walk.tabTo('Pause');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Paused', { exact: true })).toBeVisible();
	await page.clock.fastForward(3000);
	await expect(timer).toHaveText(String(DESK_BREAK.prepare));
	const resume = await walk.check();
	expect(resume.name).toBe('Resume');
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
	await page.clock.fastForward(2000);
	await expect(timer).toHaveText(String(DESK_BREAK.prepare - 2));

	// On to the self-paced pelvic tilts: "Rep done" sits before the row of controls.
	await page.clock.fastForward((DESK_BREAK.selfPacedFrom - 2 + 1) * 1000);
	await expect(page.getByRole('button', { name: 'Rep done' })).toBeVisible();
	walk.newPage();
	await walk.tabTo('Rep done', { back: true });
	await page.keyboard.press('Enter');
	await expect(page.getByText('Rep 2 of 10')).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByText('Rep 3 of 10')).toBeVisible();

	// End the session early: the confirmation's buttons follow "End session".
	walk.newPage();
	await walk.tabTo('End session', { back: true });
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('alertdialog', { name: 'End this session now?' });
	await expect(dialog).toBeVisible();
	walk.newPage();
	await walk.check();
	await walk.tabTo('End session');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Session ended early' })).toBeVisible();
	await page.clock.resume();

	// Rate pain and effort, then save.
	walk.newPage();
	await walk.tabTo('0');
	await walk.press('ArrowRight');
	await walk.press('ArrowRight');
	await expect(
		page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '2', exact: true })
	).toBeChecked();
	await walk.tabTo('Too easy');
	await walk.press('ArrowRight');
	await expect(page.getByRole('radio', { name: 'About right' })).toBeChecked();
	await walk.tabTo('Save answers');
	expect(
		inOrder(walk.names(), ['0', '2', 'Clear rating', 'Too easy', 'About right', 'Save answers'])
	).toBe(true);
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved with your answers' })
	).toBeVisible();

	// To History, and export a backup.
	await walk.tabTo('See your history');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(1);
	await waitForApp(page);
	walk.newPage();
	await walk.tabTo('Export backup (JSON)');
	const downloading = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^limber-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const backup = JSON.parse(await readFile(await download.path(), 'utf8')) as {
		sessions: { programId: string; painBefore?: number; painAfter?: number; effort?: string }[];
	};
	expect(backup.sessions).toEqual([
		expect.objectContaining({
			programId: 'desk-break',
			painBefore: 3,
			painAfter: 2,
			effort: 'about right'
		})
	]);
});
