/**
 * The community calendar in real Chromium against the production build and the sample database,
 * with the server's clock fixed at 2026-11-30 10:00 JST (TSUNAGI_NOW in playwright.config.ts):
 * list and month grid, keyboard use of the grid, the page without JavaScript, 終了 for past
 * events, 次回 on listings, the 今週のイベント map with its list, search, the API and axe.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';
import Database from 'better-sqlite3';
import { waitForHydration } from './helpers/display';

const DATABASE_PATH = 'test-results/e2e.db';
const TODAY = '2026-11-30';

function queryDb<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(DATABASE_PATH, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

async function expectNoAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	const summary = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
	expect(summary, 'axe violations').toEqual([]);
}

test('/events lists coming events by date, and a past event is not among them but says 終了 on its page', async ({ page }) => {
	const response = await page.goto('/events');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'イベント・催しのカレンダー' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /^これから30日（2026年11月30日（月）〜2026年12月29日（火））$/ })).toBeVisible();
	const [past] = queryDb<{ id: string; title: string }>(
		"SELECT id, title FROM events WHERE rrule IS NULL AND status = 'published' AND starts_at < ? ORDER BY starts_at LIMIT 1",
		`${TODAY}T00:00:00+09:00`
	);
	const list = page.locator('section.list');
	await expect(list.locator(`a[href="/events/${past.id}"]`)).toHaveCount(0);
	await expect(list.getByText('終了', { exact: true })).toHaveCount(0);

	await page.goto(`/events/${past.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(past.title);
	await expect(page.getByRole('note').filter({ hasText: '終了' })).toContainText(/2026年11月\d+日（.）に終了しました/);
});

test('今日 / 今週 / 今月 and a date range, with 和暦 on request', async ({ page }) => {
	await page.goto('/events?range=week');
	await expect(page.getByRole('heading', { level: 2, name: '今週（2026年11月30日（月）〜2026年12月6日（日））' })).toBeVisible();
	await page.goto('/events?range=month&era=wareki');
	await expect(page.getByRole('heading', { level: 2, name: '今月（令和8年11月1日（日）〜令和8年11月30日（月））' })).toBeVisible();
	await page.goto('/events?from=2026-12-08&to=2026-12-08');
	await expect(page.getByRole('heading', { level: 3, name: '2026年12月8日（火）' }).or(page.getByText('この条件のイベントは見つかりませんでした'))).toBeVisible();
	await page.goto('/events?from=2026-12-10&to=2026-12-01');
	await expect(page.getByRole('alert')).toContainText('終了日（to）は開始日（from）以降にしてください。');
});

test('the month grid moves by day and week with the arrow keys', async ({ page }) => {
	await page.goto('/events?view=month');
	const grid = page.getByRole('grid', { name: '2026年11月のカレンダー' });
	await expect(grid).toBeVisible();
	// The arrow keys are handled by the page's script: keys pressed before it runs are lost.
	await waitForHydration(page);
	await page.locator(`td[data-date="${TODAY}"]`).focus();
	await expect(page.locator(`td[data-date="${TODAY}"] .visually-hidden`)).toHaveText(/^今日、2026年11月30日（月）、/);
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('td[data-date="2026-11-29"]')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(page.locator('td[data-date="2026-11-22"]')).toBeFocused();
	await page.keyboard.press('End');
	await expect(page.locator('td[data-date="2026-11-28"]')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('td[data-date="2026-11-30"]')).toBeFocused(); // 12-05 is next month: the last day
	await page.keyboard.press('Home');
	await expect(page.locator('td[data-date="2026-11-29"]')).toBeFocused();
	await expect(page.locator('td[data-date="2026-11-29"]')).toHaveAttribute('tabindex', '0');
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('grid', { name: '2026年12月のカレンダー' })).toBeVisible();
});

test('the 今週のイベント map has the same events as the list beside it', async ({ page }) => {
	await page.goto('/events');
	const week = page.getByRole('region', { name: '今週のイベント' });
	await expect(week).toBeVisible();
	const items = week.locator('.week-list > li');
	expect(await items.count()).toBeGreaterThan(0);
	const map = week.locator('[data-map-state]');
	// The map loads when it comes into view.
	await map.scrollIntoViewIfNeeded();
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-marker-ids', /\S/);
	const markerIds = ((await map.getAttribute('data-marker-ids')) ?? '').split(' ').filter(Boolean).sort();
	const listed = [...new Set(await week.locator('.week-list > li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.replace('/events/', ''))))].sort();
	expect(markerIds).toEqual(listed);
});

test('a listing shows 次回 with its next three dates', async ({ page }) => {
	const [salon] = queryDb<{ id: string }>(
		"SELECT service_id AS id FROM schedules WHERE kind = 'session' AND rrule = 'FREQ=MONTHLY;BYDAY=2TU,4TU' AND opens_at = '10:00' AND closes_at = '11:30' LIMIT 1"
	);
	await page.goto(`/services/${salon.id}`);
	await expect(page.getByRole('heading', { level: 3, name: '次回' })).toBeVisible();
	const next = page.locator('ol.next-dates > li');
	await expect(next).toHaveCount(3);
	await expect(next.first()).toContainText(/1[12]月\d+日（.）/);
	await expect(page.locator('ol.next-dates')).toContainText('12月8日（火） 10:00〜11:30');
});

test('the search box finds events by their title', async ({ page }) => {
	const [coming] = queryDb<{ title: string }>(
		"SELECT title FROM events WHERE status = 'published' AND rrule IS NULL AND starts_at > ? ORDER BY starts_at LIMIT 1",
		`${TODAY}T12:00:00+09:00`
	);
	await page.goto(`/search?q=${encodeURIComponent(coming.title)}`);
	const events = page.getByRole('region', { name: /イベント・催し/ });
	await expect(events).toBeVisible();
	await expect(events.getByRole('link', { name: coming.title }).first()).toBeVisible();
});

test('GET /api/events answers occurrences in time order and explains bad parameters in Japanese and English', async ({ request }) => {
	const ok = await request.get('/api/events?from=2026-12-01&to=2026-12-31&per_page=100');
	expect(ok.status()).toBe(200);
	const body = (await ok.json()) as { total: number; occurrences: Array<{ starts_at: string; date: string; status: string }> };
	expect(body.total).toBeGreaterThan(0);
	const starts = body.occurrences.map((o) => o.starts_at);
	expect(starts).toEqual([...starts].sort());
	expect(body.occurrences.every((o) => o.date >= '2026-12-01' && o.date <= '2026-12-31')).toBe(true);
	const bad = await request.get('/api/events?from=2026-13-01&radius_km=2');
	expect(bad.status()).toBe(400);
	const error = ((await bad.json()) as { error: { message: string; message_en: string } }).error;
	expect(error.message).toContain('開始日（from）は 2026-12-08 の形の日付で指定してください。');
	expect(error.message_en).toContain('from must be a date like 2026-12-08.');
	expect(error.message).toContain('半径を使うには緯度・経度も指定してください。');
	const unknownArea = await request.get(`/api/events?area=${encodeURIComponent('どこにもない町')}`);
	expect(unknownArea.status()).toBe(400);
});

test('iCal feeds answer text/calendar', async ({ request }) => {
	for (const path of ['/events.ics', `/events.ics?field=${encodeURIComponent('介護')}`, '/areas/asahi/events.ics']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-type']).toContain('text/calendar');
		expect(await response.text()).toContain('BEGIN:VCALENDAR');
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the filters and the month grid work as plain links and forms', async ({ page }) => {
		await page.goto('/events');
		await page.getByLabel('分野').selectOption('介護');
		await page.getByRole('radio', { name: '今月' }).check();
		await page.getByRole('button', { name: 'この条件で表示' }).click();
		await expect(page).toHaveURL(/field=%E4%BB%8B%E8%AD%B7/);
		await expect(page.getByRole('heading', { level: 2, name: /^今月/ })).toBeVisible();
		await page.getByRole('link', { name: '月のカレンダーで見る' }).click();
		await expect(page.getByRole('grid', { name: '2026年11月のカレンダー' })).toBeVisible();
		await page.getByRole('link', { name: '次の月 →' }).click();
		await expect(page.getByRole('grid', { name: '2026年12月のカレンダー' })).toBeVisible();
	});
});

test.describe('accessibility (axe: no violations)', () => {
	test('/events list and month grid', async ({ page }) => {
		await page.goto('/events');
		await page.locator('section.week [data-map-state]').scrollIntoViewIfNeeded();
		await expect(page.locator('section.week [data-map-state]')).toHaveAttribute('data-map-state', 'ready');
		await expectNoAxeViolations(page);
		await page.goto('/events?view=month');
		await expectNoAxeViolations(page);
	});

	test('an event page', async ({ page }) => {
		const [event] = queryDb<{ id: string }>("SELECT id FROM events WHERE rrule IS NOT NULL AND status = 'published' LIMIT 1");
		await page.goto(`/events/${event.id}`);
		await expectNoAxeViolations(page);
	});
});
