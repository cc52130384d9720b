/**
 * The calendar printed on A4 in real Chromium (server clock fixed at 2026-11-30 10:00 JST): the
 * list of a week and the month grid keep their events, drop the navigation, filters, buttons and
 * the map, fit the width of the sheet, and take a sensible number of sheets. The printed PDF is
 * read back with pdf.js.
 */
import { test, expect, type Page } from '@playwright/test';
import { pdfPageTexts } from './helpers/pdf';

/** pdf.js gives some kanji as their radical forms (⾼ for 高): compare in NFKC, without spaces. */
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

async function printedSheets(page: Page): Promise<string[]> {
	return (await pdfPageTexts(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).map(plain);
}

/** A4 (210 mm) less the 12 mm side margins of the @page rule, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/** What only the screen needs: none of it may show on paper. */
const SCREEN_ONLY = ['header nav', '.calendar-views', 'form', 'button', '.tools', '.month-nav', 'section.week', '.skip-link'];

async function printLayout(page: Page, url: string): Promise<void> {
	await page.setViewportSize({ width: A4_CONTENT_WIDTH_PX, height: 1000 });
	await page.goto(url);
	await page.emulateMedia({ media: 'print' });
}

async function expectScreenOnlyPartsHidden(page: Page): Promise<void> {
	for (const selector of SCREEN_ONLY) {
		const visible = await page.locator(selector).evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length);
		expect(visible, `${selector} is hidden in print`).toBe(0);
	}
}

/** Nothing sticks out to the right of the sheet (it would be cut off on paper). */
async function expectFitsSheetWidth(page: Page): Promise<void> {
	const widest = await page.evaluate(() => {
		let right = 0;
		let what = '';
		for (const element of document.querySelectorAll('main *')) {
			const box = element.getBoundingClientRect();
			if (box.width > 0 && box.right > right) {
				right = box.right;
				what = `${element.tagName.toLowerCase()}.${element.className}`;
			}
		}
		return { right: Math.ceil(right), what, scrollWidth: document.documentElement.scrollWidth };
	});
	expect(widest.right, `widest element ${widest.what}`).toBeLessThanOrEqual(A4_CONTENT_WIDTH_PX);
	expect(widest.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_WIDTH_PX);
}

test('the list of a week prints on A4 with every event and without navigation, filters or the map', async ({ page }) => {
	await printLayout(page, '/events?range=week');
	const titles = await page.locator('section.list .entry-title').allTextContents();
	expect(titles.length).toBeGreaterThan(5);
	await expect(page.getByRole('heading', { level: 2, name: '今週（2026年11月30日（月）〜2026年12月6日（日））' })).toBeVisible();
	await expect(page.locator('section.list .entry').first()).toBeVisible();
	await expectScreenOnlyPartsHidden(page);
	await expectFitsSheetWidth(page);

	const sheets = await printedSheets(page);
	const printed = sheets.join('');
	// Every event of the week is on paper, the heading on the first sheet.
	for (const title of new Set(titles)) expect(printed, title).toContain(plain(title));
	expect(sheets[0]).toContain(plain('今週（2026年11月30日（月）〜2026年12月6日（日））'));
	expect(printed).not.toContain('一覧で見る');
	expect(printed).not.toContain('このカレンダーを印刷する');
	// A sheet holds at least a dozen entries: more sheets than that means wasted paper.
	expect(sheets.length).toBeLessThanOrEqual(Math.ceil(titles.length / 12) + 1);
});

test('the month grid prints on A4: all seven weekdays across the sheet, the Saturday events at its right edge, on at most two sheets', async ({ page }) => {
	await printLayout(page, '/events?view=month&month=2026-12');
	const grid = page.getByRole('grid', { name: '2026年12月のカレンダー' });
	await expect(grid).toBeVisible();
	const links = await grid.locator('td[data-date] a').allTextContents();
	expect(links.length).toBeGreaterThan(10);
	await expectScreenOnlyPartsHidden(page);
	await expect(page.locator('.hint')).toBeHidden();
	await expectFitsSheetWidth(page);

	const sheets = await printedSheets(page);
	const printed = sheets.join('');
	expect(sheets.length).toBeLessThanOrEqual(2);
	expect(printed).toContain(plain('2026年12月のカレンダー'));
	for (const weekday of ['日', '月', '火', '水', '木', '金', '土']) expect(sheets[0]).toContain(weekday);
	// The Saturdays, at the right edge of the grid, reach the paper with their events.
	const saturdays = await grid.locator(['05', '12', '19', '26'].map((day) => `td[data-date="2026-12-${day}"] a`).join(', ')).allTextContents();
	expect(saturdays.length).toBeGreaterThan(0);
	for (const text of saturdays) expect(printed).toContain(plain(text));
	expect(printed).not.toContain('前の月');
});
