/** Logging in to the admin the way a person does (the login form), for every admin spec. */
import { expect, type Page } from '@playwright/test';

/** Fills the login form after the page has hydrated and waits for the dashboard. `origin` is for servers other than baseURL. */
export async function logIn(page: Page, account: { email: string }, password: string, origin = ''): Promise<void> {
	await page.goto(`${origin}/admin/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('メールアドレス').fill(account.email);
	await page.getByLabel('パスワード').fill(password);
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}
