// A silent WAV file (8-bit mono PCM, every sample at the mid-point 128). The media session
// needs an <audio> element that is really playing; static/audio/silence.wav is this file,
// written by encodeSilentWav(SILENCE_SECONDS) (a unit test checks the two agree).

/** Long enough for Chrome on Android, which shows media controls only for media over 5 s. */
export const SILENCE_SECONDS = 6;

/** Telephone-quality rate: every browser decodes it and the file stays small. */
export const SILENCE_SAMPLE_RATE = 8000;

/** Encodes `seconds` of silence as a complete WAV file. */
export function encodeSilentWav(seconds: number, sampleRate = SILENCE_SAMPLE_RATE): Uint8Array {
	const samples = Math.max(1, Math.round(seconds * sampleRate));
	const bytes = new Uint8Array(44 + samples);
	const view = new DataView(bytes.buffer);
	const ascii = (offset: number, text: string) => {
		for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
	};
	ascii(0, 'RIFF');
	view.setUint32(4, 36 + samples, true); // size of everything after this field
	ascii(8, 'WAVE');
	ascii(12, 'fmt ');
	view.setUint32(16, 16, true); // PCM format block size
	view.setUint16(20, 1, true); // PCM
	view.setUint16(22, 1, true); // mono
	view.setUint32(24, sampleRate, true);
	view.setUint32(28, sampleRate, true); // bytes per second (1 byte per sample)
	view.setUint16(32, 1, true); // bytes per frame
	view.setUint16(34, 8, true); // bits per sample
	ascii(36, 'data');
	view.setUint32(40, samples, true);
	bytes.fill(128, 44);
	return bytes;
}
