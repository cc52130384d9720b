/**
 * Printing whole lists (every result, compact A4, readable source URL), the desks' explanation,
 * こんなときに guided search and the 「近くの…」 entry points, as supporters and residents use them.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';
import { pdfPageTexts } from './helpers/pdf';
import { decodeQr } from './helpers/qr';
import { waitForHydration } from './helpers/display';

async function expectNoSeriousAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
	const summary = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
	expect(summary, 'axe: serious or critical violations').toEqual([]);
}

/** The number of A4 sheets the page prints on. */
async function printedPages(page: Page): Promise<number> {
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test('printing all なんでも相談窓口 prints all 27 on at most 3 A4 pages, and the page explains what a desk is', async ({ page }) => {
	await page.goto('/search?desk=true');
	const explanation = page.getByRole('region', { name: 'なんでも相談窓口とは' });
	await expect(explanation).toBeVisible();
	await expect(explanation).toContainText('つなぎ');
	await expect(page.getByRole('status').filter({ hasText: '27件' })).toBeVisible();

	await page.getByRole('link', { name: 'この一覧を印刷する（全27件）' }).click();
	await expect(page).toHaveURL(/\/search\/print\?desk=true/);
	await expect(page.locator('.print-item')).toHaveCount(27);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('なんでも相談窓口の一覧');
	// Each entry says how to reach it: 電話 and FAX.
	await expect(page.locator('.print-item').first()).toContainText('電話');
	await expect(page.locator('.print-item').first()).toContainText('FAX');
	expect(await printedPages(page)).toBeLessThanOrEqual(3);
	await expectNoSeriousAxeViolations(page);
});

test('a print of more results than the limit says so, and the printed source URL is readable', async ({ page }) => {
	await page.goto('/search/print');
	await expect(page.locator('.print-item')).toHaveCount(300);
	await expect(page.getByRole('note').filter({ hasText: 'はじめの300件だけを印刷します' })).toBeVisible();

	await page.goto('/search/print?q=サロン&area=旭');
	await page.emulateMedia({ media: 'print' });
	const source = page.locator('.print-source');
	await expect(source).toBeVisible();
	await expect(source).toContainText('/search/print?q=サロン&area=旭');
	await expect(source).not.toContainText('%E3');
});

test('a paginated results page says on paper that it is only one page of the list', async ({ page }) => {
	await page.goto('/search?q=サロン&term=salon');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText(/この紙には1〜20件目だけが印刷されています/)).toBeVisible();
	await expect(page.locator('.print-source')).toContainText('/search?q=サロン&term=salon');
});

test('a 地区 page prints compactly, and its booklet lists desks first with QR codes and the issue date', async ({ page }) => {
	await page.goto('/areas/ichinomiya');
	const total = Number((await page.getByText(/^\d+件。分野ごとに/).textContent())!.match(/^(\d+)/)![1]);
	expect(total).toBeGreaterThan(100);
	// About a dozen listings to a sheet (the old layout took 28 sheets for 149).
	expect(await printedPages(page)).toBeLessThanOrEqual(Math.ceil(total / 10) + 1);

	await page.getByRole('link', { name: /この一覧を印刷する（つなぎ先一覧の冊子/ }).click();
	await expect(page).toHaveURL(/\/areas\/ichinomiya\/booklet$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('一宮地区 つなぎ先一覧');
	await expect(page.getByText(/発行日：\d{4}年\d{1,2}月\d{1,2}日（令和\d+年/)).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'もくじ' });
	await expect(toc.getByRole('link').first()).toHaveText(/まず相談できるところ/);
	const first = page.locator('section.booklet-section').first();
	await expect(first.locator('.print-item').first()).toContainText('なんでも相談窓口');
	await expect(first).toContainText('高齢者支援センター');
	await expect(page.locator('.print-item')).toHaveCount(total);
	await expect(page.locator('.print-item img[alt*="QRコード"]')).toHaveCount(total);
	await expectNoSeriousAxeViolations(page);
});

test('a 中学校区 booklet prints on numbered A4 sheets, starts each field on a new sheet and its QR opens the 校区 page', async ({ page }) => {
	await page.goto('/areas/jhs-asahi');
	await page.getByRole('link', { name: /この一覧を印刷する（つなぎ先一覧の冊子/ }).click();
	await expect(page).toHaveURL(/\/areas\/jhs-asahi\/booklet$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭中学校区 つなぎ先一覧');
	const areaQr = page.locator('.sheet-header figure img');
	expect(decodeQr((await areaQr.getAttribute('src'))!)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/areas\/jhs-asahi$/);
	const sections = await page.locator('section.booklet-section h2').allTextContents();
	expect(sections[0]).toMatch(/まず相談できるところ/);
	expect(sections.length).toBeGreaterThan(2);

	const sheets = await pdfPageTexts(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
	expect(sheets.length).toBeGreaterThan(sections.length);
	// Every sheet carries "n / total" in its bottom margin, in order.
	sheets.forEach((text, index) => expect(text.replace(/\s+/g, '')).toContain(`${index + 1}/${sheets.length}`));
	// The table of contents is on the first sheet, and every field starts on a fresh sheet.
	expect(sheets[0]).toContain('もくじ');
	const sheetBodies = sheets.map((text) => text.normalize('NFKC').replace(/^\s*\d+\s*\/\s*\d+\s*/, ''));
	for (const title of sections.slice(1)) expect(sheetBodies.some((body) => body.startsWith(title)), `${title} starts a sheet`).toBe(true);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('a results page with filters keeps the conditions folded so the first result is on the first screen', async ({ page }) => {
		await page.goto('/search?term=salon');
		await expect(page.locator('details.more')).not.toHaveAttribute('open', '');
		const first = page.locator('ol.result-list > li').first();
		await expect(first).toBeVisible();
		const box = (await first.boundingBox())!;
		expect(box.y).toBeLessThan(844);
	});

	test('こんなときに → 電球を替えてほしい in 旭: the first screen shows a fitting listing and the nearest desk', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('navigation', { name: 'サイト内' }).getByRole('link', { name: 'こんなときに' }).click();
		await expect(page).toHaveURL(/\/konnatoki/);
		await waitForHydration(page);
		await page.getByLabel('電球を替えてほしい').check();
		await page.getByLabel('地区', { exact: true }).selectOption('旭');
		await page.getByRole('button', { name: 'この地区の近くをさがす' }).click();
		await expect(page).toHaveURL(/worry=.+&area=/);

		const desk = page.getByRole('group', { name: /いちばん近いなんでも相談窓口/ });
		await expect(desk.locator('.desk-name')).toBeVisible();
		const firstResult = page.locator('ol.result-list > li').first();
		await expect(firstResult).toContainText(/訪問型サービスB|民生委員/);
		await expect(firstResult).toContainText('旭地区の中心から 約');
		for (const locator of [desk.locator('.desk-name'), firstResult.getByRole('heading')]) {
			const box = (await locator.boundingBox())!;
			expect(box.y + box.height).toBeLessThanOrEqual(844 * 1.05);
		}
	});
});

test('こんなときに lists nearest first, and without a place it asks for one', async ({ page }) => {
	await page.goto('/konnatoki?worry=集い');
	await expect(page.getByLabel('通いの場を探したい（サロン）')).toBeChecked();
	await expect(page.locator('ol.result-list')).toHaveCount(0);
	await expect(page.getByLabel('地区', { exact: true })).toBeVisible();
	await expectNoSeriousAxeViolations(page);

	await page.getByLabel('地区', { exact: true }).selectOption('三里');
	await page.getByRole('button', { name: 'この地区の近くをさがす' }).click();
	await expect(page).toHaveURL(/area=/);
	await expect(page.locator('ol.result-list > li').first()).toBeVisible();
	const distances = await page
		.locator('ol.result-list > li .distance')
		.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
	expect(distances.length).toBeGreaterThan(1);
	const meters = distances.map((text) => {
		const match = /約 ([\d.]+) (k?m)/.exec(text)!;
		return Number(match[1]) * (match[2] === 'km' ? 1000 : 1);
	});
	expect(meters).toEqual([...meters].sort((a, b) => a - b));
	await expect(page.locator('ol.result-list > li').first()).toContainText('サロン');
});

test.describe('with the current location', () => {
	test.use({ geolocation: { latitude: 33.5683, longitude: 133.5223 }, permissions: ['geolocation'] });

	test('「近くのサロン・百歳体操」 asks for the location and lists the nearest first', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('region', { name: 'こんなときに' }).getByRole('link', { name: 'サロン・通いの場' }).click();
		await page.getByRole('button', { name: '現在地の近くをさがす' }).click();
		await expect(page).toHaveURL(/lat=33\.5683&lng=133\.5223/);
		const first = page.locator('ol.result-list > li').first();
		await expect(first).toContainText('サロン');
		await expect(first).toContainText(/現在地から 約 \d+ m/);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('こんなときに works as plain forms', async ({ page }) => {
		await page.goto('/konnatoki');
		await page.getByLabel('親の介護').check();
		await page.getByLabel('地区', { exact: true }).selectOption('春野');
		await page.getByRole('button', { name: 'この地区の近くをさがす' }).click();
		await expect(page.locator('ol.result-list > li').first()).toContainText('高齢者支援センター');
		await expect(page.locator('.desk-first .desk-name')).toBeVisible();
	});
});
