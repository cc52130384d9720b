/**
 * Browsing by field and by area: a field shows its kinds first; 地区, 小学校区 and 中学校区 each have
 * pages (with a map, lists folded per field) and can be chosen in the search form, and a search in
 * a 中学校区 is titled and chipped as one.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';
import { waitForHydration } from './helpers/display';

async function expectNoAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	expect(results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the field 地域資源 opens on its kinds with counts, not on 700 listings', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('region', { name: '分野からさがす' }).getByRole('link', { name: /^地域資源 / }).click();
	await expect(page).toHaveURL(/\/fields\//);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('地域資源');
	await expect(page.locator('ol.result-list')).toHaveCount(0);
	const kinds = page.getByRole('region', { name: '種類から選ぶ' });
	for (const kind of ['サロン・通いの場', 'いきいき百歳体操', '子ども食堂・地域食堂']) {
		await expect(kinds.getByRole('link', { name: new RegExp(`^${kind}\\s*\\d+件$`) })).toBeVisible();
	}
	const salonLink = kinds.getByRole('link', { name: /^サロン・通いの場/ });
	const count = Number(/(\d+)件/.exec((await salonLink.textContent()) ?? '')![1]);
	await salonLink.click();
	await expect(page).toHaveURL(/term=salon/);
	await expect(page.getByRole('status').filter({ hasText: `${count}件` })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('サロン・通いの場');
});

test('/areas offers 地区, 小学校区 and 中学校区, and /areas/jhs-asahi is the 旭中学校区 page with a map', async ({ page, request }) => {
	await page.goto('/areas');
	for (const kind of ['地区', '小学校区', '中学校区']) await expect(page.getByRole('heading', { level: 2, name: kind })).toBeVisible();
	await expect(page.getByRole('region', { name: '中学校区' }).getByRole('link', { name: /^旭中学校区/ })).toHaveAttribute('href', '/areas/jhs-asahi');

	const response = await page.goto('/areas/jhs-asahi');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭中学校区の情報');
	await expect(page).toHaveTitle(/^旭中学校区の情報/);
	const data = (await (await request.get('/api/search/map?area=jhs-asahi')).json()) as { total: number; features: Array<{ id: string }> };
	expect(data.total).toBeGreaterThan(0);
	const map = page.locator('.result-map');
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-marker-ids', /\S/);
	const ids = ((await map.getAttribute('data-marker-ids')) ?? '').split(' ');
	expect(ids.sort()).toEqual(data.features.map((feature) => feature.id).sort());
});

test('a 地区 page shows a map and kinds per field, with the lists folded instead of 180 cards in a row', async ({ page }) => {
	await page.goto('/areas/asahi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭地区の情報');
	const total = Number(/(\d+)件/.exec((await page.locator('main p').first().textContent()) ?? '')![1]);
	expect(total).toBeGreaterThan(50);
	const map = page.locator('.result-map');
	await expect(map).toHaveAttribute('data-marker-ids', /\S/);
	// No card is shown until the reader opens a field's list.
	const cards = page.locator('ol.result-list > li');
	expect(await cards.count()).toBe(total);
	await expect(cards.first()).toBeHidden();
	const section = page.getByRole('region', { name: /^地域資源/ });
	await expect(section.getByRole('link', { name: /^サロン・通いの場（\d+件）$/ })).toHaveAttribute('href', /area=asahi&term=salon/);
	await section.getByText(/^地域資源の\d+件を一覧で見る$/).click();
	await expect(section.locator('ol.result-list > li').first()).toBeVisible();
});

test('a 中学校区 chosen in the search form: the title says 旭中学校区 and the chip says 中学校区', async ({ page }) => {
	await page.goto('/');
	// Typed before hydration, the bound fields would be reset (the search ran without q or area under load).
	await waitForHydration(page);
	await page.getByLabel('キーワード').fill('サロン');
	await page.getByLabel('地区', { exact: true }).selectOption('旭中学校区');
	await page.getByRole('button', { name: '検索する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭中学校区の「サロン」の検索結果');
	await expect(page).toHaveTitle(/^旭中学校区の「サロン」の検索結果/);
	await expect(page.getByRole('link', { name: '中学校区：旭中 の条件を外す' })).toBeVisible();
	await expect(page.getByText('地区：旭中学校区')).toHaveCount(0);
	// A shared link naming the area by its slug selects it in the form too.
	await page.goto('/search?q=サロン&area=jhs-asahi');
	await expect(page.getByLabel('地区', { exact: true }).first()).toHaveValue('旭中学校区');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旭中学校区の「サロン」の検索結果');
});

test('field and area pages have no accessibility violation of any impact', async ({ page }) => {
	for (const path of ['/areas', '/areas/jhs-asahi', '/areas/asahi', `/fields/${encodeURIComponent('地域資源')}`]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});

test('the city-wide area opens the list of all areas instead of a 404', async ({ page, request }) => {
	const direct = await request.get('/areas/kochi-city', { maxRedirects: 0 });
	expect(direct.status()).toBe(308);
	expect(direct.headers()['location']).toBe('/areas');
	const response = await page.goto('/areas/kochi-city');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveURL(/\/areas$/);
	await expect(page.getByRole('heading', { level: 2, name: '地区' })).toBeVisible();
	expect((await request.get('/areas/no-such-area')).status()).toBe(404);
});
