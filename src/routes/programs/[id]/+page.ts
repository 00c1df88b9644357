import { error } from '@sveltejs/kit';
import { findProgram } from '$lib/program/catalog';
import type { PageLoad } from './$types';

// Built-in programs are prerendered (the library links to each); an imported program's page
// is rendered in the browser from IndexedDB, through the SPA fallback page.
export const load: PageLoad = async ({ fetch, params }) => {
	const found = await findProgram(fetch, params.id);
	if (found) return found;
	error(404, `There is no program “${params.id}” on this device.`);
};
