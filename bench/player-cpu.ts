// Benchmark section "player CPU": how much of a core the player's page takes while a session
// plays, against a floor page that only rewrites one big countdown once a second.
// Headless Chromium at 1024×768 plays a bench program (imported through the import page, as a
// person would): for a hold, a paced rep (two 30 s phases) and a rest, it reads the Performance
// domain's TaskDuration (seconds of main-thread tasks) before and after 20 s of real time and
// reports the difference as a share of the elapsed time. The floor page is set with
// page.setContent in the same browser and measured the same way. Target: each step kind within
// 2× the floor.
import { chromium, type Page } from '@playwright/test';
import type { BenchSection, Row } from './section';
import { chromiumPath, round, startApp } from './app-build';

/** Real time measured per step kind. */
const MEASURE_MS = 20_000;
/** Time to let the screen settle after a step starts (its first frames, the checkpoint write). */
const SETTLE_MS = 2_000;
const TARGET_RATIO = 2;

/** A long hold, a rest after it and a paced rep of two 30 s phases (format: programs/README.md). */
const BENCH_PROGRAM = {
	format: 1,
	id: 'bench-player-cpu',
	version: 1,
	title: 'Bench: player CPU',
	schedule: { timesPerDay: 1, daysPerWeek: 7 },
	prepareSeconds: 3,
	restBetweenExercises: 5,
	exercises: [
		{
			id: 'bench-hold',
			name: 'Long hold',
			instructions: ['Hold still.'],
			// The poses move with the step: the pictures are on, as in the built-in routines.
			images: ['illustrations/ball-bridge-down.svg', 'illustrations/ball-bridge-up.svg'],
			holdCue: 'Lift your hips and hold',
			releaseCue: 'Lower slowly',
			reps: 2,
			hold: 60,
			restBetweenReps: 60
		},
		{
			id: 'bench-paced',
			name: 'Slow breathing',
			instructions: ['Breathe slowly.'],
			images: ['illustrations/slow-breathing-out.svg', 'illustrations/slow-breathing-in.svg'],
			reps: 2,
			phases: [
				{ cue: 'Breathe in', seconds: 30, image: 'illustrations/slow-breathing-in.svg' },
				{ cue: 'Breathe out', seconds: 30, image: 'illustrations/slow-breathing-out.svg' }
			],
			restBetweenReps: 5
		}
	]
};

/** The floor: one big countdown number, rewritten once a second by a setTimeout. */
const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<style>body{margin:0;font-family:system-ui,sans-serif}#n{font-size:17rem;font-weight:800;text-align:center}</style>
</head><body><div id="n">60</div><script>
const n = document.getElementById('n');
const end = performance.now() + 600000;
function show() {
	const left = end - performance.now();
	n.textContent = String(Math.max(0, Math.ceil(left / 1000)));
	setTimeout(show, (left % 1000) + 5);
}
show();
</script></body></html>`;

/** Percent of one core the page's main thread spent in tasks over MEASURE_MS of real time. */
async function cpuPercent(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const read = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
		return { task: value('TaskDuration'), at: value('Timestamp') };
	};
	const before = await read();
	await page.waitForTimeout(MEASURE_MS);
	const after = await read();
	await cdp.send('Performance.disable');
	await cdp.detach();
	return (100 * (after.task - before.task)) / (after.at - before.at);
}

/** Retries `attempt` until it returns true (a prerendered page may not be hydrated yet). */
async function until(what: string, attempt: () => Promise<boolean>, timeoutMs = 20_000) {
	const end = performance.now() + timeoutMs;
	while (performance.now() < end) {
		if (await attempt().catch(() => false)) return;
		await new Promise((done) => setTimeout(done, 250));
	}
	throw new Error(`player CPU bench: timed out waiting for ${what}`);
}

/** Imports the bench program, starts it and waits for the player. */
export async function startBenchProgram(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/`);
	const ok = page.getByRole('button', { name: 'OK, got it' });
	await until('the first-visit note', async () => {
		if (await ok.isVisible()) await ok.click();
		return (await ok.count()) === 0;
	});
	await page.goto(`${base}/import/`);
	const field = page.getByLabel('Program text (JSON)');
	const check = page.getByRole('button', { name: 'Check and import' });
	await until('the import page', async () => {
		await field.fill(JSON.stringify(BENCH_PROGRAM));
		return check.isEnabled();
	});
	await check.click();
	await page
		.getByRole('status')
		.filter({ hasText: `Imported “${BENCH_PROGRAM.title}”` })
		.waitFor();
	await page.goto(`${base}/programs/${BENCH_PROGRAM.id}/`);
	const start = page.getByRole('button', { name: 'Start', exact: true });
	const none = page.getByRole('button', { name: 'None of these apply' });
	const player = page.getByRole('button', { name: 'End session' });
	await until('the player', async () => {
		if (await none.isVisible()) await none.click();
		else if (!(await player.isVisible()) && (await start.isVisible())) await start.click();
		return player.isVisible();
	});
}

/** Waits (in real time) until the player shows a step of `kind`. */
export async function waitForStep(page: Page, kind: string): Promise<void> {
	await page.locator(`.player[data-step="${kind}"]`).waitFor({ timeout: 150_000 });
	await page.waitForTimeout(SETTLE_MS);
}

interface Measured {
	label: string;
	percent: number;
}

// The player CPU section: a hold, a paced rep and a rest against the once-a-second floor page.
export const playerCpuSection: BenchSection = {
	name: 'player CPU',
	async run() {
		const executablePath = await chromiumPath();
		const app = await startApp();
		const browser = await chromium.launch({
			executablePath,
			headless: true,
			args: ['--no-sandbox']
		});
		try {
			const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
			const floorPage = await context.newPage();
			await floorPage.setContent(FLOOR_PAGE);
			await floorPage.waitForTimeout(SETTLE_MS);
			const floor = await cpuPercent(floorPage);
			await floorPage.close();

			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await startBenchProgram(page, app.url).catch((error: unknown) => {
				throw new Error(`${String(error)}; page errors: ${errors.join(' | ') || 'none'}`);
			});
			const measured: Measured[] = [];
			await waitForStep(page, 'hold');
			measured.push({ label: 'hold (60 s)', percent: await cpuPercent(page) });
			await waitForStep(page, 'rest');
			measured.push({ label: 'rest (60 s)', percent: await cpuPercent(page) });
			// Skip the second hold: Skip moves on to the next exercise.
			await page.getByRole('button', { name: 'Skip', exact: true }).click();
			await waitForStep(page, 'phase');
			measured.push({
				label: 'paced rep (2 phases × 30 s, poses moving)',
				percent: await cpuPercent(page)
			});
			await context.close();

			const note = `TaskDuration over ${MEASURE_MS / 1000} s of real time, headless Chromium 1024×768`;
			const rows: Row[] = [
				{
					metric: 'floor: a page that rewrites one big countdown once a second',
					value: round(floor, 2),
					unit: '% of a core',
					note
				}
			];
			for (const { label, percent } of measured) {
				rows.push({ metric: `player, ${label}`, value: round(percent, 2), unit: '% of a core' });
				const ratio = percent / Math.max(floor, 0.01);
				rows.push({
					metric: `player, ${label}: ratio to the floor`,
					value: round(ratio, 1),
					unit: '×',
					target: `≤ ${TARGET_RATIO}×`,
					pass: ratio <= TARGET_RATIO
				});
			}
			return rows;
		} finally {
			await browser.close();
			await app.stop();
		}
	}
};
