// The shared unit-test factories and test support, imported as `$lib/test-factories` by
// *.test.ts and *.bench.ts files only (never by the app; src/lib/layers.test.ts leaves this
// folder out). programs.ts and hostile-programs.ts use relative imports only, so the e2e tests,
// the benchmarks and scripts (run without Vite's `$lib`) import those two files directly.
export * from './engine';
export * from './hostile-programs';
export * from './json-schema-check';
export * from './programs';
export * from './records';
