import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { entryImports, LATER_SVELTE, laterSveltePlugin } from './later-svelte-plugin';

// Svelte's runtime sources, as installed.
const require = createRequire(import.meta.url);
const svelteRoot = dirname(require.resolve('svelte/package.json'));

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => join(entry.parentPath, entry.name).split('\\').join('/'));
}

const laterModules = filesUnder(join(svelteRoot, 'src/internal')).filter((file) =>
	LATER_SVELTE.test(file)
);

type Node = { type: string; [key: string]: unknown };

/** Whether evaluating a top-level statement only declares something (no effect outside it). */
function onlyDeclares(statement: Node): boolean {
	switch (statement.type) {
		case 'ImportDeclaration':
		case 'FunctionDeclaration':
			return true;
		case 'ExportNamedDeclaration': {
			const declaration = statement.declaration as Node | null;
			return declaration === null || onlyDeclares(declaration);
		}
		case 'VariableDeclaration':
			return (statement.declarations as Node[]).every((declarator) =>
				freshValue(declarator.init as Node | null)
			);
		default:
			return false;
	}
}

/** A fresh empty array, an empty Set/Map/WeakSet/WeakMap, or a new symbol. */
function freshValue(init: Node | null): boolean {
	if (init === null) return true;
	if (init.type === 'ArrayExpression') return (init.elements as unknown[]).length === 0;
	const callee = init.callee as Node | undefined;
	const name = callee?.type === 'Identifier' ? (callee.name as string) : '';
	if (init.type === 'NewExpression') {
		return ['Set', 'Map', 'WeakSet', 'WeakMap'].includes(name) && !(init.arguments as []).length;
	}
	if (init.type === 'CallExpression' && name === 'Symbol') {
		return (init.arguments as Node[]).every((argument) => argument.type === 'Literal');
	}
	return false;
}

describe('the Svelte modules kept out of the first load (later-svelte-plugin.ts)', () => {
	it('names the form bindings, snapshots and key blocks of the installed Svelte', () => {
		const names = laterModules.map((file) => file.slice(file.indexOf('/src/internal/') + 14));
		expect(names.sort()).toEqual([
			'client/dom/blocks/key.js',
			'client/dom/elements/bindings/input.js',
			'client/dom/elements/bindings/select.js',
			'shared/clone.js'
		]);
	});

	it.each(laterModules)('%s has no side effects: its top level only declares', (file) => {
		const { program } = parseSync(file, readFileSync(file, 'utf8'));
		const statements = program.body as unknown as Node[];
		expect(statements.length).toBeGreaterThan(0);
		const effects = statements.filter((statement) => !onlyDeclares(statement));
		expect(effects.map((statement) => statement.type)).toEqual([]);
	});

	it('the check finds a top-level statement that does something', () => {
		const { program } = parseSync(
			'x.js',
			'const a = new Set(); window.x = 1; const b = [1]; export function f() {}'
		);
		const verdicts = (program.body as unknown as Node[]).map(onlyDeclares);
		expect(verdicts).toEqual([true, false, false, true]);
	});

	it('marks only those modules side-effect free, and changes only the browser build', () => {
		const plugin = laterSveltePlugin();
		const transform = plugin.transform as (code: string, id: string) => unknown;
		const later = `${svelteRoot}/src/internal/shared/clone.js`.split('\\').join('/');
		expect(transform('x', later)).toEqual({ code: 'x', map: null, moduleSideEffects: false });
		expect(transform('x', `${svelteRoot}/src/internal/client/render.js`)).toBeNull();
		const applies = plugin.applyToEnvironment as (environment: { name: string }) => boolean;
		expect(applies({ name: 'client' })).toBe(true);
		expect(applies({ name: 'ssr' })).toBe(false);
		const configure = plugin.configEnvironment as (name: string) => unknown;
		expect(configure('ssr')).toBeNull();
		expect(configure('client')).toMatchObject({
			build: { rolldownOptions: { preserveEntrySignatures: 'allow-extension' } }
		});
	});

	it('finds a chunk that imports an entry other than start (the build then fails)', () => {
		const chunk = (fileName: string, isEntry: boolean, imports: string[] = []) => ({
			type: 'chunk',
			fileName,
			isEntry,
			imports
		});
		const bundle = {
			a: chunk('_app/immutable/entry/start.X1.js', true),
			b: chunk('_app/immutable/nodes/2.X2.js', true, ['_app/immutable/entry/start.X1.js']),
			c: chunk('_app/immutable/chunks/X3.js', false, ['_app/immutable/entry/start.X1.js'])
		};
		const byFile = (chunks: Record<string, ReturnType<typeof chunk>>) =>
			Object.fromEntries(Object.values(chunks).map((c) => [c.fileName, c])) as never;
		expect(entryImports(byFile(bundle))).toEqual([]);
		const wrong = {
			...bundle,
			d: chunk('_app/immutable/chunks/X4.js', false, ['_app/immutable/nodes/2.X2.js'])
		};
		expect(entryImports(byFile(wrong))).toEqual([
			'_app/immutable/chunks/X4.js → _app/immutable/nodes/2.X2.js'
		]);
	});
});
