/**
 * The curated dictionaries (data/dictionaries/*.json), validated and compiled once: 表記ゆれ
 * variants, synonym groups, abbreviations, 困りごと worries and the words queries may drop.
 * Both engines use them through the functions here, at index time and at query time.
 */
import { z } from 'zod';
import variantsData from '../../../../data/dictionaries/variants.json';
import synonymsData from '../../../../data/dictionaries/synonyms.json';
import abbreviationsData from '../../../../data/dictionaries/abbreviations.json';
import worriesData from '../../../../data/dictionaries/worries.json';
import queryWordsData from '../../../../data/dictionaries/query-words.json';
import kanjiReadingsData from '../../../../data/dictionaries/kanji-readings.json';
import situationsData from '../../../../data/dictionaries/situations.json';
import { foldForSearch, normalizeText } from './normalize';
import { isField } from '../taxonomy';
import { standardClauseGrammar } from './dialect';
import { CONDITION_FIELDS, compileSituations, NO_SITUATIONS, type Situations } from './situations';

const nonEmpty = z.string().trim().min(1);

const VariantsFile = z.object({
	groups: z.array(z.object({ canonical: nonEmpty, variants: z.array(nonEmpty).min(1) }))
});
const SynonymsFile = z.object({
	groups: z.array(
		z.object({
			canonical: nonEmpty,
			members: z.array(z.string().trim().min(2)).min(1),
			/** Members that name a narrower kind (就労移行支援 of 就労支援), not another name for it. */
			narrower: z.array(z.string().trim().min(2)).optional()
		})
	)
});
const AbbreviationsFile = z.object({ abbreviations: z.record(z.string().trim().min(1), nonEmpty) });
const LookFor = z.union([z.string().regex(/^tag:.+$/), z.string().regex(/^term:[a-z0-9-]+$/)]);
const WorriesFile = z.object({
	worries: z.array(
		z.object({
			/** A short Japanese label, unique (通院・移動). */
			concept: nonEmpty,
			/** The field the concept belongs to; omitted for concepts across fields. */
			field: z.string().refine(isField, { message: 'field must be one of 医療 介護 障害 子育て 地域資源' }).optional(),
			keys: z.array(nonEmpty).min(1),
			look_for: z.array(LookFor).min(1),
			/** Words that rank listings inside the concept's kinds (耳鼻咽喉科 for 聞こえ), never required. */
			hints: z.array(nonEmpty).optional(),
			/** How a resident says it (こんなときに offers the concepts that have one). */
			ask: nonEmpty.optional(),
			generic: z.boolean().optional(),
			/**
			 * A generic concept that still counts beside specific concepts of its own field (疲れた, 限界:
			 * a carer's respite beside 介護, nothing beside 夜泣き).
			 */
			joins_own_field: z.boolean().optional(),
			/**
			 * The concept's own kinds come before a tag listings of many kinds carry (夜泣き: 子育て相談
			 * before nurseries tagged 子育ての相談). Opt-in: elsewhere the order as written is the curators'.
			 */
			kinds_before_broad_tags: z.boolean().optional()
		})
	)
});
const DialectRule = z.object({
	pattern: nonEmpty.refine(
		(pattern) => {
			try {
				new RegExp(pattern, 'gu');
				return true;
			} catch {
				return false;
			}
		},
		{ message: 'pattern must be a valid regular expression' }
	),
	replacement: z.string(),
	example: z.string().optional()
});
const QueryWordsFile = z.object({
	particles: z.array(nonEmpty),
	endings: z.array(nonEmpty),
	near: z.array(nonEmpty),
	dialect: z.array(DialectRule).default([])
});

const KanjiReadingsFile = z.object({ readings: z.record(z.string(), z.string()), stems: z.record(z.string(), z.string()).default({}) });

export interface RawDictionaries {
	variants: z.input<typeof VariantsFile>;
	synonyms: z.input<typeof SynonymsFile>;
	abbreviations: z.input<typeof AbbreviationsFile>;
	worries: z.input<typeof WorriesFile>;
	queryWords: z.input<typeof QueryWordsFile>;
	/** Readings of single kanji (space-separated, most frequent first); absent: no IME-slip reading. */
	kanjiReadings?: z.input<typeof KanjiReadingsFile>;
	/** Situation frames (who + what is missing → kinds); absent: none. */
	situations?: unknown;
}

/** Listings with this 困りごと tag, or with this taxonomy term (code). */
export type WorryTier = { tag: string } | { term: string };

/** A worry the query mentions, with where to look, best first. */
export interface Worry {
	concept: string;
	keys: string[];
	lookFor: WorryTier[];
	/** Words that rank listings inside the concept's tiers; never required. */
	hints: string[];
	generic: boolean;
	/** The concept's field (医療, 介護…); undefined across fields. */
	field?: string;
	/** Generic, yet counts beside specific concepts of its own field. */
	joinsOwnField: boolean;
	/** Its own kinds before a tag listings of many kinds carry (see kinds_before_broad_tags). */
	kindsBeforeBroadTags: boolean;
}

/** One thing a query word can be rewritten to: a synonym group or an abbreviation. */
export interface SynonymGroup {
	/** The word searched for (in canonical spelling). */
	canonical: string;
	/** Every member in canonical spelling, the canonical word first. */
	members: string[];
	/** foldForSearch of each member. */
	foldedMembers: string[];
	/**
	 * foldForSearch of the members that name a narrower kind (就労移行支援 of 就労支援): a query keeps
	 * them as typed where listings use them, so that kind is what the search finds.
	 */
	foldedNarrower: string[];
}

export interface Dictionaries {
	/** 表記ゆれ → canonical, applied inside words. */
	canonicalize(normalized: string): string;
	/** Folded member / abbreviation → its group. */
	synonymByFolded: ReadonlyMap<string, SynonymGroup>;
	synonymGroups: readonly SynonymGroup[];
	/** Folded worry key → worry. */
	worryByFolded: ReadonlyMap<string, Worry>;
	/** Folded particles and endings that carry no meaning in a query. */
	functionWords: ReadonlySet<string>;
	/** Folded "near" words (近く, 近所): dropped from the text; they ask for distance order. */
	nearWords: ReadonlySet<string>;
	/** Dialect grammar in a query rewritten to standard forms (行けん → 行けない); queries only. */
	standardizeDialect(normalized: string): string;
	/** Kanji → its readings in hiragana, most frequent first (for reading IME slips aloud). */
	kanjiReadings: ReadonlyMap<string, readonly string[]>;
	/**
	 * Worry keys read aloud in only four kana (じちかい for 自治会): keys only where they stand as a
	 * word, not inside other kana (おいしいしゃけ holds しいしゃ).
	 */
	shortReadings: ReadonlySet<string>;
	/** A kanji worry key's kana spelling → the key as written (しょうがいしゃてちょう → 障害者手帳). */
	keyByReading: ReadonlyMap<string, string>;
	/**
	 * Worry keys of kanji and a kana ending (夜泣き, 疲れ) by their sounds too short to be keys in kana
	 * (よなき, つかれ) → the keys as written: what kanji typed with the same ending (夜鳴き, 付かれ) may
	 * have been meant as (see keyReadings).
	 */
	phraseKeysBySound: ReadonlyMap<string, readonly string[]>;
	/** Kanji → its stem readings before kana (泣 → な), most frequent first. */
	kanjiStems: ReadonlyMap<string, readonly string[]>;
	/**
	 * Kana spellings of the kanji words a synonym group or a 表記ゆれ stands for → the word searched
	 * (しゃきょう → 社会福祉協議会, ほいくえん → 保育所): for queries typed in kana, below every other key.
	 */
	wordByReading: ReadonlyMap<string, string>;
	/** The other way round: a word (folded) → the kana spellings read as it (保育所 ← ほいくえん). */
	readingsOfWord: ReadonlyMap<string, readonly string[]>;
	/** Who a sentence is about and what is missing → kinds (see situations.ts). */
	situations: Situations;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Validates the raw JSON and builds the lookup tables. Throws with the file name on bad data. */
export function compileDictionaries(raw: RawDictionaries): Dictionaries {
	const parse = <T>(name: string, schema: z.ZodType<T>, value: unknown): T => {
		const result = schema.safeParse(value);
		if (!result.success) throw new Error(`data/dictionaries/${name}.json: ${result.error.message}`);
		return result.data;
	};
	const variants = parse('variants', VariantsFile, raw.variants);
	const synonyms = parse('synonyms', SynonymsFile, raw.synonyms);
	const abbreviations = parse('abbreviations', AbbreviationsFile, raw.abbreviations);
	const worries = parse('worries', WorriesFile, raw.worries);
	const queryWords = parse('query-words', QueryWordsFile, raw.queryWords);
	const readingsFile = parse('kanji-readings', KanjiReadingsFile, raw.kanjiReadings ?? { readings: {} });
	const splitReadings = (table: Record<string, string>) => new Map(Object.entries(table).map(([kanji, readings]) => [kanji, readings.split(' ')]));
	const kanjiReadings = splitReadings(readingsFile.readings);
	const stemReadings = splitReadings(readingsFile.stems);

	// One alternation, longest first, canonical spellings included, so that a variant that is a
	// prefix of its canonical form (付添 / 付添い) never rewrites text that is already canonical.
	const replacement = new Map<string, string>();
	for (const group of variants.groups) {
		const canonical = normalizeText(group.canonical);
		replacement.set(canonical, canonical);
		for (const variant of group.variants) replacement.set(normalizeText(variant), canonical);
	}
	const alternation = [...replacement.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
	const pattern = new RegExp(alternation, 'g');
	const canonicalize = (normalized: string) =>
		alternation ? normalized.replace(pattern, (match) => replacement.get(match) ?? match) : normalized;
	const fold = (text: string) => foldForSearch(canonicalize(normalizeText(text)));
	// A word with a variant spelled in kanji (保育所 / 保育園) is read aloud in either spelling: a key
	// or frame word written with the one (保育所に入れ) is also typed in kana as the other is read
	// (ほいくえんにいれたい), though the text in kanji is rewritten to the canonical spelling first.
	const kanjiVariants = variants.groups.flatMap((group) => {
		const canonical = fold(group.canonical);
		return group.variants
			.map((variant) => foldForSearch(normalizeText(variant)))
			.filter((variant) => variant !== canonical && HAN_ANYWHERE.test(variant))
			.map((variant) => [canonical, variant] as const);
	});
	const spellings = (folded: string) => [folded, ...kanjiVariants.filter(([canonical]) => folded.includes(canonical)).map(([canonical, variant]) => folded.split(canonical).join(variant))];

	const synonymGroups: SynonymGroup[] = [];
	const synonymByFolded = new Map<string, SynonymGroup>();
	const addGroup = (canonical: string, members: string[], narrower: string[] = []) => {
		const spelled = canonicalize(normalizeText(canonical));
		const existing = synonymByFolded.get(fold(spelled));
		const group = existing ?? { canonical: spelled, members: [spelled], foldedMembers: [fold(spelled)], foldedNarrower: [] };
		if (!existing) {
			synonymGroups.push(group);
			synonymByFolded.set(fold(spelled), group);
		}
		for (const member of members) {
			const folded = fold(member);
			if (!group.foldedMembers.includes(folded)) {
				group.foldedMembers.push(folded);
				group.members.push(canonicalize(normalizeText(member)));
			}
			if (!synonymByFolded.has(folded)) synonymByFolded.set(folded, group);
		}
		for (const member of narrower) if (members.includes(member)) group.foldedNarrower.push(fold(member));
	};
	for (const group of synonyms.groups) addGroup(group.canonical, group.members, group.narrower);
	for (const [short, full] of Object.entries(abbreviations.abbreviations)) addGroup(full, [short]);

	const worryByFolded = new Map<string, Worry>();
	const compiledWorries: Worry[] = [];
	const concepts = new Set<string>();
	for (const entry of worries.worries) {
		if (concepts.has(entry.concept)) throw new Error(`data/dictionaries/worries.json: concept ${entry.concept} appears twice`);
		concepts.add(entry.concept);
		const lookFor = entry.look_for.map((target): WorryTier =>
			target.startsWith('tag:') ? { tag: target.slice('tag:'.length) } : { term: target.slice('term:'.length) }
		);
		const worry: Worry = {
			concept: entry.concept,
			keys: entry.keys,
			lookFor,
			hints: entry.hints ?? [],
			generic: entry.generic ?? false,
			field: entry.field,
			joinsOwnField: entry.joins_own_field ?? false,
			kindsBeforeBroadTags: entry.kinds_before_broad_tags ?? false
		};
		compiledWorries.push(worry);
		for (const key of entry.keys) {
			// A key two concepts share belongs to the first (keys are checked for this in the unit tests).
			if (!worryByFolded.has(fold(key))) worryByFolded.set(fold(key), worry);
		}
	}
	// Other forms of the keys, one form over every key before the next (full keys, then earlier forms
	// keep priority): conjugations fold to the stem (聞き取れ also matches as 聞き取, so 聞き取りにくい
	// and 聞き取れない find it); an adjective key typed in kana (はがいたい, さびしい) conjugates too
	// (はがいたくて, さびしくなった); "does not" and "cannot" are one worry (学校に行かな also matches
	// 学校に行けな, and back); "has not been able to" is "cannot" (学校に行けていない, 眠れてない).
	const progressive = (key: string) => progressiveNegatives(key) ?? progressiveNegatives(negativeCounterpart(key) ?? '') ?? [];
	const otherForms = [conjugationStem, kanaAdjectiveForm, negativeCounterpart].map((form) => (key: string) => [form(key)]);
	for (const formsOf of [...otherForms, progressive]) {
		for (const worry of compiledWorries) {
			for (const key of worry.keys) {
				for (const form of formsOf(fold(key))) if (form && !worryByFolded.has(form)) worryByFolded.set(form, worry);
			}
		}
	}
	// A direction takes に or へ alike (病院に行 ↔ 病院へ行), and a noun before a verb が or を alike
	// (階段が怖 ↔ 階段を怖がる, 風呂を嫌が ↔ 風呂が嫌). The noun is found before folding, which would
	// turn a katakana noun (ガスを止め, トイレが近) into kana that keeps its が.
	for (const worry of compiledWorries) {
		for (const key of worry.keys) {
			const objectSwapped = objectCounterpart(canonicalize(normalizeText(key)));
			for (const other of [directionCounterpart(fold(key)), objectSwapped && fold(objectSwapped)]) {
				if (other && !worryByFolded.has(other)) worryByFolded.set(other, worry);
			}
		}
	}
	// Typed in kana (せいかつがくるしい): each key also as it may be read aloud, last in priority.
	const shortReadings = new Set<string>();
	const keyByReading = new Map<string, string>();
	const phraseKeysBySound = new Map<string, string[]>();
	for (const worry of compiledWorries) {
		for (const key of worry.keys) {
			const written = canonicalize(normalizeText(key));
			if (KANJI_THEN_ENDING.test(written)) {
				for (const sound of keyReadings(fold(key), kanjiReadings, stemReadings, { minLength: 1, likeliestStem: true })) {
					const keys = phraseKeysBySound.get(sound) ?? [];
					if (!keys.includes(written)) phraseKeysBySound.set(sound, [...keys, written]);
				}
			}
			const conditions = isConditionField(worry.field) ? conditionNames(fold(key)) : [];
			for (const spelling of [...spellings(fold(key)), ...conditions].flatMap((written) => keyReadings(written, kanjiReadings, stemReadings))) {
				if (worryByFolded.has(spelling)) continue;
				worryByFolded.set(spelling, worry);
				keyByReading.set(spelling, canonicalize(normalizeText(key)));
				if (Array.from(spelling).length < MIN_KEY_READING_LENGTH) shortReadings.add(spelling);
			}
		}
	}
	// A compound of two kanji and kana (夜泣き, 付き添い) read in three or four kana (よなき), and a verb's
	// stem so read (つきそ of つきそって): keys too, but only where they stand as a word (see
	// shortReadings), after every other.
	for (const worry of compiledWorries) {
		for (const key of worry.keys) {
			const folded = fold(key);
			if ((folded.match(HAN_CHARS) ?? []).length < 2 || !HIRAGANA_IN.test(folded)) continue;
			const spoken = keyReadings(folded, kanjiReadings, stemReadings, { minLength: MIN_SPOKEN_COMPOUND_LENGTH, likeliestStem: true });
			const stem = conjugationStem(folded);
			const stemSpoken = stem ? spoken.map((spelling) => Array.from(spelling).slice(0, -1).join('')) : [];
			for (const [spelling, written] of [...spoken.map((s) => [s, folded]), ...stemSpoken.map((s) => [s, stem!])]) {
				const length = Array.from(spelling).length;
				if (worryByFolded.has(spelling) || length < MIN_SPOKEN_COMPOUND_LENGTH || length >= MIN_KEY_READING_LENGTH) continue;
				worryByFolded.set(spelling, worry);
				keyByReading.set(spelling, written);
				shortReadings.add(spelling);
			}
		}
	}
	const wordByReading = new Map<string, string>();
	const addReadings = (written: string, word: string) => {
		for (const spelling of keyReadings(written, kanjiReadings, stemReadings)) {
			if (!synonymByFolded.has(spelling) && !worryByFolded.has(spelling) && !wordByReading.has(spelling)) wordByReading.set(spelling, word);
		}
	};
	for (const [key, group] of synonymByFolded) addReadings(key, group.canonical);
	for (const group of variants.groups) {
		const canonical = canonicalize(normalizeText(group.canonical));
		const word = synonymByFolded.get(fold(canonical))?.canonical ?? canonical;
		for (const variant of group.variants) addReadings(foldForSearch(normalizeText(variant)), word);
	}
	const dialectRules = queryWords.dialect.map((rule) => ({ pattern: new RegExp(rule.pattern, 'gu'), replacement: rule.replacement }));

	return {
		canonicalize,
		synonymByFolded,
		synonymGroups,
		worryByFolded,
		functionWords: new Set([...queryWords.particles, ...queryWords.endings].map(fold)),
		nearWords: new Set(queryWords.near.map(fold)),
		kanjiReadings,
		shortReadings,
		keyByReading,
		phraseKeysBySound,
		kanjiStems: stemReadings,
		wordByReading,
		readingsOfWord: readingsOf(wordByReading),
		situations:
			raw.situations === undefined
				? NO_SITUATIONS
				: compileSituations(
						raw.situations,
						(word) => spellings(word).flatMap((written) => keyReadings(written, kanjiReadings, stemReadings, { minLength: MIN_FRAME_READING_LENGTH, likeliestStem: true })),
						(word) => conditionNames(word).flatMap((written) => keyReadings(written, kanjiReadings, stemReadings, { minLength: MIN_KEY_READING_LENGTH }))
					),
		standardizeDialect: (normalized) => standardClauseGrammar(dialectRules.reduce((text, rule) => text.replace(rule.pattern, rule.replacement), normalized))
	};
}

const KANJI_THEN_KANA_TAIL = /^(.*\p{Script=Han})[\u3041-\u309f]$/u;

/** The stem of a key that ends in one kana after a kanji (聞き取れ → 聞き取); null when too short. */
export function conjugationStem(foldedKey: string): string | null {
	const match = KANJI_THEN_KANA_TAIL.exec(foldedKey);
	return match && Array.from(match[1]).length >= 3 ? match[1] : null;
}

const KANA_ADJECTIVE = /^([\u3041-\u309f]{3,})い$/u;

/**
 * The く form of an adjective key written in kana (はがいたい → はがいたく); null for other keys.
 * Kana only: a kanji key's conjugations are its stem's (苦しい → 苦し, see conjugationStem).
 */
export function kanaAdjectiveForm(foldedKey: string): string | null {
	const match = KANA_ADJECTIVE.exec(foldedKey);
	return match ? match[1] + 'く' : null;
}

/** Most kana spellings made of one key (the product of its kanji's likeliest readings). */
const MAX_KEY_READINGS = 32;
/** Shorter kana spellings are too easily found inside unrelated kana (ねない, かいご are keys of their own). */
const MIN_KEY_READING_LENGTH = 5;
/**
 * A situation frame's words typed in kana (げんかい, やすみたい) count from four kana: the frame also
 * needs who the sentence is about, so a stray match alone reads nothing.
 */
const MIN_FRAME_READING_LENGTH = 4;
/** Fewest kana of a two-kanji key read aloud that count where they stand as a word (よなき for 夜泣き). */
const MIN_SPOKEN_COMPOUND_LENGTH = 3;
const HAN_CHARS = /\p{Script=Han}/gu;
const HAN_ANYWHERE = /\p{Script=Han}/u;

/** A word (folded) → the kana spellings read as it: `wordByReading` turned round (保育所 ← ほいくえん). */
function readingsOf(wordByReading: ReadonlyMap<string, string>): Map<string, string[]> {
	const byWord = new Map<string, string[]>();
	for (const [spelling, word] of wordByReading) {
		const key = foldForSearch(word);
		const spellings = byWord.get(key);
		if (spellings) spellings.push(spelling);
		else byWord.set(key, [spelling]);
	}
	return byWord;
}

/** Whether a field's words name a condition (自閉, 多動, 依存, 認知): 障害, 介護, 医療 (CONDITION_FIELDS). */
const isConditionField = (field: string | null | undefined) => !!field && CONDITION_FIELDS.has(field);
const TWO_KANJI_WORD = /^\p{Script=Han}{2}$/u;
/**
 * A condition is named by two kanji and 症 (自閉症, 多動症, 依存症): typed in kana (じへいしょう), the
 * two kanji alone are read too short to count (じへい), the name with 症 is not. Empty for other words.
 */
export function conditionNames(folded: string): string[] {
	return TWO_KANJI_WORD.test(folded) ? [folded + '症'] : [];
}
const HIRAGANA_IN = /\p{Script=Hiragana}/u;
/**
 * Kanji and then a kana ending, as a verb or adjective is written (夜泣き, 疲れ, 寝込んで); not a word
 * and a particle (歯が, 子の: 私が is no slip of 歯が).
 */
export const KANJI_THEN_ENDING = /^\p{Script=Han}{1,3}(?![がのをにでへとはもや])\p{Script=Hiragana}{1,3}$/u;
const HIRAGANA_CHAR = /^[\u3041-\u309f\u30fc]$/;
const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * How a folded key with kanji may be read aloud: a kanji by its readings in compounds (生活 せいかつ)
 * and, before kana, also by its stem readings (苦しい くるしい), the likeliest two of each. Empty
 * for kana keys, keys with a kanji of unknown reading and spellings under five kana.
 */
export function keyReadings(
	foldedKey: string,
	readings: ReadonlyMap<string, readonly string[]>,
	stems: ReadonlyMap<string, readonly string[]>,
	{
		minLength = MIN_KEY_READING_LENGTH,
		likeliestStem = false
	}: {
		/** Fewer kana for a sound compared with another word's, not found inside kana (夜鳴き's よなき). */
		minLength?: number;
		/**
		 * A kanji before kana read only as its likeliest stem: how a written verb or adjective is read
		 * (吐いた is はいた; 吐 as ぬ, of 吐かす, or と, of 嘔吐, would make 抜いた or 解いた sound like it).
		 */
		likeliestStem?: boolean;
	} = {}
): string[] {
	const chars = Array.from(foldedKey);
	if (!chars.some((char) => HAN_CHAR.test(char))) return [];
	let spelled = [''];
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i];
		let options: readonly string[] = [char];
		if (HAN_CHAR.test(char)) {
			const beforeKana = i + 1 < chars.length && HIRAGANA_CHAR.test(chars[i + 1]);
			// Before kana: a stem (苦しい) or a word before a particle (生活が); both are tried.
			const inCompounds = readings.get(char)?.slice(0, 2) ?? [];
			const stemOptions = stems.get(char)?.slice(0, likeliestStem ? 1 : 2) ?? [];
			// At the key's end after kana, a verb's stem (行 of 病院に行) or a noun (病 of 心の病): both readings.
			const bothReadings = [...new Set([...stemOptions, ...inCompounds])];
			options = beforeKana ? (likeliestStem ? stemOptions : bothReadings) : endsAsVerbStem(chars, i) ? bothReadings : inCompounds;
			if (options.length === 0) return [];
		} else if (!HIRAGANA_CHAR.test(char)) return [];
		spelled = spelled.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_KEY_READINGS);
	}
	const long = spelled.filter((spelling) => Array.from(spelling).length >= minLength);
	// A word of three or more kanji and nothing else (自治会 じちかい, 放課後 ほうかご) is specific
	// enough in four kana, read each kanji's likeliest way only.
	if (chars.length < 3 || !chars.every((char) => HAN_CHAR.test(char))) return long;
	const likeliest = chars.map((char) => readings.get(char)?.[0] ?? '').join('');
	return Array.from(likeliest).length === MIN_KEY_READING_LENGTH - 1 && !long.includes(likeliest) ? [...long, likeliest] : long;
}

/** Kana that end a word which then describes a noun (頼る|人, 住む|所, 困った|時): the kanji after them is that noun. */
const ATTRIBUTIVE_ENDING = /^[うくぐすつぬぶむるただい]$/u;

/**
 * Whether the kanji at `i` ends the key right after kana that do not describe it: it may be a verb's
 * stem with its ending cut off (病院に行, 家に来, 付き添), read as a stem (いく's い, そう's そ) too.
 */
function endsAsVerbStem(chars: readonly string[], i: number): boolean {
	return i + 1 === chars.length && i > 0 && HIRAGANA_CHAR.test(chars[i - 1]) && !ATTRIBUTIVE_ENDING.test(chars[i - 1]);
}

const DIRECTION_PARTICLE = /([にへ])(?=[行来帰戻出通向い])/u;

/**
 * A key with a direction particle before a verb of going (病院に行, 外へ出) spelled with the other
 * particle (病院へ行, 外に出); null for other keys. Only the first such particle is swapped.
 */
export function directionCounterpart(foldedKey: string): string | null {
	const match = DIRECTION_PARTICLE.exec(foldedKey);
	if (!match || match.index === 0) return null;
	const swapped = match[1] === 'に' ? 'へ' : 'に';
	return foldedKey.slice(0, match.index) + swapped + foldedKey.slice(match.index + 1);
}

const OBJECT_PARTICLE = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])([がを])(?=\p{Script=Han})/u;

/**
 * A key with が or を between a noun and a kanji verb or adjective (階段が怖, 風呂を嫌が) spelled
 * with the other particle (階段を怖, 風呂が嫌); null for other keys (kana words keep their が).
 */
export function objectCounterpart(foldedKey: string): string | null {
	const match = OBJECT_PARTICLE.exec(foldedKey);
	if (!match) return null;
	const swapped = match[1] === 'が' ? 'を' : 'が';
	return foldedKey.slice(0, match.index) + swapped + foldedKey.slice(match.index + 1);
}

const PLAIN_NEGATIVE = 'かがさたなばまらわ';
const POTENTIAL_NEGATIVE = 'けげせてねべめれえ';
const NEGATIVE_AFTER_KANJI = /^(.*\p{Script=Han})(.)な$/u;

/**
 * A godan verb's plain negative and its potential negative (行かな ↔ 行けな, 読まな ↔ 読めな) in a
 * folded key ending in one; null for other keys.
 */
export function negativeCounterpart(foldedKey: string): string | null {
	const match = NEGATIVE_AFTER_KANJI.exec(foldedKey);
	if (!match) return null;
	const plain = PLAIN_NEGATIVE.indexOf(match[2]);
	if (plain >= 0) return match[1] + POTENTIAL_NEGATIVE[plain] + 'な';
	const potential = POTENTIAL_NEGATIVE.indexOf(match[2]);
	return potential >= 0 ? match[1] + PLAIN_NEGATIVE[potential] + 'な' : null;
}

const E_ROW_STEM_NEGATIVE = /^(.*\p{Script=Han}[\u3041-\u309f]*[けげせてねべめれえ])な$/u;

/**
 * A negative key whose verb stem ends in an e-row kana (a potential 行けな, 眠れな or an ichidan
 * verb 食べな) in its progressive forms, written out and spoken (行けていな, 行けてな): "has not been
 * able to" is the same worry as "cannot". Null for other keys (a godan 行かな changes its stem).
 */
export function progressiveNegatives(foldedKey: string): [string, string] | null {
	const match = E_ROW_STEM_NEGATIVE.exec(foldedKey);
	return match ? [match[1] + 'ていな', match[1] + 'てな'] : null;
}

/** One entry of worries.json as written (a 困りごと concept); fields beyond the known ones are kept. */
export type RawWorryEntry = RawDictionaries['worries']['worries'][number] & Record<string, unknown>;

/**
 * The files in data/dictionaries as shipped. The server stores the 困りごと concepts in the database
 * (curators edit them there) and compiles them with the other files in place of `worries`.
 */
export const SHIPPED_DICTIONARIES: RawDictionaries = {
	variants: variantsData,
	synonyms: synonymsData,
	abbreviations: abbreviationsData,
	worries: worriesData,
	queryWords: queryWordsData,
	kanjiReadings: kanjiReadingsData,
	situations: situationsData
};

let shipped: Dictionaries | null = null;

/** The dictionaries shipped in data/dictionaries (compiled on first use). */
export function dictionaries(): Dictionaries {
	shipped ??= compileDictionaries(SHIPPED_DICTIONARIES);
	return shipped;
}

/** Normalised text with 表記ゆれ unified: the spelling both engines index and search. */
export function canonicalText(input: string, dicts: Dictionaries = dictionaries()): string {
	return dicts.canonicalize(normalizeText(input));
}

/** Canonical spelling, folded for comparison (kana → hiragana, no middle dots). */
export function foldCanonical(input: string, dicts: Dictionaries = dictionaries()): string {
	return foldForSearch(canonicalText(input, dicts));
}
