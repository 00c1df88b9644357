import { describe, expect, it } from 'vitest';
import {
	INITIAL_UPDATE_FLOW,
	nextUpdateFlow,
	oncePerWorker,
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

describe('oncePerWorker', () => {
	it('reports each waiting worker once, however many paths report it', () => {
		let reports = 0;
		const found = oncePerWorker(() => reports++);
		const v2 = {};
		found(v2);
		found(v2);
		expect(reports).toBe(1);
		// A newer version waiting after that one is reported again.
		found({});
		expect(reports).toBe(2);
		found(null);
		found(undefined);
		expect(reports).toBe(2);
	});

	it('keeps a "Later" given between the two reports of the same worker', () => {
		let flow = INITIAL_UPDATE_FLOW;
		const found = oncePerWorker(() => (flow = nextUpdateFlow(flow, 'waiting').flow));
		const v2 = {};
		found(v2);
		flow = nextUpdateFlow(flow, 'dismiss').flow;
		found(v2);
		expect(shouldShowUpdate({ ...flow, playing: false })).toBe(false);
	});
});
