// A Vitest environment for unit tests of runes (`*.svelte.test.ts`): Node's globals, but modules
// transformed for the client, so Svelte's effects run (the default node environment compiles a
// .svelte.ts module for the server, where `$effect` does nothing). The `runes` project in
// vite.config.ts uses it for every `*.svelte.test.ts` file (a file's own `@vitest-environment`
// comment cannot name a path).
import type { Environment } from 'vitest/environments';

export default {
	name: 'node-client',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
