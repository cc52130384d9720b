/**
 * sitemap.xml: every public page worth finding from a search engine — the fixed pages, each 分野,
 * 地区/校区 page, published listing and public event — with its last change. Past 50,000 addresses
 * (the sitemap protocol's limit) /sitemap.xml becomes an index of parts (/sitemap.xml?part=N).
 */
import type { App } from './app';
import { FIELDS } from '../domain/taxonomy';
import { searchAreas } from './areas';

export interface SitemapEntry {
	path: string;
	lastmod?: string;
}

export const SITEMAP_PART_SIZE = 50_000;

const FIXED_PAGES = ['/', '/konnatoki', '/areas', '/events', '/open-data', '/api/docs'];

export function sitemapEntries(app: App): SitemapEntry[] {
	const sqlite = app.db.$client;
	const listings = sqlite.prepare("SELECT id, updated_at FROM services WHERE status = 'published' ORDER BY rowid").all() as Array<{ id: string; updated_at: string }>;
	// The same rule as the public event pages (loadEvents publicOnly).
	const events = sqlite
		.prepare(
			`SELECT e.id, e.updated_at FROM events e LEFT JOIN services s ON s.id = e.service_id
			 WHERE e.status IN ('published', 'cancelled') AND (e.service_id IS NULL OR s.status = 'published') ORDER BY e.rowid`
		)
		.all() as Array<{ id: string; updated_at: string }>;
	const slugs = [...new Set(searchAreas(app).map((area) => area.slug))];
	return [
		...FIXED_PAGES.map((path) => ({ path })),
		...FIELDS.map((field) => ({ path: `/fields/${encodeURIComponent(field)}` })),
		...slugs.map((slug) => ({ path: `/areas/${encodeURIComponent(slug)}` })),
		...listings.map((row) => ({ path: `/services/${row.id}`, lastmod: row.updated_at.slice(0, 10) })),
		...events.map((row) => ({ path: `/events/${row.id}`, lastmod: row.updated_at.slice(0, 10) }))
	];
}

function xmlEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function urlsetXml(origin: string, entries: readonly SitemapEntry[]): string {
	const urls = entries.map((entry) => `<url><loc>${xmlEscape(origin + entry.path)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`);
	return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(origin: string, parts: number): string {
	const items = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${xmlEscape(`${origin}/sitemap.xml?part=${i + 1}`)}</loc></sitemap>`);
	return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** The document for /sitemap.xml (part = null) or one part of it; null when the part does not exist. */
export function sitemapDocument(app: App, origin: string, part: number | null, partSize = SITEMAP_PART_SIZE): string | null {
	const entries = sitemapEntries(app);
	const parts = Math.ceil(entries.length / partSize);
	if (part === null) return parts <= 1 ? urlsetXml(origin, entries) : sitemapIndexXml(origin, parts);
	if (!Number.isInteger(part) || part < 1 || part > parts) return null;
	return urlsetXml(origin, entries.slice((part - 1) * partSize, part * partSize));
}

export function robotsTxt(origin: string): string {
	// /admin covers /admin/… too (robots rules match by prefix); print views repeat the search pages.
	return ['User-agent: *', 'Disallow: /admin', 'Disallow: /search/print', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
