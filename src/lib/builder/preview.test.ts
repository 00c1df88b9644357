import { describe, expect, it } from 'vitest';
import { previewRows } from './preview';
import { expandTimeline } from '../program/timeline';
import { validateProgram } from '../program/validate';
import type { Program } from '../program/types';

function valid(input: unknown): Program {
	const result = validateProgram(input);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

describe('previewRows', () => {
	it('lists every step of the player’s timeline with its start and length', () => {
		const program = valid({
			format: 1,
			id: 'p',
			title: 'P',
			prepareSeconds: 5,
			restBetweenExercises: 15,
			exercises: [
				{
					id: 'tilt',
					name: 'Pelvic tilts',
					instructions: ['x'],
					hold: 10,
					reps: 2,
					restBetweenReps: 5
				},
				{
					id: 'cat',
					name: 'Cat stretch',
					instructions: ['x'],
					reps: 1,
					phases: [
						{ cue: 'Round', seconds: 4 },
						{ cue: 'Sink', seconds: 4 }
					]
				},
				{
					id: 'side',
					name: 'Side bend',
					instructions: ['x'],
					hold: 20,
					sides: 'each',
					sets: 2,
					restBetweenSets: 10
				},
				{ id: 'own', name: 'Knee rolls', instructions: ['x'], reps: 6 },
				{ id: 'walk', name: 'March', instructions: ['x'], duration: 90 }
			]
		});
		const timeline = expandTimeline(program);
		const rows = previewRows(program, timeline);
		expect(rows).toHaveLength(timeline.steps.length);
		expect(rows.slice(0, 5)).toEqual([
			{ at: '0:00', what: 'Get ready: Pelvic tilts', lasts: '5 s' },
			{ at: '0:05', what: 'Pelvic tilts: hold, rep 1 of 2', lasts: '10 s' },
			{ at: '0:15', what: 'Relax', lasts: '5 s' },
			{ at: '0:20', what: 'Pelvic tilts: hold, rep 2 of 2', lasts: '10 s' },
			{ at: '0:30', what: 'Rest, then Cat stretch', lasts: '15 s' }
		]);
		const texts = rows.map((row) => row.what);
		expect(texts).toContain('Cat stretch: Sink, rep 1 of 1');
		expect(texts).toContain('Side bend: hold, rep 1 of 1, left side, set 1 of 2');
		expect(texts).toContain('Switch sides: Side bend, right side');
		expect(texts).toContain('Rest between sets');
		expect(rows.find((row) => row.what.startsWith('Knee rolls'))).toEqual(
			expect.objectContaining({ what: 'Knee rolls: 6 reps at your own pace', lasts: 'about 24 s' })
		);
		expect(rows.at(-1)).toEqual(expect.objectContaining({ what: 'March', lasts: '1 min 30 s' }));
		// Each row starts where the step starts.
		expect(rows.map((row) => row.at)).toEqual(
			timeline.steps.map((step) => {
				const s = Math.ceil(step.start / 1000);
				return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
			})
		);
	});

	it('speaks the interface’s language when asked (French here), the exercises’ words as written', () => {
		const program = valid({
			format: 1,
			id: 'p',
			title: 'P',
			prepareSeconds: 5,
			restBetweenExercises: 15,
			exercises: [
				{
					id: 'side',
					name: 'Flexion latérale',
					instructions: ['x'],
					hold: 20,
					sides: 'each',
					sets: 2,
					restBetweenSets: 10
				},
				{ id: 'own', name: 'Bascule', instructions: ['x'], reps: 1 },
				{ id: 'walk', name: 'Marche', instructions: ['x'], duration: 90 }
			]
		});
		const rows = previewRows(program, expandTimeline(program), 'fr');
		const texts = rows.map((row) => row.what);
		expect(texts[0]).toBe('Préparez-vous\u00a0: Flexion latérale');
		expect(texts).toContain(
			'Flexion latérale\u00a0: tenez, répétition 1 sur 1, côté gauche, série 1 sur 2'
		);
		expect(texts).toContain('Changez de côté\u00a0: Flexion latérale, côté droit');
		expect(texts).toContain('Repos entre les séries');
		expect(texts).toContain('Repos, puis Bascule');
		expect(rows.find((row) => row.what.startsWith('Bascule'))).toEqual(
			expect.objectContaining({
				what: 'Bascule\u00a0: 1 répétition à votre rythme',
				lasts: 'environ 4 s'
			})
		);
		expect(rows.at(-1)).toEqual(expect.objectContaining({ what: 'Marche', lasts: '1 min 30 s' }));
	});

	it('says a whole minute as minutes', () => {
		const program = valid({
			format: 1,
			id: 'p',
			title: 'P',
			prepareSeconds: 0,
			exercises: [{ id: 'walk', name: 'March', instructions: ['x'], duration: 120 }]
		});
		expect(previewRows(program, expandTimeline(program)).map((r) => r.lasts)).toEqual(['2 min']);
	});
});
