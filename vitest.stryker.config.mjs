// The Vitest config for mutation testing (stryker.config.mjs): the app's own, with a longer
// test timeout. Stryker instruments the code under test and records coverage per test, so the
// few tests that parse megabytes take several times longer than in `npm run test:unit`.
import { mergeConfig } from 'vitest/config';
import base from './vite.config.ts';

export default mergeConfig(base, { test: { testTimeout: 90_000 } });
