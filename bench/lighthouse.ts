// Benchmark section "lighthouse": Lighthouse 12 with its mobile defaults (emulated phone,
// simulated slow 4G and CPU slowdown) on the library and on a program page of the production
// build, three runs each; every figure is the median of its three values. Chrome is the system
// Chromium (scripts/find-browser.js), started by chrome-launcher headless.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { BenchSection, Row } from './section';
import { chromiumPath, median, round, startApp } from './app-build';

const RUNS = 3;
const PAGES = [
	{ label: 'library', path: '/' },
	{ label: 'program page', path: '/programs/gentle-relief/' }
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LCP_TARGET_MS = 1200;

interface RunFigures {
	scores: Record<(typeof CATEGORIES)[number], number>;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
	scriptBytes: number;
	/** Audits that kept a category from 100, with their titles (for the note). */
	misses: string[];
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>;

function figuresOf({ lhr }: Result): RunFigures {
	const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
	const scores = Object.fromEntries(
		CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])
	) as RunFigures['scores'];
	const summary = lhr.audits['resource-summary']?.details as
		{ items?: { resourceType: string; transferSize: number }[] } | undefined;
	const scriptBytes = summary?.items?.find((item) => item.resourceType === 'script')?.transferSize;
	const misses: string[] = [];
	for (const id of CATEGORIES) {
		for (const ref of lhr.categories[id]?.auditRefs ?? []) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
				misses.push(`${id}: ${audit.id}`);
			}
		}
	}
	return {
		scores,
		fcp: numeric('first-contentful-paint'),
		lcp: numeric('largest-contentful-paint'),
		tbt: numeric('total-blocking-time'),
		cls: numeric('cumulative-layout-shift'),
		scriptBytes: scriptBytes ?? Number.NaN,
		misses
	};
}

async function measure(url: string, chromePath: string): Promise<RunFigures[]> {
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox']
	});
	try {
		const runs: RunFigures[] = [];
		for (let i = 0; i < RUNS; i++) {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES]
			});
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
			runs.push(figuresOf(result));
		}
		return runs;
	} finally {
		chrome.kill();
	}
}

function rowsFor(label: string, runs: RunFigures[]): Row[] {
	const m = (pick: (run: RunFigures) => number) => median(runs.map(pick));
	const rows: Row[] = CATEGORIES.map((id) => {
		const value = m((run) => run.scores[id]);
		return { metric: `${label}: ${id}`, value, target: '100', pass: value === 100 };
	});
	// Where a category misses 100, say which audits cost points (in any of the runs).
	for (const row of rows) {
		if (row.pass !== false) continue;
		const category = row.metric.slice(label.length + 2);
		const misses = new Set(
			runs.flatMap((run) => run.misses).filter((miss) => miss.startsWith(`${category}: `))
		);
		row.note = `audits below 1: ${[...misses].map((miss) => miss.slice(category.length + 2)).join(', ')}`;
	}
	const lcp = m((run) => run.lcp);
	rows.push(
		{ metric: `${label}: first contentful paint`, value: round(m((r) => r.fcp)), unit: 'ms' },
		{
			metric: `${label}: largest contentful paint`,
			value: round(lcp),
			unit: 'ms',
			target: `≤ ${LCP_TARGET_MS} ms`,
			pass: lcp <= LCP_TARGET_MS
		},
		{ metric: `${label}: total blocking time`, value: round(m((r) => r.tbt)), unit: 'ms' },
		{
			metric: `${label}: cumulative layout shift`,
			value: round(
				m((r) => r.cls),
				3
			)
		},
		{
			metric: `${label}: script bytes transferred`,
			value: round(m((r) => r.scriptBytes) / 1024, 1),
			unit: 'KB',
			note: 'gzip, as a static host serves it'
		}
	);
	return rows;
}

// The lighthouse section: scores and web vitals of the library and a program page, median of 3.
export const lighthouseSection: BenchSection = {
	name: 'lighthouse',
	async run() {
		const chromePath = await chromiumPath();
		const app = await startApp();
		try {
			const rows: Row[] = [
				{
					metric: 'setup',
					value: `mobile defaults, median of ${RUNS}`,
					note: `Lighthouse 12, ${chromePath}`
				}
			];
			for (const { label, path } of PAGES) {
				rows.push(...rowsFor(label, await measure(`${app.url}${path}`, chromePath)));
			}
			return rows;
		} finally {
			await app.stop();
		}
	}
};
