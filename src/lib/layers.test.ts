// The folders under src/lib depend one way. This test reads every import in the app's own
// modules (tests and test helpers aside) and checks it against the list below, which is the
// one drawn in docs/decisions.md ("Folders and what they may import"). A new import that the
// list does not allow fails here; so does a list that allows a loop.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = join(import.meta.dirname);

/** Folder (or top-level module) → what it may import, besides itself and npm packages. */
const MAY_IMPORT: Record<string, readonly string[]> = {
	time: [],
	i18n: ['lazy-import'],
	// Paraglide's compiled messages and runtime (generated from messages/*.json).
	paraglide: [],
	validation: ['time'],
	program: ['i18n', 'paraglide', 'validation'],
	session: ['program', 'validation'],
	player: ['i18n', 'paraglide', 'program', 'session', 'time'],
	adherence: ['program', 'session', 'time'],
	reminders: ['adherence', 'i18n', 'paraglide', 'program', 'validation'],
	safety: ['i18n', 'paraglide', 'program'],
	builder: ['i18n', 'paraglide', 'program'],
	share: ['program'],
	cues: ['i18n', 'paraglide', 'player', 'program'],
	storage: [
		'adherence',
		'i18n',
		'paraglide',
		'player',
		'program',
		'reminders',
		'session',
		'time',
		'validation'
	],
	settings: ['storage'],
	// Sync: documents over the stored records, checked by the backup validator; its runner waits
	// for the player (pwa) and checks pulled routines against the built-in ids (catalog).
	sync: ['adherence', 'catalog', 'pwa', 'session', 'storage', 'time', 'validation'],
	language: ['i18n', 'settings'],
	catalog: ['lazy-import', 'program', 'storage'],
	today: ['adherence'],
	paths: [],
	defer: [],
	'lazy-import': [],
	download: [],
	pwa: [],
	notify: [
		'adherence',
		'catalog',
		'i18n',
		'language',
		'paths',
		'program',
		'pwa',
		'reminders',
		'settings',
		'storage'
	],
	recorder: ['adherence', 'i18n', 'program', 'pwa', 'safety', 'session', 'settings', 'storage'],
	history: [
		'adherence',
		'catalog',
		'download',
		'i18n',
		'paraglide',
		'program',
		'recorder',
		'session',
		'settings',
		'storage',
		'time',
		'today'
	],
	components: [
		'adherence',
		'builder',
		'catalog',
		'cues',
		'defer',
		'download',
		'history',
		'i18n',
		'language',
		'lazy-import',
		'notify',
		'paraglide',
		'paths',
		'player',
		'program',
		'pwa',
		'recorder',
		'reminders',
		'safety',
		'session',
		'settings',
		'share',
		'storage',
		'sync',
		'time',
		'today',
		'validation'
	],
	editor: ['builder', 'i18n', 'language', 'paraglide', 'program', 'storage', 'time'],
	library: [
		'adherence',
		'catalog',
		'components',
		'cues',
		'defer',
		'i18n',
		'language',
		'lazy-import',
		'paraglide',
		'paths',
		'player',
		'recorder',
		'reminders',
		'safety',
		'session',
		'settings',
		'storage',
		'today'
	],
	styles: [],
	server: ['i18n', 'sync']
};

/**
 * Modules counted with another folder than their own. `sync/documents.ts` is the pure mapping of
 * storage's records to sync documents: storage builds them on every write (recording a change for
 * sync in the same transaction), and sync carries them, so it is counted with storage (it imports
 * only storage's schemas and the session record's type). Otherwise storage → sync → storage.
 */
const UNIT_OF_MODULE: Record<string, string> = { 'sync/documents': 'storage' };

/** The folder a path under src/lib belongs to; a top-level module is its own (time.ts → time). */
function unitOf(path: string): string {
	const module = path.replace(/(\.svelte)?(\.(ts|js))?$/, '');
	const moved = UNIT_OF_MODULE[module];
	if (moved !== undefined) return moved;
	const [first = '', ...rest] = path.split('/');
	return rest.length > 0 ? first : first.replace(/(\.svelte)?(\.(ts|js))?$/, '');
}

function isTestFile(name: string): boolean {
	return (
		/\.(test|bench)\.ts$/.test(name) || name.startsWith('test-') || name === 'test-factories.ts'
	);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		// Test factories (src/lib/test-factories/) are test code, imported by tests only.
		if (entry.isDirectory()) return entry.name === 'test-factories' ? [] : sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) && !isTestFile(entry.name) ? [path] : [];
	});
}

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

/** Every import from one unit of src/lib into another: [from, to, file]. */
function crossImports(): [string, string, string][] {
	const found: [string, string, string][] = [];
	for (const file of sourceFiles(LIB)) {
		const from = unitOf(relative(LIB, file));
		for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const spec = match[1] ?? '';
			let target: string;
			if (spec.startsWith('$lib/')) target = spec.slice('$lib/'.length);
			else if (spec.startsWith('.')) target = relative(LIB, normalize(join(dirname(file), spec)));
			else continue;
			// The message catalogue (messages/*.json, outside src/lib) is data, not a layer.
			if (target.startsWith('../../messages/')) continue;
			const to = unitOf(target);
			if (to !== from) found.push([from, to, relative(LIB, file)]);
		}
	}
	return found;
}

describe('folders under src/lib', () => {
	it('import only what the list allows', () => {
		const imports = crossImports();
		expect(imports.length).toBeGreaterThan(50);
		const wrong = imports
			.filter(([from, to]) => !MAY_IMPORT[from]?.includes(to))
			.map(([from, to, file]) => `${file}: ${from} → ${to}`);
		expect(wrong).toEqual([]);
	});

	it('each has a place in the list', () => {
		const units = new Set(sourceFiles(LIB).map((file) => unitOf(relative(LIB, file))));
		expect([...units].filter((unit) => !(unit in MAY_IMPORT))).toEqual([]);
	});

	it('depend one way: the list has no loop', () => {
		const loops: string[] = [];
		const visit = (unit: string, trail: string[]) => {
			for (const next of MAY_IMPORT[unit] ?? []) {
				if (trail.includes(next)) loops.push([...trail, next].join(' → '));
				else visit(next, [...trail, next]);
			}
		};
		for (const unit of Object.keys(MAY_IMPORT)) visit(unit, [unit]);
		expect(loops).toEqual([]);
	});
});
