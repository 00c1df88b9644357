// Runs the engines suite (tests/engines): checks that the engines are there (or says how to get
// them and fails), builds the app, then runs the journeys in each engine with Vitest.
// Arguments are passed to Vitest. SKIP_ENGINES=1 skips it all; ENGINES=firefox|webkit runs one.
import { spawnSync } from 'node:child_process';
import { enginesOrExit } from './find-engines.js';

const found = enginesOrExit();

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
