/**
 * What the words of a worry sentence point to: everyday descriptions of a change (a parent going out
 * at night, a neighbour's newspapers piling up) plan the concept's kinds, and broad words that set
 * the scene (出かけ, 食事, 夜中) do not pull the list away from the worry itself.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries, directionCounterpart, objectCounterpart } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type WorryTier } from '../../src/lib/domain/text/query-plan';

const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: [] });
const firstKind = (q: string): WorryTier | undefined => plan(q).levels[0].tiers[0];
const kinds = (q: string): WorryTier[] => plan(q).levels[0].tiers;

describe('worry sentences: what the words point to', () => {
	it('understands the signs of dementia a family describes', () => {
		expect(firstKind('親父が夜中に何べんも起きて外へ出ようとする')).toEqual({ term: 'care-center' });
		expect(firstKind('母が鍋を火にかけたまま忘れていた')).toEqual({ term: 'care-center' });
		expect(firstKind('父が同じものを何度も買ってくる')).toEqual({ term: 'care-center' });
	});

	it('lets a broad word that sets the scene give way to the worry (出かけ, 食事, お茶, 夜中)', () => {
		const outing = kinds('母が同じことを何度も聞くようになって、この前は鍋を火にかけたまま出かけていた');
		expect(outing[0]).toEqual({ term: 'care-center' });
		expect(outing).not.toContainEqual({ term: 'mobility-shopping' });
		expect(firstKind('父が食事のたびにむせるようになって、お茶を飲むのもしんどそう')).toEqual({ term: 'dental' });
		expect(kinds('夜中に外へ出ようとする')).not.toContainEqual({ term: 'hospital' });
		// Said alone, a broad word still finds its concept.
		expect(firstKind('外出したい')).toEqual({ term: 'mobility-shopping' });
		expect(firstKind('休日にやってる病院')).toEqual({ term: 'hospital' });
		expect(kinds('食事を届けてほしい')).toContainEqual({ tag: '配食' });
	});

	it('reads what a neighbour notices next door as a call to the 民生委員, not a 見守り programme', () => {
		expect(firstKind('隣のおじいさんの郵便受けに、新聞が三日分たまったままになっている')).toEqual({ term: 'minsei-iin' });
		expect(firstKind('向かいのおばあさんの姿を見かけない')).toEqual({ term: 'minsei-iin' });
		expect(kinds('向かいのおばあさんの姿を見かけない')).toContainEqual({ term: 'care-center' });
		// Asking for a 見守り service is still that.
		expect(firstKind('一人暮らしの母の見守りをお願いしたい')).toEqual({ tag: '見守り' });
		// 三日分 is not read aloud into 皮膚 (ひふ).
		expect(kinds('新聞が三日分たまった')).not.toContainEqual({ term: 'clinic' });
	});

	it('answers a child who will not go to school with child consultation, in 土佐弁 too', () => {
		expect(dictionaries().standardizeDialect('学校へ行きとうない')).toBe('学校へ行きたくない');
		expect(dictionaries().standardizeDialect('ありがとうね')).toBe('ありがとうね');
		expect(firstKind('孫が学校へ行きとうないいうて、もう二週間も休みゆうがぜよ')).toEqual({ term: 'child-consult' });
		expect(firstKind('娘が学校を休みがちで')).toEqual({ term: 'child-consult' });
	});

	it('takes に and へ alike before a verb of going (学校へ行かない is 学校に行かない)', () => {
		expect(directionCounterpart('病院に行')).toBe('病院へ行');
		expect(directionCounterpart('外へ出ようと')).toBe('外に出ようと');
		expect(directionCounterpart('にんちしょう')).toBeNull();
		expect(kinds('病院へ行く足がない')).toEqual(kinds('病院に行く足がない'));
	});

	it('understands a baby’s feeding and weight, typed in kana', () => {
		expect(firstKind('あかちゃんが おっぱいをあんまりのまない たいじゅうがふえない')).toEqual({ term: 'child-consult' });
		expect(firstKind('赤ちゃんの体重が増えない')).toEqual({ term: 'child-consult' });
	});

	it('finds a room to borrow for a group meeting (公民館, not a サロン)', () => {
		expect(firstKind('子ども会の集まりに使える部屋を、安うに借りれるとこはないかね')).toEqual({ term: 'community-center' });
	});

	it('answers a parent worried about a disabled child’s future with disability consultation', () => {
		expect(firstKind('姉が障害のある子の将来を心配している')).toEqual({ term: 'disability-consult' });
	});

	it('finds after-school care for a child alone until evening', () => {
		expect(firstKind('子どもが夕方まで一人で家にいる')).toEqual({ term: 'after-school' });
		expect(kinds('孫が学校終わってから行くとこがない')).toContainEqual({ term: 'after-school' });
	});

	it('points papers from the city that are hard to read to the people who help with them', () => {
		expect(firstKind('しょるいがむずかしくて よめない')).toEqual({ term: 'minsei-iin' });
		expect(firstKind('役所の手続きがわからない')).toEqual({ term: 'minsei-iin' });
	});

	it('reads not going out by who it is about (a mother, a new baby, a son)', () => {
		expect(firstKind('母が最近外に出たがらない')).toEqual({ term: 'care-center' });
		expect(firstKind('赤ちゃんが生まれて家から出ることがなくなった')).toEqual({ term: 'child-consult' });
		expect(firstKind('息子が家から出ない')).toEqual({ term: 'self-reliance' });
	});

	it('lets 仕事 and 入院 set the scene without leading (保育園, 心の病気)', () => {
		expect(firstKind('娘が保育園に入れず仕事に戻れない')).toEqual({ term: 'nursery' });
		expect(firstKind('仕事を探している')).toEqual({ term: 'self-reliance' });
		expect(firstKind('入院できる病院')).toEqual({ term: 'hospital' });
		expect(kinds('兄は心の病気で長く入院していた')[0]).toEqual({ term: 'disability-consult' });
	});

	it('finds help for a job up high that a person cannot reach, typed in kana', () => {
		expect(firstKind('たかいところで てがとどかん')).toEqual({ term: 'visit-support-b' });
		expect(firstKind('高い棚の物が取れない')).toEqual({ term: 'visit-support-b' });
	});

	it('takes が and を alike between a noun and its verb (階段を怖がる is 階段が怖い)', () => {
		expect(objectCounterpart('階段が怖')).toBe('階段を怖');
		expect(objectCounterpart('風呂を嫌が')).toBe('風呂が嫌が');
		// Kana words keep their が (ながい is no particle).
		expect(objectCounterpart('ながい')).toBeNull();
		expect(firstKind('母が階段を怖がるようになって')).toEqual({ term: 'care-center' });
		expect(firstKind('ばあちゃんがお風呂が嫌になったみたい')).toEqual({ term: 'day-service' });
	});

	it('understands everyday signs across the five fields, as families describe them', () => {
		const expectations: Array<[string, WorryTier]> = [
			['おかんが財布を盗られたいうて騒ぎゆう', { term: 'care-center' }],
			['父がよう咳き込むようになった', { term: 'dental' }],
			['祖父が新聞が読めんなった', { term: 'clinic' }],
			['主人を亡くしてから一日誰とも話さん', { tag: '話し相手' }],
			['2歳の息子がまだ単語が出ない', { term: 'child-development' }],
			['家の中に物があふれて足の踏み場もない', { tag: '掃除' }],
			['電気を止められそう', { term: 'self-reliance' }],
			['夜泣きで寝てくれなくてワンオペでつらい', { tag: '子育ての相談' }],
			['母の退院が決まった', { term: 'care-center' }],
			['父がトイレに間に合わんことが増えた', { term: 'clinic' }]
		];
		for (const [sentence, kind] of expectations) expect(firstKind(sentence), sentence).toEqual(kind);
	});

	it('reads 土佐弁 negatives of any verb (食べれん, できん, 聞こえん) and leaves さん alone (母さんが)', () => {
		const standard: Record<string, string> = {
			食べれんがよ: '食べれないがよ',
			ひとりでできんき: 'ひとりでできないき',
			耳が聞こえんき: '耳が聞こえないき',
			来てくれんろうか: '来てくれないろうか',
			話さんがよ: '話さないがよ',
			// Words and honorifics that merely end in ん stay as they are.
			母さんが: '母さんが',
			息子さんが: '息子さんが',
			歯医者さんが: '歯医者さんが',
			ようちえんが: 'ようちえんが',
			年金が: '年金が'
		};
		const read = Object.keys(standard).map((text) => dictionaries().standardizeDialect(text));
		expect(read).toEqual(Object.values(standard));
		expect(firstKind('おとうが最近テレビの音が大きゅうて、呼んでも聞こえんき')).toEqual({ term: 'clinic' });
	});
});
