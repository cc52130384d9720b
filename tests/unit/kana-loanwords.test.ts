/**
 * Katakana loanwords typed in hiragana with the long-vowel mark left out (へるぱ for ヘルパー): the
 * listings' own loanwords are found by their sound, without a list of such spellings.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery } from '../../src/lib/domain/text/query-plan';

/** Listing words and their readings, as the indexer would collect them. */
const LISTING_WORDS: ReadonlyArray<readonly [string, string]> = [
	['ヘルパー', 'へるぱー'],
	['グループホーム', 'ぐるーぷほーむ'],
	['ショートステイ', 'しょーとすてい'],
	['センター', 'せんたー'],
	['カラオケルーム', 'からおけるーむ'],
	['薬局', 'やっきょく']
];
const words = new Lexicon();
LISTING_WORDS.forEach(([surface, reading]) => words.add(surface, reading));
const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: [], explicitArea: false });
/** Every word a plan's first level searches, required or optional. */
const searched = (q: string) => {
	const level = plan(q).levels[0];
	return [...level.words, ...(level.optional ?? [])];
};

describe('a loanword typed without its long-vowel marks', () => {
	it('is the listing word, also when a particle before it took its first kana', () => {
		// でも|へ|るぱさん: へ is read as the particle unless ヘルパー explains the kana after it.
		expect(searched('よるだけでもへるぱさんにきてほしい')).toContain('ヘルパー');
		expect(searched('へるぱさん')).toContain('ヘルパー');
		expect(searched('ぐるぷほむをさがしている')).toContain('グループホーム');
		expect(searched('ちちをしょとすていにあずけたい')).toContain('ショートステイ');
	});

	it('is not read into ordinary kana that merely start alike', () => {
		// せんたく (洗濯) is not センター + く; からおけ is karaoke, not a cut カラオケルーム.
		expect(searched('せんたくができない')).not.toContain('センター');
		expect(searched('からおけにいきたい')).not.toContain('カラオケルーム');
	});
});
