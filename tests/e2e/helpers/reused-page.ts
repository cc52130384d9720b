/**
 * One browser page a worker keeps for many read-only page checks (axe scans, wording checks), so
 * each test does not pay for a new context with an empty cache (every script, style and font
 * fetched and compiled again). Each test still starts as a new visitor would: no cookies, nothing
 * in localStorage or sessionStorage. A failed test ends the worker, so the next one gets a new page.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const test = base.extend<{ reusedPage: Page }, { workerContext: BrowserContext }>({
	workerContext: [
		async ({ browser }, use, workerInfo) => {
			// The options the `page` fixture's context would get from the config's `use`.
			const { baseURL, locale, timezoneId } = workerInfo.project.use;
			const context = await browser.newContext({ baseURL, locale, timezoneId });
			await use(context);
			await context.close();
		},
		{ scope: 'worker' }
	],
	reusedPage: async ({ workerContext }, use) => {
		const page = workerContext.pages()[0] ?? (await workerContext.newPage());
		await workerContext.clearCookies();
		if (/^https?:/.test(page.url()))
			await page.evaluate(() => {
				localStorage.clear();
				sessionStorage.clear();
			});
		await use(page);
	}
});

export { expect };

/** Remembers what `find` first answers for the rest of the worker (e.g. a link found on another page). */
export function once(find: (page: Page) => Promise<string>): (page: Page) => Promise<string> {
	let found: string | undefined;
	return async (page) => (found ??= await find(page));
}

/** The first link in main on `from` whose href matches `pattern`, found as a reader would (looked up once a worker). */
export function firstLink(from: string, pattern: RegExp): (page: Page) => Promise<string> {
	return once(async (page) => {
		await page.goto(from);
		const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
		const href = hrefs.find((candidate) => pattern.test(candidate));
		expect(href, `a link matching ${pattern} on ${from}`).toBeDefined();
		return href!;
	});
}
