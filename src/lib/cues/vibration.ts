// Vibration pulses through navigator.vibrate, where the device has it (Android browsers;
// not iOS Safari). Every call is guarded: no support means no-op, and nothing throws.

export interface Vibrator {
	readonly supported: boolean;
	/** Vibrates with a pattern in ms (on, off, on …). */
	vibrate(pattern: readonly number[]): void;
	/** Stops a pattern that is still running. */
	cancel(): void;
}

/** The part of Navigator this module uses. */
export interface VibrationNavigator {
	vibrate?: (pattern: number | number[]) => boolean;
}

/** Makes a vibrator over the given (or the browser's) navigator. */
export function createVibrator(
	nav: VibrationNavigator | undefined = typeof navigator === 'undefined' ? undefined : navigator
): Vibrator {
	const vibrate = typeof nav?.vibrate === 'function' ? nav.vibrate.bind(nav) : null;
	const supported = vibrate !== null;
	function send(value: number | number[]): void {
		if (!vibrate) return;
		try {
			vibrate(value);
		} catch {
			// Blocked (no tap yet) or unsupported pattern: vibration is optional.
		}
	}
	return {
		supported,
		vibrate(pattern) {
			const clean = pattern.filter((ms) => Number.isFinite(ms) && ms >= 0).map(Math.round);
			if (clean.length > 0) send(clean);
		},
		cancel() {
			send(0);
		}
	};
}
