import fs from 'node:fs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { parseProgramText } from '../program/validate';
import { encodeShareLink, linkFitsQrCode, QR_MAX_LINK_BYTES } from './link';
import { qrMatrix, qrSvg, QrTooLongError } from './qr';

/** Renders rows of modules to RGBA pixels, with a quiet zone, as a camera would see a screen. */
function pixels(rows: boolean[][], scale = 4, quiet = 4) {
	const size = (rows.length + 2 * quiet) * scale;
	const data = new Uint8ClampedArray(size * size * 4).fill(255);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const row = rows[Math.floor(y / scale) - quiet];
			if (row?.[Math.floor(x / scale) - quiet]) {
				const at = (y * size + x) * 4;
				data[at] = data[at + 1] = data[at + 2] = 0;
			}
		}
	}
	return { data, size };
}

/** Reads a QR code back from rows of modules with jsQR (an independent decoder). */
function read(rows: boolean[][]) {
	const { data, size } = pixels(rows);
	return jsQR(data, size, size, { inversionAttempts: 'dontInvert' });
}

/** The error correction level written in a code's format information (ISO/IEC 18004 §7.9). */
function levelOf(rows: boolean[][]): string {
	const at = (x: number, y: number) => (rows[y]![x] ? 1 : 0);
	let bits = 0;
	for (let i = 0; i <= 5; i++) bits |= at(8, i) << i;
	bits |= at(8, 7) << 6;
	bits |= at(8, 8) << 7;
	bits |= at(7, 8) << 8;
	for (let i = 9; i < 15; i++) bits |= at(14 - i, 8) << i;
	const level = ((bits ^ 0x5412) >> 13) & 3;
	return ['M', 'L', 'H', 'Q'][level]!;
}

/**
 * Rasterises the SVG's path (closed, axis-aligned outlines with integer corners, filled by the
 * non-zero rule) back into rows of modules, by the winding number at each module's centre.
 */
function rowsFromSvg(svg: string): boolean[][] {
	const viewBox = /viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"/.exec(svg);
	const d = /<path d="([^"]*)"/.exec(svg);
	if (!viewBox || !d) throw new Error('no viewBox or path');
	const pad = -Number(viewBox[1]);
	const size = Number(viewBox[3]) - 2 * pad;
	const edges: [number, number, number, number][] = [];
	for (const outline of d[1]!.split('Z').filter(Boolean)) {
		const points = outline
			.replace(/^M/, '')
			.split('L')
			.map((point) => point.split(' ').map(Number) as [number, number]);
		points.forEach((point, i) => {
			const next = points[(i + 1) % points.length]!;
			edges.push([point[0], point[1], next[0], next[1]]);
		});
	}
	return Array.from({ length: size }, (_, y) =>
		Array.from({ length: size }, (_, x) => {
			const px = x + 0.5;
			const py = y + 0.5;
			let winding = 0;
			for (const [x1, y1, x2, y2] of edges) {
				if (x1 !== x2 || x1 < px) continue;
				if (y1 < py && y2 > py) winding++;
				else if (y2 < py && y1 > py) winding--;
			}
			return winding !== 0;
		})
	);
}

const program = (file: string) => {
	const result = parseProgramText(fs.readFileSync(file, 'utf8'));
	if (!result.ok) throw new Error(file);
	return result.value;
};

describe('qrMatrix', () => {
	it('encodes a share link that a QR reader reads back exactly, at level M', async () => {
		const link = await encodeShareLink(
			program('tests/fixtures/programs/valid/contract-example.json'),
			'https://limber.example.org'
		);
		expect(linkFitsQrCode(link)).toBe(true);
		const rows = qrMatrix(link);
		expect(rows.length).toBe(rows[0]!.length);
		expect((rows.length - 17) % 4).toBe(0);
		expect(levelOf(rows)).toBe('M');
		expect(read(rows)?.data).toBe(link);
	});

	it('fits 997 bytes in version 25 and refuses 998, as linkFitsQrCode says', () => {
		const prefix = 'https://limber.example.org/import/#p=1.';
		const longest = prefix + 'x'.repeat(QR_MAX_LINK_BYTES - prefix.length);
		const rows = qrMatrix(longest);
		expect(rows.length).toBe(17 + 4 * 25);
		expect(levelOf(rows)).toBe('M');
		const decoded = read(rows);
		expect(decoded?.version).toBe(25);
		expect(decoded?.data).toBe(longest);
		expect(linkFitsQrCode(longest + 'x')).toBe(false);
		expect(() => qrMatrix(longest + 'x')).toThrow(QrTooLongError);
		expect(() => qrMatrix(longest + 'x')).toThrow(
			'the link is too long for a QR code (998 bytes; at most 997 at level M within version 25)'
		);
		// Multi-byte characters count as their UTF-8 bytes.
		expect(() => qrMatrix('é'.repeat(499))).toThrow(QrTooLongError);
	});

	it('uses the smallest version that holds the link', () => {
		expect(qrMatrix('https://limber.example.org/import/#p=1.AAAA').length).toBe(17 + 4 * 4);
	});
});

describe('qrSvg', () => {
	it('draws the same code, which a QR reader reads back', async () => {
		const link = await encodeShareLink(
			program('tests/fixtures/programs/valid/minimal.json'),
			'https://limber.example.org/app'
		);
		const svg = qrSvg(link);
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('fill="#000"');
		expect(svg).toContain('fill="#fff"');
		const size = qrMatrix(link).length + 8;
		expect(svg).toContain(`viewBox="-4 -4 ${size} ${size}"`);
		const rows = rowsFromSvg(svg);
		expect(rows).toEqual(qrMatrix(link));
		expect(read(rows)?.data).toBe(link);
	});

	it('takes other colours, and refuses a link that is too long', () => {
		expect(qrSvg('https://x.example/import/#p=1.AA', { dark: '#123', light: 'none' })).toMatch(
			/fill="none".*fill="#123"/
		);
		expect(() => qrSvg('x'.repeat(998))).toThrow(QrTooLongError);
	});
});
