/**
 * What the words of a worry sentence point to: everyday descriptions of a change (a parent going out
 * at night, a neighbour's newspapers piling up) plan the concept's kinds, and broad words that set
 * the scene (出かけ, 食事, 夜中) do not pull the list away from the worry itself.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries, directionCounterpart, objectCounterpart } from '../../src/lib/domain/text/dictionaries';
import worriesFile from '../../data/dictionaries/worries.json';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type WorryTier } from '../../src/lib/domain/text/query-plan';

const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: [] });
const kinds = (q: string): WorryTier[] => plan(q).levels[0].tiers;

/** A sentence, the kind of listing it must show first, and why. */
const FIRST_KINDS: Array<[string, WorryTier, string]> = [
	['親父が夜中に何べんも起きて外へ出ようとする', { term: 'care-center' }, 'going out at night is a sign of dementia'],
	['母が鍋を火にかけたまま忘れていた', { term: 'care-center' }, 'a pot left on the fire'],
	['父が同じものを何度も買ってくる', { term: 'care-center' }, 'the same things bought again'],
	['母が同じことを何度も聞くようになって、この前は鍋を火にかけたまま出かけていた', { term: 'care-center' }, '出かけ sets the scene'],
	['父が食事のたびにむせるようになって、お茶を飲むのもしんどそう', { term: 'dental' }, '食事 and お茶 set the scene'],
	['外出したい', { term: 'mobility-shopping' }, 'a broad word said alone still finds its concept'],
	['休日にやってる病院', { term: 'hospital' }, '休日 said alone'],
	['隣のおじいさんの郵便受けに、新聞が三日分たまったままになっている', { term: 'minsei-iin' }, 'what a neighbour notices goes to the 民生委員'],
	['向かいのおばあさんの姿を見かけない', { term: 'minsei-iin' }, 'not seen for days'],
	['一人暮らしの母の見守りをお願いしたい', { tag: '見守り' }, 'asking for a 見守り service is still that'],
	['孫が学校へ行きとうないいうて、もう二週間も休みゆうがぜよ', { term: 'child-consult' }, 'a child who will not go to school, in 土佐弁'],
	['娘が学校を休みがちで', { term: 'child-consult' }, 'often absent from school'],
	['あかちゃんが おっぱいをあんまりのまない たいじゅうがふえない', { term: 'child-consult' }, 'a baby’s feeding and weight, in kana'],
	['赤ちゃんの体重が増えない', { term: 'child-consult' }, 'a baby’s weight'],
	['子ども会の集まりに使える部屋を、安うに借りれるとこはないかね', { term: 'community-center' }, 'a room to borrow, not a サロン'],
	['姉が障害のある子の将来を心配している', { term: 'disability-consult' }, 'a disabled child’s future'],
	['子どもが夕方まで一人で家にいる', { term: 'after-school' }, 'alone after school until evening'],
	['しょるいがむずかしくて よめない', { term: 'minsei-iin' }, 'papers too hard to read, in kana'],
	['役所の手続きがわからない', { term: 'minsei-iin' }, 'procedures at the city office'],
	['母が最近外に出たがらない', { term: 'care-center' }, 'not going out, said of a mother'],
	['赤ちゃんが生まれて家から出ることがなくなった', { term: 'child-consult' }, 'not going out, after a birth'],
	['息子が家から出ない', { term: 'self-reliance' }, 'not going out, said of a son'],
	['娘が保育園に入れず仕事に戻れない', { term: 'nursery' }, '仕事 sets the scene'],
	['仕事を探している', { term: 'self-reliance' }, 'looking for work is still that'],
	['上の子のイヤイヤがひどくて、もう限界', { tag: '子育ての相談' }, 'a word of tiredness gives way to a child-rearing worry'],
	['親の介護に疲れてもう限界', { term: 'short-stay' }, 'tiredness beside 介護 is the carer’s respite'],
	['疲れた、少し休みたい', { term: 'short-stay' }, 'tiredness said alone still finds respite'],
	['入院できる病院', { term: 'hospital' }, '入院 said alone'],
	['兄は心の病気で長く入院していた', { term: 'disability-consult' }, 'an illness of the mind'],
	['たかいところで てがとどかん', { term: 'visit-support-b' }, 'a job up high, in kana'],
	['高い棚の物が取れない', { term: 'visit-support-b' }, 'a high shelf'],
	['母が階段を怖がるようになって', { term: 'care-center' }, '階段を怖がる is 階段が怖い'],
	['ばあちゃんがお風呂が嫌になったみたい', { term: 'day-service' }, 'お風呂が嫌 is お風呂を嫌がる'],
	['おかんが財布を盗られたいうて騒ぎゆう', { term: 'care-center' }, 'a purse “stolen”'],
	['父がよう咳き込むようになった', { term: 'dental' }, 'coughing'],
	['祖父が新聞が読めんなった', { term: 'clinic' }, 'the newspaper unreadable is eyesight, not a neighbour’s newspapers'],
	['主人を亡くしてから一日誰とも話さん', { tag: '話し相手' }, 'widowed, talking to nobody'],
	['2歳の息子がまだ単語が出ない', { term: 'child-development' }, 'no words yet'],
	['家の中に物があふれて足の踏み場もない', { tag: '掃除' }, 'a house full of things'],
	['電気を止められそう', { term: 'self-reliance' }, 'the electricity about to be cut'],
	['夜泣きで寝てくれなくてワンオペでつらい', { tag: '子育ての相談' }, 'a baby who will not sleep'],
	['母の退院が決まった', { term: 'care-center' }, 'a discharge date'],
	['父がトイレに間に合わんことが増えた', { term: 'clinic' }, 'accidents on the way to the toilet'],
	['おとうが最近テレビの音が大きゅうて、呼んでも聞こえんき', { term: 'clinic' }, '聞こえん is 聞こえない'],
	['二歳の娘がまだ単語をほとんど話さない', { term: 'child-development' }, 'a small child who hardly talks: speech delay'],
	['息子の言葉がよう出ん、どこか見てもらえるとこないろうか', { term: 'child-development' }, '見てもらえる beside a speech delay is being assessed, not childcare'],
	['呼んでも振り返らず一人遊びばかりしている', { term: 'child-development' }, 'not turning when called'],
	['子どもを見てもらえるところ', { tag: '一時預かり' }, '見てもらえる said alone about a child is still childcare'],
	['退院した母が酸素の機械をつけたまま家に帰ってくる', { term: 'home-nursing' }, 'home oxygen after discharge'],
	['家で胃ろうから栄養を入れる世話が続けられるか', { term: 'home-nursing' }, 'tube feeding at home is nursing, not a nutrition class'],
	['高校生の娘がもう一か月登校していない', { term: 'child-consult' }, 'not attending school'],
	['小学生の息子が学校に行きたがらない', { term: 'child-consult' }, 'a child reluctant to go to school'],
	['母が鍵の置き場所を忘れる', { term: 'care-center' }, 'forgetting where things were put'],
	['認知症の母が暮らせる施設を探している', { term: 'group-home' }, 'a kind both worries look for (認知症 + 施設) comes first'],
	['物忘れがひどうなった親父が入れる施設はないろうか', { term: 'group-home' }, 'the same, told in 土佐弁 by a sign of dementia'],
	['毎晩子どもに怒鳴ってしまい、自分が怖くなる', { tag: '子育ての相談' }, 'a parent who shouts at the child'],
	['息子をつい叩いてしまう', { tag: '子育ての相談' }, 'a parent who hits the child'],
	['朝七時に家を出るので、子どもを保育園まで送ってくれる人がいない', { term: 'family-support' }, 'no one to take the child to nursery'],
	['ほいくえんに おくってくれる ひとが いない', { term: 'family-support' }, 'the same in kana: 保育園 tells that a child is meant'],
	['庭が草だらけで草取りができない', { tag: '草抜き' }, 'a garden full of weeds'],
];

/** Ordinary searches that merely contain a worry's word (夕方まで, 留守番, 貸し出し, とられた, a short kana key inside another word) and the kind that must not come first. */
const NOT_FIRST_KINDS: Array<[string, WorryTier]> = [
	['集会所の場所を忘れた', { term: 'care-center' }],
	['夫の借金のことで夜も眠れない', { term: 'short-stay' }],
	['母のことが心配で夜も眠れない', { term: 'home-help' }],
	['日曜の夕方まで開いている病院', { term: 'after-school' }],
	['夕方まで開いている薬局', { term: 'after-school' }],
	['留守番電話', { term: 'after-school' }],
	['車いすの貸し出し', { term: 'community-center' }],
	['お金を借りられるところ', { term: 'community-center' }],
	['お金を貸してくれるところ', { term: 'community-center' }],
	['詐欺でお金をとられた', { term: 'care-center' }],
	['自転車を盗られた', { term: 'care-center' }],
	['夫を亡くしてから毎日涙が出る', { tag: '子育ての相談' }],
	['目から涙が出る', { term: 'child-consult' }],
	['目から涙が出る', { tag: '子育ての相談' }],
	['空気が読めない', { term: 'minsei-iin' }],
	['床が腐った', { term: 'care-center' }],
	['賞味期限の近い食品を寄付したい', { term: 'care-center' }],
	['学校休みの日', { term: 'child-consult' }],
	['こどもらしい', { term: 'clinic' }],
	['いちごえん', { term: 'dental' }],
	['ははしごとがいそがしい', { term: 'visit-support-b' }]
];

describe('worry sentences: what the words point to', () => {
	it.each(NOT_FIRST_KINDS)('%s does not plan %o first', (query, kind) => {
		expect(kinds(query)[0]).not.toEqual(kind);
	});

	it('keeps the object-bearing forms and the money worry', () => {
		expect(kinds('お金を借りられるところ')[0]).toEqual({ term: 'self-reliance' });
		expect(kinds('夕方まで一人で留守番')[0]).toEqual({ term: 'after-school' });
		expect(kinds('財布を盗られた')[0]).toEqual({ term: 'care-center' });
		expect(kinds('ホールを借りたい')[0]).toEqual({ term: 'community-center' });
	});

	it('reads low mood and an adult often off work (仕事も休みがち, 会社に行けない) as a clinic ranked by 心療内科, and only a child off school as 不登校', () => {
		for (const q of ['このところ気持ちが沈んで、会社も休みがちです', 'やる気が起きず職場に行けない日がある', '眠れず朝がつらくて仕事を休んでばかりいる']) {
			expect(kinds(q)[0], q).toEqual({ term: 'clinic' });
			expect(plan(q).levels[0].optional, q).toContain('心療内科');
		}
		expect(kinds('中学生の息子が学校も休みがちになった')[0]).toEqual({ term: 'child-consult' });
	});
	it('has no kana-only worry key shorter than 4 kana that occurs inside ordinary words', () => {
		const found = worriesFile.worries
			.flatMap((worry) => worry.keys)
			.filter((key) => /^[\p{Script=Hiragana}\p{Script=Katakana}ー]{1,3}$/u.test(key));
		for (const inside of ['もらし', 'ごえん', 'せきこ', 'まぶし', 'はしご']) expect(found).not.toContain(inside);
	});

	it.each(FIRST_KINDS)('%s → %o first (%s)', (sentence, kind) => {
		expect(kinds(sentence)[0]).toEqual(kind);
	});

	it('lets a broad scene word give way without losing the worry’s own kinds', () => {
		expect(kinds('母が同じことを何度も聞くようになって、この前は鍋を火にかけたまま出かけていた')).not.toContainEqual({ term: 'mobility-shopping' });
		expect(kinds('夜中に外へ出ようとする')).not.toContainEqual({ term: 'hospital' });
		expect(kinds('食事を届けてほしい')).toContainEqual({ tag: '配食' });
		expect(kinds('向かいのおばあさんの姿を見かけない')).toContainEqual({ term: 'care-center' });
		expect(kinds('孫が学校終わってから行くとこがない')).toContainEqual({ term: 'after-school' });
		// 三日分 is not read aloud into 皮膚 (ひふ).
		expect(kinds('新聞が三日分たまった')).not.toContainEqual({ term: 'clinic' });
	});

	it('takes に and へ alike before a verb of going, が and を alike before a verb', () => {
		expect(directionCounterpart('病院に行')).toBe('病院へ行');
		expect(directionCounterpart('外へ出ようと')).toBe('外に出ようと');
		expect(directionCounterpart('にんちしょう')).toBeNull();
		expect(kinds('病院へ行く足がない')).toEqual(kinds('病院に行く足がない'));
		expect(objectCounterpart('階段が怖')).toBe('階段を怖');
		expect(objectCounterpart('風呂を嫌が')).toBe('風呂が嫌が');
		// Kana words keep their が (ながい is no particle).
		expect(objectCounterpart('ながい')).toBeNull();
		// A katakana noun takes が and を alike too (ガスが止められた is ガスを止め).
		for (const [typed, other] of [
			['ガスを止め', 'ガスが止め'],
			['テレビが見えな', 'テレビを見えな'],
			['トイレが近', 'トイレを近'],
			['ミルクを飲まな', 'ミルクが飲まな'],
			['ホールを借り', 'ホールが借り']
		]) {
			expect(kinds(other + 'て困る')).toEqual(kinds(typed + 'て困る'));
			expect(kinds(other + 'て困る')).not.toEqual([]);
		}
	});

	it('reads 土佐弁 as standard Japanese: 〜とうない, the negative of any verb, and leaves nouns (保育えん, 年きん) and さん alone', () => {
		const standard: Record<string, string> = {
			学校へ行きとうない: '学校へ行きたくない',
			ありがとうね: 'ありがとうね',
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
			年金が: '年金が',
			// Nouns that end in えん or きん are not verbs (園, 金), wherever they are typed in kana.
			ほいくえん: 'ほいくえん',
			ほいくえんの送迎: 'ほいくえんの送迎',
			ひかりがくえん: 'ひかりがくえん',
			たくえんが: 'たくえんが',
			保育えん: '保育えん',
			保育えんの: '保育えんの',
			年きんの: '年きんの',
			公えんで: '公えんで',
			// Any name or person with さん keeps it; only the stem of a す-verb takes the negative.
			田中さんが: '田中さんが',
			田中さんの: '田中さんの',
			旦那さんが: '旦那さんが',
			お隣さんが: 'お隣さんが',
			ご近所さんが: 'ご近所さんが',
			ご主人さんが: 'ご主人さんが',
			お客さんが: 'お客さんが',
			お嬢さんが: 'お嬢さんが',
			皆さんで: '皆さんで',
			// The dialect negatives themselves still read as standard Japanese.
			病院に行けんがよ: '病院に行けないがよ',
			一人でできん: '一人でできない',
			朝起きれん: '朝起きれない',
			もう起きん: 'もう起きない',
			目が見えん: '目が見えない',
			手伝えんき: '手伝えないき',
			誰も読んでくれん: '誰も読んでくれない',
			薬を出さんき: '薬を出さないき'
		};
		const read = Object.keys(standard).map((text) => dictionaries().standardizeDialect(text));
		expect(read).toEqual(Object.values(standard));
	});
});

describe('high blood pressure told in a sentence, in kanji or kana', () => {
	it('ranks 循環器内科 among clinics, not the pharmacy of 血圧計', () => {
		for (const q of ['血圧が高いと言われた', 'けつあつが たかいと いわれた かかりつけの いしゃを さがしてる']) {
			expect(plan(q).levels[0].tiers[0], q).toEqual({ term: 'clinic' });
			expect(plan(q).levels[0].optional?.[0], q).toBe('循環器内科');
		}
	});
});
