import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '$lib/storage/digests';
import { saveImportedProgram } from '$lib/storage/programs';
import { saveSession } from '$lib/storage/sessions';
import { makeStoredProgram, makeSessionRecord } from '$lib/test-factories';
import { releaseStorage, useFreshStorage } from '$lib/storage/test-helpers';
import { loadHistory, loadReport, REPORT_DAYS } from './load';

afterEach(() => releaseStorage());

const offline = (() => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch;

const builtinIndex = (async () =>
	new Response(
		JSON.stringify([
			{
				id: 'gentle-start',
				title: 'Gentle start',
				exerciseCount: 5,
				totalMs: 600_000,
				hasSelfPaced: false,
				schedule: { timesPerDay: 2, daysPerWeek: 7 }
			}
		])
	)) as unknown as typeof fetch;

describe('loadHistory', () => {
	it('reads every digest newest first, with built-in and imported programs', async () => {
		useFreshStorage();
		const older = makeSessionRecord({ id: 'older', startedAt: '2025-03-01T08:00:00.000Z' });
		const newer = makeSessionRecord({ id: 'newer', startedAt: '2025-03-02T08:00:00.000Z' });
		await saveSession(older);
		await saveSession(newer);
		await saveImportedProgram(makeStoredProgram('mine', 'Mine'), 'paste');
		const data = await loadHistory(builtinIndex);
		expect(data.digests).toEqual([digestOf(newer), digestOf(older)]);
		expect(data.programs.map((p) => p.id)).toEqual(['gentle-start', 'mine']);
	});

	it('still reads the sessions when the built-in programs cannot be fetched', async () => {
		useFreshStorage();
		await saveSession(makeSessionRecord());
		const data = await loadHistory(offline);
		expect(data.digests).toHaveLength(1);
		expect(data.programs).toEqual([]);
	});
});

describe('loadReport', () => {
	it("reads whole records for the report's local days only, and every digest", async () => {
		useFreshStorage();
		const zone = 'Europe/Berlin';
		// Wednesday 11 June 2025, 18:00 in Berlin; the report runs 15 May – 11 June.
		const now = Date.parse('2025-06-11T16:00:00Z');
		const at = [
			['long-ago', '2025-01-10T08:00:00.000Z'],
			// 14 May 23:30 in Berlin: the day before the report.
			['day-before', '2025-05-14T21:30:00.000Z'],
			// 15 May 00:30 in Berlin, still 14 May in UTC: the first day.
			['first-day', '2025-05-14T22:30:00.000Z'],
			['today', '2025-06-11T07:00:00.000Z']
		] as const;
		for (const [id, startedAt] of at) await saveSession(makeSessionRecord({ id, startedAt }));

		const report = await loadReport(offline, now, zone);
		expect(report.from).toBe('2025-05-15');
		expect(report.to).toBe('2025-06-11');
		expect(report.recent.map((s) => s.id)).toEqual(['today', 'first-day']);
		expect(report.recent[0]?.exercises).toHaveLength(1);
		expect(report.digests.map((d) => d.id)).toEqual([
			'today',
			'first-day',
			'day-before',
			'long-ago'
		]);
		expect(REPORT_DAYS).toBe(28);
	});

	it('works in a zone far ahead of UTC', async () => {
		useFreshStorage();
		// 11 June 2025, 09:00 in Kiritimati (UTC+14): the report starts 15 May there, which began
		// at 14 May 10:00 UTC.
		const now = Date.parse('2025-06-10T19:00:00Z');
		await saveSession(makeSessionRecord({ id: 'in', startedAt: '2025-05-14T10:30:00.000Z' }));
		await saveSession(makeSessionRecord({ id: 'out', startedAt: '2025-05-14T09:30:00.000Z' }));
		const report = await loadReport(offline, now, 'Pacific/Kiritimati');
		expect(report.from).toBe('2025-05-15');
		expect(report.recent.map((s) => s.id)).toEqual(['in']);
	});
});
