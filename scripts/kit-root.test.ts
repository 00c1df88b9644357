import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_APP } from './kit-root-plugin';

// SvelteKit's client and the code that writes its root module, as installed.
const require = createRequire(import.meta.url);
const kitRoot = dirname(require.resolve('@sveltejs/kit/package.json'));
const client = readFileSync(join(kitRoot, 'src/runtime/client/client.js'), 'utf8');
const writeRoot = readFileSync(join(kitRoot, 'src/core/sync/write_root.js'), 'utf8');

describe("the root component given to SvelteKit's client (kit-root.svelte.js)", () => {
	it('replaces the root module kit writes: asClassComponent around root.svelte', () => {
		expect(writeRoot).toContain('`${output}/root.js`');
		expect(writeRoot).toContain("import { asClassComponent } from 'svelte/legacy';");
		expect(writeRoot).toContain('export default asClassComponent(Root);');
		expect(KIT_APP.test('/x/.svelte-kit/generated/client-optimized/app.js')).toBe(true);
		expect(KIT_APP.test('/x/.svelte-kit/generated/client/app.js')).toBe(true);
	});

	it('is used by the client only with `new app.root(…)` and `root.$set(…)`', () => {
		expect(client).toContain('root = new app.root({');
		const uses = [...client.matchAll(/\broot\.(\$?\w+)/g)].map(([, name]) => name);
		// `root.$set`, and a DOM element of the same name in one function (focus handling).
		const componentUses = uses.filter((name) => name?.startsWith('$'));
		expect(new Set(componentUses)).toEqual(new Set(['$set']));
		// What it is constructed with: the shim reads target, props, hydrate and transformError.
		const options = client.slice(client.indexOf('root = new app.root({'));
		const block = options.slice(0, options.indexOf('});'));
		for (const name of ['target', 'props', 'hydrate', 'sync', 'transformError']) {
			expect(block).toContain(name);
		}
	});
});
