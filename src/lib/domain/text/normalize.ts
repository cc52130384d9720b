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

/** The form both engines compare: normalised text with kana folded to hiragana. */
export function foldForSearch(input: string): string {
	return katakanaToHiragana(normalizeText(input));
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

