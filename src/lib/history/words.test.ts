import { describe, expect, it } from 'vitest';
import { painPoint, painTrend, type PainPoint } from '$lib/adherence/pain';
import { indexSessions } from '$lib/adherence/session-index';
import { adherenceText as englishAdherenceText } from '$lib/adherence/weekly';
import { describeSchedule } from '$lib/program/schedule-text';
import { shellWords } from '$lib/i18n/shell-words.svelte';
import type { SessionRecord } from '$lib/session/record';
import { sessionRecord } from '$lib/test-factories';
import { adherenceText, bestDaysText, daysText, painNumber, painText, scheduleText } from './words';

function points(sessions: SessionRecord[]): PainPoint[] {
	return indexSessions(sessions, 'UTC')
		.sessions.map(painPoint)
		.filter((point): point is PainPoint => point !== null);
}

const rated = (startedAt: string, painBefore?: number, painAfter?: number) =>
	sessionRecord(startedAt, { painBefore, painAfter });

/** The pain trends of $lib/adherence/pain's tests: every sentence its summary can make. */
const TRENDS = [
	painTrend(
		points([
			rated('2024-05-02T18:00:00Z', 5, 3),
			rated('2024-05-02T08:00:00Z', 7, 5),
			rated('2024-05-10T08:00:00Z', 4, 4),
			rated('2024-05-20T08:00:00Z', 4),
			rated('2024-05-21T08:00:00Z', undefined, 2)
		]),
		'2024-04-24',
		'2024-05-21'
	),
	painTrend(
		points([rated('2024-05-01T08:00:00Z', 9, 9), rated('2024-05-05T08:00:00Z', 2, 3)]),
		'2024-05-02',
		'2024-05-08'
	),
	painTrend(points([rated('2024-05-05T08:00:00Z')]), '2024-04-24', '2024-05-21'),
	painTrend(points([]), '2024-05-02', '2024-05-08'),
	painTrend(points([]), '2024-05-01', '2024-05-10'),
	painTrend(points([]), '2024-05-05', '2024-05-05'),
	painTrend(points([rated('2024-05-05T08:00:00Z', undefined, 3)]), '2024-05-01', '2024-05-10'),
	painTrend(
		points([rated('2024-05-05T08:00:00Z', 3), rated('2024-05-06T08:00:00Z', 3.04)]),
		'2024-05-01',
		'2024-05-10'
	),
	painTrend(points([rated('2024-05-05T08:00:00Z', 3, 3)]), '2024-05-05', '2024-05-05'),
	painTrend(points([rated('2024-05-05T08:00:00Z', 2, 4.5)]), '2024-05-05', '2024-05-05')
];

describe('painText', () => {
	it('says in English word for word what the trend itself says', () => {
		for (const trend of TRENDS) expect(painText(trend)).toBe(trend.text);
	});

	it('speaks German, with decimal commas', () => {
		expect(painText(TRENDS[0]!, 'de')).toBe(
			'In den letzten 4 Wochen lag der Schmerz vor dem Training im Durchschnitt bei 5 und danach bei 3,5; vor dem Training veränderte er sich von 6 auf 4. Im Durchschnitt war der Schmerz nach dem Training um 1,3 Punkte niedriger als davor.'
		);
		expect(painText(TRENDS[2]!, 'de')).toBe(
			'In den letzten 4 Wochen wurden keine Schmerzwerte erfasst.'
		);
	});

	it('speaks French: 1,5 point is singular there, and ";" has its narrow space', () => {
		const trend = painTrend(
			points([rated('2024-05-01T08:00:00Z', 6, 4.5), rated('2024-05-03T08:00:00Z', 5, 3.5)]),
			'2024-05-01',
			'2024-05-07'
		);
		expect(painText(trend, 'fr')).toBe(
			"Sur la dernière semaine, la douleur avant les séances était en moyenne de 5,5, et après de 4\u202f; avant les séances, elle est passée de 6 à 5. En moyenne, la douleur était plus basse de 1,5 point après une séance qu'avant."
		);
		expect(painText(TRENDS[5]!, 'es')).toBe(
			'Hoy no se ha registrado ninguna valoración del dolor.'
		);
	});

	it('writes ratings the locale’s way, never "-0"', () => {
		expect(painNumber(5.25)).toBe('5.3');
		expect(painNumber(5.25, 'de')).toBe('5,3');
		expect(painNumber(-0.01, 'fr')).toBe('0');
	});
});

describe('adherenceText', () => {
	const weeks = [
		['2025-06-09', 'this week'],
		['2025-06-02', 'last week']
	] as const;

	it('matches the English of $lib/adherence for this week and last week', () => {
		for (const [done, expected] of [
			[0, 3],
			[1, 1],
			[2, 10],
			[4, 3],
			[1, null],
			[0, null]
		] as const) {
			for (const [weekStart, when] of weeks) {
				expect(adherenceText({ done, expected }, weekStart, '2025-06-09')).toBe(
					englishAdherenceText(done, expected, when)
				);
			}
		}
	});

	it('names an older week by its date', () => {
		expect(adherenceText({ done: 2, expected: 3 }, '2025-05-26', '2025-06-09')).toBe(
			'2 of 3 sessions in the week starting May 26'
		);
		expect(adherenceText({ done: 2, expected: 3 }, '2025-05-26', '2025-06-09', 'de')).toBe(
			'2 von 3 Trainings in der Woche ab 26. Mai'
		);
	});

	it('picks the plural by the language: French "0 séance", English "0 sessions"', () => {
		expect(adherenceText({ done: 0, expected: null }, '2025-06-09', '2025-06-09', 'fr')).toBe(
			'0 séance cette semaine'
		);
		expect(adherenceText({ done: 0, expected: null }, '2025-06-09', '2025-06-09')).toBe(
			'0 sessions this week'
		);
		expect(adherenceText({ done: 1, expected: 3 }, '2025-06-09', '2025-06-09', 'es')).toBe(
			'1 de 3 sesiones esta semana'
		);
		expect(adherenceText({ done: 4, expected: 3 }, '2025-06-02', '2025-06-09', 'fr')).toBe(
			'4 séances la semaine dernière (prévues\u00a0: 3)'
		);
	});
});

describe('scheduleText', () => {
	it('says in English what describeSchedule says', () => {
		for (const timesPerDay of [1, 2, 3, 4]) {
			for (const daysPerWeek of [1, 3, 7]) {
				const schedule = { timesPerDay, daysPerWeek };
				expect(scheduleText(schedule)).toBe(describeSchedule(schedule, shellWords));
			}
		}
	});

	it('speaks the other languages', () => {
		expect(scheduleText({ timesPerDay: 1, daysPerWeek: 5 }, 'de')).toBe(
			'einmal täglich, 5 Tage pro Woche'
		);
		expect(scheduleText({ timesPerDay: 3, daysPerWeek: 7 }, 'es')).toBe(
			'tres veces al día, todos los días'
		);
		expect(scheduleText({ timesPerDay: 4, daysPerWeek: 1 }, 'fr')).toBe(
			'4 fois par jour, 1 jour par semaine'
		);
	});
});

describe('the streak', () => {
	it('counts days with the plural of each language', () => {
		expect(daysText(0)).toBe('0 days');
		expect(daysText(1)).toBe('1 day');
		expect(daysText(0, 'fr')).toBe('0 jour');
		expect(daysText(2, 'de')).toBe('2 Tage');
		expect(bestDaysText(1, 'es')).toBe('Mejor racha: 1 día');
		expect(bestDaysText(0, 'fr')).toBe('Meilleure série\u00a0: 0 jour');
	});
});
