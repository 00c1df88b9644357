import { describe, expect, it } from 'vitest';
import { holdExercise, makeProgram } from '$lib/test-factories';
import { expandTimeline } from '$lib/program/timeline';
import { agoText, placeText, stoppedText } from './checkpoint-text';

const program = makeProgram({
	exercises: [
		holdExercise(5, { id: 'tilt', name: 'Pelvic tilts', reps: 2 }),
		holdExercise(7, { id: 'bird-dog', name: 'Bird-dog', sets: 2, sides: 'each', reps: 1 })
	]
});
const steps = expandTimeline(program).steps;
const indexOf = (predicate: (s: (typeof steps)[number]) => boolean) => steps.findIndex(predicate);

describe('agoText', () => {
	const now = Date.UTC(2026, 11, 5, 23, 44);
	it('says how long ago in plain words', () => {
		expect(agoText(now - 20_000, now)).toBe('just now');
		expect(agoText(now - 60_000, now)).toBe('1 minute ago');
		expect(agoText(now - 12 * 60_000, now)).toBe('12 minutes ago');
		expect(agoText(now - 3 * 3_600_000, now)).toBe('3 hours ago');
		expect(agoText(now - 26 * 3_600_000, now)).toBe('yesterday');
		expect(agoText(now - 5 * 86_400_000, now)).toBe('5 days ago');
		// A clock set back since: never "in 5 minutes".
		expect(agoText(now + 300_000, now)).toBe('just now');
	});
});

describe('placeText', () => {
	it('names the exercise, the set and the side', () => {
		const second = indexOf(
			(s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.set === 2 && s.side === 'left'
		);
		expect(placeText(program, { stepIndex: second, status: 'paused' })).toBe(
			'Bird-dog, set 2 of 2, left side'
		);
		expect(placeText(program, { stepIndex: 1, status: 'paused' })).toBe('Pelvic tilts');
	});

	it('says when it stopped in the rest before an exercise, at the start or at the end', () => {
		const rest = indexOf((s) => s.kind === 'rest' && s.restKind === 'betweenExercises');
		expect(placeText(program, { stepIndex: rest, status: 'paused' })).toBe(
			'the rest before Bird-dog, set 1 of 2, left side'
		);
		expect(placeText(program, { stepIndex: 0, status: 'ready' })).toBe('the start');
		expect(placeText(program, { stepIndex: steps.length, status: 'complete' })).toBe('the end');
	});
});

describe('stoppedText', () => {
	it('makes the Resume question’s sentence, with no raw timestamp', () => {
		const now = Date.UTC(2026, 11, 5, 23, 44);
		const second = indexOf((s) => s.kind === 'hold' && s.exerciseIndex === 1 && s.set === 2);
		expect(
			stoppedText(
				program,
				{ savedAt: now - 12 * 60_000, snapshot: { stepIndex: second, status: 'paused' } },
				now
			)
		).toBe('You stopped 12 minutes ago at Bird-dog, set 2 of 2, left side.');
	});
});
