/**
 * A real word typed for its homophone among the 困りごと words (俳諧 for 徘徊, 生涯 for 障害): read so
 * only with a signal from the sentence, never by a homophone table alone (食道 stays 食道).
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery } from '../../src/lib/domain/text/query-plan';

const LISTING_WORDS: ReadonlyArray<readonly [string, string]> = [
	['医院', 'いいん'],
	['民生委員', 'みんせいいいん'],
	['子ども食堂', 'こどもしょくどう'],
	['食堂', 'しょくどう'],
	['児童', 'じどう'],
	['障害者', 'しょうがいしゃ'],
	['認知症', 'にんちしょう']
];
const words = new Lexicon();
LISTING_WORDS.forEach(([surface, reading]) => words.add(surface, reading));
const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: [], explicitArea: false });
/** The kinds of listing the first level asks for, in any order (situation rules read the text as typed). */
const concepts = (q: string) => plan(q).levels[0].tiers.map((tier) => JSON.stringify(tier)).sort();
const searched = (q: string) => plan(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);

describe('a real word typed for a 困りごと word read the same', () => {
	it('is read as it when another 困りごと of the sentence is of its field (俳諧 beside 限界 → 徘徊)', () => {
		const typed = '父が夜中に俳諧するようになって家族だけでは限界';
		// 認知症's kinds (group homes), which 限界 alone does not ask for.
		expect(concepts(typed)).toContain(JSON.stringify({ term: 'group-home' }));
		expect(concepts('父が夜中に徘徊するようになって家族だけでは限界')).toContain(JSON.stringify({ term: 'group-home' }));
		expect(searched(typed)).not.toContain('俳諧');
	});

	it('is read as it when so read it makes a longer 困りごと phrase with its neighbours (生涯のある娘 → 障害のある娘)', () => {
		expect(concepts('生涯のある娘が働ける場所を探してます')).toEqual(concepts('障害のある娘が働ける場所を探してます'));
		expect(concepts('生涯のある娘が働ける場所を探してます').length).toBeGreaterThan(0);
	});

	it('stays as typed without such a signal (俳諧が趣味, 生涯の思い出, 食道の病気)', () => {
		expect(searched('俳諧が趣味の父')).toContain('俳諧');
		expect(searched('子供の生涯の思い出')).toContain('生涯');
		expect(searched('食道の病気が心配')).toContain('食道');
		// A 困りごと of another field (介護) is no signal for 食堂 (meals).
		expect(searched('父の食道の病気で介護に疲れた')).toContain('食道');
		expect(searched('父の食道の病気で介護に疲れた')).not.toContain('食堂');
	});

	it('reads 診て (a doctor sees) as itself, never as its homophone 見て (minding a child)', () => {
		for (const q of ['子どもを診てくれる医者', '孫を診てくれるとこ', '娘を診てほしい']) {
			expect(concepts(q), q).toEqual([JSON.stringify({ term: 'clinic' }), JSON.stringify({ term: 'hospital' })]);
			expect(searched(q), q).not.toContain('見てくれ');
		}
		expect(concepts('孫を見てくれるとこ')).toContain(JSON.stringify({ tag: '一時預かり' }));
		// Seeing a doctor is what every medical worry asks: beside one that says what is wrong (歯), that one's kinds lead.
		expect(plan('歯がぐらぐらしちゅうき診てほしい').levels[0].tiers[0]).toEqual({ term: 'dental' });
	});

	it('is read as a 困りごと phrase with the same kana ending beside any other 困りごと (夜鳴き → 夜泣き, 付かれ → 疲れ)', () => {
		expect(concepts('夜鳴きがひどくてもう限界')).toEqual(concepts('夜泣きがひどくてもう限界'));
		expect(searched('夜鳴きがひどくてもう限界')).toContain('夜泣き');
		expect(concepts('介護に付かれた、母を泊まりで預けたい')).toEqual(concepts('介護に疲れた、母を泊まりで預けたい'));
		expect(searched('介護に付かれた、母を泊まりで預けたい')).toContain('介護に疲れ');
	});

	it('with a kana ending, stays as typed with no 困りごと beside it or after another kanji (夜鳴きの鳥, 気付かれ)', () => {
		expect(searched('夜鳴きがきれいな鳥')).not.toContain('夜泣き');
		expect(searched('誰にも気付かれたくない、介護がつらい')).not.toContain('疲れ');
		// A word and a particle is no ending: 私が beside a 困りごと is not 歯が (teeth).
		expect(searched('父が置き場所を忘れて、私が盗ったと言い出した')).not.toContain('歯が');
		// Another word read the same only by a kanji's rare reading (吐 as ぬ) or an adjective (熱い, not 集い).
		expect(searched('歯を抜いたら歯ぐきが腫れた')).not.toContain('吐いた');
		expect(searched('熱いお風呂が好きな父の介護')).not.toContain('集い');
	});

	it('stays as typed inside a compound or where listings use it (自動ドア, 生涯学習, 医院)', () => {
		expect(searched('自動ドアが壊れて介護がしんどい')).toContain('自動');
		expect(searched('自動ドアが壊れて介護がしんどい')).not.toContain('児童');
		expect(searched('障害のある息子の生涯学習')).toContain('生涯');
		expect(searched('認知症の父を近くの医院に連れて行きたい')).not.toContain('委員');
	});
});
