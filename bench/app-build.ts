// What the browser benchmark sections share: the production build (built first when it is
// missing), a static server for it on a free port of its own, the Chromium to drive, and medians.
// BUILD_DIR chooses the build folder (default build/), as for `npm run build` and the e2e tests.
// The server is scripts/serve.js (files, folders by index.html, else the SPA fallback) behind a
// small front that gzips text the way a real static host does, so transfer sizes and timings
// are those of a deployment.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, HOW_TO_GET_A_BROWSER } from '../scripts/find-browser.js';
import { serve } from '../scripts/serve.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The build folder the browser sections measure. */
export const BUILD_DIR = resolve(ROOT, process.env.BUILD_DIR ?? 'build');

/** Builds the app into BUILD_DIR unless a build is already there; returns the folder. */
export function ensureBuild(): string {
	if (existsSync(join(BUILD_DIR, 'index.html'))) return BUILD_DIR;
	console.log(`No build in ${BUILD_DIR}: building it first (npm run build)…`);
	execFileSync('npx', ['vite', 'build'], {
		cwd: ROOT,
		env: { ...process.env, BUILD_DIR },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (!existsSync(join(BUILD_DIR, 'index.html')))
		throw new Error(`the build wrote no ${BUILD_DIR}`);
	return BUILD_DIR;
}

export interface RunningApp {
	/** http://127.0.0.1:<port> (no trailing slash). */
	url: string;
	port: number;
	/** Stops the server (open connections are cut). */
	stop(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;

async function close(server: Server): Promise<void> {
	await new Promise<void>((done) => {
		server.close(() => done());
		server.closeAllConnections();
	});
}

/** A front server on `port` that forwards to the static server and gzips text responses. */
function gzipFront(backendPort: number, port: number): Promise<Server> {
	const front = createServer((req, res) => {
		const forward = request(
			{
				host: '127.0.0.1',
				port: backendPort,
				path: req.url,
				method: req.method,
				headers: { ...req.headers, 'accept-encoding': 'identity' }
			},
			(answer) => {
				const type = String(answer.headers['content-type'] ?? '');
				const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
				if (!accepts || !COMPRESSIBLE.test(type) || req.method === 'HEAD') {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					return;
				}
				const headers = { ...answer.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' };
				delete headers['content-length'];
				res.writeHead(answer.statusCode ?? 502, headers);
				answer.pipe(createGzip({ level: 9 })).pipe(res);
			}
		);
		forward.on('error', () => res.writeHead(502).end());
		req.pipe(forward);
	});
	return new Promise((done, fail) => {
		front.once('error', fail);
		front.listen(port, '127.0.0.1', () => done(front));
	});
}

/** Serves the build like a static host (gzip included) on `port` (0: any free port). */
export async function startApp(port = 0): Promise<RunningApp> {
	const backend: Server = await serve({ dir: ensureBuild(), port: 0 });
	const front = await gzipFront((backend.address() as AddressInfo).port, port);
	const bound = (front.address() as AddressInfo).port;
	let stopped = false;
	return {
		url: `http://127.0.0.1:${bound}`,
		port: bound,
		async stop() {
			if (stopped) return;
			stopped = true;
			await Promise.all([close(front), close(backend)]);
		}
	};
}

/** The Chromium to drive (CHROME_PATH, Playwright's own, or the system one). */
export async function chromiumPath(): Promise<string> {
	const found = await findBrowser();
	if (!found) throw new Error(HOW_TO_GET_A_BROWSER);
	return found.path;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to a number of decimals (for the table and results.json). */
export function round(value: number, decimals = 0): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}
