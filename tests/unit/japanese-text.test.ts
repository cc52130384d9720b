import { describe, expect, it } from 'vitest';
import { canonicalText, compileDictionaries, dictionaries, foldCanonical, keyReadings, negativeCounterpart, progressiveNegatives } from '../../src/lib/domain/text/dictionaries';
import { Lexicon, withinOneEdit } from '../../src/lib/domain/text/lexicon';
import { foldForSearch, scriptRuns, soundKey } from '../../src/lib/domain/text/normalize';
import { countPlanningWork, isKanaSlip, mayBeSlip, planQuery, type PlannerArea } from '../../src/lib/domain/text/query-plan';
import { inTurns } from '../../src/lib/server/search/planner';
import { nameSortKey, synonymKeywords } from '../../src/lib/domain/text/index-text';
import variants from '../../data/dictionaries/variants.json';
import synonyms from '../../data/dictionaries/synonyms.json';
import abbreviations from '../../data/dictionaries/abbreviations.json';
import worries from '../../data/dictionaries/worries.json';
import queryWords from '../../data/dictionaries/query-words.json';
import { TAXONOMY_TERMS, WORRY_TAGS } from '../../src/lib/domain/taxonomy';

/** A word, its reading and how many listings use it (1 when not said). */
type LexiconWord = [surface: string, reading: string, uses?: number];

/** A lexicon as the indexer would build it from these words and readings. */
function lexiconOf(words: LexiconWord[]): Lexicon {
	const result = new Lexicon();
	for (const [surface, reading, uses = 1] of words) for (let use = 0; use < uses; use++) result.add(surface, reading);
	return result;
}

/** Plans with a lexicon of these words, and the words (required and ranking) of a text's plan. */
function plannerOf(entries: LexiconWord[]) {
	const withWords = lexiconOf(entries);
	const planWith = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: withWords, areas: AREAS });
	const words = (q: string) => planWith(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);
	return { planWith, words };
}

/** A lexicon as the indexer would build it from a few listings' words. */
function lexicon(): Lexicon {
	return lexiconOf([
		['薬局', 'やっきょく'],
		['ほおっちょけん', 'ほおっちょけん'],
		['旭町', 'あさひまち'],
		['百歳体操', 'ひゃくさいたいそう'],
		['公民館', 'こうみんかん'],
		['訪問看護', 'ほうもんかんご'],
		['ゴミ出し支援', 'ごみだししえん'],
		['ゴミ出し', 'ごみだし'],
		['発達支援', 'はったつしえん'],
		['子ども', 'こども'],
		['こころ', 'こころ'],
		['介護', 'かいご'],
		['子育ての相談', 'こそだてのそうだん'],
		['相手', 'あいて'],
		['病院', 'びょういん']
	]);
}

const AREAS: PlannerArea[] = [
	{ id: 'area-asahi', kind: '地区', name: '旭' },
	{ id: 'es-asahi', kind: '小学校区', name: '旭小学校区' },
	{ id: 'area-haruno', kind: '地区', name: '春野' }
];
const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: lexicon(), areas: AREAS });

describe('normalisation', () => {
	it('folds width, script and middle dots', () => {
		expect(foldForSearch('ﾌｧﾐﾘｰ・ｻﾎﾟｰﾄ')).toBe(foldForSearch('ファミリーサポート'));
		expect(foldForSearch('ＤＥＩサービス')).toBe('deiさーびす');
	});

	it('gives spellings by ear one sound key', () => {
		expect(soundKey('ほおっちょけん')).toBe(soundKey('ほっちょけん'));
		expect(soundKey(foldForSearch('ホーッチョケン'))).toBe(soundKey('ほおっちょけん'));
		expect(soundKey('でいさーびす')).toBe(soundKey('でいさびす'));
		expect(soundKey('こうみんかん')).toBe(soundKey('こおみんかん'));
		expect(soundKey('やっきょく')).not.toBe(soundKey('やきとり'));
	});

	it('cuts mixed text into script runs', () => {
		expect(scriptRuns('旭町ほおっちょけん薬局')).toEqual(['旭町', 'ほおっちょけん', '薬局']);
		expect(scriptRuns('デイサービス ひだまり')).toEqual(['デイサービス', 'ひだまり']);
	});
});

describe('dictionaries', () => {
	it('are valid data, and name only tags and terms that exist', () => {
		const compiled = compileDictionaries({ variants, synonyms, abbreviations, worries, queryWords });
		const codes = new Set(TAXONOMY_TERMS.map((term) => term.code));
		const tags = new Set<string>(WORRY_TAGS);
		for (const worry of new Set(compiled.worryByFolded.values())) {
			for (const tier of worry.lookFor) {
				if ('term' in tier) expect(codes.has(tier.term), tier.term).toBe(true);
				else expect(tags.has(tier.tag), tier.tag).toBe(true);
			}
		}
	});

	it('rejects a malformed file with its name', () => {
		expect(() => compileDictionaries({ variants, synonyms, abbreviations, worries: { worries: [{ keys: [] }] } as never, queryWords })).toThrow(
			/worries\.json/
		);
	});

	it('rewrites 表記ゆれ to one spelling without touching canonical text', () => {
		expect(canonicalText('子供食堂')).toBe('子ども食堂');
		expect(canonicalText('こども食堂')).toBe('子ども食堂');
		expect(canonicalText('子ども食堂')).toBe('子ども食堂');
		expect(canonicalText('ごみ出し')).toBe('ゴミ出し');
		expect(canonicalText('障がい者')).toBe('障害者');
		expect(canonicalText('１００歳体操')).toBe('百歳体操');
		expect(foldCanonical('ｺﾄﾞﾓ食堂')).toBe(foldCanonical('子供食堂'));
	});

	it('adds the canonical word of synonym groups a listing mentions', () => {
		expect(synonymKeywords('旭地区社協サロン')).toEqual(expect.arrayContaining(['社会福祉協議会', '通いの場']));
		expect(synonymKeywords('高知市北部高齢者支援センター')).toContain('地域包括支援センター');
		expect(synonymKeywords('旭町ほおっちょけん薬局')).toContain('なんでも相談窓口');
	});
});

describe('lexicon', () => {
	it('finds a listing word by spelling, reading, sound and typo', () => {
		const words = lexicon();
		expect(words.lookup('薬局')).toMatchObject({ kind: 'surface', entry: { surface: '薬局' } });
		expect(words.lookup('やっきょく')).toMatchObject({ kind: 'reading', entry: { surface: '薬局' } });
		expect(words.lookup('ほっちょけん')).toMatchObject({ kind: 'sound', entry: { surface: 'ほおっちょけん' } });
		expect(words.lookup('公民間')).toMatchObject({ kind: 'typo', entry: { surface: '公民館' } });
		expect(words.lookup('訪門看護')).toMatchObject({ kind: 'typo', entry: { surface: '訪問看護' } });
		expect(words.lookup('薬曲')).toBeNull(); // two characters: too short to guess a typo
	});

	it('measures one edit', () => {
		expect(withinOneEdit('公民館', '公民間')).toBe(true);
		expect(withinOneEdit('ほおっちょけん', 'ほっちょけん')).toBe(true);
		expect(withinOneEdit('薬局', '病院')).toBe(false);
	});
});

describe('query planning', () => {
	it('rewrites readings, kana and typos to the listings’ spelling', () => {
		expect(plan('やっきょく').levels[0].words).toEqual(['薬局']);
		expect(plan('ホオッチョケン').levels[0].words).toEqual(['なんでも相談窓口']);
		expect(plan('ひゃくさいたいそう').levels[0].words).toEqual(['百歳体操']);
		expect(plan('訪門看護').levels[0].words).toEqual(['訪問看護']);
	});

	it('reads あいてる / やってる (open) as part of the sentence, not as the listing word 相手', () => {
		expect(plan('よるもあいてるやっきょく').levels[0].words).toEqual(['薬局']);
		expect(plan('あいてる病院').levels[0].words).toEqual(['病院']);
		expect(plan('開いている薬局').levels[0].words).toEqual(['薬局']);
		expect(plan('やってる病院').levels[0].words).toEqual(['病院']);
		expect(plan('あいてがほしい').levels[0].words).toEqual(['相手']);
	});

	it('expands abbreviations and synonyms to the word listings carry', () => {
		expect(plan('包括').levels[0].words).toEqual(['地域包括支援センター']);
		expect(plan('デイ').levels[0].words).toEqual(['デイサービス']);
		expect(plan('ｻﾛﾝ').levels[0].words).toEqual(['通いの場']);
		expect(plan('社協').levels[0].words).toEqual(['社会福祉協議会']);
	});

	it('turns an area word into an area filter, and falls back to text', () => {
		const { levels } = plan('旭の薬局');
		expect(levels[0]).toEqual({ words: ['薬局'], tiers: [], areaId: 'area-asahi' });
		expect(levels.at(-1)).toEqual({ words: ['薬局'], tiers: [], areaId: undefined });
		expect(plan('旭小学校区 薬局').levels[0].areaId).toBe('es-asahi');
		expect(planQuery('旭の薬局', { dictionaries: dictionaries(), lexicon: lexicon(), areas: AREAS, explicitArea: true }).levels[0].areaId).toBeUndefined();
	});

	it('answers a worry with its tags and terms in order, dropping the rest of the sentence', () => {
		const { levels } = plan('電球が切れて困っている');
		// Nothing of the sentence is required; the worry's words (and its concept's hints) only rank.
		expect(levels[0]).toEqual({
			words: [],
			optional: ['電球交換', '電球'],
			tiers: [{ tag: '電球交換' }, { term: 'visit-support-b' }, { term: 'minsei-iin' }],
			areaId: undefined
		});
		expect(plan('ゴミを出せない').levels[0].tiers[0]).toEqual({ tag: 'ゴミ出し支援' });
		const gathering = plan('近くの集いの場');
		expect(gathering.near).toBe(true);
		expect(gathering.levels[0]).toMatchObject({ words: [] });
		expect(gathering.levels[0].tiers[0]).toEqual({ term: 'salon' });
		expect(gathering.levels[0].tiers).toEqual(expect.arrayContaining([{ term: 'community-center' }, { tag: '居場所' }]));
		expect(plan('困っている').levels[0].tiers[0]).toEqual({ tag: 'なんでも相談' });
	});

	it('reads 土佐弁 grammar as standard Japanese before looking for worries', () => {
		const tosa = dictionaries().standardizeDialect;
		expect(tosa('車がないき病院に行けんがよ')).toBe('車がないき病院に行けないがよ');
		expect(tosa('うちの子がしゃべらんがやけど')).toBe('うちの子がしゃべらないがやけど');
		expect(tosa('お金が足りんで困っちゅう')).toBe('お金が足りないで困っている');
		expect(tosa('介護しゆうけんど')).toBe('介護しているけんど');
		// Words that merely end in ん are left alone.
		for (const text of ['ほおっちょけんが近い', 'こうえんがある', 'おばあさんが', 'ちゅうがっこう', 'たくさんある']) expect(tosa(text)).toBe(text);
		expect(plan('うちの子がまだしゃべらんがやけど大丈夫やろうか').levels[0].tiers[0]).toEqual({ term: 'child-development' });
	});

	it('folds a worry key’s conjugation to its stem (聞き取れ → 聞き取りにくい)', () => {
		expect(plan('電話で母の声が聞き取りにくいと言われる').levels[0].tiers[0]).toEqual({ term: 'clinic' });
	});

	it('reads an IME slip aloud and finds the word it was meant to be', () => {
		// 放問看護 sounds like 訪問看護 (ほうもんかんご) but is two kanji off: no typo rule finds it.
		expect(plan('放問看護').levels[0].words).toEqual(['訪問看護']);
		expect(plan('公民感に行きたい').levels[0].words).toEqual(['公民館']);
		expect(plan('生活費が足り内').levels[0].optional).not.toContain('内');
		expect(plan('生活費が足り内').levels[0].tiers).toEqual(plan('生活費が足りない').levels[0].tiers);
		expect(plan('一人暮らしの見守りを頼み体').levels[0].optional).not.toContain('体');
	});

	it('does not read everyday words aloud as slips (心配 is not こころ)', () => {
		expect(mayBeSlip('通員')).toBe(true);
		expect(mayBeSlip('足り内')).toBe(true);
		for (const word of ['心配', '冷蔵庫', '半年']) expect(mayBeSlip(word), word).toBe(false);
		// A listing named こころ must not answer a parent worried about the future.
		const words = plan('将来が心配').levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);
		expect(words).toContain('心配');
		expect(words).not.toContain('こころ');
	});

	it('reads a mistyped compound with the readings kanji have in compounds (介語 → 介護)', () => {
		expect(dictionaries().kanjiReadings.get('護')?.[0]).toBe('ご');
		expect(plan('介語の相談').levels[0].tiers).toEqual(plan('介護の相談').levels[0].tiers);
		expect(plan('介語の相談').levels[0].tiers.length).toBeGreaterThan(0);
		// Half kana, half kanji: the worry is understood, and ranks by the listings' spelling.
		expect(plan('かい護の相談').levels[0].tiers).toEqual(plan('介護の相談').levels[0].tiers);
		expect(plan('かい護の相談').levels[0].optional).toContain('介護');
	});

	it('never reads a kanji aloud into the particle after it (間だけ is no 神田 + け, 三時間だけ no 神田)', () => {
		const { words } = plannerOf([
			['神田', 'かんだ'],
			['歯科', 'しか']
		]);
		for (const q of ['歯医者行く間だけ、下の子を見てもらえたら', '孫を二、三時間だけ預かってくれるとこ']) {
			expect(words(q), q).not.toContain('神田');
		}
	});

	it('reads only the kanji that stand alone, so a slip inside a longer compound is found (介語保険)', () => {
		const { planWith } = plannerOf([
			['介護', 'かいご'],
			['保険', 'ほけん'],
			['訪問介護', 'ほうもんかいご'],
			['就労', 'しゅうろう'],
			['支援', 'しえん'],
			['ショートステイ', 'しょーとすてい']
		]);
		// 保険 is a word: its readings do not crowd out 介 / 語 read aloud.
		expect(planWith('介語保険の申請を手伝って欲しい').levels[0].tiers).toEqual(planWith('介護保険の申請を手伝って欲しい').levels[0].tiers);
		// Read aloud as a worry key (かいご), then spelled as the listings spell it, it joins its neighbour.
		expect(planWith('父に訪問解護に来てもらいたい').levels[0].words).toEqual(planWith('父に訪問介護に来てもらいたい').levels[0].words);
		expect(planWith('障害者の就老支援を受けたい').levels[0].tiers).toEqual(planWith('障害者の就労支援を受けたい').levels[0].tiers);
	});

	it('reads a real word typed for its homophone inside a compound as the compound (放課後自動クラブ → 放課後児童クラブ)', () => {
		const { planWith, words } = plannerOf([
			['放課後児童クラブ', 'ほうかごじどうくらぶ'],
			['児童', 'じどう'],
			['クラブ', 'くらぶ'],
			['訪問看護', 'ほうもんかんご'],
			['訪問', 'ほうもん'],
			['看護', 'かんご'],
			['就労移行支援', 'しゅうろういこうしえん'],
			['就労', 'しゅうろう'],
			['移行', 'いこう'],
			['支援', 'しえん'],
			['子ども食堂', 'こどもしょくどう'],
			['子ども', 'こども'],
			['食堂', 'しょくどう']
		]);
		// 自動, 監護, 以降 and 食道 are words (not a lone kanji, as 通員's 員 is): only joining the word
		// beside them shows they were slips.
		for (const [typed, meant] of [
			['放課後自動クラブに入れたい', '放課後児童クラブに入れたい'],
			['父に訪問監護を頼みたい', '父に訪問看護を頼みたい'],
			['障害者の就労以降支援を受けたい', '障害者の就労移行支援を受けたい'],
			['子供食道でご飯を食べさせたい', '子供食堂でご飯を食べさせたい']
		]) {
			expect(mayBeSlip(typed.match(/自動|監護|以降|食道/)![0])).toBe(false);
			expect(planWith(typed), typed).toEqual(planWith(meant));
		}
		// A word that joins nothing stays as typed, even where a listing word sounds the same.
		expect(words('自動ドアが壊れた')).toContain('自動');
		expect(words('食道の病気が心配')).toContain('食道');
		expect(words('以降の予定')).not.toContain('移行');
	});

	it('reads two known words that sound like one known compound as that compound (民生医院 → 民生委員), and leaves others', () => {
		const { planWith, words } = plannerOf([
			['民生委員', 'みんせいいいん'],
			['民生', 'みんせい'],
			['委員', 'いいん'],
			['医院', 'いいん'],
			['内科', 'ないか']
		]);
		expect(planWith('民生医院さんに来てほしい')).toEqual(planWith('民生委員さんに来てほしい'));
		expect(words('民生医院さんに来てほしい')).toContain('民生委員');
		// 内科委員 is no word: 医院 stays.
		expect(words('内科医院を探す')).toContain('内科');
		expect(words('内科医院を探す')).not.toContain('委員');
	});

	it('keeps a correctly typed word beside a word with uses of its own (児童医院 is a clinic, not 児童委員 → 民生委員)', () => {
		const { words } = plannerOf([
			['民生委員', 'みんせいいいん', 3],
			['民生', 'みんせい', 3],
			['児童委員', 'じどういいん', 3],
			['児童', 'じどう', 20],
			['児童館', 'じどうかん', 2],
			['委員', 'いいん', 3],
			['医院', 'いいん', 10],
			['協議会', 'きょうぎかい', 8],
			['委員協議会', 'いいんきょうぎかい', 3]
		]);
		for (const typed of ['児童医院', '児童医院を探している', '医院協議会']) {
			expect(words(typed)).not.toContain('民生委員');
			expect(words(typed).some((word) => word.includes('委員'))).toBe(false);
		}
		// 民生 means nothing in the listings but 民生委員: there the pair is still read as the slip.
		expect(words('民生医院さんに来てほしい')).toContain('民生委員');
	});

	it('reads a word nothing knows beside a known one as its homophone in a 困りごと phrase (介護保健の申請 → 介護保険の申請), and leaves it alone elsewhere', () => {
		// No listing word is 保険 or 保健: only the phrase 介護保険の申請 of the 困りごと table has it.
		const { planWith, words } = plannerOf([['介護', 'かいご']]);
		expect(planWith('介護保健の申請のことを相談したい')).toEqual(planWith('介護保険の申請のことを相談したい'));
		// Joining nothing, 保健 stays as typed.
		expect(words('保健の先生に相談')).toContain('保健');
		expect(words('保健の先生に相談')).not.toContain('保険');
	});

	it('does not require a lone kanji typed with other words: a verb stem (行 of 連れて行って) or someone (母, 人)', () => {
		const { planWith, words } = plannerOf([['病院', 'びょういん'], ['デイサービス', 'でいさーびす'], ['薬局', 'やっきょく']]);
		expect(planWith('病院に連れて行ってほしい').levels[0].words).toEqual(['病院']);
		expect(planWith('デイサービスに行けない母').levels[0].words).toEqual(['デイサービス']);
		// With no other content word left (only endings, particles or other lone kanji), the lone
		// kanji are what is asked for: before, the whole text was searched and found nothing.
		expect(planWith('人によっては').levels[0].words).toEqual(['人']);
		expect(planWith('お寺').levels[0].words).toEqual(['寺']);
		expect(planWith('梅の木').levels[0].words).toEqual(['梅', '木']);
		expect(planWith('行けない母').levels[0].words).toEqual(['行', '母']);
		expect(planWith('話を聞いてほしい').levels[0].words).toEqual(expect.arrayContaining(['話', '聞']));
		expect(planWith('送ってくれる人').levels[0].words).toEqual(expect.arrayContaining(['送', '人']));
		expect(planWith('家で見てほしい').levels[0].words).toEqual(['家', '見']);
		expect(planWith('母が思い出せなくてかってに出ていく').levels[0].words).toEqual(expect.arrayContaining(['母', '思', '出']));
		// Typed alone it is what is asked for; before a listing word it is part of a name (虹薬局).
		expect(planWith('人').levels[0].words).toEqual(['人']);
		expect(planWith('虹の薬局').levels[0].words).toEqual(['虹', '薬局']);
	});

	it('reads a verb typed with the wrong kanji of its sound as the 困りごと phrase it makes (家に着てくれる → 家に来てくれる)', () => {
		const { planWith, words } = plannerOf([['歯医者', 'はいしゃ']]);
		expect(planWith('通えないので家に着てくれる歯医者を探している')).toEqual(planWith('通えないので家に来てくれる歯医者を探している'));
		// Before: 家 between particles was read aloud as い + え and made で + い into デイサービス.
		expect(words('通えないので家に着てくれる歯医者')).not.toContain('デイサービス');
		// A verb that makes no known phrase stays as typed.
		expect(words('服を着てくれる人')).not.toContain('家に来て');
	});

	it('keeps a narrower kind typed as such (就労移行支援 is not searched as 就労支援), and other members as the group’s word', () => {
		const { planWith } = plannerOf([
			['就労移行支援', 'しゅうろういこうしえん'],
			['就労支援', 'しゅうろうしえん'],
			['作業所', 'さぎょうしょ']
		]);
		expect(planWith('就労移行支援').levels[0].words).toEqual(['就労移行支援']);
		// No listing says 就労継続支援: the group's word finds the kind.
		expect(planWith('就労継続支援').levels[0].words).toEqual(['就労支援']);
		expect(dictionaries().synonymByFolded.get('就労移行支援')?.foldedNarrower).toContain('就労移行支援');
	});

	it('keeps a kanji glued to a listing word as one word (児童館 is not 児童), its head word where nothing has it', () => {
		const { planWith } = plannerOf([
			['児童', 'じどう'],
			['放課後児童クラブ', 'ほうかごじどうくらぶ']
		]);
		// Before: 館 was read aloud as the particle か and a stray ん, and the plan was 児童 alone.
		for (const typed of ['児童館', '児童館に行きたい']) {
			expect(planWith(typed).levels.map((level) => level.words)).toEqual([['児童館'], ['児童']]);
		}
		// A slip read as mere endings still reads (頼み体 → 頼みたい).
		expect(plan('一人暮らしの見守りを頼み体').levels[0].optional).not.toContain('体');
	});

	it('reads a kanji that makes a person of a listing word (保育士, 保育園児) as the word, not as one glued word', () => {
		const { planWith } = plannerOf([
			['保育', 'ほいく'],
			['保育所', 'ほいくしょ']
		]);
		// Before: 保育士 was searched as typed (the 子育て相談室 whose text names 保育士), 保育園児 as 保育所児.
		expect(planWith('保育園児').levels.map((level) => level.words)).toEqual([['保育所']]);
		expect(planWith('保育士').levels.flatMap((level) => level.words)).not.toContain('保育士');
		expect(planWith('保育士を探している').levels.flatMap((level) => level.words)).not.toContain('保育士');
	});

	it('never reads a person of a listing word as a typo of a word with a letter (支援員 is not 支援b)', () => {
		const { planWith } = plannerOf([
			['支援', 'しえん'],
			['支援b', 'しえんb'],
			['参加', 'さんか']
		]);
		expect(planWith('支援員').levels[0].words).toEqual(['支援']);
		expect(planWith('参加者').levels[0].words).toEqual(['参加']);
	});

	it('reads a katakana word typed with a slip in katakana, so its words rank as when typed right (グループホム, ボランテイア)', () => {
		const { planWith, words } = plannerOf([
			['グループホーム', 'ぐるーぷほーむ'],
			['ボランティア', 'ぼらんてぃあ']
		]);
		expect(planWith('父をグループホムに入れたい')).toEqual(planWith('父をグループホームに入れたい'));
		expect(planWith('ボランテイアがしたい')).toEqual(planWith('ボランティアがしたい'));
		expect(words('父をグループホムに入れたい')).toContain('グループホーム');
		expect(words('父をグループホムに入れたい').some((word) => /ぐるーぷ/.test(word))).toBe(false);
	});

	it('does not take a kana inside a katakana word for a particle (ショートステー is not ショー + と + ステー)', () => {
		const { words } = plannerOf([['ショートステイ', 'しょーとすてい']]);
		expect(words('母をショートステーに預けたい')).toContain('ショートステイ');
		expect(words('母をショートステーに預けたい')).not.toContain('ショー');
	});

	it('ranks a worry’s kinds by the worry, not by chatter around it (大変)', () => {
		const { levels } = plan('車がないので病院に通うのが大変です');
		expect(levels[0].tiers[0]).toEqual({ tag: '通院の付き添い' });
		expect(levels[0].optional).not.toContain('大変');
		// Where nothing is tagged for the worry, every word counts again.
		expect(levels[1].optional).toContain('大変');
	});

	it('understands a worry typed all in kana, read as its words are read (せいかつがくるしい)', () => {
		const readings = dictionaries().kanjiReadings;
		expect(keyReadings('生活が苦しい', readings, new Map([['苦', ['くる']]]))).toContain('せいかつがくるしい');
		// Short spellings would be found inside unrelated kana: none are made.
		expect(keyReadings('家賃', readings, new Map())).toEqual([]);
		const kana = plan('せいかつがくるしい').levels[0];
		expect(kana.tiers.length).toBeGreaterThan(0);
		expect(kana.tiers).toEqual(plan('生活が苦しい').levels[0].tiers);
	});

	it('reads kana typed with a slip as the word meant (でんきう, ほうもんかんこ, ひやく)', () => {
		// A kana dropped inside the word, a voiced or small kana typed plain: slips.
		expect(isKanaSlip('でんきう', 'でんきゅう')).toBe(true);
		expect(isKanaSlip('ほうもんかんこ', 'ほうもんかんご')).toBe(true);
		expect(isKanaSlip('はいしや', 'はいしゃ')).toBe(true);
		// Another kana, or one more or less at an end, makes another word.
		expect(isKanaSlip('はいたつ', 'はったつ')).toBe(false);
		expect(isKanaSlip('てくれる', 'みてくれる')).toBe(false);
		expect(isKanaSlip('かいじょ', 'かいじょう')).toBe(false);
		const bulb = plan('でんきうがきれた').levels[0];
		expect(bulb.tiers.length).toBeGreaterThan(0);
		expect(bulb.tiers).toEqual(plan('でんきゅうがきれた').levels[0].tiers);
		// The cut had taken the で of でんきう as a particle; the slip is read with it.
		expect(plan('でんきうがきれたけど たかいところで てがとどかん').levels[0].tiers).toContainEqual({ tag: '電球交換' });
		expect(plan('ほうもんかんこをたのみたい').levels[0].words).toEqual(['訪問看護']);
		expect(plan('ひやくさいたいそうにいきたい').levels[0].words).toEqual(['百歳体操']);
	});

	it('joins a word read from a slip or kana with the words around it (訪問看語 → 訪問看護)', () => {
		const { planWith } = plannerOf([
			['訪問', 'ほうもん'],
			['看護', 'かんご'],
			['訪問看護', 'ほうもんかんご'],
			['地域', 'ちいき'],
			['包括', 'ほうかつ'],
			['支援センター', 'しえんせんたー'],
			['地域包括支援センター', 'ちいきほうかつしえんせんたー']
		]);
		const planned = (q: string) => planWith(q).levels[0].words;
		expect(planned('訪問看語をお願いしたい')).toEqual(['訪問看護']);
		expect(planned('訪問かんごを頼みたい')).toEqual(['訪問看護']);
		expect(planned('地域包活支援センターに行きたい')).toEqual(['地域包括支援センター']);
		// Words that are two words stay two.
		expect(planned('地域の看護')).toEqual(['地域', '看護']);
	});

	it('does not read a kana word as a slip for another (はいたつ is not はったつ, あしがいたい is not あしがない)', () => {
		const tiersOf = (q: string) => plan(q).levels.flatMap((level) => level.tiers);
		expect(tiersOf('しよくじのはいたつ')).not.toContainEqual({ term: 'child-development' });
		expect(tiersOf('あしがいたくて ごみをだせない')).not.toContainEqual({ tag: '通院の付き添い' });
		expect(tiersOf('あしがいたくて ごみをだせない')[0]).toEqual({ tag: 'ゴミ出し支援' });
	});

	it('takes a listing word found by its reading as the worry it names (こそだてのそうだん)', () => {
		const { levels } = plan('こそだてのそうだんをしたい');
		expect(levels[0].tiers).toEqual(plan('子育ての相談').levels[0].tiers);
		expect(levels[0].tiers[0]).toEqual({ tag: '子育ての相談' });
		// A listing named 子育て相談室 ranks by the phrase's content words, not only the shared tag.
		expect(levels[0].optional).toEqual(expect.arrayContaining(['子育ての相談', '子育て', '相談']));
	});

	it('reads "cannot" as "does not" for a worry (学校に行けない is 学校に行かない)', () => {
		expect(negativeCounterpart('学校に行かな')).toBe('学校に行けな');
		expect(negativeCounterpart('外に出られな')).toBeNull();
		const cannot = plan('息子が学校に行けなくなって半年たつ').levels[0];
		expect(cannot.tiers.length).toBeGreaterThan(0);
		expect(cannot.tiers).toEqual(plan('息子が学校に行かなくなって半年たつ').levels[0].tiers);
	});

	it('reads "has not been able to" as "cannot" for a worry (学校に行けていない, 行けてない)', () => {
		expect(progressiveNegatives('学校に行けな')).toEqual(['学校に行けていな', '学校に行けてな']);
		// A godan plain negative changes its stem (行かな → 行っていな): it is reached through 行けな.
		expect(progressiveNegatives('学校に行かな')).toBeNull();
		const kinds = (q: string) => plan(q).levels[0].tiers;
		const cannot = kinds('中学生の息子が朝になるとお腹が痛いと言って、もう一か月学校に行けなくなった');
		expect(cannot[0]).toEqual({ term: 'child-consult' });
		expect(kinds('中学生の息子が朝になるとお腹が痛いと言って、もう一か月学校に行けていない')).toEqual(cannot);
		expect(kinds('娘がもう三日も学校に行けてない')[0]).toEqual({ term: 'child-consult' });
		// A sentence without the negative is read as before.
		expect(kinds('学校に行けて安心した')).toEqual(kinds('学校に行けて安心'));
	});

	it('lets each worry of a sentence show its kind in turn', () => {
		const two = plan('子どもを預けられんき買い物に行けん').levels[0];
		expect(two.tiers).toEqual(expect.arrayContaining([{ tag: '一時預かり' }, { tag: '買い物代行' }]));
		// Both first kinds are in round 0.
		const round = (tag: string) => two.tierRounds?.[two.tiers.findIndex((tier) => 'tag' in tier && tier.tag === tag)];
		expect(round('一時預かり')).toBe(0);
		expect(round('買い物代行')).toBe(0);
		expect(plan('電球が切れて困っている').levels[0].tierRounds).toBeUndefined();
		expect(inTurns([['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']], [0, 0, 1])).toEqual(['a1', 'b1', 'a2', 'a3', 'c1', 'c2']);
	});

	it('ignores two-kana scraps inside a sentence (ばっかり is not 一時預かり)', () => {
		const words = plan('親父が同じ話ばっかりするようになったがよ').levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);
		expect(words).not.toContain('かり');
	});

	it('relaxes to a weighted OR of every word when no listing has them all', () => {
		const { levels } = plan('子供の発達支援');
		expect(levels).toEqual([
			{ words: ['子ども', '発達支援'], tiers: [], areaId: undefined },
			{ words: [], optional: ['子ども', '発達支援'], tiers: [], areaId: undefined }
		]);
	});
});

describe('name order', () => {
	it('orders by reading as a dictionary does (voicing and small kana second)', () => {
		const keys = ['がっこう', 'かみ', 'きっさ', 'きさき'].map((kana) => ({ kana, reading: '', name: kana }));
		const sorted = [...keys].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1)).map((k) => k.kana);
		expect(sorted).toEqual(['がっこう', 'かみ', 'きさき', 'きっさ']);
	});
});

describe('kana-typo reading work', () => {
	it('grows at most linearly with the length of a long kana query (one request cannot block the server)', () => {
		const context = { dictionaries: dictionaries(), lexicon: lexicon(), areas: AREAS };
		planQuery('でんきう', context);
		for (const q of ['でんきう'.repeat(50), 'でんきうが'.repeat(40), 'ひやくさいたいそう'.repeat(22)]) {
			const planningWork = countPlanningWork(() => planQuery(q, context));
			const length = Array.from(q).length;
			// Before: 'でんきう'.repeat(50) cut the whole chunk 1276 times (~250,000 characters), 8624 candidates.
			expect(planningWork.segmentations, `${q.slice(0, 9)}… segmentations`).toBeLessThanOrEqual(2 * length);
			expect(planningWork.segmentedChars, `${q.slice(0, 9)}… characters cut`).toBeLessThanOrEqual(20 * length);
			expect(planningWork.kanaTypoCandidates, `${q.slice(0, 9)}… candidates`).toBeLessThanOrEqual(10 * length);
		}
		// Still read as meant.
		expect(planQuery('でんきう'.repeat(50), context).levels[0].tiers).toContainEqual({ tag: '電球交換' });
		expect(planQuery('ひやくさいたいそう'.repeat(22), context).levels[0].words).toEqual(['百歳体操']);
	});

	it('counts planning work only for a test that asks, one run at a time (searches share no counter)', () => {
		const context = { dictionaries: dictionaries(), lexicon: lexicon(), areas: AREAS };
		const query = 'でんきう'.repeat(5);
		const first = countPlanningWork(() => planQuery(query, context));
		const counted = { ...first };
		expect(counted.segmentations).toBeGreaterThan(0);
		expect(counted.kanaTypoCandidates).toBeGreaterThan(0);
		// Searches planned outside a count (every request) add to no one's figures…
		planQuery('ひやくさいたいそう'.repeat(3), context);
		expect(first).toEqual(counted);
		// …and a count is of its own run only: the same query counts the same work again.
		expect(countPlanningWork(() => planQuery(query, context))).toEqual(counted);
		// A count inside a count is the inner run's alone; the outer one goes on counting after it.
		let inner = counted;
		const outer = countPlanningWork(() => {
			inner = countPlanningWork(() => planQuery(query, context));
			planQuery(query, context);
		});
		expect(inner).toEqual(counted);
		expect(outer).toEqual(counted);
	});

	it('reads IME slips within a fixed budget however many a pasted text holds', () => {
		const context = { dictionaries: dictionaries(), lexicon: lexicon(), areas: AREAS };
		const pasted = '介語保険就老支援訪問解護'.repeat(17).slice(0, 200);
		const planningWork = countPlanningWork(() => planQuery(pasted, context));
		// Before: every reading of every slip re-cut the whole text, 833 times (176,546 characters, ~1.5 s).
		expect(planningWork.segmentedChars).toBeLessThanOrEqual(10_000);
		// A sentence's slips are still read (the budget is over twice what the longest eval sentence uses).
		expect(planQuery('介語の相談', context).levels[0].tiers).toEqual(planQuery('介護の相談', context).levels[0].tiers);
	});
});
