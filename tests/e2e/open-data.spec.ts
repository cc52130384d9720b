/**
 * The web's conventions: robots.txt names the sitemap and keeps crawlers out of the admin area,
 * sitemap.xml lists every published listing, event, area and field page, listing and event pages
 * carry schema.org JSON-LD a crawler can parse (and the CSP lets through), the open-data page
 * offers the downloads with licence and last update, and the API has a readable docs page.
 */
import { test, expect, type Page } from '@playwright/test';
import { axe } from './helpers/axe';

async function expectNoAxeViolations(page: Page) {
	const results = await axe(page).analyze();
	expect(results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The page's JSON-LD blocks, parsed as a crawler would; CSP refusals the page caused are collected too. */
async function openWithJsonLd(page: Page, path: string): Promise<{ data: Array<Record<string, any>>; cspErrors: string[] }> {
	const cspErrors: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
	});
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	return { data: blocks.map((block) => JSON.parse(block) as Record<string, any>), cspErrors };
}

/** <loc> values of an XML sitemap, parsed by the browser's XML parser (a malformed file fails here). */
async function sitemapLocations(page: Page, xml: string): Promise<string[]> {
	return page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('sitemap.xml is not well-formed XML');
		if (doc.documentElement.namespaceURI !== 'http://www.sitemaps.org/schemas/sitemap/0.9') throw new Error('wrong sitemap namespace');
		return [...doc.getElementsByTagName('loc')].map((loc) => loc.textContent ?? '');
	}, xml);
}

test('robots.txt keeps crawlers out of /admin and names the sitemap', async ({ request, baseURL }) => {
	const response = await request.get('/robots.txt');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/plain');
	const lines = (await response.text()).split('\n');
	expect(lines).toContain('User-agent: *');
	expect(lines).toContain('Disallow: /admin');
	expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('sitemap.xml lists every published listing, public event, area and field page', async ({ page, request, baseURL }) => {
	const response = await request.get('/sitemap.xml');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/xml');
	await page.goto('/');
	const locations = await sitemapLocations(page, await response.text());
	expect(locations.every((loc) => loc.startsWith(`${baseURL}/`))).toBe(true);
	expect(new Set(locations).size).toBe(locations.length);

	const published = (await (await request.get('/api/search?per_page=1')).json()).total as number;
	const listingUrls = locations.filter((loc) => /\/services\/[^/]+$/.test(loc));
	expect(listingUrls).toHaveLength(published);
	const areaIndex = await request.get('/areas');
	const areaSlugs = new Set([...(await areaIndex.text()).matchAll(/href="\/areas\/([^"/]+)"/g)].map((match) => match[1]));
	expect(areaSlugs.size).toBeGreaterThan(5);
	for (const slug of areaSlugs) expect(locations).toContain(`${baseURL}/areas/${slug}`);
	for (const field of ['医療', '介護', '障害', '子育て', '地域資源']) expect(locations).toContain(`${baseURL}/fields/${encodeURIComponent(field)}`);
	for (const path of ['/', '/events', '/open-data', '/api/docs']) expect(locations).toContain(`${baseURL}${path}`);
	const eventUrls = locations.filter((loc) => /\/events\/[^/]+$/.test(loc));
	expect(eventUrls.length).toBeGreaterThan(10);
	expect(locations.some((loc) => loc.includes('/admin'))).toBe(false);

	// Every address in it answers (a sample of each kind).
	for (const loc of [listingUrls[0], listingUrls.at(-1)!, eventUrls[0], `${baseURL}/areas/${[...areaSlugs][0]}`]) {
		expect((await request.get(loc)).status(), loc).toBe(200);
	}
});

test('a listing page carries schema.org JSON-LD with its address, coordinates and opening hours', async ({ page, request }) => {
	const hit = (await (await request.get('/api/search?term=pharmacy&per_page=1')).json()).hits[0] as { id: string };
	const listing = (await (await request.get(`/api/services/${hit.id}`)).json()) as {
		name: string;
		locations: Array<{ postalCode: string; city: string; prefecture: string; lat: number; lng: number }>;
		hours: Array<{ weekday: number; opensAt: string }>;
	};
	expect(listing.hours.length).toBeGreaterThan(0);
	const { data, cspErrors } = await openWithJsonLd(page, `/services/${hit.id}`);
	expect(data).toHaveLength(1);
	const place = data[0];
	expect(place['@context']).toBe('https://schema.org');
	expect(place['@type']).toBe('Place');
	expect(place.name).toBe(listing.name);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(place.name);
	const location = listing.locations[0];
	expect(place.address).toMatchObject({ '@type': 'PostalAddress', addressRegion: location.prefecture, addressLocality: location.city, postalCode: location.postalCode });
	expect(place.geo).toEqual({ '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lng });
	expect(place.openingHoursSpecification).toHaveLength(listing.hours.length);
	for (const spec of place.openingHoursSpecification) {
		expect(spec.dayOfWeek).toMatch(/^https:\/\/schema\.org\/(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/);
		expect(spec.opens).toMatch(/^\d{2}:\d{2}$/);
		expect(spec.closes).toMatch(/^\d{2}:\d{2}$/);
	}
	expect(cspErrors).toEqual([]);
});

test('an event page carries schema.org Event JSON-LD with its date and place', async ({ page, request }) => {
	const sitemap = await (await request.get('/sitemap.xml')).text();
	const eventPath = /<loc>[^<]*(\/events\/[^<]+)<\/loc>/.exec(sitemap)![1];
	const { data, cspErrors } = await openWithJsonLd(page, eventPath);
	expect(data).toHaveLength(1);
	const event = data[0];
	expect(event['@type']).toBe('Event');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(event.name);
	expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+09:00)?$/);
	expect(event.eventStatus).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/);
	expect(event.location['@type']).toBe('Place');
	expect(event.location.address.streetAddress).toBeTruthy();
	expect(cspErrors).toEqual([]);
});

test('the open-data page offers HSDS, CSV and GeoJSON under CC BY 4.0 with the last update in 和暦 too', async ({ page, request }) => {
	// Each file is built from the whole sample on first download (then kept until the data changes):
	// three exports of 3,000 listings on a shared 2-core machine.
	test.setTimeout(180_000);
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'オープンデータ' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'オープンデータ' })).toBeVisible();
	const licence = page.getByRole('link', { name: /CC BY 4\.0/ });
	await expect(licence).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/deed.ja');
	await expect(page.locator('dd').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日（令和\d+年\d{1,2}月\d{1,2}日）$/);
	await expectNoAxeViolations(page);

	const published = (await (await request.get('/api/search?per_page=1')).json()).total as number;
	const hsdsHref = await page.getByRole('link', { name: 'HSDS 3.0（JSON）' }).getAttribute('href');
	const hsds = await request.get(hsdsHref!);
	expect(hsds.headers()['content-type']).toContain('application/json');
	const bundle = (await hsds.json()) as { services: Array<{ 'x-status': string }> };
	expect(bundle.services).toHaveLength(published);
	expect(bundle.services.every((service) => service['x-status'] === 'published')).toBe(true);

	const csv = await request.get((await page.getByRole('link', { name: 'CSV（Excel 対応）' }).getAttribute('href'))!);
	const csvBytes = await csv.body();
	expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(csvBytes.toString('utf8').split('\r\n').filter(Boolean).length).toBeGreaterThan(published); // header + rows (some cells hold line breaks)

	const geojson = await request.get((await page.getByRole('link', { name: 'GeoJSON' }).getAttribute('href'))!);
	expect(geojson.headers()['content-type']).toContain('application/geo+json');
	const mappedText = await page.getByText(/うち地図上の位置があるもの/).textContent();
	const mapped = Number(/うち地図上の位置があるもの\s*([\d,]+)件/.exec(mappedText ?? '')![1].replace(/,/g, ''));
	expect(((await geojson.json()) as { features: unknown[] }).features).toHaveLength(mapped);
	expect((await request.get('/open-data/secrets.json')).status()).toBe(404);
});

test('the API has a readable docs page built from /api/openapi.json', async ({ page, request }) => {
	const openapi = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
	await page.goto('/api/docs');
	await expect(page.getByRole('heading', { level: 1, name: 'API の説明' })).toBeVisible();
	for (const path of Object.keys(openapi.paths)) await expect(page.getByRole('heading', { level: 3, name: `GET ${path}`, exact: true })).toBeVisible();
	const services = page.locator('section', { has: page.getByRole('heading', { name: 'GET /hsds/services', exact: true }) });
	await expect(services.getByRole('rowheader', { name: 'per_page' })).toBeVisible();
	await expect(page.getByRole('link', { name: /OpenAPI 3\.1/ })).toHaveAttribute('href', '/api/openapi.json');
	await expectNoAxeViolations(page);
});
