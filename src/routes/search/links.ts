/**
 * Links the results page offers — chips that remove one condition, page links — built on the
 * server so the browser does not need the search-parameter code (and its validator) at all.
 */
import { DEFAULT_PER_PAGE, searchQueryToParams, withoutNarrowingFilters, type NarrowingFilter, type SearchQuery } from '$lib/domain/search';
import type { AreaName } from '$lib/domain/area';
import { MESSAGES, weekdayLabel, type Messages } from '$lib/domain/i18n';
import type { FilterChip } from '$lib/domain/listing-view';

export function searchHref(query: Partial<SearchQuery>): string {
	const params = searchQueryToParams(query).toString();
	return params ? `/search?${params}` : '/search';
}

/** The same search without the given conditions, from page 1. */
function without(query: SearchQuery, ...keys: Array<keyof SearchQuery>): string {
	const next: Partial<SearchQuery> = { ...query, page: 1 };
	for (const key of keys) delete next[key];
	// Sorting by distance means nothing once the location is gone.
	if (keys.includes('lat') && next.sort === 'distance') next.sort = 'relevance';
	return searchHref(next);
}

/** An area chip's text: 「地区：旭」, 「中学校区：旭中」 (school names as people shorten them), "District: 旭" in English. */
function areaChip(area: AreaName, m: Messages): string {
	const short = area.kind.endsWith('学校区') ? area.name.replace(/学校区$/, '') : area.name.replace(/地区$/, '');
	return m.chips.area((m.areaKinds as Record<string, string>)[area.kind] ?? area.kind, short || area.name);
}

/** One chip per active condition, each linking to the search without it (termName: the kind in the reader's language). */
export function filterChips(query: SearchQuery, area: AreaName | null, termName: string | null = null, m: Messages = MESSAGES.ja): FilterChip[] {
	const chips: FilterChip[] = [];
	if (query.q) chips.push({ label: m.common.quoted(query.q), href: without(query, 'q') });
	if (query.area) chips.push({ label: area ? areaChip(area, m) : `${m.searchForm.area}：${query.area}`, href: without(query, 'area') });
	if (query.field) chips.push({ label: m.chips.field(m.fields[query.field]), href: without(query, 'field') });
	if (query.term) chips.push({ label: m.chips.kind(termName ?? query.term), href: without(query, 'term') });
	if (query.target) chips.push({ label: m.chips.target(m.targets[query.target]), href: without(query, 'target') });
	if (query.desk) chips.push({ label: m.chips.deskOnly, href: without(query, 'desk') });
	if (query.weekday !== undefined) chips.push({ label: m.chips.weekday(m.weekdayLong(weekdayLabel(m, query.weekday))), href: without(query, 'weekday') });
	if (query.openNow) chips.push({ label: m.chips.openNow, href: without(query, 'openNow') });
	if (query.lat !== undefined) {
		const radius = query.radiusKm ? m.chips.radius(String(query.radiusKm)) : '';
		chips.push({ label: `${m.chips.near}${radius}`, href: without(query, 'lat', 'lng', 'radiusKm') });
	}
	return chips;
}

/** 「旭地区の「サロン」の検索結果」 — what was searched, in words, for headings and titles. */
export function searchHeading(query: Partial<SearchQuery>, area: AreaName | null, termName: string | null = null, m: Messages = MESSAGES.ja): string {
	let subject = '';
	if (query.q) subject = m.common.quoted(query.q);
	else if (query.term) subject = termName ?? query.term;
	else if (query.field) subject = m.fields[query.field];
	if (query.desk) subject = m.results.deskSubject(subject);
	return m.results.heading(subject, area ? m.areaPlace(area.name, area.kind) : '');
}

/** The print view of the same search: every result (up to the print limit), not one page. */
export function printHref(query: SearchQuery): string {
	const params = searchQueryToParams({ ...query, page: 1, perPage: undefined }).toString();
	return params ? `/search/print?${params}` : '/search/print';
}

/** Page N of the same search: the base link plus `page=N`. */
export function pageHrefBase(query: SearchQuery): string {
	return searchHref({ ...query, page: 1 });
}

/** Every hit of the same search as GeoJSON, for the map (all pages, not only this one). */
export function mapDataHref(query: SearchQuery): string {
	// Order and paging mean nothing to a map.
	const text = searchQueryToParams({ ...query, page: 1, sort: 'relevance', perPage: DEFAULT_PER_PAGE }).toString();
	return text ? `/api/search/map?${text}` : '/api/search/map';
}

/** The notice when the filters removed every listing the words find: which filters, and the search without them. */
export function withoutFiltersOffer(query: SearchQuery, offer: { total: number; removed: NarrowingFilter[] } | undefined, m: Messages = MESSAGES.ja) {
	if (!offer) return null;
	return {
		total: offer.total,
		filters: offer.removed.map((filter) => m.filterNames[filter]),
		href: searchHref({ ...withoutNarrowingFilters(query), page: 1 })
	};
}
