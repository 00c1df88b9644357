import { describe, expect, it } from 'vitest';
import { createVibrator, type VibrationNavigator } from './vibration';

describe('createVibrator', () => {
	it('passes patterns to navigator.vibrate, cleaned of bad values', () => {
		const calls: Array<number | number[]> = [];
		const vibrator = createVibrator({
			vibrate: (p) => {
				calls.push(p);
				return true;
			}
		});
		expect(vibrator.supported).toBe(true);
		vibrator.vibrate([120, 80.4, 120]);
		vibrator.vibrate([Number.NaN, -5]);
		vibrator.cancel();
		expect(calls).toEqual([[120, 80, 120], 0]);
	});

	it('keeps `this` bound to the navigator (the real vibrate needs it)', () => {
		const nav = {
			seen: null as unknown,
			vibrate(this: { seen: unknown }, _p: number | number[]) {
				this.seen = this;
				return true;
			}
		};
		createVibrator(nav).vibrate([50]);
		expect(nav.seen).toBe(nav);
	});

	it('without vibration support every call is a no-op', () => {
		const vibrator = createVibrator({});
		expect(vibrator.supported).toBe(false);
		expect(() => vibrator.vibrate([50])).not.toThrow();
		expect(createVibrator(undefined).supported).toBe(false);
		// A vibrate that is not a function is no support either, and is never called.
		const odd = { vibrate: 'yes' } as unknown as VibrationNavigator;
		const oddVibrator = createVibrator(odd);
		expect(oddVibrator.supported).toBe(false);
		expect(() => oddVibrator.vibrate([50])).not.toThrow();
	});

	it('a vibrate that throws (blocked before any tap) is swallowed', () => {
		const calls: Array<number | number[]> = [];
		let blocked = true;
		const vibrator = createVibrator({
			vibrate: (p) => {
				calls.push(p);
				if (blocked) throw new Error('blocked');
				return true;
			}
		});
		expect(() => vibrator.vibrate([50])).not.toThrow();
		expect(() => vibrator.cancel()).not.toThrow();
		// Both were tried, and a throw does not turn vibration off for later (after a tap).
		expect(vibrator.supported).toBe(true);
		blocked = false;
		vibrator.vibrate([70]);
		expect(calls).toEqual([[50], 0, [70]]);
	});
});
