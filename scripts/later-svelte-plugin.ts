// Keeps the parts of the Svelte runtime that only later pages use out of the first load.
//
// The client's runtime chunk (vite.config.ts) takes every Svelte module the first load reaches,
// and through Svelte's internal index that is all of them; tree-shaking then keeps in it each
// function that any page uses, since the runtime chunk exports it to that page. So `bind:value`,
// `bind:group`, `<select>` bindings, `$state.snapshot` and `{#key}`, which only later pages and
// the library's deferred parts use, came with every first load (about 1.4 KB gzip).
//
// This plugin, for the client build only:
// - puts those modules in a chunk of their own ("svelte-later"), chosen before the runtime
//   group (higher priority) and without their imports (they import the runtime, which stays
//   where it is);
// - tells the bundler the modules have no side effects (true: their top level only declares
//   functions and a fresh empty array or set; scripts/later-svelte-plugin.test.ts reads them),
//   so that no chunk imports the new one only to keep the order in which modules run;
// - lets entry chunks gain exports (`preserveEntrySignatures: 'allow-extension'`), which a
//   group without its imports needs. SvelteKit asks for 'strict' in both builds; the server
//   build keeps it (its chunks' order of evaluation depends on it), while the browser only ever
//   imports the client's entries for the exports SvelteKit itself names, so an extra export
//   changes nothing there.
// Rolldown suggests `strictExecutionOrder` with such a group; it is not needed here because the
// four modules have no side effects and all they import stays in the runtime, which runs first.
// With entries free to gain exports the bundler put the runtime into SvelteKit's start entry,
// which the other chunks now import; `generateBundle` fails the build if any chunk statically
// imports another entry (a route node or app.js), which SvelteKit would not expect.
// The budget test (tests/e2e/budgets.test.ts) fails if these modules come back to the first load.
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;

/** Svelte runtime modules that no first-load page uses: bindings of form fields, snapshots, keys. */
export const LATER_SVELTE =
	/node_modules\/svelte\/src\/internal\/(client\/dom\/elements\/bindings\/(input|select)|client\/dom\/blocks\/key|shared\/clone)\.js$/;

export const LATER_SVELTE_CHUNK = 'svelte-later';

/** The entry chunk other chunks may import statically: SvelteKit's start, with the runtime. */
const START_ENTRY = /(^|\/)entry\/start\.[^/]*\.js$/;

/** Chunks that statically import an entry other than start, as "importer → entry". */
export function entryImports(bundle: OutputBundle): string[] {
	const found: string[] = [];
	for (const chunk of Object.values(bundle)) {
		if (chunk.type !== 'chunk') continue;
		for (const file of chunk.imports) {
			const target = bundle[file];
			if (target?.type === 'chunk' && target.isEntry && !START_ENTRY.test(target.fileName)) {
				found.push(`${chunk.fileName} → ${target.fileName}`);
			}
		}
	}
	return found;
}

export function laterSveltePlugin(): Plugin {
	return {
		name: 'limber:later-svelte',
		enforce: 'post',
		applyToEnvironment: (environment) => environment.name === 'client',
		configEnvironment(name) {
			if (name !== 'client') return null;
			return {
				build: {
					rolldownOptions: {
						preserveEntrySignatures: 'allow-extension',
						output: {
							codeSplitting: {
								groups: [
									{
										name: LATER_SVELTE_CHUNK,
										test: LATER_SVELTE,
										priority: 1,
										includeDependenciesRecursively: false
									}
								]
							}
						}
					}
				}
			};
		},
		generateBundle(_options, bundle) {
			const wrong = entryImports(bundle);
			if (wrong.length > 0) {
				this.error(`a chunk imports a SvelteKit entry other than start: ${wrong.join(', ')}`);
			}
		},
		transform(code, id) {
			if (!LATER_SVELTE.test(id.split('?')[0]!.split('\\').join('/'))) return null;
			return { code, map: null, moduleSideEffects: false };
		}
	};
}
