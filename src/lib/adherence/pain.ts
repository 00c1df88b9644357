// Pain trend: the 0–10 ratings given before and after sessions, per session and per day, their
// averages, a plain-language summary for screen readers and SVG polyline geometry for a chart.
import { addDays, dayNumber } from './days';
import type { IndexedSession } from './session-index';

export interface PainPoint {
	sessionId: string;
	programId: string;
	day: string;
	/** Start of the session, ms since the epoch. */
	at: number;
	before: number | null;
	after: number | null;
}

export interface PainDay {
	day: string;
	/** Mean of the day's ratings before sessions, or null when there were none. */
	before: number | null;
	/** Mean of the day's ratings after sessions, or null when there were none. */
	after: number | null;
	beforeCount: number;
	afterCount: number;
}

export interface PainTrend {
	/** First and last day of the period (inclusive). */
	from: string;
	to: string;
	/** Sessions with at least one rating, oldest first. */
	sessions: PainPoint[];
	/** Days with at least one rating, oldest first. */
	days: PainDay[];
	averageBefore: number | null;
	averageAfter: number | null;
	/** Mean of (after − before) over sessions with both ratings; negative means pain eased. */
	averageChange: number | null;
	/** How many sessions had both ratings. */
	changeCount: number;
	/** Mean rating before sessions on the first and on the last day that had one. */
	firstBefore: number | null;
	lastBefore: number | null;
	/** Plain-language summary, e.g. for a screen reader in place of the chart. */
	text: string;
}

/** A pain rating as a number from 0 to 10, or null when it is missing or out of range. */
export function painValue(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10
		? value
		: null;
}

/** The ratings of one indexed session, or null when it has neither rating. */
export function painPoint(entry: IndexedSession): PainPoint | null {
	const before = painValue(entry.session.painBefore);
	const after = painValue(entry.session.painAfter);
	if (before === null && after === null) return null;
	return {
		sessionId: entry.session.id,
		programId: entry.session.programId,
		day: entry.day,
		at: entry.startedMs,
		before,
		after
	};
}

/** A rating for display: one decimal at most ("5.2", "4"). */
export function formatPain(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function periodWords(from: string, to: string): string {
	const days = dayNumber(to) - dayNumber(from) + 1;
	if (days % 7 === 0) return days === 7 ? 'the last week' : `the last ${days / 7} weeks`;
	return days === 1 ? 'today' : `the last ${days} days`;
}

function mean(sum: number, count: number): number | null {
	return count === 0 ? null : sum / count;
}

function summaryText(trend: Omit<PainTrend, 'text'>): string {
	const period = periodWords(trend.from, trend.to);
	const opening = period === 'today' ? 'Today' : `Over ${period}`;
	const { averageBefore, averageAfter } = trend;
	if (averageBefore === null && averageAfter === null) {
		return `No pain ratings were recorded ${period === 'today' ? 'today' : `in ${period}`}.`;
	}
	const sentences: string[] = [];
	let first: string;
	if (averageBefore !== null && averageAfter !== null) {
		first = `${opening}, pain before sessions averaged ${formatPain(averageBefore)} and after ${formatPain(averageAfter)}`;
	} else if (averageBefore !== null) {
		first = `${opening}, pain before sessions averaged ${formatPain(averageBefore)}`;
	} else {
		first = `${opening}, pain after sessions averaged ${formatPain(averageAfter as number)}`;
	}
	const { firstBefore, lastBefore } = trend;
	const beforeDays = trend.days.filter((day) => day.before !== null).length;
	if (firstBefore !== null && lastBefore !== null && beforeDays > 1) {
		first +=
			formatPain(firstBefore) === formatPain(lastBefore)
				? `; pain before sessions was ${formatPain(lastBefore)} at the start and at the end`
				: `; pain before sessions went from ${formatPain(firstBefore)} to ${formatPain(lastBefore)}`;
	}
	sentences.push(`${first}.`);
	if (trend.averageChange !== null) {
		const change = trend.averageChange;
		const size = formatPain(Math.abs(change));
		const points = size === '1' ? 'point' : 'points';
		if (size === '0') {
			sentences.push('On average, pain was about the same after a session as before it.');
		} else if (change < 0) {
			sentences.push(
				`On average, pain was ${size} ${points} lower after a session than before it.`
			);
		} else {
			sentences.push(
				`On average, pain was ${size} ${points} higher after a session than before it.`
			);
		}
	}
	return sentences.join(' ');
}

/** The pain trend from rated sessions, limited to the days `from`–`to` (inclusive). */
export function painTrend(points: readonly PainPoint[], from: string, to: string): PainTrend {
	const inPeriod = points.filter((point) => point.day >= from && point.day <= to);
	inPeriod.sort((a, b) => a.at - b.at);
	const byDay = new Map<
		string,
		{ before: number; beforeCount: number; after: number; afterCount: number }
	>();
	let beforeSum = 0;
	let beforeCount = 0;
	let afterSum = 0;
	let afterCount = 0;
	let changeSum = 0;
	let changeCount = 0;
	for (const point of inPeriod) {
		let day = byDay.get(point.day);
		if (!day) {
			day = { before: 0, beforeCount: 0, after: 0, afterCount: 0 };
			byDay.set(point.day, day);
		}
		if (point.before !== null) {
			beforeSum += point.before;
			beforeCount++;
			day.before += point.before;
			day.beforeCount++;
		}
		if (point.after !== null) {
			afterSum += point.after;
			afterCount++;
			day.after += point.after;
			day.afterCount++;
		}
		if (point.before !== null && point.after !== null) {
			changeSum += point.after - point.before;
			changeCount++;
		}
	}
	const days: PainDay[] = [...byDay]
		.map(([day, sums]) => ({
			day,
			before: mean(sums.before, sums.beforeCount),
			after: mean(sums.after, sums.afterCount),
			beforeCount: sums.beforeCount,
			afterCount: sums.afterCount
		}))
		.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
	const withBefore = days.filter((day) => day.before !== null);
	const trend: Omit<PainTrend, 'text'> = {
		from,
		to,
		sessions: inPeriod,
		days,
		averageBefore: mean(beforeSum, beforeCount),
		averageAfter: mean(afterSum, afterCount),
		averageChange: mean(changeSum, changeCount),
		changeCount,
		firstBefore: withBefore[0]?.before ?? null,
		lastBefore: withBefore[withBefore.length - 1]?.before ?? null
	};
	return { ...trend, text: summaryText(trend) };
}

export interface ChartBox {
	width: number;
	height: number;
	/** Space kept free on every side, in the same units (default 0). */
	padding?: number;
	/** The x range mapped onto the width. */
	xMin: number;
	xMax: number;
	/** The y range mapped onto the height, larger values higher up (default 0–10). */
	yMin?: number;
	yMax?: number;
}

export interface ChartPoint {
	x: number;
	y: number;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Maps values onto an SVG box (y grows downwards); values that are null are left out. */
export function chartPoints(
	values: readonly { x: number; y: number | null }[],
	box: ChartBox
): ChartPoint[] {
	const padding = box.padding ?? 0;
	const innerWidth = Math.max(0, box.width - 2 * padding);
	const innerHeight = Math.max(0, box.height - 2 * padding);
	const yMin = box.yMin ?? 0;
	const yMax = box.yMax ?? 10;
	const xSpan = box.xMax - box.xMin;
	const ySpan = yMax - yMin;
	const points: ChartPoint[] = [];
	for (const value of values) {
		if (value.y === null || !Number.isFinite(value.y) || !Number.isFinite(value.x)) continue;
		const xShare = xSpan === 0 ? 0.5 : (value.x - box.xMin) / xSpan;
		const yShare = ySpan === 0 ? 0.5 : (value.y - yMin) / ySpan;
		points.push({
			x: round2(padding + xShare * innerWidth),
			y: round2(padding + (1 - yShare) * innerHeight)
		});
	}
	return points;
}

/** Chart points as the `points` attribute of an SVG <polyline> ("x,y x,y …"). */
export function polylinePoints(points: readonly ChartPoint[]): string {
	return points.map((point) => `${point.x},${point.y}`).join(' ');
}

export interface PainChartLine {
	/** For <polyline points="…">; gaps (days without that rating) are joined straight across. */
	points: string;
	/** One dot per plotted day, with the value it stands for. */
	dots: (ChartPoint & { day: string; value: number })[];
}

export interface PainChart {
	before: PainChartLine;
	after: PainChartLine;
	/** Days labelled on the date axis (every `tickDays` from the last day back), with their x. */
	ticks: { day: string; x: number }[];
}

/** SVG geometry for the per-day pain means between `from` and `to` on a 0–10 scale. */
export function painChart(
	days: readonly PainDay[],
	from: string,
	to: string,
	size: { width: number; height: number; padding?: number; tickDays?: number }
): PainChart {
	const box: ChartBox = { ...size, xMin: dayNumber(from), xMax: dayNumber(to), yMin: 0, yMax: 10 };
	const line = (pick: (day: PainDay) => number | null): PainChartLine => {
		const plotted = days.filter((day) => pick(day) !== null);
		const points = chartPoints(
			plotted.map((day) => ({ x: dayNumber(day.day), y: pick(day) })),
			box
		);
		return {
			points: polylinePoints(points),
			dots: points.map((point, index) => {
				const day = plotted[index] as PainDay;
				return { ...point, day: day.day, value: pick(day) as number };
			})
		};
	};
	const step = Math.max(1, Math.floor(size.tickDays ?? 7));
	const tickDays: string[] = [];
	for (let day = to; day >= from; day = addDays(day, -step)) tickDays.unshift(day);
	const ticks = chartPoints(
		tickDays.map((day) => ({ x: dayNumber(day), y: 0 })),
		box
	).map((point, i) => ({ day: tickDays[i] as string, x: point.x }));
	return { before: line((day) => day.before), after: line((day) => day.after), ticks };
}
