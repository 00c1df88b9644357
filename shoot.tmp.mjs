import { chromium } from '@playwright/test';
const [,, url, name, w='1024', h='768', scheme='light', actions=''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(800);
if (actions) { const fn = (await import(actions)).default; await fn(page); }
await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
console.log(page.url());
await browser.close();
