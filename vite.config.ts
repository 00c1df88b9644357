import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { programsPlugin } from './scripts/programs-plugin';

export default defineConfig({
	// programsPlugin validates programs/*.json and writes static/programs/ before SvelteKit
	// lists the static files (see scripts/programs-plugin.ts).
	plugins: [programsPlugin(), sveltekit()],
	preview: { port: 4173, strictPort: true },
	build: { modulePreload: false },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
