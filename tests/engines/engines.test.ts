// The engines suite: the main journeys (journeys.ts) in Firefox and in WebKitGTK, one engine
// after the other, each with a fresh profile and its own server for the production build.
// Run it with `npm run test:engines` (scripts/test-engines.js checks the engines and builds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEngines, HOW_TO_GET_ENGINES } from '../../scripts/find-engines.js';
import { startServer, type TestServer } from '../e2e/helpers/server';
import type { EngineDriver } from './driver';
import { launchFirefox } from './firefox';
import {
	builderSave,
	connectNarrowed,
	endAndSave,
	everyPageOffline,
	historyAfterReload,
	importByPaste,
	libraryNavigates,
	playSession,
	programPictures,
	reloadsWhileLoading,
	serviceWorkerInControl,
	settingsStorage,
	shareLinkAdds,
	type JourneyContext
} from './journeys';
import { launchWebKit } from './webkit';

const buildDir = process.env.BUILD_DIR ?? 'build';
const found = findEngines();
if (found.missing.length > 0) {
	throw new Error(`engines missing:\n  - ${found.missing.join('\n  - ')}\n\n${HOW_TO_GET_ENGINES}`);
}

const launchers: Record<string, () => Promise<EngineDriver>> = {
	firefox: () => launchFirefox(found.firefox!.path),
	webkit: () => launchWebKit(found.webkit!)
};

for (const engine of found.wanted) {
	describe(engine, () => {
		let server: TestServer | null = null;
		let driver: EngineDriver | null = null;

		beforeAll(async () => {
			// Any free port: a fixed one could be on Firefox's list of blocked ports (4190 is).
			server = await startServer(buildDir, 0);
			driver = await launchers[engine]!();
			console.log(`${engine}: ${driver.version}`);
		}, 60_000);

		afterAll(async () => {
			await driver?.close();
			await server?.stop();
		});

		const context = (): JourneyContext => {
			if (!driver || !server) throw new Error(`${engine} did not start`);
			return { driver, base: server.url };
		};

		it('the library renders and navigates client-side', () => libraryNavigates(context()));
		it('a program page shows its pictures', () => programPictures(context()));
		it('Start, the red-flag check, the countdown in real time, Pause/Resume, Skip', () =>
			playSession(context()));
		it('End: the session is saved, then its answers', () => endAndSave(context()));
		it('the session is in History after a reload', () => historyAfterReload(context()));
		it('import by paste', () => importByPaste(context()));
		it('Settings says what it can about storage', () => settingsStorage(context()));
		it('the builder saves a routine, which then opens', () => builderSave(context()));
		it('a share link shows its program and adds it', () => shareLinkAdds(context()));
		it('no uncaught error or console error so far', async () => {
			expect(await context().driver.errors()).toEqual([]);
		});
		// After the console check: a refused request is reported on the console.
		it('with sync off, the page may connect to its own origin only', () =>
			connectNarrowed(context()));
		it('the service worker controls the page after a reload', () =>
			serviceWorkerInControl(context()));
		it('reloads while the deferred parts load leave a working page', () =>
			reloadsWhileLoading(context()));
		it('with the server stopped, every main page opens and works', async () => {
			await server?.stop();
			await everyPageOffline(context());
		});
	});
}
