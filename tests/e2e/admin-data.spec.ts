/**
 * The curators' data page in real Chromium: a Shift_JIS CSV with a bad third row is explained
 * row by row and nothing is imported; an unknown header is mapped; a good file imports with a
 * progress bar and its listing is found in public search; the exports download.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';
import iconv from 'iconv-lite';
import { createAccount } from '../helpers/accounts';
import { logIn } from './helpers/admin-login';

const DATABASE_PATH = 'test-results/e2e.db';
const PASSWORD = 'e2e data correct horse';
const CURATOR = { email: 'data-curator@e2e.example.jp', name: 'データ担当' };
const HEADER = '名称,よみがな,分野,種類,対象,住所,電話番号,開所時間,最終確認日';

test.beforeAll(() => createAccount(DATABASE_PATH, PASSWORD, CURATOR, 'curator'));

const login = (page: Page) => logIn(page, CURATOR, PASSWORD);

function sjis(rows: string[], header = HEADER): { name: string; mimeType: string; buffer: Buffer } {
	return { name: 'listings.csv', mimeType: 'text/csv', buffer: iconv.encode(([header, ...rows].join('\r\n') + '\r\n').replace(/〜/g, '～'), 'CP932') };
}

test('a curator previews, maps headers, imports a Shift_JIS CSV with a progress bar, and exports', async ({ page, request }) => {
	// A whole import and three exports of the 3k sample: on a busy 2-core machine this takes over a minute.
	test.slow();
	await login(page);
	await page.goto('/admin/data', { waitUntil: 'networkidle' });
	const scan = await axe(page).analyze();
	expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

	// A bad third row: nothing imported, the row and its field explained in Japanese.
	await page.getByLabel('ファイル').setInputFiles(
		sjis([
			'えがおサロン本町,えがおさろんほんまち,地域資源,サロン・通いの場,高齢者,本町5丁目1番45号,088-823-9451,月〜金 10:00〜12:00,令和6年4月1日',
			'えがおサロン旭,,地域資源,サロン・通いの場,高齢者,旭町2丁目,0888,,R6.4.1'
		])
	);
	await page.getByRole('button', { name: '内容を確かめる' }).click();
	const problems = page.getByRole('table', { name: /直すところ/ });
	await expect(problems).toContainText('3 行目');
	await expect(problems).toContainText('電話番号は');
	await expect(page.getByRole('button', { name: '読み込む' })).toHaveCount(0);

	// An unknown header: choose what it is, then import.
	await page.getByLabel('ファイル').setInputFiles(
		sjis(['えがおサロン本町,えがおさろんほんまち,地域資源,サロン・通いの場,高齢者,本町5丁目1番45号,088-823-9451,月〜金 10:00〜12:00,令和6年4月1日,ひとこと'], `${HEADER},メモ欄`)
	);
	await page.getByRole('button', { name: '内容を確かめる' }).click();
	await page.getByLabel('「メモ欄」').selectOption('ignore');
	await page.getByRole('button', { name: 'この対応で確かめる' }).click();
	await expect(page.getByText('試行（保存していません）: 新規 1 件、更新 0 件、住所から座標を求める 1 件')).toBeVisible();
	await page.getByRole('button', { name: '読み込む' }).click();
	await expect(page).toHaveURL(/\/admin\/data\/jobs\//);
	await expect(page.getByRole('status')).toContainText('読み込みが終わりました。', { timeout: 30_000 });
	await expect(page.getByRole('progressbar')).toHaveAttribute('value', '1');
	await expect(page.getByText('読み込みました: 新規 1 件、更新 0 件、住所から座標 1 件')).toBeVisible();

	const found = await (await request.get('/api/search?q=' + encodeURIComponent('えがおサロン本町'))).json();
	expect(found.hits.map((hit: { name: string }) => hit.name)).toContain('えがおサロン本町');

	const csv = await page.request.get('/admin/data/export/csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const body = await csv.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(body.toString('utf8')).toContain('えがおサロン本町');
	const geojson = await (await page.request.get('/admin/data/export/geojson')).json();
	expect(geojson.type).toBe('FeatureCollection');
	// Not for the public.
	expect((await request.get('/admin/data/export/hsds', { maxRedirects: 0 })).status()).not.toBe(200);
});

test('a curator previews a CSV larger than the 512 KB body limit of the public forms', async ({ page, request, baseURL }) => {
	test.slow();
	await login(page);
	const rows = Array.from({ length: 4000 }, (_, i) => `ひまわりサロン${i + 1}号,ひまわりさろん,地域資源,サロン・通いの場,高齢者,本町5丁目1番45号,088-823-9451,月〜金 10:00〜12:00,令和6年4月1日`);
	const file = sjis(rows);
	expect(file.buffer.length).toBeGreaterThan(512 * 1024);
	await page.goto('/admin/data', { waitUntil: 'networkidle' });
	await page.getByLabel('ファイル').setInputFiles(file);
	await page.getByRole('button', { name: '内容を確かめる' }).click();
	await expect(page.getByText(/試行（保存していません）: 新規 4000 件、更新 0 件/)).toBeVisible({ timeout: 60_000 });

	// Everywhere else the small limit holds, with a message a person can read.
	const tooLarge = await request.post('/services/x/suggest', {
		headers: { origin: baseURL!, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'message=' + 'a'.repeat(600 * 1024)
	});
	expect(tooLarge.status()).toBe(413);
	expect(await tooLarge.text()).toContain('送信された内容が大きすぎます（512KBまで）');
});

test('the whole CSV export, uploaded back as it is, previews with nothing to fix', async ({ page }) => {
	test.slow();
	await login(page);
	const exported = await page.request.get('/admin/data/export/csv');
	expect(exported.ok()).toBe(true);
	const buffer = await exported.body();
	const rows = buffer.toString('utf8').split('\r\n').filter(Boolean).length - 1;
	expect(rows).toBeGreaterThan(2900);
	await page.goto('/admin/data', { waitUntil: 'networkidle' });
	await page.getByLabel('ファイル').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer });
	await page.getByRole('button', { name: '内容を確かめる' }).click();
	// Every row is a listing of this site: all updates, none to fix.
	await expect(page.getByText(`試行（保存していません）: 新規 0 件、更新 ${rows} 件`)).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('table', { name: /直すところ/ })).toHaveCount(0);
});
