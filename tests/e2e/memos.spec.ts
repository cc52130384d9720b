/**
 * 相談記録メモ and the district report in the browser: a desk's staff records a memo (with and
 * without JavaScript), a note with a phone number is refused in Japanese, another desk gets 403 on
 * the memo, an org_editor gets 403 on the report, a curator reads the report with charts and CSV.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createAccount as createAccountWithCli } from '../helpers/accounts';
import { axe } from './helpers/axe';
import { logIn } from './helpers/admin-login';

const DATABASE_PATH = 'test-results/e2e.db';
const PASSWORD = 'e2e memo horse battery';
const DESK_A = { email: 'desk-a@e2e.example.jp', name: '旭 ほおっちょけん薬局' };
const DESK_B = { email: 'desk-b@e2e.example.jp', name: '三里 ほおっちょけん薬局' };
const EDITOR = { email: 'memo-editor@e2e.example.jp', name: '団体の編集者' };
const CURATOR = { email: 'memo-curator@e2e.example.jp', name: '市 担当' };

function createAccount(account: { email: string; name: string }, role: string, organizationIds: string[] = []): void {
	createAccountWithCli(DATABASE_PATH, PASSWORD, account, role, organizationIds);
}

async function expectNoSeriousAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
	expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function loginAs(browser: Browser, account: { email: string }, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await logIn(page, account, PASSWORD);
	return page;
}

async function fillMemo(page: Page, note: string): Promise<void> {
	await page.getByLabel(/^地区/).selectOption({ label: '旭' });
	await page.getByRole('group', { name: /相談の方法/ }).getByLabel('電話').check();
	await page.getByLabel('家事・ちょっとした困りごと').check();
	await page.getByRole('group', { name: /年代/ }).getByLabel('75歳以上').check();
	await page.getByRole('group', { name: /世帯の状況/ }).getByLabel('一人暮らし').check();
	await page.getByRole('group', { name: /結果/ }).getByLabel('つないだ').check();
	await page.getByLabel(/ひとことメモ/).fill(note);
}

test.beforeAll(() => {
	const db = new Database(DATABASE_PATH, { readonly: true });
	const desks = db
		.prepare(
			`SELECT s.organization_id AS org FROM services s JOIN desk_certifications d ON d.service_id = s.id
			WHERE (SELECT count(*) FROM services s2 JOIN desk_certifications d2 ON d2.service_id = s2.id WHERE s2.organization_id = s.organization_id) = 1
			ORDER BY s.id LIMIT 2`
		)
		.all() as Array<{ org: string }>;
	db.close();
	createAccount(DESK_A, 'desk', [desks[0].org]);
	createAccount(DESK_B, 'desk', [desks[1].org]);
	createAccount(EDITOR, 'org_editor', [desks[0].org]);
	createAccount(CURATOR, 'curator');
});

test('a desk records a memo, a note with a phone number is refused, and another desk gets 403 on it', async ({ browser }) => {
	const page = await loginAs(browser, DESK_A);
	await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '相談記録メモ' }).click();
	await page.getByRole('link', { name: '相談記録メモを書く' }).click();
	await expect(page.getByText('名前・住所・電話番号など、相談した人がわかることは記録しません。')).toBeVisible();
	await expectNoSeriousAxeViolations(page);

	// A referral picked by search (the form keeps what was chosen).
	await page.getByLabel('つなぎ先を探す').fill('シルバー人材センター');
	await page.getByRole('button', { name: 'つなぎ先を検索' }).click();
	await page.getByRole('checkbox', { name: /シルバー人材センター/ }).first().check();

	await fillMemo(page, '090-1234-5678 に折り返す');
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.getByText(/電話番号のような数字が含まれています。個人がわかる情報（名前・住所・電話番号・メール）は書かないでください。/)).toBeVisible();
	// Nothing typed is lost.
	await expect(page.getByLabel('家事・ちょっとした困りごと')).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /シルバー人材センター/ }).first()).toBeChecked();

	await page.getByLabel(/ひとことメモ/).fill('後日、社協から連絡');
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.getByRole('status').filter({ hasText: '相談記録メモを記録しました。' })).toBeVisible();
	await page.getByRole('link', { name: /開く/ }).first().click();
	await expect(page.getByLabel(/ひとことメモ/)).toHaveValue('後日、社協から連絡');
	const memoUrl = page.url();

	const other = await loginAs(browser, DESK_B);
	const response = await other.goto(memoUrl);
	expect(response?.status()).toBe(403);
	await expect(other.getByText('ほかの窓口の相談記録メモは見られません。')).toBeVisible();
	const post = await other.request.post(`${memoUrl}?/save`, { form: { note: 'x' }, headers: { origin: new URL(memoUrl).origin } });
	expect(post.status()).toBe(403);
});

test('without JavaScript a desk can still record a memo', async ({ browser }) => {
	const page = await loginAs(browser, DESK_A, false);
	await page.goto('/admin/memos/new');
	await fillMemo(page, '');
	await page.getByRole('button', { name: '記録する' }).click();
	await expect(page.getByText('相談記録メモを記録しました。')).toBeVisible();
});

test('the district report is for curators: an org_editor gets 403; a curator sees counts, charts and a safe CSV', async ({ browser }) => {
	const editor = await loginAs(browser, EDITOR);
	expect((await editor.goto('/admin/reports'))?.status()).toBe(403);
	expect((await editor.request.get('/admin/reports/csv')).status()).toBe(403);

	const curator = await loginAs(browser, CURATOR);
	await curator.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '地区別レポート' }).click();
	await expect(curator.getByRole('heading', { level: 1 })).toHaveText('相談記録メモ 地区別レポート');
	await expect(curator.locator('[data-chart-state="ready"]')).toHaveCount(2);
	await expect(curator.getByTestId('by-category')).toContainText('家事・ちょっとした困りごと');
	const total = Number(await curator.getByTestId('report-total').textContent());
	expect(total).toBeGreaterThan(300);
	await expectNoSeriousAxeViolations(curator);
	const csvHref = (await curator.getByRole('link', { name: /CSVをダウンロード/ }).getAttribute('href'))!;

	// One month of one 地区: small counts are masked.
	await curator.getByLabel('開始月').fill('2026-10');
	await curator.getByLabel('終了月').fill('2026-10');
	await curator.getByLabel('地区', { exact: true }).selectOption({ label: '一宮' });
	await curator.getByRole('button', { name: '表示する' }).click();
	await expect(curator).toHaveURL(/from=2026-10/);
	await expect(curator.getByTestId('area-category')).toContainText('3未満');

	const csv = await curator.request.get(csvHref);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.text();
	expect(body.charCodeAt(0)).toBe(0xfeff);
	expect(body).toContain('\r\n');
	expect(body).toContain(`合計,${total}`);
});
