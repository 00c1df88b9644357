// History end to end: a played session in the log, streak, weekly adherence and calendar; the
// JSON backup into a fresh profile; refused backups changing nothing; the CSV; delete and undo;
// the clinician report. Time is the page's fake clock, in a zone where local midnight is not UTC's.
import { expect, test } from '@playwright/test';
import {
	FOUR_SESSIONS_BACKUP,
	LOCALE,
	QUICK_PROGRAM,
	TIME_ZONE,
	chooseBackup,
	definition,
	downloadFrom,
	finishQuickSession,
	historyLoaded,
	importProgram,
	parseCsv,
	restoreBackup,
	sessionItems,
	sessionTexts,
	startClock
} from './helpers/history';

test.use({ timezoneId: TIME_ZONE, locale: LOCALE });

// Wednesday 11 June 2025, 18:00 in Berlin (16:00 UTC). Its week runs Monday 9 – Sunday 15 June.
const WEDNESDAY_EVENING = '2025-06-11T18:00:00+02:00';

test('a saved session is listed and counts for the streak, this week and today', async ({
	page
}) => {
	await startClock(page, WEDNESDAY_EVENING);
	await importProgram(page);
	await finishQuickSession(page, { painBefore: 4, painAfter: 2 });

	await page.goto('/history/');
	await page.reload();
	await historyLoaded(page);

	const items = sessionItems(page);
	await expect(items).toHaveCount(1);
	const item = items.first();
	await expect(item.getByText(QUICK_PROGRAM.title, { exact: true })).toBeVisible();
	await expect(item.getByText('Wed, 11 Jun 2025, 18:00', { exact: true })).toBeVisible();
	await expect(definition(item, 'Duration')).toHaveText('10 s');
	await expect(definition(item, 'Result')).toHaveText('Completed');
	await expect(definition(item, 'Pain before → after')).toHaveText('4 → 2');

	const streak = page.getByRole('region', { name: 'Streak' });
	await expect(streak.getByText('1 day', { exact: true })).toBeVisible();
	await expect(streak.getByText('Best: 1 day')).toBeVisible();

	const week = page.getByRole('region', { name: 'This week' });
	await expect(week.getByText('1 of 3 sessions this week', { exact: true })).toBeVisible();
	const bar = week.getByRole('progressbar', { name: 'Quick check: 1 of 3 sessions this week' });
	await expect(bar).toHaveAttribute('value', '1');
	await expect(bar).toHaveAttribute('max', '3');

	const calendar = page.getByRole('region', { name: 'Calendar' }).getByRole('table');
	await expect(calendar).toHaveAccessibleName('June 2025');
	const today = calendar.getByRole('cell', { name: 'Wednesday 11 June: 1 session', exact: true });
	await expect(today).toHaveAttribute('aria-current', 'date');
	// Only today has a session, and only today is marked as today.
	await expect(calendar.getByRole('cell', { name: /session/ })).toHaveCount(1);
	await expect(calendar.locator('[aria-current="date"]')).toHaveCount(1);
});

test('just after local midnight on the 1st, the calendar shows the new month with today', async ({
	page
}) => {
	// Tuesday 1 July 2025, 00:20 in Berlin: still Monday 30 June in UTC.
	await startClock(page, '2025-07-01T00:20:00+02:00');
	await importProgram(page);
	await finishQuickSession(page, { painBefore: 3, painAfter: 3 });

	await page.goto('/history/');
	await historyLoaded(page);
	const calendar = page.getByRole('region', { name: 'Calendar' }).getByRole('table');
	await expect(calendar).toHaveAccessibleName('July 2025');
	await expect(
		calendar.getByRole('cell', { name: 'Tuesday 1 July: 1 session', exact: true })
	).toHaveAttribute('aria-current', 'date');
	await expect(
		page.getByRole('region', { name: 'Streak' }).getByText('1 day', { exact: true })
	).toBeVisible();
	const csv = await downloadFrom(page, page.getByRole('button', { name: 'Export sessions (CSV)' }));
	expect(csv.download.suggestedFilename()).toBe('limber-sessions-2025-07-01.csv');
});

test('the JSON backup brings the same history into a fresh browser profile', async ({
	page,
	browser,
	baseURL
}) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	await finishQuickSession(page, { painBefore: 4, painAfter: 2, note: 'Easy today' });
	await page.goto('/history/');
	const before = await sessionTexts(page);
	expect(before).toHaveLength(5);

	const exported = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Export backup (JSON)' })
	);
	expect(exported.download.suggestedFilename()).toBe('limber-backup-2025-06-11.json');
	const backup = JSON.parse(exported.text) as {
		format: string;
		sessions: { programTitle: string; note?: string }[];
		programs: { program: { id: string } }[];
	};
	expect(backup.format).toBe('limber-backup');
	expect(backup.sessions).toHaveLength(5);
	expect(backup.sessions.at(-1)).toMatchObject({ programTitle: 'Quick check', note: 'Easy today' });
	expect(backup.programs.map((entry) => entry.program.id)).toEqual([QUICK_PROGRAM.id]);

	// A new context is a new profile: its own, empty IndexedDB.
	const fresh = await browser.newContext({ baseURL, timezoneId: TIME_ZONE, locale: LOCALE });
	try {
		const other = await fresh.newPage();
		await startClock(other, WEDNESDAY_EVENING);
		await other.goto('/history/');
		await historyLoaded(other);
		await expect(other.getByText('No sessions yet.')).toBeVisible();

		await chooseBackup(other, exported.path);
		await expect(other.getByRole('status').filter({ hasText: 'Backup restored' })).toHaveText(
			'Backup restored: 5 sessions added, 0 already here.'
		);
		await expect.poll(() => sessionTexts(other)).toEqual(before);
		// The imported program came along, so this week is measured against its schedule.
		const week = other.getByRole('region', { name: 'This week' });
		await expect(week.getByText('2 of 3 sessions this week', { exact: true })).toBeVisible();

		await other.reload();
		await expect.poll(() => sessionTexts(other)).toEqual(before);
		await other.goto('/');
		await expect(
			other.getByRole('list', { name: 'Programs' }).getByRole('link', { name: QUICK_PROGRAM.title })
		).toBeVisible();
	} finally {
		await fresh.close();
	}
});

test('a truncated backup is refused with its problem and path, and nothing changes', async ({
	page
}) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	const before = await sessionTexts(page);
	expect(before).toHaveLength(4);

	// The app's own backup, cut off halfway as an interrupted copy would leave it.
	const { text } = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Export backup (JSON)' })
	);
	await chooseBackup(page, {
		name: 'limber-backup-2025-06-11.json',
		text: text.slice(0, Math.floor(text.length / 2))
	});

	const alert = page.getByRole('alert').filter({ hasText: "This backup can't be restored" });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('Nothing was saved.');
	await expect(alert.getByRole('listitem')).toHaveText([
		/^\(root\): is not valid JSON, so it may be cut off or damaged/
	]);
	expect(await sessionTexts(page)).toEqual(before);

	await page.reload();
	await expect.poll(() => sessionTexts(page)).toEqual(before);
});

test('a backup with one damaged record adds none of its sessions', async ({ page }) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	const before = await sessionTexts(page);

	const { text } = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Export backup (JSON)' })
	);
	const backup = JSON.parse(text) as { sessions: Record<string, unknown>[] };
	// One new, valid session (it would be added) and one stored session with a pain of 11.
	backup.sessions.push({
		...backup.sessions[3],
		id: '0c9d3a4e-2f61-4b7a-8e5d-1a2b3c4d5e6f',
		startedAt: '2025-06-11T05:00:00.000Z',
		endedAt: '2025-06-11T05:00:10.000Z'
	});
	backup.sessions[1] = { ...backup.sessions[1], painAfter: 11 };
	await chooseBackup(page, { name: 'edited-backup.json', text: JSON.stringify(backup) });

	const alert = page.getByRole('alert').filter({ hasText: "This backup can't be restored" });
	await expect(alert.getByRole('listitem')).toHaveText([/^sessions\[1\]\.painAfter: /]);
	expect(await sessionTexts(page)).toEqual(before);
	await page.reload();
	await expect.poll(() => sessionTexts(page)).toEqual(before);
});

test('the CSV has a header row and one row per exercise of each session', async ({ page }) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	await finishQuickSession(page, { painBefore: 4, painAfter: 2, effort: 'About right' });
	await page.goto('/history/');
	await historyLoaded(page);

	const { download, text } = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Export sessions (CSV)' })
	);
	expect(download.suggestedFilename()).toBe('limber-sessions-2025-06-11.csv');
	const [header, ...rows] = parseCsv(text);
	expect(header).toEqual(
		expect.arrayContaining([
			'date',
			'start time',
			'program',
			'session',
			'exercise',
			'outcome',
			'skip reason',
			'pain before',
			'pain after',
			'effort',
			'note'
		])
	);
	const cell = (row: string[], column: string) => row[header!.indexOf(column)];
	for (const row of rows) expect(row).toHaveLength(header!.length);

	// Sessions oldest first, each with one row per exercise, in local (Berlin) time.
	const bySession = new Map<string, string[]>();
	for (const row of rows) {
		const key = `${cell(row, 'date')} ${cell(row, 'start time')} ${cell(row, 'program')}`;
		bySession.set(key, [...(bySession.get(key) ?? []), cell(row, 'exercise')!]);
	}
	const quick = ['Short hold', 'Short march'];
	expect([...bySession]).toEqual([
		[
			'2025-05-28 12:15 Desk break',
			[
				'Standing cat stretch',
				'Pelvic tilts against a wall',
				'Triangle pose, hand on thigh',
				'Slow breathing'
			]
		],
		['2025-06-02 08:30 Quick check', quick],
		['2025-06-05 19:00 Quick check', quick],
		['2025-06-10 07:45 Quick check', quick],
		['2025-06-11 18:00 Quick check', quick]
	]);
	expect(rows).toHaveLength(12);

	const played = rows.slice(-2);
	for (const row of played) {
		expect(cell(row, 'session')).toBe('completed');
		expect(cell(row, 'pain before')).toBe('4');
		expect(cell(row, 'pain after')).toBe('2');
		expect(cell(row, 'effort')).toBe('about right');
	}
	const skipped = rows.find(
		(row) => cell(row, 'date') === '2025-06-05' && cell(row, 'exercise') === 'Short march'
	)!;
	expect([
		cell(skipped, 'session'),
		cell(skipped, 'outcome'),
		cell(skipped, 'skip reason')
	]).toEqual(['partial', 'skipped', 'pain']);
	const noted = rows.find((row) => cell(row, 'date') === '2025-06-02')!;
	expect(cell(noted, 'note')).toBe('Felt "tight" at first, then fine');
});

test('a deleted session disappears, Undo brings it back, and both outlast a reload', async ({
	page
}) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	const before = await sessionTexts(page);
	expect(before).toHaveLength(4);
	const without = [before[0], before[2], before[3]];

	// Newest first: the second is Thursday's Quick check (two sessions share that title).
	await sessionItems(page)
		.nth(1)
		.getByRole('button', { name: /^Delete the session of Quick check on Thu, 5 Jun 2025, 19:00/ })
		.click();
	await expect(sessionItems(page)).toHaveCount(3);
	expect(await sessionTexts(page)).toEqual(without);

	const undo = page.getByRole('group', { name: 'Undo delete' });
	await expect(undo).toContainText('Deleted the session of Quick check.');
	await undo.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('status').filter({ hasText: /restore/i })).toHaveText(
		'Restored the session of Quick check.'
	);
	await expect(undo).toBeHidden();
	await expect(sessionItems(page)).toHaveCount(4);
	expect(await sessionTexts(page)).toEqual(before);

	await page.reload();
	await expect.poll(() => sessionTexts(page)).toEqual(before);

	// Without Undo, the deletion is kept.
	await sessionItems(page)
		.nth(1)
		.getByRole('button', { name: /^Delete/ })
		.click();
	await expect(sessionItems(page)).toHaveCount(3);
	await page.reload();
	await expect.poll(() => sessionTexts(page)).toEqual(without);
});

test('the report for a clinician shows 4 weeks of adherence, the pain summary and each session', async ({
	page
}) => {
	await startClock(page, WEDNESDAY_EVENING);
	await restoreBackup(page, FOUR_SESSIONS_BACKUP);
	await finishQuickSession(page, { painBefore: 4, painAfter: 2, note: 'Easy today' });
	await page.goto('/history/');
	await page.getByRole('link', { name: 'Report for your clinician' }).click();

	await expect(page).toHaveURL(/\/report\/$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Exercise report: the last 4 weeks' })
	).toBeVisible();
	await expect(
		page.getByText('15 May – 11 Jun. 5 sessions recorded. Current streak: 2 days.')
	).toBeVisible();

	const weeks = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Prescribed' }) });
	await expect(weeks.getByRole('columnheader')).toHaveText([
		'Week',
		'Routine',
		'Done',
		'Prescribed'
	]);
	// Each week lists the routines followed that week, from the day each was first played:
	// Desk break from Wednesday 28 May (4 × 5 a week, all five days left that week), Quick check
	// from Monday 2 June (3 a week). The first row of a week carries the week's name.
	await expect(weeks.getByRole('row')).toHaveText([
		'WeekRoutineDonePrescribed',
		'19 May – 25 MayNo routine followed',
		'26 May – 1 JunDesk break120',
		'2 Jun – 8 JunDesk break020',
		'Quick check23',
		'9 Jun – 15 JunDesk break020',
		'Quick check23'
	]);
	// Each routine followed, with its exercises and doses.
	await expect(page.getByRole('region', { name: 'Desk break' })).toContainText(
		'followed since 28 May'
	);
	await expect(page.getByRole('region', { name: 'Quick check' })).toContainText(
		'followed since 2 Jun'
	);

	await expect(
		page.getByText(
			'Over the last 4 weeks, pain before sessions averaged 4.2 and after 3.4; pain before sessions went from 3 to 4. On average, pain was 0.8 points lower after a session than before it.'
		)
	).toBeVisible();

	const sessions = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Not done' }) });
	await expect(sessions.getByRole('row')).toHaveCount(6);
	const latest = sessions.getByRole('row').filter({ hasText: 'Easy today' });
	await expect(latest.getByRole('cell')).toHaveText([
		'11 Jun, 18:00',
		'Quick check',
		'10 s',
		'Completed',
		'–',
		'4 → 2',
		'–',
		'Easy today'
	]);
	const partial = sessions.getByRole('row').filter({ hasText: 'Partial' });
	await expect(partial).toContainText('Short march: skipped (pain)');
});
