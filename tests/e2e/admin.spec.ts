/**
 * The admin area in real Chromium against the production build and a fresh sample database
 * (test-results/e2e.db, which the server reads too). Accounts are created with the CLI
 * (scripts/admin-create.ts) before anyone logs in: there is no default account or password.
 */
import { test, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createAccount as createAccountWithCli } from '../helpers/accounts';
import { axe } from './helpers/axe';
import { logIn } from './helpers/admin-login';

const DATABASE_PATH = 'test-results/e2e.db';
const PASSWORD = 'e2e correct horse battery';
const EVIL_ORIGIN = 'http://evil.example';
const SCHEDULE = '毎月第2・第4火曜 10:00〜11:30';

const CURATOR = { email: 'curator@e2e.example.jp', name: '高知市 地域共生社会推進室' };
const EDITOR = { email: 'editor@e2e.example.jp', name: 'サロン世話人' };
const THROTTLED = { email: 'throttled@e2e.example.jp', name: '試行回数テスト' };

interface Fixture {
	/** A published listing of the editor's organisation, and one of another organisation. */
	ownListing: { id: string; name: string; organizationId: string };
	otherListing: { id: string; name: string };
}

interface ApiSearch {
	total: number;
	hits: Array<{ id: string; name: string }>;
}

function createAccount(account: { email: string; name: string }, role: string, organizationIds: string[] = []): void {
	createAccountWithCli(DATABASE_PATH, PASSWORD, account, role, organizationIds);
}

let fixture: Fixture;

test.beforeAll(() => {
	const db = new Database(DATABASE_PATH, { readonly: true });
	const listings = db
		.prepare(
			`SELECT s.id, s.name, s.organization_id AS organizationId FROM services s
			WHERE s.status = 'published' AND s.field = '地域資源'
			AND (SELECT count(*) FROM services o WHERE o.organization_id = s.organization_id) = 1
			ORDER BY s.name LIMIT 2`
		)
		.all() as Array<{ id: string; name: string; organizationId: string }>;
	db.close();
	expect(listings).toHaveLength(2);
	fixture = { ownListing: listings[0], otherListing: listings[1] };
	createAccount(CURATOR, 'curator');
	createAccount(EDITOR, 'org_editor', [fixture.ownListing.organizationId]);
	createAccount(THROTTLED, 'curator');
});

/** Waits until the page has hydrated (forms are enhanced, the map has loaded its code). */
async function open(page: Page, pathname: string) {
	return page.goto(pathname, { waitUntil: 'networkidle' });
}

const login = (page: Page, account: { email: string }) => logIn(page, account, PASSWORD);

async function newSession(browser: Browser, account: { email: string }): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, account);
	return page;
}

async function apiSearch(request: APIRequestContext, q: string): Promise<ApiSearch> {
	const response = await request.get(`/api/search?q=${encodeURIComponent(q)}&per_page=5`);
	expect(response.ok()).toBeTruthy();
	return (await response.json()) as ApiSearch;
}

async function publicName(request: APIRequestContext, id: string): Promise<string> {
	return ((await (await request.get(`/api/services/${id}`)).json()) as { name: string }).name;
}

/** Fills the listing editor's required fields and a 毎月第2・第4火曜 10:00〜11:30 session. */
async function fillSalon(page: Page, name: string): Promise<void> {
	await page.getByLabel('団体', { exact: false }).first().selectOption({ index: 1 });
	await page.getByLabel(/^名称/).fill(name);
	await page.getByLabel('よみがな').fill('イーツーイー サロン');
	await page.getByLabel(/^分野/).selectOption('地域資源');
	await page.getByRole('checkbox', { name: 'サロン・通いの場' }).check();
	await page.getByRole('checkbox', { name: '高齢者', exact: true }).check();
	await page.getByLabel('町名・番地').fill('旭町２丁目１２ー３');
	const session = page.getByTestId('session-row').first();
	await session.getByLabel('繰り返し').selectOption('monthly-nth');
	await session.getByRole('checkbox', { name: '第2' }).check();
	await session.getByRole('checkbox', { name: '第4' }).check();
	await session.getByRole('checkbox', { name: '火曜' }).check();
	await session.getByLabel('開始時刻').fill('10:00');
	await session.getByLabel('終了時刻').fill('11:30');
	await expect(session.getByText(`表示：${SCHEDULE}`)).toBeVisible();
}

test.describe('curators', () => {
	test('a curator creates a サロン, publishes it, and finds it in public search once published', async ({ page, context, request }) => {
		await login(page, CURATOR);
		const cookie = (await context.cookies()).find((c) => c.name === 'tsunagi_session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

		await open(page, '/admin/listings/new');
		const name = `ひまわり茶話会 ${Date.now() % 100000}`;
		await fillSalon(page, name);

		// The pin can be dragged on a background-only map (no tiles here): the coordinates follow.
		const map = page.getByTestId('location-map');
		await expect(map).toHaveAttribute('data-map-state', 'ready');
		await page.getByLabel('緯度').fill('33.5622');
		await page.getByLabel('経度').fill('133.5129');
		const pin = page.locator('.maplibregl-marker');
		await pin.scrollIntoViewIfNeeded();
		const box = (await pin.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 8 });
		await page.mouse.up();
		await expect(page.getByLabel('緯度')).not.toHaveValue('33.5622');
		const lat = Number(await page.getByLabel('緯度').inputValue());
		expect(lat).toBeLessThan(33.5622);
		expect(lat).toBeGreaterThan(33.5);

		await page.getByRole('button', { name: '保存する' }).first().click();
		// The first save in a fresh server loads kuromoji for the readings: wait for the page, not a clock.
		await expect(page).toHaveURL(/\/admin\/listings\/[0-9a-f-]{36}\?created=1$/, { timeout: 60_000 });
		const id = /listings\/([0-9a-f-]{36})/.exec(page.url())![1];
		await expect(page.getByTestId('listing-status')).toHaveText('下書き');
		expect((await apiSearch(request, name)).hits.map((hit) => hit.id)).not.toContain(id);

		await page.getByRole('button', { name: '公開する' }).click();
		await expect(page.getByTestId('listing-status')).toHaveText('公開中');
		// The embedded index follows the commit itself; no clock is involved.
		await expect.poll(async () => (await apiSearch(request, name)).hits.map((hit) => hit.id), { intervals: [100, 200] }).toContain(id);

		const listing = (await (await request.get(`/api/services/${id}`)).json()) as { sessions: Array<{ description: string }>; locations: Array<{ addressLine: string }> };
		expect(listing.sessions.map((s) => s.description)).toEqual([SCHEDULE]);
		expect(listing.locations[0].addressLine).toBe('旭町2丁目12-3');

		// Every change is in the audit log, visible on the listing.
		const history = page.getByTestId('audit-history');
		await expect(history).toContainText('公開');
		await expect(history).toContainText('作成');
		await expect(history).toContainText(CURATOR.name);
	});

	test('the dashboard rows stay compact and the organisations list shows 掲載数', async ({ page }) => {
		await login(page, CURATOR);
		const fieldRows = page.getByRole('table', { name: '分野別' }).locator('tbody tr');
		expect(await fieldRows.count()).toBeGreaterThan(0);
		for (const box of await fieldRows.evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))) expect(box).toBeLessThan(60);
		await open(page, '/admin/organizations');
		const counts = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
		expect(counts.length).toBeGreaterThan(0);
		expect(counts.map(Number).some((count) => count > 0)).toBe(true);
		const db = new Database(DATABASE_PATH, { readonly: true });
		const busiest = db.prepare('SELECT o.name, count(*) AS n FROM services s JOIN organizations o ON o.id = s.organization_id GROUP BY o.id ORDER BY n DESC LIMIT 1').get() as { name: string; n: number };
		db.close();
		await open(page, `/admin/organizations?q=${encodeURIComponent(busiest.name)}`);
		const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: busiest.name, exact: true }) });
		await expect(row.locator('td').nth(2)).toHaveText(String(busiest.n));
	});

	test('bad input gets Japanese messages next to the fields, and nothing typed is lost', async ({ page }) => {
		await login(page, CURATOR);
		await open(page, '/admin/listings/new');
		await page.getByLabel('内容').fill('毎週集まっています。');
		await page.getByLabel('ウェブサイト（URL）').fill('javascript:alert(1)');
		await page.getByLabel('郵便番号').fill('〒７８０ー０８７');
		await page.getByRole('button', { name: '保存する' }).first().click();
		await expect(page.getByRole('alert')).toContainText('入力内容を確認してください');
		const url = page.getByLabel('ウェブサイト（URL）');
		await expect(url).toHaveAttribute('aria-invalid', 'true');
		const describedBy = (await url.getAttribute('aria-describedby'))!;
		await expect(page.locator(`[id="${describedBy}"]`)).toContainText('http:// または https://');
		await expect(page.locator('#f-name-error')).toHaveText('名称を入力してください。');
		await expect(page.locator('#f-location-postalCode-error')).toContainText('7桁');
		await expect(page.getByLabel('内容')).toHaveValue('毎週集まっています。');
		await expect(url).toHaveValue('javascript:alert(1)');
	});

	test('forms work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await login(page, CURATOR);
		await open(page, '/admin/listings/new');
		await page.getByLabel('内容').fill('JavaScript なしで入力');
		await page.getByRole('button', { name: '保存する' }).first().click();
		await expect(page.locator('#f-name-error')).toHaveText('名称を入力してください。');
		await expect(page.getByLabel('内容')).toHaveValue('JavaScript なしで入力');
		// The 郵便番号 helper is a plain submit button too.
		await page.getByLabel('郵便番号').fill('7800870');
		await page.getByRole('button', { name: '郵便番号から住所を入れる' }).click();
		await expect(page.getByLabel('町名・番地')).toHaveValue('本町');
		await context.close();
	});
});

test.describe('organisation editors', () => {
	test('an edit waits in review and appears publicly only after a curator approves it', async ({ browser, request }) => {
		const editor = await newSession(browser, EDITOR);
		const { id, name: oldName } = fixture.ownListing;
		const newName = `${oldName}（改称 ${Date.now() % 10000}）`;
		await open(editor, `/admin/listings/${id}`);
		await editor.getByLabel(/^名称/).fill(newName);
		await editor.getByRole('button', { name: '修正を申請する' }).first().click();
		await expect(editor.getByRole('status').filter({ hasText: '修正を申請しました' })).toBeVisible();

		expect(await publicName(request, id)).toBe(oldName);
		const searchedBeforeApproval = (await apiSearch(request, newName)).hits.find((hit) => hit.id === id);
		expect(searchedBeforeApproval?.name ?? oldName).toBe(oldName);

		const curator = await newSession(browser, CURATOR);
		await open(curator, '/admin/reviews');
		await curator.getByRole('link', { name: `確認する（${oldName}）` }).first().click();
		const diff = curator.getByTestId('diff-table').first();
		await expect(diff.getByRole('row', { name: /名称/ })).toContainText(oldName);
		await expect(diff.getByRole('row', { name: /名称/ })).toContainText(newName);
		expect(await publicName(request, id)).toBe(oldName);

		await curator.getByRole('button', { name: 'この内容で承認して反映する' }).first().click();
		await expect(curator).toHaveURL(new RegExp(`/admin/listings/${id}$`));
		expect(await publicName(request, id)).toBe(newName);
		await expect
			.poll(async () => (await apiSearch(request, newName)).hits.find((hit) => hit.id === id)?.name, { timeout: 2000 })
			.toBe(newName);
		await expect(curator.getByTestId('audit-history')).toContainText('申請を承認して反映');
		await editor.context().close();
		await curator.context().close();
	});

	test('cannot read or change another organisation’s listing, in the UI or by posting directly (403)', async ({ browser }) => {
		const editor = await newSession(browser, EDITOR);
		const other = fixture.otherListing.id;
		const page = await editor.goto(`/admin/listings/${other}`);
		expect(page?.status()).toBe(403);
		// The page says what happened (no permission), not "try again later".
		await expect(editor.getByRole('heading', { level: 1 })).toHaveText('この操作を行う権限がありません');
		await expect(editor.locator('body')).not.toContainText('しばらくしてから');

		const origin = new URL(editor.url()).origin;
		const direct = await editor.request.post(`/admin/listings/${other}?/save`, {
			headers: { origin },
			form: { organizationId: fixture.ownListing.organizationId, name: '乗っ取り', field: '地域資源' },
			maxRedirects: 0
		});
		expect(direct.status()).toBe(403);
		const enhanced = await editor.request.post(`/admin/listings/${other}?/save`, {
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			form: { organizationId: fixture.ownListing.organizationId, name: '乗っ取り', field: '地域資源' }
		});
		expect(enhanced.status()).toBe(403);
		const publish = await editor.request.post(`/admin/listings/${fixture.ownListing.id}?/unpublish`, { headers: { origin }, form: {}, maxRedirects: 0 });
		expect(publish.status()).toBe(403);
		expect((await editor.request.get('/admin/reviews/anything', { maxRedirects: 0 })).status()).toBe(403);
		await editor.context().close();
	});
});

test.describe('security', () => {
	test('admin pages without a session go to the login page; posts and the API answer 401', async ({ request, baseURL }) => {
		for (const pathname of ['/admin', '/admin/listings', `/admin/listings/${fixture.ownListing.id}`, '/admin/reviews', '/admin/users']) {
			const response = await request.get(pathname, { maxRedirects: 0 });
			expect(response.status(), pathname).toBe(303);
			expect(response.headers().location).toBe(`/admin/login?next=${encodeURIComponent(pathname)}`);
		}
		const headers = { origin: baseURL! };
		expect((await request.post('/admin/listings/new?/save', { headers, form: { name: 'x' }, maxRedirects: 0 })).status()).toBe(401);
		expect((await request.post(`/admin/listings/${fixture.ownListing.id}?/publish`, { headers, form: {}, maxRedirects: 0 })).status()).toBe(401);
		expect((await request.post('/admin/logout', { headers, form: {}, maxRedirects: 0 })).status()).toBe(401);
		expect((await request.get('/admin/api/postal-code/7800870')).status()).toBe(401);
	});

	test('?next= with non-ASCII, CR/LF or NUL never answers 500 nor leaves the admin area', async ({ browser, baseURL }) => {
		const curator = await newSession(browser, CURATOR);
		for (const next of ['/admin/listings?q=薬局', '/admin/listings\r\nSet-Cookie: x=1', '/admin\u0000', '/admin/../..//evil.example']) {
			const signedIn = await curator.request.get(`/admin/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
			expect(signedIn.status(), next).toBe(303);
			expect(new URL(signedIn.headers().location, baseURL).origin).toBe(new URL(baseURL!).origin);
		}
		await curator.context().close();
		// Signing in with a non-ASCII next lands on that page.
		const page = await (await browser.newContext()).newPage();
		await open(page, `/admin/login?next=${encodeURIComponent('/admin/listings?q=薬局')}`);
		await page.getByLabel('メールアドレス').fill(CURATOR.email);
		await page.getByLabel('パスワード').fill(PASSWORD);
		await page.getByRole('button', { name: 'ログイン' }).click();
		await expect(page).toHaveURL(/\/admin\/listings\?q=(%E8%96%AC%E5%B1%80|薬局)$/);
		await page.context().close();
	});

	test('a cross-origin form post is refused (403)', async ({ browser, baseURL }) => {
		const curator = await newSession(browser, CURATOR);
		const login = await curator.request.post('/admin/login', {
			headers: { origin: EVIL_ORIGIN },
			form: { email: CURATOR.email, password: PASSWORD },
			maxRedirects: 0
		});
		expect(login.status()).toBe(403);
		const publish = await curator.request.post(`/admin/listings/${fixture.ownListing.id}?/archive`, {
			headers: { origin: EVIL_ORIGIN },
			form: {},
			maxRedirects: 0
		});
		expect(publish.status()).toBe(403);
		const suggestion = await curator.request.post(`/services/${fixture.ownListing.id}/suggest`, {
			headers: { origin: EVIL_ORIGIN },
			form: { topic: 'その他', message: 'x' }
		});
		expect(suggestion.status()).toBe(403);
		// The same post from the site's own origin is accepted.
		const sameOrigin = await curator.request.post(`/admin/listings/${fixture.ownListing.id}?/verify`, {
			headers: { origin: baseURL!, accept: 'application/json', 'x-sveltekit-action': 'true' },
			form: {}
		});
		expect(sameOrigin.status()).toBe(200);
		await curator.context().close();
	});

	test('<script> and javascript: URLs in text fields stay inert on public and admin pages', async ({ page, request }) => {
		const dialogs: string[] = [];
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.message());
			await dialog.dismiss();
		});
		await login(page, CURATOR);
		await open(page, '/admin/listings/new');
		const name = `<script>window.__xss = 1</script>XSS確認 ${Date.now() % 100000}`;
		await fillSalon(page, name);
		await page.getByLabel('内容').fill('<img src=x onerror="window.__xss = 2"><a href="javascript:window.__xss=3">リンク</a>');
		await page.getByLabel('費用').fill('<svg onload="window.__xss = 4">');
		await page.getByLabel('ウェブサイト（URL）').fill('javascript:window.__xss=5');
		const contact = page.getByTestId('contact-row').first();
		await contact.getByLabel('種類').selectOption('url');
		await contact.getByLabel('番号・アドレス').fill('JAVASCRIPT:window.__xss=6');
		await page.getByRole('button', { name: '保存する' }).first().click();
		// URLs are validated to http/https on write.
		await expect(page.locator('#f-url-error')).toContainText('https://');
		await expect(page.locator('#f-contacts-0-value-error')).toContainText('https://');
		await page.getByLabel('ウェブサイト（URL）').fill('https://example.jp/');
		await contact.getByLabel('番号・アドレス').fill('https://example.jp/salon');
		await page.getByRole('button', { name: '保存する' }).first().click();
		await expect(page).toHaveURL(/created=1/);
		const id = /listings\/([0-9a-f-]{36})/.exec(page.url())![1];
		await page.getByRole('button', { name: '公開する' }).click();
		await expect(page.getByTestId('listing-status')).toHaveText('公開中');

		for (const pathname of [`/admin/listings/${id}`, `/services/${id}`, `/services/${id}/suggest`, `/search?q=${encodeURIComponent('XSS確認')}`]) {
			await page.goto(pathname);
			await page.waitForLoadState('networkidle');
			expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), pathname).toBeUndefined();
			expect(await page.locator('a[href^="javascript:" i]').count(), pathname).toBe(0);
		}
		await page.goto(`/admin/listings/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		expect(dialogs).toEqual([]);
		expect(await publicName(request, id)).toBe(name);
	});

	test('the 11th wrong password within a minute is throttled', async ({ page, baseURL }) => {
		for (let i = 1; i <= 10; i++) {
			const response = await page.request.post('/admin/login', {
				// As a browser without JavaScript posts it (real HTTP statuses, not an action's JSON).
				headers: { origin: baseURL!, accept: 'text/html' },
				form: { email: THROTTLED.email, password: `wrong password ${i}` },
				maxRedirects: 0
			});
			expect(response.status(), `attempt ${i}`).toBe(400);
		}
		// The 11th is refused even with the right password, and says so in Japanese.
		await open(page, '/admin/login');
		await page.getByLabel('メールアドレス').fill(THROTTLED.email);
		await page.getByLabel('パスワード').fill(PASSWORD);
		await page.getByRole('button', { name: 'ログイン' }).click();
		await expect(page.getByRole('alert')).toContainText('一時止めています');
		await expect(page).toHaveURL(/\/admin\/login/);
	});
});

test.describe('情報の修正を提案', () => {
	test('anyone can suggest a correction; it reaches the curators’ queue', async ({ page, browser, request }) => {
		const { id } = fixture.ownListing;
		const name = await publicName(request, id); // (renamed by an approved edit above)
		await open(page, `/services/${id}/suggest`);
		await page.getByLabel('どの項目ですか').selectOption('電話番号などの連絡先');
		await page.getByLabel('正しい内容・気づいたこと').fill('電話番号が変わったようです。');
		await page.getByRole('button', { name: '提案を送る' }).click();
		await expect(page.getByRole('status')).toContainText('提案を受け付けました');

		const curator = await newSession(browser, CURATOR);
		await open(curator, '/admin/reviews');
		await curator.getByRole('link', { name: `確認する（${name}）` }).last().click();
		await expect(curator.getByText('電話番号が変わったようです。')).toBeVisible();
		await curator.getByRole('button', { name: '対応済みにする' }).click();
		await expect(curator).toHaveURL(/\/admin\/reviews$/);
		await curator.context().close();
	});
});

test.describe('accessibility', () => {
	// One test a page: each axe scan gets its own time budget on a busy 2-core machine.
	async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
		const results = await axe(page).exclude('.maplibregl-canvas').analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), label).toEqual([]);
	}

	test('the suggestion form and the login page have no serious or critical axe violations', async ({ page }) => {
		await open(page, `/services/${fixture.otherListing.id}/suggest`);
		await expectNoSeriousViolations(page, 'suggest');
		await open(page, '/admin/login');
		await expectNoSeriousViolations(page, 'login');
	});

	for (const target of ['/', '/admin/listings', '/admin/listings/new', 'listing-edit', '/admin/reviews', '/admin/organizations']) {
		test(`admin page ${target} has no serious or critical axe violations`, async ({ page }) => {
			test.setTimeout(120_000); // the listing form is long: axe needs a while on a shared machine
			await login(page, CURATOR);
			if (target !== '/') await open(page, target === 'listing-edit' ? `/admin/listings/${fixture.otherListing.id}` : target);
			await expectNoSeriousViolations(page, target);
		});
	}

	test('the listing form with errors keeps its fields labelled and described', async ({ page }) => {
		test.setTimeout(120_000);
		await login(page, CURATOR);
		await open(page, '/admin/listings/new');
		await page.getByRole('button', { name: '保存する' }).first().click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expectNoSeriousViolations(page, 'errors');
	});
});
