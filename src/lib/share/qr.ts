// A share link as a QR code: a thin wrapper around `lean-qr` (MIT, no dependencies, about 4 KB
// gzip), which the UI loads only when it shows a code. The link is written as one byte-mode
// segment at error correction level M, in the smallest version that holds it, never above
// version 25, so `linkFitsQrCode` (link.ts, which does not load this library) answers exactly
// whether `qrMatrix` and `qrSvg` will succeed.
import { correction, generate, mode, type Bitmap2D } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';
import { linkFitsQrCode, QR_MAX_LINK_BYTES, QR_MAX_VERSION } from './link';

/** Thrown for a link too long for a QR code the app shows (see linkFitsQrCode). */
export class QrTooLongError extends RangeError {
	constructor(bytes: number) {
		super(
			`the link is too long for a QR code (${bytes} bytes; at most ${QR_MAX_LINK_BYTES} at ` +
				`level M within version ${QR_MAX_VERSION})`
		);
		this.name = 'QrTooLongError';
	}
}

function encode(link: string): Bitmap2D {
	const bytes = new TextEncoder().encode(link);
	if (!linkFitsQrCode(link)) throw new QrTooLongError(bytes.length);
	return generate(mode.bytes(bytes), {
		minCorrectionLevel: correction.M,
		maxCorrectionLevel: correction.M,
		maxVersion: QR_MAX_VERSION
	});
}

/** The QR code of a link as rows of modules (true = dark), without the quiet zone. */
export function qrMatrix(link: string): boolean[][] {
	const code = encode(link);
	return Array.from({ length: code.size }, (_, y) =>
		Array.from({ length: code.size }, (_, x) => code.get(x, y))
	);
}

/** The QR code of a link as SVG source: dark on white, a 4-module quiet zone, one unit per module (scale it with CSS). */
export function qrSvg(link: string, options: { dark?: string; light?: string } = {}): string {
	return toSvgSource(encode(link), {
		on: options.dark ?? '#000',
		off: options.light ?? '#fff',
		pad: 4
	});
}
