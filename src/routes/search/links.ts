/**
 * Links the results page offers — chips that remove one condition, page links — built on the
 * server so the browser does not need the search-parameter code (and its validator) at all.
 */
import { DEFAULT_PER_PAGE, searchQueryToParams, withoutNarrowingFilters, type NarrowingFilter, type SearchQuery } from '$lib/domain/search';
import { WEEKDAY_LABELS } from '$lib/domain/hours';
import { areaChipLabel, areaLabel, type AreaName } from '$lib/domain/area';
import type { FilterChip } from '$lib/components/types';

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

/** One chip per active condition, each linking to the search without it. */
export function filterChips(query: SearchQuery, area: AreaName | null, termName: string | null = null): FilterChip[] {
	const chips: FilterChip[] = [];
	if (query.q) chips.push({ label: `「${query.q}」`, href: without(query, 'q') });
	if (query.area) chips.push({ label: area ? areaChipLabel(area) : `地域：${query.area}`, href: without(query, 'area') });
	if (query.field) chips.push({ label: `分野：${query.field}`, href: without(query, 'field') });
	if (query.term) chips.push({ label: `種類：${termName ?? query.term}`, href: without(query, 'term') });
	if (query.target) chips.push({ label: `対象：${query.target}`, href: without(query, 'target') });
	if (query.desk) chips.push({ label: 'なんでも相談窓口のみ', href: without(query, 'desk') });
	if (query.weekday !== undefined) chips.push({ label: `${WEEKDAY_LABELS[query.weekday]}曜日に開いている`, href: without(query, 'weekday') });
	if (query.openNow) chips.push({ label: '今開いている', href: without(query, 'openNow') });
	if (query.lat !== undefined) {
		const radius = query.radiusKm ? `（${query.radiusKm} km 以内）` : '';
		chips.push({ label: `現在地の近く${radius}`, href: without(query, 'lat', 'lng', 'radiusKm') });
	}
	return chips;
}

/** 「旭地区の「サロン」の検索結果」 — what was searched, in words, for headings and titles. */
export function searchHeading(query: Partial<SearchQuery>, area: AreaName | null, termName: string | null = null): string {
	let subject = '';
	if (query.q) subject = `「${query.q}」`;
	else if (query.term) subject = termName ?? query.term;
	else if (query.field) subject = query.field;
	if (query.desk) subject = subject ? `${subject}（なんでも相談窓口）` : 'なんでも相談窓口';
	const where = area ? `${areaLabel(area)}の` : '';
	return subject || where ? `${where}${subject || '情報'}の検索結果` : '検索結果';
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

const FILTER_LABELS: Record<NarrowingFilter, string> = {
	field: '分野',
	term: '種類',
	area: '地区',
	target: '対象',
	desk: 'なんでも相談窓口のみ',
	weekday: '曜日',
	open_now: '今開いている',
	radius_km: '距離'
};

/** The notice when the filters removed every listing the words find: which filters, and the search without them. */
export function withoutFiltersOffer(query: SearchQuery, offer: { total: number; removed: NarrowingFilter[] } | undefined) {
	if (!offer) return null;
	return {
		total: offer.total,
		filters: offer.removed.map((filter) => FILTER_LABELS[filter]),
		href: searchHref({ ...withoutNarrowingFilters(query), page: 1 })
	};
}
