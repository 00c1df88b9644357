import { describe, expect, it } from 'vitest';
import { expandTimeline } from '$lib/program/timeline';
import { holdExercise, makeProgram } from '$lib/test-factories';
import { programForSession, sessionPrepareSeconds, withPrepareSeconds } from './prepare';

const program = makeProgram({
	id: 'holds',
	prepareSeconds: 7,
	exercises: [holdExercise(3, { id: 'a', name: 'A', reps: 1 })]
});

describe('withPrepareSeconds', () => {
	it('sets the get-ready length, leaving the program itself alone', () => {
		const changed = withPrepareSeconds(program, 5);
		expect(changed.prepareSeconds).toBe(5);
		expect(program.prepareSeconds).toBe(7);
		expect(expandTimeline(changed).steps[0]).toMatchObject({ kind: 'prepare', duration: 5000 });
	});

	it('returns the same program when the length is already that', () => {
		expect(withPrepareSeconds(program, 7)).toBe(program);
	});
});

describe('sessionPrepareSeconds', () => {
	it('a new session takes the setting, or the routine’s own', () => {
		expect(sessionPrepareSeconds(program, 'program')).toBe(7);
		expect(sessionPrepareSeconds(program, 5)).toBe(5);
		expect(sessionPrepareSeconds(program, 15)).toBe(15);
	});

	it('a resumed session keeps its checkpoint’s length whatever the setting says now', () => {
		expect(sessionPrepareSeconds(program, 15, { prepareSeconds: 5 })).toBe(5);
		expect(sessionPrepareSeconds(program, 'program', { prepareSeconds: 10 })).toBe(10);
		expect(sessionPrepareSeconds(program, 10, { prepareSeconds: 0 })).toBe(0);
	});

	it('a checkpoint written before the setting existed plays the routine’s own', () => {
		expect(sessionPrepareSeconds(program, 15, {})).toBe(7);
	});
});

describe('programForSession', () => {
	it('applies the setting to a new session and the checkpoint’s length to a resumed one', () => {
		expect(programForSession(program, 10).prepareSeconds).toBe(10);
		expect(programForSession(program, 10, { prepareSeconds: 5 }).prepareSeconds).toBe(5);
		expect(programForSession(program, 10, {})).toBe(program);
	});
});
