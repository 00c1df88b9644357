// Runs the engines suite (tests/engines): checks that the engines are there (or says how to get
// them and fails), builds the app, then runs the journeys in each engine with Vitest.
// Arguments are passed to Vitest. SKIP_ENGINES=1 skips it all; ENGINES=firefox|webkit runs one.
import { spawnSync } from 'node:child_process';
import { findEngines, HOW_TO_GET_ENGINES } from './find-engines.js';

if (process.env.SKIP_ENGINES === '1') {
	console.log('engines: skipped (SKIP_ENGINES=1)');
	process.exit(0);
}

const found = findEngines();
if (found.missing.length > 0) {
	console.error(`engines: missing\n  - ${found.missing.join('\n  - ')}\n\n${HOW_TO_GET_ENGINES}`);
	process.exit(1);
}

const started = Date.now();
/** @param {string} command @param {string[]} args */
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
const status = run('npx', [
	'vitest',
	'run',
	'--config',
	'tests/engines/vitest.config.ts',
	...process.argv.slice(2)
]);
console.log(
	`engines: ${found.wanted.join(' and ')} in ${Math.round((Date.now() - started) / 1000)} s`
);
process.exit(status);
