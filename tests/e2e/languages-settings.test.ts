// Settings, reminders and notifications in Spanish (a browser whose preferred language is
// Spanish, the language setting left on Automatic): Settings' headings, labels and the reminder
// section speak Spanish and axe finds nothing; a routine's reminder form names the days in
// Spanish; and a reminder notification comes in Spanish at its time (the page's fake clock, read
// through the service worker's registration as in reminder-notifications.test.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startClock, TIME_ZONE } from './helpers/history';
import { readSetting } from './helpers/idb';
import { waitForController } from './helpers/service-worker';

test.use({ locale: 'es-ES', timezoneId: TIME_ZONE });

/** The notifications this origin shows now (read through the service worker's registration). */
function shownNotifications(page: Page) {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (await registration.getNotifications()).map((n) => ({
			title: n.title,
			body: n.body,
			tag: n.tag
		}));
	});
}

test('Settings speaks Spanish: headings, labels, reminders and the app section; axe finds nothing', async ({
	page
}) => {
	await page.goto('/settings/');
	await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
	await expect(page).toHaveTitle('Ajustes · Limber');
	for (const name of [
		'Sonido, voz y vibración',
		'Reproductor',
		'Control de seguridad',
		'Idioma',
		'Recordatorios',
		'Aplicación',
		'Acerca de Limber'
	]) {
		await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
	}
	const cues = page.getByRole('region', { name: 'Sonido, voz y vibración' });
	await expect(cues).toHaveAttribute('lang', 'es');
	await expect(
		cues.getByRole('checkbox', { name: 'Pitidos para la cuenta atrás 3-2-1 y cada cambio' })
	).toBeChecked();
	await expect(cues.getByRole('slider', { name: 'Volumen' })).toBeVisible();

	const player = page.getByRole('region', { name: 'Reproductor' });
	await expect(player.getByRole('group', { name: 'Tamaño del texto' })).toBeVisible();
	await expect(player.getByRole('radio', { name: 'Muy grande' })).toBeVisible();
	await expect(player.getByRole('radio', { name: '5 segundos', exact: true })).toBeVisible();
	await expect(
		player.getByRole('combobox', { name: 'Voz de las indicaciones habladas' })
	).toBeVisible();
	await expect(player.getByRole('button', { name: 'Probar la voz' })).toBeVisible();

	await expect(
		page.getByRole('checkbox', {
			name: 'Hacer las preguntas de seguridad antes de la primera sesión de cada día'
		})
	).toBeChecked();

	const reminders = page.getByRole('region', { name: 'Recordatorios' });
	await expect(
		reminders.getByText(/^Los recordatorios son para las rutinas que sigue/)
	).toBeVisible();
	await expect(
		reminders.getByRole('heading', { level: 3, name: 'Lo que puede hacer este navegador' })
	).toBeVisible();
	await expect(reminders.getByText('Archivo de calendario', { exact: true })).toBeVisible();

	await expect(page.getByRole('button', { name: 'Buscar actualizaciones' })).toBeVisible();
	await expect(page.getByText(/^Tiene la versión /)).toBeVisible();
	await expect(page.getByText('Almacenamiento en este dispositivo')).toBeVisible();
	await expect(page.getByTestId('storage-last-backup')).toHaveText('Nunca');

	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(axe.violations.map((violation) => violation.id)).toEqual([]);
});

test.describe('with notifications allowed', () => {
	test.beforeEach(async ({ context }) => {
		await context.grantPermissions(['notifications']);
	});

	test('a routine’s reminders in Spanish, and the notification at 13:00 in Spanish', async ({
		page
	}) => {
		test.setTimeout(90_000);
		// Wednesday 11 June 2025, 12:50 in Berlin: Gentle relief reminds at 08:00, 13:00 and 19:00.
		await startClock(page, '2025-06-11T12:50:00+02:00');
		await page.goto('/programs/gentle-relief/');
		await waitForController(page);
		const section = page.getByRole('region', { name: 'Recordatorios' });
		await expect(section).toHaveAttribute('lang', 'es');
		// The days are named in Spanish, as labels (capitalised), Monday first.
		const days = section.getByRole('group', { name: 'Días de la semana' });
		await expect(days.getByRole('checkbox')).toHaveCount(7);
		await expect(days.getByRole('checkbox').first()).toHaveAccessibleName('Lunes');
		await expect(section.getByLabel('Hora 1', { exact: true })).toHaveValue('08:00');

		const box = page.getByRole('checkbox', { name: 'Recordarme hacer Alivio suave' });
		await expect(async () => {
			if (!(await box.isChecked())) await box.check({ timeout: 2_000 });
			await expect(box).toBeChecked({ timeout: 2_000 });
		}).toPass({ timeout: 30_000 });
		// Turning reminders on follows the routine.
		await expect(page.getByRole('button', { name: 'Dejar de seguir' })).toBeVisible();
		await expect(
			section.getByText(/^Notificaciones en este dispositivo: Sí: a sus horas/)
		).toBeVisible();
		await expect
			.poll(async () =>
				(((await readSetting(page, 'reminderPlan')) ?? []) as { time: string }[]).map((n) => n.time)
			)
			.toContain('13:00');

		// The library stays open; at 13:00 the reminder comes, in Spanish.
		await page.goto('/');
		await page.clock.runFor('10:30');
		await expect
			.poll(() => shownNotifications(page))
			.toEqual([
				{
					title: 'Es hora de hacer Alivio suave',
					body: 'Su sesión de las 13:00 (0 de 3 hoy).',
					tag: 'limber-reminder gentle-relief 2025-06-11 13:00'
				}
			]);

		// Settings lists the routine with its times and days in Spanish.
		await page.goto('/settings/');
		const list = page.getByRole('region', { name: 'Recordatorios' });
		await expect(list.getByText('08:00, 13:00 y 19:00, todos los días')).toBeVisible();
		// (The routine's title comes from the library's index, which is the library's to translate.)
		await expect(list.getByText(/^Cambiar horas de /)).toBeVisible();
	});
});
