// Reads the precache list out of a built service worker by running it: the worker script is
// evaluated in a Node sandbox with stand-ins for the Cache Storage API, its install handler runs,
// and every URL it stores is recorded. No knowledge of the worker's internals is needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

type Listener = (event: unknown) => void;

/** Runs the install step of `<dir>/service-worker.js`; returns the URL paths it precaches. */
export async function precacheListOf(dir: string): Promise<string[]> {
	const origin = 'http://127.0.0.1:4173';
	const location = new URL('/service-worker.js', origin);
	const stored: string[] = [];
	const pathOf = (input: Request | string) =>
		new URL(typeof input === 'string' ? input : input.url, origin).pathname;
	const cache = {
		addAll: async (inputs: (Request | string)[]) => void stored.push(...inputs.map(pathOf)),
		add: async (input: Request | string) => void stored.push(pathOf(input)),
		put: async (input: Request | string) => void stored.push(pathOf(input)),
		match: async () => undefined,
		keys: async () => []
	};
	const listeners = new Map<string, Listener>();
	class SandboxRequest extends Request {
		constructor(input: string | URL | Request, init?: RequestInit) {
			super(typeof input === 'string' ? new URL(input, location) : input, init);
		}
	}
	const self = {
		location,
		addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
		skipWaiting: async () => undefined,
		clients: { claim: async () => undefined }
	};
	const sandbox = {
		self,
		location,
		caches: {
			open: async () => cache,
			keys: async () => [],
			delete: async () => true,
			match: async () => undefined
		},
		Request: SandboxRequest,
		Response,
		Headers,
		URL,
		console,
		fetch: async () => {
			throw new Error('the precache list is read without network');
		}
	};
	vm.runInNewContext(readFileSync(join(dir, 'service-worker.js'), 'utf8'), sandbox);
	const install = listeners.get('install');
	if (!install) throw new Error('the service worker has no install handler');
	let work: Promise<unknown> = Promise.resolve();
	install({ waitUntil: (promise: Promise<unknown>) => (work = promise) });
	await work;
	return stored;
}
