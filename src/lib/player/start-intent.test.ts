import { describe, expect, it } from 'vitest';
import { setStartIntent, takeStartIntent } from './start-intent';

describe('the Start tap’s details', () => {
	it('go to the player of that program once', () => {
		setStartIntent({ programId: 'core', painBefore: 3, level: 2 });
		expect(takeStartIntent('core')).toEqual({ programId: 'core', painBefore: 3, level: 2 });
		expect(takeStartIntent('core')).toBeNull();
	});

	it('are not handed to another program, and are forgotten on the way', () => {
		setStartIntent({ programId: 'core', painBefore: 3 });
		expect(takeStartIntent('other')).toBeNull();
		expect(takeStartIntent('core')).toBeNull();
	});

	it('are the last ones chosen', () => {
		setStartIntent({ programId: 'core', level: 1 });
		setStartIntent({ programId: 'core', level: 4 });
		expect(takeStartIntent('core')).toEqual({ programId: 'core', level: 4 });
	});
});
