import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	createMediaSession,
	UNCLAIMED_SILENCE_MS,
	type MediaControls,
	type MediaSessionEnv
} from './media-session';

class FakeAudio {
	loop = false;
	preload = '';
	playing = false;
	plays = 0;
	src: string | null;
	constructor(src: string) {
		this.src = src;
	}
	play() {
		this.plays++;
		this.playing = true;
		return Promise.resolve();
	}
	pause() {
		this.playing = false;
	}
	removeAttribute() {
		this.src = null;
	}
	load() {}
}

class FakeMediaSession {
	playbackState = 'none';
	metadata: unknown = null;
	handlers = new Map<string, (() => void) | null>();
	setActionHandler(action: string, handler: (() => void) | null) {
		if (action === 'previoustrack' && this.refusePrevious) throw new TypeError('unknown action');
		this.handlers.set(action, handler);
	}
	refusePrevious = false;
}

function setup(options: { session?: boolean; audio?: boolean } = {}) {
	const session = new FakeMediaSession();
	const audios: FakeAudio[] = [];
	const env = {
		mediaSession: options.session === false ? null : session,
		createMetadata: (init: { title: string; artist: string }) => ({ ...init }),
		createAudio:
			options.audio === false
				? null
				: (src: string) => {
						const a = new FakeAudio(src);
						audios.push(a);
						return a;
					},
		silenceUrl: () => 'blob:silence',
		setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
		clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)
	} as unknown as MediaSessionEnv;
	return { session, audios, env, media: createMediaSession(env) };
}

describe('createMediaSession', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('startSilence plays the silent file on a loop', () => {
		const { media, audios } = setup();
		media.startSilence();
		expect(audios).toHaveLength(1);
		expect(audios[0]).toMatchObject({ src: 'blob:silence', loop: true, playing: true });
		media.startSilence();
		expect(audios).toHaveLength(1);
		expect(audios[0]?.plays).toBe(2);
	});

	it('follows the session: playing, paused, over', () => {
		const { media, audios, session } = setup();
		media.startSilence();
		media.setPlaying();
		expect(session.playbackState).toBe('playing');
		media.setPaused();
		expect(session.playbackState).toBe('paused');
		expect(audios[0]?.playing).toBe(false);
		media.setPlaying();
		expect(audios[0]?.playing).toBe(true);
		media.setMetadata({ title: 'Bird-dog', artist: 'Gentle start' });
		expect(session.metadata).toEqual({ title: 'Bird-dog', artist: 'Gentle start' });
		media.stop();
		expect(session.playbackState).toBe('none');
		expect(session.metadata).toBeNull();
		expect(audios[0]).toMatchObject({ playing: false, src: null });
	});

	it('releaseSilence lets a started loop go, so a later session plays no media', () => {
		const { media, audios, session } = setup();
		media.startSilence();
		media.setMetadata({ title: 'Bird-dog', artist: 'Gentle start' });
		media.releaseSilence();
		expect(audios[0]).toMatchObject({ playing: false, src: null });
		// The metadata stays; a session that plays now asks no element to play.
		expect(session.metadata).toEqual({ title: 'Bird-dog', artist: 'Gentle start' });
		media.setPlaying();
		expect(session.playbackState).toBe('playing');
		expect(audios).toHaveLength(1);
		expect(audios[0]?.plays).toBe(1);
		// With nothing started, it does nothing.
		expect(() => setup().media.releaseSilence()).not.toThrow();
	});

	it('maps play, pause, next and previous to the controls, and stop disconnects them', () => {
		const { media, session } = setup();
		const calls: string[] = [];
		const controls: MediaControls = {
			resume: () => calls.push('resume'),
			pause: () => calls.push('pause'),
			next: () => calls.push('next'),
			previous: () => calls.push('previous')
		};
		media.setHandlers(controls);
		for (const action of ['play', 'pause', 'nexttrack', 'previoustrack']) {
			session.handlers.get(action)?.();
		}
		expect(calls).toEqual(['resume', 'pause', 'next', 'previous']);
		media.stop();
		expect([...session.handlers.values()].every((h) => h === null)).toBe(true);
	});

	it('an action the browser refuses does not stop the others', () => {
		const { media, session } = setup();
		session.refusePrevious = true;
		const calls: string[] = [];
		media.setHandlers({
			resume: () => calls.push('resume'),
			pause: () => undefined,
			next: () => calls.push('next'),
			previous: () => undefined
		});
		session.handlers.get('play')?.();
		session.handlers.get('nexttrack')?.();
		expect(calls).toEqual(['resume', 'next']);
	});

	it('a silent loop that no session takes over is paused after a while', () => {
		const { media, audios } = setup();
		media.startSilence();
		vi.advanceTimersByTime(UNCLAIMED_SILENCE_MS - 1);
		expect(audios[0]?.playing).toBe(true);
		vi.advanceTimersByTime(1);
		expect(audios[0]?.playing).toBe(false);
	});

	it('a claimed silent loop keeps playing', () => {
		const { media, audios } = setup();
		media.startSilence();
		media.setPlaying();
		vi.advanceTimersByTime(UNCLAIMED_SILENCE_MS * 3);
		expect(audios[0]?.playing).toBe(true);
	});

	it('without a media session or Audio, everything is a no-op', () => {
		const { media } = setup({ session: false, audio: false });
		expect(media.supported).toBe(false);
		expect(() => {
			media.startSilence();
			media.setHandlers(null);
			media.setMetadata({ title: 'a', artist: 'b' });
			media.setPlaying();
			media.setPaused();
			media.stop();
		}).not.toThrow();
		// No silent loop was made, so no automatic pause waits for one.
		expect(vi.getTimerCount()).toBe(0);
	});

	it('a refused play() (no tap yet) is swallowed', async () => {
		const { media, audios, session } = setup();
		media.startSilence();
		let tries = 0;
		audios[0]!.play = () => {
			tries++;
			return Promise.reject(new Error('NotAllowedError'));
		};
		expect(() => media.setPlaying()).not.toThrow();
		await vi.runAllTimersAsync();
		expect(tries).toBe(1);
		expect(session.playbackState).toBe('playing');
		// A play() that throws at once is swallowed as well, and the next one is tried again.
		audios[0]!.play = () => {
			tries++;
			throw new Error('NotAllowedError');
		};
		expect(() => media.setPlaying()).not.toThrow();
		expect(tries).toBe(2);
	});

	it('a silent loop whose URL cannot be made is skipped, and made on the next tap', () => {
		const { media, audios, env } = setup();
		let fail = true;
		const urls: string[] = [];
		env.silenceUrl = () => {
			if (fail) throw new Error('createObjectURL is not a function');
			urls.push('blob:silence');
			return 'blob:silence';
		};
		expect(() => media.startSilence()).not.toThrow();
		expect(audios).toHaveLength(0);
		expect(vi.getTimerCount()).toBe(0);
		fail = false;
		media.startSilence();
		expect(urls).toEqual(['blob:silence']);
		expect(audios[0]).toMatchObject({ src: 'blob:silence', loop: true, playing: true });
	});
});
