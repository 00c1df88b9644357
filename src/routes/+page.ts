import { fetchBuiltinIndex } from '$lib/program/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ builtins: await fetchBuiltinIndex(fetch) });
