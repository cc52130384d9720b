import { describe, expect, it } from 'vitest';
import { TAXONOMY_TERMS } from '../../src/lib/domain/taxonomy';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type PlannerContext } from '../../src/lib/domain/text/query-plan';
import { compiled, namedKinds } from '../../src/lib/domain/text/named-kinds';

function context(): PlannerContext {
	const lexicon = new Lexicon();
	for (const [surface, reading] of [
		['薬局', 'やっきょく'],
		['病院', 'びょういん'],
		['百歳体操', 'ひゃくさいたいそう'],
		['民生委員', 'みんせいいいん']
	]) {
		lexicon.add(surface, reading);
	}
	return { dictionaries: dictionaries(), lexicon, areas: [], kinds: TAXONOMY_TERMS };
}

describe('a kind named in the sentence', () => {
	it('leads the kinds a worry in the sentence implies, which still follow it', () => {
		const withoutKinds = planQuery('車いすで行ける薬局', { ...context(), kinds: [] }).levels[0].tiers;
		const tiers = planQuery('車いすで行ける薬局', context()).levels[0].tiers;
		expect(tiers[0]).toEqual({ term: 'pharmacy' });
		// Blended, not replaced: the concept's own first kinds come next, and no more places are searched.
		expect(tiers.slice(1)).toEqual(withoutKinds.filter((tier) => JSON.stringify(tier) !== JSON.stringify({ term: 'pharmacy' })).slice(0, tiers.length - 1));
		expect(tiers.length).toBeLessThanOrEqual(Math.max(withoutKinds.length, 2));
	});

	it('is found through a part of a term name, a name it is part of, or a synonym', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('民生委員さんに相談', ['民生委員'])).toEqual([{ term: 'minsei-iin' }]);
		expect(kinds('百歳体操に参加したい', ['百歳体操'])).toEqual([{ term: 'hyakusai-taiso' }]);
		expect(kinds('歯医者で検診', ['歯医者'])).toEqual([{ term: 'dental' }]);
		// A word many kinds' names share names none of them.
		expect(kinds('相談したい', ['相談'])).toEqual([]);
		expect(kinds('センターに相談', ['センター'])).toEqual([]);
		// Only the end of a name names it (the head comes last): 子ども only modifies 子ども食堂.
		expect(kinds('子どもが急に熱を出した', ['子ども'])).toEqual([]);
	});

	it('is not the kind wanted where the sentence only goes there or starts one', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('母を病院に連れて行く手段がない', ['病院'])).toEqual([]);
		expect(kinds('歯医者に通えない', ['歯医者'])).toEqual([]);
		expect(kinds('さろんをたちあげたい', ['通いの場'])).toEqual([]);
		expect(kinds('公民館で茶話会を開きたいけど', ['公民館'])).toEqual([]);
		expect(kinds('びょういんにも かいものにも いけん', ['病院'])).toEqual([]);
		expect(kinds('保育園のお迎えに間に合わない', ['保育園'])).toEqual([]);
		expect(kinds('目の見えない母の病院通いに付き添ってほしい', ['病院'])).toEqual([]);
		expect(kinds('はいしゃがよいが大変', ['歯医者'])).toEqual([]);
		// A word the sentence does not say where it stands (read into it from kana) names nothing.
		expect(kinds('ばすていまで とおくて びょういんにも かいものにも いけん', ['医院'])).toEqual([]);
		expect(kinds('歯医者行く間だけ子どもを見てほしい', ['歯医者'])).toEqual([]);
		expect(kinds('子ども食堂に行きたい', ['子ども食堂'])).toEqual([{ term: 'kodomo-shokudo' }]);
		expect(kinds('サロンに行ってみたいんやけど', ['通いの場'])).toEqual([{ term: 'salon' }]);
		expect(kinds('薬局で相談したいんですが', ['薬局'])).toEqual([{ term: 'pharmacy' }]);
	});

	it('is named in kana by the reading of another of its spellings (ほいくえん for 保育所), and gone to in kana (おくりむかえ) is still not asked for', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('しごとにもどるのでほいくえんをさがしてます', ['仕事', '保育所'])).toEqual([{ term: 'nursery' }]);
		expect(kinds('らいげつから ほいくえんに いれたい', ['保育所'])).toEqual([{ term: 'nursery' }]);
		expect(kinds('ほいくえんのおくりむかえをたのみたい', ['保育所'])).toEqual([]);
		expect(kinds('ほいくえんの そうげいが できない', ['保育所'])).toEqual([]);
		expect(kinds('ほいくえんに おくってくれる ひとが いない', ['保育所'])).toEqual([]);
		expect(planQuery('しごとにもどるのでほいくえんをさがしてます', context()).levels[0].tiers[0]).toEqual({ term: 'nursery' });
	});

	it('is not the kind wanted where someone working there advised it (保育園の先生に療育すすめられた)', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('孫がことばが遅うて、保育所の先生に療育すすめられたがよ', ['保育所'])).toEqual([]);
		expect(kinds('病院の先生から言われて、リハビリできるとこを探しゆう', ['病院'])).toEqual([]);
		expect(kinds('保育所の先生に相談したい', ['保育所'])).toEqual([{ term: 'nursery' }]);
		expect(kinds('薬局の人に薬のことを聞きたい', ['薬局'])).toEqual([{ term: 'pharmacy' }]);
	});

	it('is not the kind wanted where someone working there said a whole clause (保育園の先生から、息子がお友だちとうまく遊べないと言われた)', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('保育所の先生から、息子がお友だちとうまく遊べないと言われた', ['保育所'])).toEqual([]);
		expect(kinds('病院の看護師さんに、父の足腰がだいぶ弱ってきているので体操を続けるように言われた', ['病院'])).toEqual([]);
		expect(kinds('保育所の先生から、娘がお昼寝の時間にみんなと一緒に横になっていられないと言われました', ['保育所'])).toEqual([]);
		// Another sentence after it is no longer what was said there.
		expect(kinds('保育所の先生から聞いた。でも別の保育所を探したいと言われても困る', ['保育所'])).toEqual([{ term: 'nursery' }]);
	});

	it('is not the kind wanted where a message came from it or something was said there (保育園から迎えに来てと電話があった)', () => {
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries());
		expect(kinds('保育所から子どもが熱出したき迎えに来てって電話あった', ['保育所'])).toEqual([]);
		expect(kinds('保育所から呼び出しがきたけど仕事を抜けられない', ['保育所'])).toEqual([]);
		expect(kinds('病院で、家でのリハビリを続けるように言われた', ['病院'])).toEqual([]);
		// From the kind itself only a message counts: 保育所から断られた still asks for one.
		expect(kinds('保育所から断られたので、別の保育所を探したい', ['保育所'])).toEqual([{ term: 'nursery' }]);
		expect(kinds('保育所で一時預かりをしているところ', ['保育所'])).toEqual([{ term: 'nursery' }]);
	});

	it('is not named by grammar that sounds like a reading, nor by another member of a synonym group', () => {
		const readings = new Map([['医院', 'いいん'], ['薬局', 'やっきょく']]);
		const kinds = (text: string, words: string[]) => namedKinds(words, text, TAXONOMY_TERMS, dictionaries(), (word) => readings.get(word));
		// いいん in どうしたらいいんだろう is grammar, not 医院 (clinics had come first).
		expect(kinds('ははのかいご どうしたらいいんだろう', ['医院'])).toEqual([]);
		expect(kinds('こそだて どうしたらいいんですか', ['医院'])).toEqual([]);
		expect(kinds('ちかくのいいんにいきたい', ['医院'])).toEqual([{ term: 'clinic' }]);
		expect(kinds('やっきょくある？', ['薬局'])).toEqual([{ term: 'pharmacy' }]);
		// 送迎 shares a group with 移動・買い物支援 but does not name it (移動販売 vans had come first).
		expect(kinds('デイサービスの送迎をしてほしい', ['送迎'])).toEqual([]);
		expect(kinds('買い物支援を頼みたい', ['買い物支援'])).toEqual([{ term: 'mobility-shopping' }]);
	});
});

describe('compiled patterns', () => {
	it('are compiled once per source and match as a fresh pattern does, past the bound too', () => {
		const source = '病院(?=に|へ)';
		expect(compiled(source)).toBe(compiled(source));
		for (const sentence of ['病院に行きたい', '病院で', '歯医者へ', '']) expect(compiled(source).test(sentence)).toBe(new RegExp(source).test(sentence));
		// Many words typed over time: the cache stays bounded and every pattern still answers right.
		for (let index = 0; index < 2_500; index++) expect(compiled(`語${index}$`).test(`語${index}`)).toBe(true);
		expect(compiled(source).test('病院へ')).toBe(true);
	});

	it('leave a 200-character sentence planned as it is planned alone, asked twice', () => {
		const long = '車いすで行ける薬局を探しています、民生委員さんに相談したい。'.repeat(7).slice(0, 200);
		const first = planQuery(long, context());
		expect(planQuery(long, context())).toEqual(first);
		expect(first.levels[0]?.tiers).toContainEqual({ term: 'pharmacy' });
	});
});
