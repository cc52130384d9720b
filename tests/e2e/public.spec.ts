/**
 * The public pages as residents and supporters use them: search through the form (with and
 * without JavaScript), the list and the map in step, a listing's schedule in Japanese, and
 * accessibility (axe: no serious or critical violation). Runs against the production build with a
 * fresh sample database and no map tiles (MAP_TILE_URL='').
 */
import { test, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { axe } from './helpers/axe';

interface ApiHit {
	id: string;
	name: string;
	desk: boolean;
}
interface ApiSearch {
	total: number;
	hits: ApiHit[];
	without_filters?: { total: number; removed: string[] };
	relaxed?: { dropped: string[] };
}
interface ApiListing {
	id: string;
	sessions: Array<{ description: string }>;
	lastVerifiedAt: string | null;
}

const SALON_SCHEDULE = '毎月第2・第4火曜 10:00〜11:30';

async function apiSearch(request: APIRequestContext, params: Record<string, string>): Promise<ApiSearch> {
	const response = await request.get(`/api/search?${new URLSearchParams(params)}`);
	expect(response.ok()).toBeTruthy();
	return (await response.json()) as ApiSearch;
}

/** A salon whose recurring session is 毎月第2・第4火曜 10:00〜11:30 (the sample has several). */
async function findSalonWithSchedule(request: APIRequestContext): Promise<ApiListing> {
	for (let page = 1; ; page++) {
		const { hits } = await apiSearch(request, { term: 'salon', per_page: '100', page: String(page) });
		if (hits.length === 0) break;
		for (const hit of hits) {
			const listing = (await (await request.get(`/api/services/${hit.id}`)).json()) as ApiListing;
			if (listing.sessions.some((session) => session.description === SALON_SCHEDULE)) return listing;
		}
	}
	throw new Error(`no salon with ${SALON_SCHEDULE} in the sample`);
}

function resultItems(page: Page): Locator {
	return page.locator('ol.result-list > li');
}

async function listedIds(page: Page, onlyWithLocation = false): Promise<string[]> {
	const selector = onlyWithLocation ? 'ol.result-list > li[data-has-location="true"]' : 'ol.result-list > li';
	return page.locator(selector).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.listingId ?? ''));
}

function resultMap(page: Page): Locator {
	return page.locator('.result-map').first();
}

async function markerIds(page: Page): Promise<string[]> {
	const map = resultMap(page);
	// The map library loads when the map comes into view, as the reader scrolls to it.
	await map.scrollIntoViewIfNeeded();
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-marker-ids', /\S/);
	return ((await map.getAttribute('data-marker-ids')) ?? '').split(' ').filter(Boolean);
}

async function expectNoSeriousAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
	const summary = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
	expect(summary, 'axe: serious or critical violations').toEqual([]);
}

test('home offers the search box, the five fields and こんなときに shortcuts, with the sample notice', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await expect(page.getByText('サンプルデータ（架空）')).toBeVisible();
	await expect(page.getByLabel('キーワード')).toBeVisible();
	const fields = page.getByRole('region', { name: '分野からさがす' });
	for (const field of ['医療', '介護', '障害', '子育て', '地域資源']) {
		// A field opens on its kinds (/fields/…), not on every listing of the field.
		await expect(fields.getByRole('link', { name: new RegExp(`^${field} `) })).toHaveAttribute('href', `/fields/${encodeURIComponent(field)}`);
	}
	const shortcuts = page.getByRole('region', { name: 'こんなときに' });
	for (const shortcut of ['近くのサロン・百歳体操', '子育ての相談', '親の介護', 'ゴミ出し・電球交換の手伝い', 'なんでも相談窓口']) {
		await expect(shortcuts.getByText(shortcut, { exact: true })).toBeVisible();
	}
	// A 「近くの…」 shortcut asks where (an area or the current location) before it lists anything.
	await shortcuts.getByRole('link', { name: 'いきいき百歳体操' }).click();
	await expect(page).toHaveURL(/\/konnatoki\?worry=/);
	await page.getByLabel('地区', { exact: true }).selectOption('旭');
	await page.getByRole('button', { name: 'この地区の近くをさがす' }).click();
	await expect(resultItems(page).first()).toContainText('百歳体操');
	// The skip link is the first thing a keyboard reaches.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
});

test('サロン in 旭: salons located in 旭 are listed, and the map shows exactly their markers', async ({ page, request }) => {
	// Type only after hydration: hydrating would reset what was typed into the bound fields.
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.getByLabel('キーワード').fill('サロン');
	await page.getByLabel('地区', { exact: true }).selectOption('旭');
	await page.getByRole('button', { name: '検索する' }).click();

	await expect(page).toHaveURL(/\/search\?/);
	const url = new URL(page.url());
	expect(url.searchParams.get('q')).toBe('サロン');
	expect(url.searchParams.get('area')).toBe('旭');

	const items = resultItems(page);
	await expect(items.first()).toBeVisible();
	const count = await items.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) await expect(items.nth(i)).toContainText('旭');
	expect(await items.filter({ hasText: 'サロン・通いの場' }).count()).toBeGreaterThan(0);

	// Same hits as the API, and the total is shown.
	const api = await apiSearch(request, { q: 'サロン', area: '旭' });
	expect(await listedIds(page)).toEqual(api.hits.map((hit) => hit.id));
	await expect(page.getByRole('status').filter({ hasText: `${api.total}件` })).toBeVisible();

	// Filters are chips that can be removed.
	await expect(page.getByRole('link', { name: '地区：旭 の条件を外す' })).toBeVisible();

	const markers = await markerIds(page);
	expect([...markers].sort()).toEqual([...(await listedIds(page, true))].sort());
});

test('薬局 with なんでも相談窓口のみ finds the certified pharmacies', async ({ page, request }) => {
	await page.goto('/search', { waitUntil: 'networkidle' });
	// On the results page the conditions beyond keyword and area are folded away. Hydration may
	// close the panel again after an early click: open it until it stays open, then type.
	const deskOnly = page.getByLabel('なんでも相談窓口のみ');
	await expect(async () => {
		if (!(await deskOnly.isVisible())) await page.getByText('くわしい条件').click();
		await expect(deskOnly).toBeVisible({ timeout: 1000 });
	}).toPass();
	await page.getByLabel('キーワード').fill('薬局');
	await deskOnly.check();
	await page.getByRole('button', { name: 'この条件で検索する' }).click();

	await expect(page).toHaveURL(/desk=true/);
	const items = resultItems(page);
	await expect(items.first()).toBeVisible();
	const api = await apiSearch(request, { q: '薬局', desk: 'true', per_page: '100' });
	expect(api.total).toBeGreaterThan(0);
	expect(api.hits.every((hit) => hit.desk)).toBe(true);
	await expect(page.getByRole('status').filter({ hasText: `${api.total}件` })).toBeVisible();

	const count = await items.count();
	for (let i = 0; i < count; i++) {
		await expect(items.nth(i).getByText('なんでも相談窓口（ほおっちょけん相談窓口）')).toBeVisible();
		await expect(items.nth(i)).toContainText('薬局');
	}
});

test('a filter that removes every hit says so and offers the search without it (子ども食堂 in 子育て)', async ({ page, request }) => {
	await page.goto('/search?q=子ども食堂&field=子育て');
	const api = await apiSearch(request, { q: '子ども食堂', field: '子育て' });
	expect(api.total).toBe(0);
	const without = api.without_filters!;
	expect(without.removed).toEqual(['field']);
	const notice = page.getByRole('note').filter({ hasText: '選んだ条件' });
	await expect(notice).toContainText('選んだ条件（分野）に合うものはありません');
	await expect(notice).toContainText(`${without.total}件`);
	await notice.getByRole('link', { name: '条件（分野）を外して探す' }).click();
	await expect(page).not.toHaveURL(/field=/);
	await expect(page.getByRole('status').filter({ hasText: `${without.total}件` })).toBeVisible();
	await expect(resultItems(page).first()).toBeVisible();
});

test('words no listing uses are left out only after nothing was found, and the page says which (愚痴を聞いてくれる人)', async ({ page, request }) => {
	const api = await apiSearch(request, { q: '愚痴を聞いてくれる人' });
	expect(api.total).toBeGreaterThan(0);
	expect(api.relaxed).toEqual({ dropped: ['愚痴'] });
	await page.goto('/search?q=愚痴を聞いてくれる人');
	await expect(page.getByRole('note').filter({ hasText: '「愚痴」を含むものは見つかりませんでした' })).toBeVisible();
	await expect(resultItems(page).first()).toBeVisible();
	await page.goto('/search?q=子ども食堂');
	await expect(resultItems(page).first()).toBeVisible();
	await expect(page.getByText('を含むものは見つかりませんでした')).toHaveCount(0);
});

test('a salon detail page shows its recurring schedule in Japanese, with 西暦 and 和暦 dates', async ({ page, request }) => {
	const salon = await findSalonWithSchedule(request);
	await page.goto(`/services/${salon.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText(SALON_SCHEDULE)).toBeVisible();
	await expect(page.getByText('サンプルデータ（架空）')).toBeVisible();
	if (salon.lastVerifiedAt) {
		await expect(page.getByText(/最終確認日：\d{4}年\d{1,2}月\d{1,2}日（(令和|平成)(\d+|元)年\d{1,2}月\d{1,2}日）/)).toBeVisible();
	}
	// The mini map shows the place.
	expect((await markerIds(page)).length).toBeGreaterThan(0);
	await expect(page.getByRole('link', { name: /道順/ }).first()).toHaveAttribute('href', /google\.com\/maps\/dir\/\?api=1&destination=/);

	// Coming from a 「現在地の近く」 search, the page shows the walk.
	await page.goto(`/services/${salon.id}?lat=33.5597&lng=133.5311`);
	await expect(page.getByText(/現在地から 約 .+（徒歩\d+分）/)).toBeVisible();
});

test('choosing a list item highlights its marker, and clicking a marker highlights the list item', async ({ page, request }) => {
	await page.goto('/search?q=サロン&area=旭');
	const map = resultMap(page);
	await markerIds(page);
	const second = resultItems(page).nth(1);
	const id = await second.getAttribute('data-listing-id');
	await second.getByRole('button', { name: '地図で見る' }).click();
	await expect(map).toHaveAttribute('data-selected-id', id!);
	await expect(second.getByRole('button', { name: '地図で表示中' })).toHaveAttribute('aria-pressed', 'true');

	// One result: its marker is at the centre of the map; clicking it selects the list item.
	// (The map shows every hit of a search, so this needs a search with exactly one.)
	let single: string | null = null;
	for (const hit of (await apiSearch(request, { q: 'サロン', area: '旭', per_page: '100' })).hits) {
		if ((await apiSearch(request, { q: hit.name, area: '旭' })).total === 1) {
			single = hit.name;
			break;
		}
	}
	expect(single, 'a salon in 旭 whose name finds only itself').not.toBeNull();
	await page.goto(`/search?${new URLSearchParams({ q: single!, area: '旭' })}`);
	expect(await markerIds(page)).toHaveLength(1);
	const only = resultItems(page).first();
	const onlyId = await only.getAttribute('data-listing-id');
	await expect(map).toHaveAttribute('data-selected-id', '');
	await map.scrollIntoViewIfNeeded();
	const box = (await map.boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await expect(map).toHaveAttribute('data-selected-id', onlyId!);
	await expect(only.getByRole('button', { name: '地図で表示中' })).toHaveAttribute('aria-pressed', 'true');
});

test('the URL holds the whole search: reloading it gives the same list, and removing a chip widens it', async ({ page }) => {
	await page.goto('/search?q=サロン&area=旭&weekday=2&sort=name');
	const before = await listedIds(page);
	await page.reload();
	expect(await listedIds(page)).toEqual(before);
	await expect(page.getByLabel('開いている曜日')).toHaveValue('2');
	await page.getByRole('link', { name: '火曜日に開いている の条件を外す' }).click();
	await expect(page).not.toHaveURL(/weekday=/);
	await expect(page).toHaveURL(/area=/);
});

test('unknown pages answer in Japanese with 404', async ({ page }) => {
	const response = await page.goto('/services/no-such-listing');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
	await expect(page.getByText('サンプルデータ（架空）')).toBeVisible();
});

test('area pages list the 地区 and a 地区 groups its listings by field', async ({ page }) => {
	await page.goto('/areas');
	await page.getByRole('link', { name: /^旭地区/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭地区の情報');
	await expect(page.getByRole('heading', { level: 2, name: /^地域資源/ })).toBeVisible();
	await expect(resultItems(page).first()).toContainText('旭');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search form still searches and filters', async ({ page }) => {
		await page.goto('/');
		await page.getByLabel('キーワード').fill('サロン');
		await page.getByLabel('地区', { exact: true }).selectOption('旭');
		await page.getByRole('button', { name: '検索する' }).click();
		await expect(page).toHaveURL(/\/search\?.*q=%E3%82%B5%E3%83%AD%E3%83%B3/);
		await expect(resultItems(page).first()).toBeVisible();
		await expect(resultItems(page).first()).toContainText('旭');

		// Removing a filter is a plain link.
		await page.getByRole('link', { name: '地区：旭 の条件を外す' }).click();
		await expect(page).not.toHaveURL(/area=/);
		await expect(resultItems(page).first()).toBeVisible();
	});
});

test.describe('accessibility (axe: no serious or critical violations)', () => {
	test('home', async ({ page }) => {
		await page.goto('/');
		await expectNoSeriousAxeViolations(page);
	});

	test('results', async ({ page }) => {
		await page.goto('/search?q=サロン&area=旭');
		await markerIds(page);
		await expectNoSeriousAxeViolations(page);
	});

	test('detail', async ({ page, request }) => {
		const salon = await findSalonWithSchedule(request);
		await page.goto(`/services/${salon.id}`);
		await markerIds(page);
		await expectNoSeriousAxeViolations(page);
	});

	test('certified desk detail', async ({ page, request }) => {
		const { hits } = await apiSearch(request, { desk: 'true', per_page: '1' });
		await page.goto(`/services/${hits[0].id}`);
		await expect(page.getByText('なんでも相談窓口（ほおっちょけん相談窓口）')).toBeVisible();
		await expectNoSeriousAxeViolations(page);
	});

	test('area pages', async ({ page }) => {
		await page.goto('/areas');
		await expectNoSeriousAxeViolations(page);
		await page.goto('/areas/asahi');
		await expectNoSeriousAxeViolations(page);
	});
});
