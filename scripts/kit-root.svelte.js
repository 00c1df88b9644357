// SvelteKit's root component as the class its client constructs (`new app.root({ target, props,
// hydrate, sync: false, transformError })`, then `root.$set(props)` on each navigation), in
// place of the generated root.js, which wraps it with `asClassComponent` from `svelte/legacy`:
// about 1 KB of Svelte 4 compatibility in every first load (see kit-root-plugin.ts).
//
// Coarser than `asClassComponent` on purpose: a `$set` counts as a change of every prop (as it
// does for an object set again there), so each reader of the root's props runs again. SvelteKit
// sets the page and the route's data together on every navigation, so they would anyway; and
// the root's effect that notifies the page store runs on each `$set`, as it must. The component
// is mounted or hydrated, then flushed at once, as `asClassComponent` does for `sync: false`.
import { flushSync, hydrate, mount } from 'svelte';
import Root from 'limber:kit-root-component';

/** A new object on each `$set`: every read of a prop depends on it. */
let version = $state.raw({});

/**
 * The root, mounted or hydrated: SvelteKit calls this with `new` and keeps what it returns.
 * @param {{ target: Element; props: Record<string, unknown>; hydrate?: boolean;
 *   transformError?: (error: unknown) => unknown }} options
 */
export default function KitRoot({ target, props, hydrate: hydrating, transformError }) {
	/** @type {any} */
	const options = {
		target,
		// `version &&`: every read depends on it (it is always an object).
		props: new Proxy(props, { get: (values, key) => version && Reflect.get(values, key) }),
		transformError
	};
	(hydrating ? hydrate : mount)(Root, options);
	flushSync();
	return {
		/** @param {Record<string, unknown>} next */
		$set(next) {
			Object.assign(props, next);
			version = {};
		}
	};
}
