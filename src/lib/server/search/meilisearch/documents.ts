/**
 * SearchDocument → the Meilisearch document, and the index settings. Text fields come from the
 * same Japanese text module as the embedded engine (canonical spelling, synonym keywords);
 * weekday and open-now filters are precomputed as arrays so Meilisearch can filter on them.
 */
import type { Settings } from 'meilisearch';
import type { SearchDocument } from '../../../domain/search';
import { indexedText, nameSortKey } from '../../../domain/text/index-text';
import { dictionaries } from '../../../domain/text/dictionaries';
import { openDaysOf, openHoursOf } from '../filters';

/**
 * The shape of the documents this code writes. Raise it whenever a field is added or its meaning
 * changes: catch-up then re-sends every document written in an older shape (an upgrade heals itself
 * instead of waiting for a manual reindex).
 */
export const DOCUMENT_FORMAT = 2;

/** A SearchDocument as Meilisearch stores it: without the lexicon words and ふりがな (pages read those from SQLite), plus derived fields. */
export interface MeiliDocument extends Omit<SearchDocument, 'words' | 'descriptionRuby'> {
	_geo?: { lat: number; lng: number };
	/** Weekdays the listing is open or meets (exactly the embedded weekday filter). */
	openDays: number[];
	/** Hours of the week (0 = Sunday 0:00–1:00) in which it may be open: a superset for open-now. */
	openHours: number[];
	sortKey: string;
	/** DOCUMENT_FORMAT when the document was written. */
	format: number;
	/** Inside a 困りごと kind, listings no word of the sentence ranks come shorter name first (as embedded). */
	nameLength: number;
	textName: string;
	textReading: string;
	textKeywords: string;
	textBody: string;
}

/** Fields a hit is built from (and the よみがな key that orders distance ties). */
export const HIT_FIELDS = ['id', 'name', 'kana', 'field', 'terms', 'address', 'lat', 'lng', 'desk', 'sortKey'] as const;
/** Fields open-now also needs: the exact rule, facets and 困りごと tiers are evaluated here. */
export const OPEN_NOW_FIELDS = [...HIT_FIELDS, 'targets', 'tags', 'district', 'hours', 'sessions'] as const;
export type HitDocument = Pick<MeiliDocument, (typeof HIT_FIELDS)[number]>;
export type RetrievedDocument = Pick<MeiliDocument, (typeof OPEN_NOW_FIELDS)[number]>;

export const FACETS = ['field', 'district', 'targets'] as const;

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
	const text = indexedText(doc);
	const meili: MeiliDocument = {
		id: doc.id,
		name: doc.name,
		kana: doc.kana,
		field: doc.field,
		terms: doc.terms,
		termNames: doc.termNames,
		targets: doc.targets,
		tags: doc.tags,
		description: doc.description,
		organizationName: doc.organizationName,
		address: doc.address,
		areaIds: doc.areaIds,
		areaNames: doc.areaNames,
		district: doc.district,
		lat: doc.lat,
		lng: doc.lng,
		desk: doc.desk,
		hours: doc.hours,
		sessions: doc.sessions,
		lastVerifiedAt: doc.lastVerifiedAt,
		updatedAt: doc.updatedAt,
		reading: doc.reading,
		openDays: openDaysOf(doc),
		openHours: openHoursOf(doc),
		sortKey: nameSortKey(doc),
		format: DOCUMENT_FORMAT,
		nameLength: doc.name.length,
		textName: text.name,
		textReading: text.reading,
		textKeywords: text.keywords,
		textBody: text.body
	};
	if (doc.lat !== null && doc.lng !== null) meili._geo = { lat: doc.lat, lng: doc.lng };
	return meili;
}

/** Synonyms from the dictionaries (variants and synonym groups), both ways. */
export function dictionarySynonyms(): Record<string, string[]> {
	const synonyms: Record<string, Set<string>> = {};
	const link = (words: string[]) => {
		for (const word of words) {
			synonyms[word] ??= new Set();
			for (const other of words) if (other !== word) synonyms[word].add(other);
		}
	};
	for (const group of dictionaries().synonymGroups) link(group.members);
	return Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others].sort()]));
}

/** The index settings (also what a full reindex applies to the new index before the swap). */
export function indexSettings(maxTotalHits: number): Settings {
	return {
		searchableAttributes: ['textName', 'textReading', 'textKeywords', 'textBody'],
		displayedAttributes: ['*'],
		filterableAttributes: ['field', 'terms', 'targets', 'tags', 'areaIds', 'desk', 'district', 'openDays', 'openHours', '_geo'],
		sortableAttributes: ['sortKey', 'nameLength', '_geo'],
		// 'sort' first: sort=name and sort=distance are strict orders, as in the embedded engine.
		// Relevance searches send no sort, so the text rules decide.
		rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
		// Kanji-only text is otherwise taken for Chinese, and would never meet kana text.
		localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
		synonyms: dictionarySynonyms(),
		pagination: { maxTotalHits },
		faceting: { maxValuesPerFacet: 1000 }
	};
}
