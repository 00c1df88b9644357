// Gives SvelteKit's client scripts/kit-svelte.js in place of the whole `svelte` index (see that
// file for why). Only that one import of that one file is redirected; the shim itself, the
// app and Svelte's own modules import 'svelte' as usual.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** SvelteKit's client module, the one importer whose `svelte` import is redirected. */
export const KIT_CLIENT = /@sveltejs\/kit\/src\/runtime\/client\/client\.js$/;

const SHIM = fileURLToPath(new URL('./kit-svelte.js', import.meta.url));

export function kitSveltePlugin(): Plugin {
	return {
		name: 'limber:kit-svelte',
		enforce: 'pre',
		applyToEnvironment: (environment) => environment.name === 'client',
		resolveId(source, importer) {
			if (source !== 'svelte' || !importer) return null;
			return KIT_CLIENT.test(importer.split('\\').join('/')) ? SHIM : null;
		}
	};
}
