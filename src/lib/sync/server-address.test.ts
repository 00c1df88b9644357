import { describe, expect, it } from 'vitest';
import { connectSources, parseServerAddress, serverAddressProblem } from './server-address';

const ok = (text: string) => {
	const result = parseServerAddress(text);
	return result.ok ? result.value : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('parseServerAddress', () => {
	it('accepts HTTPS addresses, with a port or a path, in one form', () => {
		expect(ok(' https://couch.example.org/ ')).toBe('https://couch.example.org');
		expect(ok('https://Couch.Example.org:6984')).toBe('https://couch.example.org:6984');
		expect(ok('https://example.org/couch//')).toBe('https://example.org/couch');
		expect(ok('https://example.org:443/')).toBe('https://example.org');
	});

	it('accepts plain HTTP only to this device', () => {
		expect(ok('http://localhost:5984')).toBe('http://localhost:5984');
		expect(ok('http://127.0.0.1:5984/')).toBe('http://127.0.0.1:5984');
		// Not [::1]: a content security policy cannot name it, so the page could not reach it.
		expect(ok('http://[::1]:5984')).toHaveLength(1);
		expect(ok('http://192.168.1.20:5984')).toEqual([
			'url: must start with https:// (your password is sent with every request)'
		]);
	});

	it('refuses what is not a server address', () => {
		expect(ok('')).toEqual(['url: is required: the address of your CouchDB server']);
		expect(ok('couch.example.org')).toEqual([
			'url: is not a web address (it should look like "https://couch.example.org")'
		]);
		expect(ok('ftp://couch.example.org')).toHaveLength(1);
		expect(ok('javascript:alert(1)')).toHaveLength(1);
		expect(ok('https://ana:pw@couch.example.org')).toEqual([
			'url: must not hold a user name or password: enter them in their own fields'
		]);
		expect(ok('https://couch.example.org/?x=1')).toEqual(['url: must not end with "?…" or "#…"']);
	});
});

describe('connectSources', () => {
	it('is this origin alone when sync is off, and the server’s origin besides when on', () => {
		expect(connectSources(null)).toEqual(["'self'"]);
		expect(connectSources('https://example.org:6984/couch')).toEqual([
			"'self'",
			'https://example.org:6984'
		]);
		expect(connectSources('http://192.168.1.20')).toEqual(["'self'"]);
	});
});

describe('serverAddressProblem', () => {
	it('names why an address is refused, for the Settings page to word', () => {
		expect(serverAddressProblem(' ')).toBe('required');
		expect(serverAddressProblem('couch.example.org')).toBe('not-url');
		expect(serverAddressProblem('http://couch.example.org')).toBe('not-https');
		expect(serverAddressProblem('https://a:b@couch.example.org')).toBe('credentials');
		expect(serverAddressProblem('https://couch.example.org/#top')).toBe('extra');
		expect(serverAddressProblem('https://couch.example.org')).toBeNull();
		expect(serverAddressProblem('http://127.0.0.1:5984')).toBeNull();
		// Names the page's policy could not hold.
		expect(serverAddressProblem('https://[2001:db8::1]:6984')).toBe('host');
		expect(serverAddressProblem('https://my_couch.example.org')).toBe('host');
	});
});
