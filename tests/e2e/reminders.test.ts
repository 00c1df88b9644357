// The routine page's reminders (issue 19, parts 1 and 2): default times from the schedule, a
// changed time saved and kept across a reload, and "Add reminders to my calendar": the .ics file's
// name, content type and content (parsed back with ical.js), made by code that loads only when
// the button is pressed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { openProgram } from './helpers/screens';

const TIME_ZONE = 'Europe/Berlin';
test.use({ timezoneId: TIME_ZONE, locale: 'en-GB' });

/** Records the type of every Blob the page turns into an object URL (the download's file). */
async function recordBlobTypes(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const types: string[] = [];
		(window as unknown as { blobTypes: string[] }).blobTypes = types;
		const create = URL.createObjectURL.bind(URL);
		URL.createObjectURL = (object: Blob | MediaSource) => {
			if (object instanceof Blob) types.push(object.type);
			return create(object);
		};
	});
}

const times = (page: Page) =>
	page.getByRole('group', { name: 'Times of day' }).locator('input[type="time"]');

test('Gentle relief: default times, a changed time saved, and the calendar file', async ({
	page,
	baseURL
}) => {
	await recordBlobTypes(page);
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await openProgram(page, 'gentle-relief');
	const section = page.getByRole('region', { name: 'Reminders' });
	await expect(section).toBeVisible();

	// Three times a day, every day: 08:00, 13:00, 19:00 and all seven days, turned off.
	await expect(times(page)).toHaveCount(3);
	for (const [i, time] of ['08:00', '13:00', '19:00'].entries()) {
		await expect(times(page).nth(i)).toHaveValue(time);
	}
	const days = page.getByRole('group', { name: 'Days of the week' }).getByRole('checkbox');
	await expect(days).toHaveCount(7);
	for (let i = 0; i < 7; i++) await expect(days.nth(i)).toBeChecked();
	await expect(
		page.getByRole('checkbox', { name: 'Remind me to do Gentle relief' })
	).not.toBeChecked();

	// No axe violations in the section, in the light and the dark colour scheme.
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const axe = await new AxeBuilder({ page })
			.include('section.reminders.card')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((violation) => `${colorScheme}: ${violation.id}`)).toEqual([]);
	}

	// An empty time: a message next to it, nothing saved; then a real change.
	await page.getByLabel('Time 2', { exact: true }).fill('');
	await expect(section.getByText('Enter a time, such as 08:00.')).toBeVisible();
	await page.getByLabel('Time 2', { exact: true }).fill('12:30');
	await expect(section.getByText('Enter a time, such as 08:00.')).toHaveCount(0);
	await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();

	// The calendar code is not part of the page's load: pressing the button fetches it.
	await page.waitForLoadState('networkidle');
	const before = scripts.length;
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Add reminders to my calendar' }).click();
	const download = await downloading;
	expect(scripts.length).toBeGreaterThan(before);

	expect(download.suggestedFilename()).toBe('limber-gentle-relief-reminders.ics');
	expect(
		await page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)
	).toEqual(['text/calendar;charset=utf-8']);
	const text = readFileSync(await download.path(), 'utf8');
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent');
	expect(events).toHaveLength(3);
	const starts: string[] = [];
	for (const event of events) {
		const rule = event.getFirstPropertyValue('rrule') as ICAL.Recur;
		expect(rule.freq).toBe('WEEKLY');
		expect(rule.getComponent('byday')).toEqual(['MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
		const start = event.getFirstProperty('dtstart');
		expect(start?.getParameter('tzid')).toBe(TIME_ZONE);
		const value = start?.getFirstValue() as ICAL.Time;
		starts.push(`${String(value.hour).padStart(2, '0')}:${String(value.minute).padStart(2, '0')}`);
		expect(event.getFirstPropertyValue('url')).toBe(`${baseURL}/programs/gentle-relief/`);
		expect(event.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
	}
	expect(starts.sort()).toEqual(['08:00', '12:30', '19:00']);
	await expect(section.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
		'limber-gentle-relief-reminders.ics'
	);

	// Saved: a reload shows the changed time and days.
	await openProgram(page, 'gentle-relief');
	await expect(times(page).nth(1)).toHaveValue('12:30');
	await expect(page.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
});
