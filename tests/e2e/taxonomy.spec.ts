/**
 * The taxonomy admin in real Chromium against the production build: a curator adds a term, gives
 * it to a listing, renames it, and residents see the new name in the search form and results
 * (the URL with the code keeps working); a curator adds a 困りごと concept and a resident's
 * sentence finds the listing; the forms work without JavaScript; an organisation editor can
 * neither open nor post to it. Every screen is checked with axe.
 */
import { test, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { axe } from './helpers/axe';
import { createAccount as createAccountWithCli } from '../helpers/accounts';
import { logIn } from './helpers/admin-login';

const DATABASE_PATH = 'test-results/e2e.db';
const PASSWORD = 'e2e taxonomy horse battery';
const CURATOR = { email: 'taxonomy-curator@e2e.example.jp', name: '分類 担当' };
const EDITOR = { email: 'taxonomy-editor@e2e.example.jp', name: '分類 団体編集' };
/** Unique per run so a retried test does not meet its own earlier term. */
const CODE = `food-bank-${Date.now() % 100000}`;

let listing: { id: string; name: string; organizationId: string };

test.describe.configure({ mode: 'serial' });

function createAccount(account: { email: string; name: string }, role: string, organizationIds: string[] = []): void {
	createAccountWithCli(DATABASE_PATH, PASSWORD, account, role, organizationIds);
}

test.beforeAll(() => {
	const db = new Database(DATABASE_PATH, { readonly: true });
	listing = db
		.prepare("SELECT id, name, organization_id AS organizationId FROM services WHERE status = 'published' AND field = '地域資源' ORDER BY name DESC LIMIT 1")
		.get() as typeof listing;
	db.close();
	createAccount(CURATOR, 'curator');
	createAccount(EDITOR, 'org_editor', [listing.organizationId]);
});

const login = (page: Page, account: { email: string }) => logIn(page, account, PASSWORD);

async function expectAccessible(page: Page, label: string): Promise<void> {
	const results = await axe(page).exclude('.maplibregl-canvas').analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), label).toEqual([]);
}

test('a curator adds a term, gives it to a listing and renames it; residents see the new name', async ({ page, request }) => {
	await login(page, CURATOR);
	await page.getByRole('link', { name: '分類・困りごと' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '分類（種類）' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectAccessible(page, 'term list');

	const addForm = page.locator('section', { has: page.getByRole('heading', { name: '分類を追加' }) });
	await addForm.getByLabel(/^分野/).selectOption('地域資源');
	await addForm.getByLabel(/^名前/).fill('フードバンク');
	await addForm.getByLabel('よみがな').fill('フードバンク');
	await addForm.getByLabel(/^コード/).fill('サロン');
	await addForm.getByRole('button', { name: '分類を追加する' }).click();
	// Refused in Japanese, nothing typed is lost.
	await expect(addForm.getByText('コードは半角の英小文字・数字・ハイフン')).toBeVisible();
	await expect(addForm.getByLabel(/^名前/)).toHaveValue('フードバンク');
	await expectAccessible(page, 'term form with an error');
	await addForm.getByLabel(/^コード/).fill(CODE);
	await addForm.getByRole('button', { name: '分類を追加する' }).click();
	await expect(page.getByRole('status')).toContainText('分類「フードバンク」を追加しました');
	await expect(page.locator(`#term-${CODE}`)).toContainText('ふーどばんく');

	// The listing editor offers the new term at once.
	await page.goto(`/admin/listings/${listing.id}`, { waitUntil: 'networkidle' });
	await page.getByRole('checkbox', { name: 'フードバンク' }).check();
	await page.getByRole('button', { name: '保存する' }).last().click();
	await expect
		.poll(async () => ((await (await request.get(`/api/search?term=${CODE}`)).json()) as { total: number }).total)
		.toBe(1);

	await page.goto('/search?field=地域資源', { waitUntil: 'networkidle' });
	await expect(page.getByLabel('種類').locator(`option[value="${CODE}"]`)).toHaveText('フードバンク');
	await page.goto(`/search?term=${CODE}`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('フードバンク');
	await expect(page.locator('.listing-card').first()).toContainText(listing.name);
	await expect(page.locator('.listing-card').first()).toContainText('フードバンク');

	// Rename: the code (and so the URL) stays, the name changes everywhere.
	await page.goto(`/admin/taxonomy/terms/${CODE}`, { waitUntil: 'networkidle' });
	await expectAccessible(page, 'term edit');
	await page.getByRole('textbox', { name: /^名前/ }).fill('フードバンク・食料支援');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status')).toContainText('掲載情報1件を検索し直し');
	await expect(page.getByTestId('audit-history')).toContainText('フードバンク・食料支援');

	await page.goto(`/search?term=${CODE}`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('フードバンク・食料支援');
	await expect(page.locator('.listing-card').first()).toContainText('フードバンク・食料支援');
	const api = await request.get(`/api/search?term=${CODE}`);
	expect(api.ok()).toBeTruthy();
	const body = (await api.json()) as { hits: Array<{ id: string; term_names: string[] }> };
	expect(body.hits.map((hit) => hit.id)).toEqual([listing.id]);
	expect(body.hits[0].term_names).toContain('フードバンク・食料支援');

	const unknown = await request.get('/api/search?term=no-such-term');
	expect(unknown.status()).toBe(400);
	expect(JSON.stringify(await unknown.json())).toContain('見つかりません');
});

test('a curator adds a 困りごと concept and a resident’s sentence finds the listing', async ({ page, request }) => {
	await login(page, CURATOR);
	await page.goto('/admin/taxonomy/concepts', { waitUntil: 'networkidle' });
	await expectAccessible(page, 'concept list');
	await page.getByRole('link', { name: '概念を追加' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '困りごとの概念を追加' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectAccessible(page, 'concept form');
	await page.getByLabel(/^概念の名前/).fill('食料の支援');
	await page.getByLabel('分野').selectOption('地域資源');
	await page.getByLabel(/^住民が使うことば/).fill('食べ物が足りない\n食料がない');
	await page.getByLabel(/^探す先/).fill(`term:${CODE}`);
	await page.getByRole('button', { name: '概念を追加する' }).click();
	await expect(page.getByRole('status')).toContainText('概念を追加しました');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('食料の支援');

	const response = await request.get(`/api/search?q=${encodeURIComponent('家に食べ物が足りないです')}`);
	const body = (await response.json()) as { hits: Array<{ id: string }> };
	expect(body.hits[0]?.id).toBe(listing.id);
});

test('the taxonomy forms work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await login(page, CURATOR);
	await page.goto(`/admin/taxonomy/terms/${CODE}`);
	await page.getByRole('textbox', { name: /^名前/ }).fill('フードバンク（食料支援）');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status')).toContainText('保存しました');
	await page.goto(`/search?term=${CODE}`);
	await expect(page.locator('.listing-card').first()).toContainText('フードバンク（食料支援）');
	await context.close();
});

test('an organisation editor can neither open nor change the taxonomy', async ({ page, baseURL }) => {
	await login(page, EDITOR);
	await expect(page.getByRole('link', { name: '分類・困りごと' })).toHaveCount(0);
	for (const pathname of ['/admin/taxonomy', `/admin/taxonomy/terms/${CODE}`, '/admin/taxonomy/concepts', '/admin/taxonomy/concepts/new']) {
		const response = await page.goto(pathname);
		expect(response?.status(), pathname).toBe(403);
	}
	// A hand-made post is refused on the server too.
	const post = await page.request.post(`/admin/taxonomy/terms/${CODE}?/save`, {
		headers: { origin: baseURL! },
		form: { name: '団体が変えた名前', kana: '' }
	});
	expect(post.status()).toBe(403);
	const added = await page.request.post('/admin/taxonomy?/addTerm', {
		headers: { origin: baseURL! },
		form: { code: 'editor-term', name: '団体の分類', kana: '', field: '医療' }
	});
	expect(added.status()).toBe(403);
	const search = await page.request.get(`/api/search?term=${CODE}`);
	expect(((await search.json()) as { hits: Array<{ term_names: string[] }> }).hits[0].term_names).toContain('フードバンク（食料支援）');
	expect((await page.request.get('/api/search?term=editor-term')).status()).toBe(400);
});
