// The server address a person types into Settings → Sync (pure): checked and written one way,
// and the sources the content security policy's `connect-src` allows once sync is on (see
// docs/sync.md). HTTPS only, since the password goes with every request; plain HTTP only to this
// device itself (a CouchDB on localhost while developing), which browsers treat as secure.
import { refusal, type ValidationResult } from '$lib/validation/problems';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a server address and returns it in one form ("https://host[:port][/path]", no trailing
 * slash), or a problem under the path `url`. Never throws.
 */
export function parseServerAddress(text: string): ValidationResult<string> {
	const trimmed = text.trim();
	const problem = (message: string) => refusal([{ path: 'url', message }]);
	if (trimmed === '') return problem('is required: the address of your CouchDB server');
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return problem('is not a web address (it should look like "https://couch.example.org")');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
		return problem('must start with https:// (your password is sent with every request)');
	}
	if (url.username !== '' || url.password !== '') {
		return problem('must not hold a user name or password: enter them in their own fields');
	}
	if (url.search !== '' || url.hash !== '') {
		return problem('must not end with "?…" or "#…"');
	}
	const path = url.pathname.replace(/\/+$/, '');
	return { ok: true, value: `${url.origin}${path}` };
}

/** The `connect-src` sources once sync is on with this server (or off: null). */
export function connectSources(serverAddress: string | null): string[] {
	if (serverAddress === null) return ["'self'"];
	const checked = parseServerAddress(serverAddress);
	return checked.ok ? ["'self'", new URL(checked.value).origin] : ["'self'"];
}
