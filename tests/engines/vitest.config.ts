// The engines suite (npm run test:engines): real browsers, one engine at a time, real clock.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/engines/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		// Each journey waits on a real browser and the real clock.
		testTimeout: 90_000,
		hookTimeout: 90_000,
		reporters: ['verbose']
	}
});
