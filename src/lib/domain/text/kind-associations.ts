/**
 * Sign → kind associations learned from the listings' own text: which taxonomy kinds' listings
 * use a word unusually often (夜間 → 訪問介護, 入れ歯 → 歯科, 泊ま → ショートステイ). A sentence that
 * names no 困りごと concept still points to the kinds whose listings describe what it says, in any
 * city's data, without a dictionary entry. Built once per index version from a bounded sample of
 * listings (see EmbeddedSearchEngine.kindAssociations); a lookup at query time is a few map reads.
 */
import type { WorryTier } from './dictionaries';
import { katakanaToHiragana } from './normalize';
import { HIRAGANA_ONLY, segmentedWords } from './words';

export interface AssociationSource {
	/**
	 * Name and description (any listing text that says what the listing does), apart: a description
	 * many listings share is segmented once.
	 */
	texts: readonly string[];
	/** Taxonomy term codes. */
	terms: readonly string[];
	/** 困りごと tags. */
	tags?: readonly string[];
	/** The listing's field (医療, 介護…). */
	field?: string;
}

/** A word counts only when this many listings use it (rarer words are names and chance). */
const MIN_WORD_LISTINGS = 3;
/** Share of a word's listings that must be of the kind (most of them). */
const MIN_SHARE = 0.75;
/** How much more often than the kind's share of all listings (the word tells the kind apart). */
const MIN_LIFT = 4;
/** A word tells a field when this share of its listings are of the field… */
const MIN_FIELD_SHARE = 0.8;
/** …and that is this much more than the field's share of all listings. */
const MIN_FIELD_LIFT = 1.5;
/** Kinds a sentence is pointed to at most. */
const MAX_KINDS = 2;
/** A second kind counts when its evidence is at least this share of the first's. */
const SECOND_KIND_SHARE = 0.5;

const STEM = /(\p{Script=Han})(?=[\u3041-\u309f])/gu;
const CONTENT = /[\p{Script=Han}\p{Script=Katakana}\u3041-\u309f]/u;

/**
 * The content words of a text as the runtime's segmenter cuts it (the same cut for listings and
 * queries, so they meet): 2+ characters, not bare hiragana (particles, endings), kana folded.
 */
export function contentWords(text: string): string[] {
	const words = new Set<string>();
	for (const segment of segmentedWords(text)) {
		if (Array.from(segment).length < 2 || !CONTENT.test(segment) || HIRAGANA_ONLY.test(segment)) continue;
		words.add(katakanaToHiragana(segment));
	}
	// Kanji before kana: a verb's or adjective's stem however it bends (泊まって, 泊まり → 泊;
	// 盗った, 盗られた → 盗), which the segmenter cuts differently in each form; the last kanji, as
	// in 数日泊まり.
	for (const [, stem] of text.matchAll(STEM)) words.add(stem);
	return [...words];
}

export class KindAssociations {
	/** word → listings using it, and per kind how many of those are of the kind. */
	private readonly words = new Map<string, { listings: number; byKind: Map<string, number> }>();
	private readonly kindListings = new Map<string, number>();
	/** word → the field most of its listings are of (only words that tell one). */
	private readonly wordFields = new Map<string, string>();
	/** tag → the kinds of the listings that carry it. */
	private readonly tagKinds = new Map<string, Set<string>>();
	private listings = 0;

	/** Learns from the listings (each distinct text is segmented once, however many listings share it). */
	static build(sources: Iterable<AssociationSource>): KindAssociations {
		const associations = new KindAssociations();
		const wordsOfText = new Map<string, string[]>();
		const fieldListings = new Map<string, number>();
		const wordFieldCounts = new Map<string, Map<string, number>>();
		for (const source of sources) {
			const words = [
				...new Set(
					source.texts.flatMap((text) => {
						let cached = wordsOfText.get(text);
						if (!cached) wordsOfText.set(text, (cached = contentWords(text)));
						return cached;
					})
				)
			];
			associations.add(words, source.terms);
			if (source.field) {
				fieldListings.set(source.field, (fieldListings.get(source.field) ?? 0) + 1);
				for (const word of words) {
					const counts = wordFieldCounts.get(word) ?? new Map<string, number>();
					counts.set(source.field, (counts.get(source.field) ?? 0) + 1);
					wordFieldCounts.set(word, counts);
				}
			}
			for (const tag of source.tags ?? []) {
				const kinds = associations.tagKinds.get(tag) ?? new Set<string>();
				for (const term of source.terms) kinds.add(term);
				associations.tagKinds.set(tag, kinds);
			}
		}
		for (const [word, counts] of wordFieldCounts) {
			const listings = [...counts.values()].reduce((sum, count) => sum + count, 0);
			if (listings < MIN_WORD_LISTINGS) continue;
			for (const [field, count] of counts) {
				const share = count / listings;
				if (share >= MIN_FIELD_SHARE && share / ((fieldListings.get(field) ?? 0) / associations.listings) >= MIN_FIELD_LIFT) associations.wordFields.set(word, field);
			}
		}
		associations.prune();
		return associations;
	}

	private add(words: readonly string[], terms: readonly string[]): void {
		this.listings++;
		for (const term of terms) this.kindListings.set(term, (this.kindListings.get(term) ?? 0) + 1);
		for (const word of words) {
			let entry = this.words.get(word);
			if (!entry) this.words.set(word, (entry = { listings: 0, byKind: new Map() }));
			entry.listings++;
			for (const term of terms) entry.byKind.set(term, (entry.byKind.get(term) ?? 0) + 1);
		}
	}

	/** Keeps only the words that tell a kind apart: memory grows with the vocabulary of signs, not of names. */
	private prune(): void {
		for (const [word, entry] of this.words) {
			const telling = entry.listings >= MIN_WORD_LISTINGS && [...entry.byKind.keys()].some((kind) => this.evidence(entry, kind) > 0);
			if (!telling) this.words.delete(word);
		}
	}

	/** How strongly a word's listings point to a kind: log lift, weighted by the kind's share; 0 when not telling. */
	private evidence(entry: { listings: number; byKind: Map<string, number> }, kind: string): number {
		const share = (entry.byKind.get(kind) ?? 0) / entry.listings;
		const lift = share / ((this.kindListings.get(kind) ?? 0) / this.listings);
		return share >= MIN_SHARE && lift >= MIN_LIFT ? share * Math.log(lift) : 0;
	}

	/**
	 * The field most of a query's words tell (介護 and 泊まり → 介護 over 預け → 子育て); null when
	 * none does, or two tie.
	 */
	fieldFor(queryWords: readonly string[]): string | null {
		const votes = new Map<string, number>();
		for (const text of queryWords) {
			// One vote a word, however many of its parts tell the field.
			const fields = new Set([katakanaToHiragana(text), ...contentWords(text)].flatMap((word) => this.wordFields.get(word) ?? []));
			for (const field of fields) votes.set(field, (votes.get(field) ?? 0) + 1);
		}
		const ranked = [...votes].sort((a, b) => b[1] - a[1]);
		return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
	}

	/** How many kinds the listings carrying a 困りごと tag are of (0: no listing carries it). */
	kindsTagged(tag: string): number {
		return this.tagKinds.get(tag)?.size ?? 0;
	}

	/** Words kept (for tests and memory bounds). */
	get size(): number {
		return this.words.size;
	}

	/**
	 * The kinds a query's words point to, best first (at most MAX_KINDS): each telling word adds its
	 * evidence to the kinds its listings are; [] when no word tells.
	 */
	kindsFor(queryWords: readonly string[]): WorryTier[] {
		const scores = new Map<string, number>();
		const seen = new Set<string>();
		for (const word of queryWords.flatMap((text) => [katakanaToHiragana(text), ...contentWords(text)])) {
			if (seen.has(word)) continue;
			seen.add(word);
			const entry = this.words.get(word);
			if (!entry) continue;
			for (const kind of entry.byKind.keys()) {
				const evidence = this.evidence(entry, kind);
				if (evidence > 0) scores.set(kind, (scores.get(kind) ?? 0) + evidence);
			}
		}
		const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		if (ranked.length === 0) return [];
		return ranked
			.filter(([, score]) => score >= ranked[0][1] * SECOND_KIND_SHARE)
			.slice(0, MAX_KINDS)
			.map(([term]) => ({ term }));
	}
}

/** No listings learned from: points nowhere. */
export const NO_ASSOCIATIONS = new KindAssociations();
