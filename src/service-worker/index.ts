/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The service worker: precache the whole app on install, answer from the cache first, serve
// navigations from cached pages (or the SPA fallback), drop old caches on activate.
// Lifecycle: a new version installs and then WAITS; it takes over only when a page posts
// { type: 'SKIP_WAITING' } (after the person accepted "Update available") or when every tab
// of the old version is closed. A page of this version that nothing controls may post
// { type: 'CLAIM', version } to be claimed (src/lib/pwa/claim.ts). No app logic lives here (see
// src/lib/pwa/ for the page side) besides the reminders (./reminders.ts): showing those a page
// found due ({ type: 'SHOW_REMINDERS', now }), notification taps and missed-reminder wake-ups.
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheNameFor,
	isImmutable,
	isOldCache,
	navigationKeys,
	precacheUrls
} from '$lib/pwa/cache-plan';
import { isClaimFor } from '$lib/pwa/claim';
import {
	isShowRemindersMessage,
	PERIODIC_TAG,
	reminderTarget,
	type ShowRemindersReply
} from '$lib/reminders/notice-text';
import { openReminder, showMissedReminders } from './reminders';

declare const self: ServiceWorkerGlobalScope;

const PRECACHE = precacheUrls({ base, build, files, prerendered });
const CACHE = cacheNameFor(version, PRECACHE);

async function oldCacheNames(): Promise<string[]> {
	return (await caches.keys()).filter((name) => isOldCache(name, CACHE));
}

async function findInCaches(names: string[], url: string): Promise<Response | undefined> {
	for (const name of names) {
		const hit = await (await caches.open(name)).match(url);
		if (hit) return hit;
	}
	return undefined;
}

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	const previous = await oldCacheNames();
	const toDownload: Request[] = [];
	for (const url of PRECACHE) {
		if (isImmutable(url, base)) {
			// Content-hashed: the same name means the same bytes, so reuse the previous copy.
			const copy = await findInCaches(previous, url);
			if (copy) {
				await cache.put(url, copy);
				continue;
			}
			toDownload.push(new Request(url));
		} else {
			// Revalidate with the server so a stale HTTP-cache copy never enters a new version.
			toDownload.push(new Request(url, { cache: 'no-cache' }));
		}
	}
	// addAll fails as a whole on any error or non-2xx answer: then this version does not install.
	await cache.addAll(toDownload);
}

async function removeOldCaches(): Promise<void> {
	await Promise.all((await oldCacheNames()).map((name) => caches.delete(name)));
}

// A navigation may not be answered with a response that was redirected on the way.
function withoutRedirect(response: Response): Response {
	if (!response.redirected) return response;
	const { status, statusText, headers } = response;
	return new Response(response.body, { status, statusText, headers });
}

async function navigate(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	for (const key of navigationKeys(url.pathname, base)) {
		const hit = await cache.match(key);
		if (hit) return withoutRedirect(hit);
	}
	return fetch(request);
}

async function cacheFirst(request: Request): Promise<Response> {
	const hit = await (await caches.open(CACHE)).match(request);
	return hit ?? fetch(request);
}

self.addEventListener('install', (event) => {
	// Never skipWaiting here: an update must not take over a page that is playing a session.
	event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
	// claim() makes the very first install control the open page (offline from the first visit).
	event.waitUntil(removeOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
	const data: unknown = event.data;
	const type = data && typeof data === 'object' ? (data as { type?: unknown }).type : undefined;
	if (type === 'SKIP_WAITING') event.waitUntil(self.skipWaiting());
	// A page of this version left out of the activate handler's claim (src/lib/pwa/claim.ts).
	else if (isClaimFor(data, version)) event.waitUntil(self.clients.claim());
	// A page's reminder check found reminders due (src/lib/notify/reminder-runner.ts).
	else if (isShowRemindersMessage(data)) {
		const [port] = event.ports;
		const answer = (shown: number | null) =>
			port?.postMessage({ shown } satisfies ShowRemindersReply);
		event.waitUntil(
			showMissedReminders(self.registration, data.now).then(answer, () => answer(null))
		);
	}
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !url.pathname.startsWith(`${base}/`)) return;
	if (request.mode === 'navigate') event.respondWith(navigate(request, url));
	else event.respondWith(cacheFirst(request));
});

// A tap on a reminder opens its routine.
self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = reminderTarget(event.notification.data, self.location.origin, base);
	event.waitUntil(openReminder(self.clients, url));
});

interface PeriodicSyncEvent extends ExtendableEvent {
	readonly tag: string;
}

// Periodic Background Sync (Chromium, installed app): a reminder missed while nothing was open.
self.addEventListener('periodicsync', ((event: PeriodicSyncEvent) => {
	if (event.tag === PERIODIC_TAG)
		event.waitUntil(showMissedReminders(self.registration, Date.now()));
}) as EventListener);
