/**
 * A curator publishes a 毎月第2・第4火曜 10:00〜11:30 サロン event and cancels one date; residents
 * see it on the right days of the month grid for three months with 中止 on that date, filtering by
 * 旭 keeps only events in 旭, and the listing shows 次回. The server's clock is fixed at
 * 2026-11-30 10:00 JST (TSUNAGI_NOW in playwright.config.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { axe } from './helpers/axe';
import { createAccount } from '../helpers/accounts';
import { logIn } from './helpers/admin-login';
import { waitForHydration } from './helpers/display';

const DATABASE_PATH = 'test-results/e2e.db';
const PASSWORD = 'e2e events curator password';
const CURATOR = { email: 'events-curator@e2e.example.jp', name: '地域共生社会推進室 イベント担当' };
const TITLE = 'ふれあいサロン 茶話会（E2E）';

/** A published salon in 旭 to hold the event. */
function asahiSalon(): { id: string; name: string; organizationId: string } {
	const db = new Database(DATABASE_PATH, { readonly: true });
	try {
		return db
			.prepare(
				`SELECT s.id, s.name, s.organization_id AS organizationId FROM services s JOIN service_locations sl ON sl.service_id = s.id
				JOIN location_areas la ON la.location_id = sl.location_id JOIN areas a ON a.id = la.area_id
				JOIN service_terms st ON st.service_id = s.id JOIN taxonomy_terms t ON t.id = st.term_id
				WHERE a.kind = '地区' AND a.name = '旭' AND t.code = 'salon' AND s.status = 'published' ORDER BY s.name LIMIT 1`
			)
			.get() as { id: string; name: string; organizationId: string };
	} finally {
		db.close();
	}
}

const login = (page: Page, account: { email: string } = CURATOR) => logIn(page, account, PASSWORD);

/** The dates (data-date) on which the month grid links to the event, and the text of each. */
async function gridDates(page: Page, month: string, eventId: string): Promise<Array<[string, string]>> {
	await page.goto(`/events?view=month&month=${month}`);
	return page
		.locator(`td[data-date] a[href="/events/${eventId}"]`)
		.evaluateAll((links) => links.map((link) => [link.closest('td')!.getAttribute('data-date')!, link.textContent!.replace(/\s+/g, ' ').trim()] as [string, string]));
}

test.beforeAll(() => createAccount(DATABASE_PATH, PASSWORD, CURATOR, 'curator'));

test('a curator creates a 毎月第2・第4火曜 サロン event with a cancelled date; the calendar, the 旭 filter and 次回 follow', async ({ page, request }) => {
	const salon = asahiSalon();
	await login(page);
	await page.goto(`/admin/events/new?service=${salon.id}`);
	await waitForHydration(page);
	await expectNoAxeViolations(page);
	await page.getByLabel('イベント名（必須）').fill(TITLE);
	await page.getByLabel('初回の日付（必須）').fill('2026-12-08');
	await page.getByLabel('開始時刻（必須）').fill('10:00');
	await page.getByLabel('終了時刻').fill('11:30');
	await page.getByLabel('くり返し', { exact: true }).selectOption('monthly-nth');
	await page.getByLabel('火', { exact: true }).check();
	await page.getByLabel('第2', { exact: true }).check();
	await page.getByLabel('第4', { exact: true }).check();
	await page.getByLabel('費用（無料なら「無料」）').fill('100円（お茶代）');
	await page.getByRole('button', { name: '追加する' }).click();
	await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?created=1$/);
	const eventId = /\/admin\/events\/([0-9a-f-]{36})/.exec(page.url())![1];
	await expect(page.getByRole('status')).toHaveText('イベントを追加しました。');

	await page.getByRole('button', { name: '2027-01-12を中止にする' }).click();
	await expect(page.getByRole('status')).toHaveText('2027-01-12 を中止にしました。');

	// December to February: the 2nd and 4th Tuesdays, 中止 on 1月12日.
	expect(await gridDates(page, '2026-12', eventId)).toEqual([
		['2026-12-08', `10:00〜 ${TITLE}`],
		['2026-12-22', `10:00〜 ${TITLE}`]
	]);
	expect(await gridDates(page, '2027-01', eventId)).toEqual([
		['2027-01-12', `10:00〜 ${TITLE} 中止`],
		['2027-01-26', `10:00〜 ${TITLE}`]
	]);
	expect(await gridDates(page, '2027-02', eventId)).toEqual([
		['2027-02-09', `10:00〜 ${TITLE}`],
		['2027-02-23', `10:00〜 ${TITLE}`]
	]);

	// 旭 only: the event is there, and every date listed is in 旭.
	await page.goto(`/events?area=${encodeURIComponent('旭')}&from=2026-12-01&to=2026-12-31`);
	await expect(page.locator(`section.list a[href="/events/${eventId}"]`).first()).toBeVisible();
	const places = await page.locator('section.list .where').allTextContents();
	expect(places.length).toBeGreaterThan(0);
	for (const place of places) expect(place).toContain('（旭地区）');
	const api = (await (await request.get(`/api/events?area=${encodeURIComponent('旭')}&from=2026-12-01&to=2027-02-28&per_page=100`)).json()) as {
		occurrences: Array<{ district: string | null }>;
	};
	expect(api.occurrences.length).toBeGreaterThan(0);
	expect(api.occurrences.every((occurrence) => occurrence.district === '旭')).toBe(true);

	// The listing shows 次回 with the event's first date.
	await page.goto(`/services/${salon.id}`);
	await expect(page.locator('ol.next-dates')).toContainText('12月8日（火） 10:00〜11:30');
	await expect(page.locator('ol.next-dates').getByRole('link', { name: TITLE }).first()).toHaveAttribute('href', `/events/${eventId}`);

	// The event page says which date is 中止.
	await page.goto(`/events/${eventId}`);
	await expect(page.getByText('毎月第2・第4火曜 10:00〜11:30')).toBeVisible();
	await expect(page.locator('ul.dates li').filter({ hasText: '2027年1月12日（火）' })).toContainText('中止');
});

test('an organisation editor’s change of a published event waits for a curator; residents see it only once approved', async ({ browser }) => {
	const salon = asahiSalon();
	const editor = { email: 'events-editor@e2e.example.jp', name: '旭のサロン 世話役' };
	createAccount(DATABASE_PATH, PASSWORD, editor, 'org_editor', [salon.organizationId]);
	const curator = await browser.newPage();
	await login(curator);
	await curator.goto(`/admin/events/new?service=${salon.id}`);
	await waitForHydration(curator);
	await curator.getByLabel('イベント名（必須）').fill('旭 もちつき会（E2E）');
	await curator.getByLabel('初回の日付（必須）').fill('2026-12-26');
	await curator.getByLabel('開始時刻（必須）').fill('10:00');
	await curator.getByRole('button', { name: '追加する' }).click();
	await expect(curator).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?created=1$/);
	const eventId = /\/admin\/events\/([0-9a-f-]{36})/.exec(curator.url())![1];

	const organiser = await browser.newPage();
	await login(organiser, editor);
	await organiser.goto(`/admin/events/${eventId}`);
	// Hydration resets the bound fields: a name filled before it would be saved unchanged.
	await waitForHydration(organiser);
	await organiser.getByLabel('イベント名（必須）').fill('旭 もちつき大会（E2E）');
	await organiser.getByRole('button', { name: '保存する' }).click();
	await expect(organiser.getByRole('status')).toHaveText('変更を申請しました。市・社協が確認して承認するまで、公開ページは今の内容のままです。');

	// Residents still see the published title.
	await organiser.goto(`/events/${eventId}`);
	await expect(organiser.getByRole('heading', { level: 1 })).toContainText('旭 もちつき会（E2E）');

	await curator.goto('/admin/reviews');
	await curator.getByRole('link', { name: '確認する（旭 もちつき会（E2E））' }).click();
	await expect(curator.getByTestId('event-request').getByTestId('diff-table')).toContainText('旭 もちつき大会（E2E）');
	await curator.getByRole('button', { name: '承認して公開ページに反映する' }).click();
	await expect(curator.getByRole('status')).toHaveText('申請を承認して公開ページに反映しました。');

	await organiser.goto(`/events/${eventId}`);
	await expect(organiser.getByRole('heading', { level: 1 })).toContainText('旭 もちつき大会（E2E）');
	await curator.close();
	await organiser.close();
});

async function expectNoAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
