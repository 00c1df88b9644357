// Every page is prerendered to a static file; runtime-only routes use the SPA fallback.
export const prerender = true;
export const trailingSlash = 'always';
