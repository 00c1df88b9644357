// Serves a static build the way a plain static host does: files as they are, directories
// by their index.html, and any other path by the SPA fallback page (200.html). Like most real
// hosts it sends the precompressed copy the build made beside a file (file.br, file.gz) when
// the browser accepts that encoding.
// Usage: node scripts/serve.js [--dir build] [--host 127.0.0.1] [--port 4173]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.wav': 'audio/wav',
	'.mp3': 'audio/mpeg'
};

/** @param {string} path @returns {string | null} */
function fileAt(path) {
	try {
		const stat = statSync(path);
		if (stat.isFile()) return path;
		if (stat.isDirectory()) return fileAt(join(path, 'index.html'));
	} catch {
		// not there
	}
	return null;
}

/**
 * The precompressed copy of a file to send for an Accept-Encoding header (brotli first), or null.
 * @param {string} file @param {string} accepted
 * @returns {{ path: string, encoding: 'br' | 'gzip' } | null}
 */
export function precompressed(file, accepted) {
	const wants = (/** @type {string} */ name) =>
		accepted.split(',').some((part) => {
			const [token, ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return token?.trim() === name && (!q || Number(q.trim().slice(2)) > 0);
		});
	for (const [suffix, encoding] of /** @type {const} */ ([
		['.br', 'br'],
		['.gz', 'gzip']
	])) {
		if (wants(encoding) && fileAt(file + suffix)) return { path: file + suffix, encoding };
	}
	return null;
}

/**
 * Starts a static server for `dir`; resolves to the http.Server once it listens.
 * @param {{ dir?: string, host?: string, port?: number, log?: boolean }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir = 'build', host = '127.0.0.1', port = 4173, log = false } = {}) {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			res.writeHead(400).end('Bad request');
			return;
		}
		const target = normalize(join(root, pathname));
		if (target !== root && !target.startsWith(root + sep)) {
			res.writeHead(403).end('Forbidden');
			return;
		}
		let file = fileAt(target);
		let status = 200;
		if (!file && !extname(pathname)) {
			// A route known only at run time: the SPA fallback page renders it in the browser.
			file = fileAt(join(root, '200.html'));
		}
		if (!file) {
			status = 404;
			res.writeHead(status, { 'content-type': TYPES['.txt'] }).end('Not found');
			if (log) console.log(status, req.method, url.pathname);
			return;
		}
		const immutable = pathname.startsWith('/_app/immutable/');
		const encoded = precompressed(file, String(req.headers['accept-encoding'] ?? ''));
		/** @type {Record<string, string>} */
		const headers = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			vary: 'accept-encoding'
		};
		if (encoded) headers['content-encoding'] = encoded.encoding;
		res.writeHead(status, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(encoded?.path ?? file).pipe(res);
		if (log) console.log(status, req.method, url.pathname);
	});
	return new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => done(server));
	});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string} [fallback] */
	const option = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		if (i >= 0 && args[i + 1]) return args[i + 1];
		const inline = args.find((a) => a.startsWith(`--${name}=`));
		return inline ? inline.slice(name.length + 3) : fallback;
	};
	const host =
		args.includes('--host') && !option('host') ? '0.0.0.0' : (option('host') ?? '127.0.0.1');
	const port = Number(option('port', process.env.PORT ?? '4173'));
	const dir = option('dir', 'build') ?? 'build';
	if (!fileAt(resolve(dir))) {
		console.error(`Nothing to serve in ${dir}/: run "npm run build" first.`);
		process.exit(1);
	}
	await serve({ dir, host, port });
	console.log(`Serving ${dir}/ at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
}
