// Server hooks. The app has no server: these run while the build prerenders its pages, and under
// `npm run dev`, where they change nothing.
import { building } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import { paintFirst } from '$lib/server/paint-first';

/** Every prerendered page paints before it requests any script ($lib/server/paint-first). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, building ? { transformPageChunk: rewrite } : undefined);

function rewrite({ html, done }: { html: string; done: boolean }): string {
	// The rewrite needs the whole page: the preload tags are in the head, the bootstrap at the end.
	if (!done) throw new Error('paint-first cannot rewrite a page that is streamed in parts');
	return paintFirst(html);
}
