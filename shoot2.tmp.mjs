import { chromium } from '@playwright/test';
const [,, url, name, w='1024', h='768', scheme='light', actions='', ...ys] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(800);
if (actions) { const fn = (await import(actions)).default; await fn(page); }
for (const y of ys) {
  await page.evaluate((y) => window.scrollTo(0, +y), y);
  await page.waitForTimeout(150);
  await page.screenshot({ path: `/tmp/shots/${name}-${y}.png` });
}
await browser.close();
