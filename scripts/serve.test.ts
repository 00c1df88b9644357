import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressed, serve } from './serve.js';

let dir: string;
let base: string;
let close: () => void;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-'));
	const page = '<!doctype html><title>Limber</title>'.repeat(20);
	writeFileSync(join(dir, 'index.html'), page);
	writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(page));
	writeFileSync(join(dir, 'index.html.gz'), gzipSync(page));
	writeFileSync(join(dir, 'plain.txt'), 'no copies');
	writeFileSync(join(dir, '200.html'), 'fallback');
	const server = await serve({ dir, port: 0 });
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	close = () => server.close();
});

afterAll(() => close());

describe('the preview server', () => {
	it('sends the brotli copy to a browser that accepts it, gzip to one that only takes gzip', async () => {
		const br = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('accept-encoding');
		expect(await br.text()).toContain('<title>Limber</title>');
		const gz = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(await gz.text()).toContain('<title>Limber</title>');
	});

	it('sends the file as it is when nothing is accepted or there is no copy', async () => {
		const none = await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } });
		expect(none.headers.get('content-encoding')).toBeNull();
		expect(await none.text()).toContain('<title>Limber</title>');
		const plain = await fetch(`${base}/plain.txt`, { headers: { 'accept-encoding': 'br' } });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe('no copies');
	});

	it('reads q=0 as a refusal', () => {
		expect(precompressed(join(dir, 'index.html'), 'br;q=0, gzip')?.encoding).toBe('gzip');
		expect(precompressed(join(dir, 'index.html'), 'br;q=0, gzip;q=0')).toBeNull();
	});
});
