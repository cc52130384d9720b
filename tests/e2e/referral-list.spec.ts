/**
 * つなぎ先リスト as a supporter uses it: collect listings (no login), reorder, note, then share a
 * link that opens the same list in another browser — printable on A4 without JavaScript, with QR
 * codes that decode to the right pages.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';
import { decodeQr } from './helpers/qr';

async function expectNoSeriousAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
	expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function listedIds(page: Page, selector: string): Promise<string[]> {
	return page.locator(selector).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.listingId ?? ''));
}

test('collect, reorder and note three listings, then open the shared list in a fresh browser without JavaScript', async ({ page, browser, baseURL }) => {
	await page.goto('/search?q=サロン&area=旭');
	const cards = page.locator('ol.result-list > li');
	await expect(cards.first()).toBeVisible();
	const ids = await listedIds(page, 'ol.result-list > li');
	// Two from the results' cards …
	for (const index of [0, 1]) {
		const button = cards.nth(index).getByRole('button', { name: /^リストに追加\s*：/ });
		await button.click();
		await expect(cards.nth(index).getByRole('button', { name: /^リストに追加済み\s*：/ })).toHaveAttribute('aria-pressed', 'true');
	}
	// … and one from a detail page.
	await page.goto(`/services/${ids[2]}`);
	await page.getByRole('button', { name: /^リストに追加\s*：/ }).click();
	await expect(page.getByRole('link', { name: /つなぎ先リスト（3件）/ })).toBeVisible();

	await page.getByRole('link', { name: /つなぎ先リスト/ }).click();
	await expect(page).toHaveURL(/\/list/);
	const items = page.locator('.referral-item');
	await expect(items).toHaveCount(3);
	expect(await listedIds(page, '.referral-item')).toEqual(ids.slice(0, 3));

	// The third goes first; each gets a note.
	const third = items.nth(2);
	await third.getByRole('button', { name: /^上へ/ }).click();
	await items.nth(1).getByRole('button', { name: /^上へ/ }).click();
	const order = [ids[2], ids[0], ids[1]];
	await expect.poll(() => listedIds(page, '.referral-item')).toEqual(order);
	const notes = ['火曜の午前がおすすめ', '送迎あり', '最初に電話で予約'];
	for (const [index, note] of notes.entries()) await items.nth(index).getByRole('textbox').fill(note);

	// Survives a reload (kept in the browser).
	await page.reload();
	await expect.poll(() => listedIds(page, '.referral-item')).toEqual(order);
	await expect(items.nth(1).getByRole('textbox')).toHaveValue(notes[1]);
	await expectNoSeriousAxeViolations(page);

	await page.getByRole('link', { name: /印刷・共有用のページを開く/ }).click();
	await expect(page).toHaveURL(/\/list\/shared\?item=/);
	const shareUrl = page.url();

	// A fresh browser, no JavaScript: the same list, same order, same notes, ready for paper.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const fresh = await context.newPage();
	await fresh.goto(shareUrl);
	await expect(fresh.locator('.print-item')).toHaveCount(3);
	expect(await listedIds(fresh, '.print-item')).toEqual(order);
	for (const [index, note] of notes.entries()) await expect(fresh.locator('.print-item').nth(index)).toContainText(note);
	await expect(fresh.locator('.print-item').first()).toContainText('電話');
	await expect(fresh.locator('.print-item').first()).toContainText('FAX');

	// Each listing's QR code opens that listing; the list's QR code opens the list.
	const qrSources = await fresh.locator('.print-item img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
	expect(qrSources.map(decodeQr)).toEqual(order.map((id) => `${baseURL}/services/${id}`));
	const listQr = await fresh.getByRole('img', { name: 'このリストをスマートフォンで開くQRコード' }).getAttribute('src');
	expect(decodeQr(listQr!)).toBe(shareUrl);

	const pdf = await fresh.pdf({ format: 'A4', preferCSSPageSize: true });
	const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
	expect(Math.round(Number(mediaBox[1]))).toBe(595);
	expect(Math.round(Number(mediaBox[2]))).toBe(842);
	await context.close();
});

test('a shared list can be kept as this browser’s list, and an item removed', async ({ page, request }) => {
	const found = (await (await request.get('/api/search?term=salon&per_page=2')).json()) as { hits: Array<{ id: string }> };
	const [a, b] = found.hits.map((hit) => hit.id);
	await page.goto(`/list/shared?item=${a}&note=${encodeURIComponent('メモA')}&item=${b}`);
	await page.getByRole('button', { name: 'このリストを自分のリストにする' }).click();
	await page.getByRole('link', { name: /つなぎ先リストで並べ替え/ }).click();
	await expect.poll(() => listedIds(page, '.referral-item')).toEqual([a, b]);
	await expect(page.locator('.referral-item').first().getByRole('textbox')).toHaveValue('メモA');
	await page.locator('.referral-item').first().getByRole('button', { name: /^外す/ }).click();
	await expect.poll(() => listedIds(page, '.referral-item')).toEqual([b]);
});

test('a broken share link gets a Japanese message, not an error page', async ({ page }) => {
	const response = await page.goto(`/list/shared?item=${'x'.repeat(100)}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('alert')).toContainText('リストのリンクが正しくありません');
});
