import { describe, expect, it } from 'vitest';
import {
	INITIAL_UPDATE_FLOW,
	nextUpdateFlow,
	shouldShowUpdate,
	type UpdateEvent,
	type UpdateFlow
} from './update-flow';

function run(events: UpdateEvent[]): { flow: UpdateFlow; reloads: number } {
	let flow = INITIAL_UPDATE_FLOW;
	let reloads = 0;
	for (const event of events) {
		const next = nextUpdateFlow(flow, event);
		flow = next.flow;
		if (next.reload) reloads++;
	}
	return { flow, reloads };
}

describe('shouldShowUpdate', () => {
	it('shows the prompt only for a waiting version while nothing plays and it was not dismissed', () => {
		expect(shouldShowUpdate({ waiting: true, playing: false, dismissed: false })).toBe(true);
		expect(shouldShowUpdate({ waiting: true, playing: true, dismissed: false })).toBe(false);
		expect(shouldShowUpdate({ waiting: true, playing: false, dismissed: true })).toBe(false);
		expect(shouldShowUpdate({ waiting: false, playing: false, dismissed: false })).toBe(false);
	});
});

describe('nextUpdateFlow', () => {
	it('reloads exactly once after the person accepts and the new worker takes control', () => {
		const { flow, reloads } = run(['waiting', 'accept', 'controlling', 'controlling']);
		expect(reloads).toBe(1);
		expect(flow).toMatchObject({ accepted: true, reloaded: true });
	});

	it('never reloads when control changes without the person agreeing', () => {
		// First install claiming the page, or another tab activating the update.
		expect(run(['controlling']).reloads).toBe(0);
		expect(run(['waiting', 'controlling']).reloads).toBe(0);
		expect(run(['waiting', 'dismiss', 'controlling']).reloads).toBe(0);
	});

	it('ignores an accept when nothing is waiting', () => {
		const { flow, reloads } = run(['accept', 'controlling']);
		expect(flow.accepted).toBe(false);
		expect(reloads).toBe(0);
	});

	it('offers a newer waiting version again after an older one was dismissed', () => {
		expect(run(['waiting', 'dismiss']).flow.dismissed).toBe(true);
		expect(run(['waiting', 'dismiss', 'waiting']).flow.dismissed).toBe(false);
	});
});
