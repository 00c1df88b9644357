// Sync across devices, end to end: two browser contexts (two devices, each with its own
// IndexedDB, service worker and storage) and the CouchDB-protocol test server on 127.0.0.1
// (scripts/couch-test-server.js, started by .ci/run or playwright.config.ts), driven through
// Settings → Sync, History and the library the way a person would. See docs/sync.md.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { dismissFirstVisit, programCard } from './helpers/app';
import {
	allDocs,
	createCouchUser,
	getDoc,
	putDoc,
	startOwnCouchServer,
	type CouchUser
} from './helpers/couch';
import {
	finishQuickSession,
	historyLoaded,
	importProgram,
	LOCALE,
	playToEnd,
	QUICK_PROGRAM,
	QUICK_PROGRAM_MS,
	saveSummary,
	sessionItems,
	startClock,
	startSession,
	TIME_ZONE
} from './helpers/history';
import { readStore } from './helpers/idb';
import { waitForApp } from './helpers/screens';

test.describe.configure({ mode: 'serial' });
// Each test drives two devices through several syncs.
test.setTimeout(120_000);

/** A new device: a browser context of its own, at a fixed zone and locale. */
async function newDevice(browser: Browser, time: string): Promise<Page> {
	const context = await browser.newContext({ locale: LOCALE, timezoneId: TIME_ZONE });
	const page = await context.newPage();
	await startClock(page, time);
	return page;
}

/** Settings → Sync on this device. */
function syncSection(page: Page) {
	return page.getByRole('region', { name: 'Sync across devices' });
}

/** Opens Settings and waits until the page is live. */
async function openSync(page: Page) {
	await page.goto('/settings/');
	await waitForApp(page);
	const section = syncSection(page);
	await expect(section).toBeVisible();
	return section;
}

/** Turns sync on with this account (the page reloads once, then syncs). */
async function turnSyncOn(page: Page, user: CouchUser, password = user.password, url = user.url) {
	const section = await openSync(page);
	await section.getByLabel('Server address').fill(url);
	await section.getByLabel('User name').fill(user.name);
	await section.getByLabel('Password').fill(password);
	await section.getByRole('button', { name: 'Turn sync on' }).click();
	await expect(syncSection(page).getByText(/^On: syncing with /)).toBeVisible();
}

/** The last sync's line on Settings → Sync, once a sync has finished. */
async function lastSyncLine(page: Page): Promise<string> {
	const line = syncSection(page).locator('.sync-last, .sync-status .error');
	await expect(line).toBeVisible({ timeout: 30_000 });
	return (await line.innerText()).trim();
}

/** Presses "Sync now" and waits for that sync to finish; resolves to its line. */
async function syncNow(page: Page): Promise<string> {
	const section = await openSync(page);
	const status = section.locator('.sync-status');
	const button = section.getByRole('button', { name: 'Sync now' });
	// Opening the page syncs too: press once that sync (if any) is over.
	await expect(button).toBeEnabled({ timeout: 30_000 });
	const before = (await status.getAttribute('data-synced-at')) ?? '';
	await button.click();
	await expect(status).not.toHaveAttribute('data-synced-at', before, { timeout: 30_000 });
	return lastSyncLine(page);
}

/** A session document as the app writes it: Gentle relief, ten minutes from `start` (epoch ms). */
function sessionDoc(
	id: string,
	start: number,
	answers: { painBefore?: number; painAfter?: number } = {}
) {
	return {
		_id: `session:${id}`,
		type: 'session',
		updatedAt: new Date(start + 600_000).toISOString(),
		answeredAt: {},
		session: {
			id,
			programId: 'gentle-relief',
			programVersion: 1,
			programTitle: 'Gentle relief',
			startedAt: new Date(start).toISOString(),
			endedAt: new Date(start + 600_000).toISOString(),
			durationSeconds: 600,
			completed: true,
			...answers,
			exercises: []
		}
	};
}

/** Writes documents into the user's database as the user, in one `_bulk_docs` request. */
async function bulkPut(user: CouchUser, docs: object[]): Promise<void> {
	const { status } = await fetch(`${user.url}/${user.db}/_bulk_docs`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`
		},
		body: JSON.stringify({ docs })
	});
	expect(status).toBe(201);
}

/** History's sessions as text, in order. */
async function historySessions(page: Page): Promise<string[]> {
	await page.goto('/history/');
	await historyLoaded(page);
	return sessionItems(page).allInnerTexts();
}

test('two devices: sessions and a routine made on one appear on the other; answers and deletions come back', async ({
	browser
}) => {
	const user = await createCouchUser();

	// Device A: a routine of its own and two sessions, then sync on.
	const a = await newDevice(browser, '2026-03-10T08:30:00+01:00');
	// The service worker answers only its own origin: requests to the server are never its own.
	const fromWorker: boolean[] = [];
	a.on('response', (response) => {
		if (response.url().startsWith(user.url)) fromWorker.push(response.fromServiceWorker());
	});
	await dismissFirstVisit(a);
	await importProgram(a);
	await finishQuickSession(a, { painBefore: 5, painAfter: 4, note: 'first on the tablet' });
	await finishQuickSession(a, { painBefore: 4, painAfter: 3, note: 'second on the tablet' });
	await turnSyncOn(a, user);
	const aFirst = await lastSyncLine(a);
	expect(aFirst).toMatch(/^Last synced .*: .*2 sessions.*1 routine/);

	const onServer = Object.values(await allDocs(user));
	expect(onServer.filter((doc) => doc.type === 'session')).toHaveLength(2);
	expect(onServer.filter((doc) => doc.type === 'routine')).toHaveLength(1);
	// Device-only things never leave the device: no credentials, no storage notices.
	expect(JSON.stringify(onServer)).not.toContain(user.password);

	// Device B: the same account shows them in History and the library.
	const b = await newDevice(browser, '2026-03-10T18:00:00+01:00');
	await turnSyncOn(b, user);
	expect(await lastSyncLine(b)).toMatch(/2 sessions.*1 routine/);
	const onB = await historySessions(b);
	expect(onB).toHaveLength(2);
	expect(onB.join('\n')).toContain('first on the tablet');
	expect(onB.join('\n')).toContain('second on the tablet');
	await b.goto('/');
	await expect(programCard(b, QUICK_PROGRAM.title)).toBeVisible();

	// B: a session of its own, synced as soon as its record is stored, then its answers added to
	// that record; then one of A's sessions deleted.
	const eveningDoc = async () =>
		Object.values(await allDocs(user))
			.map(
				(doc) =>
					doc.session as { painBefore?: number; painAfter?: number; note?: string } | undefined
			)
			.find((session) => session?.painBefore === 2);
	await startSession(b, QUICK_PROGRAM.id, 2);
	await playToEnd(b, QUICK_PROGRAM_MS);
	await expect
		.poll(eveningDoc, { timeout: 30_000 })
		.toEqual(expect.objectContaining({ painBefore: 2 }));
	expect((await eveningDoc())?.painAfter).toBeUndefined();
	await saveSummary(b, { painAfter: 1, note: 'evening on the phone' });
	await expect
		.poll(async () => (await eveningDoc())?.note, { timeout: 30_000 })
		.toBe('evening on the phone');
	await b.goto('/history/');
	await historyLoaded(b);
	await sessionItems(b)
		.filter({ hasText: 'first on the tablet' })
		.getByRole('button', { name: /^Delete/ })
		.click();
	await expect(sessionItems(b)).toHaveCount(2);
	await syncNow(b);
	const docs = Object.values(await allDocs(user));
	const evening = docs.find(
		(doc) => (doc.session as { note?: string } | undefined)?.note === 'evening on the phone'
	);
	expect((evening?.session as { painAfter?: number }).painAfter).toBe(1);

	// A syncs and shows both changes (opening Settings syncs too, as every page load does).
	await syncNow(a);
	const onA = (await historySessions(a)).join('\n');
	expect(onA).toContain('evening on the phone');
	expect(onA).toContain('second on the tablet');
	expect(onA).not.toContain('first on the tablet');
	expect(await readStore<{ note?: string }>(a, 'sessions')).toHaveLength(2);
	expect(fromWorker.length).toBeGreaterThan(5);
	expect(fromWorker.every((answered) => !answered)).toBe(true);

	await a.context().close();
	await b.context().close();
});

test('a session stored while sync is on goes to the server by itself, or once back online', async ({
	browser
}) => {
	const user = await createCouchUser();
	const a = await newDevice(browser, '2026-03-11T08:30:00+01:00');
	await dismissFirstVisit(a);
	await importProgram(a);
	await turnSyncOn(a, user);
	await lastSyncLine(a);
	const notes = async () =>
		Object.values(await allDocs(user)).map(
			(doc) => (doc.session as { note?: string } | undefined)?.note
		);

	await finishQuickSession(a, { painAfter: 2, note: 'synced by itself' });
	await expect.poll(notes, { timeout: 30_000 }).toContain('synced by itself');

	// At the gym with no signal: the session is kept, and goes when the connection is back. The
	// signal goes once the player is open: Chromium (150) tells a page that loads while the
	// context is offline that it is online, and then fires no `online` event when it comes back.
	await startSession(a, QUICK_PROGRAM.id);
	await a.context().setOffline(true);
	await expect.poll(() => a.evaluate(() => navigator.onLine)).toBe(false);
	await playToEnd(a, QUICK_PROGRAM_MS);
	await saveSummary(a, { painAfter: 1, note: 'done offline' });
	// The sync after the session was tried, and could not reach the server.
	await expect
		.poll(async () => {
			const meta = await readStore<{ ok?: boolean; error?: { kind: string } }>(a, 'syncMeta');
			return meta.find((value) => value.ok === false)?.error?.kind;
		})
		.toBe('network');
	expect(await notes()).not.toContain('done offline');
	await a.context().setOffline(false);
	await expect.poll(notes, { timeout: 30_000 }).toContain('done offline');
	await a.context().close();
});

test('a wrong password: a clear error, and nothing changes on either side', async ({ browser }) => {
	const user = await createCouchUser();
	const a = await newDevice(browser, '2026-03-12T08:30:00+01:00');
	await dismissFirstVisit(a);
	await importProgram(a);
	await finishQuickSession(a, { painAfter: 2, note: 'kept here' });
	await turnSyncOn(a, user, 'not the password');
	expect(await lastSyncLine(a)).toMatch(
		/did not finish: Wrong user name or password: the server did not accept them\. Nothing was changed\./
	);
	expect(await allDocs(user)).toEqual({});
	const sessions = await historySessions(a);
	expect(sessions).toHaveLength(1);
	expect(sessions[0]).toContain('kept here');

	// Forget the server: the credentials go, the session stays.
	const section = await openSync(a);
	await section.getByRole('button', { name: 'Forget this server' }).click();
	await expect(
		section.getByText(/are forgotten\. Everything stays on this device\./)
	).toBeVisible();
	await expect(section.getByLabel('Server address')).toHaveValue('');
	expect(await historySessions(a)).toHaveLength(1);
	await a.context().close();
});

test('a document on the server that fails the checks is skipped, reported, and never stored', async ({
	browser
}) => {
	const user = await createCouchUser();
	await putDoc(
		user,
		sessionDoc('planted-bad', Date.parse('2026-03-01T09:00:00Z'), { painBefore: 42 })
	);
	const a = await newDevice(browser, '2026-03-13T08:30:00+01:00');
	await dismissFirstVisit(a);
	await turnSyncOn(a, user);
	await lastSyncLine(a);
	const section = syncSection(a);
	await expect(section.getByRole('heading', { name: /^Not taken in/ })).toBeVisible();
	await expect(
		section.getByRole('listitem').filter({ hasText: 'session:planted-bad' })
	).toContainText('painBefore');
	expect(await readStore(a, 'sessions')).toEqual([]);
	// Still on the server as it was: a device does not delete what it will not take in.
	expect(await getDoc(user, 'session:planted-bad')).not.toBeNull();
	await a.context().close();
});

test('a sync cut off when the server stops resumes from its checkpoint: nothing lost or doubled', async ({
	browser
}) => {
	const server = await startOwnCouchServer();
	try {
		const user = await createCouchUser(undefined, undefined, { url: server.url });
		// 250 sessions on the server: three pulls of 100.
		const sessions = Array.from({ length: 250 }, (_, i) =>
			sessionDoc(
				createHash('sha256').update(`resume-${i}`).digest('hex').slice(0, 20),
				Date.parse('2026-01-01T09:00:00Z') + i * 3_600_000
			)
		);
		await bulkPut(user, sessions);

		const a = await newDevice(browser, '2026-03-14T08:30:00+01:00');
		await dismissFirstVisit(a);
		// The server stops as the second batch is asked for.
		const since: string[] = [];
		let cut = false;
		await a.route(`${server.url}/**/_changes*`, async (route) => {
			since.push(new URL(route.request().url()).searchParams.get('since') ?? '');
			if (since.length === 2 && !cut) {
				cut = true;
				await server.stop();
			}
			await route.continue().catch(() => route.abort('connectionrefused'));
		});
		await turnSyncOn(a, user, user.password, server.url);
		expect(await lastSyncLine(a)).toMatch(/did not finish: The server could not be reached/);
		expect(await readStore(a, 'sessions')).toHaveLength(100);

		const cutAt = since[1];
		expect(since[0]).toBe('0');
		expect(cutAt).not.toBe('0');
		await server.start();
		since.length = 0;
		await syncNow(a);
		// The next sync went on from the checkpoint stored with the first batch, not from 0.
		expect(since[0]).toBe(cutAt);
		const stored = await readStore<{ id: string }>(a, 'sessions');
		expect(stored).toHaveLength(250);
		expect(new Set(stored.map((s) => s.id)).size).toBe(250);
		expect(Object.values(await allDocs(user)).filter((doc) => doc.type === 'session')).toHaveLength(
			250
		);
		await a.context().close();
	} finally {
		await server.dispose();
	}
});

test('a first sync of 10,000 sessions shows its progress and takes them all', async ({
	browser
}) => {
	const user = await createCouchUser();
	for (let first = 0; first < 10_000; first += 1_000) {
		const docs = Array.from({ length: 1_000 }, (_, k) =>
			sessionDoc(
				`bulk-${String(first + k).padStart(5, '0')}`,
				Date.parse('2020-01-01T09:00:00Z') + (first + k) * 5 * 3_600_000,
				{ painBefore: 4, painAfter: 3 }
			)
		);
		await bulkPut(user, docs);
	}
	const a = await newDevice(browser, '2026-03-15T08:30:00+01:00');
	await dismissFirstVisit(a);
	await turnSyncOn(a, user);
	// Batch by batch: "Receiving: 1,200 of 1,300" (the test server sends no total ahead).
	await expect(syncSection(a).locator('#sync-progress-text')).toHaveText(
		/^Receiving: [\d,]+ of [\d,]+$/,
		{ timeout: 30_000 }
	);
	expect(await lastSyncLine(a)).toMatch(/: 10,000 sessions\b/);
	const stored = await a.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('limber');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('sessions').objectStore('sessions').count();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				};
			})
	);
	expect(stored).toBe(10_000);
	await a.context().close();
});
