import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProgramText } from '../program/validate';
import type { Program } from '../program/types';
import { base64urlDecode, base64urlEncode } from './base64url';
import {
	hasNativeDeflateRaw,
	INFLATE_PIECE_BYTES,
	missingRawDeflate,
	nativeRawDeflate,
	rawDeflate,
	type InflateResult,
	type RawDeflate
} from './deflate';
import { fflateRawDeflate } from './test-fflate';
import {
	decodeShareFragment,
	encodeShareFragment,
	encodeShareLink,
	LINK_PATH,
	linkFitsQrCode,
	MAX_SHARE_DATA_CHARS,
	MAX_SHARE_TEXT_BYTES,
	QR_MAX_LINK_BYTES,
	shareText,
	ShareLinkTooLargeError
} from './link';

const filesIn = (dir: string) =>
	fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(dir, name));

const SOURCES = [...filesIn('programs'), ...filesIn('tests/fixtures/programs/valid')];
const INVALID = filesIn('tests/fixtures/programs/invalid');
const ENGINES: RawDeflate[] = [nativeRawDeflate, fflateRawDeflate];

function validated(file: string): Program {
	const result = parseProgramText(fs.readFileSync(file, 'utf8'));
	if (!result.ok) throw new Error(`${file} is not valid`);
	return result.value;
}

/** A link whose data is the given bytes packed by Node's zlib (an independent raw DEFLATE). */
const fragmentOf = (bytes: Uint8Array) =>
	`p=1.${base64urlEncode(zlib.deflateRawSync(bytes, { level: 9 }))}`;
const fragmentOfText = (text: string) => fragmentOf(new TextEncoder().encode(text));

const problemsOf = async (fragment: string, engine: RawDeflate = nativeRawDeflate) => {
	const result = await decodeShareFragment(fragment, engine);
	return result.ok ? [] : result.problems;
};

let bomb: string | undefined;
/** 45 MB of spaces packs into about 44 KB: within the 64 KB a link may carry. Made once. */
const zipBomb = () =>
	(bomb ??= `p=1.${base64urlEncode(zlib.deflateRawSync(Buffer.alloc(45_000_000, 32), { level: 9 }))}`);

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('share links: the round trip', () => {
	it('has every built-in program and every valid fixture to check', () => {
		expect(SOURCES.filter((file) => file.startsWith('programs')).length).toBeGreaterThanOrEqual(3);
		expect(SOURCES.length).toBeGreaterThanOrEqual(8);
	});

	for (const encoder of ENGINES) {
		for (const decoder of ENGINES) {
			it.each(SOURCES)(
				`%s (packed by ${encoder.name}, unpacked by ${decoder.name})`,
				async (file) => {
					const program = validated(file);
					const link = await encodeShareLink(program, 'https://example.org/app/', encoder);
					expect(link.startsWith('https://example.org/app/import/#p=1.')).toBe(true);

					const decoded = await decodeShareFragment(new URL(link).hash, decoder);
					if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
					// The text is the validated program's own JSON, byte for byte …
					expect(decoded.text).toBe(JSON.stringify(program));
					expect(decoded.text).toBe(shareText(program));
					// … and it validates to the same program again, fields in the same order.
					expect(decoded.program).toEqual(program);
					expect(JSON.stringify(decoded.program)).toBe(JSON.stringify(program));
					expect(JSON.parse(decoded.text)).toEqual(program);
					expect(decoded.advice).toEqual([]);
				}
			);
		}
	}

	it('writes base64url without padding, of raw DEFLATE (RFC 1951) of the UTF-8 text', async () => {
		const program = validated('programs/gentle-relief.json');
		const fragment = await encodeShareFragment(program);
		const data = fragment.slice('p=1.'.length);
		expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
		// Node's zlib, a separate implementation, reads it as raw DEFLATE.
		const text = zlib.inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
		expect(text).toBe(JSON.stringify(program));
		expect(text).not.toMatch(/\n|": /);
	});

	it('reads links packed by another DEFLATE implementation, and text with accents', async () => {
		const program = { ...validated('tests/fixtures/programs/valid/minimal.json') };
		program.title = 'Rückenübungen für zu Hause — “sanft” 🌿';
		const result = await decodeShareFragment(fragmentOfText(JSON.stringify(program)));
		expect(result).toMatchObject({ ok: true, program: { title: program.title } });
	});

	it('takes the fragment with or without "#", or the whole link', async () => {
		const program = validated('tests/fixtures/programs/valid/minimal.json');
		const link = await encodeShareLink(program, 'https://example.org');
		const fragment = link.slice(link.indexOf('#') + 1);
		expect(link).toBe(`https://example.org/import/#${fragment}`);
		for (const form of [link, `#${fragment}`, fragment]) {
			expect(await decodeShareFragment(form)).toMatchObject({ ok: true, program });
		}
	});

	it('returns the advice of a valid program, as an import does', async () => {
		const text = JSON.stringify({
			format: 1,
			id: 'holds',
			title: 'Holds',
			exercises: [{ id: 'h', name: 'H', instructions: ['Hold.'], reps: 4, hold: 10 }]
		});
		const expected = parseProgramText(text);
		if (!expected.ok) throw new Error('the sample should be valid');
		expect(expected.advice).toHaveLength(1);
		const result = await decodeShareFragment(fragmentOfText(text));
		expect(result).toEqual({ ok: true, text, program: expected.value, advice: expected.advice });
	});
});

describe('share links: damaged, foreign and hostile links give problems, never an exception', () => {
	const sample = () => encodeShareFragment(validated('programs/gentle-relief.json'));

	it('refuses a link made by a newer version of the app', async () => {
		expect(await problemsOf('p=2.AAAA')).toEqual([
			{
				path: LINK_PATH,
				message:
					'was made by a newer version of the app (link format 2; this app reads format 1): ' +
					'update the app, then open the link again'
			}
		]);
		expect((await problemsOf('p=17'))[0]!.message).toMatch(/newer version of the app/);
	});

	it('refuses other formats and shapes as damaged or not a share link', async () => {
		const cases: [string, RegExp][] = [
			['', /is not a Limber share link/],
			['q=1.AAAA', /is not a Limber share link/],
			['https://example.org/import/', /is not a Limber share link/],
			['p=0.AAAA', /is damaged.*link format 0 does not exist/],
			['p=01.AAAA', /is damaged.*no link format number/],
			['p=x.AAAA', /is damaged.*no link format number/],
			['p=.AAAA', /is damaged.*no link format number/],
			['p=1', /is damaged.*holds no program/],
			['p=1.', /is damaged.*holds no program/]
		];
		for (const [fragment, message] of cases) {
			const problems = await problemsOf(fragment);
			expect(problems, fragment).toHaveLength(1);
			expect(problems[0]!.path).toBe(LINK_PATH);
			expect(problems[0]!.message, fragment).toMatch(message);
		}
	});

	it('refuses bad base64url: other characters, padding, an impossible length, stray bits', async () => {
		for (const data of ['AB+C', 'AB/C', 'ABC=', 'AB C', 'ABCDE', 'ABé', 'AB', 'AAB']) {
			const problems = await problemsOf(`p=1.${data}`);
			expect(problems, data).toHaveLength(1);
			expect(problems[0]!.message, data).toMatch(/^is damaged/);
		}
		// "AB" and "AAB" leave non-zero bits in their last character: not canonical.
		expect(base64urlDecode('AB')).toBeNull();
		expect(base64urlDecode('AA')).toEqual(new Uint8Array([0]));
	});

	it('refuses a truncated link, at every length', async () => {
		const fragment = await sample();
		for (let cut = 1; cut < fragment.length - 4; cut += 7) {
			const problems = await problemsOf(fragment.slice(0, fragment.length - cut));
			expect(problems.length, `cut ${cut}`).toBeGreaterThan(0);
		}
	});

	it('never throws for a character changed anywhere, and notices most changes', async () => {
		const fragment = await sample();
		let refused = 0;
		let tried = 0;
		for (let at = 4; at < fragment.length; at += 5) {
			const original = fragment[at]!;
			const changed = original === 'A' ? 'B' : 'A';
			const damaged = fragment.slice(0, at) + changed + fragment.slice(at + 1);
			for (const engine of ENGINES) {
				const result = await decodeShareFragment(damaged, engine);
				tried++;
				if (!result.ok) refused++;
			}
		}
		// Raw DEFLATE has no checksum: a change inside a run of plain text can still unpack to a
		// valid program with one letter different. The contract's format cannot notice that;
		// the person sees the program before adding it.
		// Measured on this program: about 4 changes in 5 are refused; the rest unpack to a
		// different valid program (e.g. the id "gentie-ellief"). See docs/decisions.md.
		expect(refused / tried).toBeGreaterThan(0.7);
		// A change in the first characters (the DEFLATE block header) is always noticed.
		for (const at of [4, 5]) {
			const damaged =
				fragment.slice(0, at) + (fragment[at] === '_' ? '-' : '_') + fragment.slice(at + 1);
			expect((await problemsOf(damaged)).length, `at ${at}`).toBeGreaterThan(0);
		}
	});

	it('refuses more than 64 KB of data before unpacking anything', async () => {
		const inflate = vi.fn<RawDeflate['inflate']>();
		const spy: RawDeflate = { ...nativeRawDeflate, inflate };
		const problems = await problemsOf(`p=1.${'A'.repeat(MAX_SHARE_DATA_CHARS + 1)}`, spy);
		expect(problems).toEqual([
			{
				path: LINK_PATH,
				message:
					'is too long: a link may carry at most 65,536 characters of program (this one has ' +
					'65,537); share the file instead'
			}
		]);
		expect(inflate).not.toHaveBeenCalled();
	});

	it.each(ENGINES)(
		'stops unpacking a zip bomb as soon as it passes 1 MB ($name)',
		async (engine) => {
			const fragment = zipBomb();
			expect(fragment.length).toBeLessThan(MAX_SHARE_DATA_CHARS);
			const results: InflateResult[] = [];
			const spy: RawDeflate = {
				...engine,
				inflate: async (bytes, limit) => {
					const result = await engine.inflate(bytes, limit);
					results.push(result);
					return result;
				}
			};
			expect(await problemsOf(fragment, spy)).toEqual([
				{
					path: LINK_PATH,
					message:
						'holds more than 1 MB of program text (1,048,576 bytes); a program may be at most 1 MB'
				}
			]);
			const [result] = results;
			expect(result).toMatchObject({ ok: false, reason: 'too-large' });
			// Stopped within about one piece's worth of output past the limit, not at 45 MB.
			const maxRatio = 1032; // the most DEFLATE can expand a byte
			expect(!result!.ok && result!.inflated).toBeLessThanOrEqual(
				MAX_SHARE_TEXT_BYTES + INFLATE_PIECE_BYTES * maxRatio + 65_536
			);
		}
	);

	it.each(ENGINES)('refuses data that is not DEFLATE, or cut short ($name)', async (engine) => {
		for (const bytes of [[0xff, 0xff, 0xff], [0x00], [1, 2, 3, 4, 5, 6, 7, 8]]) {
			const problems = await problemsOf(`p=1.${base64urlEncode(new Uint8Array(bytes))}`, engine);
			expect(problems, String(bytes)).toEqual([
				{
					path: LINK_PATH,
					message:
						'is damaged: part of it may have been cut off or changed when it was copied; ask ' +
						'for the link again (its program cannot be unpacked)'
				}
			]);
		}
	});

	it('refuses text that is not UTF-8', async () => {
		const problems = await problemsOf(fragmentOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
		expect(problems).toEqual([
			{ path: LINK_PATH, message: expect.stringMatching(/its program is not UTF-8 text\)$/) }
		]);
	});

	it('refuses more than 1 MB of text', async () => {
		const text = JSON.stringify({ format: 1, 'x-pad': ' '.repeat(MAX_SHARE_TEXT_BYTES) });
		const problems = await problemsOf(fragmentOfText(text));
		expect(problems[0]!.message).toMatch(/^holds more than 1 MB of program text/);
	});

	it('reports text that is not JSON exactly as an imported file', async () => {
		for (const text of ['{ "format": 1,', 'not json at all', '']) {
			const expected = parseProgramText(text);
			expect(expected.ok).toBe(false);
			expect(await problemsOf(fragmentOfText(text)), text).toEqual(
				!expected.ok && expected.problems
			);
		}
	});

	it.each(INVALID)('reports an invalid program exactly as an imported file: %s', async (file) => {
		const text = fs.readFileSync(file, 'utf8');
		const expected = parseProgramText(text);
		expect(expected.ok).toBe(false);
		const result = await decodeShareFragment(fragmentOfText(text));
		expect(result).toEqual(expected);
	});

	it('never throws, whatever it is given', async () => {
		for (const input of [undefined, null, 42, {}, '#', '##p=1.AAAA', 'p=1.' + '_'.repeat(100)]) {
			const result = await decodeShareFragment(input as unknown as string);
			expect(result.ok).toBe(false);
		}
		const failing: RawDeflate = {
			...nativeRawDeflate,
			inflate: () => Promise.reject(new Error('engine broke'))
		};
		expect(await problemsOf('p=1.AAAA', failing)).toEqual([
			{ path: LINK_PATH, message: 'could not be read (engine broke)' }
		]);
	});
});

describe('share links: the encoder', () => {
	it('refuses a program too large for a link', async () => {
		// Text that does not compress: 50 exercises × 12 steps of 200 pseudo-random letters.
		// (mulberry32, a small seeded generator, so the test is the same on every run)
		let seed = 1;
		const random = () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
		const letters = () =>
			Array.from({ length: 200 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join(
				''
			);
		const program = validated('tests/fixtures/programs/valid/minimal.json');
		const exercise = program.exercises[0]!;
		const big: Program = {
			...program,
			exercises: Array.from({ length: 50 }, (_, i) => ({
				...exercise,
				id: `e${i}`,
				instructions: Array.from({ length: 12 }, letters)
			}))
		};
		await expect(encodeShareLink(big, 'https://example.org')).rejects.toThrow(
			ShareLinkTooLargeError
		);
		await expect(encodeShareLink(big, 'https://example.org')).rejects.toThrow(
			/too large for a link .* characters packed; at most 65,536/
		);
		const huge: Program = { ...program, 'x-pad': 'x'.repeat(MAX_SHARE_TEXT_BYTES) };
		await expect(encodeShareFragment(huge)).rejects.toThrow(/bytes of text; at most 1,048,576/);
	});

	it('uses the platform streams, and says to update a browser that has none', async () => {
		expect(hasNativeDeflateRaw()).toBe(true);
		expect(rawDeflate()).toBe(nativeRawDeflate);
		vi.stubGlobal('CompressionStream', undefined);
		expect(hasNativeDeflateRaw()).toBe(false);
		expect(rawDeflate()).toBe(missingRawDeflate);
		vi.unstubAllGlobals();
		class GzipOnly {
			constructor(format: string) {
				if (format !== 'gzip') throw new TypeError('Unsupported compression format');
			}
		}
		vi.stubGlobal('DecompressionStream', GzipOnly);
		expect(rawDeflate()).toBe(missingRawDeflate);
		vi.unstubAllGlobals();
		const program = validated('programs/gentle-relief.json');
		const link = await encodeShareLink(program, 'https://example.org');
		const result = await decodeShareFragment(link, missingRawDeflate);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{
				path: '(link)',
				message:
					'could not be read (this browser cannot pack or unpack share links (it has no ' +
					'"deflate-raw" streams): update it, or share the file instead)'
			}
		]);
		await expect(
			encodeShareLink(program, 'https://example.org', missingRawDeflate)
		).rejects.toThrow(/update it, or share the file instead/);
	});
});

describe('linkFitsQrCode', () => {
	it('says whether a link fits a QR code at level M within version 25: 997 bytes', () => {
		expect(QR_MAX_LINK_BYTES).toBe(997);
		expect(linkFitsQrCode('h'.repeat(997))).toBe(true);
		expect(linkFitsQrCode('h'.repeat(998))).toBe(false);
		// UTF-8 bytes count, not characters: "é" is two bytes.
		expect(linkFitsQrCode('é'.repeat(498) + 'h')).toBe(true);
		expect(linkFitsQrCode('é'.repeat(499))).toBe(false);
		expect(linkFitsQrCode('')).toBe(true);
	});

	it('fits the small fixtures and not the built-in programs', async () => {
		const fits = async (file: string) =>
			linkFitsQrCode(await encodeShareLink(validated(file), 'https://limber.example.org'));
		expect(await fits('tests/fixtures/programs/valid/minimal.json')).toBe(true);
		expect(await fits('tests/fixtures/programs/valid/contract-example.json')).toBe(true);
		expect(await fits('programs/gentle-relief.json')).toBe(false);
	});
});

describe('base64url', () => {
	it('round-trips every length and every byte value', () => {
		const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131) % 256);
		for (let length = 0; length <= 300; length++) {
			const slice = bytes.slice(0, length);
			const text = base64urlEncode(slice);
			expect(text).toBe(Buffer.from(slice).toString('base64url'));
			expect(base64urlDecode(text)).toEqual(slice);
		}
	});
});
