import { describe, expect, it } from 'vitest';
import { createBeeper, TONES, type BeepEnv } from './beep';

/** A fake AudioContext that records the nodes and automation it is asked for. */
class FakeParam {
	events: Array<[string, number, number]> = [];
	setValueAtTime(value: number, time: number) {
		this.events.push(['set', value, time]);
	}
	linearRampToValueAtTime(value: number, time: number) {
		this.events.push(['ramp', value, time]);
	}
}

class FakeOscillator {
	type = '';
	frequency = new FakeParam();
	startedAt: number | null = null;
	stoppedAt: number | null = null;
	connectedTo: unknown = null;
	onended: (() => void) | null = null;
	disconnected = false;
	connect(node: unknown) {
		this.connectedTo = node;
	}
	disconnect() {
		this.disconnected = true;
	}
	start(t: number) {
		this.startedAt = t;
	}
	stop(t: number) {
		this.stoppedAt = t;
	}
}

class FakeGain {
	gain = new FakeParam();
	connectedTo: unknown = null;
	connect(node: unknown) {
		this.connectedTo = node;
	}
	disconnect() {}
}

class FakeContext {
	state: 'suspended' | 'running' | 'closed' = 'suspended';
	currentTime = 10;
	destination = { name: 'speakers' };
	resumes = 0;
	oscillators: FakeOscillator[] = [];
	gains: FakeGain[] = [];
	bufferSourcesStarted = 0;
	resume() {
		this.resumes++;
		this.state = 'running';
		return Promise.resolve();
	}
	close() {
		this.state = 'closed';
		return Promise.resolve();
	}
	createOscillator() {
		const o = new FakeOscillator();
		this.oscillators.push(o);
		return o;
	}
	createGain() {
		const g = new FakeGain();
		this.gains.push(g);
		return g;
	}
	createBuffer() {
		return {};
	}
	createBufferSource() {
		return {
			buffer: null,
			connect: () => undefined,
			start: () => {
				this.bufferSourcesStarted++;
			}
		};
	}
}

function setup() {
	const contexts: FakeContext[] = [];
	const env = {
		createContext: () => {
			const ctx = new FakeContext();
			contexts.push(ctx);
			return ctx;
		}
	} as unknown as BeepEnv;
	return { contexts, beeper: createBeeper(env) };
}

describe('createBeeper', () => {
	it('unlockAudio creates and resumes the context and starts a silent sample', () => {
		const { contexts, beeper } = setup();
		beeper.unlockAudio();
		expect(contexts).toHaveLength(1);
		expect(contexts[0]?.resumes).toBe(1);
		expect(contexts[0]?.bufferSourcesStarted).toBe(1);
		beeper.unlockAudio();
		expect(contexts).toHaveLength(1);
	});

	it.each(['tick', 'go', 'end'] as const)('plays the %s tone at its pitch and length', (tone) => {
		const { contexts, beeper } = setup();
		beeper.unlockAudio();
		beeper.play(tone, 0.5);
		const ctx = contexts[0]!;
		const osc = ctx.oscillators[0]!;
		const gain = ctx.gains[0]!;
		expect(osc.frequency.events[0]).toEqual(['set', TONES[tone].frequency, 10]);
		expect(osc.startedAt).toBe(10);
		expect(osc.stoppedAt).toBeCloseTo(10 + TONES[tone].ms / 1000, 6);
		expect(osc.connectedTo).toBe(gain);
		expect(gain.connectedTo).toBe(ctx.destination);
		// The gain rises to the volume, holds, and falls to 0 at the end.
		const peak = Math.max(...gain.gain.events.map(([, v]) => v));
		expect(peak).toBe(0.5);
		expect(gain.gain.events.at(-1)).toEqual(['ramp', 0, osc.stoppedAt]);
		osc.onended?.();
		expect(osc.disconnected).toBe(true);
	});

	it('the three tones differ, and tick is the shortest', () => {
		expect(new Set(Object.values(TONES).map((t) => t.frequency)).size).toBe(3);
		expect(TONES.tick.ms).toBeLessThan(TONES.go.ms);
		expect(TONES.go.ms).toBeLessThan(TONES.end.ms);
	});

	it('volume 0 plays nothing; volume above 1 is capped', () => {
		const { contexts, beeper } = setup();
		beeper.unlockAudio();
		beeper.play('go', 0);
		expect(contexts[0]?.oscillators).toHaveLength(0);
		beeper.play('go', 3);
		const peak = Math.max(...contexts[0]!.gains[0]!.gain.events.map(([, v]) => v));
		expect(peak).toBe(1);
	});

	it('a closed context is replaced on the next beep', () => {
		const { contexts, beeper } = setup();
		beeper.unlockAudio();
		contexts[0]!.state = 'closed';
		beeper.play('tick', 1);
		expect(contexts).toHaveLength(2);
		expect(contexts[1]?.oscillators).toHaveLength(1);
	});

	it('without Web Audio: unsupported and silent, nothing throws', () => {
		const beeper = createBeeper({ createContext: null });
		expect(beeper.supported).toBe(false);
		expect(() => {
			beeper.unlockAudio();
			beeper.play('go', 1);
			beeper.close();
		}).not.toThrow();
	});

	it('a context that throws is swallowed', () => {
		let tries = 0;
		const beeper = createBeeper({
			createContext: () => {
				tries++;
				throw new Error('no audio device');
			}
		});
		expect(() => {
			beeper.unlockAudio();
			beeper.play('go', 1);
		}).not.toThrow();
		// Each tap tries again (the device may come back); the beeper stays supported.
		expect(tries).toBe(2);
		expect(beeper.supported).toBe(true);
	});
});
