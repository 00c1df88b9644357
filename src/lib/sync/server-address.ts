// The server address a person types into Settings → Sync (pure): checked and written one way,
// and the sources the content security policy's `connect-src` allows once sync is on (see
// docs/sync.md). HTTPS only, since the password goes with every request; plain HTTP only to this
// device itself (a CouchDB on localhost while developing), which browsers treat as secure.
import { refusal, type ValidationResult } from '$lib/validation/problems';
import { ORIGIN_PATTERN } from './connect-hint';

// Not [::1]: a content security policy cannot name an IPv6 address.
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/** Why an address is refused, as a code the Settings page words in the person's language. */
export type AddressProblem =
	'required' | 'not-url' | 'not-https' | 'credentials' | 'extra' | 'host';

const PROBLEM_TEXT: Record<AddressProblem, string> = {
	required: 'is required: the address of your CouchDB server',
	'not-url': 'is not a web address (it should look like "https://couch.example.org")',
	'not-https': 'must start with https:// (your password is sent with every request)',
	credentials: 'must not hold a user name or password: enter them in their own fields',
	extra: 'must not end with "?…" or "#…"',
	host: 'must name the server by a name made of letters, digits, "-" and "." (like couch.example.org) or an IPv4 address'
};

/** The address in one form, or why it is refused. */
function checkAddress(text: string): { value: string } | { problem: AddressProblem } {
	const trimmed = text.trim();
	if (trimmed === '') return { problem: 'required' };
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { problem: 'not-url' };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
		return { problem: 'not-https' };
	}
	if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
	if (url.search !== '' || url.hash !== '') return { problem: 'extra' };
	// What the page's bootstrap will put in its policy (an IPv6 address or "_" it would not).
	if (!ORIGIN_PATTERN.test(url.origin)) return { problem: 'host' };
	const path = url.pathname.replace(/\/+$/, '');
	return { value: `${url.origin}${path}` };
}

/** Why a server address is refused, or null when it is fine. */
export function serverAddressProblem(text: string): AddressProblem | null {
	const checked = checkAddress(text);
	return 'problem' in checked ? checked.problem : null;
}

/**
 * Checks a server address and returns it in one form ("https://host[:port][/path]", no trailing
 * slash), or a problem under the path `url`. Never throws.
 */
export function parseServerAddress(text: string): ValidationResult<string> {
	const checked = checkAddress(text);
	if ('problem' in checked) {
		return refusal([{ path: 'url', message: PROBLEM_TEXT[checked.problem] }]);
	}
	return { ok: true, value: checked.value };
}

/** The `connect-src` sources once sync is on with this server (or off: null). */
export function connectSources(serverAddress: string | null): string[] {
	if (serverAddress === null) return ["'self'"];
	const checked = parseServerAddress(serverAddress);
	return checked.ok ? ["'self'", new URL(checked.value).origin] : ["'self'"];
}
