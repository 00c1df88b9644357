import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { paintFirst, scriptHash } from './paint-first';

const PRELOADS = [
	'./_app/immutable/entry/start.A.js',
	'./_app/immutable/chunks/B.js',
	'./_app/immutable/entry/app.C.js',
	'./_app/immutable/nodes/0.D.js'
];

/** SvelteKit's bootstrap, in the shape kit 2 writes it. */
const BOOTSTRAP = `
				{
					__sveltekit_abc = {
						base: new URL(".", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.A.js"),
						import("./_app/immutable/entry/app.C.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [null,null],
							form: null,
							error: null
						});
					});
				}
			`;

const STYLESHEETS = `		<link href="./_app/immutable/assets/0.css" rel="stylesheet">
		<link href="./_app/immutable/assets/2.css" rel="stylesheet">\n`;
const CONTENT = '<main><h1>Programs</h1><p>A calm routine.</p></main>';

/** A prerendered page as SvelteKit writes it, its policy allowing `scripts` by hash. */
function page({
	content = CONTENT,
	bootstraps = [BOOTSTRAP],
	hashes = bootstraps.map(scriptHash)
}: { content?: string; bootstraps?: string[]; hashes?: string[] } = {}): string {
	const sources = hashes.map((hash) => ` '${hash}'`).join('');
	return `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'${sources}; object-src 'none'">
${PRELOADS.map((href) => `		<link href="${href}" rel="modulepreload">\n`).join('')}		<title>Programs</title>
${STYLESHEETS}	</head>
	<body data-sveltekit-preload-data="hover">
		<div style="display: contents">${content}
${bootstraps.map((body) => `			<script>${body}</script>\n`).join('')}		</div>
	</body>
</html>
`;
}

/** The body of the one inline script of a page. */
function scriptOf(html: string): string {
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
	expect(scripts).toHaveLength(1);
	return scripts[0]?.[1] ?? '';
}

/** The sources of the page policy's script-src directive. */
function scriptSources(html: string): string[] {
	const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
	const directive = policy.split(';').find((part) => part.trim().startsWith('script-src'));
	return directive?.trim().split(/\s+/).slice(1) ?? [];
}

/**
 * Runs a bootstrap in a stand-in browser: frames, timers and paint reports happen only when the
 * test says so; `import()` is recorded. `paintTiming: false` is a browser whose
 * PerformanceObserver throws on paint timing.
 */
function browser({
	hidden = false,
	paintTiming = true,
	stored = null as string | null,
	syncOrigin = null as string | null,
	languages = ['en-US'] as string[]
} = {}) {
	/** The policies the script added (`<meta http-equiv>`'s content). */
	const policies: string[] = [];
	const root = { lang: 'en', classes: new Set<string>() };
	const frames: (() => void)[] = [];
	const timers: { run: () => void; delay: number }[] = [];
	type PaintList = { getEntriesByName(name: string): unknown[] };
	const observers: ((list: PaintList) => void)[] = [];
	const preloaded: string[] = [];
	const imported: string[] = [];
	const started: unknown[][] = [];
	const body = { id: 'body' };
	class FakePerformanceObserver {
		constructor(private readonly report: (typeof observers)[number]) {
			// An old browser may have no paint timing at all, or throw on the options.
			if (!paintTiming) throw new TypeError('paint timing is not supported');
		}
		observe(options: { type: string; buffered: boolean }) {
			expect(options).toEqual({ type: 'paint', buffered: true });
			observers.push(this.report);
		}
	}
	const window = {
		URL,
		location: new URL('https://limber.example/programs/'),
		localStorage: {
			getItem: (key: string) =>
				key === 'limber-language' ? stored : key === 'limber-sync-origin' ? syncOrigin : null
		},
		navigator: { languages },
		document: {
			hidden,
			documentElement: {
				get lang() {
					return root.lang;
				},
				set lang(value: string) {
					root.lang = value;
				},
				classList: {
					add: (name: string) => root.classes.add(name),
					remove: (name: string) => root.classes.delete(name)
				}
			},
			currentScript: { parentElement: body },
			head: {
				append: (
					...links: { rel?: string; href?: string; httpEquiv?: string; content?: string }[]
				) => {
					for (const link of links) {
						if (link.httpEquiv !== undefined) {
							expect(link.httpEquiv).toBe('Content-Security-Policy');
							policies.push(link.content ?? '');
							continue;
						}
						expect(link.rel).toBe('modulepreload');
						preloaded.push(link.href ?? '');
					}
				}
			},
			createElement: (name: string) => {
				expect(['link', 'meta']).toContain(name);
				return name === 'link' ? { rel: '', href: '' } : { httpEquiv: '', content: '' };
			}
		},
		requestAnimationFrame: (callback: () => void) => frames.push(callback),
		setTimeout: (run: () => void, delay = 0) => timers.push({ run, delay }),
		PerformanceObserver: FakePerformanceObserver,
		__import: (path: string) => {
			imported.push(path);
			return Promise.resolve({
				start: (...args: unknown[]) => started.push(args)
			});
		}
	};
	return {
		run(script: string) {
			runInNewContext(script.replaceAll('import(', '__import('), window);
		},
		frame() {
			const due = frames.splice(0);
			for (const callback of due) callback();
		},
		timers(maxDelay = Infinity) {
			const due = timers.filter((timer) => timer.delay <= maxDelay);
			timers.splice(0, timers.length, ...timers.filter((timer) => timer.delay > maxDelay));
			for (const timer of due) timer.run();
		},
		/** Reports a paint entry of that name ('first-paint', 'first-contentful-paint'). */
		paint(name: string) {
			const list = { getEntriesByName: (wanted: string) => (wanted === name ? [{ name }] : []) };
			for (const report of observers) report(list);
		},
		preloaded,
		imported,
		started,
		body,
		root,
		policies
	};
}

const flush = () => new Promise((done) => setTimeout(done));

describe('scriptHash', () => {
	it('is the base64 SHA-256 a Content Security Policy expects', () => {
		expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
		expect(scriptHash('this.__e=event')).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
		expect(scriptHash('a')).not.toBe(scriptHash('b'));
	});
});

describe('paintFirst', () => {
	const original = page();
	const rewritten = paintFirst(original);

	it('leaves no script for the browser to request before the first paint', () => {
		expect(original).toContain('rel="modulepreload"');
		expect(rewritten).not.toMatch(/<link[^>]*rel="modulepreload"/);
		expect(rewritten).toContain(STYLESHEETS);
		expect(rewritten).toContain(CONTENT);
		expect(rewritten).toContain('<title>Programs</title>');
	});

	it('allows the new bootstrap, and only it, by its hash', () => {
		const script = scriptOf(rewritten);
		expect(script).not.toBe(BOOTSTRAP);
		expect(scriptSources(original)).toEqual(["'self'", `'${scriptHash(BOOTSTRAP)}'`]);
		expect(scriptSources(rewritten)).toEqual(["'self'", `'${scriptHash(script)}'`]);
		expect(rewritten).toContain("default-src 'self'");
		expect(rewritten).toContain("object-src 'none'");
	});

	it('keeps the bootstrap until the page has painted its content, then preloads and starts', async () => {
		const tab = browser();
		tab.run(scriptOf(rewritten));
		// A frame on its own, or a paint without content, does not start it.
		tab.frame();
		tab.timers(0);
		tab.paint('first-paint');
		await flush();
		expect(tab.preloaded).toEqual([]);
		expect(tab.imported).toEqual([]);

		tab.paint('first-contentful-paint');
		expect(tab.preloaded).toEqual(PRELOADS);
		expect(tab.imported).toEqual([
			'./_app/immutable/entry/start.A.js',
			'./_app/immutable/entry/app.C.js'
		]);
		await flush();
		expect(tab.started).toHaveLength(1);
		const [app, element, options] = tab.started[0] ?? [];
		expect(app).toHaveProperty('start');
		expect(element).toBe(tab.body);
		expect(options).toMatchObject({ node_ids: [0, 2] });

		// Whatever comes later does not start it again.
		tab.timers();
		tab.paint('first-contentful-paint');
		await flush();
		expect(tab.imported).toHaveLength(2);
		expect(tab.preloaded).toHaveLength(PRELOADS.length);
		expect(tab.started).toHaveLength(1);
	});

	it('starts anyway when no paint is reported half a second after the first frame', async () => {
		const tab = browser();
		tab.run(scriptOf(rewritten));
		tab.timers();
		expect(tab.imported).toEqual([]);
		tab.frame();
		tab.timers(499);
		expect(tab.imported).toEqual([]);
		tab.timers(500);
		await flush();
		expect(tab.preloaded).toEqual(PRELOADS);
		expect(tab.started).toHaveLength(1);
	});

	it('starts half a second after the first frame where paint timing throws', async () => {
		const tab = browser({ paintTiming: false });
		expect(() => tab.run(scriptOf(rewritten))).toThrow(TypeError);
		expect(tab.imported).toEqual([]);
		tab.frame();
		tab.timers(500);
		await flush();
		expect(tab.started).toHaveLength(1);
	});

	it('starts at once in a hidden page: a background tab, or one the browser prerenders', async () => {
		const tab = browser({ hidden: true });
		tab.run(scriptOf(rewritten));
		expect(tab.preloaded).toEqual(PRELOADS);
		await flush();
		expect(tab.started).toHaveLength(1);
	});

	it('keeps a script that contains replacement patterns ($&, $1) as it is', () => {
		const dollars = BOOTSTRAP.replace('data: [null,null]', () => 'data: [{"text":"$& $1 $$ $\'"}]');
		const out = paintFirst(page({ bootstraps: [dollars] }));
		const script = scriptOf(out);
		expect(script).toContain('data: [{"text":"$& $1 $$ $\'"}]');
		expect(scriptSources(out)).toEqual(["'self'", `'${scriptHash(script)}'`]);
	});

	it('gives a page with nothing to paint only the language hint, and keeps its preloads', () => {
		const fallback = page({ content: '' });
		const rewritten = paintFirst(fallback);
		const script = scriptOf(rewritten);
		expect(script.endsWith(BOOTSTRAP)).toBe(true);
		expect(script.startsWith('try{')).toBe(true);
		expect(rewritten.match(/rel="modulepreload"/g)).toHaveLength(PRELOADS.length);
		expect(scriptSources(rewritten)).toEqual(["'self'", `'${scriptHash(script)}'`]);
	});

	it('leaves a page without a bootstrap as it is', () => {
		const staticPage = page({ bootstraps: [], hashes: [] });
		expect(paintFirst(staticPage)).toBe(staticPage);
	});

	describe('the connect-src narrowing', () => {
		const script = () => scriptOf(paintFirst(page()));

		it('lets the page connect to its own origin alone while sync is off', () => {
			const window = browser();
			window.run(script());
			expect(window.policies).toEqual(["connect-src 'self'"]);
		});

		it("adds the sync server's origin stored by Settings → Sync", () => {
			for (const origin of ['https://couch.example.org', 'http://127.0.0.1:5985']) {
				const window = browser({ syncOrigin: origin });
				window.run(script());
				expect(window.policies).toEqual([`connect-src 'self' ${origin}`]);
			}
		});

		it('puts nothing but an origin in the policy', () => {
			for (const origin of [
				'https://a.org; script-src *',
				"'unsafe-inline'",
				'https:',
				'http://[::1]:5984',
				'*',
				'https://a.org/path'
			]) {
				const window = browser({ syncOrigin: origin });
				window.run(script());
				expect(window.policies).toEqual(["connect-src 'self'"]);
			}
		});

		it('narrows to the own origin when storage refuses to be read, and the app still starts', () => {
			const window = browser({ syncOrigin: 'https://couch.example.org', languages: ['de'] });
			window.run(script().replaceAll('localStorage.getItem', '(()=>{throw new Error("denied")})'));
			expect(window.policies).toEqual(["connect-src 'self'"]);
			window.paint('first-contentful-paint');
			expect(window.preloaded).toHaveLength(PRELOADS.length);
		});
	});

	describe('the language hint', () => {
		const script = () => scriptOf(paintFirst(page()));

		it('sets the language this device showed last, and hides the words until the app switches them', () => {
			const window = browser({ stored: 'de', languages: ['fr-FR'] });
			window.run(script());
			expect(window.root.lang).toBe('de');
			expect([...window.root.classes]).toEqual(['i18n-wait']);
			// At most 3 s hidden, whatever happens to the app.
			window.timers(3000);
			expect([...window.root.classes]).toEqual([]);
		});

		it("takes the browser's first language Limber speaks when the device has none stored", () => {
			const window = browser({ languages: ['pt-BR', 'es-MX', 'de'] });
			window.run(script());
			expect(window.root.lang).toBe('es');
			expect(window.root.classes.has('i18n-wait')).toBe(true);
		});

		it('changes nothing for English, or a language Limber does not speak', () => {
			for (const options of [
				{ stored: 'en', languages: ['de-DE'] },
				{ languages: ['pt-BR', 'ja'] },
				{ stored: 'xx', languages: ['de'] }
			]) {
				const window = browser(options);
				window.run(script());
				expect(window.root.lang).toBe('en');
				expect(window.root.classes.size).toBe(0);
			}
		});

		it('still starts the app when storage refuses to be read', () => {
			const window = browser({ languages: ['de'] });
			const run = script().replaceAll('localStorage.getItem', '(()=>{throw new Error("denied")})');
			window.run(run);
			expect(window.root.lang).toBe('en');
			window.paint('first-contentful-paint');
			expect(window.preloaded).toHaveLength(PRELOADS.length);
		});
	});

	it('refuses pages it does not understand rather than write one the policy would block', () => {
		expect(() => paintFirst(page({ hashes: [] }))).toThrow(/policy/);
		expect(() => paintFirst(page({ bootstraps: [BOOTSTRAP, BOOTSTRAP] }))).toThrow(/more than one/);
		const reshaped = BOOTSTRAP.replace('Promise.all([', 'Promise.allSettled([');
		expect(() => paintFirst(page({ bootstraps: [reshaped] }))).toThrow(/shape/);
		// The policy must name the bootstrap's hash exactly once, to swap it for the new one.
		const twice = [scriptHash(BOOTSTRAP), scriptHash(BOOTSTRAP)];
		expect(() => paintFirst(page({ hashes: twice }))).toThrow(/policy/);
		// Preload tags written another way would stay in the head, fetched before the paint.
		const attributesSwapped = page().replaceAll(
			/<link href="([^"]+)" rel="modulepreload">/g,
			'<link rel="modulepreload" href="$1">'
		);
		expect(() => paintFirst(attributesSwapped)).toThrow(/preload/);
		const oneSwapped = page().replace(
			/<link href="([^"]+)" rel="modulepreload">/,
			'<link rel="modulepreload" href="$1">'
		);
		expect(() => paintFirst(oneSwapped)).toThrow(/preload tag/);
	});
});
