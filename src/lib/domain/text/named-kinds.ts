/**
 * Kinds a sentence NAMES (車いすで行ける薬局, 民生委員さんに相談, 百歳体操に参加したい): a word that is a
 * taxonomy term's name, a part of it (民生委員 of 民生委員・児童委員) or a synonym of one (歯医者 → 歯科).
 * A concept the sentence also matches only implies kinds; the named kind is what the person asked
 * for, so it leads and the concept's kinds follow (see leadWithNamedKinds).
 *
 * A kind is not asked for when the sentence only goes there (病院に連れて行く手段がない: the need is
 * getting there) or wants to start one or something there (サロンを立ち上げたい, 公民館で茶話会を開きたい: the
 * need is help to start it).
 */
import type { Dictionaries, WorryTier } from './dictionaries';
import { foldForSearch, katakanaToHiragana } from './normalize';

/** A taxonomy term as the planner needs it. */
export interface KindName {
	code: string;
	name: string;
	/** The name's reading (びょういん): a kind typed in kana is checked where it stands too. */
	kana?: string | null;
}

/** Shortest word that names a kind by ending the names of one kind only (百歳体操 in いきいき百歳体操). */
const MIN_CONTAINED_LENGTH = 3;
/** What separates the names inside a term's name (サロン・通いの場, 就労支援（就労継続支援・就労移行支援）). */
const NAME_PARTS = /[・（）()\s、,]+/;
/**
 * Going there rather than wanting it: a way to go that is missing or a while spent there
 * (病院に連れて行く手段がない, びょういんにも いけん, 歯医者行く間だけ), or getting to and from it
 * (保育園のお迎え, 病院の付き添い, 病院通い).
 */
const GOING_THERE =
	'(?:さん)?(?:(?:(?:に|へ|まで)も?\\s*(?:[^。!?]{0,12}?(?:に|へ|まで)も?\\s*)?)?(?:連れ|つれ|行|い|通|かよ|送|おく)[^。!?、]{0,12}?(?:手段|方法|足|あし|ない|なく|けん|えん|れん|間|あいだ|とき|時)|の\\s*(?:お?迎え|お?むかえ|送り迎え|おくりむかえ|送迎|そうげい|付き添い|つきそい|行き帰り|いきかえり)|(?:通い|がよい|かよい))';
/** Starting one, or starting something there (サロンを立ち上げたい, 公民館で茶話会を開きたい). */
const STARTING_ONE = '(?:を|が|で[^。、]{0,10}?を)(?:立ち上げ|たちあげ|始め|はじめ|作り|作る|つくり|つくる|開き|開く|ひらき|ひらく)';
/**
 * Someone who works there, told as who said something (保育園の先生に療育をすすめられた, 病院の先生から言われて),
 * or the kind itself told as where a message came from or where it was said (保育園から迎えに来てと電話があった,
 * 病院で言われた): the kind is where the word came from, not what is asked for. What was said may be a whole
 * clause (保育園の先生から、息子がお友だちとうまく遊べないと言われた): up to 40 characters before 言われ or 電話,
 * within the sentence. From the kind itself only a message counts (保育園から断られた still asks for one).
 */
const TOLD_WORDS = '言われ|いわれ|電話|でんわ|連絡|れんらく|呼び出|よびだ';
const ADVISED_THERE = `(?:(?:さん)?の(?:先生|せんせい|職員|スタッフ|保育士|看護師|担任|人|ひと)(?:さん)?(?:に|から)[^。!?]{0,40}?(?:られ|教わ|おそわ|${TOLD_WORDS})|(?:さん)?(?:から|より|で)[^。!?]{0,40}?(?:${TOLD_WORDS}))`;
/** After a word: going there, starting one or having been advised there (see askedFor). */
const NOT_ASKED_FOR = `(?:${GOING_THERE}|${STARTING_ONE}|${ADVISED_THERE})`;

interface KindIndex {
	/** Folded name or name part → the one kind it names. */
	byPart: Map<string, string>;
	/** Folded names and name parts, for words that end those of exactly one kind. */
	parts: Array<{ folded: string; code: string }>;
}

const indexCache = new WeakMap<readonly KindName[], KindIndex>();

function kindIndex(kinds: readonly KindName[]): KindIndex {
	const cached = indexCache.get(kinds);
	if (cached) return cached;
	const names = kinds.map((kind) => ({ folded: foldForSearch(kind.name), code: kind.code }));
	const parts = kinds.flatMap((kind) =>
		[kind.name, ...kind.name.split(NAME_PARTS)].map((part) => ({ folded: foldForSearch(part), code: kind.code })).filter((part) => Array.from(part.folded).length >= 2)
	);
	const byPart = new Map<string, string>();
	for (const part of parts) {
		// A part other kinds' names also contain (センター, 支援) names none of them.
		if (!names.some((other) => other.code !== part.code && other.folded.includes(part.folded))) byPart.set(part.folded, part.code);
	}
	const index = { byPart, parts };
	indexCache.set(kinds, index);
	return index;
}

/** The one kind a word (folded for search) names, if any. */
function kindNamedBy(folded: string, index: KindIndex): string | undefined {
	const part = index.byPart.get(folded);
	if (part || Array.from(folded).length < MIN_CONTAINED_LENGTH) return part;
	// Japanese puts the head last: 百歳体操 ends いきいき百歳体操, while 子ども only modifies 子ども食堂.
	const ending = new Set(index.parts.filter((part) => part.folded.endsWith(folded)).map((part) => part.code));
	return ending.size === 1 ? [...ending][0] : undefined;
}

/** What may follow a word: a particle, a break or the end (で, but not です / でしょう). */
const WORD_ENDS = '(?=$|[\\s、。,.!?！？]|が|を|に|へ|の|は|も|と|や|まで|から|で(?![すし]))';
/** Below this length a reading is also grammar (いいん in どうしたらいいんだろう is not 医院). */
const MIN_FREE_READING_LENGTH = 4;

/** Whether a kind's reading stands in the sentence as a word: a short one only before a particle or a break. */
function readingStands(reading: string, sentence: string): boolean {
	if (!sentence.includes(reading)) return false;
	return Array.from(reading).length >= MIN_FREE_READING_LENGTH || compiled(escapeRegExp(reading) + WORD_ENDS).test(sentence);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Patterns kept compiled: bounded, as words come from what people type. */
const MAX_COMPILED_PATTERNS = 1_000;
const compiledPatterns = new Map<string, RegExp>();

/**
 * The pattern compiled once for every query that asks about the same word (a long sentence asks
 * about each of its words' spellings and readings; compiling them anew cost tens of milliseconds).
 * Non-global patterns keep no state between tests, so one may serve every query.
 */
export function compiled(source: string): RegExp {
	let pattern = compiledPatterns.get(source);
	if (!pattern) {
		if (compiledPatterns.size >= MAX_COMPILED_PATTERNS) compiledPatterns.clear();
		pattern = new RegExp(source);
		compiledPatterns.set(source, pattern);
	}
	return pattern;
}

/**
 * Whether the sentence names the kind where it stands (any spelling or reading of the word; a word
 * only a reading or a concept brought in is not named) and asks for it there, rather than only
 * going there or starting one.
 */
function askedFor(spellings: readonly string[], readings: readonly string[], sentence: string): boolean {
	const standing = [
		...spellings.map(katakanaToHiragana).filter((spelling) => spelling.length > 0 && sentence.includes(spelling)),
		...readings.map(katakanaToHiragana).filter((reading) => reading.length > 0 && readingStands(reading, sentence))
	];
	if (standing.length === 0) return false;
	return !standing.some((spelling) => compiled(escapeRegExp(spelling) + NOT_ASKED_FOR).test(sentence));
}

/**
 * The kinds the words name, in the sentence's order, each once: a word, its synonyms (歯医者 and
 * 歯科 are one group) and where it stands in the (canonical) sentence decide. `readingOf` gives a
 * listing word's reading (a kind typed in kana: やっきょく).
 */
export function namedKinds(
	words: readonly string[],
	sentence: string,
	kinds: readonly KindName[],
	dictionaries: Dictionaries,
	readingOf: (word: string) => string | undefined = () => undefined
): WorryTier[] {
	if (kinds.length === 0 || words.length === 0) return [];
	const index = kindIndex(kinds);
	const foldedSentence = katakanaToHiragana(sentence);
	const codes: string[] = [];
	for (const word of words) {
		const folded = foldForSearch(word);
		const group = dictionaries.synonymByFolded.get(folded);
		const spellings = group ? [word, ...group.members] : [word];
		// Through its group a word names only the kind the group's canonical word names (歯医者 → 歯科);
		// a member that is a kind's name does not pull the rest in (送迎 is not 移動・買い物支援).
		const code = kindNamedBy(folded, index) ?? (group ? kindNamedBy(foldForSearch(group.canonical), index) : undefined);
		if (!code || codes.includes(code)) continue;
		const kana = kinds.find((kind) => kind.code === code)?.kana?.split(NAME_PARTS) ?? [];
		const readings = spellings.flatMap((spelling) => [readingOf(spelling) ?? [], dictionaries.readingsOfWord.get(foldForSearch(spelling)) ?? []].flat());
		if (askedFor(spellings, [...readings, ...kana], foldedSentence)) codes.push(code);
	}
	return codes.map((term) => ({ term }));
}

/**
 * The named kinds first, then the concepts' kinds (blended, not replaced: a concept still says
 * where else to look). No more places than the concepts gave (each is a query on Meilisearch),
 * but always at least one of the concepts'. Rounds: the named kinds take the first, the
 * concepts' rounds follow.
 */
export function leadWithNamedKinds(named: readonly WorryTier[], tiers: readonly WorryTier[], rounds: readonly number[] | undefined): { tiers: WorryTier[]; rounds?: number[] } {
	const key = (tier: WorryTier) => JSON.stringify(tier);
	const namedKeys = new Set(named.map(key));
	const rest = tiers.flatMap((tier, index) => (namedKeys.has(key(tier)) ? [] : [{ tier, round: (rounds?.[index] ?? 0) + 1 }]));
	const room = Math.max(tiers.length, named.length + 1);
	const kept = rest.slice(0, Math.max(0, room - named.length));
	const merged = [...named, ...kept.map((entry) => entry.tier)];
	if (!rounds) return { tiers: merged };
	return { tiers: merged, rounds: [...named.map(() => 0), ...kept.map((entry) => entry.round)] };
}
