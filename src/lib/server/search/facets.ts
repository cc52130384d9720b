import type { SearchDocument, SearchFacets } from '../../domain/search';

export function emptyFacets(): SearchFacets {
	return { field: {}, area: {}, target: {} };
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

/** Adds one matching document to the facet counts: by field, by 地区 (name) and by target. */
export function countFacets(facets: SearchFacets, doc: Pick<SearchDocument, 'field' | 'district' | 'targets'>): void {
	increment(facets.field, doc.field);
	if (doc.district) increment(facets.area, doc.district);
	for (const target of doc.targets) increment(facets.target, target);
}
