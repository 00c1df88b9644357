// No visible English is written into a component: every word a person sees or hears comes from
// a message (docs/i18n.md). This scans each .svelte file's markup (not its script or style) for
// text and for the attributes that are read out or shown (aria-label, title, alt, placeholder,
// and the few component props that carry words), and fails on any with a word in it that is not
// inside a {expression}.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

/** Attributes whose words are shown or spoken (HTML's, and our components' props for words). */
const WORD_ATTRIBUTES = [
	'aria-label',
	'aria-roledescription',
	'aria-valuetext',
	'aria-description',
	'title',
	'alt',
	'placeholder',
	'label',
	'legend',
	'hint',
	'heading'
];

/** Words that are the same in every language: the app's name. */
const SAME_EVERYWHERE = /^(Limber)$/;

/** Text that is not words: a file name extension (".json"). */
const NOT_WORDS = /^\.[a-z0-9]+$/i;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

/** The markup with {expressions} (balanced braces, strings inside them) blanked out. */
function withoutExpressions(markup: string): string {
	let out = '';
	let depth = 0;
	let quote: string | null = null;
	for (let i = 0; i < markup.length; i++) {
		const c = markup[i]!;
		if (depth > 0) {
			if (quote) {
				if (c === '\\') i++;
				else if (c === quote) quote = null;
			} else if (c === "'" || c === '"' || c === '`') quote = c;
			else if (c === '{') depth++;
			else if (c === '}') depth--;
			out += c === '\n' ? '\n' : ' ';
			continue;
		}
		if (c === '{') {
			depth = 1;
			out += ' ';
		} else out += c;
	}
	return out;
}

/** A component's markup: without <script>, <style> and comments. */
function markupOf(source: string): string {
	return source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
}

const hasWords = (text: string) =>
	!NOT_WORDS.test(text) &&
	text.split(/[^\p{L}]+/u).some((word) => word.length >= 2 && !SAME_EVERYWHERE.test(word));

/** The hard-coded words of one component: "line: text". */
export function hardCodedWords(source: string): string[] {
	const markup = withoutExpressions(markupOf(source));
	const found: string[] = [];
	const lineOf = (index: number) => markup.slice(0, index).split('\n').length;
	// Text between tags.
	for (const match of markup.matchAll(/>([^<>]+)</g)) {
		const text = match[1]!.trim();
		if (hasWords(text)) found.push(`text: ${text}`);
	}
	// Word-carrying attributes with a literal value.
	for (const match of markup.matchAll(/\s([\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
		const name = match[1]!;
		const value = (match[3] ?? match[4] ?? '').trim();
		if (WORD_ATTRIBUTES.includes(name) && hasWords(value)) {
			found.push(`${name}="${value}" (line ${lineOf(match.index)})`);
		}
	}
	return found;
}

describe('components', () => {
	it('finds hard-coded words in markup, and none in expressions, scripts or styles (the check works)', () => {
		const source = `<script>const a = 'Hello';</script>
<h1>Programs</h1>
<p>{m.intro({}, { locale })}</p>
<button aria-label="Close it" title={m.close()}>{'Literal in an expression'}</button>
<img alt="" src="x.svg" />
<!-- A comment -->
<span>· 3 ·</span><b>Limber</b><code>.json</code>
<style>p { content: 'Words'; }</style>`;
		expect(hardCodedWords(source)).toEqual(['text: Programs', 'aria-label="Close it" (line 4)']);
	});

	const files = svelteFiles(SRC);

	it('are all scanned', () => {
		expect(files.length).toBeGreaterThan(30);
	});

	it.each(files.map((file) => [relative(ROOT, file), file]))(
		'%s has no hard-coded visible words',
		(_, file) => {
			expect(hardCodedWords(readFileSync(file, 'utf8'))).toEqual([]);
		}
	);
});
