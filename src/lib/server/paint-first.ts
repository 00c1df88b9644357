// Paint first, then hydrate: a rewrite of every prerendered page (src/hooks.server.ts).
//
// SvelteKit writes a page's whole script graph as <link rel="modulepreload"> tags in the head,
// and an inline bootstrap script at the end of the body that imports the client and starts it.
// The page is already complete HTML, but on a slow link those scripts (about 35 KB gzip) share
// the connection with the render-blocking stylesheets, and on a fast one Chromium only paints
// once the scripts have run. Rewritten, the page asks for nothing but its stylesheets before it
// paints: the preload tags leave the head, and the bootstrap adds them back and starts the client
// as soon as the browser reports the first contentful paint (the paint is on screen then; the
// first frame's callbacks are too early: in Chromium a frame or two can pass before the paint is
// shown). Where no such paint is reported half a second after the first frame (a browser without
// paint timing), the client starts anyway. A hidden page (a background tab, or a page the browser
// prerenders) has no one waiting for its paint, so it starts at once.
//
// The price: on a first visit over a slow link the scripts start downloading a round trip or so
// later than before, so the page paints sooner but its buttons work later (docs/quality.md).
// From the service worker's cache the scripts arrive at once, and the delay is the time the
// browser takes to report the paint, a frame or two.
//
// The bootstrap is allowed by its SHA-256 in the page's Content Security Policy (kit.csp, hash
// mode), so the rewrite puts the new script's hash in place of the old one.
import { createHash } from 'node:crypto';
import { LANGUAGE_HINT_KEY, LANGUAGE_WAIT_CLASS } from '$lib/i18n/hint';
import { BASE_LOCALE, LOCALES } from '$lib/i18n/locale';
import { ORIGIN_PATTERN, SYNC_ORIGIN_KEY } from '$lib/sync/connect-hint';

/**
 * The page's language before it paints (see $lib/i18n/shell-words): the one this device showed
 * last (localStorage), else the first of the browser's languages that Limber speaks. Another
 * than English goes on <html lang>, and the page's English words stay hidden (LANGUAGE_WAIT_CLASS,
 * src/app.css) until the app has switched them, or for 3 s at most. Unminified:
 *
 *     try {
 *       const root = document.documentElement;
 *       const lang = localStorage.getItem(HINT_KEY)
 *         ?? navigator.languages.map((tag) => tag.split("-")[0].toLowerCase()).find((l) => LOCALES.includes(l));
 *       if (lang && lang != "en" && LOCALES.includes(lang)) {
 *         root.lang = lang;
 *         root.classList.add(WAIT_CLASS);
 *         setTimeout(() => root.classList.remove(WAIT_CLASS), 3000);
 *       }
 *     } catch {}
 */
const LANGUAGE_HINT =
	`try{const d=document.documentElement,L=${JSON.stringify(LOCALES)},` +
	`l=localStorage.getItem(${JSON.stringify(LANGUAGE_HINT_KEY)})??` +
	'navigator.languages.map(t=>t.split("-")[0].toLowerCase()).find(t=>L.includes(t));' +
	`if(l&&l!="${BASE_LOCALE}"&&L.includes(l)){d.lang=l;d.classList.add("${LANGUAGE_WAIT_CLASS}");` +
	`setTimeout(()=>d.classList.remove("${LANGUAGE_WAIT_CLASS}"),3e3)}}catch{}`;

/**
 * The page may connect to its own origin and, while sync is on, to the person's server, and to
 * nothing else. The built policy (svelte.config.js) allows `'self' https:` and this device's own
 * loopback, since the server is only known at run time; this adds a second policy, which a
 * browser enforces as well, narrowing `connect-src` to `'self'` and the one origin Settings → Sync
 * stored (docs/sync.md, "The content security policy"). It runs before any of the app's scripts.
 * Unminified:
 *
 *     try {
 *       let origin = "";
 *       try { origin = localStorage.getItem(SYNC_ORIGIN_KEY) ?? ""; } catch {} // storage refused
 *       document.head.append(Object.assign(document.createElement("meta"), {
 *         httpEquiv: "Content-Security-Policy",
 *         content: "connect-src 'self'" + (ORIGIN_PATTERN.test(origin) ? " " + origin : "")
 *       }));
 *     } catch {}
 */
const CONNECT_NARROWING =
	`try{let o="";try{o=localStorage.getItem(${JSON.stringify(SYNC_ORIGIN_KEY)})??""}catch{}` +
	'document.head.append(Object.assign(document.createElement("meta"),' +
	`{httpEquiv:"Content-Security-Policy",content:"connect-src 'self'"+` +
	`(${ORIGIN_PATTERN.toString()}.test(o)?" "+o:"")}))}catch{}`;

/** A preload tag exactly as SvelteKit writes it (kit.output.preloadStrategy 'modulepreload'). */
const PRELOAD_TAG = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
/** What marks SvelteKit's bootstrap, and where its start-up statement begins. */
const BOOTSTRAP_MARK = 'document.currentScript.parentElement';
const START_STATEMENT = 'Promise.all([';

/** The `sha256-…` source a Content Security Policy uses to allow an inline script. */
export function scriptHash(content: string): string {
	return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

/**
 * The bootstrap's body with `start` (SvelteKit's start-up statement) run after the first paint,
 * written small since every page carries it. Unminified, the added part reads:
 *
 *     const preloads = [...];
 *     const hydrate = () => {
 *       if (hydrate.started) return;
 *       hydrate.started = true;
 *       document.head.append(...preloads.map((href) => <link rel="modulepreload" href>));
 *       start;
 *     };
 *     if (document.hidden) hydrate(); // a background tab, or a page the browser prerenders
 *     else {
 *       requestAnimationFrame(() => setTimeout(hydrate, 500)); // first, in case the next throws
 *       new PerformanceObserver((list) => {
 *         if (list.getEntriesByName("first-contentful-paint")[0]) hydrate();
 *       }).observe({ type: "paint", buffered: true });
 *     }
 */
function deferredBootstrap(before: string, start: string, after: string, preloads: string[]) {
	const links =
		'p.map(href=>Object.assign(document.createElement("link"),{rel:"modulepreload",href}))';
	return (
		before +
		`const p=${JSON.stringify(preloads)},h=()=>{if(h.s)return;h.s=1;document.head.append(...${links});${start}};` +
		'if(document.hidden)h();else{requestAnimationFrame(()=>setTimeout(h,500));' +
		'new PerformanceObserver(l=>l.getEntriesByName("first-contentful-paint")[0]&&h())' +
		'.observe({type:"paint",buffered:!0})}' +
		after
	);
}

/**
 * Whether the page's body holds nothing before the bootstrap but opening tags: a page rendered in
 * the browser only (the SPA fallback, the player) has no first paint worth waiting for.
 */
function nothingToPaint(html: string, bootstrapTag: string): boolean {
	const bodyAt = html.search(/<body[\s>]/);
	if (bodyAt < 0) return false;
	const before = html.slice(bodyAt, html.indexOf(bootstrapTag));
	return /^(\s*<[a-z][^>]*>)*\s*$/i.test(before);
}

/** The bootstrap's body rewritten to start the client after the first paint. */
function paintFirstBody(html: string, body: string): string {
	const startAt = body.indexOf(START_STATEMENT);
	const blockEnd = body.lastIndexOf('}');
	if (startAt < 0 || blockEnd < startAt || body.indexOf(START_STATEMENT, startAt + 1) >= 0) {
		throw new Error('paintFirst: SvelteKit bootstrap has an unexpected shape');
	}
	const start = body.slice(startAt, blockEnd).trim();
	if (!start.endsWith('});')) throw new Error('paintFirst: unexpected start-up statement');

	const preloads = [...html.matchAll(PRELOAD_TAG)].map(([, href = '']) => href);
	if (preloads.length === 0) throw new Error('paintFirst: no preload tags in the shape expected');
	return deferredBootstrap(body.slice(0, startAt), start, body.slice(blockEnd), preloads);
}

/**
 * Rewrites a prerendered page so that it requests no script before its first paint (see the
 * top of this file). A page without SvelteKit's bootstrap (no client-side rendering), or with
 * nothing in its body to paint before it (rendered in the browser only), comes back unchanged.
 * Throws when the page does not have the shape this rewrite knows, so a SvelteKit upgrade that
 * changes it fails the build instead of shipping a page that preloads early or that the policy
 * would block.
 */
export function paintFirst(html: string): string {
	const bootstraps = [...html.matchAll(INLINE_SCRIPT)]
		.map(([tag, body = '']) => ({ tag, body }))
		.filter(({ body }) => body.includes(BOOTSTRAP_MARK));
	const [bootstrap, ...others] = bootstraps;
	if (!bootstrap) return html;
	if (others.length > 0) throw new Error('paintFirst: more than one SvelteKit bootstrap');
	const { tag, body } = bootstrap;
	// A page rendered in the browser only gets the language hint and keeps its preloads.
	const browserOnly = nothingToPaint(html, tag);
	const rewritten =
		CONNECT_NARROWING + LANGUAGE_HINT + (browserOnly ? body : paintFirstBody(html, body));

	const oldSource = `'${scriptHash(body)}'`;
	const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)">/);
	if (!policy || (policy[1] ?? '').split(oldSource).length !== 2) {
		throw new Error('paintFirst: the page policy does not allow the bootstrap by its hash');
	}
	const newPolicy = policy[0].replace(oldSource, () => `'${scriptHash(rewritten)}'`);

	const result = html
		.replace(browserOnly ? '' : PRELOAD_TAG, '')
		.replace(policy[0], () => newPolicy)
		.replace(tag, () => `<script>${rewritten}</script>`);
	if (!browserOnly && /<link[^>]*modulepreload/i.test(result)) {
		throw new Error('paintFirst: a preload tag in a shape it does not know is left in the page');
	}
	return result;
}
