// Lengths in plain words (kept apart from dose.ts so pages that only show a length stay small).

/** A length in plain words for totals: "45 s", "7 min", "1 h 5 min", "2 h" (minutes rounded). */
export function formatDuration(ms: number): string {
	const seconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
