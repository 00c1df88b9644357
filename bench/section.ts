// The shape of a benchmark section: bench/run.ts runs every registered section, prints its rows
// as a table and stores them in bench/results.json under the section's name.

/** One measured value. */
export interface Row {
	/** What was measured, e.g. "completion error, jittery ticks". */
	metric: string;
	value: number | string;
	/** Unit of `value`, e.g. "ms". */
	unit?: string;
	/** The goal, in words, e.g. "≤ 16.7 ms (one frame)". */
	target?: string;
	/** Whether the value meets the target (absent when there is no target). */
	pass?: boolean;
	note?: string;
}

/** A benchmark section: a name (the key in results.json) and a run that returns its rows. */
export interface BenchSection {
	name: string;
	run(): Promise<Row[]>;
}
