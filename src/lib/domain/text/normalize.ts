/**
 * Japanese text normalisation shared by both search engines, at index time and at query time, and
 * by input forms (全角/半角 tolerant fields). Keep every rule here so the engines agree.
 */

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

/** Hyphen-like and wave-dash characters that Excel, IMEs and phones produce interchangeably. */
const DASH_VARIANTS = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
const WAVE_DASHES = /[\u301C\uFF5E\u223C\u223E]/g;

/** NFKC (全角英数→半角, 半角カナ→全角), lower case, unified dashes, single spaces. */
export function normalizeText(input: string): string {
	return input
		.normalize('NFKC')
		.toLowerCase()
		.replace(DASH_VARIANTS, '-')
		.replace(WAVE_DASHES, '〜')
		.replace(/[\s\u3000]+/g, ' ')
		.trim();
}

/** Katakana → hiragana, so ホオッチョケン and ほおっちょけん compare equal. */
export function katakanaToHiragana(input: string): string {
	let out = '';
	for (const ch of input) {
		const code = ch.codePointAt(0)!;
		out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : ch;
	}
	return out;
}

/** Hiragana → katakana (for display of generated readings and for Meilisearch-friendly spellings). */
export function hiraganaToKatakana(input: string): string {
	let out = '';
	for (const ch of input) {
		const code = ch.codePointAt(0)!;
		out += code >= KATAKANA_START - KANA_OFFSET && code <= KATAKANA_END - KANA_OFFSET ? String.fromCodePoint(code + KANA_OFFSET) : ch;
	}
	return out;
}

/** Middle dots join the parts of one name (ファミリー・サポート・センター); people type it without them. */
const MIDDLE_DOTS = /[\u30FB\u00B7]/g;

/**
 * The form the embedded engine indexes and compares: normalised text with kana folded to hiragana
 * and middle dots removed, so ファミリーサポート matches ファミリー・サポート.
 */
export function foldForSearch(input: string): string {
	return katakanaToHiragana(normalizeText(input)).replace(MIDDLE_DOTS, '');
}

const SMALL_KANA: Record<string, string> = {
	ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ', ゕ: 'か', ゖ: 'け'
};

/** A hiragana without its voicing marks, full size (が → か, ぱ → は, ょ → よ): what a slip of a kana keeps. */
export function kanaBase(char: string): string {
	return (SMALL_KANA[char] ?? (char === 'っ' ? 'つ' : char)).normalize('NFD').replace(/[\u3099\u309a]/g, '');
}

/** The vowel (あいうえお) each hiragana syllable ends in, for long-vowel folding. */
const VOWEL_ROWS: ReadonlyArray<[string, string]> = [
	['あ', 'あかさたなはまやらわがざだばぱ'],
	['い', 'いきしちにひみりぎじぢびぴ'],
	['う', 'うくすつぬふむゆるぐずづぶぷ'],
	['え', 'えけせてねへめれげぜでべぺ'],
	['お', 'おこそとのほもよろをごぞどぼぽ']
];
const VOWEL_OF = new Map<string, string>(VOWEL_ROWS.flatMap(([vowel, row]) => Array.from(row, (ch): [string, string] => [ch, vowel])));

/**
 * How a long vowel after `previous` may be spelled by ear (とお/とう/とー, せい/せえ/せー, さあ/さー,
 * きょう/きょー): the kana that lengthen its vowel; none when `previous` ends in no vowel (ん, っ).
 */
export function longVowelSpellings(previous: string): readonly string[] {
	switch (VOWEL_OF.get(SMALL_KANA[previous] ?? previous)) {
		case 'あ':
			return ['あ', 'ー'];
		case 'い':
			return ['い', 'ー'];
		case 'う':
			return ['う', 'ー'];
		case 'え':
			return ['い', 'え', 'ー'];
		case 'お':
			return ['う', 'お', 'ー'];
		default:
			return [];
	}
}

/**
 * A "sound key" that ignores what people get wrong when they spell by ear: small kana (っ, ゃ),
 * the long-vowel mark and vowel lengthening (ほお/ほう/ほー → ほ, せい → せ). ほおっちょけん,
 * ほっちょけん and ホーッチョケン share one key. Input: folded text (see foldForSearch).
 */
export function soundKey(folded: string): string {
	let out = '';
	let previousVowel: string | null = null;
	for (const raw of folded) {
		if (raw === 'ー' || raw === 'っ') continue;
		const ch = SMALL_KANA[raw] ?? raw;
		const isVowel = ch === 'あ' || ch === 'い' || ch === 'う' || ch === 'え' || ch === 'お';
		// おう/おお (o-row + う/お) and えい/ええ (e-row + い/え) are long vowels; so are aa, ii, uu.
		const lengthens: boolean =
			isVowel &&
			previousVowel !== null &&
			(ch === previousVowel || (previousVowel === 'お' && ch === 'う') || (previousVowel === 'え' && ch === 'い'));
		if (!lengthens) out += ch;
		previousVowel = isVowel ? (lengthens ? previousVowel : ch) : (VOWEL_OF.get(ch) ?? null);
	}
	return out;
}

/** Script of one character, for splitting mixed text into words. */
export type Script = 'kanji' | 'hiragana' | 'katakana' | 'latin' | 'other';

export function scriptOf(ch: string): Script {
	const code = ch.codePointAt(0)!;
	if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || ch === '々' || ch === 'ヶ' || ch === '〆') return 'kanji';
	if (code >= 0x3041 && code <= 0x309f) return 'hiragana';
	if ((code >= 0x30a0 && code <= 0x30ff) || ch === 'ー') return 'katakana';
	if (/[\p{L}\p{N}]/u.test(ch)) return 'latin';
	return 'other';
}

/** Runs of one script: 旭町ほおっちょけん薬局 → 旭町 / ほおっちょけん / 薬局. */
export function scriptRuns(text: string): string[] {
	const runs: string[] = [];
	let current = '';
	let currentScript: Script | null = null;
	for (const ch of text) {
		const script = scriptOf(ch);
		// The long-vowel mark belongs to whichever kana run it follows (さーびす, サービス).
		const effective: Script = ch === 'ー' && currentScript === 'hiragana' ? 'hiragana' : script;
		if (effective === 'other') {
			if (current) runs.push(current);
			current = '';
			currentScript = null;
			continue;
		}
		if (currentScript !== null && effective !== currentScript) {
			runs.push(current);
			current = '';
		}
		current += ch;
		currentScript = effective;
	}
	if (current) runs.push(current);
	return runs;
}

const SEPARATORS = /[\s\p{P}\p{S}]+/u;

/** Splits folded text into runs of letters/digits (punctuation and symbols separate runs). */
export function textRuns(folded: string): string[] {
	return folded.split(SEPARATORS).filter((run) => run.length > 0);
}

/**
 * Overlapping character bigrams of each run, the last character of each run added as a unigram so
 * that a one-character prefix query ("薬*") finds every occurrence. Bigrams make 2-character words
 * match anywhere inside longer words, which trigram indexes cannot do.
 */
export function bigramTokens(folded: string): string[] {
	const tokens: string[] = [];
	for (const run of textRuns(folded)) {
		const chars = Array.from(run);
		for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
		tokens.push(chars[chars.length - 1]);
	}
	return tokens;
}

/** Characters of a run, as an array (surrogate-safe). */
export function chars(text: string): string[] {
	return Array.from(text);
}

/** 〒780-0870 / ７８０ー０８７０ / 7800870 → "780-0870"; null when not a 7-digit postal code. */
export function normalizePostalCode(input: string): string | null {
	const digits = input.normalize('NFKC').replace(/[〒\s]/g, '').replace(/[^0-9]/g, '');
	if (digits.length !== 7) return null;
	return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** 全角 digits and any hyphen variant → "088-823-9451"; keeps the writer's grouping. */
export function normalizePhone(input: string): string {
	return input
		.normalize('NFKC')
		.replace(DASH_VARIANTS, '-')
		.replace(/ー/g, '-')
		.replace(/[()（）]/g, '-')
		.replace(/\s+/g, '')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

