// Timing for the History page's summary over a large log (run: npx vitest bench --run src/lib/adherence).
import { bench, describe } from 'vitest';
import type { SessionRecord } from '$lib/session/record';
import { addDays, localDay } from './days';
import { indexSessions } from './session-index';
import { summarize } from './summarize';
import { sessionRecord } from '$lib/test-factories';
import type { ScheduledProgram } from './weekly';

const programs: ScheduledProgram[] = [
	{ id: 'gentle-relief', title: 'Gentle relief', schedule: { timesPerDay: 3, daysPerWeek: 7 } },
	{ id: 'daily-core', title: 'Daily core strength', schedule: { timesPerDay: 1, daysPerWeek: 4 } }
];

function syntheticLog(count: number): SessionRecord[] {
	const sessions: SessionRecord[] = [];
	let day = '2024-12-31';
	while (sessions.length < count) {
		const index = sessions.length;
		const program = programs[index % 2] as ScheduledProgram;
		const minute = String((index * 7) % 60).padStart(2, '0');
		sessions.push(
			sessionRecord(`${day}T${String(7 + (index % 3) * 5).padStart(2, '0')}:${minute}:00Z`, {
				programId: program.id,
				programTitle: program.title,
				painBefore: index % 4 === 0 ? undefined : index % 8,
				painAfter: index % 6 === 0 ? undefined : (index + 3) % 7
			})
		);
		if (index % 3 === 2) day = addDays(day, -1);
	}
	return sessions;
}

const log = syntheticLog(10_000);
const now = '2024-12-31T20:00:00Z';

describe('10,000 sessions', () => {
	bench('summarize (Europe/London)', () => {
		summarize(log, programs, now, 'Europe/London');
	});
	bench('indexSessions only', () => {
		indexSessions(log, 'Europe/London');
	});
	bench('localDay × 10,000', () => {
		for (const session of log) localDay(session.startedAt, 'Europe/London');
	});
});
