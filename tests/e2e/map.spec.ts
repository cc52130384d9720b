/**
 * The map for every device: MapLibre GL where WebGL works and Leaflet where it does not (Chromium
 * with --disable-gpu --disable-software-rasterizer), with the same markers and popups; every hit of
 * a search on the map, not only the page listed; a list / map switch on phones; 「地図で見る」 and
 * back. No tiles can be fetched here (MAP_TILE_URL=''): the map says so and still shows its markers.
 */
import { test, expect, type APIRequestContext, type Browser, type BrowserType, type LaunchOptions, type Locator, type Page } from '@playwright/test';
import { axe } from './helpers/axe';

const NO_TILES = '地図画像を読み込めません（一覧と印のみ表示）';
const PHONE = { width: 375, height: 740 };

interface MapCollection {
	total: number;
	features: Array<{ id: string; properties: { name: string; kind: string; phone: string | null } }>;
}

async function mapData(request: APIRequestContext, params: string): Promise<MapCollection> {
	const response = await request.get(`/api/search/map?${params}`);
	expect(response.ok()).toBeTruthy();
	expect(response.headers()['content-type']).toContain('application/geo+json');
	return (await response.json()) as MapCollection;
}

function resultMap(page: Page): Locator {
	return page.locator('.result-map').first();
}

/** The map's marker ids once it has drawn them. */
async function markerIds(page: Page): Promise<string[]> {
	const map = resultMap(page);
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-marker-ids', /\S/);
	return ((await map.getAttribute('data-marker-ids')) ?? '').split(' ').filter(Boolean);
}

/** A browser without WebGL, as on an office PC with graphics turned off. */
async function launchWithoutWebGL(browserType: BrowserType, launchOptions: LaunchOptions): Promise<Browser> {
	return browserType.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-gpu', '--disable-software-rasterizer'] });
}

test('without WebGL the same search gets a Leaflet map with the same markers as MapLibre, and popups', async ({ page, playwright, launchOptions, request, baseURL }) => {
	const search = '/search?q=サロン&area=旭';
	const data = await mapData(request, 'q=サロン&area=旭');
	expect(data.features.length).toBeGreaterThan(1);

	await page.goto(search);
	await expect(resultMap(page)).toHaveAttribute('data-map-engine', 'maplibre');
	const withWebGL = await markerIds(page);
	await expect(resultMap(page).getByText(NO_TILES)).toBeVisible();

	const browser = await launchWithoutWebGL(playwright.chromium, launchOptions);
	try {
		const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
		const fallback = await context.newPage();
		await fallback.goto(search);
		const map = resultMap(fallback);
		await expect(map).toHaveAttribute('data-map-engine', 'leaflet');
		const withoutWebGL = await markerIds(fallback);
		expect(withoutWebGL.length).toBe(withWebGL.length);
		expect([...withoutWebGL].sort()).toEqual([...withWebGL].sort());
		expect([...withoutWebGL].sort()).toEqual(data.features.map((feature) => feature.id).sort());
		// Every marker is drawn, alone or inside a cluster's count.
		await expect(map).toHaveAttribute('data-drawn-count', String(withoutWebGL.length));
		await expect(map.getByText(NO_TILES)).toBeVisible();

		// A marker is a focusable button named after the listing; it opens the popup and selects the card.
		const feature = data.features[0];
		await fallback.getByRole('button', { name: /地図で見る/ }).first().waitFor();
		const card = fallback.locator(`#listing-${feature.id}`);
		await card.getByRole('button', { name: '地図で見る' }).click();
		const marker = map.locator('.leaflet-marker-icon', { has: fallback.locator('.leaflet-point.selected') });
		await expect(marker).toHaveAttribute('title', feature.properties.name);
		const popup = map.locator('.leaflet-popup');
		await expect(popup.getByText(feature.properties.name, { exact: true })).toBeVisible();
		await expect(popup.getByRole('link', { name: `${feature.properties.name}の詳しい情報を見る` })).toHaveAttribute('href', new RegExp(`/services/${feature.id}`));
		await expect(map).toHaveAttribute('data-selected-id', feature.id);
		await context.close();
	} finally {
		await browser.close();
	}
});

test('on a phone a 709-result search shows the list first, and the map (one switch away) shows all of them', async ({ page, request }) => {
	await page.setViewportSize(PHONE);
	const data = await mapData(request, `field=${encodeURIComponent('地域資源')}`);
	expect(data.total).toBeGreaterThanOrEqual(700);
	const mapRequests: string[] = [];
	page.on('request', (request) => {
		if (/maplibre|leaflet/.test(request.url())) mapRequests.push(request.url());
	});
	await page.goto(`/search?field=${encodeURIComponent('地域資源')}`);
	const viewSwitch = page.getByRole('group', { name: '一覧と地図の切り替え' });
	const listButton = viewSwitch.getByRole('button', { name: '一覧' });
	const mapButton = viewSwitch.getByRole('button', { name: '地図' });
	await expect(listButton).toHaveAttribute('aria-pressed', 'true');
	// The switch is at the top of the results, above the first card.
	const switchBox = (await viewSwitch.boundingBox())!;
	const firstCard = (await page.locator('ol.result-list > li').first().boundingBox())!;
	expect(switchBox.y).toBeLessThan(firstCard.y);
	await expect(resultMap(page)).toBeHidden();
	// Nothing of the map library is downloaded while the reader looks at the list.
	expect(mapRequests).toEqual([]);

	await mapButton.click();
	await expect(mapButton).toHaveAttribute('aria-pressed', 'true');
	await expect(resultMap(page)).toBeVisible();
	await expect(page.locator('ol.result-list')).toBeHidden();
	const ids = await markerIds(page);
	expect(ids.length).toBe(data.features.length);
	// All of them are on the map at once, as clusters and markers.
	await expect(resultMap(page)).toHaveAttribute('data-drawn-count', String(data.features.length));
	await expect(resultMap(page).getByText(NO_TILES)).toBeVisible();

	await listButton.click();
	await expect(page.locator('ol.result-list')).toBeVisible();
	await expect(resultMap(page)).toBeHidden();
});

test('「地図で見る」 on a phone moves to the marker, opens its popup (name, kind, 電話, link), and 一覧に戻る comes back', async ({ page, request }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/search?q=サロン&area=旭');
	const data = await mapData(request, 'q=サロン&area=旭');
	const card = page.locator('ol.result-list > li').nth(1);
	const id = (await card.getAttribute('data-listing-id'))!;
	const feature = data.features.find((candidate) => candidate.id === id)!;
	expect(feature.properties.phone).toBeTruthy();

	await card.getByRole('button', { name: '地図で見る' }).click();
	const map = resultMap(page);
	await expect(map).toBeVisible();
	await expect(map).toHaveAttribute('data-selected-id', id);
	const popup = map.locator('.maplibregl-popup');
	await expect(popup.getByText(feature.properties.name, { exact: true })).toBeVisible();
	await expect(popup.getByText(feature.properties.kind, { exact: true })).toBeVisible();
	await expect(popup.getByText(`電話：${feature.properties.phone}`)).toBeVisible();
	await expect(popup.getByRole('link', { name: `${feature.properties.name}の詳しい情報を見る` })).toHaveAttribute('href', `/services/${id}`);
	const back = page.getByRole('button', { name: /一覧に戻る/ });
	await expect(back).toBeFocused();
	// The map is in view, not thousands of pixels below.
	const mapBox = (await map.boundingBox())!;
	expect(mapBox.y).toBeLessThan(PHONE.height);
	expect(mapBox.y + mapBox.height).toBeGreaterThan(0);

	await back.click();
	await expect(card).toBeVisible();
	await expect(card.getByRole('button', { name: '地図で表示中' })).toBeFocused();
	await expect(card).toBeInViewport();
});

test('the map data endpoint answers bad input with a clear 400 in both languages', async ({ request }) => {
	const response = await request.get('/api/search/map?area=no-such-area');
	expect(response.status()).toBe(400);
	const body = (await response.json()) as { error: { message: string; message_en: string } };
	expect(body.error.message).toContain('見つかりません');
	expect(body.error.message_en).toContain('Unknown area');
});

test('the results map on a phone has no accessibility violation of any impact (MapLibre and Leaflet)', async ({ page, playwright, launchOptions, baseURL }) => {
	const check = async (target: Page) => {
		await target.setViewportSize(PHONE);
		await target.goto('/search?q=サロン&area=旭');
		await target.getByRole('button', { name: '地図', exact: true }).click();
		await markerIds(target);
		const results = await axe(target).analyze();
		expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
	};
	await check(page);
	const browser = await launchWithoutWebGL(playwright.chromium, launchOptions);
	try {
		const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
		await check(await context.newPage());
		await context.close();
	} finally {
		await browser.close();
	}
});
