/**
 * Japanese word segmentation built into the runtime (ICU): free at query time, unlike kuromoji.
 * One segmenter for the planner, the situation frames and the learned kind associations, so that
 * they cut a text the same way.
 */
const WORD_SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' });

/** Hiragana (and the long-vowel mark) only: particles, endings, words written in kana. */
export const HIRAGANA_ONLY = /^[\u3041-\u309f\u30fc]+$/;

/** A text cut by the segmenter, every piece in order (words, punctuation, spaces): they join into the text. */
export function segmentedPieces(text: string): string[] {
	return Array.from(WORD_SEGMENTER.segment(text), ({ segment }) => segment);
}

/** The words of a text as the segmenter cuts it, in order: punctuation and spaces left out. */
export function segmentedWords(text: string): string[] {
	const words: string[] = [];
	for (const { segment, isWordLike } of WORD_SEGMENTER.segment(text)) if (isWordLike) words.push(segment);
	return words;
}
