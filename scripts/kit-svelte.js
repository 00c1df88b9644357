// What SvelteKit's client uses of the `svelte` package. Its client.js does
// `import * as svelte from 'svelte'` (to feature-detect newer APIs), and a namespace import keeps
// every export of Svelte's index alive in the bundle — the legacy APIs (createEventDispatcher,
// beforeUpdate, afterUpdate) and others the app never calls: about 0.6 KB gzip in every page's
// first load. vite.config.ts points that one import here instead. scripts/kit-svelte.test.ts
// reads SvelteKit's client and fails if it ever uses a name missing from this list.
export { fork, onMount, settled, tick, untrack } from 'svelte';
