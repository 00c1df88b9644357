import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	chooseVoice,
	createSpeaker,
	endTimeoutMs,
	FAILURES_BEFORE_FAILING,
	pickVoice,
	START_TIMEOUT_MS,
	speechRate,
	type SpeechEnv,
	type SpeechFailure,
	type VoiceLike,
	voicesFor
} from './speech';

const voice = (lang: string, localService: boolean, name = lang, isDefault = false): VoiceLike => ({
	lang,
	localService,
	name,
	default: isDefault,
	voiceURI: `urn:voice:${name}`
});

describe('pickVoice', () => {
	it('prefers a local voice with the exact tag', () => {
		const voices = [
			voice('en-GB', false, 'remote exact'),
			voice('en-US', true, 'local primary'),
			voice('en-GB', true, 'local exact')
		];
		expect(pickVoice(voices, 'en-GB')?.name).toBe('local exact');
	});

	it('takes a local primary-subtag match over a network voice with the exact tag', () => {
		const voices = [voice('de-DE', false, 'remote exact'), voice('de-AT', true, 'local de-AT')];
		expect(pickVoice(voices, 'de-DE')?.name).toBe('local de-AT');
	});

	it('falls back to network voices: exact tag before primary subtag', () => {
		const voices = [voice('fr-CA', false, 'remote primary'), voice('fr-FR', false, 'remote exact')];
		expect(pickVoice(voices, 'fr-FR')?.name).toBe('remote exact');
	});

	it('matches "en" to any English voice and breaks ties by the person\'s languages', () => {
		const voices = [
			voice('en-US', true, 'us'),
			voice('en-GB', true, 'gb'),
			voice('en-IE', true, 'ie')
		];
		expect(pickVoice(voices, 'en', ['en-GB', 'en-US'])?.name).toBe('gb');
		expect(pickVoice(voices, 'en', ['de-DE'])?.name).toBe('us');
	});

	it('prefers the platform default among otherwise equal voices', () => {
		const voices = [voice('en-US', true, 'a'), voice('en-US', true, 'b', true)];
		expect(pickVoice(voices, 'en-US')?.name).toBe('b');
	});

	it('understands Android-style tags and any letter case', () => {
		const voices = [voice('en_GB', true, 'android gb')];
		expect(pickVoice(voices, 'EN-gb')?.name).toBe('android gb');
	});

	it('returns null when no voice speaks the language', () => {
		expect(pickVoice([voice('en-US', true)], 'de')).toBeNull();
		expect(pickVoice([], 'en')).toBeNull();
		expect(pickVoice([voice('en-US', true)], '')).toBeNull();
	});
});

describe('chooseVoice (the voice chosen in Settings)', () => {
	const voices = [
		voice('en-US', true, 'us', true),
		voice('en-GB', false, 'gb remote'),
		voice('de-DE', true, 'de')
	];

	it('takes the chosen voice by its voiceURI when it speaks the language', () => {
		expect(chooseVoice(voices, 'en', 'urn:voice:gb remote')?.name).toBe('gb remote');
		expect(chooseVoice(voices, 'en-US', 'urn:voice:gb remote')?.name).toBe('gb remote');
	});

	it('falls back to pickVoice when the chosen voice is gone or speaks another language', () => {
		expect(chooseVoice(voices, 'en', 'urn:voice:missing')?.name).toBe('us');
		expect(chooseVoice(voices, 'en', 'urn:voice:de')?.name).toBe('us');
		expect(chooseVoice(voices, 'de', 'urn:voice:gb remote')?.name).toBe('de');
		expect(chooseVoice(voices, 'en', null)?.name).toBe('us');
		expect(chooseVoice(voices, 'fr', 'urn:voice:us')).toBeNull();
	});
});

describe('voicesFor (the Settings list)', () => {
	it('lists every voice of the language, any region, by name', () => {
		const voices = [
			voice('en-US', true, 'Zira'),
			voice('de-DE', true, 'Anna'),
			voice('en_GB', false, 'Daniel'),
			voice('EN-au', true, 'Karen')
		];
		expect(voicesFor(voices, 'en').map((v) => v.name)).toEqual(['Daniel', 'Karen', 'Zira']);
		expect(voicesFor(voices, 'fr')).toEqual([]);
		expect(voicesFor(voices, '')).toEqual([]);
	});
});

describe('speechRate', () => {
	it('keeps a rate within limits and treats a missing one as normal', () => {
		expect(speechRate(0.8)).toBe(0.8);
		expect(speechRate(1.2)).toBe(1.2);
		expect(speechRate(undefined)).toBe(1);
		expect(speechRate(Number.NaN)).toBe(1);
		expect(speechRate(0.01)).toBe(0.5);
		expect(speechRate(9)).toBe(2);
	});
});

describe('endTimeoutMs', () => {
	it('grows with the text and is capped', () => {
		expect(endTimeoutMs('Rest')).toBeGreaterThan(2000);
		expect(endTimeoutMs('Rest. Next: Bird-dog')).toBeGreaterThan(endTimeoutMs('Rest'));
		expect(endTimeoutMs('x'.repeat(1000))).toBe(15_000);
	});
});

/** A fake speechSynthesis: records what it is asked, fires events only when the test says. */
class FakeSynth {
	spoken: FakeUtterance[] = [];
	cancels = 0;
	speaking = false;
	paused = false;
	resumes = 0;
	voices: VoiceLike[] = [];
	listeners = new Map<string, () => void>();
	getVoices() {
		return this.voices;
	}
	speak(u: FakeUtterance) {
		this.spoken.push(u);
	}
	cancel() {
		this.cancels++;
		this.speaking = false;
	}
	resume() {
		this.resumes++;
		this.paused = false;
	}
	addEventListener(type: string, fn: () => void) {
		this.listeners.set(type, fn);
	}
	removeEventListener(type: string) {
		this.listeners.delete(type);
	}
	/** The engine starts the last utterance. */
	start(u = this.last()) {
		this.speaking = true;
		u.onstart?.();
	}
	end(u = this.last()) {
		this.speaking = false;
		u.onend?.();
	}
	last(): FakeUtterance {
		const u = this.spoken.at(-1);
		if (!u) throw new Error('nothing spoken');
		return u;
	}
}

class FakeUtterance {
	lang = '';
	volume = 1;
	/** Not the engine's 1: a cue that sets no rate shows up in the tests. */
	rate = Number.NaN;
	voice: VoiceLike | null = null;
	onstart: (() => void) | null = null;
	onend: (() => void) | null = null;
	onerror: ((event: { error: string }) => void) | null = null;
	constructor(public text: string) {}
}

function setup(synth: FakeSynth | null = new FakeSynth()) {
	const env = {
		synth,
		createUtterance: (text: string) => new FakeUtterance(text),
		setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
		clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
		userLanguages: ['en-GB']
	} as unknown as SpeechEnv;
	const failures: SpeechFailure[] = [];
	const speaker = createSpeaker(env);
	const say = (text: string, lang = 'en', volume = 0.8) =>
		speaker.speak(text, lang, volume, (reason) => failures.push(reason));
	return { synth, speaker, failures, say };
}

describe('createSpeaker', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});

	it('says when no voice speaks the cue’s language (and not when none is listed at all)', () => {
		const { synth, speaker, say } = setup();
		say('Einatmen', 'de');
		// No voices listed yet: nothing to say about a language.
		expect(speaker.getHealth().missingLanguage).toBeUndefined();
		synth!.voices = [voice('en-GB', true)];
		say('Einatmen', 'de');
		expect(speaker.getHealth().missingLanguage).toBe('de');
		expect(speaker.health.missingLanguage).toBe('de');
		// The browser adds a German voice (voiceschanged).
		synth!.voices = [voice('en-GB', true), voice('de-DE', true)];
		synth!.listeners.get('voiceschanged')?.();
		say('Einatmen', 'de');
		expect(speaker.getHealth().missingLanguage).toBeUndefined();
		expect(speaker.health.missingLanguage).toBeNull();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('speaks with the language, volume and chosen local voice', () => {
		const synth = new FakeSynth();
		synth.voices = [voice('en-US', false, 'remote'), voice('en-GB', true, 'local gb')];
		const { say } = setup(synth);
		say('Hold', 'en-GB', 0.4);
		const u = synth.last();
		expect(u.text).toBe('Hold');
		expect(u.lang).toBe('en-GB');
		expect(u.volume).toBe(0.4);
		expect(u.voice?.name).toBe('local gb');
	});

	it('speaks with the voice chosen by voiceURI and the rate from Settings', () => {
		const synth = new FakeSynth();
		synth.voices = [voice('en-GB', true, 'local gb'), voice('en-US', false, 'remote us')];
		const { speaker } = setup(synth);
		speaker.speak('Hold', 'en', 0.8, undefined, { voiceURI: 'urn:voice:remote us', rate: 1.2 });
		expect(synth.last().voice?.name).toBe('remote us');
		expect(synth.last().rate).toBe(1.2);
		// A chosen voice this device does not have (a backup from another device): automatic.
		speaker.speak('Rest', 'en', 0.8, undefined, { voiceURI: 'urn:voice:elsewhere', rate: 0.8 });
		expect(synth.last().voice?.name).toBe('local gb');
		expect(synth.last().rate).toBe(0.8);
		// Without options: automatic voice, normal rate.
		speaker.speak('Go', 'en', 0.8);
		expect(synth.last().voice?.name).toBe('local gb');
		expect(synth.last().rate).toBe(1);
	});

	it('lists the voices and tells when they change', () => {
		const synth = new FakeSynth();
		const { speaker } = setup(synth);
		expect(speaker.voices()).toEqual([]);
		let told = 0;
		const stop = speaker.onVoicesChanged(() => told++);
		synth.voices = [voice('en-GB', true, 'late voice')];
		synth.listeners.get('voiceschanged')?.();
		expect(told).toBe(1);
		expect(speaker.voices().map((v) => v.name)).toEqual(['late voice']);
		stop();
		synth.listeners.get('voiceschanged')?.();
		expect(told).toBe(1);
	});

	it('picks up voices that load later (voiceschanged)', () => {
		const synth = new FakeSynth();
		const { say } = setup(synth);
		synth.voices = [voice('en-GB', true, 'late voice')];
		synth.listeners.get('voiceschanged')?.();
		say('Rest', 'en-GB');
		expect(synth.last().voice?.name).toBe('late voice');
	});

	it('cancels the previous cue before speaking the next, so cues never queue', () => {
		const { synth, say } = setup();
		say('Next: Bird-dog');
		synth!.start();
		const cancelsBefore = synth!.cancels;
		say('Hold');
		expect(synth!.cancels).toBe(cancelsBefore + 1);
		expect(synth!.spoken.map((u) => u.text)).toEqual(['Next: Bird-dog', 'Hold']);
	});

	it('a voice that never starts is cancelled after the start time-out and reported once', () => {
		const { synth, say, failures } = setup();
		say('Hold');
		vi.advanceTimersByTime(START_TIMEOUT_MS - 1);
		expect(failures).toEqual([]);
		const cancels = synth!.cancels;
		vi.advanceTimersByTime(1);
		expect(failures).toEqual(['start-timeout']);
		expect(synth!.cancels).toBe(cancels + 1);
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual(['start-timeout']);
	});

	it('a voice that starts and ends in time is not reported', () => {
		const { synth, say, failures } = setup();
		say('Hold');
		vi.advanceTimersByTime(500);
		synth!.start();
		vi.advanceTimersByTime(800);
		synth!.end();
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual([]);
	});

	it('a voice stuck talking past its end time-out is cancelled and reported', () => {
		const { synth, say, failures } = setup();
		say('Hold');
		synth!.start();
		vi.advanceTimersByTime(endTimeoutMs('Hold') - 1);
		expect(failures).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(failures).toEqual(['end-timeout']);
	});

	it('a voice that finished without an end event is not treated as stuck', () => {
		const { synth, say, failures } = setup();
		say('Hold');
		synth!.start();
		synth!.speaking = false; // it went quiet, but "end" never came
		vi.advanceTimersByTime(endTimeoutMs('Hold'));
		expect(failures).toEqual([]);
	});

	it('a superseded cue never reports, even if its old events arrive late', () => {
		const { synth, say, failures } = setup();
		say('Next: Bird-dog');
		const old = synth!.last();
		say('Hold');
		old.onerror?.({ error: 'synthesis-failed' });
		old.onstart?.();
		vi.advanceTimersByTime(500);
		synth!.start();
		synth!.end();
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual([]);
	});

	it('an engine error is reported at once; an interruption is not', () => {
		const { synth, say, failures } = setup();
		say('Hold');
		synth!.last().onerror?.({ error: 'interrupted' });
		expect(failures).toEqual([]);
		say('Rest');
		synth!.last().onerror?.({ error: 'voice-unavailable' });
		expect(failures).toEqual(['error']);
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual(['error']);
	});

	it('cancel() stops speaking and no time-out fires afterwards', () => {
		const { synth, speaker, say, failures } = setup();
		say('Hold');
		speaker.cancel();
		expect(synth!.cancels).toBeGreaterThanOrEqual(2);
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual([]);
	});

	it('resumes an engine left paused before speaking', () => {
		const { synth, say } = setup();
		synth!.paused = true;
		say('Hold');
		expect(synth!.resumes).toBe(1);
	});

	it('unlockSpeech speaks one silent utterance', () => {
		const { synth, speaker } = setup();
		speaker.unlockSpeech();
		expect(synth!.spoken).toHaveLength(1);
		expect(synth!.last().volume).toBe(0);
	});

	it('without speechSynthesis: unsupported, reported at once, nothing throws', () => {
		const { speaker, say, failures } = setup(null);
		expect(speaker.supported).toBe(false);
		say('Hold');
		expect(failures).toEqual(['unsupported']);
		expect(() => {
			speaker.cancel();
			speaker.unlockSpeech();
			speaker.dispose();
		}).not.toThrow();
		// Each cue is reported unsupported once, at once: no timer waits for a voice.
		expect(vi.getTimerCount()).toBe(0);
		say('Rest');
		expect(failures).toEqual(['unsupported', 'unsupported']);
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual(['unsupported', 'unsupported']);
	});

	it('an engine that throws on speak is reported, not thrown', () => {
		const synth = new FakeSynth();
		synth.speak = () => {
			throw new Error('boom');
		};
		const { say, failures } = setup(synth);
		expect(() => say('Hold')).not.toThrow();
		expect(failures).toEqual(['error']);
		// Reported once: the start time-out was stopped with it, and the engine was silenced.
		expect(synth.cancels).toBeGreaterThan(0);
		vi.advanceTimersByTime(60_000);
		expect(failures).toEqual(['error']);
		// The next cue is tried again, not given up on.
		synth.speak = FakeSynth.prototype.speak;
		say('Rest');
		expect(synth.last().text).toBe('Rest');
		synth.start();
		synth.end();
		expect(failures).toEqual(['error']);
	});

	it('speak returns before the voice does anything (fire-and-forget)', () => {
		const { synth, say } = setup();
		say('Hold');
		// Nothing has started or ended, yet speak already returned and a second cue goes through.
		say('Rest');
		expect(synth!.spoken.map((u) => u.text)).toEqual(['Hold', 'Rest']);
	});
});

describe('voice health (the no-voice notice)', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('starts unknown, with no change yet', () => {
		const { speaker } = setup();
		expect(speaker.getHealth()).toEqual({ status: 'unknown', noVoices: false });
		expect(speaker.health.changes).toBe(0);
	});

	it('no voices and the first cue fails (Firefox without speech-dispatcher): failing, once', () => {
		const { synth, speaker, say, failures } = setup();
		say('Pelvic tilts');
		synth!.last().onerror?.({ error: 'synthesis-failed' });
		expect(failures).toEqual(['error']);
		expect(speaker.getHealth()).toEqual({ status: 'failing', noVoices: true });
		// Every later cue fails the same way (and still falls back), but the verdict is told once.
		for (const text of ['Hold', 'Rest', 'Go']) {
			say(text);
			synth!.last().onerror?.({ error: 'synthesis-failed' });
		}
		expect(failures).toHaveLength(4);
		// One change of verdict: unknown → failing (the notice has one thing to say).
		expect(speaker.health.changes).toBe(1);
		expect(speaker.getHealth()).toEqual({ status: 'failing', noVoices: true });
	});

	it('no voices and a cue that never starts: failing after the start time-out', () => {
		const { speaker, say } = setup();
		say('Hold');
		expect(speaker.getHealth().status).toBe('unknown');
		vi.advanceTimersByTime(START_TIMEOUT_MS);
		expect(speaker.getHealth()).toEqual({ status: 'failing', noVoices: true });
	});

	it('the silent unlock utterance failing with no voices says so before the first cue', () => {
		const { synth, speaker } = setup();
		speaker.unlockSpeech();
		synth!.last().onerror?.({ error: 'synthesis-failed' });
		expect(speaker.getHealth()).toEqual({ status: 'failing', noVoices: true });
	});

	it('interruptions (our own cancel) are not failures', () => {
		const { synth, speaker, say } = setup();
		speaker.unlockSpeech();
		synth!.last().onerror?.({ error: 'interrupted' });
		for (let i = 0; i < 3; i++) {
			say('Hold');
			synth!.last().onerror?.({ error: 'canceled' });
		}
		expect(speaker.getHealth().status).toBe('unknown');
	});

	it('with voices, one failure is not enough; enough in a row is', () => {
		const synth = new FakeSynth();
		synth.voices = [voice('en-GB', true)];
		const { speaker, say } = setup(synth);
		say('Hold');
		synth.last().onerror?.({ error: 'synthesis-failed' });
		expect(speaker.getHealth().status).toBe('unknown');
		for (let i = 1; i < FAILURES_BEFORE_FAILING; i++) {
			say('Rest');
			synth.last().onerror?.({ error: 'synthesis-failed' });
		}
		expect(speaker.getHealth()).toEqual({ status: 'failing', noVoices: false });
	});

	it('a cue that starts speaking makes it working, and resets the count', () => {
		const synth = new FakeSynth();
		synth.voices = [voice('en-GB', true)];
		const { speaker, say } = setup(synth);
		say('Hold');
		synth.last().onerror?.({ error: 'synthesis-failed' });
		say('Rest');
		synth.start();
		expect(speaker.getHealth()).toEqual({ status: 'working', noVoices: false });
		say('Go');
		synth.last().onerror?.({ error: 'synthesis-failed' });
		expect(speaker.getHealth().status).toBe('working');
	});

	it('without speechSynthesis the health stays unknown (that case has its own notice)', () => {
		const { speaker, say } = setup(null);
		say('Hold');
		expect(speaker.getHealth().status).toBe('unknown');
	});
});
