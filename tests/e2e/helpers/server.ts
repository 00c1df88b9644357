// A static server the test owns (scripts/serve.js behind it), so a test can stop it to go truly
// offline or restart it on the same port with another build folder to publish a new version.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '../../../scripts/serve.js';

export interface TestServer {
	/** http://127.0.0.1:<port> (no trailing slash). */
	readonly url: string;
	readonly port: number;
	/** The build folder being served now. */
	readonly dir: string;
	/** Paths requested since the server started or last switched folders. */
	readonly requests: string[];
	/** Stops serving (open keep-alive connections are cut). */
	stop(): Promise<void>;
	/** Serves `dir` instead, on the same port (a new deployment). */
	switchTo(dir: string): Promise<void>;
}

async function close(server: Server): Promise<void> {
	await new Promise<void>((done) => {
		server.close(() => done());
		server.closeAllConnections();
	});
}

/** Starts serving a build folder on `port` (0: any free port). */
export async function startServer(dir: string, port = 0): Promise<TestServer> {
	let current: Server | null = null;
	let currentDir = dir;
	let boundPort = port;
	const requests: string[] = [];

	async function listen(folder: string): Promise<void> {
		const server = await serve({ dir: folder, port: boundPort });
		server.on('request', (req) => requests.push(new URL(req.url ?? '/', 'http://x').pathname));
		boundPort = (server.address() as AddressInfo).port;
		current = server;
		currentDir = folder;
	}

	await listen(dir);
	return {
		get url() {
			return `http://127.0.0.1:${boundPort}`;
		},
		get port() {
			return boundPort;
		},
		get dir() {
			return currentDir;
		},
		requests,
		async stop() {
			if (current) await close(current);
			current = null;
		},
		async switchTo(folder: string) {
			if (current) await close(current);
			current = null;
			requests.length = 0;
			await listen(folder);
		}
	};
}
