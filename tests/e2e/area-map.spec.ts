/**
 * The area overlay on /areas: every 地区 (or 小学校区 / 中学校区, chosen with ?kind=, which works
 * without JavaScript) as a shaded shape with its count, the same counts as the list beside it;
 * MapLibre where WebGL works, Leaflet where it does not (Chromium --disable-gpu
 * --disable-software-rasterizer) with the same shapes and counts; a district's label opens a
 * popup with its link, by mouse or keyboard. No tiles can be fetched here (MAP_TILE_URL='').
 */
import { test, expect, type Browser, type BrowserType, type LaunchOptions, type Locator, type Page } from '@playwright/test';
import { axe } from './helpers/axe';

const NO_TILES = '地図画像を読み込めません（一覧と印のみ表示）';

function areaMap(page: Page): Locator {
	return page.locator('.result-map');
}

/** 「旭地区 123件」 for every area in the list beside the map (the section of the kind on the map). */
async function listedAreas(page: Page): Promise<string[]> {
	const links = page.locator('.overview .districts a');
	const texts = await links.evaluateAll((nodes) =>
		nodes.map((node) => `${node.querySelector('.name')!.textContent!.trim()} ${node.querySelector('.count')!.textContent!.trim()}`)
	);
	expect(texts.length).toBeGreaterThan(0);
	return texts;
}

/** What the map's count labels say (their accessible names), once every area is drawn. */
async function mapLabels(page: Page, expected: number): Promise<string[]> {
	const map = areaMap(page);
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect.poll(async () => ((await map.getAttribute('data-area-ids')) ?? '').split(' ').filter(Boolean).length).toBe(expected);
	await expect(map).toHaveAttribute('data-drawn-areas', String(expected));
	const labels = map.locator('.area-label');
	await expect(labels).toHaveCount(expected);
	const named = await labels.evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('aria-label')}|${node.textContent!.trim()}`));
	// The number on each label is the count in its name.
	for (const entry of named) {
		const [name, shown] = entry.split('|');
		expect(name).toMatch(new RegExp(` ${shown}件$`));
	}
	return named.map((entry) => entry.split('|')[0]);
}

/** No two count pills cover each other: a crowded one is a dot until the reader zooms in. */
async function expectLabelsApart(page: Page) {
	const boxes = await areaMap(page)
		.locator('.area-label:not(.crowded) .area-count')
		.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }));
	expect(boxes.length).toBeGreaterThan(3);
	const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
	expect(overlaps).toEqual([]);
}

async function launchWithoutWebGL(browserType: BrowserType, launchOptions: LaunchOptions): Promise<Browser> {
	return browserType.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-gpu', '--disable-software-rasterizer'] });
}

async function expectNoAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	expect(results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('with WebGL, MapLibre draws every 地区 shaded, labelled with the same counts as the list, with a legend', async ({ page }) => {
	await page.goto('/areas');
	const listed = await listedAreas(page);
	const map = areaMap(page);
	await expect(map).toHaveAttribute('data-map-engine', 'maplibre');
	expect((await mapLabels(page, listed.length)).sort()).toEqual([...listed].sort());
	await expectLabelsApart(page);
	await expect(map.getByText(NO_TILES)).toBeVisible();
	const legend = page.locator('.legend li');
	expect(await legend.count()).toBeGreaterThan(1);
	await expect(legend.first()).toHaveText(/^\d+(〜\d+)?件$/);
	await expect(page.getByText('この地図の境界線は、サンプル用のおおよその線（架空）です。実際の区域とは違います。')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a district’s label opens its popup with the link to its page, with the keyboard and with the mouse', async ({ page }) => {
	await page.goto('/areas');
	const listed = await listedAreas(page);
	await mapLabels(page, listed.length);
	const asahi = areaMap(page).getByRole('button', { name: /^旭地区 \d+件$/ });
	await asahi.focus();
	await expect(asahi).toBeFocused();
	await page.keyboard.press('Enter');
	const link = areaMap(page).getByRole('link', { name: '旭地区の情報を見る' });
	await expect(link).toBeVisible();
	await expect(link).toHaveAttribute('href', '/areas/asahi');
	// The keyboard moves into the popup; Escape closes it and goes back to the label.
	await expect(link).toBeFocused();
	await expect(areaMap(page).locator('.map-popup')).toContainText(listed.find((entry) => entry.startsWith('旭地区 '))!.split(' ')[1]);
	await page.keyboard.press('Escape');
	await expect(link).toHaveCount(0);
	await expect(asahi).toBeFocused();
	await expectNoAxeViolations(page);

	// With the mouse, on a label standing on its own (crowded ones are dots until zoomed in).
	const label = areaMap(page).locator('.area-label:not(.crowded)').first();
	const place = (await label.getAttribute('aria-label'))!.replace(/ \d+件$/, '');
	await label.click();
	await areaMap(page).getByRole('link', { name: `${place}の情報を見る` }).click();
	await expect(page).toHaveURL(/\/areas\/[a-z-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${place}の情報`);
});

test('without WebGL, Leaflet draws the same shapes with the same counts, and a label opens its popup', async ({ playwright, launchOptions, baseURL }) => {
	const browser = await launchWithoutWebGL(playwright.chromium, launchOptions);
	try {
		const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
		const page = await context.newPage();
		await page.goto('/areas');
		const listed = await listedAreas(page);
		const map = areaMap(page);
		await expect(map).toHaveAttribute('data-map-engine', 'leaflet');
		expect((await mapLabels(page, listed.length)).sort()).toEqual([...listed].sort());
		await expect(map.locator('path.area-shape')).toHaveCount(listed.length);
		await expectLabelsApart(page);
		await expect(map.getByText(NO_TILES)).toBeVisible();

		const asahi = map.getByRole('button', { name: /^旭地区 \d+件$/ });
		await asahi.focus();
		await page.keyboard.press('Enter');
		const link = map.getByRole('link', { name: '旭地区の情報を見る' });
		await expect(link).toHaveAttribute('href', '/areas/asahi');
		await expect(link).toBeFocused();
		await expectNoAxeViolations(page);
		await page.keyboard.press('Escape');
		await expect(link).toHaveCount(0);
		await expect(asahi).toBeFocused();
		await context.close();
	} finally {
		await browser.close();
	}
});

test('?kind= switches the map and the list beside it to 小学校区 or 中学校区, without JavaScript too', async ({ browser, baseURL, page }) => {
	const context = await browser.newContext({ baseURL, locale: 'ja-JP', javaScriptEnabled: false });
	try {
		const noScript = await context.newPage();
		await noScript.goto('/areas');
		const kinds = noScript.getByRole('navigation', { name: '地域の分け方' });
		await expect(kinds.getByRole('link', { name: /^地区（\d+）$/ })).toHaveAttribute('aria-current', 'page');
		await expect(noScript.locator('.overview h2')).toHaveText('地区');
		await kinds.getByRole('link', { name: /^小学校区（\d+）$/ }).click();
		await expect(noScript).toHaveURL(/\?kind=elementary$/);
		await expect(noScript.locator('.overview h2')).toHaveText('小学校区');
		await expect(kinds.getByRole('link', { name: /^小学校区（\d+）$/ })).toHaveAttribute('aria-current', 'page');
		// Every kind's list is still on the page.
		for (const kind of ['地区', '小学校区', '中学校区']) await expect(noScript.getByRole('heading', { level: 2, name: kind })).toBeVisible();
	} finally {
		await context.close();
	}

	await page.goto('/areas?kind=junior-high');
	await expect(page.locator('.overview h2')).toHaveText('中学校区');
	const listed = await listedAreas(page);
	expect(listed.every((entry) => /中学校区 \d+件$/.test(entry))).toBe(true);
	expect((await mapLabels(page, listed.length)).sort()).toEqual([...listed].sort());
});

test('on a 320 px phone the list comes first, nothing scrolls sideways, and a popup is moved into the map, not cut off', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 700 });
	await page.goto('/areas');
	const listed = await listedAreas(page);
	const map = areaMap(page);
	const [listBox, mapBox] = [await page.locator('.overview .districts').boundingBox(), await map.boundingBox()];
	expect(listBox!.y).toBeLessThan(mapBox!.y);
	await map.scrollIntoViewIfNeeded();
	await mapLabels(page, listed.length);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	// The label nearest the map's right edge: its popup would stick out there.
	const rightmost = await map.locator('.area-label').evaluateAll((nodes) => {
		const right = nodes.map((node) => node.getBoundingClientRect().right);
		return right.indexOf(Math.max(...right));
	});
	await map.locator('.area-label').nth(rightmost).focus();
	await page.keyboard.press('Enter');
	const popup = map.locator('.maplibregl-popup');
	await expect(popup).toBeVisible();
	await expect
		.poll(async () => {
			const [frame, box] = [await map.boundingBox(), await popup.boundingBox()];
			return box!.x >= frame!.x && box!.x + box!.width <= frame!.x + frame!.width;
		})
		.toBe(true);
});
