import { error } from '@sveltejs/kit';
import { findProgram } from '$lib/catalog/catalog';
import { isReservedProgramId } from '$lib/program/program-ids';
import type { Program } from '$lib/program/types';
import type { PageLoad } from './$types';

// Built-in programs are prerendered (the library links to each); an imported program's page
// is rendered in the browser from IndexedDB, through the SPA fallback page.
export const load: PageLoad = async ({ fetch, params }) => {
	const found = import.meta.env.SSR
		? await builtinWhilePrerendering(params.id)
		: await findProgram(fetch, params.id);
	if (found) return found;
	// The error page says this in the person's language, with the id.
	error(404, {
		message: `There is no program “${params.id}” on this device.`,
		program: params.id
	});
};

/**
 * While prerendering, a built-in program is read from the generated file itself rather than
 * fetched: SvelteKit copies every response fetched during server rendering into the page (for
 * hydration), which made each program page carry its program twice (1.7 KB gzip). In the
 * browser the page's load fetches /programs/<id>.json, which the service worker has precached.
 * The `import.meta.env.SSR` branch is dropped from the browser's bundle, files and all.
 */
async function builtinWhilePrerendering(id: string) {
	const files = import.meta.glob<Program>('/static/programs/*.json', { import: 'default' });
	const file = isReservedProgramId(id) ? undefined : files[`/static/programs/${id}.json`];
	return file ? { program: await file(), imported: false } : null;
}
