// Steps the journeys take in any engine, built on the driver's evaluate and click: find a
// control by its text, wait for the app, tap until a prerendered page has come alive.
import type { EngineDriver, PageFunction } from './driver';

/** Polls `fn` in the page until it returns something truthy; returns that. */
export async function waitFor<A extends unknown[], T>(
	driver: EngineDriver,
	what: string,
	fn: PageFunction<A, T>,
	...args: A
): Promise<NonNullable<T>> {
	return waitForWithin(driver, 10_000, what, fn, ...args);
}

/** waitFor with its own time limit (ms). */
export async function waitForWithin<A extends unknown[], T>(
	driver: EngineDriver,
	timeout: number,
	what: string,
	fn: PageFunction<A, T>,
	...args: A
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeout;
	let last: unknown;
	for (;;) {
		try {
			const value = await driver.evaluate(fn, ...args);
			if (value) return value;
			last = value;
		} catch (error) {
			// A navigation in progress can destroy the context mid-call: try again.
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`${driver.name}: timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`
			);
		}
		await sleep(150);
	}
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Marks the first visible element matching `css` whose text (or aria-label) is `text` and
 * returns a selector for it, or null. Runs in the page.
 */
function markByText(css: string, text: string, exact: boolean, n: number): string | null {
	const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
	for (const element of Array.from(document.querySelectorAll(css))) {
		const label = norm(element.getAttribute('aria-label'));
		const own = norm(element.textContent);
		const matches = exact
			? own === text || label === text
			: own.includes(text) || label.includes(text);
		const visible = element.getClientRects().length > 0;
		const disabled = (element as HTMLButtonElement).disabled === true;
		if (matches && visible && !disabled) {
			element.setAttribute('data-engine-target', String(n));
			element.scrollIntoView({ block: 'center' });
			return `[data-engine-target="${n}"]`;
		}
	}
	return null;
}

let marks = 0;

/** Clicks the visible `css` element whose text is `text` (waits for it to appear). */
export async function clickText(
	driver: EngineDriver,
	css: string,
	text: string,
	options: { exact?: boolean } = {}
): Promise<void> {
	const selector = await waitFor(
		driver,
		`${css} "${text}"`,
		markByText,
		css,
		text,
		options.exact ?? true,
		++marks
	);
	await driver.click(selector);
}

/**
 * Taps a control until the page shows what it should do: a prerendered page shows its buttons
 * before the app has hydrated them, and a tap then does nothing.
 */
export async function tapUntil<A extends unknown[]>(
	driver: EngineDriver,
	css: string,
	text: string,
	what: string,
	done: PageFunction<A, unknown>,
	...args: A
): Promise<void> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const selector = await driver.evaluate(markByText, css, text, true, ++marks);
		if (selector) {
			try {
				await driver.click(selector);
			} catch {
				// It went away between finding and clicking (the app answered): check below.
			}
		}
		const waitUntil = Date.now() + 1500;
		while (Date.now() < waitUntil) {
			if (await driver.evaluate(done, ...args).catch(() => false)) return;
			await sleep(150);
		}
		if (Date.now() > deadline) {
			throw new Error(`${driver.name}: tapping ${css} "${text}" never gave ${what}`);
		}
	}
}

/** The page's text content of the first element matching `css`, whitespace collapsed, or null. */
export function textOf(css: string): string | null {
	const element = document.querySelector(css);
	return element ? element.textContent.replace(/\s+/g, ' ').trim() : null;
}

/** Whether some visible element matching `css` contains `text`. Runs in the page. */
export function hasText(css: string, text: string): boolean {
	return Array.from(document.querySelectorAll(css)).some(
		(element) => element.getClientRects().length > 0 && element.textContent.includes(text)
	);
}

/** How many elements matching `css` contain `text`. Runs in the page. */
export function countText(css: string, text: string): number {
	return Array.from(document.querySelectorAll(css)).filter((element) =>
		element.textContent.includes(text)
	).length;
}

/** Whether the page's path (and query) is `path`. Runs in the page. */
export function atPath(path: string): boolean {
	return location.pathname + location.search === path;
}

/** The page's h1 text, once it is `title`. Runs in the page. */
export function headingIs(title: string): boolean {
	const h1 = document.querySelector('h1');
	return (h1?.textContent ?? '').replace(/\s+/g, ' ').trim() === title;
}

/**
 * Puts text into a field the way a paste does (one input event) and says whether the form's
 * submit button is on: it turns on only once the app reads the field (the page is live).
 * Runs in the page.
 */
export function pasteInto(css: string, text: string): boolean {
	const field = document.querySelector(css);
	if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return false;
	const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
	setter?.call(field, text);
	field.dispatchEvent(new Event('input', { bubbles: true }));
	const submit = field.form?.querySelector('button[type="submit"]');
	return submit instanceof HTMLButtonElement && !submit.disabled;
}
