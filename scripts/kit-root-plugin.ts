// Gives SvelteKit's client scripts/kit-root.svelte.js in place of the generated root.js (see that
// file for why). Only the import of `../root.js` by the generated client app module is
// redirected; the shim takes the generated root.svelte beside it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** SvelteKit's generated client app module, the one importer whose root import is redirected. */
export const KIT_APP = /\/generated\/client(-optimized)?\/app\.js$/;
const ROOT_COMPONENT = 'limber:kit-root-component';
const SHIM = fileURLToPath(new URL('./kit-root.svelte.js', import.meta.url));

export function kitRootPlugin(): Plugin {
	let rootComponent: string | null = null;
	return {
		name: 'limber:kit-root',
		enforce: 'pre',
		applyToEnvironment: (environment) => environment.name === 'client',
		resolveId(source, importer) {
			if (source === ROOT_COMPONENT) return rootComponent;
			if (source !== '../root.js' || !importer) return null;
			const from = importer.split('?')[0]!.split('\\').join('/');
			if (!KIT_APP.test(from)) return null;
			rootComponent = resolve(dirname(from), '../root.svelte');
			return SHIM;
		}
	};
}
