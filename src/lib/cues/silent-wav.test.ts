import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeSilentWav, SILENCE_SAMPLE_RATE, SILENCE_SECONDS } from './silent-wav';

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

	it('static/audio/silence.wav is exactly this encoder output (regenerate it if not)', () => {
		const file = readFileSync(new URL('../../../static/audio/silence.wav', import.meta.url));
		const expected = encodeSilentWav(SILENCE_SECONDS, SILENCE_SAMPLE_RATE);
		expect(file.length).toBe(expected.length);
		expect(Buffer.compare(file, Buffer.from(expected))).toBe(0);
	});
});
