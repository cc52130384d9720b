/**
 * Every public page kind, in English: no interface text is left in Japanese. Listing, organisation
 * and area content stays as entered and is marked lang="ja" (WCAG 3.1.2 Language of Parts), so a
 * Japanese character is allowed only inside such an element. And in やさしい日本語: where the easy
 * table has its own wording, the page does not show the ordinary Japanese one. The tests share one
 * page per worker (helpers/reused-page.ts): each starts with no cookies and no storage.
 */
import type { Page } from '@playwright/test';
import { ja } from '../../src/lib/domain/i18n/ja';
import { easyJa } from '../../src/lib/domain/i18n/easy-ja';
import { settleMaps, waitForHydration } from './helpers/display';
import { test, expect, firstLink, once } from './helpers/reused-page';

interface PublicPage {
	name: string;
	/** The path, or how a reader reaches it (by a link, an API answer or a form). */
	open: (page: Page) => Promise<void>;
	/** Needs the page's scripts (the collected list lives in the browser). */
	hydrate?: boolean;
}

const SALONS = `/search?q=${encodeURIComponent('サロン')}`;
const SALONS_FILTERED = `/search?q=${encodeURIComponent('サロン')}&field=${encodeURIComponent('地域資源')}&area=${encodeURIComponent('旭')}&weekday=2`;

function path(to: string): PublicPage['open'] {
	return async (page) => {
		await page.goto(to);
	};
}

/** The first listing of a kind, through the public API. */
async function listingId(page: Page, term: string): Promise<string> {
	const answer = (await (await page.request.get(`/api/search?term=${term}&per_page=1`)).json()) as { hits: Array<{ id: string }> };
	expect(answer.hits.length, `a listing of kind ${term}`).toBeGreaterThan(0);
	return answer.hits[0].id;
}

/** The first area of a kind on /areas (looked up once a worker). */
function areaOfKind(kind: string): (page: Page) => Promise<string> {
	return once(async (page) => {
		await page.goto('/areas');
		const href = await page.locator(`section[aria-labelledby="kind-${kind}"] a[href^="/areas/"]`).first().getAttribute('href');
		expect(href, `a ${kind} on /areas`).toBeTruthy();
		return href!;
	});
}

const KIND_IN_CARE = firstLink(`/fields/${encodeURIComponent('介護')}`, /term=/);
const ELEMENTARY_SCHOOL_AREA = areaOfKind('小学校区');
const JUNIOR_HIGH_SCHOOL_AREA = areaOfKind('中学校区');
const AN_EVENT = firstLink('/events', /^\/events\/[^/?.]+$/);

const PAGES: PublicPage[] = [
	{ name: 'home', open: path('/') },
	{ name: 'results', open: path(SALONS) },
	{ name: 'results with filters', open: path(SALONS_FILTERED) },
	{ name: 'results near a district, by kind', open: path(`/search?term=clinic&area=${encodeURIComponent('旭')}&sort=name`) },
	{ name: 'no results', open: path(`/search?q=${encodeURIComponent('存在しない施設名のテスト')}&weekday=3`) },
	{ name: 'unknown kind', open: path('/search?term=no-such-kind') },
	{
		name: 'detail with meeting days',
		open: async (page) => {
			await page.goto(`/services/${await listingId(page, 'salon')}`);
			await expect(page.locator('main .schedule-list').first()).toBeVisible();
		}
	},
	{ name: 'detail with opening hours', open: async (page) => page.goto(`/services/${await listingId(page, 'clinic')}`).then(() => undefined) },
	{ name: 'detail of a help desk', open: async (page) => page.goto(`/services/${await listingId(page, 'consultation-desk')}`).then(() => undefined) },
	{ name: 'field', open: path(`/fields/${encodeURIComponent('地域資源')}`) },
	{ name: 'kind', open: async (page) => page.goto(await KIND_IN_CARE(page)).then(() => undefined) },
	{ name: 'areas', open: path('/areas') },
	{ name: 'district', open: path('/areas/asahi') },
	{ name: 'elementary school area', open: async (page) => page.goto(await ELEMENTARY_SCHOOL_AREA(page)).then(() => undefined) },
	{ name: 'junior high school area', open: async (page) => page.goto(await JUNIOR_HIGH_SCHOOL_AREA(page)).then(() => undefined) },
	{ name: 'booklet', open: path('/areas/asahi/booklet') },
	{ name: 'print view of results', open: path(`/search/print?q=${encodeURIComponent('サロン')}&area=${encodeURIComponent('旭')}`) },
	{ name: 'events list', open: path('/events') },
	{ name: 'events this month', open: path('/events?range=month') },
	{ name: 'events calendar', open: path('/events?view=month') },
	{ name: 'event', open: async (page) => page.goto(await AN_EVENT(page)).then(() => undefined) },
	{ name: 'こんなときに', open: path('/konnatoki') },
	{ name: 'こんなときに answered', open: path(`/konnatoki?worry=${encodeURIComponent('電球')}&area=${encodeURIComponent('旭')}`) },
	{
		name: 'list',
		hydrate: true,
		open: async (page) => {
			// Collected as a supporter does: 「リストに追加」 on a listing's page (the list lives in the browser).
			await page.goto(`/services/${await listingId(page, 'salon')}`);
			await waitForHydration(page);
			const add = page.locator('main .quick-actions button.add-to-list');
			await add.click();
			await expect(add).toHaveAttribute('aria-pressed', 'true');
			await page.goto('/list');
		}
	},
	{ name: 'empty list', hydrate: true, open: path('/list') },
	{
		name: 'shared list',
		open: async (page) => {
			const salon = await listingId(page, 'salon');
			const clinic = await listingId(page, 'clinic');
			await page.goto(`/list/shared?item=${salon}&note=Monday+mornings&item=${clinic}`);
		}
	},
	{ name: 'broken shared list', open: path(`/list/shared?item=${'x'.repeat(80)}`) },
	{ name: 'display settings', open: path('/display') },
	{ name: 'open data', open: path('/open-data') },
	{ name: 'suggestion form', open: async (page) => page.goto(`/services/${await listingId(page, 'salon')}/suggest`).then(() => undefined) },
	{
		name: 'suggestion form with a validation error',
		open: async (page) => {
			await page.goto(`/services/${await listingId(page, 'salon')}/suggest`);
			await page.locator('main form[method="POST"] button[type="submit"]').click();
			await expect(page.locator('main .field-error').first()).toBeVisible();
		}
	},
	{ name: 'page not found', open: path('/no-such-page') },
	{ name: 'listing not found', open: path('/services/no-such-listing') },
	{ name: 'area not found', open: path('/areas/no-such-area') },
	{ name: 'admin login', open: path('/admin/login') }
];

const JAPANESE_SOURCE = String.raw`[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]`;

/**
 * Visible text (and accessible names: aria-label, alt, title) in Japanese outside any element whose
 * nearest lang is Japanese. Closed <details> are opened first: their contents are interface too.
 */
async function japaneseOutsideContent(page: Page): Promise<string[]> {
	return page.evaluate((source) => {
		const japanese = new RegExp(source, 'u');
		for (const details of document.querySelectorAll('details')) details.open = true;
		const isJapaneseContent = (element: Element) => /^ja(-|$)/i.test(element.closest('[lang]')?.getAttribute('lang') ?? '') && element.closest('[lang]') !== document.documentElement;
		const shown = (element: Element) => {
			const box = element.closest('select') ?? element;
			return box.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || box.closest('.visually-hidden') !== null;
		};
		const where = (element: Element) => {
			const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
			return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes.map((name) => `.${name}`).join('')}`;
		};
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			const text = node.textContent?.trim() ?? '';
			if (!parent || !japanese.test(text) || parent.closest('script, style, noscript, template')) continue;
			if (!shown(parent) || isJapaneseContent(parent)) continue;
			found.push(`${where(parent)}: ${text.replace(/\s+/g, ' ').slice(0, 80)}`);
		}
		for (const element of document.body.querySelectorAll('[aria-label], [alt], [title]')) {
			if (!shown(element) && element.tagName !== 'IMG') continue;
			for (const attribute of ['aria-label', 'alt', 'title']) {
				const value = element.getAttribute(attribute);
				// An accessible name is in the element's own language: content marked ja may be named in Japanese.
				if (value && japanese.test(value) && !isJapaneseContent(element)) found.push(`${where(element)}[${attribute}]: ${value.slice(0, 80)}`);
			}
		}
		return found;
	}, JAPANESE_SOURCE);
}

async function openInLanguage(page: Page, target: PublicPage, language: 'en' | 'easy', baseURL: string): Promise<void> {
	await page.context().addCookies([{ name: 'lang', value: language, url: baseURL }]);
	await target.open(page);
	await expect(page.locator('html')).toHaveAttribute('lang', language === 'en' ? 'en' : 'ja');
	if (target.hydrate) await waitForHydration(page);
	if (target.name === 'list') await expect(page.locator('.referral-item').first()).toBeVisible();
	// Maps load once in view: their buttons and names are interface too.
	await settleMaps(page);
}

test.describe('English: no interface text left in Japanese', () => {
	for (const target of PAGES) {
		test(`${target.name}`, async ({ reusedPage: page, baseURL }) => {
			await openInLanguage(page, target, 'en', baseURL!);
			expect(await japaneseOutsideContent(page), page.url()).toEqual([]);
		});
	}
});

/** Every fixed string of a table, by its key path (functions left out: they need arguments). */
function strings(table: unknown, prefix = ''): Map<string, string> {
	const result = new Map<string, string>();
	if (typeof table === 'string') result.set(prefix, table);
	else if (table && typeof table === 'object')
		for (const [key, value] of Object.entries(table)) for (const [inner, text] of strings(value, prefix ? `${prefix}.${key}` : key)) result.set(inner, text);
	return result;
}

/**
 * The ordinary Japanese wording a page in やさしい日本語 must not show: strings of 5 or more
 * characters the easy table words differently (and that no easy string contains).
 */
const ordinaryOnly = (() => {
	const easy = strings(easyJa);
	const easyText = [...easy.values()].join('\n');
	return [...strings(ja)].filter(([key, text]) => {
		const plain = text.replace(/\{city\}/g, '').trim();
		return plain.length >= 5 && easy.get(key) !== text && !easyText.includes(plain);
	});
})();

test.describe('やさしい日本語: the easy wording wherever the table has one', () => {
	for (const target of PAGES) {
		test(`${target.name}`, async ({ reusedPage: page, baseURL }) => {
			await openInLanguage(page, target, 'easy', baseURL!);
			// Interface text only: content (marked with its own lang) may say anything.
			const interfaceText = await page.locator('body').evaluate((body) => {
				const copy = body.cloneNode(true) as HTMLElement;
				for (const content of copy.querySelectorAll('[lang], script, style, noscript, template')) content.remove();
				return copy.textContent ?? '';
			});
			const shown = ordinaryOnly.filter(([, text]) => interfaceText.includes(text.replace(/\{city\}/g, '').trim())).map(([key, text]) => `${key}: ${text}`);
			expect(shown, page.url()).toEqual([]);
		});
	}
});
