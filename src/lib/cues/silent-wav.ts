// A silent WAV file (8-bit mono PCM, every sample at the mid-point 128). The media session
// needs an <audio> element that is really playing; the player plays this, made in the page as a
// blob: URL (docs/cues.md, "The silent loop").

/**
 * A minute: over the 5 s Chrome on Android needs before it shows media controls, and long
 * enough that the loop's restart, which costs the page's main thread a seek each time, comes
 * once a minute (a 6 s file restarted ten times as often: docs/player.md, "What a wake costs").
 */
export const SILENCE_SECONDS = 60;

/** Telephone-quality rate: every browser decodes it and the file stays small. */
export const SILENCE_SAMPLE_RATE = 8000;

/** Encodes `seconds` of silence as a complete WAV file. */
export function encodeSilentWav(
	seconds: number,
	sampleRate = SILENCE_SAMPLE_RATE
): Uint8Array<ArrayBuffer> {
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

let silenceUrl: string | null = null;

/**
 * A blob: URL of SILENCE_SECONDS of silence (480 KB in memory), made the first time it is asked
 * for and kept for the page's life: no request, nothing to precache, and the same URL for every
 * session the page plays.
 */
export function silenceBlobUrl(): string {
	silenceUrl ??= URL.createObjectURL(
		new Blob([encodeSilentWav(SILENCE_SECONDS)], { type: 'audio/wav' })
	);
	return silenceUrl;
}
