// Sharing a routine: a link made in one browser profile opens in another, offline, and adds the
// very same program; damaged links and links to invalid programs are refused with their
// problems and save nothing; the QR code reads back as the link; the file downloads.
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { importProgramText, expectImported, programOf } from './helpers/app';
import { downloadFrom, QUICK_PROGRAM } from './helpers/history';
import { readStore } from './helpers/idb';
import { startServer, type TestServer } from './helpers/server';
import { buildDir } from './helpers/build';
import { waitForController } from './helpers/service-worker';
import { waitForApp } from './helpers/screens';
import type { Program } from '../../src/lib/program/types';

// The offline test serves the build itself so that it can stop the server (Playwright's offline
// mode does not stop the service worker's own requests); the others use the suite's server.
let server: TestServer | null = null;

test.afterEach(async () => {
	await server?.stop();
	server = null;
});

const storedPrograms = async (page: Page) =>
	(await readStore<{ program: Program; source?: string }>(page, 'programs')).map((r) => r.program);

/** Opens a program's page, its Share panel, and reads the link it offers. */
async function shareLink(page: Page, id: string, origin = ''): Promise<string> {
	await page.goto(`${origin}/programs/${id}/`);
	// A prerendered page shows its buttons before the app has hydrated it.
	await waitForApp(page);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const field = page.getByLabel('Link to this routine');
	await expect(field).toHaveValue(/#p=1\./);
	return field.inputValue();
}

/** A link carrying any text as its program, packed as the contract says (raw DEFLATE, base64url). */
const linkTo = (text: string) =>
	`/import/#p=1.${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;

test('a link made in one profile adds the same program in a fresh one, offline', async ({
	browser
}) => {
	server = await startServer(buildDir);
	const origin = server.url;
	const maker = await browser.newContext({ baseURL: origin });
	const makerPage = await maker.newPage();
	await importProgramText(makerPage, JSON.stringify(QUICK_PROGRAM));
	await expectImported(makerPage, QUICK_PROGRAM.title);
	const link = await shareLink(makerPage, QUICK_PROGRAM.id);
	expect(link.startsWith(`${origin}/import/#p=1.`)).toBe(true);
	const [made] = await storedPrograms(makerPage);
	await maker.close();

	// A fresh profile that visited the app once, now with no network and no server.
	const friend = await browser.newContext({ baseURL: origin });
	const page = await friend.newPage();
	await page.goto('/');
	await waitForController(page);
	await server.stop();
	await friend.setOffline(true);

	await page.goto(link);
	const preview = page.getByRole('article', { name: QUICK_PROGRAM.title });
	await expect(preview).toBeVisible();
	await expect(preview.getByText('From a link')).toBeVisible();
	await expect(preview.getByRole('heading', { level: 3, name: /Short hold/ })).toBeVisible();
	expect(await storedPrograms(page)).toEqual([]);
	await preview.getByRole('button', { name: 'Add to my programs' }).click();
	await expectImported(page, QUICK_PROGRAM.title);
	const [added] = await readStore<{ program: Program; source?: string }>(page, 'programs');
	expect(added?.source).toBe('link');
	expect(JSON.stringify(added?.program)).toBe(JSON.stringify(made));

	// The same link again asks before replacing.
	await page.goto('/');
	await page.goto(link);
	await page.getByRole('button', { name: 'Add to my programs' }).click();
	await expect(
		page.getByRole('alertdialog', { name: `Replace “${QUICK_PROGRAM.title}”?` })
	).toBeVisible();
	await friend.close();
});

test('a damaged link and a link to an invalid program are refused with their problems', async ({
	page
}) => {
	await importProgramText(page, JSON.stringify(QUICK_PROGRAM));
	await expectImported(page, QUICK_PROGRAM.title);
	const link = await shareLink(page, QUICK_PROGRAM.id);
	const before = await storedPrograms(page);

	// Cut short, as a chat app might.
	await page.goto('/');
	await page.goto(link.slice(0, -40));
	const problems = page.getByRole('alert');
	await expect(problems).toContainText("This link can't be imported");
	await expect(problems).toContainText('(link): is damaged');
	await expect(page.getByRole('button', { name: 'Add to my programs' })).toHaveCount(0);

	// A well-packed link whose program is not valid: the Import page's own problems and paths.
	const invalid = { ...QUICK_PROGRAM, id: 'Not A Slug', exercises: [] };
	await page.goto('/');
	await page.goto(linkTo(JSON.stringify(invalid)));
	await expect(problems).toContainText("This link can't be imported");
	await expect(problems).toContainText('id:');
	await expect(problems).toContainText('exercises: must have at least 1 exercise');
	await expect(page.getByRole('button', { name: 'Add to my programs' })).toHaveCount(0);

	// Not JSON at all.
	await page.goto('/');
	await page.goto(linkTo('hold 30 s, 3 times a day'));
	await expect(problems).toContainText('(root): is not valid JSON');

	expect(await storedPrograms(page)).toEqual(before);
});

test('the QR code reads back as the link; the file downloads as <id>.json', async ({ page }) => {
	await importProgramText(page, JSON.stringify(QUICK_PROGRAM));
	await expectImported(page, QUICK_PROGRAM.title);
	const link = await shareLink(page, QUICK_PROGRAM.id);

	await page.getByRole('button', { name: 'Show QR code' }).click();
	const code = page.getByRole('img', { name: `QR code of the link to ${QUICK_PROGRAM.title}` });
	await expect(code).toBeVisible();
	// Draw the page's SVG onto a canvas at 8 pixels a module and read the pixels back.
	const image = await code.evaluate(async (svg: Element) => {
		const size = (svg as SVGSVGElement).viewBox.baseVal.width * 8;
		const source = new XMLSerializer().serializeToString(svg);
		const img = new Image(size, size);
		img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no canvas');
		context.imageSmoothingEnabled = false;
		context.drawImage(img, 0, 0, size, size);
		return { size, data: Array.from(context.getImageData(0, 0, size, size).data) };
	});
	const read = jsQR(Uint8ClampedArray.from(image.data), image.size, image.size);
	expect(read?.data).toBe(link);

	const file = await downloadFrom(page, page.getByRole('button', { name: 'Download the file' }));
	expect(file.download.suggestedFilename()).toBe(`${QUICK_PROGRAM.id}.json`);
	const program = programOf(file.text);
	expect(program.$schema).toBe(new URL('/program.schema.json', page.url()).href);
	expect(program.title).toBe(QUICK_PROGRAM.title);
	expect(file.text).toContain('\n\t"format": 1,\n');
});

test('a built-in program too large for a QR code says why and offers the link and the file', async ({
	page
}) => {
	const link = await shareLink(page, 'daily-core-strength');
	expect(link.length).toBeGreaterThan(997);
	await expect(page.getByRole('region', { name: 'Share “Daily core strength”' })).toContainText(
		/No QR code: this link is [\d,]+ characters long/
	);
	await expect(page.getByRole('button', { name: 'Show QR code' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Copy link' })).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Download the file' })).toBeEnabled();
});
