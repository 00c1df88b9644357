export default async function (page) {
	await page.getByLabel('Name', { exact: true }).first().fill('My back routine');
	await page.getByLabel('Search the exercises').fill('pelvic');
	await page.getByRole('button', { name: 'Add Pelvic tilts', exact: true }).click();
	const tilts = page.getByRole('region', { name: 'Exercises' }).getByRole('article').nth(0);
	await tilts.getByLabel('Type what your physio said').fill('hold 10 s, 10 times, three times a day');
	await tilts.getByRole('button', { name: 'Read it' }).click();
	await page.getByLabel('Search the exercises').fill('cat');
	await page.getByRole('button', { name: 'Add Cat stretch', exact: true }).click();
	await page.getByLabel('Search the exercises').fill('');
	await page.getByText(/^What plays when/).click();
	await page.waitForTimeout(400);
}
