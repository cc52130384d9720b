/**
 * JIS X 8341-3 AA: axe-core finds no violation of any impact on every public page and the admin
 * login, in Japanese and English, in the normal and the high-contrast theme: one test per
 * language × theme × page (a further dimension is one more table and one more loop). The tests
 * share one page per worker (helpers/reused-page.ts): each starts with no cookies and no storage.
 */
import type { Page } from '@playwright/test';
import { axeViolations } from './helpers/axe';
import { chooseDisplay, settleMaps, waitForHydration, type DisplayChoice } from './helpers/display';
import { test, expect, firstLink } from './helpers/reused-page';

interface InterfaceLanguage {
	name: string;
	/** The lang cookie the language switch sets. */
	cookie: string;
	/** <html lang> the page must carry. */
	htmlLang: string;
}

const LANGUAGES: InterfaceLanguage[] = [
	{ name: 'ja', cookie: 'ja', htmlLang: 'ja' },
	{ name: 'en', cookie: 'en', htmlLang: 'en' }
];

interface Theme {
	name: string;
	display: DisplayChoice;
}

const THEMES: Theme[] = [
	{ name: 'normal', display: { contrast: 'normal' } },
	{ name: 'high contrast', display: { contrast: 'high', ruby: true } }
];

interface PublicPage {
	name: string;
	/** The path, or how to reach it from another page (as a reader would: by its link). */
	path: string | ((page: Page) => Promise<string>);
}

const SALONS_IN_ASAHI = '/search?q=サロン&area=旭';
const SALON = firstLink(SALONS_IN_ASAHI, /^\/services\/[^/?]+$/);

const PAGES: PublicPage[] = [
	{ name: 'home', path: '/' },
	{ name: 'results', path: SALONS_IN_ASAHI },
	{ name: 'no results', path: '/search?q=存在しない施設名のテスト' },
	{ name: 'detail', path: SALON },
	{ name: 'field', path: `/fields/${encodeURIComponent('地域資源')}` },
	{ name: 'areas', path: '/areas' },
	{ name: 'area', path: '/areas/asahi' },
	{ name: 'events', path: '/events' },
	{ name: 'event', path: firstLink('/events', /^\/events\/[^/?.]+$/) },
	{ name: 'list', path: async (page) => `/list?item=${(await SALON(page)).split('/').pop()}` },
	{ name: 'empty list', path: '/list' },
	{ name: 'こんなときに', path: '/konnatoki' },
	{ name: 'display settings', path: '/display' },
	{ name: 'admin login', path: '/admin/login' }
];

for (const language of LANGUAGES) {
	for (const theme of THEMES) {
		test.describe(`axe, ${language.name}, ${theme.name}`, () => {
			for (const target of PAGES) {
				test(`${target.name} has no violation of any impact`, async ({ reusedPage: page, baseURL }) => {
					const context = page.context();
					await context.addCookies([{ name: 'lang', value: language.cookie, url: baseURL! }]);
					await chooseDisplay(context, baseURL!, theme.display);
					const path = typeof target.path === 'string' ? target.path : await target.path(page);
					await page.goto(path);
					const html = page.locator('html');
					await expect(html).toHaveAttribute('lang', language.htmlLang);
					await expect(html).toHaveAttribute('data-contrast', theme.display.contrast ?? 'normal');
					await waitForHydration(page);
					await settleMaps(page);
					expect(await axeViolations(page), `${target.name} (${path}), ${language.name}, ${theme.name}`).toEqual([]);
				});
			}
		});
	}
}
