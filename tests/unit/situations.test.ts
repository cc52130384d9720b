import { describe, expect, it } from 'vitest';
import { compileDictionaries, dictionaries, SHIPPED_DICTIONARIES } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { planQuery } from '../../src/lib/domain/text/query-plan';
import { compileSituations } from '../../src/lib/domain/text/situations';
import { HEAVY_NOT_CARRYING } from '../fixtures/heavy-not-carrying';
import situationsFile from '../../data/dictionaries/situations.json';

const frame = (text: string) => dictionaries().situations.frameOf(normalizeText(text));
const terms = (text: string) => frame(text)?.lookFor.map((tier) => ('term' in tier ? tier.term : tier.tag));
const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: [] });
/** The first two kinds a sentence's results lead with. */
const firstTiers = (q: string) => plan(q).levels[0].tiers.slice(0, 2).map((tier) => ('term' in tier ? tier.term : tier.tag));

/** Each sentence is read as having the need, and the need's first kind leads its results. */
function expectNeedLeadsTo(need: string, firstKind: string, sentences: readonly string[]) {
	for (const q of sentences) {
		expect(frame(q)?.needs, q).toContain(need);
		expect(firstTiers(q)[0], q).toBe(firstKind);
	}
}

/** None of the sentences is read as having the need. */
function expectNeedAbsent(need: string, sentences: readonly string[]) {
	for (const q of sentences) expect(frame(q)?.needs ?? [], q).not.toContain(need);
}

describe('situation frames: who a sentence is about + what is missing', () => {
	it('reads the field from who and the kinds from what is missing, combined however the sentence puts them', () => {
		// A daytime place: for a wheelchair user, an elder, a small child.
		expect(frame('車いすの弟が毎日家から出られない')).toMatchObject({ field: '障害', needs: ['日中の行き先'] });
		expect(terms('車いすの弟が毎日家から出られない')?.[0]).toBe('life-care');
		expect(terms('母が一日中家にこもっている')?.[0]).toBe('salon');
		expect(terms('二歳の娘とずっと家にいる')?.[0]).toBe('childcare-hub');
		// Rest for the carer, food, someone to talk to.
		expect(terms('認知症の夫の世話で、こっちが倒れそう')?.[0]).toBe('short-stay');
		expect(terms('収入が減って子どもの食費が出せない')?.[0]).toBe('kodomo-shokudo');
		expect(terms('赤ちゃんと二人きりで誰とも話していない')?.[0]).toBe('childcare-hub');
	});

	it('reads who by whole words and a child by a young age only', () => {
		// 夫 inside 大丈夫, 子 inside 車椅子 are no one.
		expect(frame('大丈夫かなと思うけど、ずっと家にいる')).toBeNull();
		// An age of years over twelve, or months that are a time (三か月前), is no child.
		expect(frame('八十歳を過ぎて、ずっと家にいる')).toBeNull();
		expect(frame('三か月前から、ずっと家にいる')).toBeNull();
		expect(frame('三か月の子とずっと家にいる')?.field).toBe('子育て');
		expect(frame('5歳児とずっと家にいる')?.field).toBe('子育て');
	});

	it('understands nothing without someone and something missing, or when two fields weigh the same', () => {
		expect(frame('車いすを貸してほしい')).toBeNull();
		expect(frame('出かける先がない')).toBeNull();
		// A child who does not talk yet is not someone with nobody to talk to.
		expect(frame('うちの子がまだしゃべらない')).toBeNull();
		// 子ども (子育て) and 母 (介護) weigh one each.
		expect(frame('子どもと母がずっと家にいる')).toBeNull();
		// A son or daughter of no told age is no small child (息子が家から出ない: ひきこもり, not 子育てひろば).
		expect(frame('息子が家から出ない')).toBeNull();
	});

	it('rejects a frame file with an unknown field or a look_for that is not a kind', () => {
		const needs = [{ need: 'x', groups: [['x']], look_for: { 介護: ['term:salon'] } }];
		expect(() => compileSituations({ who: [{ field: '宇宙', weight: 1, words: ['x'] }], needs })).toThrow(/situations\.json/);
		expect(() => compileSituations({ who: [], needs: [{ ...needs[0], look_for: { 介護: ['salon'] } }] })).toThrow(/situations\.json/);
		// Without a frame file, nothing is framed.
		const { situations: _omitted, ...withoutFrames } = SHIPPED_DICTIONARIES;
		expect(compileDictionaries(withoutFrames).situations.frameOf('車いすの妹が出かける先がない')).toBeNull();
	});

	it('writes a word list once and uses it by name in groups and unless lists, rejecting an unknown name', () => {
		const who = [{ field: '介護', weight: 1, words: ['母'] }];
		const lists = { 急病: ['熱が', '吐い'] };
		const needs = [
			{ need: '夜の急病', groups: [['夜中'], ['@急病']], look_for: { 介護: ['term:hospital'] } },
			{ need: '夜間の介護', groups: [['夜中']], unless: ['@急病'], look_for: { 介護: ['term:home-help'] } }
		];
		const situations = compileSituations({ lists, who, needs });
		expect(situations.frameOf('母が夜中に吐いた')?.needs).toEqual(['夜の急病']);
		expect(situations.frameOf('母が夜中に起きる')?.needs).toEqual(['夜間の介護']);
		expect(() => compileSituations({ lists, who, needs: [{ ...needs[1], unless: ['@病気'] }] })).toThrow(/unknown word list @病気/);
		expect(() => compileSituations({ lists, who, needs: [{ ...needs[1], unless: ['@toString'] }] })).toThrow(/unknown word list/);
		// The shipped file names the illness signs once, and the needs still read them (a sudden illness at night is both).
		expect(situationsFile.lists['急病のしるし']).toContain('熱が');
		expect(JSON.stringify(situationsFile.needs).match(/"熱が"/g)).toBeNull();
		expect(frame('夜中に父が吐いて熱もある')?.needs).toEqual(['夜の急病', '急な具合の悪さ']);
	});
});

describe('situation frames: who, said the 土佐弁 or colloquial way', () => {
	it('reads おかん, おとん, おかあ, 母ちゃん, おやじ as a parent (介護), as 母 and 父 are', () => {
		for (const text of ['おかんの通院に付き添うてくれる人がおらん', 'おとんを病院へ連れて行く足がない', 'おかあを病院に連れて行けんなった', '母ちゃんを病院へ連れて行く人がおらん', 'おやじを病院へ連れて行けん']) {
			expect(frame(text)?.field, text).toBe('介護');
		}
		expect(terms('おかんの通院に付き添うてくれる人がおらん')).toEqual(terms('母の通院に付き添うてくれる人がおらん'));
	});
});

describe('situation frames in the plan', () => {
	it('reads after school with someone to look after the child (放課後に預かって) as after-school care of the field', () => {
		expectNeedLeadsTo('放課後にひとり', 'child-development', ['しょうがいの ある こどもを ほうかごに あずかって くれるところ', '自閉症の娘を学校が終わってから見てもらえる所']);
		expectNeedLeadsTo('放課後にひとり', 'after-school', ['放課後に子どもを預かってくれるところ', '下校のあと孫を預けられる場所']);
	});

	it('reads a concept named by who and a condition (障害のある娘, 息子の障害) as who, so that what is missing leads', () => {
		const situations = dictionaries().situations;
		for (const word of ['障害のある娘', '障害がある息子', '息子の障害', '知的障害']) expect(situations.describesWho(word), word).toBe(true);
		for (const word of ['介護の相談', '就労支援']) expect(situations.describesWho(word), word).toBe(false);
		for (const q of ['重い障害のある娘が来春卒業するが、昼間に過ごす場所が決まらない', '障害がある息子が支援学校を出たら、どこにも行く所がない']) {
			expect(firstTiers(q)[0], q).toBe('life-care');
		}
		// Asking whom to consult is still a consultation.
		expect(firstTiers('障害のある息子のことで相談したい')[0]).toBe('disability-consult');
	});

	it('lets what is missing lead over a concept named by the condition (トイレ, 車いす)', () => {
		expect(firstTiers('毎晩夫のトイレで起こされて、私のほうが倒れそう')).toEqual(['short-stay', 'day-service']);
		expect(firstTiers('車いすの妹が昼間ずっと家にいて、出かける先がない')).toEqual(['life-care', 'employment-support']);
		expect(firstTiers('一歳の子と二人きりで、一日誰ともしゃべってない')).toEqual(['childcare-hub', 'child-consult']);
		expect(firstTiers('給料日前はよう子どもに腹いっぱい食べさせれん')).toEqual(['kodomo-shokudo', 'self-reliance']);
	});

	it('reads whole needs the concept table lacks: the night, a disabled adult living alone or working, 医療的ケア, starting a gathering', () => {
		// The night is what is missing, beside 一人暮らし (a 見守り concept of another field): night home help, night words rank.
		expect(firstTiers('独り暮らしの祖父が夜間にしんどくなっても呼べる人がおらん')[0]).toBe('home-help');
		expect(plan('独り暮らしの祖父が夜間にしんどくなっても呼べる人がおらん').levels[0].optional?.[0]).toBe('夜間');
		// A disabled adult alone: home help that does 障害福祉 居宅介護, ranked by those words.
		expect(firstTiers('自閉症の娘がアパートで一人で暮らして、掃除ができていない')[0]).toBe('home-help');
		expect(plan('自閉症の娘がアパートで一人で暮らして、掃除ができていない').levels[0].optional).toContain('居宅介護');
		// Work for a disabled adult, told by a condition without the word 障害 (精神の病 is a condition, not the need).
		expect(firstTiers('統合失調症の弟が、どこかで働けたらと思う')[0]).toBe('employment-support');
		expect(firstTiers('精神の病で長く家にいた夫が、また働きたいと言う')[0]).toBe('employment-support');
		// 医療的ケア weighs more than 介護: a nurse at home first, then a stay for the family's rest.
		expect(firstTiers('人工呼吸器の妻の介護で、家族みんな寝不足')).toEqual(['home-nursing', 'short-stay']);
		// Care told with 医療的ケア and no other need is a need of its own.
		expect(firstTiers('気管切開した息子の世話で家を空けられない')[0]).toBe('home-nursing');
		// 胃ろう in kana would be found inside 土佐弁 endings (ないろうか, えいろう): not a sign.
		expect(frame('用事があるき子どもを見てもらえるとこないろうか')?.field).not.toBe('医療');
		expect(firstTiers('胃ろうの父を家でみているが、手が足りない')[0]).toBe('home-nursing');
		// Starting a gathering (not joining one): the 社協 that helps to start them, even when no one is named.
		expect(firstTiers('空き家で子ども食堂を立ち上げたい')[0]).toBe('social-welfare-council');
		expect(firstTiers('公民館で茶話会を開きたいけど、何から')[0]).toBe('social-welfare-council');
		// Asking whom to ask, about an adult with a condition: the disability desk, not child development.
		expect(firstTiers('三十を過ぎて自閉の傾向があると言われ、どこに相談したらいいか')[0]).toBe('disability-consult');
	});

	it('reads getting to a doctor (通院 + no way to go) as home help that accompanies, and a mislaid thing blamed on family as dementia', () => {
		expect(firstTiers('脳梗塞の後遺症がある父の通院に付き添える家族がいない')[0]).toBe('home-help');
		expect(plan('脳梗塞の後遺症がある父の通院に付き添える家族がいない').levels[0].optional?.[0]).toBe('通院の付き添い');
		// A dentist stays the dentist's (訪問歯科), not a ride.
		expect(firstTiers('祖母の入れ歯が痛むのに、歯医者に連れて行けない')[0]).toBe('dental');
		// 物盗られ: however the thing and the accused are named.
		expect(firstTiers('母が指輪を盗られたと言って嫁を責める')[0]).toBe('care-center');
		expect(firstTiers('祖父が眼鏡をどこに置いたか分からず、孫を疑うようになった')[0]).toBe('care-center');
	});

	it('reads an illness at night as night-time medical care (救急外来), not as night home help', () => {
		for (const q of ['夜中に父が高い熱を出して、どこで診てもらえば', '夜中に子どもが吐いて熱もある', '夜中に母が熱を出した']) {
			expect(frame(q)?.needs).not.toContain('夜間の介護');
			expect(firstTiers(q)[0]).toBe('hospital');
			expect(plan(q).levels[0].optional?.[0]).toBe('救急外来');
		}
	});

	it('reads the night with no one to notice a fall as night home help, even beside a concept of the same field (ベッド, 転んで)', () => {
		for (const q of ['夜中に祖母がトイレで転んでも、同居の家族は誰も気づかない', '夜に父がベッドから落ちても、朝まで家族が気づけない']) {
			expect(firstTiers(q)[0]).toBe('home-help');
			expect(plan(q).levels[0].optional?.[0]).toBe('夜間');
		}
	});

	it('reads no frame into a word that only looks like one: やかん, 医療的ケア alone, a chore without anyone living alone', () => {
		expect(frame('やかんを火にかけたまま忘れる母')?.needs ?? []).not.toContain('夜間の介護');
		expect(frame('医療的ケアに対応している保育園')).toBeNull();
		expect(frame('障害のある人の料理教室')).toBeNull();
		expect(frame('車いすでも買い物しやすい店')).toBeNull();
		// Where something was put, or a suspicion, is no sign of dementia by itself.
		expect(plan('荷物を置いた場所から駅まで遠い').levels[0].tiers).toEqual([]);
		expect(plan('夫が浮気を疑い出した').levels[0].tiers).toEqual([]);
		// Someone living alone and a chore undone is still home help.
		expect(terms('車いすの妹が一人暮らしを始めたけど、料理や掃除ができない')?.[0]).toBe('home-help');
	});

	it('ranks nurses who also visit children first for 医療的ケア at home (all of them serve adults too)', () => {
		expect(plan('気管切開した息子の世話で、家族が交代で起きている').levels[0].optional).toContain('小児');
	});

	it('reads a schoolchild alone after school or in the holidays as 学童 first, even when only 娘 or 息子 is named', () => {
		expect(firstTiers('夏休みの間、息子が家に一人で寂しそう')[0]).toBe('after-school');
		expect(frame('共働きなので、息子が学校から帰るとひとりになってしまう')).toMatchObject({ field: '子育て', needs: ['放課後にひとり'] });
		expect(firstTiers('下校してから娘が誰もいない家で待っている')[0]).toBe('after-school');
		// Alone without school is no schoolchild's need.
		expect(frame('息子が家に一人でいる')).toBeNull();
	});

	it('reads carrying home what one buys as shopping help, whoever it is about, and moving furniture as heavy work', () => {
		expect(frame('灯油のタンクを運べなくて困っている')).toMatchObject({ field: '地域資源', needs: ['買った物を運べない'] });
		expect(firstTiers('父が重い物を持てないので、水や米を買うのに困っている')[0]).toBe('mobility-shopping');
		expect(firstTiers('重い家具を運べない')[0]).toBe('silver-center');
		expect(frame('重い病気の母')).toBeNull();
	});

	it('does not read a heavy illness, a heavy heart, 水曜 or 勝手に as carrying what one bought', () => {
		// 重い only counts next to a carried thing; 水 alone, 店 and かって (勝手) are no bought goods.
		for (const q of HEAVY_NOT_CARRYING) {
			expect(frame(q)?.needs ?? [], q).not.toContain('買った物を運べない');
		}
		// The carrying sentences stay.
		expect(frame('祖母が重い買い物袋を持って坂道を歩くのがつらそう')?.needs).toContain('買った物を運べない');
		expect(frame('お米が重くて買い物が大変')?.needs).toContain('買った物を運べない');
		expect(frame('灯油が運べない')?.needs).toContain('買った物を運べない');
		// An illness named by its 症 or a feeling (気持ち) beside real carrying does not stop it.
		expect(frame('腰痛症で灯油が運べない')?.needs).toContain('買った物を運べない');
		expect(frame('米を運べなくて申し訳ない気持ちになる')?.needs).toContain('買った物を運べない');
	});

	it('keeps a concept of the same field that names what is missing first (学校が終わってから → 学童)', () => {
		expect(firstTiers('孫が学校終わってから行くとこがないがよ')[0]).toBe('after-school');
	});

	it('reads a child alone while the parent works late as 学童 first, not as work for the parent', () => {
		expect(frame('仕事で帰りが遅くて子どもが一人')).toMatchObject({ field: '子育て', needs: ['放課後にひとり'] });
		expect(firstTiers('仕事で帰りが遅くて子どもが一人')[0]).toBe('after-school');
	});

	it('reads giving up work to care for someone as a care consultation, not a job search', () => {
		expect(frame('母の介護のために仕事を辞めるしかないか迷っている')).toMatchObject({ field: '介護', needs: ['介護で仕事を辞める'] });
		expect(firstTiers('父の介護で休みが増えて、会社を辞めようか悩んでいる')).toContain('care-center');
		expect(firstTiers('祖母の世話で仕事を続けられるか不安')[0]).toBe('care-center');
		// Quitting work with nobody to care for stays a work worry.
		expect(frame('病気で仕事を辞めた')?.needs ?? []).not.toContain('介護で仕事を辞める');
	});

	it('reads 見てもらう beside a child\'s speech or development as being assessed, and alone as childcare', () => {
		expect(frame('娘の言葉が遅い気がして、どこかで見てもらいたい')).toMatchObject({ needs: ['ことばや発達を見てもらう'] });
		expect(firstTiers('息子の言葉がよう出ん、どこか見てもらえるとこないろうか')[0]).toBe('child-development');
		expect(frame('用事の間、下の子を見てもらえたら')).toBeNull();
	});

	it('reads 夜も眠れない out of worry or money as no night care and no carer\'s rest, and from caring as both', () => {
		expect(frame('母のことが心配で夜も眠れない')).toBeNull();
		expect(frame('夫の借金のことで夜も眠れない')).toBeNull();
		expect(frame('認知症の父の介護で夜も眠れない')?.needs).toEqual(['介護する人の休息', '夜間の介護']);
	});

	it('reads a schoolchild by school year (小1, 一年生, 小学校に上がる) with no adult home until evening as 学童 first', () => {
		for (const q of ['娘が4月から一年生、夕方まで家に大人がいない', '孫が小学校に上がるけど、共働きで帰ってくるまで誰もいない', '小3の息子が、仕事から帰るまで一人で留守番している']) {
			expect(frame(q), q).toMatchObject({ field: '子育て', needs: ['放課後にひとり'] });
			expect(firstTiers(q)[0], q).toBe('after-school');
		}
		// An elder alone until evening is not a schoolchild's need.
		expect(frame('母が夕方まで家に一人でいる')?.needs ?? []).not.toContain('放課後にひとり');
	});

	it('reads a schoolchild to be minded (小学生の子を見よってくれる, 一年生を預かって) as 学童 before a nursery, however the time is told', () => {
		for (const q of ['仕事が終わるまで小学生の子を見ていてくれるとこ', '三年生の息子を夏の間だけ預かってもらえないか', '小2の娘の面倒を見てくれるとこ']) {
			expect(frame(q)?.needs, q).toContain('学齢の子を見てもらう');
		}
		for (const q of ['仕事が終わるまで小学生の子を見よってくれるとこ', '三年生の息子を夏の間だけ預かってもらえんろうか', '一年生の娘を見ちょってくれるとこないろうか']) {
			expect(firstTiers(q)[0], q).toBe('after-school');
		}
		// A younger child, a fever or a child's development is another need.
		expectNeedAbsent('学齢の子を見てもらう', ['小学生の兄がおるけど、下の子を見てもらえたら', '小学生の娘が熱を出して、見てもらえる病院', '小学生の息子の発達を見てもらいたい']);
	});

	it('reads being wanted somewhere in the daytime (昼間みてもらう, 日中あずかる) by field: 生活介護, デイサービス, 保育所', () => {
		// 寝たきり is a state of every field: beside 障害 the sentence is the disability field's.
		expect(frame('重い障害があって寝たきりの息子を、日中あずかってくれるところ')).toMatchObject({ field: '障害', needs: ['昼間の預け先'] });
		expect(firstTiers('重い障害があって寝たきりの息子を、日中あずかってくれるところ')[0]).toBe('life-care');
		expect(firstTiers('寝たきりの父を昼間みてもらえるところ')[0]).toBe('day-service');
		expect(firstTiers('二歳の娘を昼間預けられるところ')[0]).toBe('nursery');
		// A place to go in the daytime (昼間通える) is the same need: 生活介護 before a consultation desk.
		expect(firstTiers('障害のある息子が一日中家におるがやけど、昼間通えるとこはないかね')[0]).toBe('life-care');
		// 寝たきり alone is still an elder's (介護).
		expect(frame('寝たきりの夫の世話で、もう倒れそう')?.field).toBe('介護');
	});

	it('reads a carer who cannot leave the person\'s side (付きっきり, 目が離せない, 家を空けられない) as rest for the carer', () => {
		expectNeedLeadsTo('介護する人の休息', 'short-stay', ['寝たきりの妻から目が離せなくて、自分の用事もできない', '認知症の母に付きっきりで、家を空けられない', '祖父が寝たきりになって一日中そばについている']);
		expect(firstTiers('生まれたばかりの赤ちゃんに付きっきりで、自分の用事もできない')[0]).toBe('temporary-care');
	});

	it('reads a carer who can no longer help a disabled family member bathe or eat as home help with 居宅介護 first, not a consultation desk', () => {
		expectNeedLeadsTo('障害のある人の入浴や食事', 'home-help', ['自分が肩を痛めて、障害のある息子をお風呂に入れられなくなった', '知的障害の娘の食事の介助を、夫が入院してできなくなった', '車いすの弟の着替えを手伝う人がおらん']);
		for (const q of ['自分が肩を痛めて、障害のある息子をお風呂に入れられなくなった']) expect(plan(q).levels[0].optional?.[0], q).toBe('居宅介護');
		// An elder's bath stays with the bathing concept (デイサービス, 訪問介護).
		expectNeedAbsent('障害のある人の入浴や食事', ['母が一人で風呂に入れなくなった']);
	});
	it('reads care needed at night at home (夜のおむつ替え, 夜中の寝返り, 夜中のトイレ) as night home help, ranked by 夜間 and 巡回, before a short stay', () => {
		expectNeedLeadsTo('夜の世話', 'home-help', ['寝たきりの夫の夜のおむつ替えがしんどい', '夜中に母の寝返りを何度も手伝うのがつらい', '父が毎晩トイレに起きるのに付き添うのに疲れ果てた']);
		expect(plan('寝たきりの夫の夜のおむつ替えがしんどい').levels[0].optional?.slice(0, 2)).toEqual(['夜間', '巡回']);
		// A fever at night is an illness, not night care.
		expectNeedAbsent('夜の世話', ['夜中に父が熱を出してトイレで吐いた']);
	});
	it('reads unsteady walking (おぼつかない, ふらつく, よろける, 足元が危ない) as 百歳体操 first, even with no one named, but not dizziness or a handrail', () => {
		expectNeedLeadsTo('歩くのが危うい', 'hyakusai-taiso', ['最近歩くのがおぼつかなくなってきた', '祖母が家の中でよろけるようになった', '父の足元があぶなっかしゅうなってきた']);
		expectNeedAbsent('歩くのが危うい', ['めまいがしてふらつく', '足元が危ないので手すりをつけたい']);
	});
	it('reads a body getting weaker (足腰が弱って, 体力が落ちて) as 百歳体操 first, not a weak body that keeps one from a doctor or a bed', () => {
		expectNeedLeadsTo('体が弱ってきた', 'hyakusai-taiso', ['退職してから夫の足腰がすっかり弱ってきた', '母の体力が落ちて、歩くのが遅くなった']);
		expectNeedAbsent('体が弱ってきた', ['父の足が弱って病院に通えない', '母が寝たきりで体が弱ってきた']);
		// Weak legs that cannot carry home what one buys are shopping help's.
		expect(frame('足が弱って、灯油を持って帰れなくなった')?.needs).toEqual(['買った物を運べない']);
		// Strength that goes is weakness; any other verb that stops (眠れなくなった, 分からなくなって) is not.
		for (const q of ['父の足に力がなくなってきた', '母の体力がなくなってきた']) expect(frame(q)?.needs, q).toContain('体が弱ってきた');
		for (const q of ['夫の体が心配で、夜も眠れなくなった', '母の体のことが分からなくなってきた']) expect(frame(q)?.needs ?? [], q).not.toContain('体が弱ってきた');
	});

	it('reads someone at home doing nothing since retiring as サロン first, not as leaving work to care', () => {
		expectNeedLeadsTo('退職後に家にいるだけ', 'salon', ['夫が退職してから毎日家でぼーっとしている', '定年した父が一日中テレビばかり見ている']);
		expectNeedAbsent('退職後に家にいるだけ', ['母の介護で退職してから、ずっと家にいる', '退職して暇なので地域の役に立ちたい']);
	});

	it('reads a small child told by size or birth order (小さい子, 下の子) as 子育て, and too few hands as a need for rest', () => {
		expect(frame('夫が入院して、小さい子が二人いて手が回らない')).toMatchObject({ field: '子育て', needs: ['介護する人の休息'] });
		expect(firstTiers('夫が入院して、小さい子が二人いて手が回らない')[0]).toBe('temporary-care');
		expect(firstTiers('下の子が生まれてから、上の子の相手をする余裕がない')[0]).toBe('temporary-care');
	});

	it('reads a collapse as the carer\'s only when the carer says so (私が倒れ, 共倒れ), not someone else\'s illness (夫が倒れて)', () => {
		expect(frame('夫が脳梗塞で倒れて、右手が動かなくなった')?.needs ?? []).not.toContain('介護する人の休息');
		expect(firstTiers('認知症の母を看ていて、このままでは共倒れになる')[0]).toBe('short-stay');
		expect(firstTiers('寝たきりの父の世話で、自分も倒れてしまった')[0]).toBe('short-stay');
	});

	it('puts what the resident asks for (someone to listen, whom to ask) before the other needs, and reads a parent at the limit as needing rest', () => {
		expect(frame('下の子の夜泣きで眠れず、誰かに話を聞いてほしい')?.needs).toEqual(['相談先', '介護する人の休息']);
		expect(firstTiers('下の子の夜泣きで眠れず、誰かに話を聞いてほしい')[0]).toBe('child-consult');
		// A child waking at night and a parent at the limit is no night-time illness.
		expect(firstTiers('夜中に何度も起きる子で、こっちがおかしくなりそう')[0]).toBe('temporary-care');
		// A baby crying every night is a 育児の悩み however the crying is told.
		expect(firstTiers('生後三か月の娘が毎晩泣いて、私が寝られない')).toContain('child-consult');
	});

	it('reads a stay away from home for nights or days as the field\'s stay: ショートステイ for an elder, 一時預かり for a child', () => {
		expectNeedLeadsTo('泊まりがけの留守', 'short-stay', ['出張で三日家をあけるあいだ、認知症の母を一人にできない', '結婚式で一泊するあいだ母を見てくれる人がいない']);
		expect(firstTiers('出張の間、二歳の娘を預かってくれるところ')[0]).toBe('temporary-care');
		// An hour's errand is no stay: the daytime and the carer's rest read as before.
		expect(frame('寝たきりの父を昼間みてもらえるところ')?.needs).toEqual(['昼間の預け先']);
		expect(frame('二晩続けて熱が出た母を置いて出かけられない')?.needs ?? []).not.toContain('泊まりがけの留守');
	});

	it('reads a grandparent minding a grandchild without the strength as relief with the child (一時預かり), not 百歳体操', () => {
		expect(frame('孫を見ているが足腰が弱ってきてしんどい')).toMatchObject({ field: '子育て', needs: ['孫を見る体力'] });
		expect(firstTiers('孫を見ているが足腰が弱ってきてしんどい')[0]).toBe('temporary-care');
		expect(firstTiers('毎日孫の子守をしているけど、年のせいか腰が痛くてつらい')[0]).toBe('temporary-care');
		// An elder's own weakening body is still 介護予防.
		expect(firstTiers('母の体力が落ちて、歩くのが遅くなった')[0]).toBe('hyakusai-taiso');
	});

	it('reads work for a disabled adult before a daytime place, and a mental illness with nowhere to go as 相談支援 and 就労支援 before 生活介護', () => {
		expect(firstTiers('車いすの妹が家にこもってばかりで、外で働いてみたいと言う')[0]).toBe('employment-support');
		expect(firstTiers('統合失調症の兄が退院してから、ずっと部屋にこもっている')).toEqual(['disability-consult', 'employment-support']);
		// A heavy disability with nowhere to go in the day is still 生活介護 first.
		expect(firstTiers('車いすの妹が昼間ずっと家にいて、出かける先がない')[0]).toBe('life-care');
		// A carer who wants to work while the disabled child is looked after in the day: the daytime place first.
		expect(firstTiers('障害のある娘を昼間あずかってもらえたら、私も働ける')[0]).toBe('life-care');
	});

	it('reads a disabled family member whose carers grow old (年をとって, 親亡き後) as 障害者相談支援 first', () => {
		expectNeedLeadsTo('見てきた家族が年をとる', 'disability-consult', ['車いすの弟を見てきた両親も年をとって、この先どうなるか', 'ダウン症の息子がいるが、親亡き後の暮らしが心配']);
		// An elder growing old is no disability need.
		expect(frame('母が年をとって、ずっと家にいる')?.needs ?? []).not.toContain('見てきた家族が年をとる');
	});

	it('reads crying all the time as a 育児の悩み only of a child or of no one named (a widow or a parent crying is no child)', () => {
		expect(firstTiers('赤ちゃんが泣いてばかり')[0]).toBe('child-consult');
		expect(firstTiers('毎晩泣いてばかりで困っている')[0]).toBe('child-consult');
		for (const text of ['夫が亡くなって泣いてばかり', '認知症の母が毎晩泣いている']) expect(plan(text).levels[0].tiers.map((tier) => ('term' in tier ? tier.term : tier.tag)), text).not.toContain('child-consult');
	});

	it('reads a mental illness told as a state (うつで, うつになって) as the disability field: work is 就労支援 toward a job (一般就労) first, then 相談支援 for 精神', () => {
		for (const q of ['うつで休職して半年、少しずつ働く練習をしたい', '夫がうつになって仕事に行けなくなった']) {
			expect(frame(q)?.field, q).toBe('障害');
			expect(firstTiers(q), q).toEqual(['employment-support', 'disability-consult']);
			expect(plan(q).levels[0].optional?.slice(0, 2), q).toEqual(['精神', '一般就労']);
		}
		// A physical disability and work: no 精神 among the hints.
		expect(firstTiers('車いすの妹が外で働いてみたいと言う')[0]).toBe('employment-support');
		expect(frame('車いすの妹が外で働いてみたいと言う')?.hints ?? []).not.toContain('精神');
		// A cold that is passed on (うつった) is no illness of the mind.
		expect(frame('風邪がうつって、子どもを昼間みてもらえる人がいない')?.field).toBe('子育て');
	});

	it('reads a place to attend (通う先) not yet found as a daytime place, and nobody to mind a small child in the day (見る人がいない) as childcare', () => {
		expect(firstTiers('支援学校を出た息子の通う先が決まらない')[0]).toBe('life-care');
		expect(firstTiers('妻が入院して、2歳の子を昼間みる人がいない')[0]).toBe('nursery');
	});

	it('reads a parent going back to work who needs somewhere for a small child as 保育所 first, not an hour\'s minding', () => {
		expectNeedLeadsTo('働きに出るあいだの預け先', 'nursery', ['育休明けに職場に戻るけど、10か月の娘を預けるところがない', '来月から働き始めるので、3歳の子を見てくれるところを探している']);
		// A disabled child looked after while the parent works is still the daytime place of its field.
		expect(firstTiers('障害のある娘を昼間あずかってもらえたら、私も働き始められる')[0]).toBe('life-care');
	});

	it('reads a disabled adult at home all day however it is told (家で過ごす, どこへも行かず) or just out of school (卒業, 学校を終えた) as a daytime place: 生活介護 first', () => {
		// The same words of staying home are an elder's too: a gathering place.
		const firstKinds = Object.fromEntries(
			['支援学校を終えた妹が、毎日家で過ごしている', '知的障害のある兄が、平日もどこへも行かずにいる', '肢体不自由の娘が養護学校を卒業したら、どうすればいいのか', '父が一日中家で過ごしている'].map((q) => [q, `${frame(q)?.field} ${firstTiers(q)[0]}`])
		);
		expect(Object.values(firstKinds)).toEqual(['障害 life-care', '障害 life-care', '障害 life-care', '介護 salon']);
	});

	it('reads caring for someone while at work (仕事と, 働きながら, 残業) as a care consultation, before rest for the carer', () => {
		expect(firstTiers('妻の介護をしながら働いているが、残業ができなくなった')[0]).toBe('care-center');
		expect(firstTiers('母の世話と仕事の両立で、もう限界')).toEqual(['care-center', 'care-management']);
		// Looking for work in care is no carer's worry.
		expect(frame('介護の仕事を探している')?.needs ?? []).not.toContain('介護で仕事を辞める');
	});

	it('reads an adult with developmental traits (大人になって, 三十代 + 発達の偏り) as the adult disability field: 相談支援 and 就労支援, not 児童発達支援', () => {
		for (const q of ['三十代の兄に発達の偏りがあるようで、家族としてどう接すればいいか', '大人になった娘の発達を見てもらいたい']) {
			expect(frame(q)?.needs, q).toContain('大人の発達の特性');
			expect(firstTiers(q), q).toEqual(['disability-consult', 'employment-support']);
		}
		expect(firstTiers('妹は大人になってから発達障害と言われた、職場で浮いている')).toEqual(['employment-support', 'disability-consult']);
		expect(plan('妹は大人になってから発達障害と言われた、職場で浮いている').levels[0].optional).toContain('一般就労');
		// A small child's development is still assessed as a child's.
		expect(firstTiers('3歳の息子に発達の凸凹があるみたいで、見てもらいたい')[0]).toBe('child-development');
	});

	it('lets a who entry name its signs by a list and rank inside the kinds with its hints, only when its field is the frame\'s', () => {
		const lists = { 心: ['うつで'] };
		const who = [
			{ field: '障害', weight: 3, signs: ['@心'], hints: ['精神'] },
			{ field: '介護', weight: 1, words: ['母'], hints: ['認知症'] }
		];
		const needs = [{ need: '働く場', groups: [['働']], look_for: { 障害: ['term:employment-support'], 介護: ['term:care-center'] } }];
		const situations = compileSituations({ lists, who, needs });
		expect(situations.frameOf('うつで働けない')).toMatchObject({ field: '障害', hints: ['精神'] });
		expect(situations.frameOf('母がうつで働けない')?.hints).toEqual(['精神']);
		expect(() => compileSituations({ lists, who: [{ ...who[0], signs: ['@体'] }], needs })).toThrow(/unknown word list @体/);
	});

	it('reads a family that can no longer carry it alone (支えきれん, 手に負えん, 家族だけじゃ) as the field\'s consultation first, not work or a day place', () => {
		// The starting example: a mental illness and a lost job, but what the family asks for is someone to consult.
		expect(firstTiers('兄貴が心の病気で仕事辞めてしもうて、家族だけじゃもう支えきれんがよ')[0]).toBe('disability-consult');
		// New sentences of the same family: another relation, another condition, another field.
		expect(firstTiers('娘がうつで会社に行けんなって、親だけじゃもうどうにもならん')[0]).toBe('disability-consult');
		expect(firstTiers('車いすの弟が昼間行くとこがないけんど、うちらだけじゃもう手に負えんがよ')[0]).toBe('disability-consult');
		expect(firstTiers('おとんが脳梗塞で倒れてから、おかん一人じゃもう支えきれんがよ')[0]).toBe('care-center');
		expect(['child-consult', '子育ての相談']).toContain(firstTiers('二歳の子がかんしゃくばっかりで、もう手におえん')[0]);
		// A sudden illness at night stays a doctor's.
		expect(frame('夜中に母が熱を出して、一人じゃもう無理')?.needs ?? []).not.toContain('家族では支えきれない');
	});

	it('reads a spouse or grandparent said plainly (家内, 女房, じいじ, ばあば) as 介護, and a carer worn out the 土佐弁 way (しんどうて, えろうて, 参っちゅう) as needing rest', () => {
		expect(frame('家内が寝たきりになって、わしももうしんどうてたまらん')).toMatchObject({ field: '介護', needs: ['介護する人の休息'] });
		expect(firstTiers('家内が寝たきりになって、わしももうしんどうてたまらん')[0]).toBe('short-stay');
		expect(frame('女房がずっと家にこもっちゅう')?.field).toBe('介護');
		expect(frame('じいじの世話でこっちがえろうて眠れん')?.field).toBe('介護');
		expect(frame('ばあばの介護で毎日くたびれて')?.needs).toEqual(['介護する人の休息']);
		expect(frame('連れ合いが認知症で、こっちが参っちゅう')?.needs).toEqual(['介護する人の休息']);
		// A grandparent worn out minding a grandchild, told with 〜よったら, き and くたぶれ.
		expect(firstTiers('孫がようけ泣くき、面倒見よったらくたぶれてしもうた')).toContain('temporary-care');
		expect(frame('おかんが夜中に何回も起きるき、わしがくたぶれてしもうて')?.needs).toContain('介護する人の休息');
	});


	it('reads a disabled schoolchild alone after school as 放課後等デイサービス (child-development, its hint) first, not an ordinary 放課後児童クラブ', () => {
		for (const q of ['息子が発達障害で、学校から帰ってきたら一人で留守番させちゅうけんど、見てくれるとこないろうか', '支援学校に通う娘が夏休みの間、昼間ひとりになるがよ', '自閉症の子が下校してから親が帰るまで家にひとりでおるき心配']) {
			expect(firstTiers(q)[0], q).toBe('child-development');
			expect(plan(q).levels[0].optional ?? [], q).toContain('放課後等デイサービス');
		}
	});

	it('reads a small child\'s age counted in つ (三つになる孫, 四つの娘, ふたつのむすこ) as 子育て, and speech written 喋 or said しゃべらん as a speech worry: 児童発達支援 and 子育て相談 lead, not nurseries', () => {
		for (const q of ['三つになる孫がまだよう喋らんがよ。潮江でみてもらえるとこあるろうか', '四つの娘がまだあんまり喋らんき、どこかで診てもらいたい', 'ふたつのむすこがしゃべれないので、みてもらえるところはありますか', '五つになった孫がうまく喋れない、どこで見てもらえますか']) {
			expect(firstTiers(q), q).toEqual(['child-development', 'child-consult']);
		}
		// A count is no age: three hospitals, three years apart.
		expect(frame('三つの病院に通っている母を、みてもらえる人がいない')?.field).not.toBe('子育て');
		expect(frame('三つ下の弟が喋らない、みてもらえるところ')?.field ?? null).not.toBe('子育て');
		// 喋 reads as しゃべ wherever it stands (喋らない, 喋れない, お喋り).
		expect(plan('孫がまだ喋れない').levels[0].tiers[0]).toEqual({ term: 'child-development' });
	});
	it('reads a child who cannot get on with other children (友達 / 集団 / 輪 + 遊べない / 入れない / 手が出る) as a developmental worry: 児童発達支援 and 子育て相談 lead, not the nursery where it was noticed', () => {
		for (const q of ['保育園の先生から、息子がお友だちとうまく遊べないと言われた', '幼稚園でお友達の輪に入れないと先生から言われました', 'こども園の先生に、うちの子がすぐ手が出てほかの子とうまくいかないと言われました', '四歳の娘が集団になじめんで、いつも一人で遊びゆう']) {
			expect(firstTiers(q), q).toEqual(['child-development', 'child-consult']);
		}
		// An adult at work, or an elder without friends, is not this worry.
		expectNeedAbsent('ほかの子と遊べない', ['職場で同僚とうまくいかない', '友達がおらんで家におる母', '三十代の息子が職場の輪に入れない']);
	});
	it('reads leave from work or going back (休職, 復職, 軽作業, 作業をしてみたい) with a mental illness as work: 就労支援 and 相談支援 lead, while a carer\'s 介護で休職 stays work and care', () => {
		for (const q of ['うつで休職中の夫が、少しずつ外で作業をしてみたいと言う', '心の病で仕事を休んでいる娘が、軽作業から始めたいと言う', '統合失調症の弟が、復職の前に少しずつ慣らしたいと言っている']) {
			expect(frame(q)?.needs, q).toContain('働く場');
			expect(firstTiers(q), q).toEqual(['employment-support', 'disability-consult']);
		}
		for (const q of ['母を介護するため休職した', '認知症の母の介護で休職するしかないか悩んでいる', '父の世話で会社を辞めるか迷いよる']) {
			expect(firstTiers(q), q).toEqual(['care-center', 'care-management']);
		}
		// 休職 alone says nothing of care.
		expect(plan('夫が休職中で家計が苦しい').levels[0].tiers).not.toContainEqual({ term: 'care-management' });
	});
	it('reads a sudden illness by whose it is: an elder\'s fever ranks 内科 and かかりつけ among clinics, a child\'s 小児科 and こどもクリニック', () => {
		for (const q of ['じいちゃんが熱を出しちゅう。土佐山で診てくれるお医者さんはおるろうか', '母が急に吐いてぐったりしている、近くで診てもらえるところ', 'おばあちゃんが朝から熱っぽいき、診てもらえる先生を探しゆう']) {
			expect(frame(q)?.needs, q).toContain('急な具合の悪さ');
			expect(plan(q).levels[0].optional ?? [], q).not.toContain('小児');
			expect(plan(q).levels[0].optional ?? [], q).toContain('かかりつけ');
		}
		for (const q of ['子どもが朝から熱出しちゅう、朝倉で診てもらえるとこ', '二歳の娘が吐いてしまって、診てくれるところを探している']) {
			expect(plan(q).levels[0].optional ?? [], q).toContain('小児');
		}
		// A doctor leads, not a child's field's other kinds (一時預かり of きゅうに… あずか).
		expect(firstTiers('こどもがきゅうにねつをだした、いまからみてくれるびょういん')).toEqual(['clinic', 'hospital']);
	});
	it('ranks the places that take a child so a parent can rest (リフレッシュ) when a parent needs rest, not a nursery\'s night care', () => {
		for (const q of ['双子が生まれてから夜もろくに眠れず、毎日泣きたくなる', '三か月の娘の世話で全然眠れん、少しでも休みたい', '二歳と0歳の子がいて寝不足が続き、もう体がもたない']) {
			expect(frame(q)?.needs, q).toContain('介護する人の休息');
			expect(plan(q).levels[0].optional?.[0], q).toBe('リフレッシュ');
		}
	});
	it('reads someone to fetch a child in the parent\'s place (代わりに / 誰か + 迎えに) as ファミリー・サポート first, even when a fever is why', () => {
		expectNeedLeadsTo('代わりに子どもを迎えに', 'family-support', [
			'保育園から子どもが熱出したき迎えに来てって電話あったけんど、仕事抜けれんがよ。誰か代わりに迎えに行ってくれんろうか',
			'学校から子どもが吐いたと電話があったけど仕事で抜けられない、代わりに迎えに行ってほしい',
			'子どものお迎えに間に合わんき、誰か代わりに行ってくれるとこないろうか'
		]);
		// A doctor is what this sentence is about.
		expectNeedAbsent('代わりに子どもを迎えに', ['子どもが熱を出して、誰か病院に迎えに来てくれないか']);
	});
	it('reads a child who cannot be fed for want of money (給料日前, 仕事を失って + 食べさせられない) as food and money, not help with eating', () => {
		for (const q of ['夫が仕事を失ってから、給料日前になると子どもたちに満足に食べさせられない日が続いています。', '収入が減って、子どもにご飯を用意できない日がある', 'しごとを うしなって きゅうりょうびまえは こどもに たべさせられない']) {
			const tiers = plan(q).levels[0].tiers;
			expect(firstTiers(q).sort(), q).toEqual(['kodomo-shokudo', 'self-reliance']);
			expect(tiers, q).not.toContainEqual({ term: 'home-help' });
			expect(plan(q).levels[0].optional ?? [], q).toContain('フードパントリー');
		}
		// Someone who needs help to eat is still help with eating.
		expect(firstTiers('父が飲み込みが悪くなって、食べさせるのが大変')[0]).toBe('home-help');
	});
});

describe('a family carer speaking: whose trouble it is', () => {
	it('reads a fear of a fall at night and a look-in at night as night care, not the carer\'s worry for a clinic', () => {
		for (const q of ['夜中におかあがトイレで転ばんか心配で、私もよう眠れんがよ。夜の間に見回りに来てくれるとこないろうか', 'ばあちゃんが夜中に転ばんか不安で、家族みんな寝不足ながよ', '夜の間だけでも母の様子を見に来てくれる人はおらんろうか']) {
			expect(firstTiers(q)[0], q).toBe('home-help');
			expect(plan(q).levels[0].optional, q).toContain('夜間');
		}
		// Worry with no care named is still no night care.
		expect(frame('母のことが心配で夜も眠れない')).toBeNull();
	});

	it('reads an elder watched over to the very end as a home that takes them to the end, not childcare', () => {
		for (const q of ['ねたきりの ちちを さいごまで みてもらえる ところ', '寝たきりの父を最期まで看てもらえる所を探しています']) {
			expect(frame(q)?.needs, q).toContain('最期まで看る');
			expect(firstTiers(q), q).toEqual(['nursing-home', 'home-nursing']);
		}
		// At home it is the nurse at home (the concept 看取り), not a home.
		expect(firstTiers('寝たきりの母を家で看取りたい')[0]).toBe('home-nursing');
		// A child to the end of the day is no such need.
		expect(frame('子どもを最後まで見てもらえる所')?.needs ?? []).not.toContain('最期まで看る');
	});

	it('reads an elder to be looked after (みてもらえる, 見てくれる) as care, not childcare, unless a doctor examines', () => {
		for (const q of ['ははを みてもらえる ところ', '寝たきりの父をみてもらえるところ', '用事の間、ばあちゃんを見てくれる人がおらん']) {
			expect(frame(q)?.needs, q).toContain('年寄りを見てもらう先');
			expect(firstTiers(q), q).toEqual(['care-management', 'care-center']);
		}
		expect(frame('父の足を見てもらえる病院')).toBeNull();
		expect(firstTiers('用事の間、下の子を見てもらえたら')[0]).not.toBe('care-management');
	});

	it('reads care at home just begun, with no idea whom to ask, as a care manager first', () => {
		for (const q of ['上街に住んでいます。夫が脳梗塞で倒れて家での介護が始まりましたが、何をどこに頼めばいいのか分かりません。', '妻が退院して家で介護することになりました。何から頼めばいいか分かりません', '母の介護が始まったばかりで、何をどこに頼めばええがかわからん']) {
			expect(firstTiers(q)[0], q).toBe('care-management');
		}
	});
});
