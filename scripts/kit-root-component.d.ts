// The generated root component that kit-root-plugin.ts gives scripts/kit-root.svelte.js.
declare module 'limber:kit-root-component' {
	import type { Component } from 'svelte';
	const Root: Component<Record<string, unknown>>;
	export default Root;
}
