// An independent raw DEFLATE for the tests (fflate, a development dependency): links packed by
// the platform's streams must unpack with it and the other way round. Not part of the app.
import { deflateSync, Inflate } from 'fflate';
import { concat, INFLATE_PIECE_BYTES, type RawDeflate } from './deflate';

/** fflate's raw DEFLATE, with the same piecewise limit as the app's. */
export const fflateRawDeflate: RawDeflate = {
	name: 'fflate',
	deflate(bytes) {
		return Promise.resolve(deflateSync(bytes, { level: 9 }));
	},
	inflate(data, limit) {
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
				if (total > limit) {
					return Promise.resolve({ ok: false, reason: 'too-large', inflated: total });
				}
			}
		} catch {
			return Promise.resolve({ ok: false, reason: 'corrupt', inflated: total });
		}
		// An empty input is no DEFLATE stream (the native streams refuse it too).
		if (!end.finished || data.length === 0) {
			return Promise.resolve({ ok: false, reason: 'corrupt', inflated: total });
		}
		return Promise.resolve({ ok: true, bytes: concat(chunks, total) });
	}
};
