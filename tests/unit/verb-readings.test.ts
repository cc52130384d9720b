/**
 * A kanji with kana right after it is a verb's or an adjective's stem (歩けない, 話せん, 受け取って):
 * when nothing knows the stretch, it is read by its stems, never turned into a noun or a name that
 * listings are called by (歩 → あゆみ: デイサービスあゆみ is no answer to 歩けない).
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { planQuery } from '../../src/lib/domain/text/query-plan';

/** A planner whose listings are called by names read like a kanji's noun readings. */
function planner(listingWords: ReadonlyArray<readonly [string, string]>) {
	const words = new Lexicon();
	listingWords.forEach(([surface, reading]) => words.add(surface, reading));
	return (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: [], explicitArea: false });
}
const searched = (plan: ReturnType<ReturnType<typeof planner>>) => plan.levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);

describe('a conjugated verb is not read as a name', () => {
	const plan = planner([
		['あゆみ', 'あゆみ'],
		['はなし', 'はなし'],
		['保育園', 'ほいくえん']
	]);

	it('keeps 歩けない, 歩けん, 話せない from the listing names あゆみ and はなし', () => {
		for (const q of ['歩けない', 'まだ歩けない下の子', '足が痛うて歩けんき困っちゅう', 'うまく話せない']) {
			expect(searched(plan(q)), q).not.toContain('あゆみ');
			expect(searched(plan(q)), q).not.toContain('はなし');
		}
	});

	it('does not cut a verb\'s kana into particles (受け取って is not う + けど + り)', () => {
		expect(searched(plan('野菜を受け取ってくれるろうか'))).not.toContain('り');
	});

	it('still reads a kanji slip without kana after it (保育縁 → 保育園)', () => {
		expect(searched(plan('近くの保育縁をさがしている'))).toContain('保育園');
	});
});

describe('a small child who cannot be taken along', () => {
	const frame = (text: string) => dictionaries().situations.frameOf(normalizeText(text));
	const firstKind = (q: string) => {
		const tier = planner([])(q).levels[0].tiers[0];
		return tier && ('term' in tier ? tier.term : tier.tag);
	};

	it('finds someone to mind the child meanwhile (一時預かり), however the sentence puts it', () => {
		for (const q of ['上の子の参観日に、まだ歩けない下の子を連れて行けない', '下の子を法事に連れて行けんき困っちゅう', '用事があるけど二歳の娘を連れては行けない']) {
			expect(frame(q)?.needs, q).toContain('子どもを連れて行けない用事');
			expect(['temporary-care', '一時預かり'], q).toContain(firstKind(q));
		}
	});

	it('leaves an elder who cannot be taken to the doctor to the 通院 help', () => {
		expect(frame('母を病院に連れて行けない')?.needs ?? []).not.toContain('子どもを連れて行けない用事');
		expect(firstKind('母を病院に連れて行けない')).toBe('home-help');
	});
});
