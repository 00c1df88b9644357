import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
	encodeSilentWav,
	SILENCE_SAMPLE_RATE,
	SILENCE_SECONDS,
	silenceBlobUrl
} from './silent-wav';

function text(bytes: Uint8Array, from: number, length: number): string {
	return String.fromCharCode(...bytes.slice(from, from + length));
}

describe('encodeSilentWav', () => {
	it('writes a valid 8-bit mono PCM header and silent samples', () => {
		const bytes = encodeSilentWav(0.5, 8000);
		const view = new DataView(bytes.buffer);
		expect(text(bytes, 0, 4)).toBe('RIFF');
		expect(view.getUint32(4, true)).toBe(bytes.length - 8);
		expect(text(bytes, 8, 8)).toBe('WAVEfmt ');
		expect(view.getUint16(20, true)).toBe(1);
		expect(view.getUint16(22, true)).toBe(1);
		expect(view.getUint32(24, true)).toBe(8000);
		expect(view.getUint16(34, true)).toBe(8);
		expect(text(bytes, 36, 4)).toBe('data');
		expect(view.getUint32(40, true)).toBe(4000);
		expect(bytes.length).toBe(44 + 4000);
		expect(bytes.slice(44).every((b) => b === 128)).toBe(true);
	});

	it('is longer than the 5 seconds Chrome on Android needs for media controls', () => {
		expect(SILENCE_SECONDS).toBeGreaterThan(5);
	});

	it('loops once a minute: a restart costs the page a seek, so it should be rare', () => {
		expect(SILENCE_SECONDS).toBeGreaterThanOrEqual(60);
		// …and stays small in memory: 8 kHz, one byte a sample, under half a megabyte.
		const bytes = encodeSilentWav(SILENCE_SECONDS).length;
		expect(bytes).toBe(44 + SILENCE_SECONDS * SILENCE_SAMPLE_RATE);
		expect(bytes).toBeLessThanOrEqual(512 * 1024);
	});

	it('is played from one blob: URL per page, holding exactly this encoder output', async () => {
		const url = silenceBlobUrl();
		expect(url).toMatch(/^blob:/);
		expect(silenceBlobUrl()).toBe(url);
		const blob = resolveObjectURL(url);
		expect(blob?.type).toBe('audio/wav');
		const bytes = new Uint8Array((await blob!.arrayBuffer()) as ArrayBuffer);
		expect(Buffer.compare(bytes, encodeSilentWav(SILENCE_SECONDS))).toBe(0);
	});
});
