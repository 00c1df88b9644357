import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { kitSveltePlugin } from './scripts/kit-svelte-plugin';
import { programsPlugin } from './scripts/programs-plugin';

/**
 * Modules every page needs, bundled into one "runtime" chunk: the Svelte runtime, SvelteKit's
 * client, Vite's preload helper, and the app's few tiny modules that the first load needs on
 * every page. Left to itself the bundler splits them into a dozen small shared chunks, and each
 * costs the first load a request (the library's went from 15 scripts to 9, and 1.4 KB less
 * gzip; docs/quality.md).
 */
const RUNTIME_MODULES =
	/node_modules\/(svelte|@sveltejs\/kit)\/|vite\/preload-helper|__sveltekit\/|src\/lib\/(defer|lazy-import|paths|pwa\/early-install|catalog\/builtin|program\/(duration-text|program-ids))\.ts$/;

/** A program's card and its facts: one chunk for the library, its imported cards and program pages. */
const PROGRAM_CARD_MODULES =
	/src\/lib\/(components\/program\/(ProgramCard|ProgramFacts)\.svelte|program\/schedule-text\.ts)/;

export default defineConfig({
	// programsPlugin validates programs/*.json and writes static/programs/ before SvelteKit
	// lists the static files (see scripts/programs-plugin.ts).
	plugins: [programsPlugin(), kitSveltePlugin(), sveltekit()],
	preview: { port: 4173, strictPort: true },
	build: {
		modulePreload: false,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{ name: 'runtime', test: (id) => RUNTIME_MODULES.test(id) },
						{ name: 'program-card', test: (id) => PROGRAM_CARD_MODULES.test(id) }
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// A few tests work through 10,000 sessions or hundreds of generated programs: about a
		// second alone, but several on a shared, busy 2-core machine (correctness, not speed, is
		// what they check; speed is the benchmark's job).
		testTimeout: 20_000
	}
});
