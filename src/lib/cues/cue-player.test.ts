import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineListener } from '$lib/player/engine-types';
import type { HoldStep, PrepareStep, RestStep, Step } from '$lib/program/timeline-types';
import { holdExercise, makeExercise, makeProgram } from '$lib/test-factories';
import { createCuePlayer, type CueOutputs } from './cue-player';
import type { MediaControls } from './media-session';
import type { SpeakOptions, SpeechFailure } from './speech';
import type { CueSettings } from './types';

const program = makeProgram({
	title: 'Gentle start',
	exercises: [
		makeExercise({ name: 'Pelvic tilts', reps: 10 }),
		holdExercise(10, { name: 'Bird-dog', reps: 3 })
	]
});

const at = (kind: Step['kind'], exerciseIndex: number): Step => {
	const b = { index: 0, start: 0, end: 5000, duration: 5000, exerciseIndex, set: 1, side: null };
	if (kind === 'hold') return { ...b, kind: 'hold', rep: 1 } satisfies HoldStep;
	if (kind === 'rest') return { ...b, kind: 'rest', restKind: 'betweenReps' } satisfies RestStep;
	return { ...b, kind: 'prepare' } satisfies PrepareStep;
};

const started = (kind: Step['kind'], exerciseIndex = 0, late = false): EngineEvent => ({
	type: 'stepStarted',
	at: 0,
	late,
	step: at(kind, exerciseIndex)
});

/** Fake outputs that log every call in order; speech never starts or ends on its own. */
function fakeOutputs() {
	const log: string[] = [];
	const failSpeech: { next: SpeechFailure | null } = { next: null };
	const speakOptions: (SpeakOptions | undefined)[] = [];
	const outputs: Required<CueOutputs> = {
		beep: {
			play: (tone, volume) => log.push(`beep ${tone} ${volume}`),
			unlockAudio: () => log.push('unlockAudio')
		},
		speech: {
			speak: (text, lang, volume, onFail, options) => {
				speakOptions.push(options);
				log.push(`speak "${text}" ${lang} ${volume}`);
				const failure = failSpeech.next;
				failSpeech.next = null;
				if (failure) onFail?.(failure);
			},
			cancel: () => log.push('speech.cancel'),
			unlockSpeech: () => log.push('unlockSpeech')
		},
		vibration: {
			vibrate: (pattern) => log.push(`vibrate ${pattern.join(',')}`),
			cancel: () => log.push('vibration.cancel')
		},
		wakeLock: {
			acquire: () => log.push('wakeLock.acquire'),
			release: () => log.push('wakeLock.release')
		},
		mediaSession: {
			startSilence: () => log.push('media.startSilence'),
			releaseSilence: () => log.push('media.releaseSilence'),
			setHandlers: (c) => log.push(c ? 'media.handlers' : 'media.handlers null'),
			setMetadata: (info) =>
				log.push(info ? `media.meta ${info.title} / ${info.artist}` : 'media.meta null'),
			setPlaying: () => log.push('media.playing'),
			setPaused: () => log.push('media.paused'),
			stop: () => log.push('media.stop')
		}
	};
	return { log, outputs, failSpeech, speakOptions };
}

/** A stand-in for the engine's subscribe: the test emits events by hand. */
function emitter() {
	const listeners = new Set<EngineListener>();
	return {
		subscribe: (listener: EngineListener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		emit: (event: EngineEvent) => {
			for (const listener of listeners) listener(event);
		},
		count: () => listeners.size
	};
}

function setup(initial: Partial<CueSettings> = {}, controls?: MediaControls) {
	const engine = emitter();
	const fakes = fakeOutputs();
	let settings: CueSettings = {
		beeps: true,
		voice: true,
		vibration: true,
		volume: 0.5,
		...initial
	};
	const errors: unknown[] = [];
	const player = createCuePlayer({
		subscribe: engine.subscribe,
		program,
		settingsGetter: () => settings,
		outputs: fakes.outputs,
		controls,
		onError: (error) => errors.push(error)
	});
	fakes.log.length = 0;
	return {
		...engine,
		...fakes,
		player,
		errors,
		setSettings: (next: Partial<CueSettings>) => (settings = { ...settings, ...next })
	};
}

describe('createCuePlayer', () => {
	it('sends the planned cues of an event to the outputs, with the volume', () => {
		const t = setup();
		t.emit(started('hold', 1));
		expect(t.log.filter((l) => !l.startsWith('media') && !l.startsWith('wakeLock'))).toEqual([
			'beep go 0.5',
			'vibrate 250',
			'speak "Hold" en 0.5'
		]);
	});

	it('speaks with the voice and rate chosen in Settings, read at each event', () => {
		const t = setup({ voiceURI: 'urn:voice:gb', speechRate: 0.8 });
		t.emit(started('hold', 1));
		expect(t.speakOptions).toEqual([{ voiceURI: 'urn:voice:gb', rate: 0.8 }]);
		t.setSettings({ voiceURI: null, speechRate: 1.2 });
		t.emit(started('rest', 1));
		expect(t.speakOptions.at(-1)).toEqual({ voiceURI: null, rate: 1.2 });
	});

	it('dispatch is synchronous: a voice that never ends does not hold back the next cue', () => {
		const t = setup();
		t.emit(started('hold', 1));
		t.emit({ type: 'countdown', at: 7000, late: false, step: at('hold', 1), secondsLeft: 3 });
		t.emit(started('rest', 1));
		const audible = t.log.filter((l) => l.startsWith('beep') || l.startsWith('speak'));
		expect(audible).toEqual([
			'beep go 0.5',
			'speak "Hold" en 0.5',
			'beep tick 0.5',
			'beep end 0.5',
			'speak "Relax" en 0.5'
		]);
	});

	it('reads the settings on every event', () => {
		const t = setup();
		t.emit(started('hold', 1));
		t.setSettings({ voice: false, volume: 0.9 });
		t.log.length = 0;
		t.emit(started('hold', 1));
		expect(t.log.filter((l) => l.startsWith('beep') || l.startsWith('speak'))).toEqual([
			'beep go 0.9'
		]);
	});

	it('holds the wake lock while playing and follows pause, resume and the end', () => {
		const t = setup();
		t.emit(started('prepare', 0));
		t.emit({ type: 'paused', at: 0, late: false });
		t.emit({ type: 'resumed', at: 0, late: false });
		t.emit({ type: 'sessionComplete', at: 0, late: false, completed: true });
		const life = t.log.filter(
			(l) => l.startsWith('wakeLock') || /^media\.(playing|paused|stop)/.test(l)
		);
		expect(life).toEqual([
			'wakeLock.acquire',
			'media.playing',
			'wakeLock.release',
			'media.paused',
			'wakeLock.acquire',
			'media.playing',
			'wakeLock.release',
			'media.stop'
		]);
	});

	it('a step started while paused (skip during pause) keeps the session paused', () => {
		const t = setup();
		t.emit(started('prepare', 0));
		t.emit({ type: 'paused', at: 0, late: false });
		t.log.length = 0;
		t.emit(started('prepare', 1));
		expect(t.log).not.toContain('wakeLock.acquire');
		expect(t.log).not.toContain('media.playing');
	});

	it('pause silences speech and vibration at once, then says "Paused"', () => {
		const t = setup();
		t.emit(started('hold', 1));
		t.log.length = 0;
		t.emit({ type: 'paused', at: 0, late: false });
		expect(t.log.filter((l) => !l.startsWith('wakeLock') && !l.startsWith('media'))).toEqual([
			'speech.cancel',
			'vibration.cancel',
			'speak "Paused" en 0.5'
		]);
	});

	it('late events play nothing but still keep the session state right', () => {
		const t = setup();
		t.emit(started('prepare', 0));
		t.log.length = 0;
		t.emit(started('hold', 1, true));
		t.emit({ type: 'sessionComplete', at: 0, late: true, completed: true });
		expect(t.log.some((l) => /^(beep|speak|vibrate)/.test(l))).toBe(false);
		expect(t.log).toEqual(['media.meta Bird-dog / Gentle start', 'wakeLock.release', 'media.stop']);
	});

	it('sets the media metadata when the exercise changes, not on every step', () => {
		const t = setup();
		t.emit(started('prepare', 0));
		t.emit(started('hold', 0));
		t.emit(started('rest', 1));
		t.emit(started('hold', 1));
		expect(t.log.filter((l) => l.startsWith('media.meta'))).toEqual([
			'media.meta Pelvic tilts / Gentle start',
			'media.meta Bird-dog / Gentle start'
		]);
	});

	it('connects the media buttons to the controls given', () => {
		const controls: MediaControls = {
			resume: () => undefined,
			pause: () => undefined,
			next: () => undefined,
			previous: () => undefined
		};
		const engine = emitter();
		const fakes = fakeOutputs();
		createCuePlayer({
			subscribe: engine.subscribe,
			program,
			settingsGetter: () => ({ beeps: true, voice: true, vibration: true, volume: 1 }),
			outputs: fakes.outputs,
			controls
		});
		expect(fakes.log).toContain('media.handlers');
	});

	describe('when the voice fails', () => {
		it('beeps the fallback tone instead, when the moment had no beep of its own', () => {
			const t = setup({ beeps: false });
			t.failSpeech.next = 'start-timeout';
			t.emit(started('hold', 1));
			expect(t.log.filter((l) => l.startsWith('beep') || l.startsWith('speak'))).toEqual([
				'speak "Hold" en 0.5',
				'beep go 0.5'
			]);
		});

		it('does not beep twice when the moment already beeped', () => {
			const t = setup({ beeps: true });
			t.failSpeech.next = 'unsupported';
			t.emit(started('hold', 1));
			expect(t.log.filter((l) => l.startsWith('beep'))).toEqual(['beep go 0.5']);
		});

		it('has no fallback for "Paused"', () => {
			const t = setup({ beeps: false });
			t.failSpeech.next = 'error';
			t.emit({ type: 'paused', at: 0, late: false });
			expect(t.log.filter((l) => l.startsWith('beep'))).toEqual([]);
		});

		it('skips the fallback when the voice was switched off meanwhile or the player is gone', () => {
			const engine = emitter();
			const fakes = fakeOutputs();
			let fail: ((reason: SpeechFailure) => void) | undefined;
			fakes.outputs.speech.speak = (_t, _l, _v, onFail) => {
				fail = onFail;
			};
			let settings: CueSettings = { beeps: false, voice: true, vibration: false, volume: 1 };
			const player = createCuePlayer({
				subscribe: engine.subscribe,
				program,
				settingsGetter: () => settings,
				outputs: fakes.outputs
			});
			engine.emit(started('hold', 1));
			settings = { ...settings, voice: false };
			fakes.log.length = 0;
			fail?.('start-timeout');
			expect(fakes.log).toEqual([]);
			settings = { ...settings, voice: true };
			player.dispose();
			fakes.log.length = 0;
			fail?.('start-timeout');
			expect(fakes.log).toEqual([]);
		});
	});

	it('dispose unsubscribes, silences and releases everything', () => {
		const t = setup();
		t.emit(started('hold', 1));
		t.log.length = 0;
		t.player.dispose();
		expect(t.count()).toBe(0);
		expect(t.log).toEqual(['speech.cancel', 'vibration.cancel', 'wakeLock.release', 'media.stop']);
		t.log.length = 0;
		t.player.dispose();
		expect(t.log).toEqual([]);
	});

	it('an output that throws does not stop the others or reach the engine', () => {
		const t = setup();
		t.outputs.beep.play = () => {
			throw new Error('audio broke');
		};
		expect(() => t.emit(started('hold', 1))).not.toThrow();
		expect(t.log).toContain('speak "Hold" en 0.5');
		expect(t.errors).toHaveLength(1);
		expect(t.errors[0]).toEqual(new Error('audio broke'));
	});

	it('a settings getter that throws plays nothing and does not throw', () => {
		const engine = emitter();
		const fakes = fakeOutputs();
		const errors: unknown[] = [];
		createCuePlayer({
			subscribe: engine.subscribe,
			program,
			settingsGetter: () => {
				throw new Error('not loaded');
			},
			outputs: fakes.outputs,
			onError: (e) => errors.push(e)
		});
		expect(() => engine.emit(started('hold', 1))).not.toThrow();
		expect(fakes.log.some((l) => /^(beep|speak|vibrate)/.test(l))).toBe(false);
		expect(errors).toHaveLength(1);
		// The session state is still followed.
		expect(fakes.log).toContain('wakeLock.acquire');
	});

	it('works with only the required outputs (no wake lock, no media session)', () => {
		const engine = emitter();
		const fakes = fakeOutputs();
		const { beep, speech, vibration } = fakes.outputs;
		const player = createCuePlayer({
			subscribe: engine.subscribe,
			program,
			settingsGetter: () => ({ beeps: true, voice: true, vibration: true, volume: 1 }),
			outputs: { beep, speech, vibration }
		});
		expect(() => {
			engine.emit(started('hold', 1));
			engine.emit({ type: 'paused', at: 0, late: false });
			engine.emit({ type: 'sessionComplete', at: 0, late: false, completed: false });
			player.dispose();
		}).not.toThrow();
		expect(fakes.log).toContain('speak "Session ended" en 1');
		expect(fakes.log).toContain('speak "Hold" en 1');
		expect(fakes.log).toContain('speech.cancel');
		// The outputs left out are never reached for.
		expect(fakes.log.filter((l) => /^(wakeLock|media)/.test(l))).toEqual([]);
	});
});
