// Record ids: random UUIDs (version 4).

interface CryptoLike {
	randomUUID?: () => string;
	getRandomValues?: <T extends ArrayBufferView | null>(array: T) => T;
}

/**
 * A new unique session id. crypto.randomUUID exists only in secure contexts (https or
 * localhost), so a page opened over plain http on a home network falls back to
 * crypto.getRandomValues, and a very old browser to Math.random.
 */
export function createSessionId(
	source: CryptoLike | undefined = (globalThis as { crypto?: CryptoLike }).crypto
): string {
	if (typeof source?.randomUUID === 'function') return source.randomUUID();
	const bytes = new Uint8Array(16);
	if (typeof source?.getRandomValues === 'function') source.getRandomValues(bytes);
	else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
	bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
	bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
