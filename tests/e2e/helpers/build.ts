// The build under test and side-by-side builds of other versions for the update test.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folder playwright.config.ts builds and serves (BUILD_DIR, default build). */
export const buildDir = process.env.BUILD_DIR ?? 'build';

/** The version name of that build (APP_VERSION, default package.json's version). */
export const appVersion: string =
	process.env.APP_VERSION ??
	(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/**
 * Builds the app again into `<BUILD_DIR>-<suffix>` (kit output `<KIT_OUT_DIR>-<suffix>`) with
 * another version name, and returns the folder. Both names match the gitignored build-* and
 * .svelte-kit-* patterns.
 */
export function buildVersion(suffix: string, version: string): string {
	const dir = `${buildDir}-${suffix}`;
	const kitOut = `${process.env.KIT_OUT_DIR ?? '.svelte-kit'}-${suffix}`;
	execSync('npx vite build', {
		env: { ...process.env, BUILD_DIR: dir, KIT_OUT_DIR: kitOut, APP_VERSION: version },
		stdio: 'pipe'
	});
	return dir;
}

/**
 * Every page a build has: each prerendered page (a folder's index.html: /, /history/, /import/,
 * /play/ …) and each built-in program listed in programs/index.json.
 */
export function builtPages(dir: string): string[] {
	const pages = new Set<string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name !== 'index.html') continue;
		const folder = relative(dir, entry.parentPath).split(sep).join('/');
		pages.add(folder ? `/${folder}/` : '/');
	}
	const index = join(dir, 'programs', 'index.json');
	if (existsSync(index)) {
		const entries = JSON.parse(readFileSync(index, 'utf8')) as { id: string }[];
		for (const { id } of entries) pages.add(`/programs/${encodeURIComponent(id)}/`);
	}
	return [...pages].sort();
}
