/**
 * Reading aids: text size 標準 / 大 / 特大, a high-contrast theme and ふりがな on names, chosen in a
 * plain form (no JavaScript needed), kept in a cookie and rendered by the server; and no sideways
 * scrolling at 320 px width with large text.
 */
import { test, expect, type Page } from '@playwright/test';
import { chooseDisplay, horizontalOverflow, waitForHydration } from './helpers/display';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('特大, 高コントラスト and ふりがな are chosen in a form and the server renders the page with them', async ({ page }) => {
		await page.goto('/search?q=サロン&area=旭');
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'standard');
		await page.getByRole('link', { name: '文字・色・ふりがな' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('文字の大きさ・色・ふりがな');
		await page.getByRole('radio', { name: '特大' }).check();
		await page.getByRole('radio', { name: /高コントラスト/ }).check();
		await page.getByRole('checkbox', { name: '漢字にふりがなをつける' }).check();
		await page.getByRole('button', { name: 'この表示にする' }).click();

		// Back on the same search, rendered with the choices.
		await expect(page).toHaveURL(/\/search\?q=.*area=/);
		const html = page.locator('html');
		await expect(html).toHaveAttribute('data-text-size', 'xlarge');
		await expect(html).toHaveAttribute('data-contrast', 'high');
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('27px');
		expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
		const firstName = page.locator('ol.result-list > li h3').first();
		await expect(firstName.locator('ruby rt')).toHaveText(/^[ぁ-ゖー・ 　]+$/);

		// Remembered on the next page too, where the description gets ふりがな as well (read at index time).
		await firstName.locator('a').click();
		const description = page.locator('p.description');
		await expect(description.locator('ruby').first()).toBeVisible();
		const readings = await description.locator('ruby').evaluateAll((rubies) => rubies.map((ruby) => [ruby.firstChild?.textContent ?? '', ruby.querySelector('rt')?.textContent ?? '']));
		expect(readings.length).toBeGreaterThan(3);
		for (const [base, reading] of readings) {
			expect(base).toMatch(/\p{Script=Han}/u);
			expect(reading).toMatch(/^[ぁ-ゖー]+$/);
		}
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
	});
});

test('without ふりがな chosen, names and descriptions carry no ruby', async ({ page }) => {
	await page.goto('/search?q=サロン&area=旭');
	await page.locator('ol.result-list > li h3 a').first().click();
	await expect(page.locator('p.description')).toBeVisible();
	await expect(page.locator('ruby')).toHaveCount(0);
});

test('at 320 px width with 150 % and 200 % text (and ふりがな), home, results and detail do not scroll sideways', async ({ page, context, baseURL }) => {
	await chooseDisplay(context, baseURL!, { textSize: 'xlarge', ruby: true });
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/search?q=サロン&area=旭');
	const detail = (await page.locator('ol.result-list > li h3 a').first().getAttribute('href'))!;
	// 民生委員児童委員協議会: names whose ふりがな cover 16 kanji in one piece.
	for (const path of ['/', '/search?q=サロン&area=旭', '/search?q=民生委員児童委員協議会', detail, '/areas/asahi', `/fields/${encodeURIComponent('地域資源')}`]) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
		expect(await horizontalOverflow(page), `${path} at 150 %`).toBeLessThanOrEqual(0);
		// 200 %: the reader's own browser setting on top of 標準 (18px → 36px).
		await page.addStyleTag({ content: 'html[data-text-size] { font-size: 225% !important; }' });
		expect(await horizontalOverflow(page), `${path} at 200 %`).toBeLessThanOrEqual(0);
	}
});

/** Collects Content-Security-Policy violations the page reports (blocked inline script or style, etc.). */
async function recordCspViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused (CSP): ${event.violatedDirective} ${event.blockedURI}`));
	});
	return violations;
}

test('pages rendered with the display cookie are keyed on it by caches; nothing sets a cookie before the reader chooses', async ({ request, playwright, baseURL }) => {
	const plain = await request.get('/search?q=サロン');
	expect(plain.headers()['set-cookie']).toBeUndefined();
	expect(plain.headers()['vary']).toMatch(/\bCookie\b/i);
	const withChoice = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'display=text_size=large&contrast=high' } });
	const page = await withChoice.get('/search?q=サロン');
	expect(page.headers()['vary']).toMatch(/\bCookie\b/i);
	expect(page.headers()['cache-control']).toMatch(/private/);
	expect(await page.text()).toContain('data-text-size="large"');
	// Client-side navigation data carries the choices too.
	const data = await withChoice.get('/search/__data.json?q=' + encodeURIComponent('サロン'));
	expect(data.headers()['vary']).toMatch(/\bCookie\b/i);
	// JSON API answers do not depend on it.
	expect((await withChoice.get('/api/search?q=' + encodeURIComponent('サロン'))).headers()['vary'] ?? '').not.toMatch(/\bCookie\b/i);
	await withChoice.dispose();
});

test('with JavaScript the settings apply at once and the reader stays on the page', async ({ page }) => {
	const violations = await recordCspViolations(page);
	await page.goto('/areas');
	await page.getByRole('link', { name: '文字・色・ふりがな' }).click();
	await page.getByRole('radio', { name: '大', exact: true }).check();
	await page.getByRole('button', { name: 'この表示にする' }).click();
	await expect(page).toHaveURL(/\/areas$/);
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
	// ふりがな and high contrast on a results page, under the Content-Security-Policy.
	await page.goto('/display?return=' + encodeURIComponent('/search?q=サロン'));
	await page.getByRole('radio', { name: /高コントラスト/ }).check();
	await page.getByRole('checkbox', { name: '漢字にふりがなをつける' }).check();
	await page.getByRole('button', { name: 'この表示にする' }).click();
	await expect(page).toHaveURL(/\/search\?q=/);
	await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
	await expect(page.locator('ol.result-list > li h3 ruby rt').first()).toHaveText(/^[ぁ-ゖー・ 　]+$/);
	expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
	expect(violations).toEqual([]);
});

test.describe('reduced motion', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	/** Records the behaviour of every scrollIntoView the page asks for. */
	async function recordScrolls(page: Page): Promise<void> {
		await page.addInitScript(() => {
			const scrolls: string[] = ((window as unknown as { scrolls: string[] }).scrolls = []);
			const original = Element.prototype.scrollIntoView;
			Element.prototype.scrollIntoView = function (options?: boolean | ScrollIntoViewOptions) {
				scrolls.push(typeof options === 'object' ? (options.behavior ?? 'auto') : 'auto');
				return original.call(this, options);
			};
		});
	}

	async function scrollsOfShowOnMap(page: Page): Promise<string[]> {
		await recordScrolls(page);
		await page.goto('/search?q=サロン&area=旭');
		await waitForHydration(page);
		await page.locator('ol.result-list > li').first().getByRole('button', { name: '地図で見る' }).click();
		await page.waitForFunction(() => (window as unknown as { scrolls: string[] }).scrolls.length > 0);
		return page.evaluate(() => (window as unknown as { scrolls: string[] }).scrolls);
	}

	test('when the reader asks for less motion, nothing animates and 地図で見る jumps instead of gliding', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		expect(await scrollsOfShowOnMap(page)).toEqual(['auto']);
		const moving = await page.evaluate(() =>
			[...document.querySelectorAll('*')]
				.filter((element) => {
					const style = getComputedStyle(element);
					return style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0 || style.scrollBehavior === 'smooth';
				})
				.map((element) => element.tagName + '.' + element.className)
		);
		expect(moving).toEqual([]);
	});

	test('otherwise 地図で見る glides to the map', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		expect(await scrollsOfShowOnMap(page)).toEqual(['smooth']);
	});
});
