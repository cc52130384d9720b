/**
 * The interface in 日本語, English and やさしい日本語: switched by plain links in the header (no
 * JavaScript needed), kept in a cookie, rendered by the server with the right <html lang>. Listing
 * content stays as entered.
 */
import { test, expect, type Page } from '@playwright/test';

async function switchTo(page: Page, name: 'English' | 'やさしい にほんご' | '日本語'): Promise<void> {
	await page.getByRole('navigation', { name: /Language|言語|ことば/ }).getByRole('link', { name }).click();
	await expect(page.getByRole('navigation', { name: /Language|言語|ことば/ }).getByRole('link', { name })).toHaveAttribute('aria-current', 'true');
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('English from the header switch: the home page in English with html lang="en", kept on the next page', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('困ったときの相談先・通える場所をさがす');

		await switchTo(page, 'English');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find where to ask for help and places to go');
		await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'By district' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Search by field' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Elderly care/ })).toBeVisible();
		await expect(page).toHaveTitle(/Tsunagi/);

		// The cookie keeps it: a page reached by an ordinary link, with no ?lang=.
		await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'By district' }).click();
		await expect(page).toHaveURL(/\/areas$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('contentinfo')).toContainText('Events calendar');

		// And back to Japanese.
		await switchTo(page, '日本語');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('困ったときの相談先・通える場所をさがす');
	});

	test('やさしい日本語 shows its own wording with html lang="ja"', async ({ page }) => {
		await page.goto('/');
		await switchTo(page, 'やさしい にほんご');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('こまったときに そうだんする 場所を さがす');
		await page.goto('/konnatoki');
		await expect(page.getByRole('navigation', { name: 'サイトの メニュー' }).getByRole('link', { name: 'こまったとき' })).toBeVisible();
	});

	test('a shared link with ?lang=en opens in English; an unknown language falls back to Japanese', async ({ page }) => {
		await page.goto('/?lang=en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.context().clearCookies();
		await page.goto('/?lang=xx');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('困ったときの相談先・通える場所をさがす');
	});
});

test.describe('results in English', () => {
	test.use({ javaScriptEnabled: false });

	test('the search form, chips, count and cards in English; listing names as entered with their reading', async ({ page }) => {
		await page.goto('/?lang=en');
		const form = page.getByRole('search', { name: 'Search for information' });
		await form.getByLabel('Keyword').fill('サロン');
		await form.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/search\?/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “サロン”');
		await expect(page.getByRole('status').filter({ hasText: /places found/ })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Remove the condition “サロン”' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
		const firstCard = page.locator('article.listing-card').first();
		// The name stays in Japanese (marked lang="ja"); its reading follows in Latin letters.
		await expect(firstCard.locator('h3 [lang="ja"]')).toHaveText(/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u);
		await expect(firstCard.locator('h3 [lang="ja-Latn"]')).toHaveText(/^\([A-Z][a-z]+/);
		await expect(firstCard).toContainText('Salon and gathering place');

		// The detailed conditions are labelled in English too.
		await page.goto('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3&field=%E5%9C%B0%E5%9F%9F%E8%B3%87%E6%BA%90&weekday=2');
		await expect(page.getByLabel('Field', { exact: true })).toHaveValue('地域資源');
		await expect(page.getByRole('link', { name: 'Remove the condition Field: Community' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Remove the condition Open on Tuesday' })).toBeVisible();
	});

	test('やさしい日本語 results use its wording', async ({ page }) => {
		await page.goto('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3&lang=easy');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('「サロン」の けっか');
		await expect(page.getByRole('search', { name: 'じょうほうを さがす' }).getByRole('button', { name: 'さがす' })).toBeVisible();
	});
});

test('a listing page in English: labels translated, the name as entered with its reading', async ({ page, request }) => {
	const search = (await (await request.get('/api/search?term=salon&per_page=1')).json()) as { hits: Array<{ id: string; name: string }> };
	const listing = search.hits[0];
	await page.goto(`/services/${listing.id}?lang=en`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 }).locator('[lang="ja"]').last()).toHaveText(listing.name);
	await expect(page.getByRole('heading', { level: 1 }).locator('[lang="ja-Latn"]')).toHaveText(/^\([A-Z]/);
	for (const heading of ['Dates and times', 'Place', 'Contact', 'Using it']) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	await expect(page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Community' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Salon and gathering place' })).toBeVisible();
});

test.describe('other public pages in English, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('areas, a field page, events, こんなときに, the list page and the admin login keep English once chosen', async ({ page }) => {
		await page.goto('/?lang=en');

		await page.goto('/areas');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search by district or school area');
		await expect(page.getByRole('heading', { level: 2, name: 'District', exact: true })).toBeVisible();

		await page.goto(`/fields/${encodeURIComponent('介護')}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elderly care');
		await expect(page.getByRole('heading', { name: 'Choose a kind' })).toBeVisible();

		await page.goto('/events');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events calendar');
		await expect(page.getByRole('form', { name: 'Event conditions' }).getByLabel('Time of day')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'This week’s events' })).toBeVisible();
		// Dates as English readers write them.
		await expect(page.locator('.date-heading').first()).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}/);

		await page.goto(`/konnatoki?worry=${encodeURIComponent('電球')}&area=${encodeURIComponent('旭')}`);
		await expect(page.getByRole('heading', { name: 'Nearest general help desk' })).toBeVisible();
		await expect(page.getByRole('group', { name: '2. Where should we look?' })).toBeVisible();

		await page.goto('/list');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My referral list');

		await page.goto('/admin/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByLabel('Email address').fill('nobody@example.jp');
		await page.getByLabel('Password').fill('wrong-password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.');
	});
});
