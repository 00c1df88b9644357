// Raw DEFLATE (RFC 1951) for share links: the web's own CompressionStream and
// DecompressionStream ('deflate-raw'), which Node 20, Chromium 103+, Firefox 113+ and Safari
// 16.4+ have. Where they are missing (Safari 16.0–16.3 and Firefox 104–112 are within the
// app's build target), the small `fflate` package is loaded on demand instead; no other
// browser downloads it.
//
// Inflating stops as soon as the output passes a limit: the compressed data is fed in small
// pieces and the output counted as it comes, so a "zip bomb" (64 KB that would inflate to
// 64 MB) costs at most one piece's worth (about 1 MB) past the limit, never the whole.
import { lazyImport } from '$lib/lazy-import';

/** Compressed bytes fed to the inflater at a time (at most about 1 MB of output each). */
export const INFLATE_PIECE_BYTES = 1024;

export type InflateResult =
	| { ok: true; bytes: Uint8Array<ArrayBuffer> }
	| {
			ok: false;
			/** "too-large": the output passed the limit; "corrupt": not a complete DEFLATE stream. */
			reason: 'too-large' | 'corrupt';
			/** How many bytes were inflated before stopping. */
			inflated: number;
	  };

/** A raw DEFLATE implementation. */
export interface RawDeflate {
	name: 'native' | 'fflate';
	deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
	inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<InflateResult>;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.byteLength;
	}
	return out;
}

/** Whether this engine has the web's raw DEFLATE streams. */
export function hasNativeDeflateRaw(): boolean {
	try {
		new CompressionStream('deflate-raw');
		new DecompressionStream('deflate-raw');
		return true;
	} catch {
		return false;
	}
}

async function nativeDeflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function nativeInflate(data: Uint8Array<ArrayBuffer>, limit: number): Promise<InflateResult> {
	const stream = new DecompressionStream('deflate-raw');
	const writer = stream.writable.getWriter();
	const reader = stream.readable.getReader();
	// Set by the reading side below; an object, so that the check after each await reads it anew.
	const feed = { stopped: false };
	// A corrupt stream fails the writer as well as the reader; the reader's failure is reported.
	const feeding = (async () => {
		for (let at = 0; at < data.length && !feed.stopped; at += INFLATE_PIECE_BYTES) {
			await writer.write(data.subarray(at, at + INFLATE_PIECE_BYTES));
		}
		if (!feed.stopped) await writer.close();
	})().catch(() => undefined);

	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > limit) {
				feed.stopped = true;
				await reader.cancel().catch(() => undefined);
				await feeding;
				return { ok: false, reason: 'too-large', inflated: total };
			}
			chunks.push(value);
		}
	} catch {
		feed.stopped = true;
		await feeding;
		return { ok: false, reason: 'corrupt', inflated: total };
	}
	await feeding;
	return { ok: true, bytes: concat(chunks, total) };
}

/** The web platform's raw DEFLATE (CompressionStream / DecompressionStream). */
export const nativeRawDeflate: RawDeflate = {
	name: 'native',
	deflate: nativeDeflate,
	inflate: nativeInflate
};

/** fflate's raw DEFLATE, loaded on first use (for engines without 'deflate-raw' streams). */
export const fflateRawDeflate: RawDeflate = {
	name: 'fflate',
	async deflate(bytes) {
		const { deflateSync } = await lazyImport(() => import('fflate'));
		return deflateSync(bytes, { level: 9 });
	},
	async inflate(data, limit) {
		const { Inflate } = await lazyImport(() => import('fflate'));
		const chunks: Uint8Array[] = [];
		let total = 0;
		// Filled in by fflate's callback.
		const end = { finished: false };
		const inflater = new Inflate((chunk, final) => {
			total += chunk.byteLength;
			if (total <= limit) chunks.push(chunk);
			if (final) end.finished = true;
		});
		try {
			for (let at = 0; at < data.length; at += INFLATE_PIECE_BYTES) {
				inflater.push(
					data.subarray(at, at + INFLATE_PIECE_BYTES),
					at + INFLATE_PIECE_BYTES >= data.length
				);
				if (total > limit) return { ok: false, reason: 'too-large', inflated: total };
			}
		} catch {
			return { ok: false, reason: 'corrupt', inflated: total };
		}
		// An empty input is no DEFLATE stream (the native streams refuse it too).
		if (!end.finished || data.length === 0)
			return { ok: false, reason: 'corrupt', inflated: total };
		return { ok: true, bytes: concat(chunks, total) };
	}
};

/** The raw DEFLATE to use here: the platform's when it has one, otherwise fflate. */
export function rawDeflate(): RawDeflate {
	return hasNativeDeflateRaw() ? nativeRawDeflate : fflateRawDeflate;
}
