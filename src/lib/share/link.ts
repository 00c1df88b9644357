// Share links (the contract: /work/shared/program-format.md, "Share links"): a program inside a
// link, `<base>/import/#p=1.<data>`, where <data> is the program's JSON text (UTF-8, no extra
// whitespace), compressed with raw DEFLATE and written in base64url without padding.
//
// The round trip: the link carries exactly `JSON.stringify(program)` of the program given (for
// the builder, a validated program: every default filled in, fields in the validator's order).
// Decoding gives back that text byte for byte, and the program the validator makes of it, which
// for a validated program is the same program again. See docs/decisions.md, "Routine builder".
//
// The decoder never throws. Problems about the link itself have the path "(link)"; once the
// text is out, it is checked exactly like an imported file (parseProgramText), so its problems
// have the same paths and wording as the Import page's.
import { MAX_PROGRAM_BYTES, parseProgramText } from '../program/validate';
import type { Advice, Problem, Program } from '../program/types';
import { base64urlDecode, base64urlEncode } from './base64url';
import { rawDeflate, type RawDeflate } from './deflate';

/** The encoding this app writes and reads: the "1." in "#p=1.". */
export const SHARE_LINK_VERSION = 1;
/** The most <data> a link may carry: 64 KB (base64url is ASCII, so characters are bytes). */
export const MAX_SHARE_DATA_CHARS = 64 * 1024;
/** The most program text a link may inflate to: 1 MB, the limit of a program file. */
export const MAX_SHARE_TEXT_BYTES = MAX_PROGRAM_BYTES;
/** The path of problems about the link itself rather than the program in it. */
export const LINK_PATH = '(link)';
/** Where links lead, under the app's base. */
export const SHARE_IMPORT_PATH = '/import/';

/**
 * The largest link, in UTF-8 bytes, that fits a QR code at error correction level M within
 * version 25 (117 × 117 modules) in byte mode: 997 bytes. ISO/IEC 18004 gives version 25 1,588
 * codewords, of which level M spends 21 blocks × 28 = 588 on error correction, leaving 1,000
 * data codewords (8,000 bits); byte mode needs 4 bits of mode and 16 of length, so
 * ⌊(8,000 − 20) / 8⌋ = 997. (Sources in docs/decisions.md; qr.test.ts checks the encoder agrees.)
 */
export const QR_MAX_LINK_BYTES = 997;
/** The largest QR code version the app shows (beyond it phone cameras struggle on a screen). */
export const QR_MAX_VERSION = 25;

export type ShareDecodeResult =
	| { ok: true; text: string; program: Program; advice: Advice[] }
	| { ok: false; problems: Problem[]; more: number };

/** Thrown by the encoder for a program too large for a link (over 64 KB packed, or 1 MB of text). */
export class ShareLinkTooLargeError extends RangeError {
	constructor(message: string) {
		super(message);
		this.name = 'ShareLinkTooLargeError';
	}
}

const withSeparators = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The exact text a link carries for a program: its JSON without extra whitespace. */
export function shareText(program: Program): string {
	return JSON.stringify(program);
}

/** The fragment (after "#") that carries a program: "p=1.<data>". */
export async function encodeShareFragment(
	program: Program,
	deflater: RawDeflate = rawDeflate()
): Promise<string> {
	const bytes = new TextEncoder().encode(shareText(program));
	if (bytes.length > MAX_SHARE_TEXT_BYTES) {
		throw new ShareLinkTooLargeError(
			`the program is too large for a link (${withSeparators(bytes.length)} bytes of text; ` +
				`at most ${withSeparators(MAX_SHARE_TEXT_BYTES)})`
		);
	}
	const data = base64urlEncode(await deflater.deflate(bytes));
	if (data.length > MAX_SHARE_DATA_CHARS) {
		throw new ShareLinkTooLargeError(
			`the program is too large for a link (${withSeparators(data.length)} characters packed; ` +
				`at most ${withSeparators(MAX_SHARE_DATA_CHARS)}): share the file instead`
		);
	}
	return `p=${SHARE_LINK_VERSION}.${data}`;
}

/**
 * The share link of a program: `<base>/import/#p=1.<data>`, where base is where the app is
 * served (e.g. "https://example.org" or "https://example.org/app"; a trailing "/" is ignored).
 * Throws ShareLinkTooLargeError for a program too large for a link.
 */
export async function encodeShareLink(
	program: Program,
	base: string,
	deflater: RawDeflate = rawDeflate()
): Promise<string> {
	const fragment = await encodeShareFragment(program, deflater);
	return `${base.replace(/\/+$/, '')}${SHARE_IMPORT_PATH}#${fragment}`;
}

/** Whether a link fits a QR code the app can show (level M, version ≤ 25, byte mode). */
export function linkFitsQrCode(link: string): boolean {
	// Cheap bound first: UTF-8 takes at least one byte per UTF-16 unit and at most three.
	if (link.length > QR_MAX_LINK_BYTES) return false;
	if (link.length * 3 <= QR_MAX_LINK_BYTES) return true;
	return new TextEncoder().encode(link).length <= QR_MAX_LINK_BYTES;
}

const linkProblem = (message: string): ShareDecodeResult => ({
	ok: false,
	problems: [{ path: LINK_PATH, message }],
	more: 0
});

const DAMAGED =
	'is damaged: part of it may have been cut off or changed when it was copied; ask for the link again';

async function decode(input: string, inflater: RawDeflate): Promise<ShareDecodeResult> {
	if (typeof input !== 'string') return linkProblem('is not a link');
	// A whole link, "#p=…" or "p=…": the part after the first "#" when there is one.
	const hash = input.indexOf('#');
	const body = hash === -1 ? input : input.slice(hash + 1);
	if (!body.startsWith('p=')) {
		return linkProblem(
			'is not a Limber share link (its address should end in “#p=1.” and the program)'
		);
	}
	const rest = body.slice(2);
	const dot = rest.indexOf('.');
	const version = dot === -1 ? rest : rest.slice(0, dot);
	if (!/^(0|[1-9][0-9]{0,8})$/.test(version)) {
		return linkProblem(`${DAMAGED} (it has no link format number before “.”)`);
	}
	if (Number(version) > SHARE_LINK_VERSION) {
		return linkProblem(
			`was made by a newer version of the app (link format ${version}; this app reads format ` +
				`${SHARE_LINK_VERSION}): update the app, then open the link again`
		);
	}
	if (Number(version) < SHARE_LINK_VERSION) {
		return linkProblem(`${DAMAGED} (link format ${version} does not exist)`);
	}
	const data = dot === -1 ? '' : rest.slice(dot + 1);
	if (data.length === 0) return linkProblem(`${DAMAGED} (it holds no program)`);
	if (data.length > MAX_SHARE_DATA_CHARS) {
		return linkProblem(
			`is too long: a link may carry at most ${withSeparators(MAX_SHARE_DATA_CHARS)} characters ` +
				`of program (this one has ${withSeparators(data.length)}); share the file instead`
		);
	}
	const packed = base64urlDecode(data);
	if (!packed) return linkProblem(`${DAMAGED} (it has characters a link cannot have, or too few)`);

	const inflated = await inflater.inflate(packed, MAX_SHARE_TEXT_BYTES);
	if (!inflated.ok) {
		return inflated.reason === 'too-large'
			? linkProblem(
					`holds more than 1 MB of program text (${withSeparators(MAX_SHARE_TEXT_BYTES)} bytes); ` +
						'a program may be at most 1 MB'
				)
			: linkProblem(`${DAMAGED} (its program cannot be unpacked)`);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated.bytes);
	} catch {
		return linkProblem(`${DAMAGED} (its program is not UTF-8 text)`);
	}
	const result = parseProgramText(text, inflated.bytes.length);
	if (!result.ok) return result;
	return { ok: true, text, program: result.value, advice: result.advice };
}

/**
 * Reads the program in a share link's fragment ("p=1.<data>", "#p=1.<data>" or the whole link):
 * the exact text and the validated program with its advice, or the problems (a link's own with
 * the path "(link)", the program's exactly as for an imported file). Never throws.
 */
export async function decodeShareFragment(
	fragment: string,
	inflater: RawDeflate = rawDeflate()
): Promise<ShareDecodeResult> {
	try {
		return await decode(fragment, inflater);
	} catch (error) {
		return linkProblem(
			`could not be read (${error instanceof Error ? error.message : 'unknown error'})`
		);
	}
}
