/**
 * Query planning: what a person typed → what both engines search for. One plan, two engines.
 *
 * The text is normalised (NFKC, 表記ゆれ), cut into words by the longest known word at each
 * position (listing words from the lexicon, readings, synonyms, 困りごと keys, area names, particles),
 * and each word is rewritten to the listings' own spelling. Area words become an area filter,
 * 困りごと become tiers of tags and terms, particles and endings are dropped.
 *
 * The plan is a list of levels, strictest first; an engine answers with the first level that finds
 * anything (so "旭の薬局" shows pharmacies in 旭, and pharmacies elsewhere only when 旭 has none).
 */
import { KANJI_THEN_ENDING, keyReadings, type Dictionaries, type SynonymGroup, type Worry, type WorryTier } from './dictionaries';
import { withinOneEdit, type Lexicon, type LexiconEntry } from './lexicon';
import type { KindAssociations } from './kind-associations';
import { leadWithNamedKinds, namedKinds, type KindName } from './named-kinds';
import { kanaDialectFolds, MAX_KANA_DIALECT_CANDIDATES, MAX_KANA_DIALECT_FOLDS, type DialectFold } from './dialect';
import { foldForSearch, hiraganaToKatakana, kanaBase, katakanaToHiragana, longVowelSpellings, normalizeText, scriptRuns, soundKey } from './normalize';
import { HIRAGANA_ONLY, segmentedPieces, segmentedWords } from './words';

export type { WorryTier };

export interface PlanLevel {
	/** Words that must all match, spelled as the listings spell them. */
	words: string[];
	/**
	 * Words that rank but are not required (weighted OR, BM25-style over name, kind, tags and
	 * description). A level with neither `words` nor `tiers` matches listings with any of them.
	 */
	optional?: string[];
	/** 困りごと: only listings in one of these tiers; earlier tiers rank first. Empty: no such filter. */
	tiers: WorryTier[];
	/**
	 * When the text names several worries: each tier's round (0 for every worry's first kind, 1 for
	 * the second…). Tiers of one round take turns in the list, so each worry's kind shows near the top.
	 */
	tierRounds?: number[];
	/** An area understood from the text (an area id). */
	areaId?: string;
}

export interface QueryPlan {
	levels: PlanLevel[];
	/**
	 * What to search when `levels` find nothing: the levels without the words no listing's name,
	 * kind, term or tag uses (`dropped`). The service tries it once, only after an empty answer.
	 */
	relaxed?: { levels: PlanLevel[]; dropped: string[] };
	/** The text asked for something nearby (近く, 近所). */
	near: boolean;
}

export interface PlannerArea {
	id: string;
	kind: string;
	name: string;
	/** The name's reading (しもじ for 下知): an area typed without kanji conversion. */
	reading?: string | null;
}

export interface PlannerContext {
	dictionaries: Dictionaries;
	lexicon: Lexicon;
	areas: readonly PlannerArea[];
	/** Set when the request already names an area: area words in the text are then plain words. */
	explicitArea?: boolean;
	/** Kinds the listings' own text associates with words (a sentence no concept covers). */
	associations?: KindAssociations;
	/** The taxonomy terms: a kind the text names leads the kinds a concept implies. */
	kinds?: readonly KindName[];
}

/** Most levels an engine is asked to try (each is a query on Meilisearch). */
const MAX_LEVELS = 6;
/** Words a text needs before the kinds its words point to are tried: a sentence, not a search for a name or a kind. */
const MIN_SENTENCE_WORDS = 3;
/** A 困りごと tag carried by listings of this many kinds or more is broad (居場所, 子育ての相談, 話し相手). */
const BROAD_TAG_KINDS = 4;
const PUNCTUATION = /[\s\p{P}\p{S}]+/u;
const MIDDLE_DOTS = /[\u30FB\u00B7]/g;
const AREA_SUFFIXES: Record<string, string[]> = { 地区: ['地区', '地域'], 小学校区: ['小学校区', '校区'], 中学校区: ['中学校区'] };
const AREA_KIND_PRIORITY = ['地区', '小学校区', '中学校区', '市域'];

type Token =
	/**
	 * `head`: the text is a known word with one kanji glued on that no listing uses (児童館): searched
	 * as typed first, as its head word (児童) where nothing has it.
	 */
	| { kind: 'word'; text: string; known: boolean; head?: string; rankOnly?: boolean }
	/** `plain`: a kana reading with no particle of place after it; what it is when nothing else asks for a place. */
	| { kind: 'area'; area: PlannerArea; text: string; plain?: Token }
	| { kind: 'worry'; worry: Worry; text: string }
	| { kind: 'near' }
	| { kind: 'drop' };

type VocabularyItem =
	/**
	 * `shadows`: what the key means when the request already names an area (a plain word, or nothing).
	 * `spoken`: the bare reading of the name (しもじ), an area only where it stands as a word.
	 * `marked`: a spoken reading that is also an everyday word or sound (はだ, a reading typed
	 * unvoiced: はた), an area only before a word that says "place" (see SHORT_READING_PLACE_WORDS).
	 */
	| { kind: 'area'; area: PlannerArea; shadows?: VocabularyItem; spoken?: boolean; marked?: boolean }
	/** `spoken`: a short reading of a kanji key (じちかい), a worry only where it stands as a word. */
	| { kind: 'worry'; worry: Worry; spoken?: boolean }
	| { kind: 'synonym'; canonical: string }
	| { kind: 'lexicon'; entry: LexiconEntry }
	| { kind: 'function' }
	| { kind: 'near' };

interface Vocabulary {
	items: Map<string, VocabularyItem>;
	/** Kana dictionary words by sound key (ほっちょけん finds ほおっちょけん). */
	bySound: Map<string, VocabularyItem>;
	/** Kana worry keys and synonyms by each spelling one kana shorter (and their own): kana typos. Built on first use. */
	byKanaDeletion?: Map<string, string[]>;
	/** Kana keys with a long-vowel mark (へるぱー of ヘルパー) by sound key: a loanword typed without its ー. */
	loanwordsBySound: Map<string, string>;
	/** Longest key in characters (code points, as segmentPieces walks the text), at most MAX_KEY_LENGTH. */
	longest: number;
	/** Longest key in characters by its first character's code point. */
	longestFrom: Map<number, number>;
}

const KANA_ONLY = /^[\u3041-\u309f\u30fc]+$/;
const KATAKANA = /[\u30a1-\u30fa]/;
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/;

/** The readings of the area suffixes (しもじちく for 下知地区). */
const AREA_SUFFIX_READINGS: Record<string, string[]> = { 地区: ['ちく', 'ちいき'] };
/**
 * Shortest bare area reading that counts wherever it stands as a word: two kana (はだ, けら) are too
 * often everyday words (肌) or part of others, so they count only when marked as a place (see
 * SHORT_READING_PLACE_WORDS); three (はるの, かがみ) where they stand as a word (see standsAlone).
 */
const MIN_SPOKEN_AREA_LENGTH = 3;

/**
 * What must follow a marked area reading (はだ, はた for はだ) for it to be the area: words that
 * only a place takes (はだのほうで, はたで, けらのあたり, はだのちかく, こうすにすむ: living there). The
 * particle の alone does not (はだのかゆみ is the skin's itch), nor が/を/から, nor に alone (はだにあう).
 */
const SHORT_READING_PLACE_WORDS = ['で', 'のほう', 'ほう', 'のあたり', 'あたり', 'のへん', 'へん', 'の近く', 'のちかく', 'ちかく', '近く', 'にすむ', 'にすん', 'に住', 'におる', 'にお住'];
/** The place words that begin with a particle, the particle and the rest apart (の + ちかく, に + すむ). */
const PLACE_WORDS_AFTER_PARTICLE = SHORT_READING_PLACE_WORDS.flatMap((word) => {
	const [, particle, rest] = /^([のに])(.+)$/u.exec(word) ?? [];
	return particle ? [{ particle, rest }] : [];
});

/** Kana with a voicing mark (だ, ぼ, ぱ): the marks a reading is typed without (はた for はだ). */
const VOICING_MARKS = /[\u3099\u309a]/gu;

/**
 * A reading with one voiced kana typed unvoiced (はだ → はた, かもだ → かもた): place names are
 * often typed as they are spelled elsewhere or heard (秦 is はた in most of Japan).
 */
function unvoicedSpellings(reading: string): string[] {
	const chars = Array.from(reading);
	const spellings: string[] = [];
	chars.forEach((char, index) => {
		const unvoiced = char.normalize('NFD').replace(VOICING_MARKS, '').normalize('NFC');
		if (unvoiced !== char) spellings.push([...chars.slice(0, index), unvoiced, ...chars.slice(index + 1)].join(''));
	});
	return spellings;
}

type AreaKey = { area: PlannerArea; spoken: boolean; marked?: boolean };

/**
 * Area names as people type them (旭, 旭地区, 旭小学校区), and in kana by their readings (あさひ,
 * あさひちく), 地区 first when names collide. `spoken`: a bare reading (see standsAlone); `marked`:
 * a two-kana reading or one typed unvoiced, an area only before a place word.
 */
function areaKeys(areas: readonly PlannerArea[]): Map<string, AreaKey> {
	const keys = new Map<string, AreaKey>();
	const ordered = [...areas].sort((a, b) => AREA_KIND_PRIORITY.indexOf(a.kind) - AREA_KIND_PRIORITY.indexOf(b.kind));
	const add = (key: string, value: AreaKey) => {
		if (!keys.has(key)) keys.set(key, value);
	};
	for (const area of ordered) {
		const name = katakanaToHiragana(normalizeText(area.name));
		for (const key of [name, ...(AREA_SUFFIXES[area.kind] ?? []).map((suffix) => name + suffix)]) add(key, { area, spoken: false });
	}
	// Readings after every written name: a name written in kana (はりまや) is not made spoken.
	const readings = ordered.flatMap((area) => {
		const reading = area.reading ? katakanaToHiragana(normalizeText(area.reading)) : '';
		return KANA_ONLY.test(reading) && Array.from(reading).length >= 2 ? [{ area, reading }] : [];
	});
	for (const { area, reading } of readings) {
		const short = Array.from(reading).length < MIN_SPOKEN_AREA_LENGTH;
		add(reading, short ? { area, spoken: true, marked: true } : { area, spoken: true });
		for (const suffix of AREA_SUFFIX_READINGS[area.kind] ?? []) add(reading + suffix, { area, spoken: false });
	}
	// Unvoiced spellings last: a reading as written always wins a collision.
	for (const { area, reading } of readings) for (const spelling of unvoicedSpellings(reading)) add(spelling, { area, spoken: true, marked: true });
	return keys;
}

/** Readings tried per kanji of an area name read another way (三: さん, みつ, み). */
const OTHER_READINGS_PER_KANJI = 3;

/**
 * A district's name read by other readings of its kanji (みさと for 三里, しおえ for 潮江): a resident
 * who has only seen the name written types it as it would read elsewhere. Marked (a place only
 * before a place word: みさとで, しおえのほう), for names of two kanji or more, and only a reading
 * no other district shares; every word of the vocabulary is spelled so before it (see vocabulary).
 */
function otherAreaReadings(areas: readonly PlannerArea[], kanjiReadings: ReadonlyMap<string, readonly string[]>): Map<string, AreaKey> {
	const byReading = new Map<string, PlannerArea[]>();
	for (const area of areas) {
		const chars = Array.from(normalizeText(area.name));
		if (area.kind !== '地区' || chars.length < 2 || !chars.every((char) => HAS_KANJI.test(char))) continue;
		let spelled = [''];
		for (const char of chars) spelled = spelled.flatMap((prefix) => (kanjiReadings.get(char) ?? []).slice(0, OTHER_READINGS_PER_KANJI).map((reading) => prefix + reading));
		for (const reading of spelled) {
			if (Array.from(reading).length < MIN_SPOKEN_AREA_LENGTH) continue;
			byReading.set(reading, [...(byReading.get(reading) ?? []), area]);
		}
	}
	const keys = new Map<string, AreaKey>();
	for (const [reading, [area, ...others]] of byReading) if (others.length === 0) keys.set(reading, { area, spoken: true, marked: true });
	return keys;
}

/** Longest key the segmenter tries at a position, in characters. */
const MAX_KEY_LENGTH = 24;

/** One vocabulary per dictionaries, lexicon version and area list, whether or not a request names an area. */
const vocabularyCache = new WeakMap<Lexicon, { dictionaries: Dictionaries; areas: readonly PlannerArea[]; version: number; vocabulary: Vocabulary }>();

/**
 * Every key the segmenter knows, folded. Later additions do not replace earlier ones, so the order
 * sets priority for equal keys: particles, 困りごと, synonyms, areas, then listing words. An area key
 * remembers the listing word it hides, which is what the key means when the request names an area.
 */
function vocabulary(context: PlannerContext): Vocabulary {
	const cached = vocabularyCache.get(context.lexicon);
	const { dictionaries, lexicon, areas } = context;
	if (cached && cached.dictionaries === dictionaries && cached.areas === areas && cached.version === lexicon.version) return cached.vocabulary;
	const items = new Map<string, VocabularyItem>();
	const add = (key: string, item: VocabularyItem) => {
		if (!key) return;
		const existing = items.get(key);
		if (!existing) items.set(key, item);
		else if (existing.kind === 'area' && !existing.shadows && item.kind !== 'area') existing.shadows = item;
	};
	for (const word of dictionaries.functionWords) add(word, { kind: 'function' });
	for (const word of dictionaries.nearWords) add(word, { kind: 'near' });
	for (const [key, worry] of dictionaries.worryByFolded) add(key, dictionaries.shortReadings.has(key) ? { kind: 'worry', worry, spoken: true } : { kind: 'worry', worry });
	// A narrower kind (就労移行支援 of 就労支援) is searched as the listings spell it where they use it,
	// so it is what the search finds; where none does, as its group's word.
	const narrower = (key: string, group: SynonymGroup) => group.foldedNarrower.includes(key);
	for (const [key, group] of dictionaries.synonymByFolded) if (!narrower(key, group)) add(key, { kind: 'synonym', canonical: group.canonical });
	const addArea = (key: string, { area, spoken, marked }: AreaKey) => add(key, spoken ? { kind: 'area', area, spoken, ...(marked ? { marked } : {}) } : { kind: 'area', area });
	for (const [key, areaKey] of areaKeys(areas)) addArea(key, areaKey);
	for (const [key, entry] of lexicon.segmentKeys()) add(key, { kind: 'lexicon', entry });
	for (const [key, group] of dictionaries.synonymByFolded) if (narrower(key, group)) add(key, { kind: 'synonym', canonical: group.canonical });
	// Last: a synonym or variant read aloud (しゃきょう, ほいくえん) gives way to any listing word so read.
	for (const [key, word] of dictionaries.wordByReading) add(key, { kind: 'synonym', canonical: word });
	// After every word: a district read another way (みさと) never hides a word spelled so.
	for (const [key, areaKey] of otherAreaReadings(areas, dictionaries.kanjiReadings)) addArea(key, areaKey);
	let longest = 1;
	const longestFrom = new Map<number, number>();
	const bySound = new Map<string, VocabularyItem>();
	const loanwordsBySound = new Map<string, string>();
	for (const [key, item] of items) {
		const length = Array.from(key).length;
		longest = Math.max(longest, length);
		const first = key.codePointAt(0)!;
		longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, length));
		if (item.kind !== 'function' && key.includes('ー') && KANA_ONLY.test(key)) {
			const sound = soundKey(key);
			if (sound.length >= MIN_LOANWORD_SOUND && !loanwordsBySound.has(sound)) loanwordsBySound.set(sound, key);
		}
		if (item.kind !== 'lexicon' && item.kind !== 'function' && KANA_ONLY.test(key) && key.length >= 4) {
			const sound = soundKey(key);
			if (!bySound.has(sound)) bySound.set(sound, item);
		}
	}
	const result: Vocabulary = { items, bySound, loanwordsBySound, longest: Math.min(longest, MAX_KEY_LENGTH), longestFrom };
	vocabularyCache.set(lexicon, { dictionaries, areas, version: lexicon.version, vocabulary: result });
	return result;
}

/** A vocabulary item as this request reads it: area words are plain words when the request names an area. */
function asRequested(item: VocabularyItem | undefined, context: PlannerContext): VocabularyItem | undefined {
	return item?.kind === 'area' && context.explicitArea ? item.shadows : item;
}

/** A kana area reading with nothing after it saying "place": the area, or the plain word it also is. */
function bareAreaToken(item: VocabularyItem, text: string, context: PlannerContext): Token {
	const token = tokenFor(item, text, context);
	if (token.kind !== 'area' || item.kind !== 'area' || !item.spoken) return token;
	return { ...token, plain: item.shadows ? tokenFor(item.shadows, text, context) : { kind: 'word', text, known: false } };
}

function tokenFor(item: VocabularyItem, text: string, context: PlannerContext): Token {
	switch (item.kind) {
		case 'area':
			// Typed in kana, the area's name is what a listing's text says (下知, not しもじ).
			return { kind: 'area', area: item.area, text: item.spoken ? item.area.name : text };
		case 'worry':
			return { kind: 'worry', worry: item.worry, text };
		case 'synonym':
			return { kind: 'word', text: item.canonical, known: true };
		case 'lexicon':
			// Found by its reading (こそだてのそうだん → 子育ての相談): a worry when typed in kanji is one in kana.
			return knownWord(item.entry.surface, context);
		case 'near':
			return { kind: 'near' };
		case 'function':
			return { kind: 'drop' };
	}
}

/**
 * A word rewritten to the listings' spelling (a reading, a typo): when that spelling is a worry
 * key (認知賞 → 認知症), the worry is understood as if it had been typed right.
 */
function knownWord(surface: string, context: PlannerContext): Token {
	const worry = context.dictionaries.worryByFolded.get(foldForSearch(surface));
	return worry ? { kind: 'worry', worry, text: surface } : { kind: 'word', text: surface, known: true };
}

/** Content words of a stretch nothing known matched, cut by the runtime's word segmenter. */
function kanaStretchWords(stretch: string, functionWords: ReadonlySet<string>): string[] {
	const words: string[] = [];
	for (const segment of segmentedWords(stretch)) {
		// A lone hiragana stays with the hiragana before it (the segmenter splits kana freely), and so
		// does a segment cut inside a mora: after っ (がっ|こう), before a small kana, ー or ん, or
		// between a small ゃゅょ and the vowel that lengthens it (ちゅ|うしゃ).
		const last = words.length - 1;
		if (last >= 0 && HIRAGANA_ONLY.test(segment) && HIRAGANA_ONLY.test(words[last]) && (Array.from(segment).length === 1 || cutsMora(words[last], segment))) {
			words[last] += segment;
		} else words.push(segment);
	}
	// A short stretch with no particle or ending in it is one word nobody knows (ちゅうがっこう,
	// はりきゅう, ゆうゆう): kept whole, so a fragment of it (こう, ゆう) is never a required word.
	const folded = words.map(katakanaToHiragana);
	if (Array.from(stretch).length <= MAX_WHOLE_KANA_WORD && words.length > 1 && !folded.some((word) => functionWords.has(word))) return [stretch];
	return words;
}

/** A short verb's て-form in kana (きて, みて, して): the sentence's verb, not a word to look for. */
const SHORT_TE_FORM = /^[\u3041-\u309f]{1,2}て$/;

/** What follows a verb's て-form to say who does it for whom (刈って|くれる, 見て|もらえる, 来て|ほしい). */
const TE_AUXILIARY = /^(?:くれ|くださ|もら|ほし|いる|いた|いま|みる|みた|おく|おい|しま|あげ)/;
/** A verb's ending up to its て-form, then such a helper (いてくれる of 聞いてくれる). */
const ENDING_AND_HELPER = new RegExp(`^[\u3041-\u309f]{0,2}[てで]${TE_AUXILIARY.source.slice(1)}`);

/** Longest kana stretch with no particle in it kept as one unknown word. */
const MAX_WHOLE_KANA_WORD = 8;

/** Whether `before|after` cuts a kana mora or a long vowel. */
function cutsMora(before: string, after: string): boolean {
	return /っ$/.test(before) || NO_WORD_STARTS_WITH.test(after[0] ?? '') || after.startsWith('ん') || (/[ゃゅょ]$/.test(before) && /^[うおー]/.test(after));
}

/**
 * Words in a stretch nothing known matched. Segmented words of 2+ characters are looked up in the
 * lexicon (typos) or kept as typed; a lone kanji before kana (切れて, 出せない) is a verb stem,
 * kana between known words are endings and a lone kana is a particle: they are dropped when the
 * chunk has other content.
 */
function unknownTokens(canonical: string, context: PlannerContext, chunkHasKnown: boolean, where: { alone: boolean; beforeKnown: boolean; afterTeForm?: boolean }): Token[] {
	const tokens: Token[] = [];
	const runs = scriptRuns(canonical);
	const typedAlone = where.alone && runs.length === 1;
	const { beforeKnown } = where;
	runs.forEach((run, index) => {
		const folded = katakanaToHiragana(run);
		const isKana = KANA_ONLY.test(folded);
		const nextIsKana = index + 1 < runs.length && /^[\u3041-\u309f]/.test(runs[index + 1]);
		if (HIRAGANA_ONLY.test(run) && (chunkHasKnown || Array.from(run).length === 1)) return tokens.push({ kind: 'drop' });
		// A verb's ending and the helper after it (聞|いてくれる, 見|てもらえる): never a word. A bare ending
		// (聞|いて) or a suffix (父|さん) stays as before.
		if (index > 0 && HAS_KANJI.test(runs[index - 1]) && ENDING_AND_HELPER.test(run)) return tokens.push({ kind: 'drop' });
		if (!where.alone && index === 0 && SHORT_TE_FORM.test(run)) return tokens.push({ kind: 'drop' });
		// Kana helping the verb before them (刈って|くれる, 見て|もらえる): who does it for whom.
		if (index === 0 && where.afterTeForm && HIRAGANA_ONLY.test(run) && TE_AUXILIARY.test(run)) return tokens.push({ kind: 'drop' });
		if (chunkHasKnown && Array.from(run).length === 1 && nextIsKana) return tokens.push({ kind: 'drop' });
		const match = lexiconMatch(folded, context, { typos: !isKana || Array.from(folded).length >= 4 });
		if (match) return tokens.push(knownWord(match.entry.surface, context));
		// A kana word spelled by ear (ボランテイア for ボランティア) that a dictionary knows.
		const bySound = isKana && Array.from(folded).length >= 4 ? vocabulary(context).bySound.get(soundKey(folded)) : undefined;
		if (bySound && bySound.kind !== 'area') return tokens.push(tokenFor(bySound, run, context));
		// A lone kanji no listing word is, typed with other words, is a verb stem (行 of 連れて行って) or
		// the someone a sentence is about (人 of いろうの人, 母 of 行けない母), which the engines match
		// inside other words (老人, 人材, 移行): it only ranks what other words or a kind found
		// (受 of 受け取って ranks 受け付け). It is asked for when typed alone, or as a name's part
		// before a listing word (虹 of 虹の薬局).
		const namesKnown = index === runs.length - 1 && beforeKnown;
		if (!typedAlone && !namesKnown && Array.from(run).length === 1 && HAS_KANJI.test(run)) return tokens.push({ kind: 'word', text: run, known: false, rankOnly: true });
		if (!isKana || Array.from(run).length <= 3) return tokens.push({ kind: 'word', text: run, known: false });
		// A long kana stretch nobody knows is several words (ひきこもりのむすこ): keep its segmented words.
		for (const word of kanaStretchWords(run, context.dictionaries.functionWords)) {
			if (context.dictionaries.functionWords.has(katakanaToHiragana(word)) || SHORT_TE_FORM.test(word)) continue;
			tokens.push(Array.from(word).length < 2 ? { kind: 'drop' } : { kind: 'word', text: word, known: false });
		}
	});
	return tokens;
}

/** `bare`: a kana area reading with no particle of place or 近く after it (see standsAlone). */
type Piece = { item: VocabularyItem; text: string; bare?: boolean } | { unknown: string };

const STARTS_WITH_KANJI = /^\p{Script=Han}/u;
/** Longest particle or 近く word looked for after a kana area name. */
const LONGEST_PARTICLE = 4;

/** Particles after which a kana reading is what is seen, done or left, not where to look (あさひがのぼる, かがみをわった, よこはまから). */
const NOT_A_PLACE_AFTER = /^(が|を|から)/;

/**
 * Whether kana at [start, end) of a chunk stand as a word of their own: after the chunk's start or a
 * known word, and before its end, a kanji, a particle or 近く (しもじの, おおつで, しもじちかく). An area
 * read in kana must: はるのいべんと is spring's events, not 春野. 'bare' when nothing after it says
 * "place" (the chunk ends, or a kanji follows): see planQuery.
 */
function standsAlone(chars: readonly string[], start: number, end: number, afterKnown: boolean, items: Map<string, VocabularyItem>): 'place' | 'bare' | false {
	if (start > 0 && !afterKnown) return false;
	if (end >= chars.length || STARTS_WITH_KANJI.test(chars[end])) return 'bare';
	for (let length = 1; length <= LONGEST_PARTICLE && end + length <= chars.length; length++) {
		const next = items.get(katakanaToHiragana(chars.slice(end, end + length).join('')));
		if (next?.kind === 'function' || next?.kind === 'near') return 'place';
	}
	return false;
}

/** する after a noun made a verb (よなき|して, よなき|する, よなき|させ). */
const SURU_FORM = /^[しすさせ]/;

/** Whether kana read as a worry key stand as a word made a verb with する (よなきして): after the chunk's start or a known word. */
function verbOfStanding(chars: readonly string[], start: number, end: number, afterKnown: boolean): 'bare' | false {
	return (start === 0 || afterKnown) && SURU_FORM.test(chars[end] ?? '') ? 'bare' : false;
}

/** Kana no word starts with: small kana and the long-vowel mark. */
const NO_WORD_STARTS_WITH = /^[ぁぃぅぇぉっゃゅょゎー]$/;
/** Longest particle or ending taken for the start of a word when it opens a chunk (あいてる stays an ending). */
const MAX_OPENING_FUNCTION_LENGTH = 3;

/** Whether a particle or ending of `length` kana at a chunk's start is followed by more kana. */
function opensKanaWord(chars: readonly string[], length: number): boolean {
	return length <= MAX_OPENING_FUNCTION_LENGTH && /^[\u3041-\u309f]$/.test(chars[length] ?? '');
}

/** で and いる after it, conjugated (でいる, でいた, でいて, でいます, でいない): a te-form's (住んでいる) or a particle's (しごとでいない, ひとりでいる). */
const DE_THEN_IRU = /^でい[るたてまな]/;

/** Whether the hiragana at [start, start + length) are で and the い of いる after it. */
function isDeThenIru(chars: readonly string[], start: number, length: number): boolean {
	return length === 2 && DE_THEN_IRU.test(chars.slice(start, start + 3).join(''));
}

/** Longest known word at each position; what nothing matches is kept as unknown stretches. */
function segmentPieces(canonical: string, context: PlannerContext): Piece[] {
	if (workMeter) {
		workMeter.segmentations++;
		workMeter.segmentedChars += canonical.length;
	}
	const { items, longest, longestFrom } = vocabulary(context);
	// Folding is one character for one, so positions in `folded` are positions in `canonical`.
	const folded = katakanaToHiragana(canonical);
	const chars = Array.from(folded);
	// Where each character starts in `folded`: a key is one slice, not an array joined per length tried.
	const starts = [0];
	for (const char of chars) starts.push(starts[starts.length - 1] + char.length);
	const original = Array.from(canonical);
	const pieces: Piece[] = [];
	let unknown = '';
	type Found = { item: VocabularyItem; length: number; bare?: boolean };
	/** The longest known word at `i` (`afterKnown`: a known word ends right before it); null when none. */
	const longestAt = (i: number, afterKnown: boolean): Found | null => {
		let found: Found | null = null;
		// No key is longer than the longest starting with this character.
		const keyRoom = longestFrom.get(chars[i].codePointAt(0)!) ?? 0;
		for (let length = Math.min(longest, chars.length - i, keyRoom); length >= 1; length--) {
			const key = folded.slice(starts[i], starts[i + length]);
			let item = asRequested(items.get(key), context);
			let bare = false;
			if ((item?.kind === 'area' || item?.kind === 'worry') && item.spoken) {
				const standing = standsAlone(original, i, i + length, afterKnown, items) || (item.kind === 'worry' && verbOfStanding(original, i, i + length, afterKnown));
				const rest = folded.slice(starts[i + length]);
				const notAPlace = item.kind === 'area' && (NOT_A_PLACE_AFTER.test(rest) || (item.marked === true && !SHORT_READING_PLACE_WORDS.some((word) => rest.startsWith(word))));
				// A kana area name inside other words is the word it hides, if any (はるのいべんと); a short
				// reading of a worry key there is nothing (おいしいしゃけ is not 歯医者).
				if (!standing || notAPlace) item = item.kind === 'area' ? item.shadows : undefined;
				else bare = item.kind === 'area' && standing === 'bare';
			}
			// One-character listing words and two-kana ones (らん, かり) inside a sentence are noise;
			// particles, worries and areas are not.
			// A particle is written in hiragana: ト in ショートステー is part of a katakana word.
			if (item?.kind === 'function' && KATAKANA.test(original.slice(i, i + length).join(''))) continue;
			// Nor is a short one that opens the chunk before more kana (ちゅう|がっこう, や|っきょ), or one
			// that leaves a small kana or ー to start a word (が|っこう): it is the start of a word nothing knows.
			if (item?.kind === 'function' && ((i === 0 && opensKanaWord(chars, length)) || NO_WORD_STARTS_WITH.test(chars[i + length] ?? ''))) continue;
			// で + いる (住んでいる, 悩んでいた, しごとでいない, ひとりでいる) is a te-form's or a particle's, not
			// a short loanword typed in hiragana (でい is デイ only when it stands as a word: でいに行く).
			if (item?.kind === 'synonym' && isDeThenIru(original, i, length)) continue;
			if (item && (item.kind !== 'lexicon' || (length > 1 && !(length === 2 && KANA_ONLY.test(key))))) {
				found = bare ? { item, length, bare } : { item, length };
				break;
			}
		}
		return found;
	};
	for (let i = 0; i < chars.length; ) {
		let found = longestAt(i, unknown === '');
		// A particle or ending that swallows the start of a longer word (が|よなき read as the 土佐弁 がよ):
		// the shorter particle, when the word after it reaches past the longer one.
		if (found?.item.kind === 'function') {
			for (let cut = 1; cut < found.length; cut++) {
				const shorter = items.get(folded.slice(starts[i], starts[i + cut]));
				if (shorter?.kind !== 'function') continue;
				const next = longestAt(i + cut, true);
				if (next && next.item.kind !== 'function' && next.item.kind !== 'near' && cut + next.length > found.length) {
					found = { item: shorter, length: cut };
					break;
				}
			}
		}
		if (!found) {
			unknown += original[i];
			i++;
			continue;
		}
		if (unknown) pieces.push({ unknown });
		unknown = '';
		const text = original.slice(i, i + found.length).join('');
		pieces.push(found.bare ? { item: found.item, text, bare: true } : { item: found.item, text });
		i += found.length;
	}
	if (unknown) pieces.push({ unknown });
	return pieces;
}

const HAS_KANJI = /\p{Script=Han}/u;
/** A kanji with kana right after it: a verb's or an adjective's stem and its ending (歩けない, 受け取って). */
const OKURIGANA = /\p{Script=Han}\p{Script=Hiragana}/u;
/** Most readings tried for one unknown stretch (the product of its kanji's readings). */
const MAX_SLIP_READINGS = 48;

/**
 * The ways a stretch can be read: kana as written, each kanji as written or by its dictionary
 * readings. The kanji that stand alone in the runtime's word segmentation (the suspects) are read
 * first with the words the segmenter knows kept as written (保険 in 介語保険), so the reading budget
 * is not spent on the readings of words that are right; then every kanji (公民感 → こうみんかん).
 * A kanji with kana right after it (歩けない, 話せん, 足り内) is a verb or adjective stem: given `stems`,
 * it is read by its stems only (ある, はな, た), never as a noun or a name (歩 → あゆみ: 歩けない is no
 * listing called あゆみ). Each way is told in its parts, a kanji's reading or a kana each.
 */
function spokenParts(stretch: string, readings: ReadonlyMap<string, readonly string[]>, stems?: ReadonlyMap<string, readonly string[]>): string[][] {
	const pieces = segmentedPieces(stretch);
	const chars = Array.from(stretch);
	const readingsAt = (char: string, at: number) => (stems && OKURIGANA.test(char + (chars[at + 1] ?? '')) ? (stems.get(char) ?? []) : (readings.get(char) ?? []));
	const spellings = (readAll: boolean) => {
		let spelled: string[][] = [[]];
		let at = 0;
		for (const segment of pieces) {
			const suspect = Array.from(segment).length === 1 || readAll;
			for (const char of suspect ? Array.from(segment) : [segment]) {
				const options = HAS_KANJI.test(char) ? [char, ...readingsAt(char, at)] : [char];
				at += Array.from(char).length;
				spelled = spelled.flatMap((prefix) => options.map((option) => [...prefix, option])).slice(0, MAX_SLIP_READINGS);
			}
		}
		return spelled;
	};
	const suspects = spellings(false);
	const ways = new Map<string, string[]>();
	for (const parts of [...suspects, ...spellings(true)]) if (!ways.has(parts.join(''))) ways.set(parts.join(''), parts);
	ways.delete(stretch);
	return [...ways.values()].slice(0, Math.max(MAX_SLIP_READINGS, suspects.length));
}

/** The ways a stretch can be read (see spokenParts), each as one sound. */
function readAloud(stretch: string, readings: ReadonlyMap<string, readonly string[]>): string[] {
	return spokenParts(stretch, readings).map((parts) => parts.join(''));
}

/** How much of a chunk nothing explains (a lone kana left between words is an ending, not a miss). */
function unknownLength(pieces: Piece[]): number {
	return pieces.reduce((sum, piece) => {
		if (!('unknown' in piece)) return sum;
		const length = Array.from(piece.unknown).length;
		return sum + (length === 1 && HIRAGANA_ONLY.test(piece.unknown) ? 0 : length);
	}, 0);
}

/**
 * Whether a stretch nothing knows may be a wrong conversion: some kanji in it stands alone in the
 * runtime's word segmentation. A slip is rarely a word (通員 is cut 通 / 員, 相段 相 / 段), while
 * everyday words outside the listings' vocabulary (冷蔵庫, 心配, 半年) are one word there and must
 * not be read aloud into something else (心配 → こころ).
 */
export function mayBeSlip(stretch: string): boolean {
	return segmentedPieces(stretch).some((piece) => HAS_KANJI.test(piece) && Array.from(piece).length === 1);
}

/**
 * IME slips: a stretch with kanji nothing knows is probably a wrong conversion of the right sound
 * (通員 for 通院, 相段 for 相談, 足り内 for 足りない). Each such stretch is read aloud and the chunk
 * segmented again; the reading that leaves the least unknown wins, when it explains the stretch.
 */
/** Characters the IME-slip pass may segment for one query (see readThroughSlips). */
const MAX_SLIP_SEGMENTED_CHARS = 4_000;

function readThroughSlips(pieces: Piece[], context: PlannerContext): Piece[] {
	const readings = context.dictionaries.kanjiReadings;
	if (readings.size === 0) return pieces;
	let best = pieces;
	// Each reading tried re-segments the whole text: a long run of slips (a 200-character paste) would
	// cost seconds. The longest sentence in the eval sets needs under half of this budget.
	const budget = { chars: MAX_SLIP_SEGMENTED_CHARS };
	// Lone kanji between particles as typed (ので家に) are words of their own, not slips: read as
	// kana they only make particles or fragments of the words around them (家 → い + え → でい).
	const standing = new Set(pieces.flatMap((_, index) => (standsAsWord(pieces, index) ? [standingKey(pieces, index)] : [])));
	for (let index = 0; index < best.length && budget.chars > 0; index++) {
		const piece = best[index];
		if (!('unknown' in piece) || !HAS_KANJI.test(piece.unknown)) continue;
		// A kanji making a person of the listing word before it (支援員) is no slip (支援b).
		if (personOf(best, index)) continue;
		const slip = mayBeSlip(piece.unknown) && !standing.has(standingKey(best, index));
		const chosen =
			(slip ? readAloudSlip(best, index, context, budget) : null) ??
			homophoneInCompound(best, index, context, budget) ??
			lastKanjiReadAloud(best, index, context) ??
			worryKeyHomophone(best, index, context, budget);
		if (chosen) {
			best = chosen;
			index = -1;
		}
	}
	// Two known words side by side may be one word with a homophone slip in it (民生医院 for 民生委員).
	for (let index = 0; index < best.length && budget.chars > 0; index++) {
		const piece = best[index];
		if (isListingWord(piece)) best = homophoneInCompound(best, index, context, budget) ?? best;
	}
	return best;
}

/** Readings tried for the kanji that ends a compound with a slip (its commonest in compounds). */
const LAST_KANJI_READINGS = 3;

/**
 * A compound whose last kanji is a slip (保育縁 for 保育園, 公民感 beside a known 公民): the known word
 * before the lone kanji nothing knows is read by its listing reading, the kanji by its readings, and
 * the whole sound is a word the vocabulary knows by reading (ほいく + えん → 保育園). A few lookups,
 * one re-cut when a word is found.
 */
function lastKanjiReadAloud(pieces: Piece[], index: number, context: PlannerContext): Piece[] | null {
	const piece = pieces[index];
	const previous = pieces[index - 1];
	if (!('unknown' in piece) || !/^\p{Script=Han}$/u.test(piece.unknown) || !previous || !isContentPiece(previous) || !HAS_KANJI.test(pieceText(previous))) return null;
	const previousReading = context.lexicon.lookup(foldForSearch(pieceText(previous)), { typos: false })?.entry.reading;
	if (!previousReading) return null;
	const { items } = vocabulary(context);
	for (const reading of (context.dictionaries.kanjiReadings.get(piece.unknown) ?? []).slice(0, LAST_KANJI_READINGS)) {
		const item = items.get(previousReading + reading);
		const surface = item && listingWordOf(item);
		if (!surface || !HAS_KANJI.test(surface)) continue;
		const text = [...pieces.slice(0, index - 1).map(pieceText), surface, ...pieces.slice(index + 1).map(pieceText)].join('');
		const candidate = segmentPieces(text, context);
		if (unknownChars(candidate) < unknownChars(pieces)) return candidate;
	}
	return null;
}

/** A lone unknown kanji with a particle as typed on either side (not at the chunk's start). */
function standsAsWord(pieces: Piece[], index: number): boolean {
	const particle = (piece: Piece | undefined) => piece === undefined || ('item' in piece && piece.item.kind === 'function');
	const piece = pieces[index];
	return 'unknown' in piece && Array.from(piece.unknown).length === 1 && index > 0 && particle(pieces[index - 1]) && particle(pieces[index + 1]);
}

/** A piece with its neighbours' text, to know it again after other slips were read. */
function standingKey(pieces: Piece[], index: number): string {
	return [pieces[index - 1], pieces[index], pieces[index + 1]].map((piece) => (piece ? pieceText(piece) : '')).join('|');
}

/** The chunk re-cut with the unknown piece at `index` read aloud, the reading that explains it best; null if none does. */
function readAloudSlip(pieces: Piece[], index: number, context: PlannerContext, budget: { chars: number }): Piece[] | null {
	const stretch = pieceText(pieces[index]);
	const before = pieces.slice(0, index).map(pieceText).join('');
	const after = pieces.slice(index + 1).map(pieceText).join('');
	const knownTexts = new Set(pieces.flatMap((p) => ('item' in p ? [p.text] : [])));
	// A particle after the kanji (だけ of 行く間だけ, 三時間だけ), the stretch's own last word or the piece
	// after it, is never cut: a reading that runs into it and leaves part of it (かん + だけ → 神田 + け)
	// is kana run together, no slip read. One that takes it whole into a word is (ほう + もん → 訪問).
	const next = pieces[index + 1];
	const tail = segmentedPieces(stretch).at(-1) ?? '';
	const particle = (text: string) => HIRAGANA_ONLY.test(text) && context.dictionaries.functionWords.has(text);
	const inStretch = particle(tail) && tail !== stretch ? Array.from(tail).length : 0;
	const particleLength = inStretch || (next && 'item' in next && particle(next.text) ? Array.from(next.text).length : 0);
	let chosen: Piece[] | null = null;
	const verb = OKURIGANA.test(stretch);
	const offset = Array.from(before).length;
	for (const parts of spokenParts(stretch, context.dictionaries.kanjiReadings, context.dictionaries.kanjiStems)) {
		if (budget.chars <= 0) break;
		const sound = parts.join('');
		const text = before + sound + after;
		budget.chars -= text.length;
		const candidate = segmentPieces(text, context);
		const particleStart = Array.from(before + sound).length - inStretch;
		if (pieceStarts(candidate).some((start) => start > particleStart && start < particleStart + particleLength)) continue;
		// A verb's reading is cut where its kanji and kana are, never inside a stem's sound (疑い出した is
		// no うた + 外出: がい would start inside うたが).
		if (verb && cutsInsideParts(pieceStarts(candidate), parts, offset)) continue;
		const explained = unknownLength(candidate) < unknownLength(pieces);
		// It reads as a word nothing had found yet, or as mere endings that leave nothing unread
		// (頼み体 → 頼みたい); a lone kanji read as a particle and a stray kana (児童館 → 児童 + か + ん) is not read.
		// A verb read by its stems (受け取って) must make a word: endings alone only cut its kana (う + けど + り).
		const found = candidate.filter((p): p is KnownPiece => 'item' in p && !knownTexts.has(p.text));
		const meaningful = found.some(isContentPiece) || (found.length > 0 && !OKURIGANA.test(stretch) && unknownChars(candidate) < unknownChars(pieces));
		if (explained && meaningful && (!chosen || unknownLength(candidate) < unknownLength(chosen))) chosen = candidate;
	}
	return chosen;
}

/** Whether a piece starts inside one of the parts of a sound that begins at `offset` (not at a part's start). */
function cutsInsideParts(starts: readonly number[], parts: readonly string[], offset: number): boolean {
	const edges = new Set<number>();
	let at = offset;
	for (const part of parts) {
		edges.add(at);
		at += Array.from(part).length;
	}
	return starts.some((start) => start > offset && start < at && !edges.has(start));
}

/** Longest kanji word read as a homophone slip inside a compound, and listing words tried per reading. */
const MAX_HOMOPHONE_SLIP_LENGTH = 4;
const MAX_HOMOPHONES_PER_READING = 4;

/**
 * A real word typed for its homophone inside a compound (放課後自動クラブ for 放課後児童クラブ, 訪問監護
 * for 訪問看護, 民生医院 for 民生委員): a kanji word right beside a known word is replaced by a listing
 * word read the same when, with its neighbour, it makes one longer known word (leaving no more
 * unknown, and less when the word was unknown). A word that joins nothing is left as typed (心配,
 * 冷蔵庫, 医院): only the join is evidence of a slip.
 */
function homophoneInCompound(pieces: Piece[], index: number, context: PlannerContext, budget: { chars: number }): Piece[] | null {
	const typedUnknown = 'unknown' in pieces[index];
	// A kanji word, or a verb nothing knows: its kanji and the kana after them (着てくれる for 来てくれる).
	const [, stretch, okurigana] = /^(\p{Script=Han}+)(\p{Script=Hiragana}*)$/u.exec(pieceText(pieces[index])) ?? [];
	if (!stretch || Array.from(stretch).length > MAX_HOMOPHONE_SLIP_LENGTH) return null;
	if (okurigana ? !typedUnknown : Array.from(stretch).length < 2) return null;
	const besideWord = (neighbour: Piece | undefined) => neighbour !== undefined && isContentPiece(neighbour);
	if (!besideWord(pieces[index - 1]) && !besideWord(pieces[index + 1])) return null;
	const before = pieces.slice(0, index).map(pieceText).join('');
	const after = okurigana + pieces.slice(index + 1).map(pieceText).join('');
	const start = Array.from(before).length;
	const tried = new Set([stretch]);
	let chosen: { pieces: Piece[]; joined: number } | null = null;
	for (const sound of readAloud(stretch, context.dictionaries.kanjiReadings)) {
		if (!KANA_ONLY.test(sound)) continue;
		// A word nothing knows may also be a homophone of a word of the 困りごと phrases (介護保健の申請:
		// 保険 of 介護保険の申請), which need not be a listing word; a known word needs the listings' counts.
		const keyWords = typedUnknown ? (worryKeyWords(context.dictionaries).get(sound) ?? []).map((surface) => ({ surface, count: 0 })) : [];
		for (const entry of [...context.lexicon.homophones(sound).slice(0, MAX_HOMOPHONES_PER_READING), ...keyWords]) {
			if (tried.has(entry.surface) || !HAS_KANJI.test(entry.surface)) continue;
			if (budget.chars <= 0) return chosen?.pieces ?? null;
			tried.add(entry.surface);
			const text = before + entry.surface + after;
			budget.chars -= text.length;
			const candidate = segmentPieces(text, context);
			const join = joinedPiece(candidate, start, start + Array.from(entry.surface).length);
			const joined = join ? Array.from(join.piece.text).length : 0;
			const explained = typedUnknown
				? unknownLength(candidate) < unknownLength(pieces)
				: unknownLength(candidate) <= unknownLength(pieces) && join !== null && (rarerThan(stretch, entry.count, context.lexicon) || onlyInsideJoin(pieces, index, join, context.lexicon));
			if (joined > 0 && explained && (!chosen || joined > chosen.joined)) chosen = { pieces: candidate, joined };
		}
	}
	return chosen?.pieces ?? null;
}

/** Text that continues a word: a kanji or katakana right beside it makes a compound (食道がん is not, 食道癌 and 自動ドア are). */
const CONTINUES_WORD = /[\p{Script=Han}\p{Script=Katakana}]/u;

/**
 * A real word typed for its homophone among the 困りごと words (俳諧 for 徘徊, 生涯 for 障害): a kanji
 * word no listing uses and nothing knows, standing as a word of its own (not in a compound: 自動ドア,
 * 食道癌), is read as a 困りごと word spelled the same only with evidence from the sentence: read so,
 * it makes a longer 困りごと phrase with the words beside it (生涯のある娘 → 障害のある娘), or it is a
 * 困りごと of a field another 困りごと of the sentence is in (俳諧 beside 限界: 介護). Without such a
 * signal a word stays as typed (食道の病気: 食堂 is a 困りごと word, but nothing else is about meals).
 */
function worryKeyHomophone(pieces: Piece[], index: number, context: PlannerContext, budget: { chars: number }): Piece[] | null {
	const piece = pieces[index];
	if (!('unknown' in piece)) return null;
	const [, word, okurigana] = /^(\p{Script=Han}{1,4})(\p{Script=Hiragana}*)$/u.exec(piece.unknown) ?? [];
	if (!word) return null;
	const before = pieces.slice(0, index).map(pieceText).join('');
	const after = okurigana + pieces.slice(index + 1).map(pieceText).join('');
	if (CONTINUES_WORD.test(Array.from(before).at(-1) ?? '')) return null;
	const worriesElsewhere = pieces.flatMap((other) => ('item' in other && other.item.kind === 'worry' ? [other.item.worry] : []));
	const fieldsElsewhere = new Set(worriesElsewhere.flatMap((worry) => (worry.field ? [worry.field] : [])));
	const start = Array.from(before).length;
	/** The sentence re-cut with `key` for the `typed` text at the piece, if the sentence shows the slip. */
	const readAs = (key: string, typed: string, sameFieldOnly: boolean): Piece[] | null => {
		const text = before + key + after.slice(typed.length - word.length);
		budget.chars -= text.length;
		const candidate = segmentPieces(text, context);
		const end = start + Array.from(key).length;
		// The 困りごと read where the key stands: the key itself, or a longer phrase it joins (介護に疲れ).
		const read = worryPiecesOver(candidate, start, end);
		const joinsPhrase = read.some(({ at, piece }) => at < start || at + Array.from(piece.text).length > end);
		const signal = read.some(({ piece }) => piece.item.kind === 'worry' && (sameFieldOnly ? piece.item.worry.field !== undefined && fieldsElsewhere.has(piece.item.worry.field) : worriesElsewhere.length > 0));
		return (joinsPhrase || signal) && unknownLength(candidate) < unknownLength(pieces) ? candidate : null;
	};
	// A kanji word (俳諧): the 困りごと words read so, and the sound itself where a key is spelled in
	// kana (はいかい: 徘 has no reading to index 徘徊 by). Only another 困りごと of its field is a signal.
	if (Array.from(word).length >= 2 && (okurigana || !CONTINUES_WORD.test(Array.from(after)[0] ?? ''))) {
		for (const sound of readAloud(word, context.dictionaries.kanjiReadings)) {
			if (!KANA_ONLY.test(sound)) continue;
			const keys = [...(worryKeyWords(context.dictionaries).get(sound) ?? []), ...(context.dictionaries.worryByFolded.has(sound) ? [sound] : [])];
			for (const key of keys) {
				if (key === word || budget.chars <= 0) continue;
				const chosen = readAs(key, word, true);
				if (chosen) return chosen;
			}
		}
	}
	// Kanji with their kana ending (夜鳴き for 夜泣き, 付かれ for 疲れ): a whole 困りごと phrase sounds the
	// same, its ending included, a closer match than a word's: any other 困りごと is a signal.
	const ending = /^\p{Script=Hiragana}*/u.exec(after)![0];
	for (let length = Math.min(Array.from(ending).length, MAX_PHRASE_ENDING); length >= 1; length--) {
		const typed = word + ending.slice(0, length);
		if (!KANJI_THEN_ENDING.test(typed) || ADJECTIVE.test(typed)) continue;
		for (const sound of keyReadings(typed, context.dictionaries.kanjiReadings, context.dictionaries.kanjiStems, { minLength: 1 })) {
			for (const key of context.dictionaries.phraseKeysBySound.get(sound) ?? []) {
				if (key === typed || budget.chars <= 0) continue;
				const chosen = readAs(key, typed, false);
				if (chosen) return chosen;
			}
		}
	}
	return null;
}

/** The 困りごと pieces that overlap [start, end) of the pieces' text, with where each starts. */
function worryPiecesOver(pieces: Piece[], start: number, end: number): { piece: KnownPiece; at: number }[] {
	const over: { piece: KnownPiece; at: number }[] = [];
	let at = 0;
	for (const piece of pieces) {
		const length = Array.from(pieceText(piece)).length;
		if ('item' in piece && piece.item.kind === 'worry' && at < end && at + length > start) over.push({ piece, at });
		at += length;
	}
	return over;
}

/**
 * Kanji and い: an adjective (熱い, 暑い, 厚い), a word of its own, not a slip of a 困りごと noun
 * that ends in a verb's い (集い, 手伝い).
 */
const ADJECTIVE = /^\p{Script=Han}+い$/u;

/** Longest kana ending of a 困りごと phrase compared (疲れ: れ, 夜泣き: き, 寝込んで: んで). */
const MAX_PHRASE_ENDING = 3;

/** A piece the segmenter found in its vocabulary. */
type KnownPiece = Extract<Piece, { item: VocabularyItem }>;

/** The known word that covers [start, end) of the pieces' text and more besides, and where it starts; null when none does. */
function joinedPiece(pieces: Piece[], start: number, end: number): { piece: KnownPiece; at: number } | null {
	const found = pieceAt(pieces, start);
	if (!found || found.start + found.length < end) return null;
	const { piece } = found;
	return 'item' in piece && piece.item.kind !== 'function' && found.length > end - start ? { piece, at: found.start } : null;
}

/** How many listings use a word as spelled; 0 when none does. */
function listingUses(text: string, lexicon: Lexicon): number {
	const match = lexicon.lookup(text, { typos: false });
	return match?.kind === 'surface' ? match.entry.count : 0;
}

/** The typed word is used by the listings at most half as often as its homophone (歯科委員: 委員 for 医院). */
function rarerThan(typed: string, homophoneUses: number, lexicon: Lexicon): boolean {
	return listingUses(typed, lexicon) * 2 <= homophoneUses;
}

/** Readings tried per kanji of a 困りごと phrase's word (its commonest in compounds). */
const KEY_WORD_READINGS_PER_KANJI = 2;
const worryKeyWordsCache = new WeakMap<Dictionaries, Map<string, string[]>>();

/**
 * The kanji words (2–4 kanji) of the 困りごと phrases by their readings (ほけん → 保険 from
 * 介護保険の申請), built once per dictionaries: what an unknown word beside a known one may have
 * been meant as, where the listings never use the word itself.
 */
function worryKeyWords(dictionaries: Dictionaries): Map<string, string[]> {
	const cached = worryKeyWordsCache.get(dictionaries);
	if (cached) return cached;
	const byReading = new Map<string, string[]>();
	for (const key of dictionaries.worryByFolded.keys()) {
		// Kanji words, and the kanji of verbs (来 of 家に来て).
		const verbKanji: readonly string[] = key.match(/(?<!\p{Script=Han})\p{Script=Han}(?=\p{Script=Hiragana})/gu) ?? [];
		for (const word of [...segmentedWords(key), ...verbKanji]) {
			const chars = Array.from(word);
			if (chars.length > MAX_HOMOPHONE_SLIP_LENGTH || !chars.every((char) => HAS_KANJI.test(char)) || (chars.length === 1 && !verbKanji.includes(word))) continue;
			let spelled = [''];
			for (const char of chars) {
				const options = dictionaries.kanjiReadings.get(char)?.slice(0, KEY_WORD_READINGS_PER_KANJI) ?? [];
				spelled = spelled.flatMap((prefix) => options.map((option) => prefix + option));
			}
			for (const reading of spelled) {
				const words = byReading.get(reading);
				if (!words) byReading.set(reading, [word]);
				else if (!words.includes(word)) words.push(word);
			}
		}
	}
	worryKeyWordsCache.set(dictionaries, byReading);
	return byReading;
}

/**
 * Evidence that a correctly spelled word (医院) was typed for its homophone (委員): each word it would
 * join is used by the listings no more often than the joined word, so it means nothing there but that
 * compound (民生 only in 民生委員). A word with uses of its own (児童: 児童クラブ, 児童館) next to 医院 is a
 * phrase as typed (児童医院), not 児童委員.
 */
function onlyInsideJoin(pieces: Piece[], index: number, join: { piece: KnownPiece; at: number }, lexicon: Lexicon): boolean {
	const joinUses = listingUses(join.piece.text, lexicon);
	const joinEnd = join.at + Array.from(join.piece.text).length;
	let at = 0;
	for (const [position, piece] of pieces.entries()) {
		const end = at + Array.from(pieceText(piece)).length;
		const inside = at < joinEnd && end > join.at;
		if (inside && position !== index && 'item' in piece && listingUses(piece.text, lexicon) > joinUses) return false;
		at = end;
	}
	return true;
}

/** Kana spellings one character shorter (every single deletion). */
function oneKanaShorter(text: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
	return out;
}

/** Kana worry keys and synonyms by each spelling one kana shorter, and by their own. */
function kanaDeletionIndex(items: Map<string, VocabularyItem>): Map<string, string[]> {
	const index = new Map<string, string[]>();
	for (const [key, item] of items) {
		// Listing words are in the lexicon's own typo index; areas are names, not typed by ear.
		if (item.kind !== 'worry' && item.kind !== 'synonym') continue;
		if (key.length < MIN_KANA_TYPO_LENGTH || key.length > MAX_KANA_TYPO_LENGTH || !KANA_ONLY.test(key)) continue;
		for (const variant of new Set([key, ...oneKanaShorter(key)])) {
			const keys = index.get(variant);
			if (keys) keys.push(key);
			else index.set(variant, [key]);
		}
	}
	return index;
}

/** Shortest and longest stretch of kana compared with known words for a typo (でんきう is four). */
const MIN_KANA_TYPO_LENGTH = 4;
const MAX_KANA_TYPO_LENGTH = 10;

/**
 * The known word a stretch of kana was meant to be, one kana off (でんきう → 電球, ひやくさい… by
 * sound): a worry key or synonym spelled in kana, or a listing word with kanji by its reading.
 * Returns the spelling to read instead; null when nothing is that close.
 */
function kanaTypoReading(folded: string, context: PlannerContext): string | null {
	const vocabularyNow = vocabulary(context);
	const { items } = vocabularyNow;
	const byKanaDeletion = (vocabularyNow.byKanaDeletion ??= kanaDeletionIndex(items));
	const candidates = new Set<string>();
	for (const variant of [folded, ...oneKanaShorter(folded)]) for (const key of byKanaDeletion.get(variant) ?? []) candidates.add(key);
	for (const key of candidates) {
		if (key !== folded && asRequested(items.get(key), context) && isKanaSlip(folded, key)) return key;
	}
	const match = context.lexicon.lookup(folded);
	// A listing word spelled in kana (a name: あおぞら) is not what a kana slip is read as.
	if (match && (match.kind === 'surface' || !HAS_KANJI.test(match.entry.surface))) return null;
	if (match && (match.kind !== 'typo' || isKanaSlip(folded, match.entry.reading))) return match.entry.surface;
	return edgeSlipReading(folded, byKanaDeletion.get(folded) ?? [], context);
}

/** Fewest kana a word keeps when its first or last kana was dropped (ひとりぐら for ひとりぐらし). */
const MIN_EDGE_SLIP_LENGTH = 5;

/**
 * A kana dropped at a word's edge (ひとりぐら, こどもしょくど): a slip only when what is left is
 * long and exactly one known word (a worry key, synonym or listing word by its reading) is it
 * with one kana more at that edge. A short or shared stem is a word of its own or a guess
 * (てくれる is not みてくれる).
 */
function edgeSlipReading(folded: string, worryKeys: readonly string[], context: PlannerContext): string | null {
	if (Array.from(folded).length < MIN_EDGE_SLIP_LENGTH) return null;
	const { items } = vocabulary(context);
	/** Each word that extends the typed kana, by its kana spelling: what to read instead (null: a kana name). */
	const meant = new Map<string, string | null>();
	for (const key of worryKeys) {
		if (extendsAtEdge(folded, key) && asRequested(items.get(key), context)) meant.set(key, key);
	}
	for (const entry of context.lexicon.edgeExtensions(folded)) {
		const spelling = extendsAtEdge(folded, entry.reading) ? entry.reading : entry.folded;
		if (!meant.has(spelling)) meant.set(spelling, HAS_KANJI.test(entry.surface) ? entry.surface : null);
	}
	return meant.size === 1 ? [...meant.values()][0] : null;
}

/** Whether `word` is `typed` with one kana more at its start or its end. */
function extendsAtEdge(typed: string, word: string): boolean {
	return Array.from(word).length === Array.from(typed).length + 1 && (word.startsWith(typed) || word.endsWith(typed));
}

/**
 * Whether kana typed by ear or on a phone is one slip from a word: a kana dropped or added, or one
 * kana for its voiced, unvoiced or small form (こ for ご, よ for ょ). Not any other kana for another:
 * はいたつ (配達) is a word of its own, not a slip for はったつ (発達).
 */
export function isKanaSlip(typed: string, meant: string): boolean {
	const a = Array.from(typed);
	const b = Array.from(meant);
	if (a.length !== b.length) {
		// Inside the word: a kana more or less at either end is another word (てくれる, みてくれる).
		const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
		let at = 0;
		while (at < shorter.length && longer[at] === shorter[at]) at++;
		return at > 0 && at < shorter.length && withinOneEdit(typed, meant);
	}
	const differing = a.flatMap((char, index) => (char === b[index] ? [] : [index]));
	return differing.length === 1 && kanaBase(a[differing[0]]) === kanaBase(b[differing[0]]);
}

/**
 * The listing word a folded word stands for (see Lexicon.lookup). Typed in kana, a word one edit
 * away is only a typo when the edit is a kana slip (see isKanaSlip): せんせい is a word of its own,
 * not 民生 (みんせい) with one kana changed.
 */
function lexiconMatch(folded: string, context: PlannerContext, options?: { typos?: boolean }) {
	const match = context.lexicon.lookup(folded, options);
	if (match?.kind !== 'typo' || !KANA_ONLY.test(folded)) return match;
	return isKanaSlip(folded, match.entry.reading) || isKanaSlip(folded, match.entry.folded) ? match : null;
}

/** A piece as typed. */
function pieceText(piece: Piece): string {
	return 'unknown' in piece ? piece.unknown : piece.text;
}

/** For each character of the chunk (code points), whether it is in a piece nothing knows. */
function unknownMask(pieces: readonly Piece[]): boolean[] {
	return pieces.flatMap((piece) => Array.from(pieceText(piece), () => 'unknown' in piece));
}

/** The piece over character `at` of the chunk (code points): its index, where it starts and its length; null past the end. */
function pieceAt(pieces: readonly Piece[], at: number): { piece: Piece; index: number; start: number; length: number } | null {
	let start = 0;
	for (const [index, piece] of pieces.entries()) {
		const length = Array.from(pieceText(piece)).length;
		if (at < start + length) return at >= start ? { piece, index, start, length } : null;
		start += length;
	}
	return null;
}

/** Where each piece starts in the chunk, in characters (code points). */
function pieceStarts(pieces: readonly Piece[]): number[] {
	const starts: number[] = [];
	let at = 0;
	for (const piece of pieces) {
		starts.push(at);
		at += Array.from(pieceText(piece)).length;
	}
	return starts;
}

/** Characters of a chunk's pieces nothing knows (lone kana too). */
function unknownChars(pieces: Piece[]): number {
	return pieces.reduce((sum, piece) => sum + ('unknown' in piece ? Array.from(piece.unknown).length : 0), 0);
}

/** Passes of the kana-typo reading over one chunk (each applies every improving window it meets). */
const MAX_KANA_TYPO_PASSES = 3;

/**
 * Work the planner did, for tests that bound it without a clock: segmentations (cuts of a text
 * into pieces), the characters they cut, and kana-typo candidates judged.
 */
export interface PlanningWork {
	segmentations: number;
	segmentedChars: number;
	kanaTypoCandidates: number;
}

// Set only while countPlanningWork runs (tests): a search pays a null check, and shares no counter.
let workMeter: PlanningWork | null = null;

/** The work the planner does while `plan` runs (planning is synchronous: no other request's work counts). */
export function countPlanningWork(plan: () => unknown): PlanningWork {
	const work: PlanningWork = { segmentations: 0, segmentedChars: 0, kanaTypoCandidates: 0 };
	const outer = workMeter;
	workMeter = work;
	try {
		plan();
	} finally {
		workMeter = outer;
	}
	return work;
}

/** The pieces of [start, end) of a chunk, an unknown piece cut where the range cuts it. */
function piecesBetween(pieces: Piece[], start: number, end: number): Piece[] {
	const out: Piece[] = [];
	let at = 0;
	for (const piece of pieces) {
		const chars = Array.from(pieceText(piece));
		const pieceEnd = at + chars.length;
		if (pieceEnd > start && at < end) {
			if ('unknown' in piece) out.push({ unknown: chars.slice(Math.max(start - at, 0), Math.min(end, pieceEnd) - at).join('') });
			else out.push(piece);
		}
		at = pieceEnd;
	}
	return out;
}

/** Adjacent unknown pieces as one (a local re-cut may end inside an unknown stretch). */
function mergedUnknowns(pieces: Piece[]): Piece[] {
	const out: Piece[] = [];
	for (const piece of pieces) {
		const last = out[out.length - 1];
		if ('unknown' in piece && last && 'unknown' in last) out[out.length - 1] = { unknown: last.unknown + piece.unknown };
		else out.push(piece);
	}
	return out;
}

/**
 * Kana typed with a slip (でんきう for でんきゅう, ほうもんかんこ for ほうもんかんご, ひやく for ひゃく):
 * a run of kana in which something is left unknown is compared, window by window, with the known
 * words by one plausible slip (see kanaTypoReading). Left to right, at each piece edge the window
 * whose reading leaves the least unknown (longest first) is applied and the scan goes on after it.
 * A candidate is judged by re-cutting only the window and the text just after it (where the
 * reading may join the next word), never the whole chunk: planning stays linear in the text's
 * length (a 200-kana query is one request, not a second of work).
 */
function readThroughKanaTypos(pieces: Piece[], context: PlannerContext): Piece[] {
	const { longest } = vocabulary(context);
	let best = pieces;
	for (let pass = 0, changed = true; changed && pass < MAX_KANA_TYPO_PASSES; pass++) {
		changed = false;
		let chars = Array.from(best.map(pieceText).join(''));
		let folded = Array.from(katakanaToHiragana(chars.join('')));
		let unknownAt: boolean[] = [];
		let pieceStart = new Set<number>();
		const layOut = () => {
			chars = Array.from(best.map(pieceText).join(''));
			folded = Array.from(katakanaToHiragana(chars.join('')));
			unknownAt = unknownMask(best);
			pieceStart = new Set<number>([...pieceStarts(best), chars.length]);
		};
		layOut();
		// A window starts and ends between pieces, never inside a word (known or not): でんきう takes
		// in the particle で the cut had taken; あしが|いたくて is not あしがない with な dropped.
		const edge = (at: number) => pieceStart.has(at);
		for (let from = 0; from < folded.length; from++) {
			if (!KANA_ONLY.test(folded[from]) || !edge(from)) continue;
			let to = from;
			while (to < folded.length && to - from < MAX_KANA_TYPO_LENGTH && KANA_ONLY.test(folded[to])) to++;
			let chosen: { pieces: Piece[]; unknown: number; length: number; reading: string; end: number } | null = null;
			for (; to - from >= MIN_KANA_TYPO_LENGTH; to--) {
				if (chosen && to - from < chosen.length) break;
				// Two kana nothing knows at least: a lone one is an ending.
				// It may end inside a stretch nothing knows when the slip hid where the word ends
				// (しようがいしゃ|てて), if kana for kana: with a kana dropped there, あしがい|たくて would read あしがない.
				const endsInUnknown = !edge(to) && unknownAt[to - 1] && unknownAt[to];
				if ((!edge(to) && !endsInUnknown) || unknownAt.slice(from, to).filter(Boolean).length < 2) continue;
				if (workMeter) workMeter.kanaTypoCandidates++;
				const read = kanaTypoReading(folded.slice(from, to).join(''), context);
				if (!read || (endsInUnknown && Array.from(read).length !== to - from)) continue;
				// Typed in katakana, read in katakana (グループホム → グループホーム): a worry key found
				// through it keeps the listings' spelling, and its words rank as when typed right.
				const reading = KANA_ONLY.test(read) && KATAKANA_WORD.test(chars.slice(from, to).join('')) ? hiraganaToKatakana(read) : read;
				// The text after the window as far as a word the reading may join reaches.
				let end = Math.min(chars.length, to + longest);
				// Not inside a known word (its cut would count as unknown); inside an unknown stretch is fine.
				while (end < chars.length && !edge(end) && !unknownAt[end]) end++;
				const local = segmentPieces(reading + chars.slice(to, end).join(''), context);
				const unknown = unknownChars(local);
				const unknownBefore = unknownAt.slice(from, end).filter(Boolean).length;
				if (unknown < unknownBefore && (!chosen || unknown - unknownBefore < chosen.unknown || (unknown - unknownBefore === chosen.unknown && to - from > chosen.length))) {
					chosen = { pieces: local, unknown: unknown - unknownBefore, length: to - from, reading, end };
				}
			}
			if (!chosen) continue;
			best = mergedUnknowns([...piecesBetween(best, 0, from), ...chosen.pieces, ...piecesBetween(best, chosen.end, chars.length)]);
			changed = true;
			layOut();
			// Windows do not overlap: the next one starts after this reading.
			from += Array.from(chosen.reading).length - 1;
		}
	}
	return best;
}

/**
 * Words found by their reading or a slip, written back as the listings spell them, so that the
 * words around them join them when together they are one known word (訪問看語 → 訪問 + かんご →
 * 訪問看護; 地域包活支援センター → 地域包括支援センター). Unchanged when nothing joins.
 */
function joinedAsSpelled(pieces: Piece[], context: PlannerContext): Piece[] {
	let rewritten = false;
	const spelled = pieces.map((piece) => {
		const spelling = 'item' in piece ? listingsSpellingOf(piece.item, piece.text, context) : null;
		if (!spelling || spelling === pieceText(piece)) return pieceText(piece);
		rewritten = true;
		return spelling;
	});
	if (!rewritten) return pieces;
	const joined = segmentPieces(spelled.join(''), context);
	return joined.length < pieces.length && unknownChars(joined) <= unknownChars(pieces) ? joined : pieces;
}

/**
 * How the listings spell a known piece: a listing word as the listing does, a synonym as its group's
 * word, a worry key in kana (read from a slip: 解護 → かいご) as the listing word of that reading.
 */
function listingsSpellingOf(item: VocabularyItem, text: string, context: PlannerContext): string | null {
	const word = listingWordOf(item);
	if (word) return word;
	if (item.kind === 'worry' && KANA_ONLY.test(katakanaToHiragana(text))) {
		return context.lexicon.lookup(katakanaToHiragana(text), { typos: false })?.entry.surface ?? null;
	}
	return null;
}

/** A listing word as the listings spell it, a synonym as its group's word; null for any other item. */
function listingWordOf(item: VocabularyItem): string | null {
	if (item.kind === 'lexicon') return item.entry.surface;
	if (item.kind === 'synonym') return item.canonical;
	return null;
}

/** Whether a piece is a word with meaning (not a particle, an ending or 近く). */
function isContentPiece(piece: Piece): boolean {
	return 'item' in piece && piece.item.kind !== 'function' && piece.item.kind !== 'near';
}

/** A content piece from at or before `start` through at least `end` (UTF-16 offsets of the chunk). */
function contentPieceSpans(pieces: Piece[], start: number, end: number): boolean {
	let at = 0;
	for (const piece of pieces) {
		const pieceEnd = at + pieceText(piece).length;
		if (isContentPiece(piece) && at <= start && pieceEnd >= end) return true;
		at = pieceEnd;
		if (at > start) return false;
	}
	return false;
}

/** A content piece of two or more characters that ends at `end` or one kana before it (つかれ|ている, にゅういん|し|ている). */
function contentPieceEndsAt(pieces: Piece[], end: number): boolean {
	let at = 0;
	for (const piece of pieces) {
		const text = pieceText(piece);
		at += text.length;
		if (isContentPiece(piece) && text.length >= 2 && (at === end || at === end - 1)) return true;
		if (at >= end) return false;
	}
	return false;
}

/** Longest particle or ending looked for after a dialect ending. */
const LONGEST_FUNCTION_WORD = 4;

/**
 * 〜ちゅう, 〜ちょる, 〜ちょった where a sentence or clause ends: at the chunk's end or before a
 * particle or ending (き, けんど, が, よ). ちょう and じゅう are not: as kana they are mostly a kanji's
 * reading inside a word (いっちょうめ, しちょうに, ねんじゅう, さんじゅう), so they are read only where the
 * verb is known.
 */
function endsLikeTeForm(fold: DialectFold, text: string, context: PlannerContext): boolean {
	if (fold.ending !== 'te' || fold.typed === 'ちょう' || fold.typed === 'じゅう') return false;
	if (fold.end >= text.length) return true;
	const { items } = vocabulary(context);
	for (let length = 1; length <= LONGEST_FUNCTION_WORD && fold.end + length <= text.length; length++) {
		if (items.get(katakanaToHiragana(text.slice(fold.end, fold.end + length)))?.kind === 'function') return true;
	}
	return false;
}

/** Kana a verb stem keeps inside the known word its fold makes (ね|ない inside らいねん is not a verb). */
const MIN_KANA_STEM = 2;

/**
 * 土佐弁 endings after a verb typed in kana (こまっちゅう, ふろにはいれん): a candidate fold (see
 * dialect.ts) is read where the verb it makes is one the dictionaries or listings know: stem and
 * standard ending in one word (はいれな, こまってい), or, before 〜ている, a known word right before
 * it (つかれ|ている, にゅういん|し|ている). Never where the kana as typed are already a known word
 * through that place (しょうがいしゃてちょう is 障害者手帳), and ほけん, らいねん stay: a noun whose
 * reading merely ends like a verb stays the noun, whatever noun it is, with no list of nouns.
 */
function readKanaDialect(chunk: string, context: PlannerContext): ChunkReading {
	let text = chunk;
	let pieces: Piece[] | null = null;
	let from = 0;
	let candidates = kanaDialectFolds(text);
	// Only a candidate judged by segmenting the folded text counts against the budget (the ん inside
	// おかあさん is passed over for free), and the chunk's last ending is judged even when the budget is
	// spent: in a long sentence the real ending is usually the last (…せんせいがこまっちゅう).
	for (let segmented = 0, seen = 0; seen < MAX_KANA_DIALECT_CANDIDATES; seen++) {
		const at = candidates.findIndex((candidate) => candidate.at >= from);
		if (at < 0) break;
		const fold = candidates[at];
		from = fold.at + 1;
		// An ending needs a verb before it: ちゅう opening the chunk is ちゅうがっこう, ちゅうしゃ.
		if (fold.at < MIN_KANA_STEM) continue;
		pieces ??= segmentPieces(text, context);
		if (contentPieceSpans(pieces, fold.at - 1, fold.at + 1)) continue;
		if (segmented >= MAX_KANA_DIALECT_FOLDS && at < candidates.length - 1) continue;
		segmented++;
		const folded = segmentPieces(fold.text, context);
		const verbKnown = contentPieceSpans(folded, fold.at - MIN_KANA_STEM, fold.at + 1) || (fold.ending === 'te' && contentPieceEndsAt(folded, fold.at));
		if (!verbKnown && !endsLikeTeForm(fold, text, context)) continue;
		text = fold.text;
		pieces = folded;
		candidates = kanaDialectFolds(text);
	}
	return pieces ? { text, pieces } : { text };
}

/**
 * A chunk as the kana readers left it, with its segmentation (segmentPieces of the text) once one
 * was made: the next reader and chunkTokens take it instead of cutting the same text again.
 */
interface ChunkReading {
	text: string;
	pieces?: Piece[];
}

/** The reading's segmentation, made at most once. */
function piecesOf(reading: ChunkReading, context: PlannerContext): Piece[] {
	return (reading.pieces ??= segmentPieces(reading.text, context));
}

/** Most づ / ぢ in one chunk tried as ず / じ (one segmentation each). */
const MAX_KANA_SPELLING_REPAIRS = 4;
const DZU_DJI = /[づぢ]/g;

/**
 * づ typed for ず, ぢ for じ (あづかって for あずかって): each is read as ず / じ where that leaves less
 * of the chunk unknown, so a word with づ of its own (つづく, かたづけ) stays as typed.
 */
function readKanaSpelling(chunk: ChunkReading, context: PlannerContext): ChunkReading {
	if (!chunk.text.includes('づ') && !chunk.text.includes('ぢ')) return chunk;
	let { text } = chunk;
	let pieces = piecesOf(chunk, context);
	let unknown = unknownChars(pieces);
	for (const match of [...chunk.text.matchAll(DZU_DJI)].slice(0, MAX_KANA_SPELLING_REPAIRS)) {
		const at = match.index ?? 0;
		const repaired = text.slice(0, at) + (match[0] === 'づ' ? 'ず' : 'じ') + text.slice(at + 1);
		const repairedPieces = segmentPieces(repaired, context);
		const repairedUnknown = unknownChars(repairedPieces);
		if (repairedUnknown < unknown) {
			text = repaired;
			pieces = repairedPieces;
			unknown = repairedUnknown;
		}
	}
	return { text, pieces };
}

/** Most respellings of a long vowel tried in one chunk (one segmentation each). */
const MAX_LONG_VOWEL_TRIALS = 6;
/** Small ょ / ゅ: a long vowel after them is often not typed at all (しゃきょ for しゃきょう). */
const YOON_O_U = /^[ょゅ]$/;

/** Where a long vowel may be respelled in kana nothing knows: [at, length, spellings to try]. */
function longVowelCandidates(chars: readonly string[], unknownAt: readonly boolean[]): Array<[at: number, length: number, spellings: readonly string[]]> {
	const candidates: Array<[number, number, readonly string[]]> = [];
	for (let i = 1; i < chars.length; i++) {
		if (!unknownAt[i] || !HIRAGANA_OR_MARK.test(chars[i - 1]) || !HIRAGANA_OR_MARK.test(chars[i])) continue;
		const spellings = longVowelSpellings(chars[i - 1]);
		if (spellings.includes(chars[i])) candidates.push([i, 1, spellings.filter((spelling) => spelling !== chars[i])]);
		// A long vowel left out after ょ / ゅ (てちょ, しゃきょ): read with う where that explains more.
		if (YOON_O_U.test(chars[i]) && !longVowelSpellings(chars[i]).includes(chars[i + 1] ?? '')) candidates.push([i + 1, 0, ['う']]);
	}
	return candidates;
}
const HIRAGANA_OR_MARK = /^[\u3041-\u309fー]$/;

/** Fewest kana of the word a long vowel left out is read into: かいじょ is 介助 as often as 会場. */
const MIN_ADDED_VOWEL_WORD = 6;

/** Whether the piece over character `at` is a long 困りごと key or synonym (not a listing word). */
function longDictionaryWordAt(pieces: Piece[], at: number): boolean {
	const found = pieceAt(pieces, at);
	if (!found || !('item' in found.piece)) return false;
	const { kind } = found.piece.item;
	return (kind === 'worry' || kind === 'synonym') && found.length >= MIN_ADDED_VOWEL_WORD;
}

/**
 * A long vowel spelled by ear (とうく for とおく, ほおかご for ほうかご, でいさあびす for でいさーびす) or
 * left out after ょ / ゅ (しゃきょ for しゃきょう): inside kana nothing knows, each such vowel is read
 * with its other spellings where that leaves less of the chunk unknown, so a word spelled right stays.
 */
function readLongVowels(chunk: ChunkReading, context: PlannerContext): Required<ChunkReading> {
	let { text } = chunk;
	let pieces = piecesOf(chunk, context);
	let unknown = unknownChars(pieces);
	let trials = 0;
	let from = 0;
	while (unknown > 0 && trials < MAX_LONG_VOWEL_TRIALS) {
		const chars = Array.from(text);
		const unknownAt = unknownMask(pieces);
		const candidate = longVowelCandidates(chars, unknownAt).find(([at]) => at >= from);
		if (!candidate) break;
		const [at, length, spellings] = candidate;
		from = at + 1;
		let best: { text: string; pieces: Piece[]; unknown: number } | null = null;
		for (const spelling of spellings) {
			if (trials++ >= MAX_LONG_VOWEL_TRIALS) break;
			const respelled = [...chars.slice(0, at), spelling, ...chars.slice(at + length)].join('');
			const respelledPieces = segmentPieces(respelled, context);
			const respelledUnknown = unknownChars(respelledPieces);
			// A vowel added makes many short words (かいじょ → 会場 for 介助): only a long dictionary word.
			if (length === 0 && !longDictionaryWordAt(respelledPieces, at)) continue;
			if (respelledUnknown < (best?.unknown ?? unknown)) best = { text: respelled, pieces: respelledPieces, unknown: respelledUnknown };
		}
		if (!best) continue;
		({ text, pieces, unknown } = best);
		from = at + 1;
	}
	return { text, pieces };
}

/** Shortest sound key of a loanword read without its ー (へるぱ); two kana (ほむ) are everywhere. */
const MIN_LOANWORD_SOUND = 3;
/** Longest kana stretch searched for a loanword, and most loanword respellings judged in one chunk. */
const MAX_LOANWORD_STRETCH = 12;
const MAX_LOANWORD_TRIALS = 4;
/** Kana a one-kana particle before an unknown stretch may have taken from it (でも|へ|るぱさん). */
const LOANWORD_LOOKBACK = 2;
/** Honorifics after a person's loanword (へるぱさん, けあまねさん): what may follow it unknown. */
const LOANWORD_HONORIFIC = /^(さん|ちゃん|さま|くん)/;

/**
 * A katakana loanword typed in hiragana with its long-vowel marks left out (へるぱさん for ヘルパーさん,
 * ぐるぷほむ for グループホーム, けあまねじゃ for ケアマネージャー): kana nothing knows (with a one-kana
 * particle just before it, which may be the word's first kana) whose sound key is a listing or
 * dictionary loanword's is respelled as that word, when the word then stands whole and is followed by
 * the end of the stretch, a known word or an honorific (せんたく is not センター + く).
 */
function readDroppedLongMarks(chunk: Required<ChunkReading>, context: PlannerContext): Required<ChunkReading> {
	const { items, loanwordsBySound } = vocabulary(context);
	let { text, pieces } = chunk;
	if (loanwordsBySound.size === 0) return chunk;
	let chars = Array.from(text);
	let starts = pieceStarts(pieces);
	let trials = 0;
	for (let index = 0; index < pieces.length && trials < MAX_LOANWORD_TRIALS; index++) {
		const piece = pieces[index];
		if (!('unknown' in piece) || !/^[\u3041-\u309f]+$/.test(piece.unknown)) continue;
		const offset = starts[index];
		// A particle of one kana right before the stretch may be the loanword's first kana.
		let from = offset;
		for (let back = index - 1; back >= 0 && offset - from < LOANWORD_LOOKBACK; back--) {
			const previous = pieces[back];
			if (!('item' in previous) || previous.item.kind !== 'function' || Array.from(previous.text).length !== 1) break;
			from -= 1;
		}
		const end = Math.min(offset + Array.from(piece.unknown).length, from + MAX_LOANWORD_STRETCH);
		const respelled = loanwordRespelling(chars, from, offset, end, loanwordsBySound, items);
		if (!respelled) continue;
		trials++;
		const respelledPieces = segmentPieces(respelled.text, context);
		if (!standsAsLoanword(respelledPieces, respelled.at, respelled.word)) continue;
		text = respelled.text;
		pieces = respelledPieces;
		chars = Array.from(text);
		starts = pieceStarts(pieces);
	}
	return { text, pieces };
}

/** The longest loanword whose sound key spells chars[start, stop) for a start in [from, offset], stop ≤ end. */
function loanwordRespelling(
	chars: readonly string[],
	from: number,
	offset: number,
	end: number,
	loanwordsBySound: ReadonlyMap<string, string>,
	items: ReadonlyMap<string, VocabularyItem>
): { text: string; at: number; word: string } | null {
	for (let stop = end; stop - from >= MIN_LOANWORD_SOUND; stop--) {
		for (let start = from; start <= offset && stop - start >= MIN_LOANWORD_SOUND; start++) {
			const typed = chars.slice(start, stop).join('');
			const word = loanwordsBySound.get(soundKey(typed));
			if (!word || word === typed || !HIRAGANA_OR_MARK_RUN.test(typed) || items.has(typed)) continue;
			return { text: chars.slice(0, start).join('') + word + chars.slice(stop).join(''), at: start, word };
		}
	}
	return null;
}
const HIRAGANA_OR_MARK_RUN = /^[\u3041-\u309fー]+$/;

/** Whether the pieces hold `word` whole at `at`, followed by nothing, a known word or an honorific. */
function standsAsLoanword(pieces: Piece[], at: number, word: string): boolean {
	const found = pieceAt(pieces, at);
	if (!found || found.start !== at || !('item' in found.piece) || found.piece.text !== word) return false;
	const next = pieces[found.index + 1];
	return next === undefined || 'item' in next || LOANWORD_HONORIFIC.test(next.unknown);
}

/** One chunk (no spaces or punctuation) → tokens. */
function chunkTokens(typed: string, context: PlannerContext): Token[] {
	const reading = readDroppedLongMarks(readLongVowels(readKanaSpelling(readKanaDialect(typed, context), context), context), context);
	const canonical = reading.text;
	const folded = katakanaToHiragana(canonical);
	const { items, bySound } = vocabulary(context);
	const whole = asRequested(items.get(folded), context);
	// A marked reading (はた, かもた for かもだ) is a place only before a place word, never a chunk alone:
	// read on, as a slip of the name (かもた → 鴨田) or the word it is.
	if (whole && !(whole.kind === 'area' && whole.marked)) return [bareAreaToken(whole, canonical, context)];
	const wholeMatch = lexiconMatch(folded, context);
	if (wholeMatch && wholeMatch.kind !== 'typo') return [knownWord(wholeMatch.entry.surface, context)];
	const soundMatch = KANA_ONLY.test(folded) ? bySound.get(soundKey(folded)) : undefined;
	// A name heard alike is an area or nothing: the word an area key hides is not heard alike.
	const wholeSound = soundMatch?.kind === 'area' && context.explicitArea ? undefined : soundMatch;
	if (wholeSound) return [tokenFor(wholeSound, canonical, context)];

	const pieces = joinedAsSpelled(readThroughKanaTypos(readThroughSlips(reading.pieces, context), context), context);
	const hasKnown = pieces.some(isContentPiece);
	const tokens = pieces.flatMap((piece, index) => {
		if (!('item' in piece)) return gluedKanji(pieces, index) ? [] : unknownTokens(piece.unknown, context, hasKnown, { alone: pieces.length === 1, beforeKnown: beforeContentWord(pieces, index), afterTeForm: afterTeForm(pieces, index) });
		const token = (piece.bare ? bareAreaToken : tokenFor)(piece.item, piece.text, context);
		const glued = gluedKanji(pieces, index + 1);
		return [glued && token.kind === 'word' ? { kind: 'word' as const, text: token.text + glued, known: false, head: token.text } : token];
	});
	// A word nothing knows inside the chunk, while the whole chunk is one typo away from a listing
	// word (訪門看護 → 訪問看護): the typo reading explains it better than the pieces do.
	const leftUnknown = tokens.some((token) => token.kind === 'word' && !token.known && !token.head);
	// A person of a listing word (支援 + 員) may be read as the place of the word (保育士 → 保育所), never
	// as the word with a letter (支援員 is no typo of 支援b: the person is found where 支援 is).
	const personSuffixed = pieces.some((_, index) => personOf(pieces, index));
	const readsPerson = !personSuffixed || (wholeMatch !== null && wholeMatch !== undefined && HAS_KANJI.test(Array.from(wholeMatch.entry.surface).at(-1) ?? ''));
	if (wholeMatch && readsPerson && (!hasKnown || leftUnknown)) return [knownWord(wholeMatch.entry.surface, context)];
	return tokens;
}

/** The piece before `index` is a verb's て-form ending (刈|って): kana opening the piece may help it. */
function afterTeForm(pieces: Piece[], index: number): boolean {
	const before = pieces[index - 1];
	return before !== undefined && 'item' in before && before.item.kind === 'function' && /て$/.test(before.text);
}

/** The first piece after `index` that is not a particle is a known word (虹 + の + 薬局). */
function beforeContentWord(pieces: Piece[], index: number): boolean {
	const next = pieces.slice(index + 1).find((piece) => !('item' in piece) || piece.item.kind !== 'function');
	return next !== undefined && isContentPiece(next);
}

/**
 * Kanji that make a word for a person of the word before them (保育士, 保育園児, 相談員): such a person
 * is found where the word before them is (保育 → nurseries), not where a text merely names them
 * (子育て相談室: 保育士に相談できます).
 */
const PERSON_SUFFIXES = new Set(['士', '師', '員', '児', '者', '生', '人']);

/** The piece at `index` is a PERSON_SUFFIXES kanji right after a listing word (支援 + 員). */
function personOf(pieces: Piece[], index: number): boolean {
	const piece = pieces[index];
	const word = pieces[index - 1];
	return 'unknown' in piece && PERSON_SUFFIXES.has(piece.unknown) && isListingWord(word);
}

/** A listing word or a synonym of one, as the segmenter found it. */
function isListingWord(piece: Piece | undefined): boolean {
	return piece !== undefined && 'item' in piece && (piece.item.kind === 'lexicon' || piece.item.kind === 'synonym');
}

/**
 * The kanji at `index` when it is one kanji nothing knows, glued to the end of a listing word and
 * ending the word there (児童 + 館, before the chunk's end or a particle): the two are one word as
 * typed (児童館), not the listing word and noise. Not a kanji that makes a person of the word.
 */
function gluedKanji(pieces: Piece[], index: number): string | null {
	const piece = pieces[index];
	const word = pieces[index - 1];
	const next = pieces[index + 1];
	if (!piece || !('unknown' in piece) || Array.from(piece.unknown).length !== 1 || !HAS_KANJI.test(piece.unknown)) return null;
	if (!isListingWord(word) || personOf(pieces, index)) return null;
	return !next || ('item' in next && next.item.kind === 'function') ? piece.unknown : null;
}

/**
 * A concept's places with its own kinds before a tag that listings of many kinds carry (子育ての相談
 * is on nurseries and 子ども食堂 alike; 夜泣き is for the 子育て相談 kind first), where the concept
 * asks for it (kinds_before_broad_tags): elsewhere a broad tag first is the curators' choice (健康づくり
 * keeps dentists and clinics before 百歳体操). Which tags are broad is learned from the listings;
 * without them, the concept's order as written.
 */
function kindsBeforeBroadTags(worry: Worry, context: PlannerContext): WorryTier[] {
	return worry.kindsBeforeBroadTags ? broadTagsLast(worry.lookFor, context) : worry.lookFor;
}

/** Places with the tags listings of many kinds carry after the kinds (see kindsBeforeBroadTags). */
function broadTagsLast(lookFor: WorryTier[], context: PlannerContext): WorryTier[] {
	const broad = (tier: WorryTier) => 'tag' in tier && (context.associations?.kindsTagged(tier.tag) ?? 0) >= BROAD_TAG_KINDS;
	if (!lookFor.some(broad) || !lookFor.some((tier) => 'term' in tier)) return lookFor;
	return [...lookFor.filter((tier) => !broad(tier)), ...lookFor.filter(broad)];
}

/**
 * Where to look for the worries, each place once: every concept's first kind, then every
 * concept's second kind, and so on (a sentence naming two worries shows both kinds first).
 */
function worryTiers(worries: Worry[], context: PlannerContext): { tiers: WorryTier[]; rounds: number[] } {
	const tiers = new Map<string, { tier: WorryTier; round: number }>();
	const places = worries.map((worry) => kindsBeforeBroadTags(worry, context));
	// A kind every worry of the sentence looks for is what they ask together (認知症 + 施設: the
	// グループホーム): it takes the first turn, beside each worry's own first kind.
	const shared = places.length > 1 ? places[0].filter((tier) => places.every((lookFor) => lookFor.some((other) => JSON.stringify(other) === JSON.stringify(tier)))) : [];
	for (const tier of shared) tiers.set(JSON.stringify(tier), { tier, round: 0 });
	const deepest = Math.max(0, ...places.map((lookFor) => lookFor.length));
	for (let depth = 0; depth < deepest; depth++) {
		for (const lookFor of places) {
			const tier = lookFor[depth];
			if (tier && !tiers.has(JSON.stringify(tier))) tiers.set(JSON.stringify(tier), { tier, round: depth });
		}
	}
	const entries = [...tiers.values()];
	return { tiers: entries.map((entry) => entry.tier), rounds: entries.map((entry) => entry.round) };
}

function levelKey(level: PlanLevel): string {
	return JSON.stringify([level.words, level.optional ?? [], level.tiers, level.areaId ?? null]);
}

/**
 * A worry's words as the listings spell them: read aloud or typed in kana (かいご), 介護 ranks; a key
 * no listing word reads so, as the key is written (しょうがいしゃてちょう → 障害者手帳).
 */
function listingSpelling(text: string, context: PlannerContext): string {
	const folded = katakanaToHiragana(text);
	if (!KANA_ONLY.test(folded)) return text;
	return context.lexicon.lookup(folded, { typos: false })?.entry.surface ?? context.dictionaries.keyByReading.get(folded) ?? text;
}

/**
 * A phrase and the content words inside it (子育ての相談 → 子育て, 相談): a listing whose name says
 * 子育て相談 speaks of the worry even where the phrase itself is only a tag every listing shares.
 */
function withContentParts(phrase: string, context: PlannerContext): string[] {
	const parts: string[] = [];
	for (const segment of segmentedWords(phrase)) {
		if (segment === phrase || Array.from(segment).length < 2 || HIRAGANA_ONLY.test(segment)) continue;
		if (!context.dictionaries.functionWords.has(katakanaToHiragana(segment))) parts.push(segment);
	}
	return [phrase, ...parts];
}

/**
 * Where to look for the worries. When they are of different fields and the sentence's words tell
 * one of them (介護 and 泊まり in 介護している母を数日泊まりで預けて), that field's concepts' kinds come
 * first and the others' after them (their rounds follow); otherwise see worryTiers.
 */
function toldFieldFirst(worries: Worry[], sentenceWords: string[], context: PlannerContext, toldField?: string): { tiers: WorryTier[]; rounds: number[] } {
	const fields = new Set(worries.map((worry) => worry.field));
	const field = fields.size > 1 ? (toldField ?? context.associations?.fieldFor(sentenceWords)) : null;
	const lead = worries.filter((worry) => worry.field === field);
	if (!field || lead.length === 0) return worryTiers(worries, context);
	const rest = worries.filter((worry) => worry.field !== field);
	const first = worryTiers(lead, context);
	const second = worryTiers(rest, context);
	const offset = Math.max(0, ...first.rounds) + 1;
	const placed = new Set(first.tiers.map((tier) => JSON.stringify(tier)));
	const later = second.tiers.flatMap((tier, index) => (placed.has(JSON.stringify(tier)) ? [] : [{ tier, round: second.rounds[index] + offset }]));
	return { tiers: [...first.tiers, ...later.map((entry) => entry.tier)], rounds: [...first.rounds, ...later.map((entry) => entry.round)] };
}

/** A space typed between two runs of hiragana (phrases of a sentence typed without conversion). */
const SPACE_BETWEEN_KANA = /(?<=[\u3041-\u309f])[\s\u3000]+(?=[\u3041-\u309f])/gu;

/**
 * A sentence typed in kana is often spaced after each phrase (ひとりぐらしで だれとも はなさない):
 * a space is left out where a 困りごと key spans it (だれとも|はなさない), so the worry is heard as
 * if typed together, and where a place word is split after its particle (こうすに すむ, けらの ちかく),
 * so a district's name read in kana is heard as the place it is. Other spaces still part words
 * nothing knows (ぼうぼう じぶん).
 */
function joinKanaPhrases(text: string, context: PlannerContext): string {
	const { items, longest } = vocabulary(context);
	return text.replace(SPACE_BETWEEN_KANA, (space, offset: number, whole: string) => {
		const rest = whole.slice(offset + space.length);
		if (PLACE_WORDS_AFTER_PARTICLE.some((word) => whole.slice(0, offset).endsWith(word.particle) && rest.startsWith(word.rest))) return '';
		const before = Array.from(whole.slice(0, offset)).slice(-longest);
		const after = Array.from(rest).slice(0, longest);
		for (let from = 0; from < before.length; from++) {
			const head = before.slice(from).join('');
			for (let length = 1; length <= after.length && before.length - from + length <= longest; length++) {
				if (items.get(head + after.slice(0, length).join(''))?.kind === 'worry') return '';
			}
		}
		return space;
	});
}

/** Plans a non-empty query text. */
export function planQuery(q: string, context: PlannerContext): QueryPlan {
	const canonical = context.dictionaries.standardizeDialect(context.dictionaries.canonicalize(normalizeText(q))).replace(MIDDLE_DOTS, '');
	const tokens = joinKanaPhrases(canonical, context)
		.split(PUNCTUATION)
		.filter((chunk) => chunk.length > 0)
		.flatMap((chunk) => chunkTokens(chunk, context));
	// A kana reading alone (あさひ, かがみ) is a place only when the sentence asks for something there
	// (a kind, a worry, 近く); else it is the plain word, and listings named after it come first.
	const asksForSomething = tokens.some((token) => token.kind === 'worry' || token.kind === 'near' || (token.kind === 'word' && token.known));
	if (!asksForSomething) tokens.forEach((token, index) => token.kind === 'area' && token.plain && (tokens[index] = token.plain));

	const words: string[] = [];
	/** Words no listing's name, kind, term or tag uses (大変, 将来): they rank only where no worry does. */
	const unknownWords = new Set<string>();
	const addWord = (word: string, known = true) => {
		if (!words.includes(word)) words.push(word);
		if (!known) unknownWords.add(word);
	};
	/** Words typed with a kanji glued on (児童館) → their head word (児童); see Token. */
	const heads = new Map<string, string>();
	/** Words that rank inside a kind but never make a listing match (see unknownTokens). */
	const rankOnly = new Set<string>();
	const matching = (base: string[]) => base.filter((word) => !rankOnly.has(word));
	let area: { area: PlannerArea; text: string } | null = null;
	const worries: Array<{ worry: Worry; text: string }> = [];
	let near = false;
	for (const token of tokens) {
		if (token.kind === 'word') {
			addWord(token.text, token.known);
			if (token.head) heads.set(token.text, token.head);
			if (token.rankOnly) rankOnly.add(token.text);
		}
		else if (token.kind === 'area' && !area) area = token;
		else if (token.kind === 'area') addWord(token.text);
		else if (token.kind === 'worry' && !worries.some((w) => w.worry === token.worry)) worries.push(token);
		else if (token.kind === 'near') near = true;
	}
	// A lone kanji only ranks when another content word is still asked for (病院 of 病院に連れて行って):
	// with only endings (いて, くれる), particles or other lone kanji left (話を聞いてほしい, 行けない母,
	// お寺), the lone kanji are the words asked for, or the text would find nothing.
	const keepsContent = tokens.some((token) => token.kind === 'worry' || (token.kind === 'word' && !token.rankOnly && (token.known || HAS_KANJI.test(token.text))));
	if (!keepsContent) rankOnly.clear();
	const specific = worries.filter((entry) => !entry.worry.generic);
	const specificFields = new Set(specific.map((entry) => entry.worry.field));
	const counts = ({ worry }: { worry: Worry }) => !worry.generic || (worry.joinsOwnField && worry.field !== undefined && specificFields.has(worry.field));
	const chosenWorries = specific.length > 0 ? worries.filter(counts) : worries;
	// Who the sentence is about and what is missing (車いすの妹 + 出かける先がない): the field and the
	// kinds a situation frame reads. A concept of that field named by what is missing (学校が終わ,
	// 日中することがない, 介護に疲れ) knows the kinds better: the frame then only says whose field leads.
	// A concept named by who or the condition (トイレ, 寝たきり, 車いす) says nothing of what is
	// missing: the frame's kinds come first, the concepts' after them.
	const situations = context.dictionaries.situations;
	const frame = situations.frameOf(canonical);
	const namesNeed = !frame?.leads && chosenWorries.some(({ worry, text }) => !worry.generic && worry.field === frame?.field && !situations.describesWho(text));
	// Japanese puts the head last (障害者の就労支援 is about 就労支援): the last concept's kinds lead.
	const told = toldFieldFirst(
		chosenWorries.map((entry) => entry.worry).reverse(),
		// A lone kanji no listing word is (人) says nothing of the field.
		[...words.filter((word) => !unknownWords.has(word) || Array.from(word).length > 1), ...chosenWorries.map((entry) => entry.text)],
		context,
		namesNeed ? frame?.field : undefined
	);
	// A frame speaks of kinds: a tag many kinds carry (話し相手) comes after them.
	const framed = frame && !namesNeed ? broadTagsLast(frame.lookFor, context) : [];
	const framedKeys = new Set(framed.map((tier) => JSON.stringify(tier)));
	const implied = [...framed, ...told.tiers.filter((tier) => !framedKeys.has(JSON.stringify(tier)))];
	// One worry: its kinds in order. Several: each one's kind in turn (see PlanLevel.tierRounds).
	// A frame's kinds: in order, before all of them.
	const impliedRounds = chosenWorries.length > 1 && framed.length === 0 ? told.rounds : undefined;
	// A kind the text names (薬局 in 車いすで行ける薬局) leads; the concepts' kinds follow.
	const namingWords = [...words, ...chosenWorries.filter(({ text }) => !situations.describesWho(text)).map(({ text }) => text)];
	const readingOf = (word: string) => {
		const match = context.lexicon.lookup(foldForSearch(word), { typos: false });
		return match?.kind === 'surface' ? match.entry.reading : undefined;
	};
	const named = implied.length > 0 ? namedKinds(namingWords, canonical, context.kinds ?? [], context.dictionaries, readingOf) : [];
	const led = named.length > 0 ? leadWithNamedKinds(named, implied, impliedRounds) : { tiers: implied, rounds: impliedRounds };
	const tiers = led.tiers;
	const tierRounds = led.rounds ? { tierRounds: led.rounds } : {};

	const levels: PlanLevel[] = [];
	const push = (level: PlanLevel) => {
		if (level.optional?.length === 0) delete level.optional;
		if (level.words.length === 0 && level.tiers.length === 0 && !level.areaId && !level.optional?.length) return;
		if (levels.length < MAX_LEVELS && !levels.some((existing) => levelKey(existing) === levelKey(level))) levels.push(level);
	};
	const areaId = area?.area.id;
	// Words the worry did not consume, and the concepts' hint words: they rank, never exclude.
	const hints = [...new Set([...(framed.length > 0 ? frame!.hints : []), ...chosenWorries.flatMap((entry) => entry.worry.hints)])].filter((hint) => !words.includes(hint));
	// The worry's own words rank too (a listing that says 入浴 for お風呂 is no better, but one that
	// says 認知症 for 認知症 is), they just never exclude.
	// Most telling first (the concepts' hints, the worry's words, then the rest): Meilisearch drops
	// optional words from the end.
	// Inside the concept's kinds, words no listing vocabulary knows are the sentence's chatter around
	// the worry (大変, 心配): a listing that merely contains one must not outrank one that speaks of
	// the worry itself.
	const worryWords = chosenWorries.flatMap((entry) => withContentParts(listingSpelling(entry.text, context), context));
	const ranking = (base: string[]) => [...new Set([...hints, ...worryWords, ...base.filter((word) => !unknownWords.has(word))])];
	const headsOf = (base: string[]) => base.map((word) => heads.get(word) ?? word);
	const withText = (typed: string[], levelArea: string | undefined) => {
		// Inside a sentence a glued word ranks by its head too (児童館 → 児童).
		const base = tiers.length > 0 ? [...new Set([...typed, ...headsOf(typed)])] : typed;
		const matched = matching(base);
		if (tiers.length > 0) {
			push({ words: [], optional: ranking(base), tiers, ...tierRounds, areaId: levelArea });
			// Nothing tagged for the worry: any of its words or the others, best covered first.
			push({ words: [], optional: [...matched, ...worryWords], tiers: [], areaId: levelArea });
			return;
		}
		push({ words: matched, tiers: [], areaId: levelArea });
		// Nothing has the glued word as typed (児童館): its head word (児童) is what is asked for.
		if (base.some((word) => heads.has(word))) push({ words: headsOf(matched), tiers: [], areaId: levelArea });
		// A sentence no concept covers, whose words the listings of some kind use unusually often
		// (入れ歯 → 歯科): that kind's listings, ranked by the words, before any listing with one word.
		// A sentence counts its lone kanji (畑, 持 of 畑の野菜を持って行きたい), but they say little of a kind
		// (庭 is in 校庭 of every after-school club): only the longer words choose it.
		const telling = tellingWords(matched);
		const learned = base.length >= MIN_SENTENCE_WORDS && telling.length > 0 ? (context.associations?.kindsFor(telling) ?? []) : [];
		if (learned.length > 0) push({ words: [], optional: base, tiers: learned, areaId: levelArea });
		// Nothing has all the words: every word counts, weighted by how rare it is and where it
		// matches; the more and rarer words a listing has, the higher it ranks.
		// (A copy: levels never share a words list.)
		if (matched.length > 1) push({ words: [], optional: [...matched], tiers: [], areaId: levelArea });
	};
	withText(words, areaId);
	if (area) {
		// The area word may be part of a name (旭 in 旭町ほおっちょけん薬局), or the area has nothing.
		push({ words: [area.text, ...matching(words)], tiers: [], areaId: undefined });
		if (words.length > 0 || tiers.length > 0) withText(words, undefined);
	}
	if (levels.length === 0) push({ words: [canonical], tiers: [], areaId: undefined });
	const relaxed = tiers.length === 0 ? relaxedLevels(matching(words), unknownWords, rankOnly, areaId) : undefined;
	return { levels, near, ...(relaxed ? { relaxed } : {}) };
}

/**
 * The words that say something on their own: more than one character. A lone kanji (行 of 銀行, 旅行,
 * 行政; 庭 of 校庭) is inside too many words to choose a kind or to match as one of "any of them".
 */
function tellingWords(words: readonly string[]): string[] {
	return words.filter((word) => Array.from(word).length > 1);
}

/**
 * When the words find nothing: the words no listing vocabulary knows (愚痴, a kana fragment) are
 * what excluded everything, so they go; the lone kanji that only ranked (聞 of 聞いてくれる) are
 * then asked for. All remaining words first, then any of the longer ones. None when nothing would
 * change or only a person (人, 者) would be left.
 */
function relaxedLevels(required: readonly string[], unknownWords: ReadonlySet<string>, rankOnly: ReadonlySet<string>, areaId: string | undefined): QueryPlan['relaxed'] {
	const dropped = required.filter((word) => unknownWords.has(word) && !rankOnly.has(word));
	if (dropped.length === 0) return undefined;
	const left = [...required.filter((word) => !dropped.includes(word)), ...[...rankOnly].filter((word) => !required.includes(word))];
	// A person (人 of 聞いてくれる人) says who, not what: it is no word to look for while another is left.
	const kept = left.filter((word) => !PERSON_SUFFIXES.has(word));
	if (kept.length === 0) return undefined;
	const levels: PlanLevel[] = [{ words: kept, tiers: [], areaId }];
	// "Any of them" only over longer words: a lone kanji alone (行 of 銀行, 旅行, 行政) matches most of
	// the catalogue.
	const telling = tellingWords(kept);
	if (kept.length > 1 && telling.length > 0) levels.push({ words: [], optional: telling, tiers: [], areaId });
	return { levels, dropped };
}
