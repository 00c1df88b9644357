import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const buildDir = process.env.BUILD_DIR ?? 'build';

// Svelte's server rendering writes onload/onerror="this.__e=event" on elements with those
// handlers (an <img> on a prerendered page), to replay an event that fires before hydration.
// That one handler, and no other inline handler, is allowed by its hash.
const svelteEventReplay = `sha256-${createHash('sha256').update('this.__e=event').digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` registration: one less module in every page's first load.
	compilerOptions: { discloseVersion: false },
	kit: {
		// Every route is prerendered; routes known only at run time (imported programs)
		// are served by the SPA fallback page, which the service worker also precaches.
		// precompress: a .br and a .gz beside every file, as real static hosts serve them
		// (scripts/serve.js does too).
		adapter: adapter({
			pages: buildDir,
			assets: buildDir,
			fallback: '200.html',
			strict: true,
			precompress: true
		}),
		// Separate output folders let tests build a second version side by side.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// A stable version (never Date.now(): prerendering evaluates it again and breaks hydration).
		version: { name: process.env.APP_VERSION ?? pkg.version },
		serviceWorker: { register: false },
		// Content Security Policy, written by kit as a <meta http-equiv> tag into every page (with
		// hashes of its own inline scripts): nothing but this origin, no plugins, no inline script.
		// Style attributes (app.html's wrapper, SvelteKit's route announcer) are allowed; <style>
		// elements are not. See docs/quality.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'script-src-attr': ['unsafe-hashes', svelteEventReplay],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				// The person's sync server is known only at run time: the built policy allows any HTTPS
				// origin and this device's loopback (a CouchDB while developing), and every page's
				// bootstrap narrows it at once to 'self' and the one server (docs/sync.md).
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		typescript: {
			// Type-check the Node scripts and test configuration with the app.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../scripts/**/*.ts',
					'../scripts/**/*.js',
					'../bench/**/*.ts',
					'../playwright.config.ts'
				);
				return tsconfig;
			}
		}
	}
};

export default config;
