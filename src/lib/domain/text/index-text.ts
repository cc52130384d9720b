/**
 * What both engines index for a listing's text, and the order "name" sorting uses. Built from a
 * SearchDocument with the same dictionaries the query planner uses, so a word rewritten at query
 * time is always present in the listings it should find.
 */
import type { SearchDocument } from '../search';
import { canonicalText, dictionaries, type Dictionaries } from './dictionaries';
import { foldForSearch } from './normalize';

/** Searchable text of one listing, in canonical spelling (not folded: Meilisearch segments it). */
export interface IndexedText {
	/** The listing's name. */
	name: string;
	/** よみがな and the generated reading, hiragana. */
	reading: string;
	/** Terms, tags, organisation, areas, field, and the canonical word of each synonym group met. */
	keywords: string;
	/** Description and address. */
	body: string;
}

/** Canonical words of the synonym groups whose members occur in the text (社協 → 社会福祉協議会). */
export function synonymKeywords(text: string, dicts: Dictionaries = dictionaries()): string[] {
	const folded = foldForSearch(text);
	return dicts.synonymGroups
		.filter((group) => group.foldedMembers.some((member) => folded.includes(member)))
		.map((group) => group.canonical);
}

export function indexedText(doc: SearchDocument, dicts: Dictionaries = dictionaries()): IndexedText {
	const canonical = (text: string) => canonicalText(text, dicts);
	const keywordParts = [...doc.termNames, ...doc.tags, doc.organizationName, ...doc.areaNames, doc.field].map(canonical);
	const name = canonical(doc.name);
	const expansions = synonymKeywords([name, ...keywordParts].join(' '), dicts);
	const readings = [...new Set([doc.kana, doc.reading].filter(Boolean).map(foldForSearch))];
	return {
		name,
		reading: readings.join(' '),
		keywords: [...keywordParts, ...expansions].join(' '),
		body: canonical(`${doc.description} ${doc.address}`)
	};
}

/**
 * Key for よみがな order, the same in both engines: reading (or name) folded to hiragana, compared
 * first without voicing marks, small kana and long vowels (as a Japanese dictionary orders them),
 * then as written. Plain code-unit comparison of two keys gives the order.
 */
export function nameSortKey(doc: Pick<SearchDocument, 'kana' | 'reading' | 'name'>): string {
	const base = foldForSearch(doc.kana || doc.reading || doc.name);
	const primary = base
		.normalize('NFD')
		.replace(/[\u3099\u309A]/g, '')
		.normalize('NFC')
		.replace(/[ぁぃぅぇぉっゃゅょゎ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 1))
		.replace(/ー/g, '');
	return `${primary}\u0001${base}`;
}
