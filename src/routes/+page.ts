import { fetchBuiltinIndex } from '$lib/catalog/builtin';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ builtins: await fetchBuiltinIndex(fetch) });
