import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '$lib/session/record';
import {
	chartPoints,
	formatPain,
	painChart,
	painPoint,
	painTrend,
	painValue,
	polylinePoints,
	type PainPoint
} from './pain';
import { indexSessions } from './session-index';
import { sessionRecord } from '$lib/test-factories';

function points(sessions: SessionRecord[], zone = 'UTC'): PainPoint[] {
	return indexSessions(sessions, zone)
		.sessions.map(painPoint)
		.filter((point): point is PainPoint => point !== null);
}

function rated(startedAt: string, painBefore?: number, painAfter?: number): SessionRecord {
	return sessionRecord(startedAt, { painBefore, painAfter });
}

describe('painValue and formatPain', () => {
	it('keeps ratings from 0 to 10 and drops anything else', () => {
		expect(painValue(0)).toBe(0);
		expect(painValue(10)).toBe(10);
		expect(painValue(4.5)).toBe(4.5);
		expect(painValue(-1)).toBeNull();
		expect(painValue(11)).toBeNull();
		expect(painValue(Number.NaN)).toBeNull();
		expect(painValue('5')).toBeNull();
		expect(painValue(undefined)).toBeNull();
	});

	it('shows one decimal at most', () => {
		expect(formatPain(5.25)).toBe('5.3');
		expect(formatPain(4)).toBe('4');
		expect(formatPain(3.96)).toBe('4');
		expect(formatPain(-0.01)).toBe('0');
	});
});

describe('painPoint', () => {
	it('leaves out sessions without any rating and keeps partial ones', () => {
		const result = points([
			rated('2024-05-01T08:00:00Z'),
			rated('2024-05-02T08:00:00Z', 5),
			rated('2024-05-03T08:00:00Z', undefined, 3),
			rated('2024-05-04T08:00:00Z', 12, 4)
		]);
		expect(result.map((point) => [point.day, point.before, point.after])).toEqual([
			['2024-05-02', 5, null],
			['2024-05-03', null, 3],
			['2024-05-04', null, 4]
		]);
	});
});

describe('painTrend', () => {
	it('averages before, after and the change, per session and per day', () => {
		const trend = painTrend(
			points([
				rated('2024-05-02T18:00:00Z', 5, 3),
				rated('2024-05-02T08:00:00Z', 7, 5),
				rated('2024-05-10T08:00:00Z', 4, 4),
				rated('2024-05-20T08:00:00Z', 4),
				rated('2024-05-21T08:00:00Z', undefined, 2)
			]),
			'2024-04-24',
			'2024-05-21'
		);
		expect(trend.sessions.map((point) => point.before)).toEqual([7, 5, 4, 4, null]);
		expect(trend.days).toEqual([
			{ day: '2024-05-02', before: 6, after: 4, beforeCount: 2, afterCount: 2 },
			{ day: '2024-05-10', before: 4, after: 4, beforeCount: 1, afterCount: 1 },
			{ day: '2024-05-20', before: 4, after: null, beforeCount: 1, afterCount: 0 },
			{ day: '2024-05-21', before: null, after: 2, beforeCount: 0, afterCount: 1 }
		]);
		expect(trend.averageBefore).toBe(5);
		expect(trend.averageAfter).toBeCloseTo(3.5);
		expect(trend.averageChange).toBeCloseTo(-4 / 3);
		expect(trend.changeCount).toBe(3);
		expect(trend.firstBefore).toBe(6);
		expect(trend.lastBefore).toBe(4);
		expect(trend.text).toBe(
			'Over the last 4 weeks, pain before sessions averaged 5 and after 3.5; pain before sessions went from 6 to 4. On average, pain was 1.3 points lower after a session than before it.'
		);
	});

	it('keeps to the period', () => {
		const trend = painTrend(
			points([rated('2024-05-01T08:00:00Z', 9, 9), rated('2024-05-05T08:00:00Z', 2, 3)]),
			'2024-05-02',
			'2024-05-08'
		);
		expect(trend.sessions).toHaveLength(1);
		expect(trend.text).toBe(
			'Over the last week, pain before sessions averaged 2 and after 3. On average, pain was 1 point higher after a session than before it.'
		);
	});

	it('says so when there are no ratings', () => {
		const trend = painTrend(points([rated('2024-05-05T08:00:00Z')]), '2024-04-24', '2024-05-21');
		expect(trend.days).toEqual([]);
		expect(trend.averageBefore).toBeNull();
		expect(trend.averageChange).toBeNull();
		expect(trend.text).toBe('No pain ratings were recorded in the last 4 weeks.');
	});

	it('words partial data plainly', () => {
		const onlyAfter = painTrend(
			points([rated('2024-05-05T08:00:00Z', undefined, 3)]),
			'2024-05-01',
			'2024-05-10'
		);
		expect(onlyAfter.text).toBe('Over the last 10 days, pain after sessions averaged 3.');
		const onlyBefore = painTrend(
			points([rated('2024-05-05T08:00:00Z', 3), rated('2024-05-06T08:00:00Z', 3.04)]),
			'2024-05-01',
			'2024-05-10'
		);
		expect(onlyBefore.text).toBe(
			'Over the last 10 days, pain before sessions averaged 3; pain before sessions was 3 at the start and at the end.'
		);
		const same = painTrend(
			points([rated('2024-05-05T08:00:00Z', 3, 3)]),
			'2024-05-05',
			'2024-05-05'
		);
		expect(same.text).toBe(
			'Today, pain before sessions averaged 3 and after 3. On average, pain was about the same after a session as before it.'
		);
	});
});

describe('chart geometry', () => {
	it('maps values into the box with 10 at the top and 0 at the bottom', () => {
		const result = chartPoints(
			[
				{ x: 0, y: 0 },
				{ x: 5, y: null },
				{ x: 10, y: 10 },
				{ x: 5, y: 2.5 }
			],
			{ width: 120, height: 60, padding: 10, xMin: 0, xMax: 10 }
		);
		expect(result).toEqual([
			{ x: 10, y: 50 },
			{ x: 110, y: 10 },
			{ x: 60, y: 40 }
		]);
		expect(polylinePoints(result)).toBe('10,50 110,10 60,40');
	});

	it('centres a single x value', () => {
		expect(chartPoints([{ x: 3, y: 5 }], { width: 100, height: 100, xMin: 3, xMax: 3 })).toEqual([
			{ x: 50, y: 50 }
		]);
	});

	it('draws the daily means between two days', () => {
		const trend = painTrend(
			points([
				rated('2024-05-01T08:00:00Z', 6, 4),
				rated('2024-05-03T08:00:00Z', undefined, 2),
				rated('2024-05-05T08:00:00Z', 2, 1)
			]),
			'2024-05-01',
			'2024-05-05'
		);
		const chart = painChart(trend.days, trend.from, trend.to, { width: 400, height: 100 });
		expect(chart.before.points).toBe('0,40 400,80');
		expect(chart.after.points).toBe('0,60 200,80 400,90');
		expect(chart.after.dots.map((dot) => [dot.day, dot.value])).toEqual([
			['2024-05-01', 4],
			['2024-05-03', 2],
			['2024-05-05', 1]
		]);
		const empty = painChart([], '2024-05-01', '2024-05-05', { width: 400, height: 100 });
		expect(empty.before).toEqual({ points: '', dots: [] });
	});

	it('labels the date axis every week, back from the last day', () => {
		const chart = painChart([], '2024-05-01', '2024-05-28', {
			width: 280,
			height: 100,
			padding: 10
		});
		// 1–28 May spans 27 days over 260 units, starting 10 in: x = 10 + (days from 1 May / 27) × 260.
		expect(chart.ticks).toEqual([
			{ day: '2024-05-07', x: 67.78 },
			{ day: '2024-05-14', x: 135.19 },
			{ day: '2024-05-21', x: 202.59 },
			{ day: '2024-05-28', x: 270 }
		]);
	});
});
