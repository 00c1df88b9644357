// The thin interface the journeys drive a browser through, so the same journeys run in every
// engine: Firefox through puppeteer-core (WebDriver BiDi), WebKitGTK through WebdriverIO
// (classic WebDriver). Everything else (finding a button by its text, waiting for the app) is
// built on `evaluate` and `click` in journeys.ts.

/** A function run in the page: self-contained (no closure), arguments and result as JSON. */
export type PageFunction<A extends unknown[], T> = (...args: A) => T | Promise<T>;

export interface EngineDriver {
	/** 'firefox' or 'webkit'. */
	readonly name: string;
	/** The browser's own version string (e.g. "firefox/153.8.0"). */
	readonly version: string;
	/** Opens a URL and waits for its load event. */
	goto(url: string): Promise<void>;
	/** Reloads the page and waits for its load event. */
	reload(): Promise<void>;
	/** Runs a function in the page and returns its (awaited) result. */
	evaluate<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T>;
	/** Clicks the element that matches a CSS selector, as a person would (native input). */
	click(selector: string): Promise<void>;
	/** Uncaught errors and console errors seen so far, where the protocol reports them. */
	errors(): Promise<string[]>;
	/** Closes the browser (and anything started for it). */
	close(): Promise<void>;
}

/** The source of a call of `fn` with `args`, to run in the page. */
export function callSource<A extends unknown[], T>(fn: PageFunction<A, T>, args: A): string {
	return `(${fn.toString()})(...${JSON.stringify(args)})`;
}
