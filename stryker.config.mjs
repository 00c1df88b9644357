// Mutation testing (docs/quality.md, "Mutation testing"): `npm run test:mutation`.
// Slow (tens of minutes), so not part of `npm test`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.stryker.config.mjs', related: true },
	// The pure core: the program format, the player engine and its adapter, adherence.
	mutate: [
		'src/lib/program/**/*.ts',
		'src/lib/player/**/*.ts',
		'src/lib/adherence/**/*.ts',
		'!src/**/*.test.ts',
		'!src/**/*.bench.ts',
		'!src/**/test-*.ts'
	],
	coverageAnalysis: 'perTest',
	// A shared 2-core machine: one test runner at a time.
	concurrency: 1,
	// Mutants in module-level constants run every test file that imports them, for little
	// insight; skip them (reported as "ignored").
	ignoreStatic: true,
	incremental: true,
	incrementalFile: 'reports/stryker-incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	tempDirName: '.stryker-tmp',
	cleanTempDir: true,
	timeoutMS: 10000,
	thresholds: { high: 80, low: 60, break: null }
};

export default config;
