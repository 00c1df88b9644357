import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as shim from './kit-svelte.js';
import { KIT_CLIENT } from './kit-svelte-plugin';

// SvelteKit's client source, as installed.
const require = createRequire(import.meta.url);
const kitRoot = dirname(require.resolve('@sveltejs/kit/package.json'));
const clientFile = join(kitRoot, 'src/runtime/client/client.js');
const source = readFileSync(clientFile, 'utf8');

/** Every name SvelteKit's client takes from its `svelte` namespace import. */
function namesUsed(code: string): string[] {
	const names = new Set<string>();
	const namespace = /import \* as (\w+) from 'svelte';/.exec(code)?.[1];
	if (!namespace) return [];
	// `svelte.x`, but not in `state.svelte.js` or `https://svelte.dev` (comments).
	for (const [, name = ''] of code.matchAll(new RegExp(`(?<![./\\w])${namespace}\\.(\\w+)`, 'g'))) {
		names.add(name);
	}
	const destructured = new RegExp(`const \\{([^}]*)\\} = ${namespace};`, 'g');
	for (const [, list = ''] of code.matchAll(destructured)) {
		for (const entry of list.split(',')) names.add(entry.split(':')[0]?.trim() ?? '');
	}
	return [...names];
}

describe("the svelte module given to SvelteKit's client", () => {
	it('is used for the client file this test reads', () => {
		expect(KIT_CLIENT.test(clientFile.split('\\').join('/'))).toBe(true);
		expect(source).toContain("import * as svelte from 'svelte';");
	});

	it('exports every name the client uses', () => {
		const used = namesUsed(source);
		expect(used).toEqual(expect.arrayContaining(['onMount', 'tick', 'untrack', 'settled']));
		for (const name of used) expect(Object.keys(shim), name).toContain(name);
	});

	it('finds names used through the namespace and by destructuring', () => {
		const code =
			"import * as s from 'svelte';\nconst { a, b: c } = s;\ns.d(); s.e?.(); // x.s.f, https://s.g\n";
		expect(namesUsed(code).sort()).toEqual(['a', 'b', 'd', 'e']);
	});
});
