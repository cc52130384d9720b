/**
 * IME slips in a compound: the last kanji typed for another read the same (保育縁 for 保育園) is
 * read aloud with the known word before it, without kuromoji.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery } from '../../src/lib/domain/text/query-plan';

function planner(listingWords: ReadonlyArray<readonly [string, string]>) {
	const words = new Lexicon();
	listingWords.forEach(([surface, reading]) => words.add(surface, reading));
	return (q: string) => {
		const level = planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: [], explicitArea: false }).levels[0];
		return [...level.words, ...(level.optional ?? [])];
	};
}

describe('a compound whose last kanji is a slip', () => {
	const searched = planner([
		['保育', 'ほいく'],
		['保育園', 'ほいくえん'],
		['子ども', 'こども'],
		['薬局', 'やっきょく']
	]);

	it('is read aloud as a whole into the listing word read so (保育縁 → 保育園)', () => {
		expect(searched('こどもをあずけてはたらきたい保育縁').some((word) => /^保育(園|所)$/.test(word))).toBe(true);
		expect(searched('近くの保育縁をさがしている').some((word) => /^保育(園|所)$/.test(word))).toBe(true);
	});

	it('leaves a person of the word as typed (保育士 is no slip)', () => {
		expect(searched('保育士に相談したい')).not.toContain('保育園');
	});
});
