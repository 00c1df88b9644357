import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; routes known only at run time (imported programs)
		// are served by the SPA fallback page, which the service worker also precaches.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html', strict: true }),
		// Separate output folders let tests build a second version side by side.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// A stable version (never Date.now(): prerendering evaluates it again and breaks hydration).
		version: { name: process.env.APP_VERSION ?? pkg.version },
		serviceWorker: { register: false },
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
