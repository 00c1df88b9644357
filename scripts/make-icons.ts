// One-off generator for the app icons (the PNGs are committed; run again only to change the logo):
//   npx tsx scripts/make-icons.ts
// Draws the logo of static/favicon.svg (a teal rounded square with a white spine-like curve) as
// SVG and renders each size with headless Chromium, so no image library is needed. Then shrink
// them with Debian's pngquant and zopfli packages (an 8-colour palette suits the two flat
// colours; zopflipng recompresses losslessly):
//   for f in static/icons/*.png static/apple-touch-icon.png; do
//     pngquant --force --output "$f" 8 "$f" && zopflipng -y -m "$f" "$f"; done
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEAL = '#0f6e5c';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The curve and its two end dots, on a 64 × 64 grid centred at (32, 32), as in favicon.svg.
const MARK =
	'<path d="M20 48c10-4 14-12 12-20s2-14 12-16" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/>' +
	'<circle cx="20" cy="48" r="4" fill="#fff"/><circle cx="44" cy="12" r="4" fill="#fff"/>';

/** The logo as SVG: `rounded` keeps transparent corners; `scale` shrinks the mark about the centre. */
function logo({ rounded, scale }: { rounded: boolean; scale: number }): string {
	const offset = 32 * (1 - scale);
	return (
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">' +
		`<rect width="64" height="64" rx="${rounded ? 14 : 0}" fill="${TEAL}"/>` +
		`<g transform="translate(${offset} ${offset}) scale(${scale})">${MARK}</g></svg>`
	);
}

const ICONS = [
	// "any": the same rounded square as the favicon.
	{ file: 'static/icons/icon-192.png', size: 192, svg: logo({ rounded: true, scale: 1 }) },
	{ file: 'static/icons/icon-512.png', size: 512, svg: logo({ rounded: true, scale: 1 }) },
	// Maskable: full-bleed background; the mark sits well inside the central safe circle
	// (radius 40 % of the size): at scale 0.8 it reaches 19 of the 25.6 units allowed.
	{
		file: 'static/icons/icon-maskable-512.png',
		size: 512,
		svg: logo({ rounded: false, scale: 0.8 })
	},
	// iOS rounds the corners itself and fills transparent ones with black: full-bleed square.
	{ file: 'static/apple-touch-icon.png', size: 180, svg: logo({ rounded: false, scale: 0.9 }) }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium'
});
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const icon of ICONS) {
		await page.setViewportSize({ width: icon.size, height: icon.size });
		await page.setContent(
			`<!doctype html><html><body style="margin:0;background:transparent">` +
				`<div style="width:${icon.size}px;height:${icon.size}px">${icon.svg}</div></body></html>`
		);
		const png = await page.screenshot({ omitBackground: true, type: 'png' });
		const target = join(root, icon.file);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, png);
		console.log(`${icon.file} (${icon.size} × ${icon.size})`);
	}
} finally {
	await browser.close();
}
