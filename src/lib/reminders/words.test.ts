// The reminders' words in each language (docs/i18n.md, "Settings, reminders and calendar files"):
// weekday names and lists through Intl, the times and days of a setting, today's progress, the
// form's problems, the notifications' title and body, and the calendar file's text. English stays
// the default wherever no locale is given.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { pluralForm } from '$lib/i18n/plural';
import * as m from '$lib/paraglide/messages';
import { formatBytes } from '$lib/pwa/persistence';
import { checkReminderDraft } from './draft';
import { dueText } from './due';
import { reminderCalendar } from './ics';
import { todaySection } from './today-section';
import { noticeText, reminderLocale, showReminders, type ReminderNotice } from './notice-text';
import { joinWords, reminderText } from './settings-list';
import { weekdayName } from './times';

const NBSP = '\u00a0';

describe('weekday names and lists', () => {
	it('names each weekday from Intl, Monday first', () => {
		expect(([1, 2, 3, 4, 5, 6, 7] as const).map((day) => weekdayName(day))).toEqual([
			'Monday',
			'Tuesday',
			'Wednesday',
			'Thursday',
			'Friday',
			'Saturday',
			'Sunday'
		]);
		expect(weekdayName(1, 'de')).toBe('Montag');
		expect(weekdayName(3, 'es')).toBe('miércoles');
		expect(weekdayName(7, 'fr')).toBe('dimanche');
	});

	it('joins a list the language’s way, English without the serial comma', () => {
		const items = ['08:00', '13:00', '19:00'];
		expect(joinWords(items)).toBe('08:00, 13:00 and 19:00');
		expect(joinWords(items, 'de')).toBe('08:00, 13:00 und 19:00');
		expect(joinWords(items, 'es')).toBe('08:00, 13:00 y 19:00');
		expect(joinWords(items, 'fr')).toBe('08:00, 13:00 et 19:00');
		expect(joinWords(['08:00'], 'de')).toBe('08:00');
	});
});

describe('reminderText', () => {
	const every = { times: ['08:00', '19:00'], days: [1, 2, 3, 4, 5, 6, 7] as const };
	const some = { times: ['08:00'], days: [5, 1, 3] as const };

	it('is English by default', () => {
		expect(reminderText({ ...every, days: [...every.days] })).toBe('08:00 and 19:00, every day');
		expect(reminderText({ ...some, days: [...some.days] })).toBe(
			'08:00, on Monday, Wednesday and Friday'
		);
	});

	it('says the times and days in German, Spanish and French', () => {
		expect(reminderText({ ...every, days: [...every.days] }, 'de')).toBe(
			'08:00 und 19:00, jeden Tag'
		);
		expect(reminderText({ times: ['08:00'], days: [1, 2, 3, 4, 5] }, 'de')).toBe(
			'08:00, Montag bis Freitag'
		);
		expect(reminderText({ ...some, days: [...some.days] }, 'de')).toBe(
			'08:00, jeden Montag, Mittwoch und Freitag'
		);
		expect(reminderText({ ...some, days: [...some.days] }, 'es')).toBe(
			'08:00, cada lunes, miércoles y viernes'
		);
		expect(reminderText({ times: ['09:30'], days: [6, 7] }, 'es')).toBe(
			'09:30, los fines de semana'
		);
		expect(reminderText({ ...some, days: [...some.days] }, 'fr')).toBe(
			'08:00, le lundi, mercredi et vendredi'
		);
	});
});

describe('dueText', () => {
	it('says today’s progress in each language', () => {
		expect(dueText('due', 1, 3)).toBe('1 of 3 today');
		expect(dueText('done', 3, 3)).toBe('done today');
		expect(dueText('rest-day', 0, 1)).toBe('rest day');
		expect(dueText('due', 0, 2, 'de')).toBe('heute 0 von 2');
		expect(dueText('rest-day', 0, 1, 'es')).toBe('día de descanso');
		expect(dueText('done', 1, 1, 'fr')).toBe('fait pour aujourd’hui');
	});
});

describe('todaySection', () => {
	it('writes each line in the language asked for (English unless told)', () => {
		const programs = [
			{ id: 'gentle-relief', title: 'Gentle relief', schedule: { timesPerDay: 3, daysPerWeek: 7 } }
		];
		const follows = { 'gentle-relief': { since: '2025-06-11' } };
		const at = '2025-06-11T22:30:00+02:00';
		const timeZone = 'Europe/Berlin';
		expect(todaySection(programs, [], follows, {}, at, { timeZone })?.lines[0]?.text).toBe(
			'Gentle relief: 0 of 3 today'
		);
		const french = todaySection(programs, [], follows, {}, at, { timeZone, locale: 'fr' });
		expect(french?.lines[0]?.text).toBe(`Gentle relief${NBSP}: 0 sur 3 aujourd’hui`);
		expect(french?.next?.text).toBe('0 sur 3 aujourd’hui');
	});
});

describe('checkReminderDraft', () => {
	it('says each problem in the form’s language', () => {
		const english = checkReminderDraft({ times: ['', '08:00', '08:00'], days: [], on: true });
		expect(english).toEqual({
			ok: false,
			times: ['Enter a time, such as 08:00.', null, 'This time is already in the list.'],
			days: 'Choose at least one day.'
		});
		const spanish = checkReminderDraft({ times: ['', '08:00', '08:00'], days: [], on: true }, 'es');
		expect(spanish).toEqual({
			ok: false,
			times: ['Escriba una hora, por ejemplo 08:00.', null, 'Esta hora ya está en la lista.'],
			days: 'Elija al menos un día.'
		});
	});

	it('counts the most times allowed with the language’s plural', () => {
		const times = Array.from({ length: 11 }, (_, i) => `${String(i + 8).padStart(2, '0')}:00`);
		const german = checkReminderDraft({ times, days: [1], on: true }, 'de');
		expect(german.ok).toBe(false);
		if (!german.ok) expect(german.times.at(-1)).toBe('Höchstens 10 Uhrzeiten.');
		// The singular form, as a count of one would take it.
		expect(pluralForm(1, 'de')).toBe('one');
		expect(m.reminders_time_too_many_one({ count: 1 }, { locale: 'de' })).toBe(
			'Höchstens 1 Uhrzeit.'
		);
		// French takes the singular for 0 and 1.
		expect(pluralForm(0, 'fr')).toBe('one');
		expect(m.reminders_time_too_many_other({ count: 10 }, { locale: 'fr' })).toBe(
			'10 heures au maximum.'
		);
	});
});

const NOTICE: ReminderNotice = {
	tag: 'limber-reminder gentle-relief 2025-06-11 13:00',
	programId: 'gentle-relief',
	title: 'Gentle relief',
	time: '13:00',
	progress: '1 of 3 today',
	done: 1,
	of: 3,
	url: 'https://limber.test/programs/gentle-relief/',
	at: Date.parse('2025-06-11T13:00:00+02:00'),
	until: Date.parse('2025-06-11T19:00:00+02:00')
};

describe('noticeText', () => {
	it('is English by default, on time and late', () => {
		expect(noticeText(NOTICE)).toEqual({
			title: 'Time for Gentle relief',
			body: 'Your 13:00 session (1 of 3 today).'
		});
		expect(noticeText(NOTICE, true)).toEqual({
			title: 'Missed: Gentle relief at 13:00',
			body: 'Not done yet (1 of 3 today). There is still time today.'
		});
	});

	it('writes the progress from its figures in the person’s language', () => {
		const spanish = { ...NOTICE, title: 'Alivio suave' };
		expect(noticeText(spanish, false, 'es')).toEqual({
			title: 'Es hora de hacer Alivio suave',
			body: 'Su sesión de las 13:00 (1 de 3 hoy).'
		});
		expect(noticeText({ ...NOTICE, title: 'Sanfte Linderung' }, true, 'de')).toEqual({
			title: 'Verpasst: Sanfte Linderung um 13:00',
			body: 'Noch nicht erledigt (heute 1 von 3). Heute ist noch Zeit dafür.'
		});
		expect(noticeText(NOTICE, true, 'fr').title).toBe(`Manqué${NBSP}: Gentle relief à 13:00`);
	});

	it('keeps the stored words of a plan entry without figures (stored before they were)', () => {
		const { done: _done, of: _of, ...older } = NOTICE;
		expect(noticeText(older, false, 'de').body).toBe('Ihr Training um 13:00 (1 of 3 today).');
	});

	it('is shown in the language asked for', async () => {
		const shown: { title: string; body?: string }[] = [];
		const registration = {
			showNotification: async (title: string, options: NotificationOptions) => {
				shown.push({ title, body: options.body });
			}
		};
		await showReminders(registration, [NOTICE], NOTICE.at + 60_000, 'es');
		await showReminders(registration, [NOTICE], NOTICE.at + 60_000);
		expect(shown).toEqual([
			{ title: 'Es hora de hacer Gentle relief', body: 'Su sesión de las 13:00 (1 de 3 hoy).' },
			{ title: 'Time for Gentle relief', body: 'Your 13:00 session (1 of 3 today).' }
		]);
	});
});

describe('the calendar file', () => {
	const base = {
		programId: 'gentle-relief',
		times: ['08:00'],
		days: [1, 3, 5] as const,
		timeZone: 'Europe/Berlin',
		url: 'https://limber.example/programs/gentle-relief/',
		now: '2025-03-24T06:00:00Z'
	};

	function read(text: string) {
		const calendar = new ICAL.Component(ICAL.parse(text));
		const event = calendar.getFirstSubcomponent('vevent')!;
		return {
			name: calendar.getFirstPropertyValue('x-wr-calname'),
			summary: event.getFirstPropertyValue('summary'),
			description: event.getFirstPropertyValue('description'),
			alarm: event.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description'),
			rrule: String(event.getFirstPropertyValue('rrule')),
			uid: event.getFirstPropertyValue('uid')
		};
	}

	it('has its words in German; the machine fields are those of the English file', () => {
		const german = read(
			reminderCalendar({ ...base, days: [...base.days], title: 'Sanfte Linderung', locale: 'de' })
				.text
		);
		const english = read(
			reminderCalendar({ ...base, days: [...base.days], title: 'Gentle relief' }).text
		);
		expect(german).toEqual({
			name: 'Limber-Erinnerungen',
			summary: 'Sanfte Linderung',
			description:
				'Zeit für Sanfte Linderung. In Limber öffnen: https://limber.example/programs/gentle-relief/',
			alarm: 'Zeit für Sanfte Linderung',
			rrule: english.rrule,
			uid: english.uid
		});
		expect(english).toMatchObject({
			name: 'Limber reminders',
			summary: 'Gentle relief',
			description:
				'Time for Gentle relief. Open it in Limber: https://limber.example/programs/gentle-relief/',
			alarm: 'Time for Gentle relief'
		});
	});
});

describe('formatBytes', () => {
	it('writes the locale’s decimal separator, and octets in French', () => {
		expect(formatBytes(1_234_567)).toBe('1.2 MB');
		expect(formatBytes(1_234_567, 'de')).toBe('1,2 MB');
		expect(formatBytes(1_234_567, 'fr')).toBe(`1,2${NBSP}Mo`);
		expect(formatBytes(35_000_000, 'es')).toBe('35 MB');
	});
});

describe('the service worker’s language', () => {
	it('is the stored language setting, or with auto (or nothing stored) the browser’s', () => {
		expect(reminderLocale('de', ['es-ES'])).toBe('de');
		expect(reminderLocale('auto', ['es-ES', 'en'])).toBe('es');
		expect(reminderLocale(undefined, ['fr-CA'])).toBe('fr');
		expect(reminderLocale('pt', ['pt-BR'])).toBe('en');
	});
});
