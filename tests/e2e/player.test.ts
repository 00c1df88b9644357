// The player end to end on Playwright's fake clock: the screen at exact moments the timeline
// predicts, self-paced reps, pause, reload and resume, the keyboard, and saving a finished
// session. The clock is paused before Start, so the session starts at a known instant and moves
// only when a test advances it.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Step } from '../../src/lib/program/timeline-types';
import { formatClock } from '../../src/lib/program/clock-text';
import { ringAngles, ringFraction } from '../../src/lib/player/progress-ring';
import type { SessionRecord } from '../../src/lib/session/record';
import {
	expectImported,
	fixturePath,
	importProgramFile,
	programOf,
	readBuiltin,
	readFixture,
	startProgram,
	timelineOf
} from './helpers/app';

const EVERY_DOSE = 'programs/e2e/every-dose.json';
const everyDose = programOf(readFixture(EVERY_DOSE));
const timeline = timelineOf(readFixture(EVERY_DOSE));

/** A Monday morning; the session starts 5 s later, when the clock is paused. */
const T0 = Date.parse('2025-03-03T08:00:00Z');

/** The one step of the every-dose timeline that matches. */
function stepWhere(predicate: (step: Step) => boolean): Step {
	const found = timeline.steps.filter(predicate);
	if (found.length !== 1) throw new Error(`expected one matching step, found ${found.length}`);
	return found[0]!;
}

/** Whole seconds the timer shows `into` ms after a step started (rounded up). */
function secondsLeft(step: Step, into: number): number {
	return Math.ceil((step.duration - into) / 1000);
}

/** Moves the page's paused clock by `ms`: frame by frame for short spans, in one jump for long ones. */
async function advance(page: Page, ms: number): Promise<void> {
	expect(ms).toBeGreaterThanOrEqual(0);
	if (ms <= 10_000) await page.clock.runFor(ms);
	else await page.clock.fastForward(ms);
}

/** Tracks the session's offset (time since Start, pauses excluded) and moves to exact offsets. */
class SessionClock {
	offset = 0;
	constructor(private readonly page: Page) {}

	/** Advances to `offset` ms after Start. */
	async to(offset: number): Promise<void> {
		await advance(this.page, offset - this.offset);
		this.offset = offset;
	}

	/** Advances the clock by `ms` while the session is paused (the offset stays). */
	async idle(ms: number): Promise<void> {
		await advance(this.page, ms);
	}
}

/** Installs the fake clock, imports a fixture file and starts it with the clock paused. */
async function startFixture(page: Page, file: string, id: string, title: string) {
	await page.clock.install({ time: T0 });
	await page.clock.pauseAt(T0 + 5_000);
	await importProgramFile(page, fixturePath(file));
	await expectImported(page, title);
	await startProgram(page, id);
	return new SessionClock(page);
}

interface Screen {
	heading: string;
	/** The step label ("Get ready", "Hold", "Rest", "Paused", …). */
	label: string;
	/** Seconds in the timer; absent for self-paced steps, which have no timer. */
	seconds?: number;
	/** The items under the heading: rep, set and side, in that order, when shown. */
	meta: string[];
	/** The one thing to do now: a phase's cue, the action, the release. */
	cue?: string;
	next?: string;
	/** The big rep counter of a self-paced step. */
	reps?: string;
	/** Ms since Start (no pauses): the time left and the progress ring are checked for it. */
	at?: number;
}

async function expectScreen(page: Page, screen: Screen): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
	await expect(page.getByText(screen.label, { exact: true })).toBeVisible();
	const timer = page.getByRole('timer');
	if (screen.seconds === undefined) await expect(timer).toHaveCount(0);
	else await expect(timer).toHaveText(String(screen.seconds));
	await expect(page.getByRole('main').getByRole('listitem')).toHaveText(screen.meta);
	if (screen.cue) await expect(page.getByText(screen.cue, { exact: true })).toBeVisible();
	// "Next: …" only where the heading does not already say it (a rest within an exercise).
	if (screen.next) await expect(page.locator('.next')).toHaveText(screen.next);
	else await expect(page.locator('.next')).toHaveCount(0);
	if (screen.reps) await expect(page.getByText(screen.reps, { exact: true })).toBeVisible();
	if (screen.at !== undefined) {
		// Both follow every wake, apart from the rest of the screen (PlayerSession.onTime).
		const remainingTotalMs = timeline.totalMs - screen.at;
		// The routine has a self-paced set, so its time left is an estimate.
		await expect(page.locator('.time-left')).toHaveText(
			`about ${formatClock(remainingTotalMs)} left`
		);
		// The ring is turned at the wakes, which fall on whole seconds of the session (every step
		// is whole seconds long), or at the end of a long jump of the clock, which fires the
		// wake late: its turn is that of one or the other.
		const turnsAt = (offset: number) =>
			ringAngles(
				ringFraction(
					{ status: 'playing', remainingTotalMs: timeline.totalMs - offset },
					timeline.totalMs
				)
			);
		const candidates = [turnsAt(Math.floor(screen.at / 1000) * 1000), turnsAt(screen.at)];
		for (const half of ['right', 'left'] as const) {
			const styles = candidates.map((angles) => `transform: rotate(${angles[half]}deg);`);
			await expect(page.locator(`.ring .${half} .turn`)).toHaveAttribute(
				'style',
				new RegExp(`^(${styles.map((style) => style.replace(/[.()]/g, '\\$&')).join('|')})$`)
			);
		}
	}
}

test('at chosen moments the screen shows the exercise, rep, set, side, cue and seconds the timeline predicts', async ({
	page
}) => {
	const clock = await startFixture(page, EVERY_DOSE, everyDose.id, everyDose.title);
	const [breathing, stretch, marching, birdDog] = everyDose.exercises.map((e) => e.name);

	const prepare = stepWhere((s) => s.kind === 'prepare' && s.exerciseIndex === 0);
	const holdPhase = stepWhere(
		(s) => s.kind === 'phase' && s.exerciseIndex === 0 && s.rep === 2 && s.cue === 'Hold'
	);
	// Two steps after that "Hold" ("Breathe out" between): the rest before rep 3.
	const repRest = timeline.steps[holdPhase.index + 2]!;
	expect(repRest).toMatchObject({ kind: 'rest', restKind: 'betweenReps' });
	const toStretch = stepWhere(
		(s) => s.kind === 'rest' && s.restKind === 'betweenExercises' && s.exerciseIndex === 1
	);
	const leftRep2 = stepWhere(
		(s) => s.kind === 'hold' && s.set === 1 && s.side === 'left' && s.rep === 2
	);
	const switchSet1 = stepWhere((s) => s.kind === 'switchSides' && s.set === 1);
	const rightRep1Set2 = stepWhere(
		(s) => s.kind === 'hold' && s.set === 2 && s.side === 'right' && s.rep === 1
	);
	const bout = stepWhere((s) => s.kind === 'timed');
	const prepareBirdDog = stepWhere((s) => s.kind === 'prepare' && s.exerciseIndex === 3);
	const selfPaced = stepWhere((s) => s.kind === 'selfPaced' && s.set === 1);

	const moments: [Step, number, Omit<Screen, 'seconds'>][] = [
		[prepare, 1200, { heading: breathing!, label: 'Get ready', meta: [] }],
		[holdPhase, 500, { heading: breathing!, label: 'Move', cue: 'Hold', meta: ['Rep 2 of 3'] }],
		[repRest, 1000, { heading: breathing!, label: 'Rest', meta: [], next: 'Next: rep 3 of 3' }],
		[
			toStretch,
			4000,
			{
				heading: `Next: ${stretch}`,
				label: 'Rest',
				meta: ['Set 1 of 2', 'Left side']
			}
		],
		[
			leftRep2,
			2500,
			{ heading: stretch!, label: 'Hold', meta: ['Rep 2 of 2', 'Set 1 of 2', 'Left side'] }
		],
		[
			switchSet1,
			1000,
			{
				heading: stretch!,
				label: 'Switch sides',
				meta: ['Set 1 of 2', 'Right side']
			}
		],
		[
			rightRep1Set2,
			7400,
			{ heading: stretch!, label: 'Hold', meta: ['Rep 1 of 2', 'Set 2 of 2', 'Right side'] }
		],
		[bout, 12_345, { heading: marching!, label: 'Keep going', meta: [] }],
		[
			prepareBirdDog,
			100,
			{
				heading: birdDog!,
				label: 'Get ready',
				meta: ['Set 1 of 2', 'Left side']
			}
		]
	];
	const ring = page.getByRole('progressbar', { name: 'Session progress' });
	const percentAt = (offset: number) => Math.round((100 * offset) / timeline.totalMs);
	for (const [step, into, screen] of moments) {
		await test.step(`${step.kind} ${step.index}, ${into} ms in`, async () => {
			const at = step.start + into;
			await clock.to(at);
			await expectScreen(page, { ...screen, seconds: secondsLeft(step, into), at });
			// The ring's announced value is the share done when the screen took up the step (at its
			// start, or at the end of a long jump of the clock), and it holds for the second after.
			const announced = Number(await ring.getAttribute('aria-valuenow'));
			expect(announced).toBeGreaterThanOrEqual(percentAt(step.start));
			expect(announced).toBeLessThanOrEqual(percentAt(at));
			if (into + 1_000 < step.duration) {
				await clock.to(at + 1_000);
				await expectScreen(page, {
					...screen,
					seconds: secondsLeft(step, into + 1_000),
					at: at + 1_000
				});
				await expect(ring).toHaveAttribute('aria-valuenow', String(announced));
			}
		});
	}

	// The self-paced set waits for the person: no timer, however long the clock runs.
	await clock.to(selfPaced.start + 60_000);
	await expectScreen(page, {
		heading: birdDog!,
		label: 'Your own pace',
		reps: 'Rep 1 of 3',
		meta: ['Set 1 of 2', 'Left side']
	});
	// Set done: the rest after it shows its countdown from the tap, in a timer made anew.
	const restAfter = timeline.steps[selfPaced.index + 1]!;
	expect(restAfter.kind).toBe('rest');
	await page.getByRole('button', { name: 'Set done' }).click();
	await expect(page.getByRole('timer')).toHaveText(String(restAfter.duration / 1000));
	await page.clock.runFor(1_000);
	await expect(page.getByRole('timer')).toHaveText(String(restAfter.duration / 1000 - 1));
});

test('self-paced: Rep done and Space count reps on alternating sides, Set done ends the set, and the saved record keeps the reps', async ({
	page
}) => {
	const clock = await startFixture(page, EVERY_DOSE, everyDose.id, everyDose.title);
	const selfPaced = stepWhere((s) => s.kind === 'selfPaced' && s.set === 1);
	await clock.to(selfPaced.start);
	const repDone = page.getByRole('button', { name: 'Rep done' });
	const screen = { heading: 'Bird dog', label: 'Your own pace', meta: ['Set 1 of 2', 'Left side'] };
	await expectScreen(page, { ...screen, reps: 'Rep 1 of 3' });

	await repDone.click();
	await expectScreen(page, { ...screen, reps: 'Rep 1 of 3', meta: ['Set 1 of 2', 'Right side'] });
	await repDone.click();
	await expectScreen(page, { ...screen, reps: 'Rep 2 of 3' });

	// Space counts a rep when the focus is not on a button.
	await page.getByRole('heading', { level: 1 }).click();
	await expect(repDone).not.toBeFocused();
	await page.keyboard.press('Space');
	await expectScreen(page, { ...screen, reps: 'Rep 2 of 3', meta: ['Set 1 of 2', 'Right side'] });

	// Set done ends the set with three reps counted (left 2, right 1).
	await page.getByRole('button', { name: 'Set done' }).click();
	await expectScreen(page, {
		heading: 'Bird dog',
		label: 'Rest',
		seconds: 5,
		meta: ['Set 2 of 2', 'Left side'],
		next: 'Next: set 2 of 2'
	});
	await clock.idle(5_000);
	await expectScreen(page, { ...screen, reps: 'Rep 1 of 3', meta: ['Set 2 of 2', 'Left side'] });
	for (let tap = 0; tap < 6; tap++) await repDone.click();

	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Well done: you finished Every dose.')).toBeVisible();
	await page
		.getByRole('group', { name: 'Pain now' })
		.getByRole('radio', { name: '2', exact: true })
		.check();
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved with your answers' })
	).toBeVisible();

	// The stored record, as the backup file carries it. (Time flows again from here: following
	// a link needs the page's timers.)
	await page.clock.resume();
	await page.getByRole('link', { name: 'See your history' }).click();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup (JSON)' }).click();
	const backup = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as {
		sessions: SessionRecord[];
	};
	expect(backup.sessions).toHaveLength(1);
	const [record] = backup.sessions;
	expect(record).toMatchObject({ programId: everyDose.id, completed: true, painAfter: 2 });
	const birdDog = record!.exercises.find((e) => e.exerciseId === 'bird-dog');
	expect(birdDog).toMatchObject({
		repsDone: { none: 0, left: 5, right: 4 },
		repsPlanned: 6,
		setsDone: 2,
		skipped: false,
		// "Set done" ended the first set early: partly done, honestly.
		outcome: 'partial'
	});
	const stretch = record!.exercises.find((e) => e.exerciseId === 'side-stretch');
	expect(stretch?.repsDone).toEqual({ none: 0, left: 4, right: 4 });
});

test('a long pause changes nothing: the time left waits, then play continues from there', async ({
	page
}) => {
	const clock = await startFixture(page, EVERY_DOSE, everyDose.id, everyDose.title);
	const hold = stepWhere(
		(s) => s.kind === 'hold' && s.set === 1 && s.side === 'left' && s.rep === 1
	);
	await clock.to(hold.start + 2600);
	const holding = {
		heading: 'Side stretch',
		label: 'Hold',
		seconds: 6,
		meta: ['Rep 1 of 2', 'Set 1 of 2', 'Left side']
	};
	await expectScreen(page, holding);
	const timeLeft = page.getByText(/ left$/);
	const totalBefore = await timeLeft.textContent();

	await page.getByRole('button', { name: 'Pause' }).click();
	await expectScreen(page, { ...holding, label: 'Paused' });
	await clock.idle(10 * 60_000);
	await expectScreen(page, { ...holding, label: 'Paused' });
	await expect(timeLeft).toHaveText(totalBefore!);

	await page.getByRole('button', { name: 'Resume' }).click();
	await expectScreen(page, holding);
	await clock.to(hold.start + 3600);
	await expectScreen(page, { ...holding, seconds: 5 });
	// 500 ms past the hold's end (the pause moved it by exactly the paused time): the rep rest.
	await clock.to(hold.end + 500);
	await expectScreen(page, {
		heading: 'Side stretch',
		label: 'Rest',
		seconds: 2,
		meta: ['Set 1 of 2'],
		next: 'Next: rep 2 of 2, Left side'
	});
});

test('a reload mid-hold offers Resume with the same time left, and Discard clears it', async ({
	page
}) => {
	const clock = await startFixture(page, EVERY_DOSE, everyDose.id, everyDose.title);
	const hold = stepWhere(
		(s) => s.kind === 'hold' && s.set === 1 && s.side === 'left' && s.rep === 2
	);
	await clock.to(hold.start + 5300);
	const holding = {
		heading: 'Side stretch',
		label: 'Hold',
		seconds: 3,
		meta: ['Rep 2 of 2', 'Set 1 of 2', 'Left side']
	};
	await expectScreen(page, holding);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Resume Every dose?' })).toBeVisible();
	// No time passes while the offer waits (the clock is paused anyway).
	await page.getByRole('button', { name: 'Resume', exact: true }).click();
	await expectScreen(page, holding);
	await clock.to(hold.start + 6300);
	await expectScreen(page, { ...holding, seconds: 2 });

	// Leaving for the library keeps the unfinished session, which the library offers. (Time flows
	// again from here: following a link needs the page's timers.)
	await page.clock.resume();
	await page.goto('/');
	const unfinished = page.getByRole('region', { name: 'Unfinished session' });
	await expect(unfinished).toContainText('You stopped in the middle of “Every dose”.');
	await unfinished.getByRole('link', { name: 'Resume or discard it' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Resume Every dose?' })).toBeVisible();
	await page.getByRole('button', { name: 'Discard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Every dose' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

	await page.reload();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every dose');
});

test('keyboard: ArrowRight skips, ArrowLeft goes back, Escape pauses and Space resumes', async ({
	page
}) => {
	const clock = await startFixture(page, EVERY_DOSE, everyDose.id, everyDose.title);
	await clock.to(1000);
	const getReady = {
		heading: 'Slow breathing',
		label: 'Get ready',
		meta: []
	};
	await expectScreen(page, { ...getReady, seconds: 4 });

	// Skip in a get-ready starts the exercise now.
	await page.keyboard.press('ArrowRight');
	await expectScreen(page, {
		heading: 'Slow breathing',
		label: 'Move',
		cue: 'Breathe in',
		seconds: 4,
		meta: ['Rep 1 of 3']
	});
	// Skip during the exercise skips the rest of it, to the rest before the next one.
	await page.keyboard.press('ArrowRight');
	await expectScreen(page, {
		heading: 'Next: Side stretch',
		label: 'Rest',
		seconds: 10,
		meta: ['Set 1 of 2', 'Left side']
	});
	// Back in that rest replays the exercise just left, from its get-ready.
	await page.keyboard.press('ArrowLeft');
	await expectScreen(page, { ...getReady, seconds: 5 });

	await page.keyboard.press('Escape');
	await expectScreen(page, { ...getReady, label: 'Paused', seconds: 5 });
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	await clock.idle(3000);
	await expectScreen(page, { ...getReady, label: 'Paused', seconds: 5 });

	await expect(page.getByRole('button', { name: 'Resume' })).not.toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await clock.idle(1500);
	await expectScreen(page, { ...getReady, seconds: 4 });
});

test('a session played to the end is rated with Pain now and saved', async ({ page }) => {
	const text = readBuiltin('gentle-relief');
	const program = programOf(text);
	const total = timelineOf(text).totalMs;
	await page.clock.install({ time: T0 });
	await page.clock.pauseAt(T0 + 5_000);
	await startProgram(page, program.id, { painBefore: 4 });

	// Half a second before the end the last step is still running; the end comes on time.
	await advance(page, total - 500);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(program.exercises.at(-1)!.name);
	await expect(page.getByRole('timer')).toHaveText('1');
	await advance(page, 1000);
	await expect(page.getByRole('heading', { level: 1, name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Well done: you finished Gentle relief.')).toBeVisible();
	const fact = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=../dd');
	await expect(fact('Exercises done')).toHaveText(
		`${program.exercises.length} of ${program.exercises.length}`
	);
	await expect(fact('Pain before')).toHaveText('4 / 10');

	await page
		.getByRole('group', { name: 'Pain now' })
		.getByRole('radio', { name: '3', exact: true })
		.check();
	await page.getByRole('radio', { name: 'About right' }).check();
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved with your answers' })
	).toBeVisible();

	await page.clock.resume();
	await page.getByRole('link', { name: 'See your history' }).click();
	const session = page
		.getByRole('listitem')
		.filter({ hasText: 'Gentle relief' })
		.filter({ has: page.getByRole('button', { name: /^Delete/ }) });
	await expect(session).toContainText('Completed');
	await expect(session).toContainText('4 → 3');
});
