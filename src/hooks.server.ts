// Server hooks. They run only while the build prerenders pages (the app has no server).
import { building } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import { paintFirst } from '$lib/server/paint-first';

/** Every prerendered page paints before it requests any script ($lib/server/paint-first). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, building ? { transformPageChunk: ({ html }) => paintFirst(html) } : undefined);
