import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { kitRootPlugin } from './scripts/kit-root-plugin';
import { kitSveltePlugin } from './scripts/kit-svelte-plugin';
import { laterSveltePlugin } from './scripts/later-svelte-plugin';
import { programsPlugin } from './scripts/programs-plugin';
import { shellKeysPlugin } from './scripts/shell-keys-plugin';

/**
 * Modules every page needs, bundled into one "runtime" chunk (in the browser build the bundler
 * then puts it into SvelteKit's start entry: scripts/later-svelte-plugin.ts): the Svelte runtime, SvelteKit's
 * client, Vite's preload helper, and the app's few tiny modules that the first load needs on
 * every page. Left to itself the bundler splits them into a dozen small shared chunks, and each
 * costs the first load a request (the library's went from 15 scripts to 9, and 1.4 KB less
 * gzip; docs/quality.md).
 */
const RUNTIME_MODULES =
	/node_modules\/(svelte|@sveltejs\/kit)\/|vite\/preload-helper|__sveltekit\/|src\/lib\/(defer|lazy-import|paths|pwa\/early-install|catalog\/builtin|program\/(duration-text|program-ids)|i18n\/(hint|shell-words\.svelte))\.ts$|messages\/shell\/en\.json$/;

/**
 * What the library's first load starts from: SvelteKit's client entry and the root layout,
 * error page and library page. A runtime module goes into the runtime chunk only when one of
 * these imports it (through static imports): the parts of the Svelte runtime that only a lazily
 * loaded page uses (the builder's, say) then load with that page instead of with every page.
 */
const FIRST_LOAD_ROOTS =
	/(\.svelte-kit\/generated\/client(-optimized)?\/app\.js|@sveltejs\/kit\/src\/runtime\/client\/entry\.js|src\/routes\/\+(layout|page|error)\.(svelte|ts))$/;

type ModuleGraph = { getModuleInfo(id: string): { importers: string[] } | null };

/**
 * Whether a first-load root reaches the module through static imports (memoised per build). A
 * "no" is remembered only once the whole search from the first module asked has found no root,
 * so that a module met again on an import cycle is never marked "no" too early.
 */
function inFirstLoad(id: string, graph: ModuleGraph, memo: Map<string, boolean>): boolean {
	const visiting = new Set<string>();
	const search = (module: string): boolean => {
		const known = memo.get(module);
		if (known !== undefined) return known;
		if (visiting.has(module)) return false;
		visiting.add(module);
		const reached =
			FIRST_LOAD_ROOTS.test(module) ||
			(graph.getModuleInfo(module)?.importers ?? []).some((importer) => search(importer));
		if (reached) memo.set(module, true);
		return reached;
	};
	const reached = search(id);
	if (!reached) for (const module of visiting) memo.set(module, false);
	return reached;
}

let firstLoadMemo = new Map<string, boolean>();
let memoGraph: ModuleGraph | null = null;

function runtimeChunk(id: string, graph: ModuleGraph): string | null {
	if (!RUNTIME_MODULES.test(id)) return null;
	if (graph !== memoGraph) {
		memoGraph = graph;
		firstLoadMemo = new Map();
	}
	return inFirstLoad(id, graph, firstLoadMemo) ? 'runtime' : null;
}

/** Where Paraglide's runtime finds the locale: the app sets it (see $lib/i18n), else English. */
const PARAGLIDE_STRATEGY = ['globalVariable', 'baseLocale'] as const;

/** A program's card and its facts: one chunk for the library, its imported cards and program pages. */
const PROGRAM_CARD_MODULES =
	/src\/lib\/(components\/program\/(ProgramCard|ProgramFacts)\.svelte|program\/schedule-text\.ts)/;

export default defineConfig({
	// programsPlugin validates programs/*.json and writes static/programs/ before SvelteKit
	// lists the static files (see scripts/programs-plugin.ts).
	// paraglideVitePlugin compiles messages/*.json into src/lib/paraglide/ (message functions
	// and a small runtime; docs/i18n.md). The locale is set by the app from the person's
	// setting (globalVariable), and the messages are mostly called with it explicitly.
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: [...PARAGLIDE_STRATEGY],
			outputStructure: 'message-modules',
			emitReadme: false
		}),
		programsPlugin(),
		// The first-load words' keys, a letter or two each in the built app (docs/i18n.md).
		shellKeysPlugin(),
		kitSveltePlugin(),
		kitRootPlugin(),
		// Form bindings, snapshots and keys: in a chunk of their own, not in every first load.
		laterSveltePlugin(),
		sveltekit()
	],
	preview: { port: 4173, strictPort: true },
	build: {
		modulePreload: false,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{ name: (id, ctx) => runtimeChunk(id, ctx) },
						{ name: 'program-card', test: (id) => PROGRAM_CARD_MODULES.test(id) }
					]
				}
			}
		}
	},
	test: {
		// A few tests work through 10,000 sessions or hundreds of generated programs: about a
		// second alone, but several on a shared, busy 2-core machine (correctness, not speed, is
		// what they check; speed is the benchmark's job).
		testTimeout: 20_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Tests of runes (`*.svelte.test.ts`): Node's globals, with the modules and Svelte's
				// runtime made for the client, so that effects run (scripts/vitest-client-environment.ts).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.test.ts'],
					environment: './scripts/vitest-client-environment.ts',
					server: { deps: { inline: ['svelte'] } }
				}
			}
		]
	}
});
