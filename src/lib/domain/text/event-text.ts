/**
 * Event text for search, the same way in both engines and at index and query time: 表記ゆれ and
 * synonyms folded to the canonical spelling, katakana = hiragana, 全角 = 半角, and the よみがな (also
 * by sound, so しんしゅんおちゃかい, シンシュンオチャカイ and しんしゅんおちゃかい find 新春お茶会).
 */
import { canonicalText, foldCanonical } from './dictionaries';
import { foldForSearch, soundKey } from './normalize';

/** What the engines index of a public event. */
export interface EventSearchDocument {
	id: string;
	title: string;
	/** よみがな of the title: as given, or read at index time. */
	reading: string;
	/** Description, place, organisation and listing name. */
	body: string;
	/** events.updated_at when indexed. */
	updatedAt: string;
}

/** Searchable text of one event in canonical spelling (not folded to hiragana: Meilisearch segments it). */
export interface EventIndexedText {
	title: string;
	/** Hiragana, without spaces. */
	reading: string;
	/** The reading's sound key (small kana, ー and long vowels ignored). */
	sound: string;
	body: string;
}

export function eventIndexedText(doc: EventSearchDocument): EventIndexedText {
	const reading = foldForSearch(doc.reading).replace(/\s/g, '');
	return { title: canonicalText(doc.title), reading, sound: soundKey(reading), body: canonicalText(doc.body) };
}

const KANA_ONLY = /^[\u3041-\u309f\u30fc]+$/;

/** One query word (folded, canonical); every word must match. A kana word may also match the reading by sound. */
export interface EventQueryWord {
	text: string;
	sound: string | null;
}

export function eventQueryWords(q: string | undefined): EventQueryWord[] {
	const words = q ? foldCanonical(q).split(' ').filter(Boolean) : [];
	return words.map((text) => ({ text, sound: KANA_ONLY.test(text) ? soundKey(text) : null }));
}
