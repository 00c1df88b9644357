// base64url (RFC 4648 §5) without "=" padding, for the data of share links. The decoder is
// strict: it takes only the canonical text (the alphabet, no padding, no whitespace, a length
// that base64 can have, and zero bits where the last character has bits to spare), so a
// character changed on the way is noticed rather than read as something else.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as base64url without padding. */
export function base64urlEncode(bytes: Uint8Array): string {
	const out: string[] = [];
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		out.push(
			ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
		);
	}
	const left = bytes.length - i;
	if (left === 1) {
		const n = bytes[i]! << 16;
		out.push(ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!);
	} else if (left === 2) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
		out.push(ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!);
	}
	return out.join('');
}

/** Decodes canonical unpadded base64url; null for anything else. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
	if (text.length % 4 === 1) return null;
	const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let buffer = 0;
	let at = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const value = code < 128 ? VALUES[code]! : -1;
		if (value < 0) return null;
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[at++] = (buffer >> bits) & 0xff;
		}
	}
	// The bits left over in the last character must be zero.
	if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return null;
	return bytes;
}
