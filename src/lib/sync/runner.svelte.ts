// When this device syncs, and what the Settings page shows of it. Sync runs (only while it is on):
// - when the app opens (the shell starts the runner when Settings → Sync left the server's origin
//   on the device, SYNC_ORIGIN_KEY), when the connection comes back (`online`), when a session
//   on this page stops playing (it was stored, or its answers saved), every 15 minutes while the
//   page is open and visible, and on "Sync now";
// - never while a session plays on this device (this page, or another tab holding the player's
//   Web Lock): it waits for the session to end, as an update does;
// - one tab at a time (the Web Lock SYNC_LOCK): an automatic sync finding another tab syncing
//   leaves it to that tab; "Sync now" waits for it and then syncs.
// One sync at a time on this page; a request during a sync runs one more after it.
import { localDay } from '$lib/adherence/days';
import { fetchBuiltinIds } from '$lib/catalog/builtin';
import { PLAYER_LOCK, sessionPlayingOnDevice } from '$lib/pwa/device-busy';
import { sessionActivity } from '$lib/pwa/session-activity.svelte';
import { isoTime } from '$lib/time';
import { SyncError } from './couch';
import {
	getDeviceId,
	getSyncAccount,
	getSyncStatus,
	idbLocalStore,
	isSyncOn,
	isSyncReady,
	saveSyncStatus,
	setSyncOn,
	type SyncStatus
} from './device';
import { replicate, type SyncProgress, type SyncReport } from './replicate';

/** The Web Lock held by the tab that syncs. */
export const SYNC_LOCK = 'limber-sync';

/** How often an open, visible page syncs when nothing else asked. */
export const SYNC_EVERY_MS = 15 * 60 * 1000;

/** What the Settings page shows while and after a sync. */
class SyncActivity {
	/** A sync is running on this page. */
	running = $state(false);
	/** A sync was asked for and waits for the session on screen to end. */
	waiting = $state(false);
	/** How far the running sync has come. */
	progress = $state<SyncProgress | null>(null);
	/** The last sync's outcome on this device (read from storage, then kept up to date). */
	status = $state<SyncStatus | undefined>(undefined);
}

export const syncActivity = new SyncActivity();

/** A finished sync as it is stored and shown. */
export function statusOfReport(report: SyncReport, at: string): SyncStatus {
	return {
		at,
		ok: true,
		pulled: report.pulled,
		changed: report.changed,
		pushed: report.pushed,
		skipped: report.skipped.map(({ id, problem }) => ({ id, problem })),
		refused: report.refused.map(({ id, reason }) => ({ id, reason })),
		moved: { ...report.moved }
	};
}

/** A sync that stopped with an error, as it is stored and shown. */
export function statusOfError(error: unknown, at: string): SyncStatus {
	const kind = error instanceof SyncError ? error.kind : 'storage';
	const message = error instanceof Error ? error.message : String(error);
	return {
		at,
		ok: false,
		pulled: 0,
		changed: 0,
		pushed: 0,
		skipped: [],
		refused: [],
		error: { kind, message }
	};
}

/** Reads the last sync's outcome into syncActivity.status. */
export async function loadSyncStatus(): Promise<void> {
	try {
		syncActivity.status = await getSyncStatus();
	} catch {
		// Unreadable storage: the page shows "not synced yet" and Settings its storage problem.
	}
}

function locks(): LockManager | undefined {
	return (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
}

/** Whether a session is on screen here or in another tab. */
async function sessionOnScreen(): Promise<boolean> {
	return sessionActivity.busy || (await sessionPlayingOnDevice());
}

/** The locks this page is waiting on (one wait per lock; nothing on screen reads it). */
const waitingFor: Record<string, true> = {};

/**
 * Runs `then` once no tab holds `lock` (a shared request waits behind an exclusive one); a second
 * call while this page already waits on that lock adds nothing.
 */
function whenLockFree(lock: string, then: () => void): void {
	const manager = locks();
	if (!manager || waitingFor[lock]) return;
	waitingFor[lock] = true;
	manager
		.request(lock, { mode: 'shared' }, () => Promise.resolve())
		.catch(() => {})
		.finally(() => {
			delete waitingFor[lock];
			then();
		});
}

/** Syncs once no tab holds the player lock. */
function syncWhenPlayerLeaves(): void {
	whenLockFree(PLAYER_LOCK, () => {
		// This page's own session (not yet stored) asks again when it stops (the shell's effect).
		if (!sessionActivity.busy) void syncNow();
	});
}

/** A session came on screen on this page while syncing: the sync stops at the next batch. */
class SessionStarted extends Error {}

/**
 * The origin this page's policy lets it reach besides its own (the bootstrap's narrowing policy,
 * fixed when the page loaded; docs/sync.md): null when it allows none, undefined when the page
 * has no narrowing policy.
 */
function reachableOrigin(): string | null | undefined {
	for (const meta of document.querySelectorAll('meta[http-equiv]')) {
		if (meta.getAttribute('http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
		const [directive, self, origin] = (meta.getAttribute('content') ?? '').trim().split(/\s+/);
		if (directive === 'connect-src' && self === "'self'") return origin ?? null;
	}
	// No narrowing policy (a page not built by us): the built one decides.
	return undefined;
}

/** Whether this page may reach the account's server (not when it loaded before sync went on). */
function pageMayReach(address: string): boolean {
	if (typeof document === 'undefined') return true;
	const allowed = reachableOrigin();
	return allowed === undefined || allowed === new URL(address).origin;
}

/**
 * Runs `work` holding the sync lock (waiting for another tab's sync), so that nothing syncs
 * meanwhile: turning sync on (its seeding), off, or forgetting the server.
 */
export async function withSyncLock<T>(work: () => Promise<T>): Promise<T> {
	const manager = locks();
	if (!manager) return work();
	return manager.request(SYNC_LOCK, work) as Promise<T>;
}

/** Another tab holds the sync lock: sync once it lets go (what changed here may be newer). */
function syncAfterOtherTab(): void {
	whenLockFree(SYNC_LOCK, () => void syncNow());
}

/** One sync, under the sync lock; `wait`: wait for another tab's sync instead of leaving it. */
async function syncOnce(wait: boolean): Promise<void> {
	const [on, account] = await Promise.all([isSyncOn(), getSyncAccount()]);
	if (!on || !account || !pageMayReach(account.address)) return;
	if (await sessionOnScreen()) {
		syncActivity.waiting = true;
		syncWhenPlayerLeaves();
		return;
	}
	syncActivity.waiting = false;
	const run = async () => {
		// Checked again under the lock: a session may have started while this waited for it.
		if (await sessionOnScreen()) {
			syncActivity.waiting = true;
			syncWhenPlayerLeaves();
			return;
		}
		syncActivity.running = true;
		syncActivity.progress = null;
		let status: SyncStatus | null = null;
		try {
			// Turning sync on was cut off (the page closed): finish making the entries first.
			if (!(await isSyncReady())) await setSyncOn(true);
			const deviceId = await getDeviceId();
			const builtinIds = await fetchBuiltinIds(fetch).catch((error: unknown) => {
				throw new SyncError('network', error instanceof Error ? error.message : String(error));
			});
			const report = await replicate({
				target: { url: account.address, user: account.user, password: account.password },
				local: idbLocalStore(),
				deviceId,
				context: { today: localDay(Date.now()), builtinIds },
				fetch: (input, init) => fetch(input, init),
				newId: () => crypto.randomUUID(),
				onProgress: (progress) => {
					// Stops between batches (each stored with its checkpoint): it goes on later.
					if (sessionActivity.busy) throw new SessionStarted();
					syncActivity.progress = progress;
				}
			});
			status = statusOfReport(report, isoTime(Date.now()));
		} catch (error) {
			if (error instanceof SessionStarted || sessionActivity.busy) {
				syncActivity.waiting = true;
			} else {
				status = statusOfError(error, isoTime(Date.now()));
			}
		} finally {
			syncActivity.running = false;
			syncActivity.progress = null;
		}
		if (status === null) return;
		syncActivity.status = status;
		await saveSyncStatus(status).catch(() => {});
	};
	const manager = locks();
	if (!manager) return run();
	await manager.request(SYNC_LOCK, { ifAvailable: !wait }, async (lock) => {
		if (lock) await run();
		else syncAfterOtherTab();
	});
}

let running: Promise<void> | null = null;
let again = false;
/** Whether a request made during the sync under way asked to wait for another tab's sync. */
let againWait = false;

/** Whether a sync was asked for while one ran (and forgets the request). */
function takeAgain(): boolean {
	const asked = again;
	again = false;
	return asked;
}

/**
 * Syncs now if sync is on (after the sync under way, if any). `wait` (the "Sync now" button):
 * if another tab is syncing, wait for it and sync after it rather than leave it to that tab.
 */
export function syncNow({ wait = false }: { wait?: boolean } = {}): Promise<void> {
	if (running) {
		again = true;
		againWait ||= wait;
		return running;
	}
	let waitThisTime = wait;
	running = (async () => {
		do {
			try {
				await syncOnce(waitThisTime);
			} catch {
				// Storage unreadable: nothing to do until it is again.
			}
			waitThisTime = againWait;
			againWait = false;
		} while (takeAgain());
		running = null;
	})();
	return running;
}

/**
 * Starts syncing while this page is open: now, on `online`, when the page becomes visible after a
 * period, and every SYNC_EVERY_MS (a deadline re-armed after each sync). Returns the function
 * that stops it (for an effect).
 */
export function startSync(): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let nextAt = 0;
	let stopped = false;
	const arm = () => {
		clearTimeout(timer);
		if (stopped) return;
		nextAt = Date.now() + SYNC_EVERY_MS;
		timer = setTimeout(() => void tick(), SYNC_EVERY_MS);
	};
	const tick = async () => {
		await syncNow();
		arm();
	};
	const onOnline = () => void tick();
	// A hidden page's timers sleep: on coming back, sync if the deadline has passed meanwhile.
	const onVisible = () => {
		if (document.visibilityState === 'visible' && Date.now() >= nextAt) void tick();
	};
	window.addEventListener('online', onOnline);
	document.addEventListener('visibilitychange', onVisible);
	// Not due again until a whole period after this first sync (a page shown meanwhile waits).
	nextAt = Date.now() + SYNC_EVERY_MS;
	void loadSyncStatus().then(tick);
	return () => {
		stopped = true;
		clearTimeout(timer);
		window.removeEventListener('online', onOnline);
		document.removeEventListener('visibilitychange', onVisible);
	};
}
