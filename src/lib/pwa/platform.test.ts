import { describe, expect, it } from 'vitest';
import { isIosSafari, shouldShowIosInstallHelp } from './platform';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const IPHONE_CHROME =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1';
const IPHONE_FIREFOX =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15';
const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

describe('isIosSafari', () => {
	it('recognises Safari on iPhone and on iPad in desktop mode', () => {
		expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true);
		expect(isIosSafari(IPAD_DESKTOP_MODE, 5)).toBe(true);
	});

	it('rejects Safari on a Mac (no touch points), other iOS browsers and Android', () => {
		expect(isIosSafari(IPAD_DESKTOP_MODE, 0)).toBe(false);
		expect(isIosSafari(IPHONE_CHROME, 5)).toBe(false);
		expect(isIosSafari(IPHONE_FIREFOX, 5)).toBe(false);
		expect(isIosSafari(ANDROID_CHROME, 5)).toBe(false);
	});
});

describe('shouldShowIosInstallHelp', () => {
	it('shows the how-to in iOS Safari only while the app is not already installed', () => {
		const iphone = { userAgent: IPHONE_SAFARI, maxTouchPoints: 5 };
		expect(shouldShowIosInstallHelp({ ...iphone, standalone: false })).toBe(true);
		expect(shouldShowIosInstallHelp({ ...iphone, standalone: true })).toBe(false);
		expect(
			shouldShowIosInstallHelp({ userAgent: ANDROID_CHROME, maxTouchPoints: 5, standalone: false })
		).toBe(false);
	});
});
