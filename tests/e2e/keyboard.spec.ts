/**
 * Keyboard use end to end (JIS X 8341-3 AA): a resident searches, opens a result, goes back and
 * changes a filter with the keyboard alone, and always sees where the focus is.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { waitForHydration } from './helpers/display';

/** Presses Tab until `target` has the focus, checking the focus is visible at every stop on the way. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
	for (let presses = 0; presses < limit; presses++) {
		await page.keyboard.press('Tab');
		await expectVisibleFocus(page);
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

/** The focused element shows a focus ring a reader can see: an outline or the focus halo. */
async function expectVisibleFocus(page: Page): Promise<void> {
	const ring = await page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return { focused: 'body', visible: false };
		const style = getComputedStyle(element);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
		const halo = style.boxShadow !== 'none';
		const box = element.getBoundingClientRect();
		return { focused: element.outerHTML.slice(0, 80), visible: element.matches(':focus-visible') && (outline || halo) && box.width > 0 && box.height > 0 };
	});
	expect(ring.visible, `visible focus on ${ring.focused}`).toBe(true);
}

test('search → open a result → back → change a filter, with the keyboard alone and visible focus', async ({ page }) => {
	await page.goto('/');
	await waitForHydration(page);

	// The skip link comes first and leads past the header.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
	await expectVisibleFocus(page);

	const keyword = page.getByLabel('キーワード');
	await tabTo(page, keyword);
	await page.keyboard.type('サロン');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/search\?q=/);
	await expect(page.locator('ol.result-list > li').first()).toBeVisible();

	const firstResult = page.locator('ol.result-list > li h3 a').first();
	const name = (await firstResult.textContent())!.trim();
	await tabTo(page, firstResult);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/services\//);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

	// The browser's Back (Alt+← for a reader; headless Chromium has no browser shortcuts, so the
	// same history step is taken directly): the same results come back.
	await page.goBack();
	await expect(page).toHaveURL(/\/search\?q=/);
	await expect(page.locator('ol.result-list > li h3 a').first()).toHaveText(name);
	const total = await page.locator('.result-summary .count strong').textContent();

	// A filter: open the folded conditions, tick なんでも相談窓口のみ and search again.
	const more = page.locator('details.more > summary');
	await tabTo(page, more);
	await page.keyboard.press('Enter');
	await expect(page.locator('details.more')).toHaveAttribute('open', '');
	const deskOnly = page.getByRole('checkbox', { name: 'なんでも相談窓口のみ' });
	await tabTo(page, deskOnly);
	await page.keyboard.press('Space');
	await expect(deskOnly).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'この条件で検索する' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/desk=true/);
	await expect(page.locator('.result-summary .count')).not.toHaveText(total!);
});
