/**
 * 土佐弁 endings typed after a verb written in kana (こまっちゅう, はいれん, しゃべれんがよ). Written
 * with a kanji stem the verb is plain (困っちゅう, 入れん: query-words.json folds those); in kana the
 * same endings are the tails of countless nouns (しょうがいしゃ|てちょう, ほけん, らいねん, さいちゅう).
 * So each kana fold here is only a candidate: the planner keeps it when the folded text is better
 * understood than the text as typed (see planner's readKanaDialect), never by a list of nouns.
 */

/** One candidate fold: the chunk with one ending at `at` read as standard Japanese. */
export interface DialectFold {
	text: string;
	/** Where the ending starts in the chunk (UTF-16 index). */
	at: number;
	/** `te`: 〜ている / 〜ていた after a te-form; `negative`: 〜ない. */
	ending: 'te' | 'negative';
	/** The ending as typed (ちゅう, ちょった, ん) and where it ends in the chunk as typed. */
	typed: string;
	end: number;
}

/**
 * Endings after a kana verb stem: the te-form with 〜ちゅう / 〜ちょる / 〜ちょう (している) and
 * 〜ちょった (していた) after a te-form's last kana (っ い し, an ichidan stem's i/e kana), and the
 * negative ん after a verb's a/e/i kana (いかん, いけん, はいれん, おきん). The kana before must be
 * hiragana after hiragana: a kanji stem is the dictionary rules' business.
 */
const KANA_ENDINGS: ReadonlyArray<{ pattern: RegExp; replacement: string; ending: DialectFold['ending'] }> = [
	{ pattern: /(?<=[\u3041-\u3093])([っしいきちにみりびえけせてでねべめれ])ち(?:ゅう|ょる|ょう)/gu, replacement: '$1ている', ending: 'te' },
	{ pattern: /(?<=[\u3041-\u3093])([っしいきちにみりびえけせてでねべめれ])ちょった/gu, replacement: '$1ていた', ending: 'te' },
	{ pattern: /(?<=[\u3041-\u3093])([かがさたなばまらわけげせてねべめれえきぎじちにびみりい])ん/gu, replacement: '$1ない', ending: 'negative' }
];

/** Most candidates judged in one chunk (each costs one segmentation of the chunk). */
export const MAX_KANA_DIALECT_FOLDS = 6;

/** Each kana-stem dialect ending of a chunk folded alone, left to right (at most MAX_KANA_DIALECT_FOLDS). */
export function kanaDialectFolds(chunk: string): DialectFold[] {
	const folds: DialectFold[] = [];
	for (const { pattern, replacement, ending } of KANA_ENDINGS) {
		for (const match of chunk.matchAll(pattern)) {
			const index = match.index ?? 0;
			const folded = replacement.replace('$1', match[1]);
			const end = index + match[0].length;
			folds.push({ text: chunk.slice(0, index) + folded + chunk.slice(end), at: index + match[1].length, ending, typed: match[0].slice(match[1].length), end });
		}
	}
	return folds.sort((a, b) => a.at - b.at).slice(0, MAX_KANA_DIALECT_FOLDS);
}
