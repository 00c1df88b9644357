// Which install route a browser offers: Chromium fires `beforeinstallprompt`; Safari on iOS and
// iPadOS only installs through Share → Add to Home Screen, so Limber explains that there.

const IOS_DEVICE = /\b(iPhone|iPad|iPod)\b/;
// Other iOS browsers and in-app web views carry Safari's token too; they name themselves.
const NOT_SAFARI =
	/\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|GSA|YaBrowser|DuckDuckGo|Instagram|FBAN|FBAV|Line)\b/;

/** Tells whether a user agent is Safari on iPhone, iPod or iPad (iPadOS reports a Mac). */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
	const ios = IOS_DEVICE.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
	return ios && /\bSafari\//.test(userAgent) && !NOT_SAFARI.test(userAgent);
}

/** Decides whether to show the iOS "Add to Home Screen" how-to in the app shell. */
export function shouldShowIosInstallHelp({
	userAgent,
	maxTouchPoints,
	standalone
}: {
	userAgent: string;
	maxTouchPoints: number;
	standalone: boolean;
}): boolean {
	return !standalone && isIosSafari(userAgent, maxTouchPoints);
}

/** Tells whether the app runs installed (standalone display), in the current browser. */
export function isStandalone(): boolean {
	const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
	return iosStandalone || matchMedia('(display-mode: standalone)').matches;
}
